"""Issue 16 item 8: reading a quiz changes nothing. The order of its questions is derived, not stored,
and the form sent back makes one attempt, in the order it showed, however often it is sent."""

import pytest
from django.apps import apps
from django.contrib.messages import ERROR, get_messages

from courses.models import Enrolment, LessonPage, QuizAttempt

from .conftest import attempt_id, finished_attempts, lesson_in, quiz_answers, quiz_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz_lesson(lessons):
    """The two-question quiz, shown in a shuffled order."""
    LessonPage.objects.filter(translation_key=lessons[1].translation_key).update(shuffle=True)  # and translations
    return LessonPage.objects.get(pk=lessons[1].pk)


@pytest.fixture
def enrolled(learner_client, course):
    learner_client.post(f"/en/learn/course/{course.pk}/enrol/")
    return learner_client


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models() if model._meta.managed}


def shown(lesson, attempt):
    """The (question, choice) order the attempt's stored seed gives."""
    return tuple((qid, cid) for qid, _q, choices in lesson.ordered_questions(attempt.seed) for cid, _c in choices)


def refusal(response):
    """The error message the response left for the learner (None without one)."""
    errors = [str(message) for message in get_messages(response.wsgi_request) if message.level == ERROR]
    return errors[-1] if errors else None


def test_reading_a_quiz_writes_nothing_and_the_attempt_keeps_its_order(translated, enrolled, learner, quiz_lesson):
    tajik = lesson_in("tg", quiz_lesson)
    before = row_counts()
    forms = {quiz_form(enrolled.get(page.url))._replace(action="") for page in (quiz_lesson, tajik, quiz_lesson)}
    assert row_counts() == before  # no attempt, nor any other row
    assert len(forms) == 1  # reloads and translations show the same round, in the same order
    form = quiz_form(enrolled.get(quiz_lesson.url))
    assert form.round == "0"

    first = QuizAttempt.objects.get(pk=attempt_id(form.post(enrolled, quiz_answers(quiz_lesson, right=False))))
    assert shown(quiz_lesson, first) == form.order
    assert not first.passed

    # After a failed attempt: the next round, still written by nothing but its submission.
    before = row_counts()
    retries = {quiz_form(enrolled.get(page.url))._replace(action="") for page in (quiz_lesson, tajik, quiz_lesson)}
    assert row_counts() == before
    assert len(retries) == 1
    retry = quiz_form(enrolled.get(tajik.url))
    assert retry.round == "1"
    second = QuizAttempt.objects.get(pk=attempt_id(retry.post(enrolled, quiz_answers(tajik))))
    assert shown(tajik, second) == retry.order
    assert second.seed != first.seed  # a new order for a new round
    assert second.passed
    assert list(finished_attempts(learner)) == [second, first]
    assert not QuizAttempt.objects.exclude(status=QuizAttempt.Status.FINISHED).exists()


def test_a_double_click_makes_one_attempt_and_shows_its_result(enrolled, learner, quiz_lesson):
    form = quiz_form(enrolled.get(quiz_lesson.url))
    first = form.post(enrolled, quiz_answers(quiz_lesson))
    assert refusal(first) is None
    again = form.post(enrolled, quiz_answers(quiz_lesson, right=False))
    assert again["Location"] == first["Location"]
    assert refusal(again) == "This attempt has already been submitted. Your answers were not changed."
    assert finished_attempts(learner).get().passed


def test_a_form_without_its_round_or_from_a_learner_not_enrolled_saves_nothing(
    learner_client, enrolled, learner, quiz_lesson
):
    action = f"/en/learn/lesson/{quiz_lesson.pk}/quiz/"
    for round_ in ({}, {"round": ""}, {"round": "x"}, {"round": "-1"}):
        response = enrolled.post(action, {**round_, **quiz_answers(quiz_lesson)})
        assert response["Location"] == quiz_lesson.url + "#quiz"
        assert refusal(response) == "The form sent something that is not part of this quiz. Nothing was saved."
    Enrolment.objects.filter(learner=learner).delete()
    response = learner_client.post(action, {"round": "0", **quiz_answers(quiz_lesson)})
    assert response["Location"] == quiz_lesson.url + "#quiz"
    assert refusal(response) == "Enrol in the course to take the quiz."
    assert not QuizAttempt.objects.exists()
    # A lesson without a quiz has nothing to score.
    reading = LessonPage.objects.get(translation_key=quiz_lesson.get_prev_sibling().translation_key)
    assert learner_client.post(f"/en/learn/lesson/{reading.pk}/quiz/", {"round": "0"}).status_code == 404


def test_an_attempt_opened_by_the_quiz_form_of_before_is_scored_once_in_its_order(
    enrolled, learner, course, quiz_lesson
):
    """Attempts the lesson page opened before the form carried its round: ignored by the page, and the
    form that page showed (it names the attempt) is still scored, once, as that attempt."""
    old = QuizAttempt.objects.create(
        learner=learner, course_key=course.translation_key, lesson_key=quiz_lesson.translation_key
    )
    before = row_counts()
    form = quiz_form(enrolled.get(quiz_lesson.url))
    assert (form.action, form.round) == (f"/en/learn/lesson/{quiz_lesson.pk}/quiz/", "0")
    assert row_counts() == before

    response = enrolled.post(f"/en/learn/attempt/{old.pk}/submit/", quiz_answers(quiz_lesson))
    attempt = QuizAttempt.objects.get(pk=attempt_id(response))
    assert (attempt.pk, attempt.status, attempt.passed, attempt.seed) == (old.pk, "finished", True, old.seed)

    again = enrolled.post(f"/en/learn/attempt/{old.pk}/submit/", quiz_answers(quiz_lesson, right=False))
    assert again["Location"] == response["Location"]
    assert refusal(again) == "This attempt has already been submitted. Your answers were not changed."
    assert form.post(enrolled, quiz_answers(quiz_lesson))["Location"] == response["Location"]  # round 0 is taken
    assert list(finished_attempts(learner)) == [attempt]
