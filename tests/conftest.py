import pytest
from django.core.management import call_command
from wagtail.models import Page


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo content once; each test then runs in a transaction that is rolled back."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return HomePage.objects.get(depth=2, locale__language_code="en")


@pytest.fixture
def page_in(db):
    """page_in("tg", "/about/") is the live page at that path in that language."""

    def find(language_code, path="/"):
        for page in Page.objects.live().filter(locale__language_code=language_code, depth__gte=2):
            if page.url_path.split("/", 2)[-1] == path.lstrip("/"):
                return page.specific
        raise LookupError(f"No live {language_code} page at {path}")

    return find


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, so no page cached by one test is served to another."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def uncached_pages(settings):
    """The page cache off, so a query count measures the page itself and not a cache hit."""
    settings.PAGE_CACHE_SECONDS = 0
