"""Sessions kept in the shared cache are read in the request's first cache call (home.sessions)."""

import pytest
from django.core.cache import caches
from django.test import Client

from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db

MY_LEARNING = "/en/my-learning/"


@pytest.fixture(autouse=True)
def cached_sessions(settings):
    settings.SESSION_ENGINE = "home.sessions"


def record_reads(monkeypatch, record):
    """Call record(method, keys) for each call that reads the cache: get, or get_many (not the gets it makes)."""
    inside_many = []
    backend = type(caches["default"])
    original_get, original_get_many = backend.get, backend.get_many

    def get(self, key, *args, **kwargs):
        if not inside_many:
            record("get", [key])
        return original_get(self, key, *args, **kwargs)

    def get_many(self, keys, *args, **kwargs):
        record("get_many", list(keys))
        inside_many.append(True)  # LocMemCache.get_many calls get for each key
        try:
            return original_get_many(self, keys, *args, **kwargs)
        finally:
            inside_many.pop()

    monkeypatch.setattr(backend, "get", get)
    monkeypatch.setattr(backend, "get_many", get_many)


@pytest.fixture
def session_reads(monkeypatch):
    """The cache calls that read a session key on its own (not together with others in one call)."""
    reads = []

    def record(method, keys):
        if method == "get" and str(keys[0]).startswith("django.contrib.sessions"):
            reads.append(keys[0])

    record_reads(monkeypatch, record)
    return reads


def test_a_signed_in_request_reads_its_session_with_the_first_cache_call(session_reads):
    client = Client()
    client.force_login(UserFactory())
    assert client.get(MY_LEARNING).status_code == 200  # the session is now in the cache
    session_reads.clear()
    assert client.get(MY_LEARNING).status_code == 200
    assert session_reads == []


def test_signing_out_ends_the_session_at_once():
    client, other = Client(), Client()
    client.force_login(UserFactory())
    other.cookies = client.cookies  # the same session in another browser
    assert other.get(MY_LEARNING).status_code == 200
    client.post("/en/accounts/logout/")
    assert other.get(MY_LEARNING).status_code == 302


def test_a_made_up_session_cookie_is_not_signed_in():
    client = Client()
    client.cookies["sessionid"] = "x" * 32
    assert client.get(MY_LEARNING).status_code == 302
    client.cookies["sessionid"] = "<script>" * 10
    assert client.get(MY_LEARNING).status_code == 302


@pytest.fixture
def cache_calls(monkeypatch):
    """Each call to the cache that reads (get or get_many, not those get_many makes itself): its keys."""
    calls = []
    record_reads(monkeypatch, lambda method, keys: calls.append(keys))
    return calls


@pytest.mark.usefixtures("uncached_pages")
def test_a_signed_in_page_makes_no_more_cache_calls_than_for_an_anonymous_reader(cache_calls):
    """The session, the user and their learning state are read with calls the page makes anyway."""
    page = StandardPageFactory(title="About the programme", slug="about-the-programme")
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(UserFactory())
    for client in (anonymous, signed_in):
        assert client.get(page.url).status_code == 200  # what is kept is now kept
    counts = []
    for client in (anonymous, signed_in):
        cache_calls.clear()
        client.get(page.url)
        counts.append(len(cache_calls))
    assert counts[1] == counts[0], cache_calls
