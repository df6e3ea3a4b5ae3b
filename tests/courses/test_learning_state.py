"""A learner's progress is kept in the cache between their own actions, and every action shows at once.

A signed-in lesson or My learning asks the database nothing personal while the learner changes nothing;
completing a lesson, passing a quiz, an editor's change that completes the course, a revoked certificate:
the learner's next page shows it. Two learners never see each other's progress.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from courses import learning_state
from courses.models import Certificate, complete_finished_enrolments
from tests.factories import UserFactory

from .conftest import answer_quiz

pytestmark = pytest.mark.django_db

PERSONAL = ('"courses_enrolment"', '"courses_lessoncompletion"', '"courses_quizattempt"', '"courses_certificate"')


def personal_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, [q["sql"] for q in context.captured_queries if any(t in q["sql"] for t in PERSONAL)]


@pytest.fixture
def enrolled(learner_client, course):
    learner_client.post(f"/en/learn/course/{course.pk}/enrol/")
    return learner_client


def test_a_learners_pages_read_nothing_personal_from_the_database_once_kept(enrolled, lessons):
    for url in (lessons[1].url, "/en/my-learning/"):
        enrolled.get(url)
        _response, queries = personal_queries(enrolled, url)
        assert queries == [], url


def test_a_completed_lesson_shows_at_once_on_the_lesson_and_on_my_learning(enrolled, lessons):
    assert enrolled.get(lessons[0].url).context["is_complete"] is False
    assert enrolled.get("/en/my-learning/").context["items"][0]["progress"].done == 0
    enrolled.post(f"/en/learn/lesson/{lessons[0].pk}/complete/")
    assert enrolled.get(lessons[0].url).context["is_complete"] is True
    assert enrolled.get(lessons[1].url).context["progress"].done == 1
    assert enrolled.get("/en/my-learning/").context["items"][0]["progress"].done == 1


def test_a_passed_quiz_shows_at_once(enrolled, lessons):
    quiz_lesson = lessons[1]
    assert enrolled.get(quiz_lesson.url).context["attempts"] == []
    enrolled.get("/en/my-learning/")
    answer_quiz(enrolled, quiz_lesson)
    response = enrolled.get(quiz_lesson.url)
    assert len(response.context["attempts"]) == 1
    assert response.context["is_complete"] is True
    assert len(enrolled.get("/en/my-learning/").context["attempts"]) == 1


def test_a_failed_quiz_shows_at_once(enrolled, lessons):
    quiz_lesson = lessons[1]
    enrolled.get(quiz_lesson.url)
    answer_quiz(enrolled, quiz_lesson, right=False)
    response = enrolled.get(quiz_lesson.url)
    assert [attempt.passed for attempt in response.context["attempts"]] == [False]
    assert response.context["is_complete"] is False


def test_two_learners_never_see_each_others_progress(enrolled, course, lessons):
    other = Client()
    other.force_login(UserFactory(email="zarina@example.org"))
    other.post(f"/en/learn/course/{course.pk}/enrol/")
    other.get(lessons[0].url)
    enrolled.get(lessons[0].url)
    enrolled.post(f"/en/learn/lesson/{lessons[0].pk}/complete/")
    assert enrolled.get(lessons[0].url).context["is_complete"] is True
    assert other.get(lessons[0].url).context["is_complete"] is False
    assert other.get("/en/my-learning/").context["items"][0]["progress"].done == 0
    assert enrolled.get("/en/my-learning/").context["items"][0]["progress"].done == 1


def test_an_editors_change_that_completes_the_course_shows_at_once(enrolled, learner, course, lessons):
    enrolled.post(f"/en/learn/lesson/{lessons[0].pk}/complete/")
    answer_quiz(enrolled, lessons[1])
    assert enrolled.get("/en/my-learning/").context["certificates"] == []
    lessons[2].unpublish()  # the only lesson left goes: the course is complete (once committed)
    complete_finished_enrolments(course.translation_key)
    response = enrolled.get("/en/my-learning/")
    assert response.context["items"][0]["progress"].is_complete
    assert len(response.context["certificates"]) == 1


def test_a_revoked_certificate_shows_at_once(enrolled, learner, course, lessons):
    enrolled.post(f"/en/learn/lesson/{lessons[0].pk}/complete/")
    answer_quiz(enrolled, lessons[1])
    answer_quiz(enrolled, lessons[2])
    [(certificate, _page)] = enrolled.get("/en/my-learning/").context["certificates"]
    assert not certificate.is_revoked
    Certificate.objects.get(pk=certificate.pk).revoke("issued by mistake")
    [(certificate, _page)] = enrolled.get("/en/my-learning/").context["certificates"]
    assert certificate.is_revoked


def test_the_quiz_questions_are_worked_out_once_per_order_and_again_after_a_publish(enrolled, lessons, monkeypatch):
    from courses.models import LessonPage

    from .conftest import quiz_form

    quiz_lesson = LessonPage.objects.get(pk=lessons[1].pk)
    calls = []
    original = LessonPage.ordered_questions
    monkeypatch.setattr(
        LessonPage, "ordered_questions", lambda self, seed=None: calls.append(seed) or original(self, seed)
    )
    order = quiz_form(enrolled.get(quiz_lesson.url)).order
    calls.clear()
    assert quiz_form(enrolled.get(quiz_lesson.url)).order == order
    assert calls == []  # the form's questions in this order were kept
    quiz_lesson.save_revision().publish()
    assert quiz_form(enrolled.get(quiz_lesson.url)).order == order
    assert len(calls) == 1


def test_a_lesson_body_is_kept_in_the_process_and_a_published_change_shows_at_once(enrolled, lessons, monkeypatch):
    from django.core.cache import caches

    from courses.models import LessonPage

    from .conftest import paragraph

    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    enrolled.get(lesson.url)
    reads = []
    shared = caches["default"]  # in the tests the same class as the process's own "fragments"
    original = type(shared).get

    def get(self, key, *args, **kwargs):
        if self is shared:
            reads.append(key)
        return original(self, key, *args, **kwargs)

    monkeypatch.setattr(type(shared), "get", get)
    enrolled.get(lesson.url)
    assert not [key for key in reads if "template.cache" in str(key)]  # no shared-cache call for the body
    lesson.body = [paragraph("<p>Budget hearings are open to the public.</p>")]
    lesson.save_revision().publish()
    assert "Budget hearings are open to the public." in enrolled.get(lesson.url).content.decode()


def test_without_a_shared_cache_a_completed_lesson_shows_whichever_worker_serves_the_next_page(
    per_process_workers, learner_client, course, lessons
):
    per_process_workers("worker-1")
    learner_client.post(f"/en/learn/course/{course.pk}/enrol/")
    assert learner_client.get(lessons[0].url).context["is_complete"] is False
    per_process_workers("worker-2")
    assert learner_client.get(lessons[0].url).context["is_complete"] is False

    per_process_workers("worker-1")
    assert learner_client.post(f"/en/learn/lesson/{lessons[0].pk}/complete/").status_code == 302
    assert learner_client.get(lessons[0].url).context["is_complete"] is True
    per_process_workers("worker-2")  # the learner's next request lands on the other worker
    assert learner_client.get(lessons[0].url).context["is_complete"] is True


def test_a_learning_state_kept_in_another_shape_is_read_anew_not_an_error(enrolled, learner, lessons):
    """Redis outlives a deploy: an entry kept by another release under the version still current."""
    assert enrolled.post(f"/en/learn/lesson/{lessons[0].pk}/complete/").status_code == 302
    assert enrolled.get(lessons[0].url).context["is_complete"] is True
    version_key, entry_key = learning_state.keys(learner.pk)
    version = cache.get(version_key)
    cache.set(entry_key, (version, {"enrolments": []}), 3600)
    response = enrolled.get(lessons[0].url)
    assert response.status_code == 200
    assert response.context["is_complete"] is True
