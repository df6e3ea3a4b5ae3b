"""The site's search index: what it holds (live, public, one language), did-you-mean, highlights, queries."""

import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home import search_index, views
from home.models import SearchEntry
from tests.factories import ResourcePageFactory, StandardPageFactory, home_page, section, translate

pytestmark = pytest.mark.django_db

POWER = ("Сохторҳои расмӣ ва ғайрирасмии ҳокимият", "Ҳокимияти расмӣ ва ғайрирасмӣ дар Тоҷикистон")


def search(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def result_paths(html):
    return re.findall(r'class="search-result__title"><a href="([^"]+)"', html)


def tajik_page(slug="power", title=POWER[0], intro=POWER[1], parent=None):
    return StandardPageFactory(parent=parent or home_page("tg"), slug=slug, title=title, intro=intro)


def test_a_draft_is_not_searchable_until_it_is_published(client):
    page = tajik_page()
    page.save_revision().publish()
    page.title = "Лоиҳаи нав дар бораи обёрӣ"
    page.save_revision()  # a draft: the live page keeps its title
    assert result_paths(search(client, "tg", "обёрӣ")) == []
    assert result_paths(search(client, "tg", "хокимият")) == ["/tg/power/"]
    page.get_latest_revision().publish()
    assert result_paths(search(client, "tg", "обёрӣ")) == ["/tg/power/"]


def test_an_unpublished_or_deleted_page_leaves_the_index(client):
    page = tajik_page()
    page.save_revision().publish()
    assert result_paths(search(client, "tg", "хокимият")) == ["/tg/power/"]
    page.unpublish()
    assert result_paths(search(client, "tg", "хокимият")) == []
    page.save_revision().publish()
    page.delete()
    assert result_paths(search(client, "tg", "хокимият")) == []
    assert not SearchEntry.objects.filter(page_id=page.pk).exists()


def test_private_pages_and_their_children_are_never_returned(client):
    parent = tajik_page(slug="members", title="Саҳифаи аъзоён", intro="Матн.")
    child = tajik_page(parent=parent, slug="power")
    child.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=parent, restriction_type=PageViewRestriction.LOGIN)
    html = search(client, "tg", "хокимият")
    assert result_paths(html) == []
    assert "ғайрирасмии" not in html
    restriction.delete()
    assert result_paths(search(client, "tg", "хокимият")) == ["/tg/members/power/"]


def test_a_page_moved_under_a_private_page_leaves_the_index(client):
    private = tajik_page(slug="private", title="Саҳифаи пӯшида", intro="Матн.")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    page = tajik_page()
    assert result_paths(search(client, "tg", "хокимият")) == ["/tg/power/"]
    page.move(private, pos="last-child")
    assert result_paths(search(client, "tg", "хокимият")) == []


def test_results_stay_in_the_readers_language(client):
    english = StandardPageFactory(slug="power", title="Formal and informal power", intro="Power in Tajikistan.")
    translate(english, "tg", title=POWER[0], intro=POWER[1])
    translate(english, "ru", title="Формальная власть", intro="Власть в Таджикистане.")
    assert result_paths(search(client, "tg", "хокимият")) == ["/tg/power/"]
    assert result_paths(search(client, "ru", "хокимият")) == []
    assert result_paths(search(client, "en", "хокимият")) == []
    assert result_paths(search(client, "ru", "власти")) == ["/ru/power/"]


def test_members_only_resources_are_found_by_their_public_description(client):
    library = section("library", "tg")
    ResourcePageFactory(
        parent=library,
        slug="budget-guide",
        title="Дастур оид ба буҷети ҷамоат",
        summary="Чӣ тавр ҷамоатҳо буҷаи маҳаллиро назорат мекунанд.",
        access="members",
    )
    assert result_paths(search(client, "tg", "бучети")) == ["/tg/library/budget-guide/"]
    listing = client.get("/tg/library/", {"q": "бучети"}).content.decode()
    assert "/tg/library/budget-guide/" in listing


def test_the_library_search_reads_tajik_as_people_type_it(client):
    library = section("library", "tg")
    ResourcePageFactory(parent=library, slug="power-guide", title=POWER[0], summary=POWER[1])
    ResourcePageFactory(parent=library, slug="other", title="Дастури дигар", summary="Матни дигар.")
    listing = client.get("/tg/library/", {"q": "Tojikiston"}).content.decode()
    assert "/tg/library/power-guide/" in listing
    assert "/tg/library/other/" not in listing


