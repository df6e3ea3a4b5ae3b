"""The demo content's own checks: run on the database the demo was loaded into (tests/conftest.py).

Each test's changes are rolled back, so the loaded demo is the same for every test (and for the
browser journeys in tests/e2e that share the session).
"""

import pytest
from wagtail.models import Page

from demo.data import read_content
from tests.demo.media import kept_media_root

LANGUAGES = ["en", "tg", "ru"]


@pytest.fixture(scope="session", autouse=True)
def demo_media(request):
    """The demo's files outlive the session as its database does (tests/demo/media.py); before the demo loads."""
    yield from kept_media_root(request.config)


@pytest.fixture
def page_in(db):
    """page_in("tg", "/about/") is the live page at that path in that language."""

    def find(language_code, path="/"):
        home = Page.objects.get(depth=2, locale__language_code=language_code)
        tail = path.strip("/")
        url_path = home.url_path + (f"{tail}/" if tail else "")
        return Page.objects.live().get(locale__language_code=language_code, url_path=url_path).specific

    return find


@pytest.fixture(scope="session")
def content():
    """content("programme") is one of the demo's data files, as the loader reads it."""
    return read_content
