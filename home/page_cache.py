"""A shared cache of whole pages for anonymous readers, kept until what they show changes.

Only responses that are the same for every anonymous reader are kept: GET or HEAD, status 200,
HTML, no cookie set, no CSRF token in the page, nothing marked private, and no query string the
view did not declare its own (so made-up query strings cannot fill the cache).

Each cached page carries tags with the version they had when it was built:

- ``page:<id>``: the page itself. Publishing a page changes it for the page, its translations (their
  language links) and every page that refers to it in Wagtail's reference index (a session's
  "learn more" links, featured cards...).
- ``below:<tree path>``: the pages under a page. Publishing a page changes it for each of its
  ancestors, so listings (a programme's sessions, the library, the course outline) are rebuilt.

A hit compares the stored versions with the current ones in one cache call; publishing one session
rebuilds the session, its translations, its programme, its neighbours and the pages that link to it,
and leaves every other page warm. What every page shows (the menu and the footer), moving pages and
changing who may see them still make every page stale at once (``invalidate``).

When a stale page is rebuilt, one worker rebuilds it under a short lock while the others keep
serving the stale copy for those few milliseconds; a page nobody has cached yet is built once
while the others wait briefly for it.
"""

import hashlib
import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.text import compress_string
from django.utils.translation import get_language

from .kept import Kept
from .versions import now_and_after_commit

VERSION_KEY = "pagecache:version"
TAG_PREFIX = "pagecache:tag:"
SKIPPED_PREFIXES = ("/admin/", "/documents/", "/healthz", "/static/", "/media/")
# Cookies that never change what an anonymous reader sees.
NEUTRAL_COOKIES = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
LOCK_SECONDS = 10
WAIT_SECONDS = 2.0
WAIT_STEP = 0.02


# --- Versions ---------------------------------------------------------------------------------


class _RequestMemo(threading.local):
    """The version of everything and of the tags as a request first read them, so a request asks
    Redis for each once (and for several at a time).

    Only while a request is served (``request_started`` .. ``finished``); outside requests (commands,
    signals in tests) every call reads Redis. Anything made stale in this process forgets them at once.
    """

    active = False
    version = None
    tags = None
    prefetched = None


_memo = _RequestMemo()


def request_started():
    _memo.active, _memo.version, _memo.tags, _memo.prefetched = True, None, {}, {}
    _memo.wanted = ()


def request_finished():
    _memo.active, _memo.version, _memo.tags, _memo.prefetched = False, None, None, None


def _forget():
    _memo.version = None
    if _memo.tags:
        _memo.tags = {}
    if _memo.prefetched:
        _memo.prefetched = {}


def prefetch(keys):
    """Read these cache keys now, in one call, for ``cached(key)`` later in this request."""
    keys = [key for key in keys if key]
    if not (_memo.active and keys):
        return
    found = cache.get_many(keys)
    _memo.prefetched.update({key: found.get(key) for key in keys})


def remember(found, keys):
    """Keep what a call of this request read (``found`` of ``keys``) for ``cached(key)`` later in the request."""
    if _memo.active:
        _memo.prefetched.update({key: found.get(key) for key in keys})


def want(keys):
    """Read these keys with this request's next call of ``versions`` that reads the cache (for ``cached(key)``);
    returns what was wanted before, which is no longer. Nothing outside requests."""
    before = getattr(_memo, "wanted", ()) if _memo.active else ()
    if _memo.active:
        _memo.wanted = tuple(keys)
    return before


def prefetched(key):
    """Whether this request has read the key already (``cached(key)`` then makes no cache call)."""
    return bool(_memo.active and _memo.prefetched and key in _memo.prefetched)


def cached(key):
    """cache.get(key), answered from what this request prefetched when it can (once)."""
    if _memo.active and key in (_memo.prefetched or {}):
        return _memo.prefetched.pop(key)
    return cache.get(key)


def _remember_version(version):
    if _memo.active and version is not None:
        _memo.version = version


def _first_version():
    # Not 1: after Redis is emptied, the versions start again, and copies of pages kept in a worker's memory
    # (_Kept) from before must not match the new ones.
    return uuid.uuid4().int >> 80


def current_version():
    """The version of everything: when it changes, no cached page (or cached menu, footer, site) is used."""
    if _memo.active and _memo.version is not None:
        return _memo.version
    version = cache.get(VERSION_KEY)
    if version is None:
        version = _first_version()
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY, version)
    _remember_version(version)
    return version


