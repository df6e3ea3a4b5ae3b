"""A course completed because editors took away the only lessons a learner had left.

The learner has finished lessons 1 and 2 of three; lesson 3 leaves the course (unpublished in the admin,
expired, deleted, moved to another course). The course is completed when the editor's change is
committed, with its certificate, not when the learner next reads a page: reading the course, a lesson or
My learning afterwards writes nothing (issue 16, item 8: a GET changes no state).
"""

import datetime

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import Certificate, Enrolment, LessonPage
from tests.factories import CoursePageFactory, UserFactory

from .conftest import answer_quiz, course_in, translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client():
    client = Client()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def enrol_and_finish(client, course, lessons):
    client.post(f"/en/learn/course/{course.pk}/enrol/")
    for lesson in lessons:
        if lesson.has_quiz:
            answer_quiz(client, lesson)
        else:
            client.post(f"/en/learn/lesson/{lesson.pk}/complete/")


@pytest.fixture
def almost_finished(learner_client, course, lessons):
    """The learner has finished every lesson but the last."""
    enrol_and_finish(learner_client, course, lessons[:2])
    assert Enrolment.objects.get().completed_at is None
    return learner_client


def every_row():
    """{model label: rows}, every table of the project's apps and Django's."""
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def is_completed(learner, course):
    enrolment = Enrolment.objects.get(learner=learner, course_key=course.translation_key)
    certificate = Certificate.objects.filter(learner=learner, course_key=course.translation_key).first()
    return enrolment.completed_at is not None and certificate is not None


def test_an_editor_unpublishing_the_last_lesson_left_completes_the_course_and_reading_it_writes_nothing(
    almost_finished, editor_client, learner, course, lessons, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("wagtailadmin_pages:unpublish", args=[lessons[2].pk]))
    assert response.status_code == 302
    assert not LessonPage.objects.get(pk=lessons[2].pk).live
    # Completed when the editor acted, before the learner reads anything.
    enrolment = Enrolment.objects.get(learner=learner)
    assert enrolment.completed_at is not None
    certificate = Certificate.objects.get(learner=learner)
    assert certificate.issued_at == enrolment.completed_at
    assert certificate.learner_name == learner.get_full_name()
    assert certificate.credential  # the Open Badges credential, issued once the completion was committed

    before = every_row()
    with django_capture_on_commit_callbacks(execute=True):
        course_page = almost_finished.get(course.url)
        lesson_page = almost_finished.get(lessons[0].url)
        dashboard = almost_finished.get("/en/my-learning/")
    assert every_row() == before
    assert Enrolment.objects.get(learner=learner).completed_at == enrolment.completed_at
    for response in (course_page, lesson_page, dashboard):
        assert response.status_code == 200
    assert "You have completed this course." in course_page.content.decode()
    assert Certificate.objects.get(learner=learner).code in dashboard.content.decode()


def test_before_the_completion_is_made_reading_the_course_writes_nothing(
    almost_finished, editor_client, learner, course, lessons, django_capture_on_commit_callbacks
):
    """The moment between the editor's commit and the completion after it: every lesson is ticked, the
    course is not completed yet, and no page completes it."""
    with django_capture_on_commit_callbacks(execute=False):
        editor_client.post(reverse("wagtailadmin_pages:unpublish", args=[lessons[2].pk]))
    before = every_row()
    for url in ("/en/my-learning/", course.url, lessons[0].url):
        response = almost_finished.get(url)
        assert response.status_code == 200
        assert every_row() == before, url
    assert "You have completed this course." not in almost_finished.get(course.url).content.decode()
    assert Enrolment.objects.get(learner=learner).completed_at is None


def test_deleting_the_last_lesson_left_completes_the_course(
    almost_finished, editor_client, learner, course, lessons, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("wagtailadmin_pages:delete", args=[lessons[2].pk]))
    assert response.status_code == 302
    assert not LessonPage.objects.filter(pk=lessons[2].pk).exists()
    assert is_completed(learner, course)


def test_the_last_lesson_left_expiring_completes_the_course(
    almost_finished, learner, course, lessons, django_capture_on_commit_callbacks
):
    LessonPage.objects.filter(pk=lessons[2].pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    assert not LessonPage.objects.get(pk=lessons[2].pk).live
    assert is_completed(learner, course)


def test_the_last_lesson_left_moved_to_another_course_completes_the_course(
    almost_finished, learner, course, lessons, django_capture_on_commit_callbacks
):
    other = CoursePageFactory(title="Budgets", slug="budgets")
    with django_capture_on_commit_callbacks(execute=True):
        LessonPage.objects.get(pk=lessons[2].pk).move(other, pos="last-child")
    assert is_completed(learner, course)


def test_a_learner_with_another_lesson_left_is_not_completed(
    learner_client, editor_client, learner, course, lessons, django_capture_on_commit_callbacks
):
    enrol_and_finish(learner_client, course, lessons[:1])
    finished = UserFactory(email="farrukh@example.org")
    finished_client = Client()
    finished_client.force_login(finished)
    enrol_and_finish(finished_client, course, lessons[:2])
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse("wagtailadmin_pages:unpublish", args=[lessons[2].pk]))
    assert is_completed(finished, course)
    assert Enrolment.objects.get(learner=learner).completed_at is None
    assert not Certificate.objects.filter(learner=learner).exists()
    # Reading the course shows one lesson of two done, and completes nothing.
    html = learner_client.get(course.url).content.decode()
    assert "You have completed this course." not in html
    assert Enrolment.objects.get(learner=learner).completed_at is None


def test_unpublishing_the_course_in_the_languages_that_have_the_last_lesson_completes_it(
    learner_client, learner, course, lessons, django_capture_on_commit_callbacks
):
    """The Russian course has lessons 1 and 2 only: once it is the only translation live, it has no lesson 3."""
    with django_capture_on_commit_callbacks(execute=True):  # the translators' work, committed
        for page in (course, *lessons):
            translate_page(page, "tg")
        for page in (course, *lessons[:2]):
            translate_page(page, "ru")
    enrol_and_finish(learner_client, course, lessons[:2])
    assert Enrolment.objects.get().completed_at is None
    with django_capture_on_commit_callbacks(execute=True):
        for language in ("en", "tg"):
            course_in(language, course).unpublish()
    assert is_completed(learner, course)


def test_a_course_published_again_after_its_last_lesson_left_it_while_it_was_offline_completes_it(
    almost_finished, learner, course, lessons, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        course.unpublish()
        LessonPage.objects.get(pk=lessons[2].pk).unpublish()
    assert not is_completed(learner, course)  # nobody can read the course meanwhile
    with django_capture_on_commit_callbacks(execute=True):
        course.save_revision().publish()
    assert is_completed(learner, course)


def test_removing_several_lessons_in_one_change_looks_for_finished_learners_once(
    learner_client, learner, course, lessons, django_capture_on_commit_callbacks
):
    enrol_and_finish(learner_client, course, lessons[:1])
    with CaptureQueriesContext(connection) as queries:
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            for lesson in lessons[1:]:
                LessonPage.objects.get(pk=lesson.pk).unpublish()
    assert is_completed(learner, course)
    looked = [q["sql"] for q in queries if 'FROM "courses_lessoncompletion"' in q["sql"] and "GROUP BY" in q["sql"]]
    assert len(looked) == 1
