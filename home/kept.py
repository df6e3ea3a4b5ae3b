"""What one process keeps of values that are the same for every reader, beside the shared cache."""

import time

from django.core.cache import cache


class Kept:
    """Values kept in this process: each for `seconds` at most (None: until replaced; the keys carry the
    versions that make a value stale), and started afresh when it holds `most`, so made-up keys cannot
    grow it without bound. Read and kept by the threads of a worker at once: a full store is replaced,
    never emptied under a reader, and a read is one dict.get."""

    def __init__(self, most, seconds=3600):
        self.most, self.seconds = most, seconds
        self._entries = {}

    def __len__(self):
        return len(self._entries)

    def clear(self):
        self._entries = {}

    def get(self, key):
        entry = self._entries.get(key)
        if entry is None or (entry[0] is not None and entry[0] <= time.monotonic()):
            return None
        return entry[1]

    def keep(self, key, value, seconds=None):
        entries = self._entries
        if len(entries) >= self.most:
            entries = self._entries = {}
        seconds = self.seconds if seconds is None else seconds
        entries[key] = (None if seconds is None else time.monotonic() + seconds, value)
        return value


def kept_or_shared(store, key, build, seconds):
    """The value of key from this process's store, else from the shared cache, else ``build()`` (kept in the
    shared cache for `seconds`): kept in the process either way, so the shared cache is read once per process."""
    value = store.get(key)
    if value is None:
        value = cache.get(key)
        if value is None:
            value = build()
            cache.set(key, value, seconds)
        store.keep(key, value)
    return value
