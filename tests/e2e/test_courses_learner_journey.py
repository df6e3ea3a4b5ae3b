"""The learner's path in a browser at phone width: sign up, learn, fail and pass a quiz, get a certificate."""

import re

import pytest

from courses.models import (
    Certificate,
    CoursePage,
    LessonPage,
    QuizAttempt,
    complete_lesson,
    finished_attempts,
    submit_quiz,
)
from tests import factories
from tests.e2e.conftest import DESKTOP, PHONE, assert_accessible, screenshot
from tests.mailbox import last_confirmation_link

pytestmark = pytest.mark.e2e


def answer(page, lesson, right):
    for _question_id, _question, choices in lesson.ordered_questions():
        correct = [cid for cid, choice in choices if choice["is_correct"]]
        wrong = [cid for cid, choice in choices if not choice["is_correct"]]
        for cid in correct if right else wrong[:1]:
            page.check(f'input[value="{cid}"]')
    page.get_by_role("button", name=re.compile("Submit answers|Ҷавобҳоро фиристед")).click()


def test_learner_journey_at_phone_width(site, new_page, foreign_requests, unique):
    email = f"zarina.{unique}@example.org"
    page = new_page(PHONE)
    page.goto(site.url + "/en/accounts/signup/")
    page.fill("#id_first_name", "Zarina")
    page.fill("#id_last_name", "Ismoilova")
    page.fill("#id_email", email)
    page.fill("#id_password1", "navruz-dar-bokhtar-26")
    page.fill("#id_password2", "navruz-dar-bokhtar-26")
    page.select_option("#id_organisation", label='Public Organization "Sino"')
    page.select_option("#id_region", "khatlon")
    page.select_option("#id_preferred_language", "en")
    screenshot(page, "courses-signup-en")
    page.get_by_role("button", name="Create account").click()
    assert page.url.endswith("/en/accounts/signup/check-email/")
    screenshot(page, "courses-check-email-en")
    assert_accessible(page)
    page.goto(site.url + last_confirmation_link(email))  # the link in the email
    page.get_by_role("button", name="Confirm and continue").click()
    assert page.url.endswith("/en/my-learning/")

    page.goto(site.url + "/en/courses/")
    screenshot(page, "courses-catalogue-en")
    assert_accessible(page)
    page.get_by_role("link", name="Engaging government: a course for CSOs").click()
    page.get_by_role("button", name="Enrol in this course").click()
    assert page.url.endswith("/laws-and-registration/")
    screenshot(page, "courses-lesson-en")
    assert_accessible(page)
    page.get_by_role("button", name="Mark as complete").click()
    assert page.url.endswith("/role-and-constraints/")

    quiz_lesson = LessonPage.objects.get(slug="role-and-constraints", locale__language_code="en")
    screenshot(page, "courses-quiz-form-en")
    answer(page, quiz_lesson, right=False)
    assert "/learn/attempt/" in page.url
    assert page.get_by_text("You need 75% to pass").is_visible()
    screenshot(page, "courses-quiz-failed-en")
    assert_accessible(page)
    page.get_by_role("link", name="Try again").click()
    answer(page, quiz_lesson, right=True)
    assert page.get_by_text("You passed!").is_visible()
    screenshot(page, "courses-quiz-passed-en")

    # Sessions 2-4 are done the quick way; the last session in the browser, in Tajik.
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username=email)
    course = CoursePage.objects.get(slug="engaging-government", locale__language_code="en")
    lessons = course.lessons()
    for lesson in lessons[2:8]:
        if lesson.has_quiz:
            from django.http import QueryDict

            data = QueryDict(mutable=True)
            data["round"] = str(finished_attempts(user, lesson).count())
            for qid, _q, choices in lesson.ordered_questions():
                data.setlist(f"q-{qid}", [cid for cid, c in choices if c["is_correct"]])
            submit_quiz(user, lesson, data)
        else:
            complete_lesson(user, lesson)

    page.goto(site.url + "/en/courses/engaging-government/")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Тоҷикӣ").click()
    assert page.url.endswith("/tg/courses/engaging-government/")
    assert page.get_by_text("8 аз 10").first.is_visible() or "80%" in page.content()
    screenshot(page, "courses-course-tg")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Аз ҷое, ки монда будед, идома диҳед|Идома")).first.click()
    assert page.url.endswith("/tg/courses/engaging-government/developing-projects/")
    screenshot(page, "courses-lesson-tg")
    page.get_by_role("button", name="Ҳамчун анҷомёфта қайд кунед").click()
    last = LessonPage.objects.get(slug="donor-perspectives", locale__language_code="tg")
    answer(page, last, right=False)
    screenshot(page, "courses-quiz-failed-tg")
    page.get_by_role("link", name="Бори дигар кӯшиш кунед").click()
    answer(page, last, right=True)
    screenshot(page, "courses-quiz-passed-tg")
    assert_accessible(page)

    page.goto(site.url + "/tg/my-learning/")
    screenshot(page, "courses-dashboard-tg")
    assert_accessible(page)
    certificate = Certificate.objects.get(learner=user)
    page.get_by_role("link", name="Ҳамкорӣ бо давлат: курс барои ташкилотҳои ҷамъиятӣ").last.click()
    assert certificate.code in page.content()
    screenshot(page, "courses-certificate-tg")
    page.get_by_role("navigation", name="Забон").get_by_role("link", name="English").click()
    page.wait_for_url(f"**/en/my-learning/certificates/{certificate.code}/")
    assert "Zarina Ismoilova" in page.content() and "Engaging government" in page.content()
    screenshot(page, "courses-certificate-en")
    assert_accessible(page)
    page.goto(site.url + "/en/my-learning/")
    screenshot(page, "courses-dashboard-en")

    # Anyone can verify the certificate, and learns nothing more.
    visitor = new_page(PHONE)
    visitor.goto(site.url + f"/en/certificates/verify/{certificate.code}/")
    assert visitor.get_by_text("is valid").is_visible()
    assert email not in visitor.content()
    screenshot(visitor, "courses-verify-en")
    assert QuizAttempt.objects.filter(learner=user, status="finished").count() == 7
    assert foreign_requests == []


def test_course_pages_at_desktop_width(site, new_page, foreign_requests):
    page = new_page(DESKTOP)
    for language in ("en", "tg"):
        page.goto(site.url + f"/{language}/courses/engaging-government/")
        screenshot(page, f"courses-course-{language}")
        page.goto(site.url + f"/{language}/courses/engaging-government/role-and-constraints/")
        screenshot(page, f"courses-lesson-{language}")
    assert_accessible(page)
    assert foreign_requests == []


def test_quiz_works_without_javascript(site, new_page, unique):
    learner = factories.UserFactory(email=f"no-script.{unique}@example.org")
    page = new_page(PHONE, java_script_enabled=False)
    page.goto(site.url + "/en/accounts/login/")
    page.fill("#id_username", learner.username)
    page.fill("#id_password", factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(site.url + "/en/courses/engaging-government/")
    page.get_by_role("button", name="Enrol in this course").click()
    page.goto(site.url + "/en/courses/engaging-government/role-and-constraints/")
    lesson = LessonPage.objects.get(slug="role-and-constraints", locale__language_code="en")
    answer(page, lesson, right=True)
    assert page.get_by_text("You passed!").is_visible()
