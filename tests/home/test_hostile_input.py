"""Hostile input against the site-wide parts: nothing leaks, nothing 500s, nothing redirects off-site."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from tests.factories import (
    PASSWORD,
    ConsultationPageFactory,
    CoursePageFactory,
    RecommendationPageFactory,
    ResourcePageFactory,
    StandardPageFactory,
    ThematicAreaFactory,
    TrainingSessionPageFactory,
    UserFactory,
    home_page,
    locale,
    section,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("target", ["//evil.example", "https://evil.example/", "/\\evil.example", "///evil.example"])
def test_login_never_redirects_to_another_site(client, target):
    reader = UserFactory(email="reader@hamkori.local")
    response = client.post(
        "/en/accounts/login/?next=" + target,
        {"username": reader.username, "password": PASSWORD, "next": target},
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session  # the login itself worked
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
    assert response.status_code == 413  # refused from its length, before it is read
    assert get_user_model().objects.count() == users


def private_page(language="en", **fields):
    page = StandardPageFactory(parent=home_page(language), **fields)
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def test_sitemap_lists_only_public_live_pages(client, about):
    StandardPageFactory(title="Draft plans", slug="draft-plans", live=False)
    private_page(title="Members plans", slug="members-plans")

    xml = client.get("/sitemap.xml").content.decode()
    for language in ("en", "tg", "ru"):
        assert f"/{language}/about/" in xml
        assert f"/{language}/training/" in xml
    assert "draft-plans" not in xml
    assert "members-plans" not in xml


@pytest.mark.parametrize(
    ("language", "public_title", "private_title"),
    [
        ("en", "Open budget notes", "Members plans"),
        ("tg", "Ёддоштҳои ошкори буҷет", "Нақшаҳои аъзоён"),
        ("ru", "Открытые заметки о бюджете", "Планы участников"),
    ],
)
def test_private_pages_ask_for_login_and_never_show_their_content(client, language, public_title, private_title):
    StandardPageFactory(parent=home_page(language), title=public_title, slug="open-notes", intro="Confidential budget")
    private_page(language, title=private_title, slug="members-plans", intro="Confidential budget notes")

    response = client.get(f"/{language}/members-plans/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    results = client.get(f"/{language}/search/", {"q": "Confidential"}).content.decode()
    assert public_title in results  # search works here...
    assert private_title not in results  # ...and leaves the private page out


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


@pytest.fixture
def something_in_each_listing(db):
    """One item in each listing below, so that filters and pages run over real rows."""
    TrainingSessionPageFactory()
    ConsultationPageFactory()
    ResourcePageFactory()
    CoursePageFactory()
    area = ThematicAreaFactory(locale=locale("tg"), name="Рақамикунонӣ", slug="digitalisation")
    RecommendationPageFactory(parent=section("recommendations", "tg"), thematic_area=area)
    StandardPageFactory(parent=home_page("ru"), title="Водные комитеты", intro="Как работают водные комитеты.")


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
def test_listings_take_any_value_without_an_error_or_an_echo(client, something_in_each_listing, listing):
    for value in GARBAGE:
        response = client.get(listing.format(v=value))
        assert response.status_code in (200, 400, 404), (listing, value[:20], response.status_code)
        html = response.content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "Traceback" not in html


def test_language_links_never_carry_a_next_off_site(client, about):
    html = client.get("/en/about/?next=//evil.example&lang=//evil.example").content.decode()
    assert 'href="/tg/about/"' in html
    assert "evil.example" not in html.replace("/en/about/?next=", "")
    assert 'href="//evil' not in html


@pytest.mark.parametrize("path", ["//evil.example/en/", "//evil.example/tg/about/", "/\\evil.example/en/"])
def test_the_404_pages_language_links_stay_on_the_site(client, db, path):
    """Issue 16 item 8: the language switcher of a page that is not found never links to another site."""
    response = client.get("/", PATH_INFO=path)  # as a browser or a proxy sends it (the test client would parse it)
    assert response.status_code == 404
    html = response.content.decode()
    links = re.findall(r'href="([^"]*)"', html)
    assert not [link for link in links if link.startswith(("//", "/\\"))], links
    assert not [link for link in links if "://" in link and not link.startswith("http://testserver/")], links
    if path.startswith("//"):
        for code in ("en", "tg", "ru"):
            assert f'href="/{code}/"' in html  # the home page in each language instead
