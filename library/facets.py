"""Cached lookups behind the library's filters, rebuilt whenever resources, areas or organisations change."""

from home import page_cache, versions

FACETS_VERSION_KEY = "library:facets-version"


def bump_facets_version():
    """Called when resources, thematic areas or organisations change: cached filter options are rebuilt."""
    versions.bump(FACETS_VERSION_KEY)


def facets_version():
    # Read with the request's routing call when the library asked for it (LibraryIndexPage.page_cache_keys).
    if page_cache.prefetched(FACETS_VERSION_KEY):
        version = page_cache.cached(FACETS_VERSION_KEY)
        if version is not None:
            return version
    return versions.current(FACETS_VERSION_KEY)
