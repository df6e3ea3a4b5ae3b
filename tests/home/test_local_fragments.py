"""Fragments the same for every reader (the main menu, a quiz's questions in one order) are kept in the process
and rebuilt as soon as what they show changes."""

import pytest
from django.core.cache import caches
from django.test import Client

from tests.factories import StandardPageFactory, UserFactory, home_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_fragments():
    caches["fragments"].clear()


@pytest.fixture
def signed_in():
    client = Client()
    client.force_login(UserFactory())
    return client


def menu(html):
    return html.split('class="main-nav__list"')[1].split("</ul>")[0]


def test_the_menu_is_kept_and_a_new_menu_item_shows_at_once(signed_in):
    page = StandardPageFactory(title="About us", slug="about-us", show_in_menus=True)
    assert "About us" in menu(signed_in.get(page.url).content.decode())
    assert caches["fragments"]._cache  # kept
    StandardPageFactory(
        parent=home_page(), title="Partners", slug="partners", show_in_menus=True
    ).save_revision().publish()
    html = signed_in.get(page.url).content.decode()
    assert "Partners" in menu(html) and "About us" in menu(html)


def test_the_current_section_is_marked_on_each_page_and_the_search_box_keeps_its_query(signed_in):
    about = StandardPageFactory(title="About us", slug="about-us", show_in_menus=True)
    other = StandardPageFactory(title="Contact", slug="contact", show_in_menus=True)
    assert f'href="{about.url}" aria-current="page"' in menu(signed_in.get(about.url).content.decode())
    assert caches["fragments"]._cache  # kept, and kept apart for each page and each query:
    assert f'href="{about.url}" aria-current="page"' not in menu(signed_in.get(other.url).content.decode())
    html = signed_in.get("/en/search/?q=water").content.decode()
    assert 'value="water"' in html
    assert 'value="budget"' in signed_in.get("/en/search/?q=budget").content.decode()