def current_version_and(*keys):
    """(the version of everything, {key: cached value or None}), in one cache call at most (none for what
    this request has prefetched)."""
    values = {}
    if _memo.active and _memo.prefetched:
        values = {key: _memo.prefetched.pop(key) for key in keys if key in _memo.prefetched}
    missing = [key for key in keys if key not in values]
    if _memo.active and _memo.version is not None:
        found = cache.get_many(missing) if missing else {}
        return _memo.version, {**values, **{key: found.get(key) for key in missing}}
    found = cache.get_many([VERSION_KEY, *missing])
    values.update({key: found.get(key) for key in missing})
    if found.get(VERSION_KEY) is None:
        return current_version(), values
    _remember_version(found[VERSION_KEY])
    return found[VERSION_KEY], values


# The sites as each process last read them from the cache, with the version they were read at
# (home.middleware.CachedSiteMiddleware): unpickling a site with its home pages costs more than its cache call.
kept_sites = Kept(100)


def site_key(request):
    """Where the site, its home pages, menu and footer are kept (home.middleware.CachedSiteMiddleware)."""
    return f"site:{request.get_host()}"


def route_key(request):
    """Where the page found at this address is kept (home.models.HomePage.route_cached)."""
    digest = hashlib.sha256(request.path.encode()).hexdigest()
    return f"route:{request.get_host()}:{digest}"


def _bump_everything():
    _forget()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, _first_version(), timeout=None)


def _bump(tags):
    _forget()
    token = uuid.uuid4().hex[:12]
    cache.set_many({TAG_PREFIX + tag: token for tag in tags}, timeout=None)


def _start(tags):
    """{tag: version} for tags missing from the cache (never changed, or evicted by Redis: they have no
    timeout, but an LRU policy may still drop them): a new token, never one a page, route or structure kept
    before could carry; another worker's if it started the tag first. One cache call with Redis."""
    token = uuid.uuid4().hex[:12]
    keys = [TAG_PREFIX + tag for tag in tags]
    add_many = getattr(cache, "add_many", None)  # home.redis_cache.SharedRedisCache
    if add_many is not None:
        found = add_many(dict.fromkeys(keys, token), timeout=None)
    else:
        for key in keys:
            cache.add(key, token, timeout=None)
        found = cache.get_many(keys)
    return {tag: found.get(key, token) for tag, key in zip(tags, keys, strict=True)}


def invalidate(**kwargs):
    """Make every cached page stale (moves, privacy, menu and footer changes)."""
    now_and_after_commit(_bump_everything)


def changed(tags):
    """Make the cached pages carrying any of these tags stale."""
    tags = sorted(set(tags))
    if tags:
        now_and_after_commit(lambda: _bump(tags))


def versions(tags, also=()):
    """(version of everything, {tag: version}) now; a tag missing from the cache starts at a new token (_start).

    One cache call at most; during a request, none for what the request has read already. When a call is
    made, the cache keys `also` are read with it, for ``cached(key)`` later in the request.
    """
    memo = _memo.tags if _memo.active else None
    version = _memo.version if _memo.active else None
    missing = [tag for tag in tags if memo is None or memo.get(tag) is None]
    if missing or version is None:
        keys = [TAG_PREFIX + tag for tag in missing]
        also = [*also, *want(())] if _memo.active else also  # and what the request wants read next (want)
        also = [key for key in also if key and _memo.active and key not in _memo.prefetched]
        found = cache.get_many([*keys, *also] if version is not None else [VERSION_KEY, *keys, *also])
        if also:
            _memo.prefetched.update({key: found.get(key) for key in also})
        if version is None:
            version = found.get(VERSION_KEY)
            _remember_version(version)
        read = {tag: found.get(TAG_PREFIX + tag) for tag in missing}
        absent = [tag for tag, value in read.items() if value is None]
        if absent:
            read.update(_start(absent))
        if memo is not None:
            memo.update(read)
        else:
            memo = read
    return version, {tag: memo[tag] for tag in tags}


def tag_versions(tags):
    """{tag: version} now; a tag missing from the cache starts at a new token (_start)."""
    return versions(tags)[1]


def page_version(page):
    """A key part for fragments of a page's content that are the same for every reader (its StreamField):
    it changes when the page, or a page it shows, is published, or when everything changes. One cache
    call at most, none when the page cache has just read the page's tags for this request."""
    tag = f"page:{page.pk}"
    version, found = versions([tag])
    return f"{page.pk}.{page.live_revision_id}.{version}.{found[tag]}"


