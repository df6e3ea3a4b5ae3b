"""Two requests at the same moment (a double click, two tabs) make one attempt and one completion,
and many learners at once get no server error on either database.

The double-submit races run on PostgreSQL only (`DATABASE_URL=postgres://... pytest -m postgres
tests/courses`): SQLite serialises every write, so it cannot show them. The crowd test runs on both:
on SQLite it shows that waiting writers do not fail ("database is locked") half-way through.
The requests run in threads with connections of their own, which see only committed data; so the
course and the learner are made, and removed again, in such a connection too, outside the test's
transaction. (A transactional test would empty the whole database when it ends, and a reused test
database would lose what setup_site made.)
"""

import threading

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.messages import ERROR, get_messages
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from wagtail.models import Page, PageLogEntry

from courses.models import Enrolment, LessonCompletion, LessonPage, QuizAttempt
from home.models import Organisation, ThematicArea
from tests.factories import OrganisationFactory, UserFactory

from .conftest import SINO, build_course, quiz_answers, quiz_form

pytestmark = [pytest.mark.django_db]


def run_together(count, action, check=True):
    """`action()` in `count` threads at once, each with a database connection of its own (committing)."""
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
    if check:
        assert not errors, errors
    return results if check else (results, errors)


def committed(action):
    """`action()` in a connection of its own, so what it writes is committed and every thread sees it."""
    return run_together(1, action)[0]


def row_counts():
    return {model._meta.db_table: model.objects.count() for model in apps.get_models() if model._meta.managed}


@pytest.fixture
def race(db):
    """The course and a learner, committed; removed after the test, which the row counts check."""
    before = committed(row_counts)
    sessions = set(committed(lambda: list(Session.objects.values_list("pk", flat=True))))
    course, learner = committed(
        lambda: (
            build_course(),
            UserFactory(email="racer@example.org", profile__organisation=OrganisationFactory(name=SINO)),
        )
    )
    yield course, course.lessons(), learner

    def remove():
        pages = list(Page.objects.descendant_of(course, inclusive=True).values_list("pk", flat=True))
        Page.objects.get(pk=course.pk).delete()
        PageLogEntry.objects.filter(page_id__in=pages).delete()  # deleting pages logs it
        get_user_model().objects.filter(pk=learner.pk).delete()
        Organisation.objects.filter(name=SINO).delete()
        ThematicArea.objects.filter(slug="civic-participation").delete()
        Session.objects.exclude(pk__in=sessions).delete()
        return row_counts()

    after = committed(remove)
    assert after == before, {table: (before[table], after[table]) for table in before if after[table] != before[table]}


def signed_in(learner):
    client = Client()
    client.force_login(learner)
    return client


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite cannot show this race")
def test_concurrent_double_submit_makes_one_attempt(race):
    """Four tabs show the quiz and send it at once: one attempt, within an attempt limit of one."""
    course, lessons, learner = race
    quiz_lesson = lessons[1]
    committed(lambda: LessonPage.objects.filter(pk=quiz_lesson.pk).update(max_attempts=1))
    committed(lambda: signed_in(learner).post(f"/en/learn/course/{course.pk}/enrol/"))
    # Four tabs open the quiz at once: the same form, and nothing written.
    forms = run_together(4, lambda: quiz_form(signed_in(learner).get(quiz_lesson.url)))
    assert len(set(forms)) == 1
    assert not QuizAttempt.objects.filter(learner=learner).exists()
    # ...and submit it at once: one is scored, the others are refused.

    def submit():
        response = forms[0].post(signed_in(learner), quiz_answers(quiz_lesson))
        refused = [str(message) for message in get_messages(response.wsgi_request) if message.level == ERROR]
        return response.status_code, refused

    results = run_together(4, submit)
    assert [status for status, _refused in results] == [302] * 4
    assert sorted(len(refused) for _status, refused in results) == [0, 1, 1, 1]
    assert all("already been submitted" in message for _status, refused in results for message in refused)
    assert QuizAttempt.objects.filter(learner=learner).count() == 1
    assert QuizAttempt.objects.filter(learner=learner, status=QuizAttempt.Status.FINISHED).count() == 1
    assert LessonCompletion.objects.filter(learner=learner, lesson_key=quiz_lesson.translation_key).count() == 1


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite cannot show this race")
def test_concurrent_enrol_and_complete_make_one_row_each(race):
    course, lessons, learner = race

    def enrol_and_complete():
        client = signed_in(learner)
        client.post(f"/en/learn/course/{course.pk}/enrol/")
        return client.post(f"/en/learn/lesson/{lessons[0].pk}/complete/").status_code

    assert run_together(4, enrol_and_complete) == [302] * 4
    assert Enrolment.objects.filter(learner=learner).count() == 1
    assert LessonCompletion.objects.filter(learner=learner).count() == 1


CROWD = 12


@pytest.fixture
def crowd(db):
    """The course and CROWD learners, each enrolled with a quiz open, committed; removed after the test."""
    before = committed(row_counts)
    sessions = set(committed(lambda: list(Session.objects.values_list("pk", flat=True))))

    def build():
        course = build_course()
        organisation = OrganisationFactory(name=SINO)
        learners = [
            UserFactory(email=f"crowd{n}@example.org", profile__organisation=organisation) for n in range(CROWD)
        ]
        quiz_lesson = course.lessons()[1]
        forms = {}
        for learner in learners:
            client = signed_in(learner)
            client.post(f"/en/learn/course/{course.pk}/enrol/")
            forms[learner.pk] = quiz_form(client.get(quiz_lesson.url))
        return course, quiz_lesson, learners, forms

    course, quiz_lesson, learners, forms = committed(build)
    yield course, quiz_lesson, learners, forms

    def remove():
        pages = list(Page.objects.descendant_of(course, inclusive=True).values_list("pk", flat=True))
        Page.objects.get(pk=course.pk).delete()
        PageLogEntry.objects.filter(page_id__in=pages).delete()
        get_user_model().objects.filter(pk__in=[learner.pk for learner in learners]).delete()
        Organisation.objects.filter(name=SINO).delete()
        ThematicArea.objects.filter(slug="civic-participation").delete()
        Session.objects.exclude(pk__in=sessions).delete()
        return row_counts()

    after = committed(remove)
    assert after == before, {table: (before[table], after[table]) for table in before if after[table] != before[table]}


def test_many_learners_submitting_at_once_get_no_error_and_keep_their_completion(crowd):
    """Issue 16 item 7: the attempt and the lesson's completion are saved together, or not at all."""
    course, quiz_lesson, learners, forms = crowd
    queue = list(learners)
    lock = threading.Lock()

    def submit():
        with lock:
            learner = queue.pop()
        response = forms[learner.pk].post(signed_in(learner), quiz_answers(quiz_lesson))
        return response.status_code

    statuses, errors = run_together(CROWD, submit, check=False)
    assert not errors, errors
    assert statuses == [302] * CROWD

    def outcome():
        passed = set(QuizAttempt.objects.filter(learner__in=learners, passed=True).values_list("learner_id", flat=True))
        completed = set(
            LessonCompletion.objects.filter(learner__in=learners, lesson_key=quiz_lesson.translation_key).values_list(
                "learner_id", flat=True
            )
        )
        return passed, completed

    passed, completed = committed(outcome)
    assert passed == completed == {learner.pk for learner in learners}
