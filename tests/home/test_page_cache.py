import gzip
import uuid

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from courses.models import Certificate
from home import page_cache
from home.models import FooterText, StandardPage
from home.page_cache import cache_key
from home.redis_cache import SharedRedisCache
from programme.models import TrainingSessionPage
from tests.factories import (
    PASSWORD,
    CoursePageFactory,
    LessonPageFactory,
    StandardPageFactory,
    TrainingSessionPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_anonymous_pages_are_served_from_the_cache_after_the_first_visit(client, about):
    first = client.get("/en/about/")
    second = client.get("/en/about/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_publishing_a_page_empties_the_cache(client, about):
    client.get("/en/about/")
    page = about["en"]
    page.title = "About the Hamkori platform"
    page.save_revision().publish()

    response = client.get("/en/about/")
    assert response["X-Page-Cache"] == "miss"
    assert "About the Hamkori platform" in response.content.decode()


def test_saving_a_snippet_empties_the_cache(client):
    client.get("/en/")
    footer = FooterText.objects.get(locale__language_code="en")
    footer.body = "<p>New footer words</p>"
    footer.save()
    assert "New footer words" in client.get("/en/").content.decode()


def test_signed_in_readers_never_get_or_fill_the_cache(client, about):
    client.get("/en/about/")  # cached for anonymous readers
    client.force_login(UserFactory())
    response = client.get("/en/about/")
    assert "X-Page-Cache" not in response
    assert "Log out" in response.content.decode()


def test_pages_with_a_csrf_token_are_never_cached(client):
    client.get("/en/accounts/login/")
    response = client.get("/en/accounts/login/")
    assert "X-Page-Cache" not in response
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_each_query_string_is_cached_separately(client, about):
    assert "About Hamkori" in client.get("/en/search/", {"q": "platform"}).content.decode()
    assert "Nothing matched" in client.get("/en/search/", {"q": "zzzznothing"}).content.decode()


# --- Caches that lie (issue 16, item 4) ---------------------------------------------------


def test_making_a_page_private_stops_serving_its_cached_copy(client, about, admin_client):
    assert client.get("/en/about/")["X-Page-Cache"] == "miss"
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"
    response = admin_client.post(f"/admin/pages/{about['en'].pk}/privacy/", {"restriction_type": "login"})
    assert response.status_code == 200

    response = client.get("/en/about/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_saving_a_profile_leaves_cached_pages_warm(client, about):
    client.get("/en/about/")
    member = Client()
    member.force_login(UserFactory())
    response = member.post(
        "/en/accounts/profile/",
        {"first_name": "Nigora", "last_name": "Karimova", "organisation": "", "new_organisation": "Nur",
         "region": "sughd", "preferred_language": "en"},
    )  # fmt: skip
    assert response.status_code == 302
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("query", ["?utm_source=x1", "?page=2&zz=1", "?q=anything", "?a=1&a=2"])
def test_random_query_strings_are_not_stored(client, about, query):
    client.get("/en/about/")
    first = client.get("/en/about/" + query)
    second = client.get("/en/about/" + query)
    assert first.status_code == second.status_code == 200
    assert second.get("X-Page-Cache") != "hit"
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"  # the page itself stays cached


@pytest.mark.parametrize("made_up", ["/en/about/{}/", "/en/{}/", "/en//about/{}/"])
def test_made_up_addresses_do_not_each_keep_a_route(client, about, made_up):
    """Like random query strings, random paths (404s, under a page or not) leave nothing in the cache."""
    for _ in range(5):
        response = client.get(made_up.format(uuid.uuid4().hex))
        assert response.status_code == 404
        assert cache.get(page_cache.route_key(response.wsgi_request)) is None
    # The page's own address is still kept.
    response = client.get("/en/about/")
    assert cache.get(page_cache.route_key(response.wsgi_request)) is not None


def test_made_up_search_queries_do_not_each_keep_an_entry(client, about):
    cache.clear()
    for _ in range(5):
        assert client.get(f"/en/search/?q=zq{uuid.uuid4().hex[:10]}").status_code == 200
    assert [key for key in cache._cache if ":search:ranked:" in key] == []
    # A search that finds something keeps its first page of results.
    assert client.get("/en/search/?q=Hamkori").status_code == 200
    assert len([key for key in cache._cache if ":search:ranked:" in key]) == 1


def _evict_tags():
    """What Redis does to the tag versions under memory pressure (they have no timeout: LRU still may)."""
    for made_key in [key for key in cache._cache if page_cache.TAG_PREFIX in key]:
        cache.delete(made_key.split(":", 2)[2])  # ":<version>:<key>" in the local-memory cache


def test_a_page_cached_before_a_publish_is_not_served_after_redis_evicts_its_tags(client):
    """Tag versions have no timeout but Redis may still evict them (memory pressure): a missing tag starts
    at a new value, never one a page stored earlier carries (None for a tag never changed, or older)."""
    session = TrainingSessionPageFactory(title="Session 1: the law on CSOs", number=1)
    cache.clear()  # Redis restarted: no tag has a version yet
    client.get(session.url)
    assert client.get(session.url)["X-Page-Cache"] == "hit"
    for title in ("Session 1: the law on public associations", "Session 1: the law, again"):
        session.title = title
        session.save_revision().publish()  # changes the session's tags, not everything
        _evict_tags()
        response = client.get(session.url)
        assert response["X-Page-Cache"] == "miss"
        assert title in response.content.decode()
        assert client.get(session.url)["X-Page-Cache"] == "hit"


def test_missing_tags_start_in_one_redis_round_trip_keeping_a_version_already_there(monkeypatch):
    """With Redis (home.redis_cache), tags missing from the cache are started in one call (SET NX and MGET)."""
    redis = SharedRedisCache("redis://127.0.0.1:6379/9", {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})
    try:
        redis.get("probe")
    except Exception:  # noqa: BLE001
        pytest.skip("no Redis on 127.0.0.1:6379")
    keys = [page_cache.TAG_PREFIX + tag for tag in ("page:1", "page:2")]
    try:
        redis.set(keys[1], "theirs", None)  # another worker started (or bumped) this tag first
        monkeypatch.setattr(page_cache, "cache", redis)
        calls = _count_cache_calls(monkeypatch, redis)
        found = page_cache.tag_versions(["page:1", "page:2"])
        assert found["page:2"] == "theirs"
        assert found["page:1"] is not None
        assert calls == ["get_many", "add_many"]
        assert page_cache.tag_versions(["page:1", "page:2"]) == found  # kept
        assert redis._cache.get_client().ttl(redis.make_key(keys[0])) == -1  # with no timeout, as bumped tags
    finally:
        redis.delete_many(keys)


def test_cache_keys_include_the_scheme(client, about):
    client.get("/en/about/")
    response = client.get("/en/about/", secure=True)
    assert response.get("X-Page-Cache") != "hit"
    assert 'href="https://testserver/tg/about/"' in response.content.decode()


def test_deleting_an_account_removes_its_certificate_from_the_cache(client):
    course = CoursePageFactory()
    learner = UserFactory()
    certificate = Certificate.objects.create(
        learner=learner, course_key=course.translation_key, learner_name="Zarina Rahimova"
    )
    url = f"/en/certificates/verify/{certificate.code}/"
    assert "Zarina Rahimova" in client.get(url).content.decode()
    assert "Zarina Rahimova" in client.get(url).content.decode()

    own = Client()
    own.force_login(learner)
    assert own.post("/en/accounts/delete/", {"password": PASSWORD}).status_code == 302

    response = client.get(url)
    assert response.status_code == 404
    assert "Zarina Rahimova" not in response.content.decode()


# --- Publishing rebuilds what shows the page, and only that -------------------------------


def test_publishing_a_session_rebuilds_the_pages_that_show_it_and_leaves_the_others_warm(client, about):
    first = TrainingSessionPageFactory(title="Session 1: the law on CSOs", number=1)
    second = TrainingSessionPageFactory(title="Session 2: budgets", number=2)
    featuring = StandardPageFactory(
        title="Where to start",
        slug="start",
        body=[{"type": "featured_pages", "value": {"heading": "Start here", "pages": [first.pk]}}],
    )
    featuring.save_revision().publish()  # the reference index now knows it shows the first session
    showing = {"the session": first.url, "its programme": "/en/training/", "the next session": second.url,
               "a page that features it": featuring.url}  # fmt: skip
    for url in [*showing.values(), "/en/about/"]:
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"

    first.title = "Session 1: the law on public associations"
    first.save_revision().publish()

    for what, url in showing.items():
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", what
        assert "Session 1: the law on public associations" in response.content.decode(), what
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"  # unrelated: still warm


def test_a_stale_page_is_rebuilt_by_one_worker_while_the_others_serve_the_stale_copy(client):
    session = TrainingSessionPageFactory(title="Session 3: monitoring")
    client.get(session.url)
    session.title = "Session 3: monitoring budgets"
    session.save_revision().publish()
    lock = cache_key(RequestFactory().get(session.url)) + ":lock"
    cache.add(lock, 1)  # another worker is rebuilding it

    response = client.get(session.url)
    assert response["X-Page-Cache"] == "stale"
    assert "Session 3: monitoring<" in response.content.decode()

    cache.delete(lock)
    response = client.get(session.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Session 3: monitoring budgets" in response.content.decode()


def test_filters_the_page_offers_are_cached_and_made_up_values_are_not(client):
    offered = "/en/recommendations/?source=&area=&addressee=eu&response=none&assessed=in_progress"
    client.get(offered)
    assert client.get(offered)["X-Page-Cache"] == "hit"
    for made_up in ("/en/recommendations/?addressee=nobody-at-all", "/en/recommendations/?addressee=eu&x=1"):
        client.get(made_up)
        assert client.get(made_up).get("X-Page-Cache") != "hit"
    library = "/en/library/?type=report&sort=title"
    client.get(library)
    assert client.get(library)["X-Page-Cache"] == "hit"
    for made_up in ("/en/library/?q=water", "/en/library/?area=no-such-area", "/en/library/?page=999"):
        client.get(made_up)
        assert client.get(made_up).get("X-Page-Cache") != "hit"


# --- Fragments: what every reader sees alike is rendered once, also for signed-in readers ----


def test_signed_in_readers_see_published_changes_in_cached_fragments(client):
    client.force_login(UserFactory())
    lesson = LessonPageFactory(quiz=[])
    session = TrainingSessionPageFactory(learn_more=[{"type": "page", "value": lesson.pk, "id": str(uuid.uuid4())}])
    session.save_revision().publish()
    assert "Lesson text." in client.get(lesson.url).content.decode()
    assert lesson.title in client.get(session.url).content.decode()

    lesson.title = "Reading a draft law"
    lesson.body = [{"type": "paragraph", "value": "<p>How to read a draft law.</p>", "id": str(uuid.uuid4())}]
    lesson.save_revision().publish()

    html = client.get(lesson.url).content.decode()
    assert "How to read a draft law." in html
    assert "Lesson text." not in html
    assert "Reading a draft law" in client.get(session.url).content.decode()  # the session links to it


def test_a_fragment_is_rendered_once_for_every_reader(client):
    """A repeat visit does not look up the session's "learn more" pages again: its cost does not grow with them."""
    client.force_login(UserFactory())
    queries = {}
    for links in (1, 5):
        session = TrainingSessionPageFactory()
        lessons = [LessonPageFactory(quiz=[]) for _n in range(links)]
        session.learn_more = [{"type": "page", "value": lesson.pk, "id": str(uuid.uuid4())} for lesson in lessons]
        session.save_revision().publish()
        client.get(session.url)
        with CaptureQueriesContext(connection) as again:
            assert client.get(session.url).status_code == 200
        queries[links] = len(again)
    assert queries[5] == queries[1]


# --- What a request asks the cache ------------------------------------------------------------


def _count_cache_calls(monkeypatch, backend=None):
    """Records each call to the cache (not those it makes to itself, as get_many calling get)."""
    backend = backend or caches["default"]
    calls, depth = [], [0]

    def counted(name, original):
        def call(*args, **kwargs):
            if not depth[0]:
                calls.append(name)
            depth[0] += 1
            try:
                return original(*args, **kwargs)
            finally:
                depth[0] -= 1

        return call

    for name in ("get", "get_many", "set", "set_many", "add", "add_many", "delete", "incr", "has_key"):
        if hasattr(backend, name):
            monkeypatch.setattr(backend, name, counted(name, getattr(backend, name)))
    return calls


def test_a_page_built_for_a_reader_asks_the_cache_a_few_times(client, about, settings, monkeypatch):
    """The site, its menu and footer, the page's versions, its language links and its content: four calls."""
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/en/about/")
    calls = _count_cache_calls(monkeypatch)
    assert "About Hamkori" in client.get("/en/about/").content.decode()
    assert len(calls) <= 4, calls


def test_a_cached_page_is_served_with_one_cache_call_until_the_cache_is_emptied(client, about, monkeypatch):
    cache.clear()  # nothing published since the versions began
    first = client.get("/en/about/")
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"
    calls = _count_cache_calls(monkeypatch)
    hit = client.get("/en/about/")
    assert hit["X-Page-Cache"] == "hit"
    assert hit.content == first.content and hit["ETag"] == first["ETag"]
    assert len(calls) == 1, calls  # are the versions it was built with still current?

    # Redis emptied (restarted): its versions start again, and the copy a worker kept must not match them.
    StandardPage.objects.filter(pk=about["en"].pk).update(title="About the platform")
    cache.clear()
    client.get("/en/")  # the versions start again
    response = client.get("/en/about/")
    assert response["X-Page-Cache"] == "miss"
    assert "About the platform" in response.content.decode()


def test_a_session_page_built_for_a_reader_asks_the_cache_three_times(client, settings, monkeypatch):
    """The site and the page found at the address; the versions of its tags with its language links,
    neighbours and study packs; its content."""
    settings.PAGE_CACHE_SECONDS = 0
    session = TrainingSessionPageFactory(title="Session 1: the law on CSOs", number=1)
    TrainingSessionPageFactory(title="Session 2: budgets", number=2)
    client.get(session.url)
    calls = _count_cache_calls(monkeypatch)
    assert "Session 2: budgets" in client.get(session.url).content.decode()
    assert len(calls) <= 3, calls


def test_a_cached_page_is_compressed_once_not_on_every_hit(client, about):
    client.get("/en/about/")
    plain = client.get("/en/about/")
    hits = [client.get("/en/about/", HTTP_ACCEPT_ENCODING="gzip, deflate") for _ in range(2)]
    for hit in hits:
        assert hit["X-Page-Cache"] == "hit"
        assert hit["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in hit["Vary"]
        assert hit["ETag"] == "W/" + plain["ETag"]
        assert gzip.decompress(hit.content) == plain.content
    assert hits[0].content == hits[1].content  # the same bytes: compressed once
    again = client.get("/en/about/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=hits[0]["ETag"])
    assert again.status_code == 304


def test_a_page_made_stale_by_publishing_is_rebuilt_with_four_cache_reads(client, monkeypatch):
    """Its kept copy's versions; the page, the version of everything, the site and the page found at the
    address together; the versions, language links, neighbours and study packs of the session; its content."""
    session = TrainingSessionPageFactory(title="Session 1: the law on CSOs", number=1)
    TrainingSessionPageFactory(title="Session 2: budgets", number=2)
    client.get(session.url)
    assert client.get(session.url)["X-Page-Cache"] == "hit"
    session.title = "Session 1: the law on public associations"
    session.save_revision().publish()

    calls = _count_cache_calls(monkeypatch)
    response = client.get(session.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Session 1: the law on public associations" in response.content.decode()
    reads = [call for call in calls if call in ("get", "get_many")]
    assert len(reads) <= 4, calls


def test_a_reader_never_waits_for_a_page_another_worker_cannot_keep(client, monkeypatch):
    """A search is never kept: while another worker builds the same search, this one builds it too, at
    once, instead of waiting for a copy that never comes (which made concurrent searches take turns)."""
    waits = []
    monkeypatch.setattr(page_cache.time, "sleep", waits.append)
    search = "/en/search/?q=budget"
    lock = cache_key(RequestFactory().get(search)) + ":lock"
    assert client.get(search).status_code == 200  # this worker learns it is not kept
    cache.add(lock, 1)  # another worker is building the same search
    assert client.get(search).status_code == 200
    assert waits == []


def test_a_reader_waiting_for_another_worker_stops_when_it_ends_without_keeping_a_copy(client, monkeypatch):
    page = StandardPageFactory(title="Open budget notes")
    lock = cache_key(RequestFactory().get(page.url)) + ":lock"
    waits = []

    def wait(seconds):  # the other worker ends without keeping a copy (an error, a form...)
        waits.append(seconds)
        cache.delete(lock)

    monkeypatch.setattr(page_cache.time, "sleep", wait)
    cache.add(lock, 1)
    response = client.get(page.url)
    assert response.status_code == 200 and "Open budget notes" in response.content.decode()
    assert len(waits) == 1


def test_one_failed_build_does_not_stop_this_worker_serving_the_stale_copy_while_another_rebuilds(client, monkeypatch):
    """A server error on one build (a database hiccup) must not turn off the stampede lock and the stale copy for
    an address the page cache keeps: this worker still serves the stale copy while another rebuilds the page."""
    from django.http import HttpResponseServerError

    page = TrainingSessionPageFactory(title="Session 4: budget notes")
    lock = cache_key(RequestFactory().get(page.url)) + ":lock"
    serve = TrainingSessionPage.serve
    monkeypatch.setattr(TrainingSessionPage, "serve", lambda self, request, *a, **kw: HttpResponseServerError("x"))
    assert client.get(page.url).status_code == 500  # this worker's one build of the page fails
    monkeypatch.setattr(TrainingSessionPage, "serve", serve)
    this_worker = dict(page_cache._not_kept._entries)
    page_cache.forget_kept_pages()
    assert client.get(page.url)["X-Page-Cache"] == "miss"  # another worker builds and keeps the page
    page_cache.forget_kept_pages()
    page_cache._not_kept._entries = this_worker  # back on this worker
    page.title = "Session 4: budget notes for 2025"
    page.save_revision().publish()
    cache.add(lock, 1)  # another worker is rebuilding it
    assert client.get(page.url)["X-Page-Cache"] == "stale"


def test_after_a_failed_build_this_worker_still_waits_for_the_copy_another_is_building(client, monkeypatch):
    """An error is not what the page is: the address stays one this worker waits for rather than builds again."""
    from django.http import HttpResponseServerError

    page = TrainingSessionPageFactory(title="Session 5: monitoring")
    lock = cache_key(RequestFactory().get(page.url)) + ":lock"
    serve = TrainingSessionPage.serve
    monkeypatch.setattr(TrainingSessionPage, "serve", lambda self, request, *a, **kw: HttpResponseServerError("x"))
    assert client.get(page.url).status_code == 500
    monkeypatch.setattr(TrainingSessionPage, "serve", serve)
    waits = []

    def wait(seconds):  # the other worker ends
        waits.append(seconds)
        cache.delete(lock)

    monkeypatch.setattr(page_cache.time, "sleep", wait)
    cache.add(lock, 1)  # another worker is building the page
    assert client.get(page.url).status_code == 200
    assert len(waits) == 1
