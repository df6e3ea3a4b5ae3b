"""Cached lookups behind the library's filters, rebuilt whenever resources, areas or organisations change."""

import time

from django.core.cache import cache
from django.db import transaction

from home import page_cache

FACETS_VERSION_KEY = "library:facets-version"


def bump_facets_version():
    """Called when resources, thematic areas or organisations change: cached filter options are rebuilt.
    Bumped at once (this transaction sees its own changes) and again when it commits, so that a list read
    by another worker in between (the old rows under the new version) is not kept."""
    _bump()
    transaction.on_commit(_bump)


def _bump():
    try:
        cache.incr(FACETS_VERSION_KEY)
    except ValueError:
        cache.set(FACETS_VERSION_KEY, _fresh_version(), None)


def facets_version():
    # Read with the request's routing call when the library asked for it (LibraryIndexPage.page_cache_keys).
    if page_cache.prefetched(FACETS_VERSION_KEY):
        version = page_cache.cached(FACETS_VERSION_KEY)
        if version is not None:
            return version
    return cache.get_or_set(FACETS_VERSION_KEY, _fresh_version, None)


def _fresh_version():
    """A first version that no earlier one (lost with the cache's key, while what it keyed was kept) can
    have reached: the time, so kept counts, facets and cards of an earlier count are never read again."""
    return time.time_ns() // 1000
