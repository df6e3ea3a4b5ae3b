"""The database every test starts from, and the fixtures every app's tests share.

Most tests run on a database that holds only what `setup_site` makes, and build the few records
they need with tests/factories.py; each test's changes are rolled back. Do not use
`django_db(transaction=True)`: it empties the whole database, setup_site's work included, for every
later test (tests/courses/test_concurrency.py shows how to test races on a second connection). The tests under
tests/demo/ and tests/e2e/ check the demo content and the browser journeys: they run in a
session of their own (`make test` runs both kinds), on a database with the demo loaded once.
"""

import pytest
from django.core.management import call_command

DEMO_DIRECTORIES = ("demo", "e2e")


def needs_demo(item):
    return item.path.parent.name in DEMO_DIRECTORIES


def pytest_collection_modifyitems(config, items):
    demo = [item for item in items if needs_demo(item)]
    if demo and len(demo) < len(items):
        raise pytest.UsageError(
            "The demo and browser tests (tests/demo, tests/e2e) run on a database with the demo loaded, the others "
            "on one without it: run them in separate sessions, as `make test` does:\n"
            "  pytest -n auto --ignore=tests/demo --ignore=tests/e2e\n"
            "  pytest tests/demo tests/e2e"
        )
    config.hamkori_with_demo = bool(demo)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request):
    """The demo session gets a database of its own, so a reused test database never holds the demo."""
    if getattr(request.config, "hamkori_with_demo", False):
        from pytest_django.fixtures import _set_suffix_to_test_databases

        _set_suffix_to_test_databases("demo")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """What a deployment has after `setup_site` (and the demo, for tests/demo and tests/e2e), made once."""
    from django.db import connection

    if not connection.settings_dict["NAME"] or "test" not in str(connection.settings_dict["NAME"]):
        raise pytest.UsageError(f"Refusing to set up {connection.settings_dict['NAME']!r}: not a test database.")
    with django_db_blocker.unblock():
        call_command("setup_site", verbosity=0)
        if getattr(request.config, "hamkori_with_demo", False):
            call_command("load_demo_content", "--with-demo-accounts", verbosity=0)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, so no page cached by one test is served to another."""
    from django.core.cache import cache

    from home.page_cache import forget_kept_pages

    cache.clear()
    forget_kept_pages()


@pytest.fixture
def uncached_pages(settings):
    """The page cache off, so a query count measures the page itself and not a cache hit."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def per_process_workers(settings):
    """Several workers without Redis (`make run`): ``switch(name)`` makes the next requests use that worker's own
    LocMemCache, as a request landing on another gunicorn process would."""
    from django.core.cache import caches

    settings.PER_PERSON_CACHE = False
    fragments = settings.CACHES["fragments"]
    names = set()

    def switch(name):
        names.add(name)
        settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": name},
            "fragments": fragments,
        }

    yield switch
    for name in names:
        switch(name)
        caches["default"].clear()
