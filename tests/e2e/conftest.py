"""Browser journeys: Playwright driving Debian's Chromium against a live test server.

Skipped, with the reason shown, when no `chromium` is on PATH. Never runs `playwright install`.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; Django must still allow the ORM here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium")
SCREENSHOTS = Path(__file__).parent / "screenshots"
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    skip = pytest.mark.skip(reason="Debian's chromium is not installed (apt-get install -y chromium)")
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server with the demo content loaded (transactional tests start from an empty database)."""
    call_command("load_demo_content", verbosity=0)
    return live_server


@pytest.fixture
def foreign_requests():
    """Every request a page made to a host other than the test server (should stay empty)."""
    return []


@pytest.fixture
def new_page(browser, site, foreign_requests):
    """new_page(viewport) opens a page at phone or desktop size that records requests to other hosts."""
    contexts = []

    def open_page(viewport=PHONE, locale="en-GB"):
        context = browser.new_context(viewport=viewport, locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)

        def record(request):
            if not request.url.startswith((site.url, "data:", "about:")):
                foreign_requests.append(request.url)

        page.on("request", record)
        return page

    yield open_page
    for context in contexts:
        context.close()


def screenshot(page, name):
    """Save a full-page screenshot under tests/e2e/screenshots/ (named <journey>-<step>-<width>)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)


def assert_accessible(page):
    """axe-core finds no serious or critical violations on the page as it stands."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert not problems, f"Accessibility problems on {page.url}:\n" + "\n".join(problems)
