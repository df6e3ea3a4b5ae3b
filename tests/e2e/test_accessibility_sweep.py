"""axe-core on every public page type, in each language, at phone width: no serious or critical violations."""

import pytest

from tests.e2e.conftest import PHONE, assert_accessible

pytestmark = pytest.mark.e2e

PAGE_TYPES = [
    "/",
    "/about/",
    "/training/",
    "/training/laws-and-csos/",
    "/consultations/",
    "/consultations/world-bank-cpf-bokhtar-2026/",
    "/forums/",
    "/forums/eu-central-asia-forum-2021/",
    "/recommendations/?addressee=eu",
    "/recommendations/eu-central-asia-forum-2021-01/",
    "/courses/",
    "/courses/engaging-government/",
    "/courses/engaging-government/laws-and-registration/",
    "/library/",
    "/library/stronger-civil-society-tajikistan/",
    "/search/?q=CSO",
    "/accounts/login/",
    "/accounts/signup/",
    "/no-such-page/",
]


def test_every_page_type_in_every_language_passes_axe(site, new_page):
    page = new_page(PHONE)
    failures = []
    for language in ("en", "tg", "ru"):
        for path in PAGE_TYPES:
            response = page.goto(f"{site.url}/{language}{path}")
            expected = 404 if path == "/no-such-page/" else 200
            if response.status != expected:
                failures.append(f"/{language}{path}: HTTP {response.status}")
                continue
            try:
                assert_accessible(page)
            except AssertionError as problem:
                failures.append(str(problem))
    assert not failures, "\n\n".join(failures)
