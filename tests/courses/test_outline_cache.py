"""The course outline comes from the cache, and publishing what it shows rebuilds it at once.

What an outline is made of (every lesson of a course in every language, its title, address,
module and quiz) is the same for every reader: it is read from the page tree once and kept until
a lesson or the course is published, unpublished, translated, moved or deleted. What is personal
(enrolment and completions) is one query, then kept until the learner changes it.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import LessonPage
from tests.factories import CoursePageFactory, LessonPageFactory, StandardPageFactory, translate

from .conftest import course_in

pytestmark = pytest.mark.django_db


def queries_of(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, [query["sql"] for query in context.captured_queries]


def lesson_queries(queries):
    """The queries that read lessons."""
    return [sql for sql in queries if '"courses_lessonpage"' in sql]


@pytest.fixture
def enrolled(learner_client, course, lessons):
    """The learner, enrolled, with lesson 1 done: "Continue" goes to lesson 2."""
    learner_client.post(f"/en/learn/course/{course.pk}/enrol/")
    learner_client.post(f"/en/learn/lesson/{lessons[0].pk}/complete/")
    return learner_client


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_course_page_lessons_and_my_learning_read_no_lesson_from_the_tree_once_cached(enrolled, course, lessons):
    for url in (course.url, lessons[0].url, "/en/my-learning/"):
        enrolled.get(url)  # the first reader builds the outline
    _response, queries = queries_of(enrolled, course.url)
    assert lesson_queries(queries) == []
    _response, queries = queries_of(enrolled, "/en/my-learning/")
    assert lesson_queries(queries) == []
    assert not [sql for sql in queries if '"wagtailcore_page"' in sql]
    # A lesson reads itself (routing), not its course again nor the lessons under it.
    _response, queries = queries_of(enrolled, lessons[1].url)
    assert not [sql for sql in lesson_queries(queries) if " LIKE " in sql]
    assert not [sql for sql in queries if '"courses_coursepage"' in sql]


def test_enrolment_and_completions_are_one_query_then_kept(enrolled, course, lessons):
    enrolled.get(lessons[0].url)
    _response, queries = queries_of(enrolled, lessons[0].url)
    progress = [sql for sql in queries if '"courses_enrolment"' in sql or '"courses_lessoncompletion"' in sql]
    assert progress == []  # kept with the learner's state (courses.learning_state) since the first read
    html = enrolled.get(lessons[0].url).content.decode()
    assert "1 of 3 lessons done (33%)" in html


def test_a_lesson_published_with_a_new_title_shows_at_once_on_every_page_that_lists_it(enrolled, course, lessons):
    for url in (course.url, lessons[0].url, "/en/my-learning/"):
        assert "Registering a public association" in enrolled.get(url).content.decode()

    publish(lessons[1], title="Registering your association")

    for url in (course.url, lessons[0].url, "/en/my-learning/"):
        html = enrolled.get(url).content.decode()
        assert "Registering your association" in html, url
        assert "Registering a public association" not in html, url
    html = enrolled.get(lessons[0].url).content.decode()
    assert f'<a rel="next" href="{lessons[1].url}">Registering your association →</a>' in html
    item = enrolled.get("/en/my-learning/").context["items"][0]
    assert item["continue_lesson"].title == "Registering your association"


def test_a_new_slug_changes_the_links_at_once(enrolled, course, lessons):
    enrolled.get(lessons[0].url)
    publish(lessons[1], slug="registration")
    html = enrolled.get(lessons[0].url).content.decode()
    assert 'href="/en/courses/engaging-government/registration/"' in html
    assert enrolled.get("/en/courses/engaging-government/registration/").status_code == 200


def test_an_unpublished_lesson_leaves_the_outline_at_once(enrolled, course, lessons):
    assert len(enrolled.get(course.url).context["outline"]) == 3
    enrolled.get("/en/my-learning/")

    LessonPage.objects.get(pk=lessons[1].pk).unpublish()

    outline = enrolled.get(course.url).context["outline"]
    assert [lesson.key for lesson in outline] == [lessons[0].translation_key, lessons[2].translation_key]
    item = enrolled.get("/en/my-learning/").context["items"][0]
    assert (item["progress"].done, item["progress"].total) == (1, 2)
    assert item["continue_lesson"].pk == lessons[2].pk
    html = enrolled.get(lessons[0].url).content.decode()
    assert "Registering a public association" not in html
    assert "Lesson 1 of 2" in html


def test_a_lesson_translated_shows_in_every_language_at_once(client, course, lessons, uncached_pages):
    translate(course, "tg", title="Ҳамкорӣ бо мақомоти давлатӣ")
    tajik_course = course_in("tg", course)
    outline = client.get(tajik_course.url).context["outline"]
    assert [lesson.is_translated for lesson in outline] == [False, False, False]
    assert "<dt>Partly in</dt>" not in client.get(course.url).content.decode()

    tajik = translate(lessons[0], "tg", title="Чаро бо давлат ҳамкорӣ кунем")

    assert "<dt>Partly in</dt><dd>Тоҷикӣ</dd>" in client.get(course.url).content.decode()  # read first
    outline = client.get(tajik_course.url).context["outline"]
    assert [lesson.is_translated for lesson in outline] == [True, False, False]
    assert outline.lessons[0].page.pk == tajik.pk
    assert "Чаро бо давлат ҳамкорӣ кунем" in client.get(tajik_course.url).content.decode()
    assert "<dt>Partly in</dt><dd>Тоҷикӣ</dd>" in client.get(course.url).content.decode()


def test_a_course_published_with_a_new_title_shows_at_once_on_my_learning(enrolled, course):
    enrolled.get("/en/my-learning/")
    publish(course, title="Working with government")
    html = enrolled.get("/en/my-learning/").content.decode()
    assert "Working with government" in html
    assert "Engaging government" not in html


def test_publishing_other_pages_leaves_the_outline_in_the_cache(enrolled, course, lessons):
    enrolled.get(course.url)
    other = CoursePageFactory(title="Budget monitoring", slug="budget-monitoring")
    publish(LessonPageFactory(parent=other, title="Reading a budget", slug="reading-a-budget", quiz=[]))
    publish(other)
    about = StandardPageFactory(title="About us", slug="about-us")
    publish(StandardPageFactory(parent=about, title="Our team", slug="our-team"))

    _response, queries = queries_of(enrolled, course.url)
    assert lesson_queries(queries) == []


def test_a_signed_in_lesson_reads_the_page_cache_versions_in_one_cache_call(enrolled, lessons, monkeypatch):
    from django.core.cache import caches

    enrolled.get(lessons[1].url)
    backend = type(caches["default"])  # the class: an attribute left on the instance would outlive the test
    reads = []
    get_many = backend.get_many

    def counted(self, keys, *args, **kwargs):
        keys = list(keys)
        if any(key.startswith("pagecache:tag:") for key in keys):
            reads.append(keys)
        return get_many(self, keys, *args, **kwargs)

    monkeypatch.setattr(backend, "get_many", counted)
    assert enrolled.get(lessons[1].url).status_code == 200
    assert len(reads) == 1, reads


def test_a_lesson_published_in_one_language_rebuilds_the_cached_pages_of_the_others(client, course, lessons):
    """Anonymous readers are served from the page cache: an English course page, catalogue and lesson
    list the Tajik lessons too, so publishing one in Tajik rebuilds them, and an unrelated page stays warm."""
    translate(course, "tg", title="Ҳамкорӣ бо мақомоти давлатӣ")
    other = CoursePageFactory(title="Budget monitoring", slug="budget-monitoring")
    publish(other)
    urls = [course.url, "/en/courses/", lessons[2].url, other.url]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url

    tajik_only = LessonPageFactory(parent=course_in("tg", course), title="Буҷет", slug="budget", quiz=[])
    publish(tajik_only)

    html = client.get(course.url).content.decode()
    assert "<dt>Lessons</dt><dd>4</dd>" in html
    assert "Буҷет" in html
    assert "<dd>4</dd>" in client.get("/en/courses/").content.decode()
    assert "Lesson 4 of 4" in client.get(lessons[2].url).content.decode()  # the Tajik lesson has none before it
    assert client.get(other.url)["X-Page-Cache"] == "hit"
