import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import StandardPageFactory, UserFactory, translate

pytestmark = pytest.mark.django_db

HOME_TITLES = {
    "en": "Hamkori: learning and resources for civil society",
    "tg": "Ҳамкорӣ: омӯзиш ва маводҳо барои ҷомеаи шаҳрвандӣ",
    "ru": "Хамкори: обучение и ресурсы для гражданского общества",
}


@pytest.mark.parametrize("language", ["en", "tg", "ru"])
def test_home_page_is_served_in_each_language(client, language):
    response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert HOME_TITLES[language] in html


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("tg,ru;q=0.8", "/tg/"), ("ru-RU,ru;q=0.9,en;q=0.5", "/ru/"), ("en-GB", "/en/"), ("fr-FR", "/en/")],
)
def test_root_redirects_by_browser_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("language", ["en", "tg", "ru"])
def test_every_page_lists_hreflang_alternates_for_its_translations(client, about, language):
    html = client.get(f"/{language}/about/").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="http://testserver(/[^"]*)">', html))
    assert alternates == {"en": "/en/about/", "tg": "/tg/about/", "ru": "/ru/about/"}


def test_switcher_keeps_the_reader_on_the_same_page(client, about):
    html = client.get("/tg/about/").content.decode()
    assert "Дар бораи Ҳамкорӣ" in html
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert 'href="/en/about/"' in switcher
    assert 'href="/ru/about/"' in switcher
    assert 'aria-current="true" lang="tg"' in switcher
    assert "not translated" not in switcher


def test_switcher_says_when_a_page_has_no_translation_yet(client):
    StandardPageFactory(title="Only in English", slug="only-english")

    html = client.get("/en/only-english/").content.decode()
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    # Tajik and Russian readers are sent to the nearest translated page, and told why.
    assert 'href="/tg/"' in switcher
    assert 'href="/ru/"' in switcher
    assert "(ҳанӯз тарҷума нашудааст)" in switcher
    assert "(ещё не переведено)" in switcher
    # Only the existing translation is announced to search engines.
    assert re.findall(r'hreflang="(\w+)" href="http', html) == ["en"]


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "Page not found"), ("tg", "Саҳифа ёфт нашуд"), ("ru", "Страница не найдена")],
)
def test_not_found_page_is_translated(client, language, message):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert message in response.content.decode()
    assert f'<html lang="{language}">' in response.content.decode()


@pytest.mark.parametrize(
    ("language", "skip_link"),
    [("en", "Skip to main content"), ("tg", "Гузариш ба мундариҷаи асосӣ"), ("ru", "Перейти к основному содержанию")],
)
def test_interface_strings_come_from_real_catalogues(client, language, skip_link):
    assert skip_link in client.get(f"/{language}/").content.decode()


def _switcher(client, path):
    html = client.get(path).content.decode()
    return html.split('class="language-switcher"')[1].split("</nav>")[0]


def test_language_links_are_worked_out_once_for_every_reader(client, about):
    client.force_login(UserFactory())  # signed in: no page cache, the page is built every time
    client.get("/en/about/")
    with CaptureQueriesContext(connection) as queries:
        switcher = _switcher(client, "/en/about/")
    assert 'href="/tg/about/"' in switcher
    lookups = [query["sql"].split(" WHERE ", 1)[1] for query in queries.captured_queries if " WHERE " in query["sql"]]
    assert not [where for where in lookups if "translation_key" in where]  # no look-up of the translations


def test_publishing_or_unpublishing_a_translation_changes_the_switcher_at_once(client):
    client.force_login(UserFactory())
    english = StandardPageFactory(title="Only in English", slug="only-english")
    assert 'href="/tg/"' in _switcher(client, "/en/only-english/")

    tajik = translate(english, "tg", title="Танҳо бо забони англисӣ")
    switcher = _switcher(client, "/en/only-english/")
    assert 'href="/tg/only-english/"' in switcher
    assert "(ҳанӯз тарҷума нашудааст)" not in switcher

    tajik.unpublish()
    switcher = _switcher(client, "/en/only-english/")
    assert 'href="/tg/only-english/"' not in switcher
    assert "(ҳанӯз тарҷума нашудааст)" in switcher


def test_unpublishing_a_translated_ancestor_changes_the_fallback_link_of_the_pages_below(client, about):
    client.force_login(UserFactory())
    StandardPageFactory(parent=about["en"], title="Our partners", slug="partners")
    assert 'href="/tg/about/"' in _switcher(client, "/en/about/partners/")

    about["tg"].unpublish()
    switcher = _switcher(client, "/en/about/partners/")
    assert 'href="/tg/about/"' not in switcher
    assert 'href="/tg/"' in switcher


def test_language_links_of_a_view_that_is_not_a_page_are_worked_out_once_per_address(client, monkeypatch):
    from home.templatetags import navigation_tags

    calls = []
    original = navigation_tags.translate_url
    monkeypatch.setattr(navigation_tags, "translate_url", lambda *args: calls.append(args) or original(*args))
    client.force_login(UserFactory())
    client.get("/en/my-learning/")
    calls.clear()
    switcher = _switcher(client, "/en/my-learning/")
    assert 'href="/tg/my-learning/"' in switcher and 'href="/ru/my-learning/"' in switcher
    assert calls == []
    switcher = _switcher(client, "/ru/my-learning/")
    assert 'href="/en/my-learning/"' in switcher and 'href="/tg/my-learning/"' in switcher
