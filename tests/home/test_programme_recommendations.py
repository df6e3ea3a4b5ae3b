"""Recommendations: one record each, filterable in every language, with follow-up editors record."""

import datetime
import re

import pytest
from wagtail.models import Page, PageViewRestriction

from home.demo_programme import CONSULTATION_RECOMMENDATIONS, FORUM_RECOMMENDATIONS
from home.models import FollowUpStatus, RecommendationPage

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "tg", "ru"]
FORUM = "eu-central-asia-forum-2021"
CONSULTATION = "world-bank-cpf-bokhtar-2026"
ALL = {f"{FORUM}-{n:02d}": r for n, r in enumerate(FORUM_RECOMMENDATIONS, 1)} | {
    f"{CONSULTATION}-{n:02d}": r | {"source": CONSULTATION} for n, r in enumerate(CONSULTATION_RECOMMENDATIONS, 1)
}
for data in ALL.values():
    data.setdefault("source", FORUM)


def listed(client, language, **params):
    response = client.get(f"/{language}/recommendations/", params)
    assert response.status_code == 200
    html = response.content.decode()
    return set(re.findall(rf'href="/{language}/recommendations/([a-z0-9-]+)/"', html)), html


def expected(**facets):
    return {slug for slug, data in ALL.items() if all(data[key] == value for key, value in facets.items())}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_recommendation_is_listed_and_has_its_own_page(client, language):
    shown, html = listed(client, language)
    assert "25" in html
    assert len(shown) == 20  # first page
    page_two, _html = listed(client, language, page=2)
    assert shown | page_two == set(ALL)
    response = client.get(f"/{language}/recommendations/{FORUM}-05/")
    assert response.status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("param", "value", "facet"),
    [
        ("area", "digitalisation", "area"),
        ("area", "gender-equality", "area"),
        ("addressee", "eu", "addressee"),
        ("addressee", "business", "addressee"),
        ("source", CONSULTATION, "source"),
    ],
)
def test_filter_by_each_facet_in_every_language(client, language, param, value, facet):
    shown, html = listed(client, language, **{param: value})
    assert shown == expected(**{facet: value})
    assert f'value="{value}" selected' in html  # the form keeps the choice


@pytest.mark.parametrize("language", LANGUAGES)
def test_filters_combine(client, language):
    shown, _html = listed(client, language, source=FORUM, addressee="governments", area="rule-of-law")
    assert shown == expected(source=FORUM, addressee="governments", area="rule-of-law")
    assert len(shown) == 2


def test_filter_by_follow_up_status(client):
    assert listed(client, "en", status="implemented")[0] == set()
    assert len(listed(client, "en", status="open")[0]) == 20


