"""Browser journeys: Playwright driving Debian's Chromium against one live server over the demo site.

The session's database holds `setup_site` and the demo content with its accounts, loaded once by
tests/conftest.py. One live server runs for the whole session over that database, and each test
reaches the database without a transaction: what the server writes the test sees, and the other
way round, and nothing is flushed or reloaded between tests. So every journey makes its own new
accounts (`unique`) and removes the pages it publishes, and none relies on another's leftovers.

Skipped, with the reason shown, when no `chromium` is on PATH. Never runs `playwright install`.
"""

import os
import shutil
import uuid
from pathlib import Path

import pytest

from tests.demo.media import kept_media_root

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


@pytest.fixture(scope="session", autouse=True)
def demo_media(request):
    """The demo's files outlive the session as its database does (tests/demo/media.py); before the demo loads."""
    yield from kept_media_root(request.config)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_site(django_db_setup, django_db_blocker):
    """One live server for the session, over the database the demo was loaded into."""
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        server = LiveServer("localhost:0")
    server._live_server_modified_settings.enable()
    yield server
    server.stop()
    server._live_server_modified_settings.disable()


@pytest.fixture
def db(django_db_setup, django_db_blocker):
    """Database access for a journey, without pytest-django's transaction or flush.

    Named `db` because pytest-django creates the test database for the tests that use a fixture
    of that name. While a test runs, the server's threads and the test share the database as two
    clients of a real site would: each write is committed at once and visible to the other side.
    """
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def site(live_site, db):
    """The live demo site, its database open to the test too."""
    return live_site


@pytest.fixture
def unique():
    """A short suffix of this run, for accounts and titles a journey makes (none exists before it)."""
    return uuid.uuid4().hex[:8]


@pytest.fixture
def foreign_requests():
    """Every request a page made to a host other than the test server (should stay empty)."""
    return []


@pytest.fixture
def new_page(browser, site, foreign_requests):
    """new_page(viewport) opens a page at phone or desktop size that records requests to other hosts."""
    contexts = []

    def open_page(viewport=PHONE, locale="en-GB", **options):
        context = browser.new_context(viewport=viewport, locale=locale, **options)
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


def axe_violations(page):
    """axe-core's serious and critical violations on the page as it stands, one line each.

    axe is injected only when the page does not have it yet (the sweep keeps one document open).
    """
    from axe_playwright_python.sync_playwright import Axe

    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(Axe().axe_script)
    violations = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]


def assert_accessible(page):
    """axe-core finds no serious or critical violations on the page as it stands."""
    problems = axe_violations(page)
    assert not problems, f"Accessibility problems on {page.url}:\n" + "\n".join(problems)


def delete_pages(model, **lookup):
    """Remove the pages a journey published, in every language, so that no later test lists them."""
    from wagtail.models import Page

    keys = set(model.objects.filter(**lookup).values_list("translation_key", flat=True))
    for page in Page.objects.filter(translation_key__in=keys).order_by("-depth"):
        page.delete()
