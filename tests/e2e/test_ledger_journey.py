"""The recommendation ledger on a phone and a desktop, in Tajik and English: a full timeline, the overview, the report.

Screenshots go to tests/e2e/screenshots/ (ledger-<what>-<language>-<width>.png).
"""

import pytest

from .conftest import DESKTOP, PHONE, screenshot

pytestmark = pytest.mark.e2e

PAGES = {
    "timeline": "/{language}/recommendations/world-bank-cpf-bokhtar-2026-02/",
    "overview": "/{language}/recommendations/",
    "report": "/{language}/consultations/world-bank-cpf-bokhtar-2026/report/",
}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("language", ["tg", "en"])
def test_the_ledger_reads_well_on_a_phone_and_a_desktop(site, new_page, foreign_requests, language, viewport):
    page = new_page(viewport)
    for name, path in PAGES.items():
        response = page.goto(site.url + path.format(language=language))
        assert response.status == 200
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (name, overflow)
        screenshot(page, f"ledger-{name}-{language}")
    timeline = page.goto(site.url + PAGES["timeline"].format(language=language))
    assert timeline.status == 200
    assert page.locator(".timeline__entry").count() == 4
    assert page.locator(".track").count() == 3
    assert not foreign_requests
