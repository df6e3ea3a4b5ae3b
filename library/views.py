"""The library's public views, reached through LibraryIndexPage's routes."""

import hashlib
import logging
from operator import itemgetter

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import get_template, render_to_string
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home import page_cache
from home.collation import sorted_by_name
from home.kept import Kept, kept_or_shared
from home.models import Affiliation, Organisation, ThematicArea, thematic_areas_in
from home.search_index import search as site_search
from home.search_terms import search_terms

from .access import can_open_members_files
from .facets import facets_version
from .forms import SubmissionForm
from .models import (
    Access,
    MaterialLanguage,
    ResourceMaterialLanguage,
    ResourcePage,
    ResourceThematicArea,
    ResourceType,
    Submission,
)
from .submissions import claim_form, create_submission, release_form, resubmit

logger = logging.getLogger(__name__)

PER_PAGE = 12
SEARCH_MAX_LENGTH = 200
SORTS = {"newest": ["-first_published_at", "-pk"], "title": ["title", "pk"]}


_kept_facets = Kept(50)
_kept_counts = Kept(2000)


def library_facets(index, version=None):
    """The options of the filter form for one library (cached until content changes; kept in the process
    too, read from Redis once per version)."""
    key = f"library:facets:{index.pk}:{version or facets_version()}"
    return kept_or_shared(_kept_facets, key, lambda: _built_facets(index), 3600)


def _built_facets(index):
    area_rows = list(ThematicArea.objects.filter(locale_id=index.locale_id).values_list("slug", "name"))
    facet_rows = list(
        ResourcePage.objects.live()
        .filter(locale_id=index.locale_id, path__startswith=index.path)
        .values_list("organisation_id", "year")
        .distinct()
    )
    organisation_ids = {org for org, _year in facet_rows if org}
    language = index.locale.language_code if index.locale_id else "en"
    organisations = [
        (org.pk, getattr(org, f"name_{language}", "") or org.name)
        for org in Organisation.objects.filter(pk__in=organisation_ids)
    ]
    return {
        "areas": sorted_by_name(area_rows, key=itemgetter(1), language=language),
        "organisations": sorted_by_name(organisations, key=itemgetter(1), language=language),
        "years": sorted({year for _org, year in facet_rows if year}, reverse=True),
    }


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _page_number(value, num_pages):
    number = _int_or_none(value) or 1
    return min(max(number, 1), max(num_pages, 1))


def filter_resources(index, params):
    """The live resources of this library matching the query-string filters, and the filters applied."""
    resources = ResourcePage.objects.live().filter(locale_id=index.locale_id, path__startswith=index.path)
    applied = {}

    resource_type = params.get("type", "")
    if resource_type in ResourceType.values:
        resources = resources.filter(resource_type=resource_type)
        applied["type"] = resource_type
    access = params.get("access", "")
    if access in Access.values:
        resources = resources.filter(access=access)
        applied["access"] = access
    language = params.get("lang", "")
    if language in MaterialLanguage.values:
        resources = resources.filter(
            Exists(ResourceMaterialLanguage.objects.filter(page=OuterRef("pk"), language=language))
        )
        applied["lang"] = language
    area = params.get("area", "")[:120]
    if area:
        resources = resources.filter(
            Exists(ResourceThematicArea.objects.filter(page=OuterRef("pk"), thematic_area__slug=area))
        )
        applied["area"] = area
    organisation = _int_or_none(params.get("org"))
    if organisation:
        resources = resources.filter(organisation_id=organisation)
        applied["org"] = organisation
    year = _int_or_none(params.get("year"))
    if year:
        resources = resources.filter(year=year)
        applied["year"] = year
    query = search_terms(params.get("q", ""), SEARCH_MAX_LENGTH)
    if query:
        # The site's search index (home.search_index): Tajik spellings, word forms and typos.
        resources = resources.filter(site_search(query, index.locale.language_code, ranked=False).matching())
        applied["q"] = query
    return resources, applied


FILTER_NAMES = ("q", "type", "access", "lang", "area", "org", "year", "sort", "page")


