"""A Russian-only learner signs up from the course page, takes all ten lessons in Russian, and gets the certificate.

On main the Russian course stopped after lesson 2: no next button, "Continue" looped back, the rest 404.
"""

import re

import pytest
from django.contrib.auth import get_user_model

from courses.models import Certificate, LessonPage
from tests.e2e.conftest import DESKTOP, PHONE, assert_accessible, screenshot
from tests.mailbox import last_confirmation_link

pytestmark = pytest.mark.e2e

COURSE = "/ru/courses/engaging-government/"


def answer_right(page, lesson):
    for _question_id, _question, choices in lesson.ordered_questions():
        for choice_id, choice in choices:
            if choice["is_correct"]:
                page.check(f'input[value="{choice_id}"]')
    page.get_by_role("button", name="Отправить ответы").click()


def test_a_russian_learner_signs_up_from_the_course_page_and_finishes_the_whole_course_in_russian(
    site, new_page, foreign_requests, unique
):
    email = f"olga.{unique}@example.org"
    page = new_page(PHONE, locale="ru-RU")
    page.goto(site.url + COURSE)
    assert "<dt>Уроки</dt><dd>10</dd>" in page.content()
    assert "Частично" not in page.content()  # every lesson is in Russian
    page.locator(".course-action").get_by_role("link", name="Регистрация").click()
    assert "/ru/accounts/signup/?next=" in page.url
    page.fill("#id_first_name", "Ольга")
    page.fill("#id_last_name", "Петрова")
    page.fill("#id_email", email)
    page.fill("#id_password1", "vesna-v-hudzhande-26")
    page.fill("#id_password2", "vesna-v-hudzhande-26")
    page.select_option("#id_region", "sughd")
    page.select_option("#id_preferred_language", "ru")
    page.get_by_role("button", name="Создать аккаунт").click()
    assert page.url.endswith("/ru/accounts/signup/check-email/")
    assert page.get_by_text("Проверьте почту").first.is_visible()
    screenshot(page, "ru-journey-check-email")
    page.goto(site.url + last_confirmation_link(email))  # the link in the email keeps the way back
    page.get_by_role("button", name="Подтвердить и продолжить").click()

    # Back on the course page that asked, welcomed, and offered enrolment.
    assert page.url == site.url + COURSE
    assert page.get_by_text("Добро пожаловать в Хамкори, Ольга!").is_visible()
    screenshot(page, "ru-journey-course-welcome")
    page.get_by_role("button", name="Записаться на курс").click()

    lessons = LessonPage.objects.live().filter(locale__language_code="ru", path__startswith=_course_path())
    lessons = list(lessons.order_by("path"))
    assert len(lessons) == 10
    for number, lesson in enumerate(lessons, start=1):
        assert page.url == site.url + lesson.url, (number, page.url)
        assert page.get_by_text(f"Урок {number} из 10").is_visible()
        assert page.locator("html").get_attribute("lang") == "ru"
        if number == 1:
            screenshot(page, "ru-journey-lesson-1")
            assert_accessible(page)
        if lesson.has_quiz:
            answer_right(page, lesson)
            assert "/ru/learn/attempt/" in page.url
            if number < 10:
                page.get_by_role("link", name="Следующий урок").click()
        else:
            page.get_by_role("button", name="Отметить как пройденный").click()

    # The last quiz passed: the result leads to the certificate.
    screenshot(page, "ru-journey-last-quiz")
    page.get_by_role("link", name="Посмотреть сертификат").click()
    assert page.url == site.url + "/ru/my-learning/"
    assert page.get_by_text("Дата завершения:").first.is_visible()
    screenshot(page, "ru-journey-my-learning")
    assert_accessible(page)
    learner = get_user_model().objects.get(username=email)
    certificate = Certificate.objects.get(learner=learner)
    page.get_by_role("link", name=re.compile("Взаимодействие с государством")).last.click()
    assert page.url.endswith(f"/ru/my-learning/certificates/{certificate.code}/")
    assert "Ольга Петрова" in page.content()
    screenshot(page, "ru-journey-certificate")

    page.goto(site.url + COURSE)
    assert page.get_by_text("Вы завершили этот курс.").is_visible()
    assert "10 из 10" not in page.content() and "Продолжить" not in page.content()
    screenshot(page, "ru-journey-course-completed")
    desktop = new_page(DESKTOP, locale="ru-RU", storage_state=page.context.storage_state())
    for path in (COURSE, lessons[0].url, "/ru/my-learning/"):
        desktop.goto(site.url + path)
        screenshot(desktop, "ru-journey" + re.sub(r"\W+", "-", path).rstrip("-"))
    assert foreign_requests == []


def _course_path():
    from courses.models import CoursePage

    return CoursePage.objects.get(slug="engaging-government", locale__language_code="ru").path