def shown_version(page):
    """Like page_version, for what shows the page's translations and ancestors (its language links):
    it also changes when an ancestor or a translation of one is published or unpublished."""
    tags = [tag for tag in page_tags(page) if tag.startswith("page:")]
    version, found = versions(tags)
    return f"{page.pk}.{page.live_revision_id}.{version}." + ".".join(str(found[tag]) for tag in tags)


def ancestors_known(page):
    """Whether what follows a page's ancestors can be kept by its versions: routing found them
    (``path_ancestors``), or it has none below the home page that could change alone."""
    return page.depth <= 3 or hasattr(page, "path_ancestors")


def page_state(page):
    """A key part that changes whenever the page cache would rebuild the page (one of its tags changed, or
    everything did), for what a page shows every reader alike beyond its own content (listings, figures).
    Read before serving the page (note_page), so no cache call."""
    version, found = versions(page_tags(page))
    state = hashlib.sha256(repr(sorted(found.items(), key=str)).encode()).hexdigest()[:20]
    return f"{page.pk}.{page.live_revision_id}.{version}.{state}"


def kept_for_page(request, page, name, build):
    """What ``build()`` works out for this page, the same for every reader (its listings, figures...), kept in
    the cache exactly as long as the page cache keeps the page itself: until one of the page's tags changes
    (see page_tags), everything changes, or PAGE_CACHE_SECONDS pass. Never kept for a preview."""
    if getattr(request, "is_preview", False):
        return build()
    key = f"kept:{name}:{get_language()}:{page_state(page)}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, settings.PAGE_CACHE_SECONDS or 60)
    return value


# --- What a page shows, and what changes when a page or snippet changes ------------------------


def page_tags(page):
    """The tags of a page as served: itself, the pages under it, and what its template shows around it."""
    steplen = page.steplen
    tags = [f"page:{page.pk}", f"below:{page.path}"]
    if getattr(page, "page_cache_shows_siblings", False):  # previous/next links, a course outline
        tags.append(f"below:{page.path[:-steplen]}")
    for ancestor in getattr(page, "path_ancestors", ()):  # breadcrumbs (known from routing, so free)
        if ancestor.depth > 2:
            tags.append(f"page:{ancestor.pk}")
    return tags


def _ancestor_tags(paths, steplen):
    return {f"below:{path[:end]}" for path in paths for end in range(2 * steplen, len(path), steplen)}


