"""Per-person rows kept in the cache for signed-in requests, each under a version of its own that every
change bumps (the signed-in user here; courses.learning_state registers the learner's progress).

An entry is stored with the version it was built under and used only while that version is still the
current one, so a request that read the rows just before a change (and writes them back after it) can
never make the change invisible: its entry carries the old version and is ignored. The user, the learner's
progress and anything else registered in ``ALSO`` are read in one cache call when the session names the user.
"""

import functools
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from home import page_cache
from home.versions import now_and_after_commit

SECONDS = 3600
# Functions of a user id giving more (version key, entry key) pairs to read with the user (courses.learning_state).
ALSO = []


def user_keys(user_id):
    """(version key, entry key). The entry key carries the format of what is kept (``_without_password``): a new
    format gets a new number, so an entry left in Redis by another release is never read. The version key stays,
    so a change made by either release during a deploy makes both releases' entries stale."""
    return f"user:v:{user_id}", f"user:2:{user_id}"


def read(version_key, entry_key):
    """(the current version, the value kept under entry_key for it or None), from this request's prefetch.
    Always (None, None) when the cache is not shared by every process (settings.PER_PERSON_CACHE)."""
    if not settings.PER_PERSON_CACHE:
        return None, None
    version, entry = page_cache.cached(version_key), page_cache.cached(entry_key)
    if version is not None and entry is not None and entry[0] == version:
        return version, entry[1]
    return version, None


def keep(version_key, version, entry_key, value):
    """Keep value under entry_key for ``version``: the version ``read`` gave before the value was built, so a
    change made meanwhile leaves the entry unused."""
    if not settings.PER_PERSON_CACHE:
        return
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

    now_and_after_commit(action)


def keys_for(user_id):
    """The keys get_user reads for this user, to read earlier with something else (home.middleware)."""
    if not settings.PER_PERSON_CACHE:
        return []
    keys = list(user_keys(user_id))
    for also in ALSO:
        keys.extend(also(user_id))
    return keys


def get_user(user_id, load):
    """The user with this id, from the cache, else ``load(user_id)`` (kept when found)."""
    if not settings.PER_PERSON_CACHE:
        return load(user_id)
    version_key, entry_key = user_keys(user_id)
    keys = keys_for(user_id)
    if not all(page_cache.prefetched(key) for key in keys):
        page_cache.want(())  # read now: not again with the next call
        page_cache.remember(cache.get_many(keys), keys)
    version, kept = read(version_key, entry_key)
    if _usable(kept):
        return _rebuilt(kept)
    user = load(user_id)
    if user is not None:
        keep(version_key, version, entry_key, _without_password(user))
    return user


def _without_password(user):
    """What the cache keeps of a user: every field but the password hash, which never leaves the database.
    The session check gets the digest Django derives from it instead (get_session_auth_hash)."""
    fields = {f.attname: getattr(user, f.attname) for f in user._meta.concrete_fields if f.attname != "password"}
    return fields, user.get_session_auth_hash(), _key_fingerprint()


def _key_fingerprint():
    """Which SECRET_KEY the kept session auth hash was derived with (an HMAC made with it, not the key itself)."""
    return _fingerprint_of(settings.SECRET_KEY)


@functools.lru_cache(maxsize=4)
def _fingerprint_of(secret_key):
    digest = salted_hmac("accounts.cached_user", "key-fingerprint", secret=secret_key, algorithm="sha256")
    return digest.hexdigest()[:16]


def _usable(kept):
    """A kept user in this release's format whose session auth hash was made with the current SECRET_KEY: anything
    else (another release's entry, a rotated key, which must sign everyone out at once) is read anew."""
    return (
        isinstance(kept, tuple)
        and len(kept) == 3
        and isinstance(kept[0], dict)
        and isinstance(kept[1], str)
        and kept[2] == _key_fingerprint()
    )


def _session_auth_hash(user, kept_hash):
    if "password" in user.__dict__:  # read or changed since (a password change): derived as Django does
        return type(user).get_session_auth_hash(user)
    return kept_hash


def _rebuilt(kept):
    """The user again, with the password left deferred: reading it asks the database, and saving the user
    saves only the other fields, so a kept copy can never overwrite a changed password."""
    fields, session_auth_hash, _fingerprint = kept
    model = get_user_model()
    names = [f.attname for f in model._meta.concrete_fields if f.attname in fields]
    user = model.from_db("default", names, [fields[name] for name in names])
    user.get_session_auth_hash = functools.partial(_session_auth_hash, user, session_auth_hash)
    return user


def user_changed(sender, instance, **kwargs):
    bump(user_keys(instance.pk)[0])
