"""Public verification of a certificate by its code, and a brake on guessing codes.

A code holds 40 random bits, so guessing one is hopeless; still, each address (the person's, behind a
load balancer too: home.addresses) may look up only
MISS_LIMIT codes that do not exist per WINDOW, after which it is asked to wait. Found codes and
malformed input do not count, so a holder checking a real certificate is never held back.
"""

from django.core.cache import cache

from home.addresses import client_address

from .models import Certificate, normalise_certificate_code

MISS_LIMIT = 30
WINDOW = 15 * 60

VALID, REVOKED, NOT_FOUND, MALFORMED, THROTTLED = "valid", "revoked", "not_found", "malformed", "throttled"


def _key(request):
    return f"certificate-verify-miss:{client_address(request)}"


def _count_miss(request):
    key = _key(request)
    cache.add(key, 0, WINDOW)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW)


def check(request, typed):
    """(state, certificate or None, the code as printed or None) for what someone typed."""
    code = normalise_certificate_code(typed)
    if code is None:
        return MALFORMED, None, None
    if (cache.get(_key(request)) or 0) >= MISS_LIMIT:
        return THROTTLED, None, code
    certificate = Certificate.objects.filter(code=code).first()
    if certificate is None:
        _count_miss(request)
        return NOT_FOUND, None, code
    return (REVOKED if certificate.is_revoked else VALID), certificate, code
