"""Issue 16 item 8, in courses: a quiz cannot be skipped through a translation that lacks it, private
courses are private for the enrol and complete actions too, and reading a lesson changes nothing."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from courses.models import Enrolment, LessonCompletion
from tests.factories import translate

from .conftest import course_in, finished_attempts, quiz_answers, quiz_form, translate_page

pytestmark = pytest.mark.django_db


def test_a_quiz_cannot_be_skipped_through_a_translation_without_it(learner_client, learner, course, lessons):
    translate_page(course, "tg")
    quiz_lesson = lessons[1]
    tajik = translate(quiz_lesson, "tg", title="Бақайдгирӣ", quiz=[])  # the translator has not reached the quiz
    learner_client.post(f"/en/learn/course/{course.pk}/enrol/")
    page = learner_client.get(tajik.url).content.decode()
    assert f'action="/tg/learn/lesson/{tajik.pk}/complete/"' not in page  # no "mark as complete" here...
    assert quiz_lesson.url in page  # ...but the way to the quiz, in the language that has it
    response = learner_client.post(f"/tg/learn/lesson/{tajik.pk}/complete/")
    assert response.status_code == 302
    assert response["Location"].startswith(quiz_lesson.url)
    assert not LessonCompletion.objects.filter(learner=learner, lesson_key=quiz_lesson.translation_key).exists()


@pytest.fixture
def private_course(course):
    restriction = PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Pilot trainers"))
    return course


def test_a_private_course_cannot_be_joined_or_completed_by_someone_it_is_not_for(
    learner_client, learner, private_course, lessons
):
    assert learner_client.get(private_course.url).status_code in (302, 403, 404)
    assert learner_client.post(f"/en/learn/course/{private_course.pk}/enrol/").status_code == 404
    assert not Enrolment.objects.filter(learner=learner).exists()
    assert learner_client.post(f"/en/learn/lesson/{lessons[0].pk}/complete/").status_code == 404
    quiz = {"round": "0", **quiz_answers(lessons[1])}
    assert learner_client.post(f"/en/learn/lesson/{lessons[1].pk}/quiz/", quiz).status_code == 404
    assert not LessonCompletion.objects.filter(learner=learner).exists()
    assert not finished_attempts(learner).exists()


def test_the_people_a_private_course_is_for_can_join_it(learner_client, learner, private_course, lessons):
    learner.groups.add(Group.objects.get(name="Pilot trainers"))
    assert learner_client.post(f"/en/learn/course/{private_course.pk}/enrol/").status_code == 302
    assert learner_client.post(f"/en/learn/lesson/{lessons[0].pk}/complete/").status_code == 302
    assert (
        quiz_form(learner_client.get(lessons[1].url)).post(learner_client, quiz_answers(lessons[1])).status_code == 302
    )
    assert LessonCompletion.objects.filter(learner=learner).count() == 2


def test_reading_a_lesson_changes_nothing(learner_client, learner, course, lessons):
    learner_client.post(f"/en/learn/course/{course.pk}/enrol/")
    before = Enrolment.objects.filter(learner=learner).values().get()
    for lesson in (lessons[0], lessons[2], course_in("en", course)):
        assert learner_client.get(lesson.url).status_code == 200
    assert Enrolment.objects.filter(learner=learner).values().get() == before


def test_an_attempt_is_scored_by_a_translation_that_has_the_quiz(learner_client, learner, course, lessons):
    """The Tajik learner answers the Tajik quiz while an editor has the English one out for rework."""
    translate_page(course, "tg")
    tajik = translate_page(lessons[1], "tg")
    learner_client.post(f"/tg/learn/course/{course_in('tg', course).pk}/enrol/")
    form = quiz_form(learner_client.get(tajik.url))
    english = lessons[1]
    english_form = quiz_form(learner_client.get(english.url))
    english.quiz = []
    english.save_revision().publish()

    response = form.post(learner_client, quiz_answers(tajik))
    assert response.status_code == 302
    assert finished_attempts(learner).get().passed
    # The English form, sent after its quiz went out for rework, is scored by the Tajik quiz (round 1 now).
    response = english_form._replace(round="1").post(learner_client, quiz_answers(tajik))
    assert response.status_code == 302
    assert finished_attempts(learner).count() == 2
    assert LessonCompletion.objects.filter(learner=learner, lesson_key=tajik.translation_key).exists()
