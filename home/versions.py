"""A version number in the shared cache, for what is kept under it (search results, library facets).

Every change moves it twice: at once (this transaction sees its own changes) and when it commits, so what a
reader in another worker kept in between (the old rows under the new version) is not used either. A version
the cache lost restarts at the time, which no earlier one can have reached, so nothing kept under an earlier
count is read again.
"""

import time

from django.core.cache import cache
from django.db import transaction


def now_and_after_commit(action):
    """Do it now, so this process never uses what it kept before, and once more when the change is committed,
    so what another worker kept from the old rows in between is not used either."""
    action()
    transaction.on_commit(action)


def bump(key):
    now_and_after_commit(lambda: _bump(key))


def current(key):
    return cache.get_or_set(key, _fresh, None)


def _bump(key):
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, _fresh(), None)


def _fresh():
    return time.time_ns() // 1000
