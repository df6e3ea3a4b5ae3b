"""A learner's whole path through the course, over HTTP, switching language on the way."""

import pytest

from courses.models import Certificate, Enrolment, LessonCompletion
from tests.mailbox import confirm_email

from .conftest import answer_quiz, attempt_id, course_in, finished_attempts, lesson_in, quiz_answers, quiz_form

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("translated")
def test_learner_signs_up_takes_the_course_in_two_languages_and_gets_a_verified_certificate(
    client, course, lessons, sino
):
    response = client.post(
        "/tg/accounts/signup/",
        {
            "first_name": "Dilnoza",
            "last_name": "Nazarova",
            "email": "Dilnoza@example.org",
            "password1": "bahor-dar-bokhtar-2026",
            "password2": "bahor-dar-bokhtar-2026",
            "organisation": sino.pk,
            "region": "khatlon",
            "preferred_language": "tg",
        },
    )
    assert response.status_code == 302
    assert confirm_email(client, "dilnoza@example.org")["Location"] == "/tg/my-learning/"

    # Enrol in Tajik: the learner lands on the first lesson.
    tg_course = course_in("tg", course)
    response = client.post(f"/tg/learn/course/{tg_course.pk}/enrol/")
    assert response["Location"] == lesson_in("tg", lessons[0]).url

    # Lesson 1 in Tajik, marked complete: on to lesson 2.
    first_tg = lesson_in("tg", lessons[0])
    response = client.post(f"/tg/learn/lesson/{first_tg.pk}/complete/")
    assert response["Location"] == lesson_in("tg", lessons[1]).url

    # Lesson 2 has the quiz: fail it in Tajik...
    second_tg = lesson_in("tg", lessons[1])
    response = client.get(second_tg.url)
    assert "Кадом мақомот иттиҳодияи ҷамъиятиро ба қайд мегирад?" in response.content.decode()
    response = quiz_form(response).post(client, quiz_answers(second_tg, right=False))
    first_attempt = attempt_id(response)
    assert response["Location"] == f"/tg/learn/attempt/{first_attempt}/"
    result = client.get(response["Location"])
    assert result.status_code == 200
    assert not result.context["attempt"].passed
    assert not LessonCompletion.objects.filter(lesson_key=lessons[1].translation_key).exists()

    # ...switch to English: lesson 1 shows as done, and the quiz offers a new attempt; pass it.
    second_en = lesson_in("en", lessons[1])
    response = client.get(course.url)
    assert response.context["progress"].done == 1
    response = client.get(second_en.url)
    retry = quiz_form(response)
    assert retry.round == "1"
    response = retry.post(client, quiz_answers(second_en, right=True))
    assert attempt_id(response) != first_attempt
    result = client.get(response["Location"])
    assert result.context["attempt"].passed
    assert "You passed" in result.content.decode()
    user = result.context["user"]
    assert finished_attempts(user).count() == 2

    # Finish the course in English with the last lesson's quiz.
    last = lessons[2]
    answer_quiz(client, last, right=True)

    enrolment = Enrolment.objects.get(learner=user)
    assert enrolment.completed_at is not None
    assert LessonCompletion.objects.filter(learner=user).count() == len(lessons) == 3
    certificate = Certificate.objects.get(learner=user)
    assert certificate.learner_name == "Dilnoza Nazarova"

    # The dashboard in Tajik shows the finished course, its certificate and quiz results.
    response = client.get("/tg/my-learning/")
    html = response.content.decode()
    assert "Ҳамкорӣ бо мақомоти давлатӣ" in html
    assert certificate.code in html
    assert response.context["items"][0]["progress"].percent == 100
    assert len(response.context["attempts"]) == 3

    # The certificate in both languages, and its public verification, anonymously.
    response = client.get(f"/en/my-learning/certificates/{certificate.code}/")
    assert "Dilnoza Nazarova" in response.content.decode()
    assert course.title in response.content.decode()
    response = client.get(f"/tg/my-learning/certificates/{certificate.code}/")
    assert response.status_code == 200
    assert "Ҳамкорӣ бо мақомоти давлатӣ" in response.content.decode()
    client.logout()
    response = client.get(f"/en/certificates/verify/{certificate.code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "is valid" in html and "Dilnoza Nazarova" in html and course.title in html
    assert "dilnoza@example.org" not in html.lower()
    response = client.get(f"/ru/certificates/verify/{certificate.code.lower()}/")
    assert response.status_code == 200
    assert "Взаимодействие с государственными органами" in response.content.decode()
    assert client.get("/en/certificates/verify/HMK-00000-00000/").status_code == 404


@pytest.mark.usefixtures("translated")
def test_progress_made_in_tajik_shows_in_every_language_and_the_learner_continues_where_they_left_off(
    learner_client, course, lessons
):
    learner_client.post(f"/tg/learn/course/{course_in('tg', course).pk}/enrol/")
    learner_client.post(f"/tg/learn/lesson/{lesson_in('tg', lessons[0]).pk}/complete/")
    for language in ("en", "tg", "ru"):
        response = learner_client.get(course_in(language, course).url)
        assert response.context["progress"].done == 1, language
        assert response.context["progress"].total == 3, language
        assert "is-complete" in response.content.decode()

    # The course page in English sends the learner on to lesson 2, in English.
    html = learner_client.get(course.url).content.decode()
    assert f'<a class="button" href="{lessons[1].url}">Continue where you left off</a>' in html

    # So does the dashboard, in the language it is read in.
    response = learner_client.get("/en/my-learning/")
    item = response.context["items"][0]
    assert item["progress"].done == 1
    assert item["continue_lesson"].pk == lessons[1].pk
    response = learner_client.get("/ru/my-learning/")
    assert response.context["items"][0]["continue_lesson"].pk == lesson_in("ru", lessons[1]).pk
    assert "Регистрация общественного объединения" in response.content.decode()


def test_a_new_learner_is_offered_the_first_lesson(learner_client, course, lessons):
    learner_client.post(f"/en/learn/course/{course.pk}/enrol/")
    html = learner_client.get(course.url).content.decode()
    assert f'<a class="button" href="{lessons[0].url}">Start the first lesson</a>' in html


def test_marking_a_lesson_complete_twice_records_it_once(learner_client, learner, course, lessons):
    learner_client.post(f"/en/learn/course/{course.pk}/enrol/")
    learner_client.post(f"/en/learn/course/{course.pk}/enrol/")
    for _n in range(2):
        learner_client.post(f"/en/learn/lesson/{lessons[0].pk}/complete/")
    assert Enrolment.objects.filter(learner=learner).count() == 1
    assert LessonCompletion.objects.filter(learner=learner).count() == 1


def test_a_quiz_lesson_is_completed_only_by_passing_its_quiz(learner_client, learner, course, lessons):
    learner_client.post(f"/en/learn/course/{course.pk}/enrol/")
    quiz_lesson = lessons[1]
    assert quiz_lesson.has_quiz
    response = learner_client.post(f"/en/learn/lesson/{quiz_lesson.pk}/complete/", follow=True)
    assert "Pass the quiz to complete this lesson." in response.content.decode()
    assert not LessonCompletion.objects.filter(learner=learner).exists()


def test_attempt_limit_is_enforced(learner_client, learner, course, lessons):
    quiz_lesson = lessons[1]
    quiz_lesson.max_attempts = 1
    quiz_lesson.save_revision().publish()
    learner_client.post(f"/en/learn/course/{course.pk}/enrol/")
    html = learner_client.get(quiz_lesson.url).content.decode()
    assert "You have 1 attempt left." in html
    form = quiz_form(learner_client.get(quiz_lesson.url))
    attempt = attempt_id(form.post(learner_client, quiz_answers(quiz_lesson, right=False)))

    html = learner_client.get(quiz_lesson.url).content.decode()
    assert "You have used all your attempts at this quiz." in html
    assert f'action="/en/learn/lesson/{quiz_lesson.pk}/quiz/"' not in html
    # With no attempt left, the result shows the right answers; submitting again changes nothing,
    # the same form or one made up for the next round.
    assert "correct answer" in learner_client.get(f"/en/learn/attempt/{attempt}/").content.decode()
    form.post(learner_client, quiz_answers(quiz_lesson, right=True))
    response = form._replace(round="1").post(learner_client, quiz_answers(quiz_lesson, right=True), follow=True)
    assert "You have used all your attempts at this quiz." in response.content.decode()
    assert finished_attempts(learner).get().passed is False
    assert not LessonCompletion.objects.filter(learner=learner).exists()


def test_anonymous_visitor_sees_the_outline_and_is_asked_to_sign_up(client, course, lessons):
    response = client.get(course.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Course outline" in html and "/en/accounts/signup/" in html
    for lesson in lessons:
        assert lesson.title in html
    assert client.post(f"/en/learn/course/{course.pk}/enrol/").status_code == 302
    assert not Enrolment.objects.exists()
    assert client.get("/en/my-learning/")["Location"].startswith("/en/accounts/login/")


@pytest.mark.usefixtures("translated")
def test_a_partly_translated_course_counts_every_lesson(learner_client, learner, course, lessons):
    """The Russian course has only its first module; finishing it there does not finish the course."""
    ru_course = course_in("ru", course)
    ru_lessons = ru_course.lessons()
    assert len(ru_lessons) == 2 < len(lessons)
    learner_client.post(f"/ru/learn/course/{ru_course.pk}/enrol/")
    for lesson in ru_lessons:
        if lesson.has_quiz:
            answer_quiz(learner_client, lesson)
        else:
            learner_client.post(f"/ru/learn/lesson/{lesson.pk}/complete/")
    response = learner_client.get(ru_course.url)
    assert response.context["progress"].done == len(ru_lessons)
    assert response.context["progress"].total == len(lessons)
    assert Enrolment.objects.get(learner=learner).completed_at is None
    assert not Certificate.objects.filter(learner=learner).exists()
    assert learner_client.get("/ru/my-learning/").context["items"][0]["progress"].total == len(lessons)
