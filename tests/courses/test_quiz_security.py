"""Scoring stays on the server; forged submissions are refused and change nothing; learners are kept apart."""

import pytest
from django.test import Client
from django.utils.html import escape

from courses.models import Certificate, LessonCompletion, QuizAttempt
from tests.factories import UserFactory

from .conftest import answer_quiz, attempt_id, finished_attempts, lesson_in, quiz_answers, quiz_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz_lesson(lessons):
    """The lesson with a two-question quiz: one single-choice question, one multiple-choice."""
    return lessons[1]


@pytest.fixture
def enrolled(learner_client, course):
    learner_client.post(f"/en/learn/course/{course.pk}/enrol/")
    return learner_client


def snapshot(learner):
    return list(QuizAttempt.objects.filter(learner=learner).values_list("pk", "status", "score", "answers"))


@pytest.mark.usefixtures("translated")
def test_quiz_page_has_no_marker_of_the_correct_answer(enrolled, quiz_lesson):
    for language in ("en", "tg", "ru"):
        lesson = lesson_in(language, quiz_lesson)
        html = enrolled.get(lesson.url).content.decode()
        assert 'name="q-' in html, language
        quiz = html.split('id="quiz"')[1]
        for _question_id, question, choices in lesson.ordered_questions():
            assert escape(question["text"]) in quiz, language
            for _choice_id, choice in choices:
                assert escape(choice["text"]) in quiz, language
                if choice["feedback"]:
                    assert escape(choice["feedback"]) not in html, language
            if question["explanation"]:
                assert escape(question["explanation"]) not in html, language
        for marker in ("is_correct", "correct", "data-correct", "feedback"):
            assert marker not in quiz.lower(), (language, marker)


def test_choice_from_another_question_is_refused(enrolled, learner, quiz_lesson):
    form = quiz_form(enrolled.get(quiz_lesson.url))
    data = quiz_answers(quiz_lesson)
    first, second = list(data)
    data[first] = data[second][:1]  # the first question answered with one of the second question's choices
    before = snapshot(learner)
    response = form.post(enrolled, data, follow=True)
    assert "An answer does not belong to its question. Nothing was saved." in response.content.decode()
    assert snapshot(learner) == before
    assert not LessonCompletion.objects.filter(learner=learner).exists()


def test_made_up_choice_is_refused(enrolled, learner, quiz_lesson):
    form = quiz_form(enrolled.get(quiz_lesson.url))
    data = quiz_answers(quiz_lesson)
    data[next(iter(data))] = ["not-a-choice"]
    before = snapshot(learner)
    response = form.post(enrolled, data, follow=True)
    assert "An answer does not belong to its question. Nothing was saved." in response.content.decode()
    assert snapshot(learner) == before


def test_forged_score_field_is_refused(enrolled, learner, quiz_lesson):
    form = quiz_form(enrolled.get(quiz_lesson.url))
    data = quiz_answers(quiz_lesson, right=False)
    data["score"] = "100"
    before = snapshot(learner)
    response = form.post(enrolled, data, follow=True)
    assert "The form sent something that is not part of this quiz. Nothing was saved." in response.content.decode()
    assert snapshot(learner) == before


@pytest.mark.parametrize(
    "round_",
    ["\u00b2", "\u0663", "9" * 5000, " 0", "0\n"],
    ids=["superscript-two", "arabic-three", "5000-digits", "space", "newline"],
)
def test_a_hostile_round_is_refused_not_a_server_error(enrolled, learner, quiz_lesson, round_):
    """Unicode digits pass str.isdigit() and 5,000 digits exceed int()'s limit: both are refused, never a 500."""
    form = quiz_form(enrolled.get(quiz_lesson.url))
    before = snapshot(learner)
    response = form._replace(round=round_).post(enrolled, quiz_answers(quiz_lesson), follow=True)
    assert response.status_code == 200
    assert "The form sent something that is not part of this quiz. Nothing was saved." in response.content.decode()
    assert snapshot(learner) == before


def test_two_answers_to_a_single_choice_question_are_refused(enrolled, learner, quiz_lesson):
    form = quiz_form(enrolled.get(quiz_lesson.url))
    data = quiz_answers(quiz_lesson)
    question_id, _question, choices = next(q for q in quiz_lesson.ordered_questions() if q[1]["kind"] == "single")
    data[f"q-{question_id}"] = [cid for cid, _c in choices][:2]
    before = snapshot(learner)
    response = form.post(enrolled, data, follow=True)
    assert "Choose only one answer" in response.content.decode()
    assert snapshot(learner) == before


def test_the_score_is_counted_on_the_server(enrolled, learner, quiz_lesson):
    """One question of two right is 50%, under the 70% pass mark: the lesson stays to do."""
    form = quiz_form(enrolled.get(quiz_lesson.url))
    data = quiz_answers(quiz_lesson, right=True)
    data.update(list(quiz_answers(quiz_lesson, right=False).items())[1:])  # the second question wrong
    form.post(enrolled, data)
    result = finished_attempts(learner).get()
    assert (result.score, result.passed) == (50, False)
    assert not LessonCompletion.objects.filter(learner=learner).exists()
    # A multiple-choice question is right only with every right answer ticked.
    retry = quiz_form(enrolled.get(quiz_lesson.url))
    data = quiz_answers(quiz_lesson, right=True)
    last = list(data)[1]
    data[last] = data[last][:1]
    assert QuizAttempt.objects.get(pk=attempt_id(retry.post(enrolled, data))).score == 50


