import copy
import pickle
from importlib import import_module
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control
from wagtail.models import Site

from . import page_cache, sessions
from .languages import is_site_language, remember_language


# Everything the public site needs is served by us; the admin keeps Wagtail's own needs.
def public_policy():
    """The Content-Security-Policy of public pages: our own host, and the S3 bucket for images when media is there."""
    return "; ".join(
        [
            "default-src 'self'",
            " ".join(["img-src 'self' data:", *media_hosts()]),
            "style-src 'self'",
            "script-src 'self'",
            "font-src 'self'",
            "connect-src 'self'",
            "frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    )


def media_hosts():
    """Where images come from when media is on S3-compatible storage (nothing when it is on disk)."""
    bucket = getattr(settings, "AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return []
    hosts = []
    custom = getattr(settings, "AWS_S3_CUSTOM_DOMAIN", None)
    if custom:
        hosts.append(f"https://{custom}")
    endpoint = getattr(settings, "AWS_S3_ENDPOINT_URL", None)
    if endpoint:
        parts = urlsplit(endpoint)
        hosts += [f"{parts.scheme}://{parts.netloc}", f"{parts.scheme}://{bucket}.{parts.netloc}"]
    region = getattr(settings, "AWS_S3_REGION_NAME", None)
    hosts.append(f"https://{bucket}.s3.amazonaws.com")
    if region:
        hosts.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return hosts


class ContentSecurityPolicyMiddleware:
    """Sends a strict Content-Security-Policy on public pages (not the Wagtail admin)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.exempt_prefixes = ("/admin/",)
        self.policy = public_policy()

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(self.exempt_prefixes) and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.policy
        return response


class CachedSiteMiddleware:
    """Finds the Wagtail site, its home page in each language, the menu, the footer and the sites' root
    paths (for page URLs) in one cache call, without a query.

    Wagtail looks for ``request._wagtail_site`` and ``request._wagtail_cached_site_root_paths`` before
    it queries (or asks the cache), and routes from ``site.root_page.localized``
    (home.models.HomePage.localized); the header and footer come from ``site_chrome``
    (home.templatetags.navigation_tags). All of it is the same for every reader, so it is built once
    for every language and kept with the site; it goes stale with the page cache whenever the menu,
    the footer, a home page or a site changes (home.page_cache.invalidate).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # /healthz must report on the database itself, not fail here first.
        if not request.path.startswith(("/admin/", "/static/", "/healthz")):
            key = page_cache.site_key(request)
            # The site as this process last read it: asked for again only when it is not of the version read now.
            local = page_cache.kept_sites.get(key)
            # The page at this address as last found (home.models.HomePage.route_cached) in the same call.
            route = page_cache.route_key(request)
            # And the session of a signed-in reader (home.sessions), for when it is read.
            session = sessions.cache_key(request)
            keys = [route, *([session] if session else []), *([] if local else [key])]
            version, found = page_cache.current_version_and(*keys)
            if session:
                page_cache.remember(found, [session])
                user_id = (found[session] or {}).get(SESSION_KEY)
                if user_id is not None:  # the user and their state, read with the next call (routing's)
                    from accounts.cached_user import keys_for

                    page_cache.want(keys_for(user_id))
            request.page_cache_route = found[route]
            if local is not None and local[0] == version:
                site, root_paths = local[1], local[2]
            else:
                kept = found[key] if key in found else cache.get(key)
                if kept is not None and kept["version"] == version:
                    site, root_paths = kept["site"], kept["root_paths"]
                else:
                    site, root_paths = self.find_site(request, key, version)
                if site is not None:  # read only, by every request of the process (and its threads) alike
                    keep_home_copies(site)
                    page_cache.kept_sites.keep(key, (version, site, root_paths), settings.PAGE_CACHE_SECONDS or 60)
            request._wagtail_site = site
            request._wagtail_cached_site_root_paths = root_paths
        return self.get_response(request)

    @staticmethod
    def find_site(request, key, version):
        site = Site.find_for_request(request)
        root_paths = Site.get_site_root_paths()
        if site is not None:
            site.root_page = site.root_page.specific
            prepare_site(site)
            kept = {"version": version, "site": site, "root_paths": root_paths}
            cache.set(key, kept, settings.PAGE_CACHE_SECONDS or 60)
        return site, root_paths


def keep_home_copies(site):
    """Each home page as it is now, to serve: the site's own home objects route every request of the process,
    but rendering one fills its StreamField with the pages and images it shows, which their own publishing
    does not renew (the site is kept until everything changes). HomePage.route serves a copy made from these."""
    homes = site.root_page.__dict__.get("localized_homes") or {}
    copies = {}
    for home in homes.values():
        home = copy.copy(home)
        home.__dict__.pop("localized_homes", None)
        copies[home.pk] = pickle.dumps(home, pickle.HIGHEST_PROTOCOL)
    site.home_copies = copies


def prepare_site(site):
    """Keep with the site what every request on it needs: its home page in each language, menu and footer,
    and the view restrictions (home.view_restrictions)."""
    from wagtail.models import Page

    from .templatetags.navigation_tags import build_chrome
    from .view_restrictions import all_restrictions

    home = site.root_page
    homes, chrome = {}, {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            homes[code] = Page.localized.fget(home)
            chrome[code] = build_chrome(site, code)
    home.localized_homes = homes
    site.chrome = chrome
    site.view_restrictions = all_restrictions()


class RefuseNulBytesMiddleware:
    """A NUL byte in the path or query string is never meant: answer 400 before any view or query sees it.

    (PostgreSQL refuses NUL in strings, so it would otherwise turn a filter into a server error.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            return HttpResponseBadRequest("Bad request", content_type="text/plain")
        return self.get_response(request)


class RememberLanguageMiddleware:
    """Remembers the language of the pages a reader reads (the language cookie), for `/` and later visits.

    It sits outside the page cache, so a page served from the cache sets the cookie as well; the
    cookie never changes the page itself, so cached pages stay shared.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        code = request.path.split("/", 2)[1] if request.path.count("/") >= 2 else ""
        if (
            request.method == "GET"
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and is_site_language(code)
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != code
        ):
            remember_language(response, code)
            patch_cache_control(response, private=True)
        return response


class RequestBodyLimitMiddleware:
    """Refuses a request body larger than it may be (413) from its Content-Length, before anything reads it.

    Django's own limit (DATA_UPLOAD_MAX_MEMORY_SIZE) leaves files out, and the CSRF check reads the
    whole body, files streamed to temporary files, before any view can say no. Here: a visitor
    without a session sends at most a form (DATA_UPLOAD_MAX_MEMORY_SIZE); a signed-in person at most
    UPLOAD_REQUEST_MAX_BYTES (the library's five files and the form).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponseBadRequest("Bad request", content_type="text/plain")
        if length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            limit = (
                settings.UPLOAD_REQUEST_MAX_BYTES if _is_signed_in(request) else settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            )
            if length > limit:
                return too_large(request, limit)
        return self.get_response(request)


def _is_signed_in(request):
    """Whether the session cookie belongs to a signed-in person's session (any cookie can be made up)."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not key:
        return False
    session = import_module(settings.SESSION_ENGINE).SessionStore(session_key=key)
    return SESSION_KEY in session


def too_large(request, limit):
    code = request.path.split("/", 2)[1] if request.path.count("/") >= 2 else ""
    language = code if is_site_language(code) else settings.LANGUAGE_CODE
    with translation.override(language):
        html = render_to_string("413.html", {"limit": max(1, limit // (1024 * 1024)), "LANGUAGE_CODE": language})
    response = HttpResponse(html, status=413)
    response["Connection"] = "close"  # the rest of the body is not read
    return response
