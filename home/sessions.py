"""Sessions read from the shared cache (written through to the database), in the cache call a request makes
first anyway (home.middleware.CachedSiteMiddleware): a signed-in request makes one cache call less."""

import re

from django.conf import settings
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore

from . import page_cache

# What Django's session keys look like (32 of [a-z0-9]): anything else in the cookie is never looked up early.
SESSION_KEY_SHAPE = re.compile(r"[a-z0-9]{8,64}")


class SessionStore(CachedDBStore):
    def load(self):
        if self.session_key and page_cache.prefetched(self.cache_key):
            data = page_cache.cached(self.cache_key)
            if data is not None:
                return data
        return super().load()


def cache_key(request):
    """The cache key of the request's session, to read with the request's first cache call; None when the
    request has no session cookie or sessions are kept elsewhere."""
    if settings.SESSION_ENGINE != __name__:
        return None
    value = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not value or not SESSION_KEY_SHAPE.fullmatch(value):
        return None
    return SessionStore.cache_key_prefix + value