def test_a_misspelt_query_that_finds_nothing_offers_the_closest_word(client):
    tajik_page()
    html = search(client, "tg", "хокемиет")  # two letters wrong
    assert result_paths(html) == []
    assert 'class="did-you-mean"' in html
    suggestion = re.search(r'class="did-you-mean">[^<]*<a href="\?q=([^"]+)">([^<]+)</a>', html)
    assert suggestion.group(2).lower() == "ҳокимият"  # as our content spells it
    followed = client.get("/tg/search/?q=" + suggestion.group(1)).content.decode()
    assert result_paths(followed) == ["/tg/power/"]


def test_a_one_letter_typo_in_a_long_word_still_finds_the_page_and_says_so(client):
    tajik_page()
    tajik_page(slug="school", title="Ҳокимият аз шаҳрак то сатҳи миллӣ", intro="Масъалаи мактаб дар ноҳия.")
    html = search(client, "tg", "ғайрерасмии")
    assert result_paths(html)[0] == "/tg/power/"
    assert 'class="did-you-mean"' in html


def test_no_suggestion_when_the_query_finds_pages(client):
    tajik_page()
    html = search(client, "tg", "хокимият")
    assert 'class="did-you-mean"' not in html


def test_the_matched_words_are_marked_in_the_snippet_whatever_the_spelling(client):
    tajik_page(intro="Ҳокимияти расмӣ ва ғайрирасмӣ дар Тоҷикистон & бо ҳокимиятҳо.")
    html = search(client, "tg", "хокимият Tojikiston")
    snippet = re.search(r'<p class="search-result__snippet">(.*?)</p>', html).group(1)
    assert "<mark>Ҳокимияти</mark>" in snippet
    assert "<mark>Тоҷикистон</mark>" in snippet
    assert "<mark>ҳокимиятҳо</mark>" in snippet
    assert "<mark>расмӣ</mark>" not in snippet
    assert "&amp;" in snippet  # the page's text is escaped


def test_a_long_snippet_is_cut_around_the_first_match(client):
    words = " ".join(f"калима{number}" for number in range(200))
    tajik_page(intro=f"{words} ҳокимият {words}")
    html = search(client, "tg", "хокимият")
    snippet = re.search(r'<p class="search-result__snippet">(.*?)</p>', html).group(1)
    assert "<mark>ҳокимият</mark>" in snippet
    assert snippet.startswith("… ")
    assert len(snippet.split()) < 45


def test_the_number_of_queries_does_not_grow_with_the_number_of_pages(client, uncached_pages):
    def queries_for(query):
        search_index.index_changed()  # a search whose results are not kept yet
        with CaptureQueriesContext(connection) as captured:
            search(client, "tg", query)
        return len(captured)

    tajik_page()
    queries_for("хокимият")  # the site, locales and content types are cached after a first request
    few = [queries_for(query) for query in ("хокимият", "хокемиет", "ғайрерасмии")]
    for number in range(30):
        tajik_page(slug=f"power-{number}", intro=f"Ҳокимияти расмӣ {number}.")
    many = [queries_for(query) for query in ("хокимият", "хокемиет", "ғайрерасмии")]
    assert many == few
    assert max(many) <= 12