def offered_filters(applied, facets):
    """The filters applied whose values the filter form offers (a search is never one: any words can be typed)."""
    offered = {
        "area": {slug for slug, _name in facets["areas"]},
        "org": {pk for pk, _name in facets["organisations"]},
        "year": set(facets["years"]),
    }
    return {
        name: value
        for name, value in applied.items()
        if name != "q" and (name not in offered or value in offered[name])
    }


def understood_query(params, applied, facets, sort, page_number):
    """The query string as the list understood it, for the page cache: filters the form offers."""
    understood = {name: "" for name in FILTER_NAMES if params.get(name) == ""}
    understood.update(offered_filters(applied, facets))
    if params.get("sort"):
        understood["sort"] = sort
    if params.get("page"):
        understood["page"] = page_number
    return understood


def resource_count(index, applied, resources, version=None):
    """How many resources match these filters, counted once until resources change (not on every request)."""
    filters = hashlib.sha256(repr(sorted(applied.items())).encode()).hexdigest()[:32]
    key = f"library:count:{index.pk}:{version or facets_version()}:{filters}"
    return kept_or_shared(_kept_counts, key, resources.count, 3600)


# Each filter of the form (its query-string name) and the options it offers.
FILTER_OPTIONS = {
    "type": "types",
    "area": "areas",
    "lang": "languages",
    "org": "organisations",
    "year": "years",
    "access": "access",
}


# Each process keeps the options of each filter as built for a library, facets version and language
# (about 90 options in all, 1.5 ms a list to build); a few hundred lists at most, an hour each at most.
KEPT_OPTION_LISTS = 600
_kept_options = Kept(KEPT_OPTION_LISTS)


def option_tags(choices, selected, kept_as=None):
    """The <option> elements of one filter, the applied value selected: built here rather than in a
    template loop, and kept (`kept_as`: a key that changes when the choices or their labels do)."""
    tags = _kept_options.get(kept_as) if kept_as else None
    if tags is None:
        tags = format_html_join("", '<option value="{}">{}</option>', choices)
        if kept_as:
            _kept_options.keep(kept_as, tags)
    if selected is None:
        return tags
    option = format_html('<option value="{}">', selected)
    return mark_safe(tags.replace(option, option[:-1] + " selected>", 1))  # noqa: S308 (both parts escaped)


def label_cards(index, results):
    """The labels each card shows: type, languages of the material, thematic areas in the library's
    language. The areas are looked up once for the whole page, and each choice label once."""
    type_labels = dict(ResourceType.choices)
    language_labels = dict(MaterialLanguage.choices)
    areas_of = {
        resource.pk: [link.thematic_area for link in resource.thematic_area_links.all() if link.thematic_area]
        for resource in results
    }
    shown = iter(thematic_areas_in(index.locale_id, [area for areas in areas_of.values() for area in areas]))
    for resource in results:
        resource.type_label = type_labels.get(resource.resource_type, resource.resource_type)
        resource.area_names = [next(shown).name for _area in areas_of[resource.pk]]
        resource.language_names = [
            language_labels.get(link.language, link.language) for link in resource.material_languages.all()
        ]


class Listed:
    """One resource of a page of the list: what the card's cache key needs (the card is rendered once)."""

    FIELDS = ("pk", "slug", "title", "first_published_at", "url_path", "live_revision_id")

    def __init__(self, pk, slug, title, first_published_at, url_path, live_revision_id):
        self.pk, self.slug, self.title, self.first_published_at = pk, slug, title, first_published_at
        self.url_path, self.live_revision_id = url_path, live_revision_id

    def card_key(self, version, language):
        where = hashlib.sha256(self.url_path.encode()).hexdigest()[:16]
        return f"library:card:{version}:{language}:{self.pk}:{self.live_revision_id}:{where}"


_kept_cards = Kept(2000)


