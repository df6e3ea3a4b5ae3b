"""Browse: filters, search, sort, pagination and query counts, in every language.

Five resources in English, Tajik and Russian (the "shelf") are built once for this module, in a
transaction rolled back when the module ends; each test's own changes roll back as usual.
"""

import datetime
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail.signal_handlers import disable_reference_index_auto_update

from home.models import Organisation, ThematicArea
from library.facets import FACETS_VERSION_KEY
from library.models import ResourceMaterialLanguage, ResourceThematicArea
from tests.factories import OrganisationFactory, ResourcePageFactory, section, translate
from tests.library.conftest import resource, thematic_area

LANGUAGES = ["en", "tg", "ru"]
# Issue 6's budget for every public page, page chrome included.
PUBLIC_PAGE_QUERY_BUDGET = 12
ALL = {"A", "B", "C", "D", "E"}
WORLD_BANK = {"en": "World Bank Group", "tg": "Гурӯҳи Бонки Ҷаҳонӣ", "ru": "Группа Всемирного банка"}


def published(year, month):
    return datetime.datetime(year, month, 1, tzinfo=datetime.timezone.utc)


# key: (facets, access, {language: (title, summary)}, first published).
SHELF = {
    "A": (
        {"resource_type": "guide", "areas": ["capacity-building"], "languages": ["en", "tg"], "year": 2021},
        "public",
        {
            "en": ("Stronger civil society in Tajikistan", "How a resource centre helps organisations grow."),
            "tg": ("Ҷомеаи шаҳрвандии қавӣ дар Тоҷикистон", "Чӣ тавр маркази захиравӣ ба ташкилотҳо кӯмак мекунад."),
            "ru": ("Сильное гражданское общество в Таджикистане", "Как ресурсный центр помогает организациям расти."),
        },
        published(2021, 3),
    ),
    "B": (
        {"resource_type": "report", "areas": ["water-resources"], "languages": ["tg"], "year": 2026},
        "members",
        {
            "en": ("World Bank consultations in Khatlon", "Notes from the consultation in Bokhtar on the framework."),
            "tg": ("Машваратҳои Бонки Ҷаҳонӣ дар Хатлон", "Қайдҳо аз машварат дар Бохтар оид ба чаҳорчӯба."),
            "ru": ("Консультации Всемирного банка в Хатлоне", "Заметки с консультации в Бохтаре о рамочной программе."),
        },
        published(2026, 2),
    ),
    "C": (
        {"resource_type": "report", "areas": ["regional-cooperation"], "languages": ["en"], "year": 2021},
        "public",
        {
            "en": ("EU and Central Asia civil society forum", "The forum in Almaty discussed regional cooperation."),
            "tg": ("Форуми ҷомеаи шаҳрвандии ИА ва Осиёи Марказӣ", "Форум дар Алмато ҳамкориро баррасӣ кард."),
            "ru": ("Форум гражданского общества ЕС и Центральной Азии", "Форум в Алматы обсудил сотрудничество."),
        },
        published(2021, 10),
    ),
    "D": (
        {"resource_type": "training", "areas": ["capacity-building"], "languages": ["en"], "year": 2019},
        "members",
        {
            "en": ("Resource centre training module", "A training module for the staff of a resource centre."),
            "tg": ("Модули омӯзишӣ барои марказ", "Модули омӯзишӣ барои кормандони марказ."),
            "ru": ("Учебный модуль для центра", "Учебный модуль для сотрудников центра."),
        },
        published(2019, 5),
    ),
    "E": (
        {"resource_type": "legal", "areas": ["climate-change"], "languages": ["ru", "en"], "year": 2020},
        "public",
        {
            "en": ("CAREC concept on a changing climate", "A regional concept on adaptation for the CAREC countries."),
            "tg": ("Консепсияи КАРЕК", "Консепсияи минтақавӣ оид ба мутобиқшавӣ ба тағйирёбии иқлим."),
            "ru": ("Концепция КАРЕК", "Региональная концепция адаптации к изменению климата."),
        },
        published(2020, 6),
    ),
}
NEWEST_FIRST = ["B", "C", "A", "E", "D"]


