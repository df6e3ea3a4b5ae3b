"""Fragments the same for every reader (the main menu, a quiz's questions in one order) are kept in the process
and rebuilt as soon as what they show changes."""

import pytest
from django.core.cache import caches
from django.test import Client

from home.templatetags import kept_tags
from tests.factories import (
    CoursePageFactory,
    LessonPageFactory,
    StandardPageFactory,
    UserFactory,
    home_page,
    section,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_fragments():
    caches["fragments"].clear()
    kept_tags._kept.clear()


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


def head(html):
    return html.split("<head>")[1].split("</head>")[0]


def breadcrumbs(html):
    return html.split('class="breadcrumbs')[1].split("</nav>")[0]


def account_nav(html):
    return html.split('class="account-nav"')[1].split("</nav>")[0]


def test_the_head_and_breadcrumbs_are_kept_and_a_published_title_shows_at_once(signed_in):
    course = CoursePageFactory(title="Working with government")
    lesson = LessonPageFactory(parent=course, title="Public hearings")
    html = signed_in.get(lesson.url).content.decode()
    assert "<title>Public hearings · Hamkori</title>" in head(html)
    assert "Working with government" in breadcrumbs(html)
    assert len(kept_tags._kept)  # kept, for signed-in readers too
    course.title = "Engaging government"
    course.save_revision().publish()
    lesson.title = "Hearings and petitions"
    lesson.save_revision().publish()
    html = signed_in.get(lesson.url).content.decode()
    assert "<title>Hearings and petitions · Hamkori</title>" in head(html)
    assert "Engaging government" in breadcrumbs(html) and "Working with government" not in html


def test_a_published_translation_shows_in_the_kept_head_and_switcher(signed_in):
    course = CoursePageFactory()
    lesson = LessonPageFactory(parent=course)
    html = signed_in.get(lesson.url).content.decode()
    assert 'hreflang="tg"' not in head(html)
    translate(course, "tg")
    tajik = translate(lesson, "tg", title="Шунавиҳои ҷамъиятӣ")
    html = signed_in.get(lesson.url).content.decode()
    assert f'hreflang="tg" href="http://testserver{tajik.url}"' in head(html)
    assert f'href="{tajik.url}" hreflang="tg"' in html.split('class="language-switcher"')[1]


def test_what_is_kept_for_every_reader_never_holds_one_readers_own_header():
    page = StandardPageFactory(parent=section("library"), title="How to apply")
    alice, bob = Client(), Client()
    alice.force_login(UserFactory(first_name="Alice", last_name="Karimova"))
    bob.force_login(UserFactory())
    alices = alice.get(page.url).content.decode()
    assert len(kept_tags._kept)
    anonymous = Client().get(page.url, HTTP_COOKIE="").content.decode()
    assert "Log in" in account_nav(anonymous) and "Log out" not in anonymous
    bobs = bob.get(page.url).content.decode()
    alices_token = alices.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert "Log out" in account_nav(bobs) and alices_token not in bobs
    # My learning keeps its head and switcher too, never the learner's own name or courses.
    assert "Alice Karimova" in alice.get("/en/my-learning/").content.decode()
    kept = len(kept_tags._kept)
    assert "Alice" not in bob.get("/en/my-learning/").content.decode()
    assert len(kept_tags._kept) == kept  # the second learner used what the first kept


def test_an_address_with_a_query_string_keeps_nothing_its_query_shows_in(signed_in):
    library = section("library").url
    signed_in.get(library)
    kept = len(kept_tags._kept)
    assert "“water” in the library" in head(signed_in.get(library + "?q=water").content.decode())
    assert "“budget” in the library" in head(signed_in.get(library + "?q=budget").content.decode())
    assert len(kept_tags._kept) == kept


def test_a_template_that_works_out_no_key_keeps_nothing():
    from django.template import Context, Template

    block = Template('{% load kept_tags %}{% kept_block same "part" %}{{ name }}{% endkept_block %}')
    assert block.render(Context({"name": "Alice"})) == "Alice"
    assert block.render(Context({"name": "Bob"})) == "Bob"


def call_to_action_to(target):
    home = home_page().specific
    action = {"title": "Apply", "text": "", "button_label": "Read how", "page": target, "external_url": ""}
    home.body = [("call_to_action", action)]
    home.save_revision().publish()


def test_the_home_page_follows_a_new_address_of_a_page_it_links_to(signed_in):
    """Each process keeps the site with its home pages, but the home page it serves is a copy of its own:
    rendering the kept one would keep the linked page as it was, after its own publish."""
    target = StandardPageFactory(parent=section("library"), title="How to apply", slug="how-to-apply")
    call_to_action_to(target)
    assert 'href="/en/library/how-to-apply/"' in signed_in.get("/en/").content.decode()
    target.slug = "applying"
    target.save_revision().publish()
    html = signed_in.get("/en/").content.decode()
    assert 'href="/en/library/applying/"' in html and "how-to-apply" not in html
    # and anonymous readers get the new address from the rebuilt page
    response = Client().get("/en/")
    assert 'href="/en/library/applying/"' in response.content.decode()


def test_an_address_with_an_empty_query_string_keeps_nothing(signed_in):
    """ "?&" reads as no query (request.GET is empty), but the language links keep it: never kept for others."""
    other = Client()
    other.force_login(UserFactory())
    other.get("/en/my-learning/?&")
    html = signed_in.get("/en/my-learning/").content.decode()
    assert 'href="/tg/my-learning/" hreflang="tg"' in html.split('class="language-switcher"')[1]
