"""Hostile input against the site-wide parts: nothing leaks, nothing 500s, nothing redirects off-site."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("target", ["//evil.example", "https://evil.example/", "/\\evil.example", "///evil.example"])
def test_login_never_redirects_to_another_site(client, target):
    get_user_model().objects.create_user("reader@hamkori.local", password="long-enough-pass-123")
    response = client.post(
        "/en/accounts/login/?next=" + target,
        {"username": "reader@hamkori.local", "password": "long-enough-pass-123", "next": target},
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


@pytest.mark.parametrize("path", ["/%2F%2Fevil.example/", "/en/%2F%2Fevil.example", "/en//evil.example"])
def test_odd_paths_never_redirect_off_site(client, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="tg")
    assert response.status_code in (301, 302, 404)
    if response.status_code in (301, 302):
        assert response["Location"].startswith("/")
        assert not response["Location"].startswith("//")


def test_a_form_with_too_many_fields_is_refused_cleanly(client):
    users = get_user_model().objects.count()
    fields = {f"field{n}": "x" for n in range(3000)}
    response = client.post("/en/accounts/signup/", fields)
    assert response.status_code == 400
    assert get_user_model().objects.count() == users


def test_a_huge_form_body_is_refused_cleanly(client):
    users = get_user_model().objects.count()
    response = client.post("/en/accounts/signup/", {"first_name": "x" * (6 * 1024 * 1024)})
    assert response.status_code == 400
    assert get_user_model().objects.count() == users


def test_sitemap_lists_only_public_live_pages(client, home_page):
    draft = StandardPage(title="Draft plans", slug="draft-plans", live=False)
    home_page.add_child(instance=draft)
    private = StandardPage(title="Members plans", slug="members-plans")
    home_page.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    xml = client.get("/sitemap.xml").content.decode()
    assert "/en/about/" in xml and "/tg/about/" in xml
    assert "draft-plans" not in xml
    assert "members-plans" not in xml


@pytest.mark.parametrize("language", ["en", "tg", "ru"])
def test_private_pages_ask_for_login_and_never_show_their_content(client, home_page, language):
    private = StandardPage(title="Members plans", slug="members-plans", intro="Confidential budget notes")
    home_page.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/en/members-plans/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert "Members plans" not in client.get(f"/{language}/search/", {"q": "Confidential"}).content.decode()


GARBAGE = [
    '"',
    'water "budget',
    "-1",
    "0",
    "abc",
    "9" * 40,
    "1e9",
    "%00",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "x" * 10_000,
]


@pytest.mark.parametrize(
    "listing",
    [
        "/en/library/?page={v}",
        "/en/library/?year={v}&type={v}&area={v}&lang={v}&organisation={v}&access={v}&sort={v}",
        "/en/library/?q={v}",
        "/tg/recommendations/?page={v}&area={v}&addressee={v}&status={v}&source={v}&session={v}",
        "/en/training/?page={v}",
        "/en/consultations/?page={v}",
        "/en/courses/?page={v}&area={v}&level={v}",
        "/ru/search/?q={v}&page={v}",
    ],
)
def test_listings_take_any_value_without_an_error_or_an_echo(client, listing):
    for value in GARBAGE:
        response = client.get(listing.format(v=value))
        assert response.status_code in (200, 400, 404), (listing, value[:20], response.status_code)
        html = response.content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "Traceback" not in html


def test_language_links_never_carry_a_next_off_site(client):
    html = client.get("/en/about/?next=//evil.example&lang=//evil.example").content.decode()
    assert "evil.example" not in html.replace("/en/about/?next=", "")
    assert 'href="//evil' not in html