def build_shelf():
    world_bank = OrganisationFactory(
        name=WORLD_BANK["en"], name_tg=WORLD_BANK["tg"], name_ru=WORLD_BANK["ru"], type=Organisation.Type.INTERNATIONAL
    )
    other = OrganisationFactory(name="European Union", name_tg="Иттиҳоди Аврупо", name_ru="Европейский союз")
    pages = {}
    for key, (facets, access, texts, first_published) in SHELF.items():
        title, summary = texts["en"]
        page = resource(
            title,
            summary=summary,
            slug=f"resource-{key.lower()}",
            access=access,
            organisation=world_bank if key == "B" else other,
            first_published_at=first_published,
            **facets,
        )
        pages[key] = page
        for language in ("tg", "ru"):
            title, summary = texts[language]
            translate(page, language, title=title, summary=summary)
    return {"pages": pages, "world_bank": world_bank}


@pytest.fixture(scope="module")
def shelf(django_db_setup, django_db_blocker):
    """The five resources in three languages, made once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_shelf()
        transaction.set_rollback(True)


def found(client, language, query=""):
    response = client.get(f"/{language}/library/{query}")
    assert response.status_code == 200
    keys = {page.slug.removeprefix("resource-").upper() for page in response.context["results"]}
    return keys, response


CASES = {
    "no filter": ("", ALL),
    "type": ("?type=report", {"B", "C"}),
    "thematic area": ("?area=capacity-building", {"A", "D"}),
    "language of the material": ("?lang=ru", {"E"}),
    "year": ("?year=2021", {"A", "C"}),
    "access": ("?access=members", {"B", "D"}),
    "type and year": ("?type=report&year=2021", {"C"}),
    "area and access": ("?area=capacity-building&access=members", {"D"}),
    "area, language and type": ("?area=climate-change&lang=en&type=legal", {"E"}),
    "nothing matches": ("?type=dataset", set()),
    "unknown values are ignored": ("?type=bogus&year=abc&org=x&lang=zz&access=all", ALL),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_filters_alone_and_combined_in_each_language(client, shelf, language):
    for case, (query, expected) in CASES.items():
        results, response = found(client, language, query)
        assert results == expected, case
        assert response.context["result_count"] == len(expected), case


@pytest.mark.parametrize("language", LANGUAGES)
def test_organisation_filter_shows_the_name_in_the_readers_language(client, shelf, language):
    results, response = found(client, language, f"?org={shelf['world_bank'].pk}")
    assert results == {"B"}
    html = response.content.decode()
    assert f'<option value="{shelf["world_bank"].pk}" selected>{WORLD_BANK[language]}</option>' in html


SEARCHES = {
    "en": [("Bokhtar", {"B"}), ("Almaty", {"C"}), ("resource centre", {"A", "D"})],
    "tg": [("Бохтар", {"B"}), ("Алмато", {"C"}), ("иқлим", {"E"})],
    "ru": [("Бохтаре", {"B"}), ("Алматы", {"C"}), ("климата", {"E"})],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_in_the_readers_language(client, shelf, language):
    for words, expected in SEARCHES[language]:
        results, _response = found(client, language, f"?q={words}")
        assert results == expected, words


def test_search_combines_with_filters(client, shelf):
    assert found(client, "en", "?q=Almaty&type=report")[0] == {"C"}
    assert found(client, "en", "?q=Almaty&type=guide")[0] == set()
    assert found(client, "tg", "?q=Алмато&access=members")[0] == set()
    assert found(client, "tg", "?q=Бохтар&access=members")[0] == {"B"}


def test_filter_labels_are_translated(client, shelf):
    html = client.get("/tg/library/?area=capacity-building").content.decode()
    assert "Маориф, роҳбарӣ ва рушди иқтидор" in html
    assert 'value="capacity-building" selected' in html
    assert "Education, leadership and capacity building" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_sort_by_title_or_newest_first(client, shelf, language):
    titles = [page.title for page in client.get(f"/{language}/library/?sort=title").context["results"]]
    assert len(titles) == 5
    assert titles == sorted(titles)
    newest = client.get(f"/{language}/library/").context["results"]
    dates = [page.first_published_at for page in newest]
    assert dates == sorted(dates, reverse=True)
    if language == "en":
        assert [page.slug.removeprefix("resource-").upper() for page in newest] == NEWEST_FIRST


@pytest.fixture
def unindexed(settings):
    """Pages saved without updating the search and reference indexes (no test here searches them)."""
    backends = settings.WAGTAILSEARCH_BACKENDS
    settings.WAGTAILSEARCH_BACKENDS = {"default": {**backends["default"], "AUTO_UPDATE": False}}
    with disable_reference_index_auto_update():
        yield
    settings.WAGTAILSEARCH_BACKENDS = backends


def make_resources(library, count, start=0, organisations=None, area="water-resources"):
    """`count` public datasets ("Clinic report 0000"...) in one library, with no files."""
    area = thematic_area(area)
    organisations = organisations or [None]
    for number in range(start, start + count):
        page = ResourcePageFactory.build(
            title=f"Clinic report {number:04d}",
            slug=f"clinic-report-{number:04d}",
            summary="Numbers from rural clinics.",
            resource_type="dataset",
            year=2000 + number % 20,
            organisation=organisations[number % len(organisations)],
        )
        page.material_languages.add(ResourceMaterialLanguage(language="tg"))
        page.thematic_area_links.add(ResourceThematicArea(thematic_area=area))
        library.add_child(instance=page)


def test_pagination_copes_with_bad_input(client, shelf, unindexed):
    make_resources(section("library"), 20)
    for page, number, size in [
        ("abc", 1, 12),
        ("-3", 1, 12),
        ("0", 1, 12),
        ("1.5", 1, 12),
        ("", 1, 12),
        ("2", 2, 8),
        ("999999", 2, 8),
    ]:
        response = client.get(f"/en/library/?type=dataset&page={page}")
        assert response.status_code == 200, page
        assert response.context["page_obj"].number == number, page
        assert len(response.context["results"]) == size, page


def test_filters_are_kept_in_the_pagination_links(client, shelf, unindexed):
    make_resources(section("library"), 15)
    html = client.get("/en/library/?type=dataset&sort=title").content.decode()
    assert "type=dataset&amp;sort=title&amp;page=2" in html
    second = client.get("/en/library/?type=dataset&sort=title&page=2")
    assert [p.title for p in second.context["results"]] == [
        "Clinic report 0012",
        "Clinic report 0013",
        "Clinic report 0014",
    ]
    assert 'rel="prev" href="?type=dataset&amp;sort=title&amp;page=1"' in second.content.decode()


def count_queries(client, url):
    client.get(url)  # warm the caches a real server would have warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_resources(
    client, shelf, django_assert_max_num_queries, uncached_pages, unindexed
):
    """10 resources (one page of results) and 30 (three pages) cost the same queries.

    The benchmark (tests/bench/volume.py) checks the same with thousands of resources.
    """
    urls = [
        "/en/library/",
        "/tg/library/?type=dataset&area=health&lang=tg&sort=title&page=2",
        "/en/library/?q=Almaty&type=report",
    ]
    organisations = [OrganisationFactory() for _ in range(5)]
    for language in ("en", "tg"):
        make_resources(section("library", language), 10, organisations=organisations[:2], area="health")
    small = [count_queries(client, url) for url in urls]
    for language in ("en", "tg"):
        make_resources(section("library", language), 20, start=10, organisations=organisations, area="health")
    large = [count_queries(client, url) for url in urls]
    assert small == large, (small, large)
    response = client.get(urls[1])
    assert response.context["result_count"] == 30
    assert response.context["page_obj"].paginator.num_pages == 3
    assert len(response.context["filter_options"]["organisations"]) == 5 + 2  # the shelf's two publishers
    for url in urls:
        with django_assert_max_num_queries(PUBLIC_PAGE_QUERY_BUDGET):
            client.get(url)


def test_each_card_shows_its_own_type_languages_and_areas_in_the_readers_language(client, shelf):
    """The labels of every card on the page are looked up together: each card still gets its own."""
    _keys, response = found(client, "tg", "?sort=title")
    cards = {
        card.split('href="/tg/library/resource-')[1][0].upper(): card
        for card in response.content.decode().split('<li class="resource-card">')[1:]
    }
    assert set(cards) == ALL
    assert '<span class="badge">Ҳисобот</span>' in cards["B"]
    assert "Захираҳои об" in cards["B"] and "Тоҷикӣ" in cards["B"]
    assert '<span class="badge">Санади ҳуқуқӣ ё сиёсӣ</span>' in cards["E"]
    assert "Тағйирёбии иқлим" in cards["E"] and "Русӣ, Англисӣ" in cards["E"]
    assert "Маориф, роҳбарӣ ва рушди иқтидор" in cards["A"] and "Англисӣ, Тоҷикӣ" in cards["A"]
    assert "Захираҳои об" not in cards["A"] + cards["C"] + cards["D"] + cards["E"]


def test_the_form_offers_every_option_and_selects_the_applied_ones(client, shelf):
    world_bank = shelf["world_bank"]
    partners = OrganisationFactory(name='Fidokor & "Partners" <b>', name_ru='Фидокор & "Партнёры" <b>')
    resource("Fidokor report", slug="fidokor-report", organisation=partners, year=2018)
    _keys, response = found(client, "ru", f"?type=report&year=2021&org={world_bank.pk}&lang=tg")
    html = response.content.decode()
    assert '<option value="report" selected>Отчёт</option>' in html
    assert '<option value="2021" selected>2021</option>' in html
    assert f'<option value="{world_bank.pk}" selected>Группа Всемирного банка</option>' in html
    assert '<option value="tg" selected>' in html
    assert html.count(" selected>") == 5  # the four filters and the sort order
    assert '<option value="2026">2026</option>' in html
    # The options are kept between lists: the next one selects its own values only.
    _keys, response = found(client, "ru", "?year=2026&type=legal")
    html = response.content.decode()
    assert '<option value="2026" selected>2026</option>' in html
    assert '<option value="2021">2021</option>' in html
    assert '<option value="report">Отчёт</option>' in html
    assert f'<option value="{world_bank.pk}">Группа Всемирного банка</option>' in html
    assert html.count(" selected>") == 3  # the year, the type and the sort order
    _keys, response = found(client, "en")
    english = response.content.decode()
    assert f'<option value="{partners.pk}">Fidokor &amp; &quot;Partners&quot; &lt;b&gt;</option>' in english


def card_of(client, language, slug):
    html = client.get(f"/{language}/library/?sort=title").content.decode()
    cards = [card for card in html.split('<li class="resource-card">')[1:] if f"/{slug}/" in card]
    assert len(cards) == 1
    return cards[0].split("</li>")[0]


def test_a_card_is_rebuilt_when_what_it_shows_changes(client, shelf, uncached_pages):
    """Cards are rendered once and kept: publishing the resource, renaming its organisation or its
    thematic area's translation shows on the next list; the other cards are unchanged."""
    before_other = card_of(client, "tg", "resource-c")
    assert "Машваратҳои Бонки Ҷаҳонӣ дар Хатлон" in card_of(client, "tg", "resource-b")

    page = shelf["pages"]["B"].get_translation(Locale.objects.get(language_code="tg")).specific
    page.title = "Машваратҳои нав дар Хатлон"
    page.save_revision().publish()
    assert "Машваратҳои нав дар Хатлон" in card_of(client, "tg", "resource-b")

    world_bank = shelf["world_bank"]
    world_bank.name_tg = "Бонки Ҷаҳонӣ (ном нав)"
    world_bank.save()
    assert "Бонки Ҷаҳонӣ (ном нав)" in card_of(client, "tg", "resource-b")

    water = ThematicArea.objects.get(locale__language_code="tg", slug="water-resources")
    water.name = "Захираҳои оби нав"
    water.save()
    assert "Захираҳои оби нав" in card_of(client, "tg", "resource-b")
    assert card_of(client, "tg", "resource-c") == before_other