def resource_cards(request, index, results, version):
    """The cards of one page of the list, each rendered once per language until resources, thematic areas or
    organisations change (the facets version), its revision or its address: the same for every reader."""
    language = get_language()
    keys = {listed.pk: listed.card_key(version, language) for listed in results}
    # Kept in the process too: read from Redis once per process and key (the key changes with the card).
    cards = {key: card for key in keys.values() if (card := _kept_cards.get(key)) is not None}
    if len(cards) < len(keys):
        found = cache.get_many([key for key in keys.values() if key not in cards])
        for key, card in found.items():
            cards[key] = _kept_cards.keep(key, card)
    missing = [pk for pk, key in keys.items() if key not in cards]
    if missing:
        resources = list(
            ResourcePage.objects.filter(pk__in=missing)
            .select_related("organisation", "locale", "alias_of__locale")
            .prefetch_related(
                Prefetch("thematic_area_links", queryset=ResourceThematicArea.objects.select_related("thematic_area")),
                "material_languages",
            )
        )
        label_cards(index, resources)
        rendered = {
            keys[resource.pk]: render_to_string("includes/resource_card.html", {"resource": resource}, request)
            for resource in resources
        }
        cache.set_many(rendered, 3600)
        for key, card in rendered.items():
            cards[key] = _kept_cards.keep(key, card)
    return [cards[keys[listed.pk]] for listed in results if keys[listed.pk] in cards]


_kept_forms = Kept(600)


def filter_form(request, index, version, offered, applied, sort, filter_options):
    """The filter form with the applied filters selected: the same for every reader of a list with these
    filters, so rendered once per process for each (library, facets version, language, filters, sort) the
    form offers (`offered`); a search (any words) or a made-up value is rendered each time and not kept."""
    language = get_language()
    key = None
    if offered:
        key = (index.pk, index.url_path, version, language, sort, tuple(sorted(applied.items())))
        form = _kept_forms.get(key)
        if form is not None:
            return form
    context = {
        "page_url": index.get_url(request),
        "query": applied.get("q", ""),
        "sort": sort,
        "applied": applied,
        "option_tags": {
            name: option_tags(filter_options[options], applied.get(name), (index.pk, version, language, name))
            for name, options in FILTER_OPTIONS.items()
        },
    }
    form = get_template("includes/library_filters.html").render(context)
    return _kept_forms.keep(key, form) if key else form


_kept_rows = Kept(2000)


def listed_rows(request, index, version, applied, sort, page_obj):
    """The rows of one page of a list the filter form offers, the same for every reader: read from the
    database once per process until a resource, area or organisation changes (the facets version), a page
    under the library is published, unpublished, moved or made private (its page_state), or
    PAGE_CACHE_SECONDS pass. None in a preview."""
    if getattr(request, "is_preview", False):
        return None
    key = (index.pk, page_cache.page_state(index), version, sort, tuple(sorted(applied.items())), page_obj.number)
    rows = _kept_rows.get(key)
    if rows is None:
        rows = _kept_rows.keep(key, list(page_obj.object_list), settings.PAGE_CACHE_SECONDS or 60)
    return rows


def resource_list(request, index):
    resources, applied = filter_resources(index, request.GET)
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "newest"
    resources = resources.order_by(*SORTS[sort])

    version = facets_version()
    facets = library_facets(index, version)
    paginator = Paginator(resources.values_list(*Listed.FIELDS), PER_PAGE)
    offered = offered_filters(applied, facets) == applied  # not for searches or made-up values: no key per request
    if offered:
        paginator.count = resource_count(index, applied, resources, version)
    page_obj = paginator.page(_page_number(request.GET.get("page"), paginator.num_pages))
    rows = listed_rows(request, index, version, applied, sort, page_obj) if offered else None
    page_obj.object_list = list(page_obj.object_list) if rows is None else rows
    results = [Listed(*row) for row in page_obj.object_list]
    page_cache.allow_query(request, understood_query(request.GET, applied, facets, sort, page_obj.number))

    filter_options = {
        "types": ResourceType.choices,
        "areas": facets["areas"],
        "languages": MaterialLanguage.choices,
        "organisations": facets["organisations"],
        "years": [(year, year) for year in facets["years"]],
        "access": Access.choices,
    }
    context = index.get_context(request)
    context.update(
        {
            "results": results,
            "cards": resource_cards(request, index, results, version),
            "page_obj": page_obj,
            "result_count": paginator.count,
            "applied": applied,
            "query": applied.get("q", ""),
            "sort": sort,
            "filter_options": filter_options,
            "filter_form": filter_form(request, index, version, offered, applied, sort, filter_options),
            "can_open_files": can_open_members_files(request.user),
        }
    )
    return TemplateResponse(request, "library/library_index_page.html", context)


