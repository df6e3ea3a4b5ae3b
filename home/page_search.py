"""The admin's page search, reading titles as the site search reads text (home.search_text).

Wagtail's own page search asks the search backend, whose index neither folds Tajik letters nor
bridges Latin and Russian spellings, so an editor typing `хокимият` on a Russian keyboard would not
find `Ҳокимият`. Editors need drafts and private pages too, which the public index leaves out, so
this view matches the latest (draft) title of every page the editor may explore.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, IntegerField, Value, When
from wagtail.admin.views.pages.search import SearchView
from wagtail.models import Page
from wagtail.permissions import page_permission_policy
from wagtail.search.utils import parse_query_string

from .search_index import MAX_QUERY_WORDS
from .search_text import title_score, words

MAX_RESULTS = 1000


def ranked_page_ids(query, pages):
    """Ids of these pages whose draft title matches every word of the query, best match first."""
    query_words = list(dict.fromkeys(words(query)))[:MAX_QUERY_WORDS]
    if not query_words:
        return None
    scored = []
    for pk, title, language in pages.values_list("pk", "draft_title", "locale__language_code"):
        score = title_score(query_words, title, language)
        if score:
            scored.append((-score, len(title), pk))
    return [pk for _score, _length, pk in sorted(scored)[:MAX_RESULTS]]


class PageSearchView(SearchView):
    def get_queryset(self):
        filters, query = parse_query_string(self.search_query, operator="and")
        pages = Page.objects.all()
        if getattr(settings, "WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS", True):
            explorable = page_permission_policy.explorable_instances(self.request.user)
            pages = pages.filter(pk__in=explorable.values_list("pk", flat=True))
        live = (filters.get("live") or filters.get("published") or "").lower()
        if live in ("yes", "true"):
            pages = pages.filter(live=True)
        elif live in ("no", "false"):
            pages = pages.filter(live=False)

        ranked_ids = ranked_page_ids(getattr(query, "query_string", ""), pages)
        if ranked_ids is not None:
            pages = pages.filter(pk__in=ranked_ids)
        self.all_pages = pages
        self.content_types = [
            (ContentType.objects.get_for_id(content_type_id), count)
            for content_type_id, count in pages.values_list("content_type").annotate(count=Count("pk")).order_by()
        ]

        if self.show_locale_labels:
            pages = pages.select_related("locale")
        if self.selected_content_type:
            pages = pages.filter(content_type=self.selected_content_type)
        pages = self.annotate_queryset(pages)
        if self.ordering:
            return pages.order_by(self.ordering)
        if ranked_ids:
            positions = [When(pk=pk, then=Value(position)) for position, pk in enumerate(ranked_ids)]
            return pages.order_by(Case(*positions, output_field=IntegerField()))
        return pages.order_by("-latest_revision_created_at")