def test_kept_cards_are_not_read_again_after_the_cache_loses_their_version(client, shelf, uncached_pages):
    """An evicted version key starts again from a value no earlier version had: old cards stay unread."""
    cache.clear()
    assert "Гурӯҳи Бонки Ҷаҳонӣ" in card_of(client, "tg", "resource-b")
    cache.delete(FACETS_VERSION_KEY)
    Organisation.objects.filter(pk=shelf["world_bank"].pk).update(name_tg="Бонки Ҷаҳонӣ (нав)")  # no signal
    assert "Бонки Ҷаҳонӣ (нав)" in card_of(client, "tg", "resource-b")


def test_a_list_seen_before_reads_only_its_version_from_the_cache_with_the_page(client, shelf, uncached_pages):
    """The filter options, the number of resources, the cards and the filter form of a list seen before in
    this process are not read from the cache again (until the facets change); another sort order or other
    filters get their own form."""
    cache.clear()
    found(client, "tg", "?type=report")
    with (
        mock.patch.object(cache, "get", wraps=cache.get) as get,
        mock.patch.object(cache, "get_many", wraps=cache.get_many) as get_many,
    ):
        keys, response = found(client, "tg", "?type=report")
    assert keys == {"B", "C"}
    read = [call.args[0] for call in get.call_args_list] + [
        key for call in get_many.call_args_list for key in call.args[0]
    ]
    assert {key for key in read if key.startswith("library:")} == {FACETS_VERSION_KEY}
    # ... and that one with the call that checks the page found at the address, not in a call of its own.
    assert any(FACETS_VERSION_KEY in call.args[0] and len(call.args[0]) > 1 for call in get_many.call_args_list)
    assert '<option value="report" selected>' in response.content.decode()

    by_title = client.get("/tg/library/?sort=title").content.decode()
    assert '<option value="title" selected>' in by_title and '<option value="report" selected>' not in by_title
    newest = client.get("/tg/library/").content.decode()
    assert " selected>" in newest and '<option value="title" selected>' not in newest
    assert newest.count(" selected>") == 1  # the sort order


def test_a_page_of_the_list_is_read_from_the_database_once_until_the_library_changes(client, shelf, uncached_pages):
    """The rows of a list the form offers are the same for every reader: read once, then kept until a
    resource is published, unpublished or moved; a search is read each time."""

    def listed(query=""):
        with CaptureQueriesContext(connection) as captured:
            keys, _response = found(client, "en", query)
        return keys, [query for query in captured.captured_queries if "library_resourcepage" in query["sql"]]

    assert listed("?sort=title")[0] == ALL
    assert listed("?sort=title") == (ALL, [])
    assert listed("?type=report")[0] == {"B", "C"}
    assert listed("?type=report") == ({"B", "C"}, [])
    assert listed("?q=water")[1] != []  # a search: no kept rows

    new = resource("Zebra crossings report", slug="resource-f", resource_type="report")
    assert listed("?sort=title")[0] == ALL | {"F"}
    assert listed("?type=report")[0] == {"B", "C", "F"}
    new.unpublish()
    assert listed("?sort=title")[0] == ALL
    moved = shelf["pages"]["B"]
    moved.move(section("library", "en").get_parent(), pos="last-child")  # out of the library
    assert listed("?sort=title")[0] == ALL - {"B"}
