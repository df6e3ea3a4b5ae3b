"""Recommendations: one record each, filterable in every language, with follow-up editors record."""

import datetime
import re

import pytest
from wagtail.models import PageViewRestriction

from home.models import ThematicArea
from home.translation import publish_translation
from programme.models import RecommendationPage, TimelineEntry
from tests.factories import (
    ConsultationPageFactory,
    ForumPageFactory,
    RecommendationPageFactory,
    StandardPageFactory,
    ThematicAreaFactory,
    UserFactory,
    translate,
)

from .conftest import CONSULTATION, FORUM, LANGUAGES

AREAS = {
    "digitalisation": ("Digitalisation", "Рақамикунонӣ", "Цифровизация"),
    "gender-equality": ("Gender equality", "Баробарии гендерӣ", "Гендерное равенство"),
    "rule-of-law": ("Rule of law", "Волоияти қонун", "Верховенство закона"),
}
SOURCES = {
    FORUM: (
        "EU-Central Asia Civil Society Forum 2021",
        "Форуми ҷомеаи шаҳрвандии ИА 2021",
        "Форум гражданского общества ЕС 2021",
    ),
    CONSULTATION: (
        "World Bank Group consultation in Bokhtar",
        "Машварати Гурӯҳи Бонки Ҷаҳонӣ дар Бохтар",
        "Консультация Группы Всемирного банка в Бохтаре",
    ),
}
# slug: (source, area, addressee, title in en, tg, ru)
RECOMMENDATIONS = {
    f"{FORUM}-01": (
        FORUM,
        "rule-of-law",
        "eu",
        "Support regional cooperation among CSOs",
        "Ҳамкории минтақавии ТҶШ-ро дастгирӣ кунед",
        "Поддержите региональное сотрудничество ОГО",
    ),
    f"{FORUM}-02": (
        FORUM,
        "rule-of-law",
        "governments",
        "Teach civic education in schools",
        "Дар мактабҳо таълими шаҳрвандӣ диҳед",
        "Преподавайте гражданское образование в школах",
    ),
    f"{FORUM}-03": (
        FORUM,
        "rule-of-law",
        "governments",
        "Protect lawyers who defend CSOs",
        "Ҳуқуқшиносони ҳимоятгари ТҶШ-ро ҳифз кунед",
        "Защитите юристов, защищающих ОГО",
    ),
    f"{FORUM}-04": (
        FORUM,
        "gender-equality",
        "governments",
        "Keep acting on domestic violence",
        "Мубориза бо хушунати хонаводагиро идома диҳед",
        "Продолжайте бороться с домашним насилием",
    ),
    f"{FORUM}-05": (
        FORUM,
        "digitalisation",
        "business",
        "Fund digital literacy for women",
        "Саводнокии рақамии занонро маблағгузорӣ кунед",
        "Финансируйте цифровую грамотность женщин",
    ),
    f"{FORUM}-06": (
        FORUM,
        "digitalisation",
        "eu",
        "Open government data",
        "Маълумоти давлатиро дастрас кунед",
        "Откройте государственные данные",
    ),
    f"{CONSULTATION}-01": (
        CONSULTATION,
        "rule-of-law",
        "governments",
        "Work with local CSOs in World Bank projects",
        "Дар лоиҳаҳои Бонки Ҷаҳонӣ бо ТҶШ кор кунед",
        "Работайте с местными ОГО",
    ),
    f"{CONSULTATION}-02": (
        CONSULTATION,
        "digitalisation",
        "donors",
        "Publish procurement plans in Tajik",
        "Нақшаҳои хариди давлатиро бо забони тоҷикӣ нашр кунед",
        "Публикуйте планы закупок на таджикском",
    ),
}
TEXT = {
    "en": "Involve civil society in monitoring the programme.",
    "tg": "Ҷомеаи шаҳрвандиро ба назорати барнома ҷалб кунед.",
    "ru": "Вовлекайте гражданское общество в мониторинг программы.",
}
PER_PAGE = 5  # a second page with only eight recommendations