def test_unanswered_questions_save_nothing_and_the_form_can_be_sent_again(enrolled, learner, quiz_lesson):
    form = quiz_form(enrolled.get(quiz_lesson.url))
    data = quiz_answers(quiz_lesson)
    data.pop(next(iter(data)))
    response = form.post(enrolled, data, follow=True)
    assert "Please answer every question before you submit." in response.content.decode()
    assert not QuizAttempt.objects.filter(learner=learner).exists()
    form.post(enrolled, quiz_answers(quiz_lesson))
    assert finished_attempts(learner).get().passed


def test_resubmitting_a_finished_attempt_is_refused_and_changes_nothing(enrolled, learner, quiz_lesson):
    form = quiz_form(enrolled.get(quiz_lesson.url))
    attempt = attempt_id(form.post(enrolled, quiz_answers(quiz_lesson, right=False)))
    before = snapshot(learner)
    response = form.post(enrolled, quiz_answers(quiz_lesson, right=True))
    assert response["Location"] == f"/en/learn/attempt/{attempt}/"  # the result of the first submission
    response = enrolled.get(response["Location"])
    assert "This attempt has already been submitted. Your answers were not changed." in response.content.decode()
    assert snapshot(learner) == before
    assert finished_attempts(learner).get().score < quiz_lesson.pass_mark
    assert not LessonCompletion.objects.filter(learner=learner).exists()


@pytest.mark.usefixtures("translated")
def test_two_tabs_share_one_attempt(enrolled, learner, quiz_lesson):
    first = quiz_form(enrolled.get(quiz_lesson.url))
    second = quiz_form(enrolled.get(lesson_in("tg", quiz_lesson).url))
    assert (first.round, first.order) == (second.round, second.order)
    first.post(enrolled, quiz_answers(quiz_lesson))
    response = second.post(enrolled, quiz_answers(lesson_in("tg", quiz_lesson)))
    assert response["Location"] == f"/tg/learn/attempt/{finished_attempts(learner).get().pk}/"
    assert finished_attempts(learner).count() == 1
    assert finished_attempts(learner).get().passed


def test_another_learner_cannot_see_or_change_progress_attempts_or_certificates(client, course, quiz_lesson):
    owner = UserFactory(email="owner@example.org", first_name="Owner")
    client.force_login(owner)
    client.post(f"/en/learn/course/{course.pk}/enrol/")
    attempt = attempt_id(answer_quiz(client, quiz_lesson, right=False))
    # An attempt left open by the quiz form of before (it opened one when the page was read).
    open_id = QuizAttempt.objects.create(
        learner=owner, course_key=course.translation_key, lesson_key=quiz_lesson.translation_key
    ).pk
    certificate = Certificate.objects.create(learner=owner, course_key=course.translation_key, learner_name="Owner")

    client.force_login(UserFactory(email="intruder@example.org"))
    assert client.get(f"/en/learn/attempt/{attempt}/").status_code == 404
    assert client.post(f"/en/learn/attempt/{open_id}/submit/", quiz_answers(quiz_lesson)).status_code == 404
    # The intruder's own form (round 0, not enrolled) cannot add to the owner's attempts.
    assert (
        client.post(f"/en/learn/lesson/{quiz_lesson.pk}/quiz/", {"round": "1", **quiz_answers(quiz_lesson)}).status_code
        == 302
    )
    assert QuizAttempt.objects.filter(learner=owner).count() == 2
    assert client.get(f"/en/my-learning/certificates/{certificate.code}/").status_code == 404
    assert QuizAttempt.objects.get(pk=open_id).status == QuizAttempt.Status.OPEN
    html = client.get("/en/my-learning/").content.decode()
    assert certificate.code not in html
    assert "Owner" not in html
    assert quiz_lesson.title not in html


def test_submitting_needs_a_post_with_a_csrf_token(course, quiz_lesson):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(UserFactory(email="csrf@example.org"))
    assert strict.post(f"/en/learn/course/{course.pk}/enrol/").status_code == 403
    assert strict.get(f"/en/learn/course/{course.pk}/enrol/").status_code == 405
    assert strict.get(f"/en/learn/lesson/{quiz_lesson.pk}/complete/").status_code == 405


def test_right_answers_are_revealed_only_after_passing(enrolled, learner, quiz_lesson):
    attempt = attempt_id(answer_quiz(enrolled, quiz_lesson, right=False))
    html = enrolled.get(f"/en/learn/attempt/{attempt}/").content.decode()
    assert "correct answer" not in html
    assert "Not quite" in html
    # The feedback on the learner's own wrong answers, but not the explanation that gives the answer away.
    assert escape("A mahalla committee can help you, but it registers no one.") in html
    assert escape("Once a law is adopted, it is much harder to change.") in html
    assert "The Law on Public Associations names the Ministry of Justice." not in html
    answer_quiz(enrolled, quiz_lesson, right=True)
    html = enrolled.get(f"/en/learn/attempt/{attempt}/").content.decode()
    assert "correct answer" in html
    assert "The Law on Public Associations names the Ministry of Justice." in html
