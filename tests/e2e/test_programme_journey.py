import pytest

from tests.e2e.conftest import DESKTOP, PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.e2e

PAGES = {
    "training": "/training/",
    "session": "/training/power-structures/",
    "consultation": "/consultations/world-bank-cpf-bokhtar-2026/",
    "forum": "/forums/eu-central-asia-forum-2021/",
    "recommendation": "/recommendations/eu-central-asia-forum-2021-14/",
    "recommendations": "/recommendations/?area=gender-equality&addressee=governments",
}


def test_programme_pages_in_tajik_and_english_at_phone_and_desktop(site, new_page, foreign_requests):
    # A visitor reads a training session in Tajik and switches to Russian: the same session.
    page = new_page(PHONE, locale="tg-TJ")
    page.goto(site.url + "/tg/training/")
    page.get_by_role("link", name="Сохторҳои расмӣ ва ғайрирасмии ҳокимият").click()
    assert page.url.endswith("/tg/training/power-structures/")
    assert_accessible(page)
    page.get_by_role("navigation", name="Забон").get_by_role("link", name="Русский").click()
    assert page.url.endswith("/ru/training/power-structures/")
    assert page.get_by_role("heading", level=1).inner_text() == "Формальные и неформальные структуры власти"
    screenshot(page, "programme-session-ru")
    page.get_by_role("link", name="Следующая сессия").or_(page.locator("a[rel=next]")).first.click()
    assert page.url.endswith("/ru/training/persuasion-and-communication/")

    # The filters work without JavaScript too: a plain GET form.
    page.goto(site.url + "/tg/recommendations/")
    page.locator("#id_addressee").select_option("business")
    page.locator(".filters button[type=submit]").click()
    assert "addressee=business" in page.url
    assert page.locator(".entry-list .entry").count() == 1
    assert_accessible(page)

    for viewport in (PHONE, DESKTOP):
        page = new_page(viewport)
        for language in ("en", "tg"):
            for name, path in PAGES.items():
                page.goto(f"{site.url}/{language}{path}")
                assert page.locator("h1").count() == 1
                # Nothing wider than the screen.
                overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 0, f"{language}{path} overflows by {overflow}px"
                screenshot(page, f"programme-{name}-{language}")
        assert_accessible(page)
    assert foreign_requests == []
