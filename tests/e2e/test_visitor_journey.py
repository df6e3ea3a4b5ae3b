import pytest

from tests.e2e.conftest import DESKTOP, PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_visitor_lands_in_tajik_and_switches_to_russian_on_the_same_page(site, new_page, foreign_requests, viewport):
    page = new_page(viewport, locale="tg-TJ")
    page.goto(site.url + "/")
    assert page.url.endswith("/tg/")
    assert page.locator("html").get_attribute("lang") == "tg"
    screenshot(page, "home-tg")
    assert_accessible(page)

    if viewport == PHONE:  # on a phone the sections are in the menu
        page.get_by_text("Меню", exact=True).click()
    page.get_by_role("navigation", name="Асосӣ").get_by_role("link", name="Дар бораи Ҳамкорӣ").click()
    assert page.url.endswith("/tg/about/")
    screenshot(page, "about-tg")

    page.get_by_role("navigation", name="Забон").get_by_role("link", name="Русский").click()
    assert page.url.endswith("/ru/about/")
    assert page.get_by_role("heading", level=1).inner_text() == "О Хамкори"
    screenshot(page, "about-ru")
    assert_accessible(page)

    page.goto(site.url + "/en/")
    screenshot(page, "home-en")
    assert foreign_requests == []


def test_pages_work_without_javascript(site, new_page):
    page = new_page(PHONE, java_script_enabled=False)
    page.goto(site.url + "/en/")
    # On a phone the header offers a link to the search page rather than a cramped form.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.get_by_role("main").get_by_label("Search the site").fill("platform")
    page.get_by_role("main").get_by_label("Search the site").press("Enter")
    assert "/en/search/?q=platform" in page.url
    assert page.get_by_role("link", name="About Hamkori").count() >= 1
