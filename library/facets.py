"""Cached lookups behind the library's filters, rebuilt whenever resources, areas or organisations change."""

from django.core.cache import cache
from wagtail.models import Locale

from home.models import ThematicArea

FACETS_VERSION_KEY = "library:facets-version"


def bump_facets_version():
    """Called when resources, thematic areas or organisations change: cached filter options are rebuilt."""
    try:
        cache.incr(FACETS_VERSION_KEY)
    except ValueError:
        cache.set(FACETS_VERSION_KEY, 1, None)


def facets_version():
    return cache.get_or_set(FACETS_VERSION_KEY, 1, None)


def localized_area_names(locale_id=None):
    """{translation_key: name in the reader's language} for every thematic area (cached)."""
    locale_id = locale_id or Locale.get_active().pk
    key = f"library:area-names:{locale_id}:{facets_version()}"
    names = cache.get(key)
    if names is None:
        names = dict(ThematicArea.objects.filter(locale_id=locale_id).values_list("translation_key", "name"))
        cache.set(key, names, 3600)
    return names