def test_rebuilding_the_index_gives_the_same_results(client, uncached_pages):
    tajik_page()
    before = search(client, "tg", "хокимият")
    SearchEntry.objects.all().delete()
    search_index.index_changed()  # as every function that writes to the index does (kept results are not used)
    assert result_paths(search(client, "tg", "хокимият")) == []
    call_command("rebuild_search_entries", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert result_paths(search(client, "tg", "хокимият")) == result_paths(before) == ["/tg/power/"]


def test_setup_site_indexes_a_site_whose_index_is_empty(client, uncached_pages):
    tajik_page()
    SearchEntry.objects.all().delete()
    call_command("setup_site", verbosity=0)
    assert result_paths(search(client, "tg", "хокимият")) == ["/tg/power/"]


def test_every_page_of_results_continues_the_ranking(client, uncached_pages):
    """The database ranks and hands over one page at a time: title matches first, then shorter pages,
    and the count and the later pages agree with the order of the whole list."""
    for number in range(25):
        padding = " ва" * number  # longer and longer: a shorter page ranks first on a tie
        tajik_page(slug=f"body-{number:02d}", title=f"Саҳифа {number}", intro=f"Ҳокимият{padding}.")
    tajik_page(slug="in-title", title="Ҳокимият дар деҳот", intro="Гузориш" + " ва" * 40)
    pages = []
    for number in (1, 2, 3):
        response = client.get("/tg/search/", {"q": "ҳокимият", "page": number})
        html = response.content.decode()
        assert "26 " in re.search(r'<p class="result-count">(.*?)</p>', html).group(1)
        pages.append(result_paths(html))
    assert [len(page) for page in pages] == [10, 10, 6]
    ranked = [path for page in pages for path in page]
    assert ranked == ["/tg/in-title/"] + [f"/tg/body-{number:02d}/" for number in range(25)]


def test_the_library_search_forgives_a_one_letter_typo_and_keeps_to_its_language(client, uncached_pages):
    library = section("library", "tg")
    ResourcePageFactory(parent=library, slug="power-guide", title=POWER[0], summary=POWER[1])
    ResourcePageFactory(parent=library, slug="other", title="Дастури дигар", summary="Матни дигар.")
    english = section("library", "en")
    ResourcePageFactory(parent=english, slug="english-power", title="Ғайрирасмии power", summary="Ғайрирасмии.")
    listing = client.get("/tg/library/", {"q": "ғайрерасмии"}).content.decode()  # one letter wrong
    assert "/tg/library/power-guide/" in listing
    assert "/tg/library/other/" not in listing
    assert "english-power" not in listing
    nothing = client.get("/tg/library/", {"q": "ғайрерасмии дигар"}).content.decode()
    assert "/tg/library/power-guide/" not in nothing and "/tg/library/other/" not in nothing


def test_a_first_page_of_results_is_kept_until_the_index_changes(client, uncached_pages):
    """The ranking of a query is kept (a word in every page is not ranked again on every search), and
    publishing, unpublishing or making a page private is seen by the next search."""

    def searched(query="хокимият"):
        with CaptureQueriesContext(connection) as captured:
            paths = result_paths(search(client, "tg", query))
        return paths, len(captured)

    tajik_page()
    searched("ҷомеа")  # the site, locales and content types are cached after a first request
    first, queries = searched()
    again, kept_queries = searched()
    assert again == first == ["/tg/power/"]
    assert queries > 0
    assert kept_queries == 0  # the ranking and the hits shown are kept

    second = tajik_page(slug="second", title="Ҳокимият ва ҷомеа", intro="Ҳокимият.")
    assert searched()[0] == ["/tg/second/", "/tg/power/"]
    second.unpublish()
    assert searched()[0] == ["/tg/power/"]
    second.save_revision().publish()
    assert searched()[0] == ["/tg/second/", "/tg/power/"]
    PageViewRestriction.objects.create(page=second, restriction_type=PageViewRestriction.LOGIN)
    assert searched()[0] == ["/tg/power/"]


def test_kept_results_are_not_read_again_after_the_cache_loses_the_index_version(client, uncached_pages):
    cache.clear()
    tajik_page()
    assert result_paths(search(client, "tg", "хокимият")) == ["/tg/power/"]
    cache.delete(search_index.VERSION_KEY)  # evicted: the next version must not be one already used
    tajik_page(slug="second", title="Ҳокимият ва ҷомеа", intro="Ҳокимият.")
    assert result_paths(search(client, "tg", "хокимият")) == ["/tg/second/", "/tg/power/"]


def test_a_corrected_typo_is_kept_until_the_index_changes_and_random_words_keep_nothing(client, uncached_pages):
    """A one-letter typo the index corrects is corrected once per change to the index (the next search
    reads only the entries it shows); a word nothing corrects leaves nothing in the cache."""

    def searched(query):
        with CaptureQueriesContext(connection) as captured:
            html = search(client, "tg", query)
        return result_paths(html), 'class="did-you-mean"' in html, len(captured)

    def corrections():
        return [key for key in cache._cache if ":search:corrected:" in key]

    cache.clear()
    tajik_page()
    searched("ҷомеа")  # the site, locales and content types are cached after a first request
    paths, suggested, queries = searched("ғайрерасмии")  # one letter wrong
    assert (paths, suggested) == (["/tg/power/"], True)
    assert searched("ғайрерасмии") == (["/tg/power/"], True, 0)  # the correction and the hits are kept
    assert queries > 1
    assert len(corrections()) == 1
    kept_hits = len(views._kept_hits)

    for made_up in ("зқхъюйфщшэ", "ғайрерасмиибғ"):
        assert searched(made_up)[:2] == ([], False)
    assert len(corrections()) == 1
    assert len(views._kept_hits) == kept_hits  # a search that found nothing keeps nothing

    second = tajik_page(slug="second", title="Ғайрирасмии ҷомеа", intro="Ғайрирасмии.")
    assert searched("ғайрерасмии")[0] == ["/tg/second/", "/tg/power/"]
    second.unpublish()
    assert searched("ғайрерасмии")[0] == ["/tg/power/"]


def test_a_kept_page_of_results_shows_the_pages_as_published_now(client, uncached_pages):
    page = tajik_page()
    for _ in range(2):
        assert POWER[0] in search(client, "tg", "хокимият")
    page.title = "Ҳокимият ва шаҳрвандон"
    page.save_revision().publish()
    html = search(client, "tg", "хокимият")
    assert "Ҳокимият ва шаҳрвандон" in html and POWER[0] not in html
