"""Brute-force protection for every login form (ours and the Wagtail admin's): slow, never locked.

Failures are counted in the shared cache (see signal_handlers.py) per username and per client address.
After LIMIT failures for a username (ADDRESS_LIMIT for an address) the next attempt has to wait: 30 s,
then twice as long after each further failure, up to WINDOW. While it waits, the backend refuses
*without looking at the password*, so guessing gets no answer; once the wait is over, the right
password is accepted. A guess then costs up to WINDOW, so brute force stays expensive, and nobody can
lock an account for good.

- The client address (home.addresses) is the connection's, or, behind load balancers, the one they report: with
  `TRUSTED_PROXY_COUNT = n` the n-th address from the right of X-Forwarded-For (each trusted proxy
  appends the address it saw; whatever a client wrote before them is ignored). Off (0) by default:
  X-Forwarded-For is then never read, since anyone can send it.
- A browser that signed in to an account before carries a signed "device" cookie for it. Its owner is
  not kept waiting by other people's failures on their username or their address (an office or a
  mobile network behind one address); that device's own failures are counted and slowed instead.
"""

import hashlib
import math
import secrets
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied

from home.addresses import client_address

# Failed logins allowed per username and per address before attempts must wait.
LIMIT = getattr(settings, "LOGIN_FAILURE_LIMIT", 5)
ADDRESS_LIMIT = getattr(settings, "LOGIN_FAILURE_IP_LIMIT", 20)
# The longest wait, and how long failures are remembered after the last one.
WINDOW = getattr(settings, "LOGIN_FAILURE_WINDOW", 15 * 60)
FIRST_WAIT = 30
DEVICE_COOKIE = "hamkori_device"
DEVICE_SALT = "accounts.login_throttle.device"
DEVICE_COOKIE_AGE = 365 * 24 * 60 * 60
DEVICE_ACCOUNTS = 5  # accounts remembered per browser (a shared family phone)


def now():
    return time.time()


def _name(username):
    return hashlib.sha256((username or "").strip().lower().encode()).hexdigest()[:32]


def _device(request):
    """(device id, set of account name hashes) from the signed cookie, or (None, set())."""
    raw = request.COOKIES.get(DEVICE_COOKIE) if request is not None else None
    if not raw:
        return None, set()
    try:
        value = signing.loads(raw, salt=DEVICE_SALT, max_age=DEVICE_COOKIE_AGE)
        return str(value["id"]), set(value["names"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None, set()


def _counters(request, username):
    """The counters that apply to this attempt, with their limits."""
    name = _name(username)
    device, names = _device(request)
    if name in names:  # this browser signed in to this account before: only its own failures count
        return [(f"login-fail:device:{device}:{name}", LIMIT)]
    return [(f"login-fail:user:{name}", LIMIT), (f"login-fail:ip:{client_address(request)}", ADDRESS_LIMIT)]


def seconds_to_wait(request, username):
    """How long this attempt must wait (0: it may go ahead)."""
    keys = [f"{key}:until" for key, _limit in _counters(request, username)]
    until = max((value or 0 for value in cache.get_many(keys).values()), default=0)
    return max(0, math.ceil(until - now()))


def is_throttled(request, username):
    return seconds_to_wait(request, username) > 0


def minutes_to_wait(request, username):
    return max(1, math.ceil(seconds_to_wait(request, username) / 60))


def _bump(key):
    cache.add(key, 0, WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW)
        return 1
    cache.touch(key, WINDOW)  # remembered for WINDOW after the last failure
    return count


def record_failure(request, username):
    if getattr(request, "_login_refused_unchecked", False):
        return  # refused while waiting: the password was not even looked at
    for key, limit in _counters(request, username):
        count = _bump(key)
        if count >= limit:
            wait = min(FIRST_WAIT * 2 ** (count - limit), WINDOW)
            cache.set(f"{key}:until", now() + wait, WINDOW + wait)


def forget_failures(request, username):
    name = _name(username)
    cache.delete_many([f"login-fail:user:{name}", f"login-fail:user:{name}:until"])
    device, names = _device(request)
    if device:
        cache.delete_many([f"login-fail:device:{device}:{name}", f"login-fail:device:{device}:{name}:until"])
    if request is not None:
        names = ([name] + [n for n in names if n != name])[:DEVICE_ACCOUNTS]
        request._login_device_cookie = signing.dumps(
            {"id": device or secrets.token_urlsafe(12), "names": names}, salt=DEVICE_SALT
        )


class LoginDeviceMiddleware:
    """Gives a browser that has just signed in its device cookie (see above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        value = getattr(request, "_login_device_cookie", None)
        if value:
            response.set_cookie(
                DEVICE_COOKIE,
                value,
                max_age=DEVICE_COOKIE_AGE,
                httponly=True,
                secure=settings.SESSION_COOKIE_SECURE,
                samesite="Lax",
            )
        return response


class ThrottledModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if is_throttled(request, username or kwargs.get(get_user_model().USERNAME_FIELD, "")):
            if request is not None:
                request._login_refused_unchecked = True
            raise PermissionDenied  # Django stops here: no other backend is asked
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_user(self, user_id):
        """The signed-in user, from the cache (accounts.cached_user): kept until the user is saved or deleted,
        so a changed password, a deactivation or a deletion signs the person out at their next request."""
        from . import cached_user

        user = cached_user.get_user(user_id, super().get_user)
        return user if self.user_can_authenticate(user) else None