def _referring_pages(references):
    """(id, path) of the pages among the referrers in these ReferenceIndex rows."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import IntegerField
    from django.db.models.functions import Cast
    from wagtail.models import Page

    by_pages = references.filter(base_content_type=ContentType.objects.get_for_model(Page))
    # The reference index keeps object ids as text (any model's key): compare them as page ids.
    page_ids = by_pages.annotate(page_id=Cast("object_id", IntegerField())).values("page_id")
    return list(Page.objects.filter(pk__in=page_ids).values_list("pk", "path"))


def page_changed(page):
    """A page was published, unpublished or deleted: its cached copies, listings and referrers go stale.

    Pages in the menu (and the home pages) are on every page, so they make everything stale.
    """
    from wagtail.models import Page, ReferenceIndex

    if page.depth <= 3:
        invalidate()
        return
    translations = Page.objects.filter(translation_key=page.translation_key)
    referrers = _referring_pages(ReferenceIndex.get_references_to_in_bulk(translations))
    tags = {f"page:{pk}" for pk in {page.pk, *translations.values_list("pk", flat=True)}}
    tags |= _ancestor_tags([page.path], page.steplen)
    tags |= {f"page:{pk}" for pk, _path in referrers}
    if getattr(page.specific_class, "page_cache_listed_in_every_language", False):
        tags |= _translated_parent_tags(page)
    changed(tags)


def _translated_parent_tags(page):
    """``below:`` tags of every translation of the page's parent and of their ancestors, for a page its
    parent lists in every language (a lesson in each translation's course outline, a course's languages
    in each catalogue). One query."""
    from wagtail.models import Page

    parent = Page.objects.filter(path=page.path[: -page.steplen]).values("translation_key")
    paths = list(Page.objects.filter(translation_key__in=parent).values_list("path", flat=True))
    return {f"below:{path}" for path in paths} | _ancestor_tags(paths, page.steplen)


def object_changed(instance):
    """A snippet was saved: the pages that refer to it (and the listings above them) go stale."""
    from wagtail.models import Page, ReferenceIndex

    referrers = _referring_pages(ReferenceIndex.get_references_to(instance))
    tags = {f"page:{pk}" for pk, _path in referrers} | _ancestor_tags([path for _pk, path in referrers], Page.steplen)
    changed(tags)


# --- The requests and responses that may be cached --------------------------------------------


def allow_query(request, understood):
    """Let the page cache keep this response when its query string is exactly what the view understood.

    ``understood`` is {name: value} as the view read and accepted them (an empty value for a field
    left blank). A made-up name, a repeated name or a value the view ignored keeps it uncached, so
    random query strings cannot fill the cache.
    """
    given = request.GET
    if set(given) == set(understood) and all(given.getlist(name) == [str(understood[name])] for name in given):
        request.page_cache_query_allowed = True


def note_page(request, page):
    """Called before a page is served (a Wagtail hook): remember its tags and their versions now,
    before it is rendered, so a change published during the rendering is never hidden.

    Read in one cache call for every page (also signed in or uncached), so that what the page then keeps
    in the cache by these versions (language links, fragments, a session's neighbours) asks for none."""
    found = tag_versions(page_tags(page))
    if getattr(request, "page_cache_tags", None) is not None:
        request.page_cache_tags = found
    # What the page will look up by these versions, in one more call: its language links, and what the
    # page type keeps (a session's neighbours and study packs: ``page_cache_keys``).
    from .templatetags.navigation_tags import language_links_key

    keys = [language_links_key(request, page)]
    if hasattr(page, "page_cache_keys"):
        keys += page.page_cache_keys()
    prefetch([key for key in keys if key not in _memo.prefetched] if _memo.active else keys)
    # Kept with the page found at this address, so that next time they are read with its versions.
    route = getattr(request, "page_cache_route_kept", None)
    if route is not None and route[1].get("prefetch") != keys:
        route[1]["prefetch"] = keys
        cache.set(*route, settings.PAGE_CACHE_SECONDS or 60)


def cache_key(request):
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"pagecache:{request.scheme}:{request.get_host()}:{request.method}:{digest}"


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
        and (not request.GET or getattr(request, "page_cache_query_allowed", False))
    )


FRESH, STALE, GONE = "fresh", "stale", "gone"


def freshness(entry):
    """FRESH, STALE (a page it shows has changed) or GONE (everything changed since), in one cache call."""
    tags = list(entry["tags"])
    found = cache.get_many([VERSION_KEY, *(TAG_PREFIX + tag for tag in tags)])
    _remember_version(found.get(VERSION_KEY))
    if _memo.active:
        _memo.tags.update({tag: found.get(TAG_PREFIX + tag) for tag in tags})
    if found.get(VERSION_KEY) != entry["version"]:
        return GONE
    if any(found.get(TAG_PREFIX + tag) != version or version is None for tag, version in entry["tags"].items()):
        return STALE  # a tag missing now has no version a copy can carry (see _start)
    return FRESH


def _served(entry, state):
    response = entry["response"]
    response["X-Page-Cache"] = state
    if state == "hit":
        _kept.keep(entry)
    return response


class _Kept:
    """The pages this worker served last, kept in its memory as they were stored, so that a hit asks the
    cache one thing: whether the versions the page was built with are still current (one call), without
    fetching and unpickling the page. Each is kept no longer than it is kept in the cache."""

    SIZE = 200

    def __init__(self):
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def keep(self, entry):
        if "key" not in entry or "built" not in entry:
            return
        response = entry["response"]
        kept = {
            "version": entry["version"],
            "tags": entry["tags"],
            "built": entry["built"],
            "until": entry["built"] + settings.PAGE_CACHE_SECONDS,
            "status": response.status_code,
            "headers": [(name, value) for name, value in response.items() if name != "X-Page-Cache"],
            "content": response.content,
        }
        with self._lock:
            self._entries[entry["key"]] = kept
            self._entries.move_to_end(entry["key"])
            while len(self._entries) > self.SIZE:
                self._entries.popitem(last=False)

    def get(self, key):
        with self._lock:
            kept = self._entries.get(key)
            if kept is not None and kept["until"] <= time.time():
                del self._entries[key]
                return None
            return kept

    def forget(self):
        with self._lock:
            self._entries.clear()

    @staticmethod
    def response(kept, request):
        content = kept["content"]
        gzipped = None
        if len(content) >= 200 and re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            # Compressed once per worker, not on every hit (GZipMiddleware leaves an encoded response alone).
            # No random padding against BREACH: a cached page holds no secret (no CSRF token, no session).
            gzipped = kept.get("gzip")
            if gzipped is None:
                gzipped = kept["gzip"] = compress_string(content)
            if len(gzipped) >= len(content):
                gzipped = None
        response = HttpResponse(gzipped or content, status=kept["status"])
        for name, value in kept["headers"]:
            response[name] = value
        if gzipped is not None:
            patch_vary_headers(response, ("Accept-Encoding",))
            response["Content-Length"] = str(len(gzipped))
            etag = response.get("ETag")
            if etag and etag.startswith('"'):
                response["ETag"] = "W/" + etag
            response["Content-Encoding"] = "gzip"
        response["X-Page-Cache"] = "hit"
        return response


