"""The demo library: five resources in three languages, one approved and one pending contribution."""

import pytest
from wagtail.models import WorkflowState

from home.models import Organisation
from library.access import MEMBERS_COLLECTION, SUBMISSIONS_COLLECTION
from library.models import ResourcePage, Submission

from .conftest import LANGUAGES

pytestmark = pytest.mark.django_db

# The resources by slug (content/library.toml) and the seed number they are made from.
SEEDS = {
    "stronger-civil-society-tajikistan": "000",
    "world-bank-consultations-khatlon-2026": "001",
    "eu-central-asia-forum-2021": "002",
    "tacso-2-technical-assistance": "003",
    "carec-civil-society-concept-2020-2025": "004",
}
ALL = set(SEEDS.values())
FILTERS = {
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
SEARCHES = {
    "en": [("Bokhtar", {"001"}), ("Almaty", {"002"}), ("resource centre", {"000", "003"})],
    "tg": [("Бохтар", {"001"}), ("Алмато", {"002"}), ("иқлим", {"004"})],
    "ru": [("Бохтаре", {"001"}), ("Алматы", {"002"}), ("климата", {"004"})],
}
WORLD_BANK = {"en": "World Bank Group", "tg": "Гурӯҳи Бонки Ҷаҳонӣ", "ru": "Группа Всемирного банка"}


def found(client, language, query=""):
    response = client.get(f"/{language}/library/{query}")
    assert response.status_code == 200
    return {SEEDS.get(page.slug, page.slug) for page in response.context["results"]}, response


def test_the_resources_and_contributions_match_the_data_files(content):
    library = content("library")
    english = ResourcePage.objects.live().filter(locale__language_code="en")
    assert set(english.values_list("slug", flat=True)) == {spec["slug"] for spec in library["resources"]} == set(SEEDS)
    assert set(english.values_list("access", flat=True)) == {"public", "members"}
    assert all(page.files.exists() and page.thematic_area_links.exists() for page in english)

    sino = Organisation.objects.get(name='Public Organization "Sino"')
    fidokor = Organisation.objects.get(name='Public Organization "Fidokor"')
    assert Submission.objects.filter(organisation=sino, status="approved").exists()
    assert not Submission.objects.filter(organisation=fidokor, status="approved").exists()
    pending = Submission.objects.get(organisation=fidokor, status="pending")
    assert pending.page.title == "Volunteer recruitment checklist"
    assert not pending.page.live
    assert WorkflowState.objects.filter(object_id=str(pending.page_id), status="in_progress").exists()


def test_seed_files_are_filed_by_access_level():
    def collection(slug):
        page = ResourcePage.objects.get(slug=slug, locale__language_code="en")
        return page.files.select_related("document__collection").get().document.collection.name

    assert collection("world-bank-consultations-khatlon-2026") == MEMBERS_COLLECTION
    assert collection("stronger-civil-society-tajikistan") == "Library"
    pending = Submission.objects.get(status=Submission.Status.PENDING, page__title="Volunteer recruitment checklist")
    assert pending.page.files.get().document.collection.name == SUBMISSIONS_COLLECTION


@pytest.mark.parametrize("language", LANGUAGES)
def test_library_and_resources_render_in_each_language(client, language):
    resources = ResourcePage.objects.live().filter(locale__language_code=language)
    assert resources.count() == 5
    for resource in resources:
        html = client.get(resource.url).content.decode()
        assert resource.title in html
        assert resource.summary.splitlines()[0][:40] in html


def test_translated_resource_has_no_english_left(client):
    html = client.get("/tg/library/eu-central-asia-forum-2021/").content.decode()
    for english in ["Discussion points", "Files", "Published by", "Back to the library", "Members only", "Report"]:
        assert english not in html
    assert "Форуми ҷомеаи шаҳрвандии ИА" in html
    assert "Иттиҳоди Аврупо" in html  # publisher in Tajik
    assert "Ҳамкории минтақавӣ" in html  # thematic area in Tajik


@pytest.mark.parametrize("language", LANGUAGES)
def test_filters_alone_and_combined_in_each_language(client, language):
    for name, (query, expected) in FILTERS.items():
        results, response = found(client, language, query)
        assert results == expected, name
        assert response.context["result_count"] == len(expected), name
    results, response = found(client, language, f"?org={Organisation.objects.get(name='World Bank Group').pk}")
    assert results == {"001"}
    assert WORLD_BANK[language] in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_in_the_readers_language(client, language):
    for words, expected in SEARCHES[language]:
        assert found(client, language, f"?q={words}")[0] == expected, words


def test_search_combines_with_filters_and_labels_are_translated(client):
    assert found(client, "en", "?q=Almaty&type=report")[0] == {"002"}
    assert found(client, "en", "?q=Almaty&type=guide")[0] == set()
    assert found(client, "tg", "?q=Алмато&access=members")[0] == set()
    html = client.get("/tg/library/?area=capacity-building").content.decode()
    assert "Маориф, роҳбарӣ ва рушди иқтидор" in html
    assert 'value="capacity-building" selected' in html