def submit_resource(request, index):
    """Contributions are made for one's own organisation, by a confirmed link only (a claim may be anyone's)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    organisation = Affiliation.objects.confirmed_organisation(request.user)
    if organisation is None:
        context = index.get_context(request)
        context["affiliation"] = Affiliation.objects.current(request.user)
        status = 403 if request.method == "POST" else 200
        return TemplateResponse(request, "library/submit_not_confirmed.html", context, status=status)
    status = 200
    if request.method == "POST":
        form = SubmissionForm(request.POST, request.FILES, organisation=organisation)
        status = 400
        if form.is_valid():
            token = form.cleaned_data.get("once")
            if not claim_form(request.user, token):  # the same form twice (a double click): kept once
                messages.info(request, _("We already have this submission: you sent the same form twice."))
                return redirect(index.url + index.reverse_subpage("my_submissions_route"))
            try:
                create_submission(request.user, organisation, index, form.cleaned_data)
            except BaseException as error:
                release_form(request.user, token)  # not stored: the form may be sent again
                if not isinstance(error, OSError):
                    raise
                logger.exception("A library submission could not be stored")
                form.add_error(
                    None,
                    _(
                        "We could not store your file just now (the server has no room for it). "
                        "Nothing was saved: please try again later."
                    ),
                )
                status = 503
            else:
                messages.success(
                    request,
                    _("Thank you. Your resource is waiting for a moderator; we will email you when it is reviewed."),
                )
                return redirect(index.url + index.reverse_subpage("my_submissions_route"))
    else:
        form = SubmissionForm(organisation=organisation)
    context = index.get_context(request)
    context.update({"form": form, "organisation": organisation})
    return TemplateResponse(request, "library/submit.html", context, status=status)


def my_submissions(request, index):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    submissions = Submission.objects.filter(submitter=request.user).select_related("page__locale", "organisation")
    context = index.get_context(request)
    context.update({"submissions": submissions, "can_open_files": can_open_members_files(request.user)})
    return TemplateResponse(request, "library/my_submissions.html", context)


def edit_submission(request, index, pk):
    """A submission sent back for changes: the member corrects it (description and files) and sends it again."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    submission = get_object_or_404(
        Submission.objects.select_related("page", "organisation"), pk=pk, submitter=request.user
    )
    my_submissions_url = index.url + index.reverse_subpage("my_submissions_route")
    if Affiliation.objects.confirmed_organisation(request.user) != submission.organisation:
        messages.info(request, _("You are no longer a confirmed member of this organisation, so you cannot edit it."))
        return redirect(my_submissions_url)
    if submission.status != Submission.Status.CHANGES_REQUESTED:
        messages.info(request, _("This submission is not waiting for your changes, so it cannot be edited now."))
        return redirect(my_submissions_url)
    page = submission.page.get_latest_revision_as_object()
    form_options = {"organisation": submission.organisation, "resubmitted_page": page}
    status = 200
    if request.method == "POST":
        form = SubmissionForm(request.POST, request.FILES, **form_options)
        status = 400
        if form.is_valid():
            try:
                resubmit(submission, request.user, form.cleaned_data)
            except OSError:
                logger.exception("A library resubmission could not be stored")
                form.add_error(
                    None, _("We could not store your file just now. Nothing was changed: please try again later.")
                )
                status = 503
            else:
                messages.success(request, _("Thank you. Your corrected resource is back with the moderators."))
                return redirect(my_submissions_url)
    else:
        form = SubmissionForm(initial=_initial_from(page), **form_options)
    context = index.get_context(request)
    context.update({"form": form, "organisation": submission.organisation, "submission": submission})
    return TemplateResponse(request, "library/submit.html", context, status=status)


def _initial_from(page):
    return {
        "title": page.title,
        "summary": page.summary,
        "resource_type": page.resource_type,
        "material_languages": [link.language for link in page.material_languages.all()],
        "thematic_areas": [link.thematic_area.slug for link in page.thematic_area_links.all()],
        "year": page.year,
        "coverage": page.coverage,
        "keywords": page.keywords,
        "access": page.access,
        "external_url": page.external_url,
    }