_kept = _Kept()
# The addresses whose last response this worker could not keep, for a minute: they are built without the lock.
_not_kept = Kept(1000, seconds=60)


def forget_kept_pages():
    """This process forgets the pages it kept and those it could not (for tests: as a fresh worker)."""
    _kept.forget()
    _not_kept.clear()


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PAGE_CACHE_SECONDS
        if not timeout or not can_use_cache(request):
            return self.get_response(request)

        key = cache_key(request)
        kept = _kept.get(key)
        kept_state = None
        if kept is not None:
            kept_state = freshness(kept)
            if kept_state == FRESH:
                return _Kept.response(kept, request)  # one cache call
        # The page and the version of everything in one call, with the site and the page found at this
        # address (CachedSiteMiddleware, HomePage.route_cached): a miss then needs none of them again.
        site = site_key(request)
        found_with = [route_key(request), *([] if kept_sites.get(site) else [site])]
        found = cache.get_many([key, VERSION_KEY, *found_with])
        entry = found.get(key)
        _remember_version(found.get(VERSION_KEY))
        if _memo.active:
            _memo.prefetched.update({name: found.get(name) for name in found_with})
        stale = None
        version = None
        if entry is not None:
            # The copy this worker kept, found stale a moment ago, unless another worker has rebuilt it since.
            same = kept is not None and entry.get("built") == kept["built"]
            state = kept_state if same else freshness(entry)
            if state == FRESH:
                return _served(entry, "hit")
            if state == STALE:
                stale, version = entry, entry["version"]

        lock = key + ":lock"
        # An address whose page this worker last found it could not keep (a search, a form) is built without the
        # lock: the others would wait for a copy that never comes. One with a copy to serve meanwhile keeps it.
        guarded = stale is not None or not _not_kept.get(key)
        locked = guarded and cache.add(lock, 1, LOCK_SECONDS)
        if guarded and not locked:
            # Another worker is building this page: serve its stale copy, or wait a moment for the new one.
            if stale is not None:
                return _served(stale, "stale")
            waited = self._wait_for(key, lock)
            if waited is not None:
                return _served(waited, "hit")
        try:
            return self._build(request, key, version or current_version(), timeout, stale)
        finally:
            if locked:
                cache.delete(lock)

    def _wait_for(self, key, lock):
        """The copy another worker is building, or None as soon as it stops without keeping one."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(WAIT_STEP)
            found = cache.get_many([key, lock])
            entry = found.get(key)
            if entry is not None and freshness(entry) == FRESH:
                return entry
            if found.get(lock) is None:
                return None
        return None

    def _build(self, request, key, version, timeout, stale):
        request.page_cache_tags = {}  # filled in by note_page when a Wagtail page is served
        response = self.get_response(request)
        if can_store(request, response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            # Browsers and shared proxies revalidate: only our cache, which publishing keeps current, keeps pages.
            patch_cache_control(response, no_cache=True, public=True)
            set_response_etag(response)  # once, not on every hit (ConditionalGetMiddleware keeps it)
            entry = {"response": response, "version": version, "tags": request.page_cache_tags}
            entry = {**entry, "key": key, "built": time.time()}
            cache.set(key, entry, timeout)
            _kept.keep(entry)
            if _not_kept.get(key):
                _not_kept.keep(key, False)
            response["X-Page-Cache"] = "miss"
        else:
            if response.status_code == 200:  # refused for what it is, not for an error or a redirect that may pass
                _not_kept.keep(key, True)
            if stale is not None:
                cache.delete(key)  # unpublished, made private, or now an error: the old copy must go
        return response
