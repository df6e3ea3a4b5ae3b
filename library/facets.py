"""Cached lookups behind the library's filters, rebuilt whenever resources, areas or organisations change."""

from django.core.cache import cache

FACETS_VERSION_KEY = "library:facets-version"


def bump_facets_version():
    """Called when resources, thematic areas or organisations change: cached filter options are rebuilt."""
    try:
        cache.incr(FACETS_VERSION_KEY)
    except ValueError:
        cache.set(FACETS_VERSION_KEY, 1, None)


def facets_version():
    return cache.get_or_set(FACETS_VERSION_KEY, 1, None)