def facets(slug):
    source, area, addressee, *_titles = RECOMMENDATIONS[slug]
    return {"source": source, "area": area, "addressee": addressee}


def expected(**wanted):
    return {slug for slug in RECOMMENDATIONS if all(facets(slug)[key] == value for key, value in wanted.items())}


@pytest.fixture(scope="module")
def recommendations(module_db):
    """Eight recommendations from a forum and a consultation, each in English, Tajik and Russian."""
    areas = {
        slug: ThematicAreaFactory(name=en, slug=slug, translations={"tg": tg, "ru": ru})
        for slug, (en, tg, ru) in AREAS.items()
    }
    sources = {}
    for slug, titles in SOURCES.items():
        factory = ForumPageFactory if slug == FORUM else ConsultationPageFactory
        source = factory(slug=slug, title=titles[0])
        source.save_revision().publish()
        for language, title in zip(("tg", "ru"), titles[1:], strict=True):
            translate(source, language, title=title)
        sources[slug] = source
    for slug, (source, area, addressee, *titles) in RECOMMENDATIONS.items():
        recommendation = RecommendationPageFactory(
            slug=slug,
            title=titles[0],
            text=TEXT["en"],
            source=sources[source],
            thematic_area=areas[area],
            addressee=addressee,
        )
        recommendation.save_revision().publish()
        for language, title in zip(("tg", "ru"), titles[1:], strict=True):
            area_there = ThematicArea.objects.get(slug=area, locale__language_code=language)
            translate(recommendation, language, title=title, text=TEXT[language], thematic_area=area_there)


@pytest.fixture(autouse=True)
def short_pages(monkeypatch):
    monkeypatch.setattr("programme.models.RECOMMENDATIONS_PER_PAGE", PER_PAGE)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("recommendations")]


def listed(client, language, **params):
    response = client.get(f"/{language}/recommendations/", params)
    assert response.status_code == 200
    html = response.content.decode()
    return set(re.findall(rf'class="entry__title"><a href="/{language}/recommendations/([a-z0-9-]+)/"', html)), html


def recommendation(slug, language="en"):
    return RecommendationPage.objects.get(slug=slug, locale__language_code=language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_recommendation_is_listed_and_has_its_own_page(client, language):
    shown, html = listed(client, language)
    assert f'class="result-count">{len(RECOMMENDATIONS)} ' in html
    assert len(shown) == PER_PAGE  # first page
    page_two, _html = listed(client, language, page=2)
    assert shown | page_two == set(RECOMMENDATIONS)
    response = client.get(f"/{language}/recommendations/{FORUM}-05/")
    assert response.status_code == 200
    assert RECOMMENDATIONS[f"{FORUM}-05"][3 + LANGUAGES.index(language)] in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("area", "digitalisation"),
        ("area", "gender-equality"),
        ("addressee", "eu"),
        ("addressee", "business"),
        ("source", CONSULTATION),
    ],
)
def test_filter_by_each_facet_in_every_language(client, language, param, value):
    shown, html = listed(client, language, **{param: value})
    assert shown == expected(**{param: value})
    assert f'value="{value}" selected' in html  # the form keeps the choice


@pytest.mark.parametrize("language", LANGUAGES)
def test_filters_combine(client, language):
    shown, _html = listed(client, language, source=FORUM, addressee="governments", area="rule-of-law")
    assert shown == expected(source=FORUM, addressee="governments", area="rule-of-law")
    assert len(shown) == 2


