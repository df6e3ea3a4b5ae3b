"""Browse: filters, search, sort, pagination and query counts, in every language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import Organisation, ThematicArea
from library.models import ResourceMaterialLanguage, ResourcePage, ResourceThematicArea

LANGUAGES = ["en", "tg", "ru"]
# Issue 6's budget for every public page, page chrome included.
PUBLIC_PAGE_QUERY_BUDGET = 12
ALL = {"000", "001", "002", "003", "004"}
SEED_SLUGS = {
    "stronger-civil-society-tajikistan": "000",
    "world-bank-consultations-khatlon-2026": "001",
    "eu-central-asia-forum-2021": "002",
    "tacso-2-technical-assistance": "003",
    "carec-civil-society-concept-2020-2025": "004",
}


def found(client, language, query=""):
    response = client.get(f"/{language}/library/{query}")
    assert response.status_code == 200
    return {SEED_SLUGS.get(page.slug, page.slug) for page in response.context["results"]}, response


def world_bank():
    return Organisation.objects.get(name="World Bank Group").pk


CASES = {
    "no filter": ("", ALL),
    "type": ("?type=report", {"001", "002"}),
    "thematic area": ("?area=capacity-building", {"000", "003"}),
    "language of the material": ("?lang=ru", {"004"}),
    "year": ("?year=2021", {"000", "002"}),
    "access": ("?access=members", {"001", "003"}),
    "type and year": ("?type=report&year=2021", {"002"}),
    "area and access": ("?area=capacity-building&access=members", {"003"}),
    "area, language and type": ("?area=climate-change&lang=en&type=legal", {"004"}),
    "nothing matches": ("?type=dataset", set()),
    "unknown values are ignored": ("?type=bogus&year=abc&org=x&lang=zz", ALL),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("query,expected", CASES.values(), ids=CASES.keys())
def test_filters_alone_and_combined_in_each_language(client, db, language, query, expected):
    results, response = found(client, language, query)
    assert results == expected
    assert response.context["result_count"] == len(expected)


@pytest.mark.parametrize("language", LANGUAGES)
def test_organisation_filter(client, db, language):
    results, response = found(client, language, f"?org={world_bank()}")
    assert results == {"001"}
    html = response.content.decode()
    expected_name = {"en": "World Bank Group", "tg": "Гурӯҳи Бонки Ҷаҳонӣ", "ru": "Группа Всемирного банка"}[language]
    assert expected_name in html


SEARCHES = {
    "en": [("Bokhtar", {"001"}), ("Almaty", {"002"}), ("resource centre", {"000", "003"})],
    "tg": [("Бохтар", {"001"}), ("Алмато", {"002"}), ("иқлим", {"004"})],
    "ru": [("Бохтаре", {"001"}), ("Алматы", {"002"}), ("климата", {"004"})],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_in_the_readers_language(client, db, language):
    for words, expected in SEARCHES[language]:
        results, _response = found(client, language, f"?q={words}")
        assert results == expected, words


def test_search_combines_with_filters(client, db):
    assert found(client, "en", "?q=Almaty&type=report")[0] == {"002"}
    assert found(client, "en", "?q=Almaty&type=guide")[0] == set()
    assert found(client, "tg", "?q=Алмато&access=members")[0] == set()


def test_filter_labels_are_translated(client, db):
    html = client.get("/tg/library/?area=capacity-building").content.decode()
    assert "Маориф, роҳбарӣ ва рушди иқтидор" in html
    assert 'value="capacity-building" selected' in html


def test_sort_by_title(client, db):
    response = client.get("/en/library/?sort=title")
    titles = [page.title for page in response.context["results"]]
    assert titles == sorted(titles)
    newest = [page.first_published_at for page in client.get("/en/library/").context["results"]]
    assert newest == sorted(newest, reverse=True)


def make_resources(library, count, start=0):
    area = ThematicArea.objects.get(locale__language_code="en", slug="health")
    for number in range(start, start + count):
        page = ResourcePage(
            title=f"Clinic report {number:04d}",
            slug=f"clinic-report-{number:04d}",
            summary="Numbers from rural clinics.",
            resource_type="dataset",
            access="public",
            year=2000 + number % 20,
            organisation_id=Organisation.objects.order_by("pk").values_list("pk", flat=True)[number % 20],
            live=True,
        )
        page.material_languages.add(ResourceMaterialLanguage(language="tg"))
        page.thematic_area_links.add(ResourceThematicArea(thematic_area=area))
        library.add_child(instance=page)


@pytest.mark.parametrize("page", ["abc", "-3", "0", "999999", "1.5", ""])
def test_pagination_copes_with_bad_input(client, library, page):
    make_resources(library("en"), 20)
    response = client.get(f"/en/library/?type=dataset&page={page}")
    assert response.status_code == 200
    number = response.context["page_obj"].number
    assert number == (2 if page == "999999" else 1)
    assert len(response.context["results"]) == (8 if page == "999999" else 12)


def test_filters_are_kept_in_the_pagination_links(client, library):
    make_resources(library("en"), 15)
    html = client.get("/en/library/?type=dataset&sort=title").content.decode()
    assert "type=dataset&amp;sort=title&amp;page=2" in html
    second = client.get("/en/library/?type=dataset&sort=title&page=2")
    assert [p.title for p in second.context["results"]] == [
        "Clinic report 0012",
        "Clinic report 0013",
        "Clinic report 0014",
    ]


def count_queries(client, url):
    client.get(url)  # warm the caches a real server would have warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_count_is_constant_from_10_to_1000_resources(
    client, library, django_assert_max_num_queries, settings, uncached_pages
):
    urls = [
        "/en/library/",
        "/tg/library/?type=dataset&area=health&lang=tg&sort=title&page=2",
        "/en/library/?q=Almaty&type=report",
    ]
    for language in ("en", "tg"):
        make_resources(library(language), 10)
    small = [count_queries(client, url) for url in urls]
    # Index nothing while creating 1,980 pages (the search index is not what this test measures).
    backends = settings.WAGTAILSEARCH_BACKENDS
    settings.WAGTAILSEARCH_BACKENDS = {"default": {**backends["default"], "AUTO_UPDATE": False}}
    for language in ("en", "tg"):
        make_resources(library(language), 990, start=10)
    settings.WAGTAILSEARCH_BACKENDS = backends
    large = [count_queries(client, url) for url in urls]
    assert small == large, (small, large)
    assert client.get(urls[1]).context["result_count"] == 1000
    for url in urls:
        with django_assert_max_num_queries(PUBLIC_PAGE_QUERY_BUDGET):
            client.get(url)
