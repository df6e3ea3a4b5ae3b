"""A participant on a phone downloads the Tajik study pack of a session and reads it with no connection."""

import pytest

from .conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db


def test_a_tajik_reader_downloads_the_pack_and_it_opens_offline_at_phone_size(site, new_page, foreign_requests):
    page = new_page(PHONE, locale="tg")
    page.goto(f"{site.url}/tg/training/laws-and-csos/")
    link = page.get_by_role("link", name="Саҳифа барои хондан бе интернет")
    assert "КБ" in link.locator("xpath=following-sibling::span[1]").inner_text()
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "hamkori-session-1-tg.html"
    html = open(download.value.path(), encoding="utf-8").read()

    # The file on its own, as on a phone with the connection off: it asks for nothing.
    offline = new_page(PHONE, locale="tg")
    requests = []
    offline.on("request", lambda request: requests.append(request.url))
    offline.set_content(html)
    assert requests == []
    assert offline.locator("h1").inner_text().startswith("Қонунҳое, ки")
    assert offline.locator(".question").count() >= 3 and offline.locator(".resources svg").count() >= 1
    assert not offline.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert_accessible(offline)
    screenshot(offline, "study-pack-tg")
    assert foreign_requests == []
