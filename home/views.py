import posixpath

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.static import serve
from wagtail.coreutils import get_supported_content_language_variant

from . import search_index
from .kept import Kept
from .languages import chosen_language
from .models import SearchEntry
from .search_terms import search_terms

SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10


@never_cache
def healthz(request):
    """200 when the app and its database answer, 503 when the database does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


SNIPPET_WORDS = 35


class SearchHit:
    """One result as the template shows it: the page's address and kind, its title, and a snippet with the
    matches marked."""

    def __init__(self, url, kind, title, snippet):
        self.url, self.kind, self.title, self.snippet = url, kind, title, snippet


# Each process keeps the hits of the pages of results it showed (a few KB each), by index version: the same
# for every reader until the index changes. Only for searches that found pages; emptied when it holds
# KEPT_HITS pages of results, and each is used for RESULTS_SECONDS at most, like the kept ranking.
KEPT_HITS = 500
_kept_hits = Kept(KEPT_HITS, search_index.RESULTS_SECONDS)


def search_hits(request, found, ids, language):
    """The hits of these result ids (and the spelling of a correction, spelt from them)."""
    version = getattr(found.page_ids, "version", None)
    key = None
    if ids and version is not None:
        match_keys = tuple(sorted(found.match_keys))
        key = (request.scheme, request.get_host(), version, language, tuple(ids), match_keys, found.corrected)
        kept = _kept_hits.get(key)
        if kept is not None:
            return kept
    entries = SearchEntry.objects.select_related("page").in_bulk(ids)
    if found.corrected:
        search_index.spell_suggestion(found, language, entries.values())
    hits = [
        SearchHit(
            entries[pk].page.get_url(request),
            entries[pk].page.specific_class,
            entries[pk].title,
            search_index.highlight(entries[pk].text, found.match_keys, language, max_words=SNIPPET_WORDS),
        )
        for pk in ids
        if pk in entries
    ]
    if key is not None:
        _kept_hits.keep(key, (hits, found.suggestion))
    return hits, found.suggestion


def search(request):
    """Search live, public pages in the reader's language (home.search_index)."""
    query = search_terms(request.GET.get("q", ""), SEARCH_QUERY_MAX_LENGTH)
    results_page = None
    found = None
    if query:
        language = get_supported_content_language_variant(translation.get_language())
        found = search_index.search(query, language)
        paginator = Paginator(found.page_ids, SEARCH_RESULTS_PER_PAGE)
        results_page = paginator.get_page(request.GET.get("page"))
        results_page.object_list, suggestion = search_hits(request, found, list(results_page.object_list), language)
        if found.corrected:
            found.suggestion = suggestion
    context = {
        "query": query,
        "results": results_page,
        "suggestion": found.suggestion if found else "",
        "corrected": found.corrected if found else False,
    }
    return render(request, "home/search.html", context)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a context processor pass-through: the database may be the thing that failed.
    return render(request, "500.html", status=500)


@never_cache
def root(request):
    """`/`: the home page in the reader's language: the one they last read in (the cookie), else the one in
    their profile, else their browser's."""
    language = chosen_language(request) or translation.get_language_from_request(request)
    query = request.META.get("QUERY_STRING", "")
    return redirect(f"/{language}/" + (f"?{query}" if query else ""))


# The folders of the media storage that hold editors' images (Wagtail's originals and renditions).
IMAGE_FOLDERS = ("original_images/", "images/")


def media_image(request, path):
    """An editor's image from the media folder, and nothing else from there.

    Documents live in the same storage (documents/) but are only ever served through Wagtail's
    document view, which checks who may open them; this view refuses any path outside the image
    folders, after resolving `..`, so a members-only file cannot be fetched by its storage name.
    """
    clean = posixpath.normpath(path).lstrip("/")
    if ".." in clean.split("/") or "\\" in clean or not clean.startswith(IMAGE_FOLDERS):
        raise Http404
    response = serve(request, clean, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=86400"
    response["Content-Disposition"] = "inline"
    return response