def test_filter_by_response_and_implementation(client):
    assert listed(client, "en", assessed="implemented")[0] == set()
    assert len(listed(client, "en", response="none")[0]) == PER_PAGE
    publish_entry(f"{FORUM}-02", track="response", status="accepted")
    publish_entry(f"{FORUM}-03", track="assessed", status="implemented")
    for language in LANGUAGES:
        assert listed(client, language, response="accepted")[0] == {f"{FORUM}-02"}
        assert listed(client, language, assessed="implemented")[0] == {f"{FORUM}-03"}
        assert listed(client, language, reported="implemented")[0] == set()  # the addressee reported nothing


@pytest.mark.parametrize(
    "params",
    [
        {"area": "no-such-area"},
        {"addressee": "<script>alert(1)</script>"},
        {"response": "x" * 5000, "assessed": "open"},
        {"source": "' OR 1=1 --", "page": "-3"},
        {"page": "999"},
    ],
)
def test_bad_filter_values_are_ignored_not_errors(client, params):
    response = client.get("/en/recommendations/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "recommendations/" + FORUM in html  # the list is still there


def publish_entry(slug, **fields):
    """Add a timeline entry to the English page and publish it."""
    page = recommendation(slug)
    values = {"date": datetime.date(2026, 3, 1), "author_role": "editor"} | fields
    page.timeline.add(TimelineEntry(**values))
    page.save_revision().publish()
    return page


def test_a_new_entry_shows_on_the_public_page_in_every_language(client):
    publish_entry(
        f"{FORUM}-03",
        track="assessed",
        status="in_progress",
        author_role="cso",
        note="A civic education course is being prepared.",
        evidence_url="https://example.org/civic-education",
    )
    english = client.get(f"/en/recommendations/{FORUM}-03/").content.decode()
    assert 'status--in_progress">In progress' in english
    assert "A civic education course is being prepared." in english
    assert 'href="https://example.org/civic-education"' in english
    for language in ("tg", "ru"):
        html = client.get(f"/{language}/recommendations/{FORUM}-03/").content.decode()
        assert "status--in_progress" in html
        assert 'href="https://example.org/civic-education"' in html
        # The note is not translated yet: shown in English, marked as English.
        assert '<p class="timeline__note" lang="en">' in html
        assert listed(client, language, assessed="in_progress")[0] == {f"{FORUM}-03"}


def test_publishing_an_old_translation_does_not_undo_the_follow_up(client):
    english = RecommendationPageFactory(slug="monitor-the-budget", title="Monitor the budget", text=TEXT["en"])
    english.save_revision().publish()
    # Translated through wagtail-localize, as translators work, so it knows which page is the original.
    words = {"Monitor the budget": "Буҷетро назорат кунед", TEXT["en"]: TEXT["tg"]}
    tajik = publish_translation(english, "tg", words.get)
    publish_entry("monitor-the-budget", track="assessed", status="implemented")
    tajik = recommendation("monitor-the-budget", "tg")
    tajik.timeline.all().delete()  # as an out-of-date translation would carry
    tajik.save_revision().publish()
    assert "status--implemented" in client.get("/tg/recommendations/monitor-the-budget/").content.decode()
    assert "status--implemented" in client.get("/en/recommendations/monitor-the-budget/").content.decode()


def test_editor_records_follow_up_through_the_admin(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    page = recommendation(f"{FORUM}-06")
    form = {
        "title": page.title,
        "slug": page.slug,
        "text": page.text,
        "source": page.source_id,
        "session_number": page.session_number or "",
        "thematic_area": page.thematic_area_id,
        "addressee": page.addressee,
        "tags": "monitoring, EU funds",
        "timeline-TOTAL_FORMS": "1",
        "timeline-INITIAL_FORMS": "0",
        "timeline-MIN_NUM_FORMS": "0",
        "timeline-MAX_NUM_FORMS": "1000",
        "timeline-0-date": "2026-04-02",
        "timeline-0-track": "assessed",
        "timeline-0-status": "implemented",
        "timeline-0-author_role": "cso",
        "timeline-0-note": "CSO monitoring is now part of the EU's calls for proposals.",
        "timeline-0-evidence_document": "",
        "timeline-0-evidence_url": "https://example.org/call",
        "timeline-0-ORDER": "1",
        "timeline-0-id": "",
        "timeline-0-DELETE": "",
        "seo_title": "",
        "search_description": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "action-publish": "publish",
    }
    response = client.post(f"/admin/pages/{page.pk}/edit/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    html = client.get(f"/ru/recommendations/{FORUM}-06/").content.decode()
    assert "status--implemented" in html
    assert "2026" in html
    assert listed(client, "ru", assessed="implemented")[0] == {f"{FORUM}-06"}
    # A status from the other track is refused, and nothing is published.
    form |= {"timeline-0-track": "response", "timeline-0-date": "2026-05-01"}
    response = client.post(f"/admin/pages/{page.pk}/edit/", form)
    assert response.status_code == 200
    assert "Этот статус не относится к выбранному направлению." in response.content.decode()  # admin in Russian


def test_admin_page_listing_of_recommendations_opens(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    index = recommendation(f"{FORUM}-01").get_parent()
    assert client.get(f"/admin/pages/{index.pk}/").status_code == 200
    # The flat listing of every recommendation, with its follow-up, filterable by status.
    publish_entry(f"{FORUM}-04", track="response", status="rejected")
    response = client.get("/admin/recommendation_pages/", {"response_status": "rejected", "locale": "en"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Keep acting on domestic violence" in html
    assert "Support regional cooperation among CSOs" not in html  # still open
    assert RECOMMENDATIONS[f"{FORUM}-04"][4] not in html  # the Tajik translation: another language
    tajik = client.get("/admin/recommendation_pages/", {"response_status": "rejected", "locale": "tg"})
    assert RECOMMENDATIONS[f"{FORUM}-04"][4] in tajik.content.decode()


def test_unpublished_and_private_recommendations_are_not_listed(client):
    recommendation(f"{FORUM}-01").unpublish()
    private = recommendation(f"{FORUM}-02")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    shown = listed(client, "en")[0] | listed(client, "en", page=2)[0]
    assert f"{FORUM}-01" not in shown
    assert f"{FORUM}-02" not in shown
    assert len(shown) == len(RECOMMENDATIONS) - 2


def test_recommendation_page_names_its_source_in_the_readers_language(client):
    html = client.get(f"/tg/recommendations/{CONSULTATION}-01/").content.decode()
    assert f'href="/tg/consultations/{CONSULTATION}/"' in html
    assert "Машварати Гурӯҳи Бонки Ҷаҳонӣ" in html


def test_keywords_link_to_a_filter_that_works_in_every_language(client):
    page = recommendation(f"{FORUM}-05")
    page.tags.add("mobile services")
    page.save_revision().publish()
    html = client.get(f"/en/recommendations/{FORUM}-05/").content.decode()
    assert 'href="/en/recommendations/?tag=mobile-services">mobile services</a>' in html
    for language in LANGUAGES:
        assert listed(client, language, tag="mobile-services")[0] == {f"{FORUM}-05"}
    assert listed(client, "en", tag="<b>")[0]  # a bad keyword is ignored, not an error


@pytest.mark.parametrize(
    "listing", ["/en/recommendations/?addressee=eu&response=none", "/en/library/?type=report&sort=title"]
)
def test_switching_language_keeps_the_filters(client, listing):
    html = client.get(listing).content.decode()
    path, query = listing[4:].split("?")
    for language in ("tg", "ru"):
        assert f'href="/{language}/{path}?{query.replace("&", "&amp;")}"' in html


def test_switching_language_on_a_plain_page_adds_no_query(client):
    about = StandardPageFactory(title="About Hamkori", slug="about")
    translate(about, "tg", title="Дар бораи Ҳамкорӣ")
    html = client.get("/en/about/?next=//evil.example").content.decode()
    assert 'href="/tg/about/"' in html
