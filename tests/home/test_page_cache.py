import pytest

from home.models import FooterText
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_anonymous_pages_are_served_from_the_cache_after_the_first_visit(client, about):
    first = client.get("/en/about/")
    second = client.get("/en/about/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_publishing_a_page_empties_the_cache(client, about):
    client.get("/en/about/")
    page = about["en"]
    page.title = "About the Hamkori platform"
    page.save_revision().publish()

    response = client.get("/en/about/")
    assert response["X-Page-Cache"] == "miss"
    assert "About the Hamkori platform" in response.content.decode()


def test_saving_a_snippet_empties_the_cache(client):
    client.get("/en/")
    footer = FooterText.objects.get(locale__language_code="en")
    footer.body = "<p>New footer words</p>"
    footer.save()
    assert "New footer words" in client.get("/en/").content.decode()


def test_signed_in_readers_never_get_or_fill_the_cache(client, about):
    client.get("/en/about/")  # cached for anonymous readers
    client.force_login(UserFactory())
    response = client.get("/en/about/")
    assert "X-Page-Cache" not in response
    assert "Log out" in response.content.decode()


def test_pages_with_a_csrf_token_are_never_cached(client):
    client.get("/en/accounts/login/")
    response = client.get("/en/accounts/login/")
    assert "X-Page-Cache" not in response
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_each_query_string_is_cached_separately(client, about):
    assert "About Hamkori" in client.get("/en/search/", {"q": "platform"}).content.decode()
    assert "Nothing matched" in client.get("/en/search/", {"q": "zzzznothing"}).content.decode()
