"""Scoring stays on the server; forged submissions are refused and change nothing; learners are kept apart."""

import pytest

from courses.models import Certificate, LessonCompletion, QuizAttempt

from .conftest import finished_attempts, lesson_in, open_attempt_id, quiz_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz_lesson(lessons):
    return next(lesson for lesson in lessons if lesson.has_quiz)


@pytest.fixture
def enrolled(learner_client, course):
    learner_client.post(f"/en/learn/course/{course.pk}/enrol/")
    return learner_client


@pytest.mark.parametrize("language", ["en", "tg", "ru"])
def test_quiz_page_has_no_marker_of_the_correct_answer(enrolled, quiz_lesson, language):
    lesson = lesson_in(language, quiz_lesson)
    html = enrolled.get(lesson.url).content.decode()
    assert 'name="q-' in html
    for _question_id, question, choices in lesson.ordered_questions():
        assert question["text"] in html
        for _choice_id, choice in choices:
            if choice["feedback"]:
                assert choice["feedback"] not in html
        if question["explanation"]:
            assert question["explanation"] not in html
    for marker in ("is_correct", "correct", "data-correct", "feedback"):
        assert marker not in html.split('id="quiz"')[1].lower()


def snapshot(learner):
    return list(QuizAttempt.objects.filter(learner=learner).values_list("pk", "status", "score"))


def test_choice_from_another_question_is_refused(enrolled, learner, quiz_lesson):
    attempt = open_attempt_id(enrolled.get(quiz_lesson.url))
    data = quiz_answers(quiz_lesson)
    keys = list(data)
    data[keys[0]] = data[keys[1]]  # the first question answered with the second question's choice
    before = snapshot(learner)
    response = enrolled.post(f"/en/learn/attempt/{attempt}/submit/", data, follow=True)
    assert "An answer does not belong to its question. Nothing was saved." in response.content.decode()
    assert snapshot(learner) == before
    assert not LessonCompletion.objects.filter(learner=learner).exists()


def test_forged_score_field_is_refused(enrolled, learner, quiz_lesson):
    attempt = open_attempt_id(enrolled.get(quiz_lesson.url))
    data = quiz_answers(quiz_lesson, right=False)
    data["score"] = "100"
    before = snapshot(learner)
    response = enrolled.post(f"/en/learn/attempt/{attempt}/submit/", data, follow=True)
    assert "The form sent something that is not part of this quiz. Nothing was saved." in response.content.decode()
    assert snapshot(learner) == before


def test_two_answers_to_a_single_choice_question_are_refused(enrolled, learner, quiz_lesson):
    attempt = open_attempt_id(enrolled.get(quiz_lesson.url))
    data = quiz_answers(quiz_lesson)
    question_id, question, choices = next(q for q in quiz_lesson.ordered_questions() if q[1]["kind"] == "single")
    data[f"q-{question_id}"] = [cid for cid, _c in choices][:2]
    before = snapshot(learner)
    response = enrolled.post(f"/en/learn/attempt/{attempt}/submit/", data, follow=True)
    assert "Choose only one answer" in response.content.decode()
    assert snapshot(learner) == before


def test_unanswered_questions_keep_the_attempt_open(enrolled, learner, quiz_lesson):
    attempt = open_attempt_id(enrolled.get(quiz_lesson.url))
    data = quiz_answers(quiz_lesson)
    data.pop(next(iter(data)))
    response = enrolled.post(f"/en/learn/attempt/{attempt}/submit/", data, follow=True)
    assert "Please answer every question before you submit." in response.content.decode()
    assert QuizAttempt.objects.get(pk=attempt).status == QuizAttempt.Status.OPEN


def test_resubmitting_a_finished_attempt_is_refused_and_changes_nothing(enrolled, learner, quiz_lesson):
    attempt = open_attempt_id(enrolled.get(quiz_lesson.url))
    enrolled.post(f"/en/learn/attempt/{attempt}/submit/", quiz_answers(quiz_lesson, right=False))
    before = snapshot(learner)
    response = enrolled.post(f"/en/learn/attempt/{attempt}/submit/", quiz_answers(quiz_lesson, right=True), follow=True)
    assert "This attempt has already been submitted." in response.content.decode()
    assert snapshot(learner) == before
    assert finished_attempts(learner).get().score < quiz_lesson.pass_mark


def test_two_tabs_share_one_attempt(enrolled, learner, quiz_lesson):
    first = open_attempt_id(enrolled.get(quiz_lesson.url))
    second = open_attempt_id(enrolled.get(lesson_in("tg", quiz_lesson).url))
    assert first == second
    enrolled.post(f"/en/learn/attempt/{first}/submit/", quiz_answers(quiz_lesson))
    enrolled.post(f"/tg/learn/attempt/{second}/submit/", quiz_answers(quiz_lesson))
    assert finished_attempts(learner).count() == 1


def test_another_learner_cannot_see_or_change_progress_attempts_or_certificates(
    client, make_learner, course, lessons, quiz_lesson
):
    owner = make_learner("owner@example.org")
    client.force_login(owner)
    client.post(f"/en/learn/course/{course.pk}/enrol/")
    attempt = open_attempt_id(client.get(quiz_lesson.url))
    client.post(f"/en/learn/attempt/{attempt}/submit/", quiz_answers(quiz_lesson))
    open_id = open_attempt_id(client.get(quiz_lesson.url))
    certificate = Certificate.objects.create(learner=owner, course_key=course.translation_key, learner_name="Owner")

    intruder = make_learner("intruder@example.org")
    client.force_login(intruder)
    assert client.get(f"/en/learn/attempt/{attempt}/").status_code == 404
    assert client.post(f"/en/learn/attempt/{open_id}/submit/", quiz_answers(quiz_lesson)).status_code == 404
    assert client.get(f"/en/my-learning/certificates/{certificate.code}/").status_code == 404
    assert QuizAttempt.objects.get(pk=open_id).status == QuizAttempt.Status.OPEN
    html = client.get("/en/my-learning/").content.decode()
    assert certificate.code not in html
    assert "Owner" not in html


def test_submitting_needs_a_post_with_a_csrf_token(make_learner, quiz_lesson, course):
    from django.test import Client

    user = make_learner("csrf@example.org")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    assert strict.post(f"/en/learn/course/{course.pk}/enrol/").status_code == 403
    assert strict.get(f"/en/learn/course/{course.pk}/enrol/").status_code == 405


def test_right_answers_are_revealed_only_after_passing(enrolled, learner, quiz_lesson):
    attempt = open_attempt_id(enrolled.get(quiz_lesson.url))
    enrolled.post(f"/en/learn/attempt/{attempt}/submit/", quiz_answers(quiz_lesson, right=False))
    html = enrolled.get(f"/en/learn/attempt/{attempt}/").content.decode()
    assert "correct answer" not in html
    assert "Not quite" in html
    wrong_feedback = [
        choice["feedback"]
        for _q, _question, choices in quiz_lesson.ordered_questions()
        for _c, choice in choices
        if choice["feedback"]
    ]
    assert any(feedback.replace("'", "&#x27;") in html for feedback in wrong_feedback)
    retry = open_attempt_id(enrolled.get(quiz_lesson.url))
    enrolled.post(f"/en/learn/attempt/{retry}/submit/", quiz_answers(quiz_lesson, right=True))
    assert "correct answer" in enrolled.get(f"/en/learn/attempt/{attempt}/").content.decode()