@pytest.mark.parametrize(
    "params",
    [
        {"area": "no-such-area"},
        {"addressee": "<script>alert(1)</script>"},
        {"status": "x" * 5000},
        {"source": "' OR 1=1 --", "page": "-3"},
        {"page": "999"},
    ],
)
def test_bad_filter_values_are_ignored_not_errors(client, params):
    response = client.get("/en/recommendations/", params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def publish_follow_up(slug, **fields):
    page = RecommendationPage.objects.get(slug=slug, locale__language_code="en")
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_changing_follow_up_shows_on_the_public_page_in_every_language(client):
    publish_follow_up(
        f"{FORUM}-03",
        follow_up_status=FollowUpStatus.IN_PROGRESS,
        follow_up_date=datetime.date(2026, 3, 1),
        follow_up_note="A civic education course is being prepared.",
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
        assert listed(client, language, status="in_progress")[0] == {f"{FORUM}-03"}


def test_publishing_an_old_translation_does_not_undo_the_follow_up(client):
    publish_follow_up(f"{FORUM}-04", follow_up_status=FollowUpStatus.IMPLEMENTED)
    tajik = RecommendationPage.objects.get(slug=f"{FORUM}-04", locale__language_code="tg")
    tajik.follow_up_status = FollowUpStatus.OPEN  # as an out-of-date translation would carry
    tajik.save_revision().publish()
    assert "status--implemented" in client.get(f"/tg/recommendations/{FORUM}-04/").content.decode()
    assert "status--implemented" in client.get(f"/en/recommendations/{FORUM}-04/").content.decode()


def test_editor_records_follow_up_through_the_admin(client, django_user_model):
    editor = django_user_model.objects.create_superuser("editor2", "e2@example.org", "pw")
    client.force_login(editor)
    page = RecommendationPage.objects.get(slug=f"{FORUM}-06", locale__language_code="en")
    form = {
        "title": page.title,
        "slug": page.slug,
        "text": page.text,
        "source": page.source_id,
        "session_number": page.session_number,
        "thematic_area": page.thematic_area_id,
        "addressee": page.addressee,
        "tags": "monitoring, EU funds",
        "follow_up_status": "implemented",
        "follow_up_date": "2026-04-02",
        "follow_up_note": "CSO monitoring is now part of the EU's calls for proposals.",
        "evidence_url": "https://example.org/call",
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
    assert listed(client, "ru", status="implemented")[0] == {f"{FORUM}-06"}


def test_admin_page_listing_of_recommendations_opens(client, django_user_model):
    editor = django_user_model.objects.create_superuser("editor3", "e3@example.org", "pw")
    client.force_login(editor)
    index = Page.objects.get(slug="recommendations", locale__language_code="en")
    assert client.get(f"/admin/pages/{index.pk}/").status_code == 200
    # The flat listing of every recommendation, with its follow-up, filterable by status.
    publish_follow_up(f"{FORUM}-09", follow_up_status=FollowUpStatus.NO_ACTION)
    response = client.get("/admin/recommendation_pages/", {"follow_up_status": "no_action", "locale": "en"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Keep acting on domestic violence" in html
    assert "Support regional cooperation among CSOs" not in html


def test_unpublished_and_private_recommendations_are_not_listed(client):
    draft = RecommendationPage.objects.get(slug=f"{FORUM}-07", locale__language_code="en")
    draft.unpublish()
    private = RecommendationPage.objects.get(slug=f"{FORUM}-08", locale__language_code="en")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    shown = listed(client, "en")[0] | listed(client, "en", page=2)[0]
    assert f"{FORUM}-07" not in shown
    assert f"{FORUM}-08" not in shown
    assert len(shown) == 23


def test_recommendation_page_names_its_source_in_the_readers_language(client):
    html = client.get(f"/tg/recommendations/{CONSULTATION}-01/").content.decode()
    assert f'href="/tg/consultations/{CONSULTATION}/"' in html
    assert "Машварати Гурӯҳи Бонки Ҷаҳонӣ" in html


def test_keywords_link_to_a_filter_that_works_in_every_language(client):
    page = RecommendationPage.objects.get(slug=f"{FORUM}-12", locale__language_code="en")
    page.tags.add("mobile services")
    page.save_revision().publish()
    html = client.get(f"/en/recommendations/{FORUM}-12/").content.decode()
    assert 'href="/en/recommendations/?tag=mobile-services">mobile services</a>' in html
    for language in ("en", "tg", "ru"):
        assert listed(client, language, tag="mobile-services")[0] == {f"{FORUM}-12"}
    assert listed(client, "en", tag="<b>")[0]  # a bad keyword is ignored, not an error


@pytest.mark.parametrize(
    "listing", ["/en/recommendations/?addressee=eu&status=open", "/en/library/?type=report&sort=title"]
)
def test_switching_language_keeps_the_filters(client, listing):
    html = client.get(listing).content.decode()
    path, query = listing[4:].split("?")
    for language in ("tg", "ru"):
        assert f'href="/{language}/{path}?{query.replace("&", "&amp;")}"' in html


def test_switching_language_on_a_plain_page_adds_no_query(client):
    html = client.get("/en/about/?next=//evil.example").content.decode()
    assert 'href="/tg/about/"' in html
