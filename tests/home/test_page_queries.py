"""What every page costs before its own content: finding it, checking who may see it, its links."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import (
    ConsultationPageFactory,
    RecommendationPageFactory,
    StandardPageFactory,
    TrainingSessionPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [query["sql"] for query in queries.captured_queries]


def _restriction_look_ups(sql):
    return [query for query in sql if query.startswith('SELECT "wagtailcore_pageviewrestriction"')]


@pytest.fixture
def uncached(uncached_pages):
    """Every request builds the page."""


def test_view_restrictions_are_checked_without_a_query_and_still_apply(client, about, uncached):
    StandardPageFactory(parent=about["en"], title="Our partners", slug="partners")
    session = TrainingSessionPageFactory()
    for url in ("/en/", "/en/about/", "/en/about/partners/", session.url):
        client.get(url)
        response, sql = _queries(client, url)
        assert response.status_code == 200
        assert not _restriction_look_ups(sql), url

    PageViewRestriction.objects.create(page=about["en"], restriction_type=PageViewRestriction.LOGIN)
    for url in ("/en/about/", "/en/about/partners/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"]
    assert client.get("/en/").status_code == 200


def test_a_standard_page_lists_its_public_children_in_two_queries(client, about, uncached):
    partners = StandardPageFactory(parent=about["en"], title="Our partners", slug="partners")
    StandardPageFactory(parent=about["en"], title="Help", slug="help")
    client.get("/en/about/")
    response, sql = _queries(client, "/en/about/")
    assert "Our partners" in response.content.decode()
    assert len(sql) <= 2, sql  # the page with its ancestors, its children

    PageViewRestriction.objects.create(page=partners, restriction_type=PageViewRestriction.LOGIN)
    html = client.get("/en/about/").content.decode()
    assert "Our partners" not in html
    assert "Help" in html


def test_a_session_page_is_built_in_one_query_and_links_to_a_new_neighbour_at_once(client, uncached):
    first = TrainingSessionPageFactory(title="Session 1: the law", number=1)
    TrainingSessionPageFactory(title="Session 3: budgets", number=3)
    client.get(first.url)
    response, sql = _queries(client, first.url)
    assert 'rel="next"' in response.content.decode() and "Session 3: budgets" in response.content.decode()
    assert len(sql) <= 1, sql  # finding the page: its neighbours and study packs come from the cache

    TrainingSessionPageFactory(title="Session 2: monitoring", number=2).save_revision().publish()
    html = client.get(first.url).content.decode()
    assert "Session 2: monitoring" in html
    assert "Session 3: budgets" not in html


def test_pages_of_different_types_under_one_parent_are_each_found_as_their_own_type(client, about, uncached):
    """Routing guesses a page's type from the last page found under the same parent, and checks the guess."""
    pages = {"/en/about/": "About Hamkori", "/en/training/": "Training", "/en/library/": "Library"}
    for _round in range(2):
        for url, title in pages.items():
            response = client.get(url)
            assert response.status_code == 200
            assert title in response.content.decode(), url


def test_a_consultation_shows_a_new_recommendation_at_once_and_is_otherwise_built_in_one_query(client, uncached):
    consultation = ConsultationPageFactory(title="Consultation in Bokhtar")
    consultation.save_revision().publish()
    first = RecommendationPageFactory(title="Publish the budget", source=consultation)
    first.save_revision().publish()
    client.force_login(UserFactory())  # signed in: never from the page cache
    client.get(consultation.url)
    response, sql = _queries(client, consultation.url)
    assert "Publish the budget" in response.content.decode()
    assert len(sql) <= 3, sql  # the session and its user, then finding the page

    RecommendationPageFactory(title="Monitor the spending", source=consultation).save_revision().publish()
    html = client.get(consultation.url).content.decode()
    assert "Publish the budget" in html and "Monitor the spending" in html


def test_a_page_is_found_without_a_query_until_it_or_an_ancestor_changes(client, about, uncached):
    partners = StandardPageFactory(parent=about["en"], title="Our partners", slug="partners")
    client.get("/en/about/partners/")
    response, sql = _queries(client, "/en/about/partners/")
    assert "Our partners" in response.content.decode()
    assert not sql, sql

    partners.title = "Partners and donors"
    partners.save_revision().publish()
    assert "Partners and donors" in client.get("/en/about/partners/").content.decode()

    about["en"].slug = "who-we-are"
    about["en"].save_revision().publish()
    assert client.get("/en/about/partners/").status_code == 404
    assert "Partners and donors" in client.get("/en/who-we-are/partners/").content.decode()

    partners.refresh_from_db()
    partners.unpublish()
    assert client.get("/en/who-we-are/partners/").status_code == 404
