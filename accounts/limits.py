"""How often the account pages send email or answer one connection (sign-up, confirmation, password reset).

Counted in the shared cache. Every email to one address (a confirmation link, "you already have an
account", a password reset) shares one allowance, so nobody can use the site to flood a mailbox, and the
person at the keyboard always sees the same answer whether or not an email went out.
"""

import hashlib

from django.core.cache import cache

from home.addresses import client_address

# Emails to one address: one per EMAIL_GAP seconds, EMAIL_PER_DAY a day.
EMAIL_GAP = 120
EMAIL_PER_DAY = 5
# Requests from one connection to the forms that send email, per hour.
ADDRESS_PER_HOUR = 20


def allow(key, limit, window):
    """Count one more use of `key`; False once more than `limit` uses fall within `window` seconds."""
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit


def may_email(address):
    digest = hashlib.sha256(address.strip().lower().encode()).hexdigest()[:32]
    return allow(f"account-mail:gap:{digest}", 1, EMAIL_GAP) and allow(
        f"account-mail:day:{digest}", EMAIL_PER_DAY, 24 * 60 * 60
    )


def connection_allowed(request, form_name):
    return allow(f"account-form:{form_name}:{client_address(request)}", ADDRESS_PER_HOUR, 60 * 60)
