"""axe-core on every public page type, in each language, at phone width: no serious or critical violations.

One browser page for the whole sweep, and no full reloads: each page's HTML is fetched and written
into the open document (`document.open/write/close`, which keeps the window and so the axe script
injected once), its stylesheets and scripts load as in a real visit, then axe runs over it.
"""

import pytest

from tests.e2e.conftest import PHONE, axe_violations

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

# Replace the open document with the page at `url`, as a visit would show it; answer its HTTP status.
SHOW = """async (url) => {
    const response = await fetch(url, {credentials: "same-origin"});
    const html = await response.text();
    document.open();  // also removes the window's listeners: listen for "load" only after it
    document.write(html);
    document.close();
    await new Promise((resolve) => window.addEventListener("load", resolve, {once: true}));
    return response.status;
}"""


def test_every_page_type_in_every_language_passes_axe(site, new_page):
    page = new_page(PHONE)
    page.goto(f"{site.url}/en/")
    failures = []
    for language in ("en", "tg", "ru"):
        for path in PAGE_TYPES:
            url = f"{site.url}/{language}{path}"
            status = page.evaluate(SHOW, url)
            expected = 404 if path == "/no-such-page/" else 200
            if status != expected:
                failures.append(f"/{language}{path}: HTTP {status}")
                continue
            declared = page.evaluate("document.documentElement.lang")
            if declared != language:
                failures.append(f"/{language}{path}: <html lang={declared!r}>")
            problems = axe_violations(page)
            if problems:
                failures.append(f"Accessibility problems on {url}:\n" + "\n".join(problems))
    assert not failures, "\n\n".join(failures)
