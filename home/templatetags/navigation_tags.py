import functools
import uuid

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Locale, Page, Site
from wagtail.templatetags.wagtailcore_tags import richtext

from home import page_cache
from home.models import FooterText
from home.page_cache import current_version
from home.userbar import shows_userbar

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """The home URL, main menu and footer in the reader's language.

    They are the same on every page, so they are cached per site and language, and
    go stale together with the page cache whenever editors publish.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"home_url": "/", "menu": [], "footer": ""}
    language = get_language()
    kept = getattr(site, "chrome", None) or {}  # home.middleware.CachedSiteMiddleware
    if language in kept:
        return kept[language]
    key = f"chrome:{current_version()}:{site.pk}:{language}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = build_chrome(site, language)
        cache.set(key, chrome, settings.PAGE_CACHE_SECONDS or 60)
    return chrome


def build_chrome(site, language):
    locale = Locale.objects.filter(language_code=language).first()
    home = site.root_page
    if locale and home.locale_id != locale.pk:
        home = home.get_translation_or_none(locale) or home
    menu = home.get_children().live().public().in_menu().only("id", "title", "url_path", "locale_id")
    footer = (
        FooterText.objects.filter(locale=locale).first()
        or FooterText.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )
    return {
        "version": f"{current_version()}",
        "home_url": home.get_url(),
        "menu": [{"title": item.title, "url": item.get_url(), "url_path": item.url_path} for item in menu],
        "footer": richtext(footer.body) if footer and footer.body else "",
    }


FRAGMENT_SECONDS = 24 * 60 * 60


@register.simple_tag(takes_context=True)
def fragment_key(context, page):
    """For {% cache fragment.seconds NAME fragment.version LANGUAGE_CODE %} around what a page shows every
    reader alike (home.page_cache.page_version); nothing is kept while an editor previews a draft."""
    if getattr(context.get("request"), "is_preview", False):
        return {"seconds": 0, "version": f"preview-{uuid.uuid4().hex}"}
    return {"seconds": FRAGMENT_SECONDS, "version": page_cache.page_version(page)}


@register.simple_tag
def breadcrumb_ancestors(page):
    """The page's ancestors: found while routing the request (no query), or looked up for a page found otherwise."""
    return getattr(page, "path_ancestors", None) or page.get_ancestors()


@register.simple_tag
def public_children(page):
    """The page's live children that no view restriction hides, checked inside the one query
    (Wagtail's ``.public()`` first reads every restriction in a query of its own)."""
    from programme.models import under_a_restriction

    if not page.numchild:
        return []
    return page.get_children().live().exclude(under_a_restriction())


@register.simple_tag(takes_context=True)
def shown_key(context, page):
    """For {% cache shown.seconds NAME shown.version LANGUAGE_CODE %} around what a page shows every reader
    alike beyond its own content (a consultation's recommendations and promises): kept exactly as long as the
    page cache keeps the page (home.page_cache.page_state, PAGE_CACHE_SECONDS); nothing kept in a preview."""
    if getattr(context.get("request"), "is_preview", False):
        return {"seconds": 0, "version": f"preview-{uuid.uuid4().hex}"}
    return {"seconds": settings.PAGE_CACHE_SECONDS or 60, "version": page_cache.page_state(page)}


@register.simple_tag(takes_context=True)
def editor_userbar(context):
    """Wagtail's user bar for people who may use the admin; nothing (and no query) for anyone else."""
    if not shows_userbar(context.get("request")):
        return ""
    return wagtailuserbar(context)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language, for the switcher and the hreflang alternates.

    On a page, each entry links to that page's translation. Where the page has no
    live translation yet, the entry links to the nearest translated ancestor and is
    flagged, so the switcher can say so instead of sending the reader to a 404.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    on_page = isinstance(page, Page) and page.pk
    # Shown twice (the head's alternates, the switcher): worked out once a request.
    memo = (on_page, current)
    if getattr(request, "_language_links", (None,))[0] == memo:
        return request._language_links[1]
    links = _kept_language_links(request, page, current, on_page)
    if request is not None:
        request._language_links = (memo, links)
    return links


def _kept_language_links(request, page, current, on_page):
    key = language_links_key(request, page)
    if key is not None:
        links = page_cache.cached(key)
        if links is None:
            links = _language_links(request, page, current, on_page)
            cache.set(key, links, FRAGMENT_SECONDS)
        return links
    return _language_links(request, page, current, on_page)


def language_links_key(request, page):
    """Where a page's language links are kept: the same for every reader of the page in a language, until the
    page, a translation of it, an ancestor or a translation of one is published, unpublished or moved.
    None where they are not kept (previews; pages whose ancestors routing did not find)."""
    on_page = isinstance(page, Page) and page.pk
    # The fallback links follow the ancestors.
    if not (on_page and page_cache.ancestors_known(page)) or request is None or getattr(request, "is_preview", False):
        return None
    return f"language-links:{request.scheme}:{request.get_host()}:{get_language()}:{page_cache.shown_version(page)}"


def _language_links(request, page, current, on_page):
    translations = {}
    if on_page:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale").only("url_path", "locale")
        }
    ancestors = None
    links = []
    for code, name in settings.LANGUAGES:
        entry = {"code": code, "name": name, "is_current": code == current, "translated": True}
        if on_page:
            target = translations.get(code)
            if target is None:
                if ancestors is None:
                    ancestors = list(page.get_ancestors().filter(depth__gt=1).order_by("-depth"))
                entry["translated"] = False
                target = _nearest_translated_ancestor(ancestors, code)
            entry["url"] = target.get_url(request) if target else f"/{code}/"
        elif request is not None:
            path = request.get_full_path()
            # Kept per process for the usual short paths; a long made-up one is worked out, not kept.
            translated = _translated_path if len(path) <= 200 else _translated_path.__wrapped__
            entry["url"] = translated(path, current, code)
        else:
            entry["url"] = f"/{code}/"
        links.append(entry)
    return links


@functools.lru_cache(maxsize=1024)
def _translated_path(path, current, code):
    """The path in another language (for views that are not pages: My learning, search...), worked out once
    per process for each path: it depends only on the path, the current language and the URL patterns.

    translate_url resolves the path in the current language, then reverses it in `code`; a path it cannot
    resolve comes back as it was, and `//evil.example/en/` must not become a link off the site."""
    url = translate_url(path, code)
    return url if is_local_path(url) else f"/{code}/"


def is_local_path(url):
    """A path on this site: one slash, then not a second one or a backslash (browsers read both as another host)."""
    return url.startswith("/") and not url.startswith(("//", "/\\")) and url_has_allowed_host_and_scheme(url, None)


def _nearest_translated_ancestor(ancestors, code):
    for ancestor in ancestors:
        translation = ancestor.get_translations(inclusive=True).live().filter(locale__language_code=code).first()
        if translation:
            return translation
    return None
