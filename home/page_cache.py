"""A shared cache of whole pages for anonymous readers, emptied whenever editors publish.

Only responses that are the same for every anonymous reader are kept: GET or HEAD,
status 200, HTML, no cookie set, no CSRF token in the page, nothing marked private.
Publishing, unpublishing or deleting a page, or saving a snippet, bumps a version
number that is part of every key, so all cached pages go stale at once on every
app server that shares the cache (Redis in production).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

VERSION_KEY = "pagecache:version"
SKIPPED_PREFIXES = ("/admin/", "/documents/", "/healthz", "/static/", "/media/")
# Cookies that never change what an anonymous reader sees.
NEUTRAL_COOKIES = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def current_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    return version


def invalidate(**kwargs):
    """Make every cached page stale (connected to Wagtail's publish and snippet signals)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def cache_key(request, version):
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"pagecache:{version}:{request.get_host()}:{request.method}:{digest}"


def can_use_cache(request):
    if request.method not in ("GET", "HEAD") or request.path.startswith(SKIPPED_PREFIXES):
        return False
    # A session (signed in, messages, a password-protected page...) means the page may be personal.
    return not (set(request.COOKIES) - NEUTRAL_COOKIES)


def can_store(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not getattr(response, "streaming", False)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page holds a CSRF token
        and not getattr(getattr(request, "user", None), "is_authenticated", False)
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PAGE_CACHE_SECONDS
        if not timeout or not can_use_cache(request):
            return self.get_response(request)

        key = cache_key(request, current_version())
        response = cache.get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        if can_store(request, response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            # Browsers and shared proxies revalidate: only our cache, which publishing empties, keeps pages.
            patch_cache_control(response, no_cache=True, public=True)
            cache.set(key, response, timeout)
            response["X-Page-Cache"] = "miss"
        return response
