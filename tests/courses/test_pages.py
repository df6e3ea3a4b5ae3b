"""Course pages: where they go in the tree, that they render in each language, and stay light."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase

from courses.models import CourseIndexPage, CoursePage, Enrolment, LessonPage
from home.models import HomePage
from home.translation import publish_translation
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory, home_page

from .conftest import TEXTS, answer_quiz, attempt_id, catalogue, course_in, lesson_in, without_tags

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailPageTestCase):
    def test_parents_and_children(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CoursePage, {LessonPage})
        self.assertAllowedSubpageTypes(LessonPage, set())

    def test_one_catalogue_per_home_page(self):
        assert not CourseIndexPage.can_create_at(home_page("en"))


@pytest.mark.usefixtures("translated")
def test_catalogue_and_course_render_in_each_language(client, course):
    for language in ("en", "tg", "ru"):
        translation = course_in(language, course)
        response = client.get(f"/{language}/courses/")
        assert response.status_code == 200
        assert translation.title in response.content.decode()
        # Every lesson counts in every language, the Russian course's Tajik-only lesson included.
        assert [card.lesson_count for card in response.context["courses"]] == [3]
        response = client.get(f"/{language}/courses/engaging-government/")
        assert response.status_code == 200
        assert response.context["page"].locale.language_code == language
        assert translation.title in response.content.decode()

    # The catalogue's cards give the course's languages, level, time and thematic areas.
    html = client.get("/en/courses/").content.decode()
    # Russian has two lessons of three: the course is partly in Russian, not in Russian.
    for text in ("<dd>English, Тоҷикӣ</dd>", "<dt>Partly in</dt><dd>Русский</dd>", "Beginner", "about 5 hours"):
        assert text in html, text
    html = client.get("/tg/courses/").content.decode()
    for text in ("Ҳамкорӣ бо мақомоти давлатӣ", "Ибтидоӣ", "тақрибан 5 соат"):
        assert text in html, text


def main_of(html):
    return html.split('<main id="main"', 1)[1].split("</main>")[0]


@pytest.mark.usefixtures("translated")
def test_tajik_lessons_have_no_english_left(learner_client, course, lessons):
    """Title, module, text and quiz of every Tajik lesson are in Tajik, for a learner taking the quiz too."""
    learner_client.post(f"/tg/learn/course/{course_in('tg', course).pk}/enrol/")
    english = [without_tags(text) for text, _tajik, _russian in TEXTS]
    for lesson in lessons:
        tg = lesson_in("tg", lesson)
        main = main_of(learner_client.get(tg.url).content.decode())
        assert tg.title in main
        if lesson.has_quiz:
            assert 'name="q-' in main
        for text in english:
            assert text not in main, (tg.url, text)


def test_video_block_loads_no_player(client, lessons):
    lesson = lessons[0]
    lesson.body.append(
        (
            "video",
            {
                "title": "Hearing",
                "url": "https://www.youtube.com/watch?v=abc",
                "thumbnail": None,
                "duration": "5 min",
                "transcript": "<p>Transcript text here.</p>",
            },
        )
    )
    lesson.save_revision().publish()
    html = client.get(lesson.url).content.decode()
    assert "Transcript text here." in html
    assert "<iframe" not in html
    assert 'href="https://www.youtube.com/watch?v=abc"' in html
    assert not re.search(r'<(script|img|iframe)[^>]+src="https?://', html)
    assert not re.search(r'<link rel="stylesheet"[^>]+href="https?://', html)


@pytest.mark.usefixtures("translated")
def test_page_sizes_stay_under_30_kb(learner_client, course, lessons):
    learner_client.post(f"/en/learn/course/{course.pk}/enrol/")
    for url in [
        "/en/courses/",
        course.url,
        lessons[0].url,
        lessons[1].url,
        "/en/my-learning/",
        lesson_in("tg", lessons[1]).url,
    ]:
        response = learner_client.get(url)
        assert response.status_code == 200
        assert len(response.content) < 30_000, (url, len(response.content))


def add_courses(count):
    """`count` more courses of two lessons each in the English catalogue."""
    for n in range(count):
        course = CoursePageFactory(title=f"Extra course {n}", slug=f"extra-{n}")
        for m in range(2):
            LessonPageFactory(parent=course, title=f"Lesson {m}", slug=f"lesson-{m}", quiz=[])
    return CoursePage.objects.filter(slug__startswith="extra-")


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.usefixtures("translated")
def test_query_counts_do_not_grow_with_data(client, learner, course, lessons):
    """Same number of queries with 1 or 5 courses and more progress; a bounded cost over a plain page.

    The site's own plain page already takes its queries (menu, language links, breadcrumbs, footer);
    a signed-in page also loads the session, the user and the editor bar's permissions.
    """
    client.force_login(learner)
    client.post(f"/en/learn/course/{course.pk}/enrol/")
    attempt = attempt_id(answer_quiz(client, lessons[1], right=False))
    urls = [
        "/en/courses/",
        course.url,
        lessons[0].url,
        lessons[1].url,
        "/en/my-learning/",
        f"/en/learn/attempt/{attempt}/",
    ]
    for url in urls:
        client.get(url)  # warm caches and open the attempt
    small = {url: count_queries(client, url) for url in urls}

    for page in add_courses(4):
        Enrolment.objects.get_or_create(learner=learner, course_key=page.translation_key)
    client.post(f"/en/learn/lesson/{lessons[0].pk}/complete/")
    for url in urls:
        client.get(url)
    large = {url: count_queries(client, url) for url in urls}
    assert small == large
    for url, count in large.items():
        # Our own share is six queries at most (course, lessons, enrolment, completions, lesson keys, attempts).
        assert count <= 18, (url, count)


@pytest.mark.usefixtures("translated")
def test_public_course_pages_stay_within_the_query_budget(client, course, lessons, uncached_pages):
    """At most 12 queries for every public page, the same with 1 course as with 5."""
    urls = ["/en/courses/", course.url, lessons[0].url, lesson_in("tg", lessons[0]).url]
    for url in urls:
        client.get(url)  # warm the per-process caches
    small = {url: count_queries(client, url) for url in urls}
    add_courses(4)
    for url in urls:
        client.get(url)
    large = {url: count_queries(client, url) for url in urls}
    assert small == large
    assert max(large.values()) <= 12, large


def test_editors_can_edit_and_translate_courses_lessons_and_quizzes_in_the_admin(client, course, lessons):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    quiz_lesson = lessons[1]
    for page in (course, quiz_lesson, course.get_parent()):
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    html = client.get(f"/admin/pages/{quiz_lesson.pk}/edit/").content.decode()
    assert "pass_mark" in html and "quiz" in html
    assert "Which body registers a public association?" in html
    # A Tajik lesson made through wagtail-localize is edited in its translation editor, quiz included.
    tg = publish_translation(quiz_lesson, "tg", catalogue("tg"))
    response = client.get(f"/admin/pages/{tg.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Which body registers a public association?" in html
    assert json.dumps("Кадом мақомот иттиҳодияи ҷамъиятиро ба қайд мегирад?")[1:-1] in html  # in the editor's JSON
    assert client.get(f"/admin/pages/add/courses/lessonpage/{course.pk}/").status_code == 200
