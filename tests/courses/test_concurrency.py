"""Two requests at the same moment (a double click, two tabs) make one attempt and one completion."""

import threading

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from courses.models import Enrolment, LessonCompletion, QuizAttempt

from .conftest import COURSE_PATH, quiz_answers

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises every write, so it cannot show a race; run with a PostgreSQL DATABASE_URL",
    ),
]


def run_together(count, action):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def worker():
        try:
            barrier.wait(timeout=10)
            results.append(action())
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return results


@pytest.fixture
def loaded(page_in, make_learner):
    call_command("load_demo_content", verbosity=0)
    course = page_in("en", COURSE_PATH)
    return course, course.lessons(), make_learner("racer@example.org")


def test_concurrent_double_submit_makes_one_attempt(loaded):
    course, lessons, learner = loaded
    quiz_lesson = next(lesson for lesson in lessons if lesson.has_quiz)

    def client():
        c = Client()
        c.force_login(learner)
        return c

    setup = client()
    setup.post(f"/en/learn/course/{course.pk}/enrol/")
    # Four tabs open the quiz at once: one open attempt between them.
    pages = run_together(4, lambda: client().get(quiz_lesson.url).status_code)
    assert pages == [200] * 4
    attempt = QuizAttempt.objects.get(learner=learner)
    # ...and submit it at once: one is scored, the others are refused.
    statuses = run_together(
        4, lambda: client().post(f"/en/learn/attempt/{attempt.pk}/submit/", quiz_answers(quiz_lesson)).status_code
    )
    assert statuses == [302] * 4
    assert QuizAttempt.objects.filter(learner=learner).count() == 1
    assert QuizAttempt.objects.filter(learner=learner, status="finished").count() == 1
    assert LessonCompletion.objects.filter(learner=learner, lesson_key=quiz_lesson.translation_key).count() == 1


def test_concurrent_enrol_and_complete_make_one_row_each(loaded):
    course, lessons, learner = loaded

    def enrol_and_complete():
        c = Client()
        c.force_login(learner)
        c.post(f"/en/learn/course/{course.pk}/enrol/")
        return c.post(f"/en/learn/lesson/{lessons[0].pk}/complete/").status_code

    assert run_together(4, enrol_and_complete) == [302] * 4
    assert Enrolment.objects.filter(learner=learner).count() == 1
    assert LessonCompletion.objects.filter(learner=learner).count() == 1
