"""Per-person rows kept in the cache for signed-in requests, each under a version of its own that every
change bumps (the signed-in user here; courses.learning_state registers the learner's progress).

An entry is stored with the version it was built under and used only while that version is still the
current one, so a request that read the rows just before a change (and writes them back after it) can
never make the change invisible: its entry carries the old version and is ignored. The user, the learner's
progress and anything else registered in ``ALSO`` are read in one cache call when the session names the user.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

from home import page_cache

SECONDS = 3600
# Functions of a user id giving more (version key, entry key) pairs to read with the user (courses.learning_state).
ALSO = []


def user_keys(user_id):
    return f"user:v:{user_id}", f"user:{user_id}"


def read(version_key, entry_key):
    """(the current version, the value kept under entry_key for it or None), from this request's prefetch."""
    version, entry = page_cache.cached(version_key), page_cache.cached(entry_key)
    if version is not None and entry is not None and entry[0] == version:
        return version, entry[1]
    return version, None


def keep(version_key, version, entry_key, value):
    """Keep value under entry_key for ``version``: the version ``read`` gave before the value was built, so a
    change made meanwhile leaves the entry unused."""
    if version is None:
        version = uuid.uuid4().hex[:12]
        if not cache.add(version_key, version, timeout=None):
            return  # changed meanwhile: not kept this time
    cache.set(entry_key, (version, value), SECONDS)


def bump(*version_keys):
    """Make what is kept under these versions stale: now, and once more when the change is committed."""
    if not version_keys:
        return

    def action():
        token = uuid.uuid4().hex[:12]
        cache.set_many(dict.fromkeys(version_keys, token), timeout=None)

    action()
    transaction.on_commit(action)


def keys_for(user_id):
    """The keys get_user reads for this user, to read earlier with something else (home.middleware)."""
    keys = list(user_keys(user_id))
    for also in ALSO:
        keys.extend(also(user_id))
    return keys


def get_user(user_id, load):
    """The user with this id, from the cache, else ``load(user_id)`` (kept when found)."""
    version_key, entry_key = user_keys(user_id)
    keys = keys_for(user_id)
    if not all(page_cache.prefetched(key) for key in keys):
        page_cache.want(())  # read now: not again with the next call
        page_cache.remember(cache.get_many(keys), keys)
    version, user = read(version_key, entry_key)
    if user is None:
        user = load(user_id)
        if user is not None:
            keep(version_key, version, entry_key, user)
    return user


def user_changed(sender, instance, **kwargs):
    bump(user_keys(instance.pk)[0])
