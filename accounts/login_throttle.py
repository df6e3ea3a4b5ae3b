"""Brute-force protection for every login form (ours and the Wagtail admin's).

Failures are counted in the shared cache per username and per address (see signal_handlers.py);
while either count is over its limit, the authentication backend refuses every password.
"""

import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import PermissionDenied

# Failed logins allowed per username and per address within the window, before logins are refused.
LIMIT = getattr(settings, "LOGIN_FAILURE_LIMIT", 5)
ADDRESS_LIMIT = getattr(settings, "LOGIN_FAILURE_IP_LIMIT", 20)
WINDOW = getattr(settings, "LOGIN_FAILURE_WINDOW", 15 * 60)


def _keys(request, username):
    name = hashlib.sha256((username or "").strip().lower().encode()).hexdigest()[:32]
    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    return f"login-fail:user:{name}", f"login-fail:ip:{address}"


def is_throttled(request, username):
    user_key, address_key = _keys(request, username)
    return (cache.get(user_key) or 0) >= LIMIT or (cache.get(address_key) or 0) >= ADDRESS_LIMIT


def _bump(key):
    cache.add(key, 0, WINDOW)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW)
        return 1


def record_failure(request, username):
    for key in _keys(request, username):
        _bump(key)


def forget_failures(request, username):
    cache.delete(_keys(request, username)[0])


class ThrottledModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if is_throttled(request, username or kwargs.get(get_user_model().USERNAME_FIELD, "")):
            raise PermissionDenied  # Django stops here: no other backend is asked
        return super().authenticate(request, username=username, password=password, **kwargs)
