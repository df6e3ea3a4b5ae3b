"""Addresses: the one a request comes from (the person's, not our load balancer's), and the site's own
public address for links that leave it (emails, PDFs, QR codes, credentials).

With TRUSTED_PROXY_COUNT = n (cms/settings/base.py), the n-th address from the right of X-Forwarded-For
(each trusted proxy appends the address it saw); 0, the default, means the connection itself.
Every brake counts by it: the login throttle, the account-email limits, certificate look-ups.
"""

from django.conf import settings


def client_address(request):
    if request is None:
        return ""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if trusted <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < trusted:
        return remote  # not through all our proxies: the connection is the client
    return forwarded[-trusted][:64]


def public_url(path):
    """The full address of a path on the site's public base address (BASE_URL)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
