"""A lesson missing in the reader's language, and lessons added or removed after a learner finished.

`translated` leaves the Russian course without its third lesson, which exists in Tajik and English:
what a Russian reader saw on main was "2 lessons" next to "2 of 10", no next button after lesson 2,
a "Continue" that looped back to lesson 2, and Russian listed as a course language.
"""

import pytest
from django.contrib.auth import get_user_model

from courses.models import Certificate, Enrolment
from tests.factories import CoursePageFactory, LessonPageFactory, translate

from .conftest import answer_quiz, course_in, lesson_in
from .test_pages import main_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("translated")]


def finish(client, lesson, language):
    if lesson.has_quiz:
        assert answer_quiz(client, lesson)["Location"].startswith(f"/{language}/learn/attempt/")
    else:
        client.post(f"/{language}/learn/lesson/{lesson.pk}/complete/")


def test_russian_outline_lists_every_lesson_and_links_a_missing_one_in_tajik_first(client, course, lessons):
    ru_course = course_in("ru", course)
    response = client.get(ru_course.url)
    main = main_of(response.content.decode())
    assert "<dt>Уроки</dt><dd>3</dd>" in main
    for lesson in lessons[:2]:
        assert f'href="{lesson_in("ru", lesson).url}"' in main
    # The third lesson is listed, linked in Tajik (nearer to a Russian reader than English), with its languages.
    tajik = lesson_in("tg", lessons[2])
    assert f'<a href="{tajik.url}" lang="tg">{tajik.title}</a>' in main
    languages = f'<a href="{tajik.url}" hreflang="tg" lang="tg">Тоҷикӣ</a>, <a href="{lessons[2].url}" hreflang="en"'
    assert f"(ещё не переведён; есть на языках: {languages}" in main
    # It stays in its module: two module headings, as in English.
    assert main.count("<h3>") == 2


def test_russian_catalogue_lists_russian_as_partial_not_as_a_course_language(client):
    main = main_of(client.get("/ru/courses/").content.decode())
    assert "<dt>Языки</dt><dd>English, Тоҷикӣ</dd>" in main
    assert "<dt>Частично</dt><dd>Русский</dd>" in main
    assert "<dt>Уроки</dt><dd>3</dd>" in main


def test_a_russian_learner_goes_on_to_the_tajik_lesson_and_finishes_the_course_without_a_loop(
    learner_client, learner, course, lessons
):
    ru_course = course_in("ru", course)
    learner_client.post(f"/ru/learn/course/{ru_course.pk}/enrol/")
    for lesson in lessons[:2]:
        finish(learner_client, lesson_in("ru", lesson), "ru")
    tajik_third = lesson_in("tg", lessons[2])

    # Course page: counts and progress agree, and "Continue" goes forward to the Tajik lesson.
    response = learner_client.get(ru_course.url)
    html = response.content.decode()
    assert "<dt>Уроки</dt><dd>3</dd>" in html
    assert "Пройдено уроков: 2 из 3 (67%)" in html
    assert f'<a class="button" href="{tajik_third.url}">Продолжить с того места, где остановились</a>' in html

    # The Russian lesson 2 says "2 of 3" and has a next link, to the Tajik lesson 3.
    html = learner_client.get(lesson_in("ru", lessons[1]).url).content.decode()
    assert "Урок 2 из 3" in html
    assert f'<a rel="next" href="{tajik_third.url}" lang="tg">' in html
    # My learning sends the learner to the same lesson.
    item = learner_client.get("/ru/my-learning/").context["items"][0]
    assert item["continue_lesson"].pk == tajik_third.pk
    assert (item["progress"].done, item["progress"].total) == (2, 3)

    finish(learner_client, tajik_third, "tg")
    assert Enrolment.objects.get(learner=learner).completed_at is not None
    assert Certificate.objects.filter(learner=learner, course_key=course.translation_key).exists()
    html = learner_client.get(ru_course.url).content.decode()
    assert "Вы завершили этот курс." in html
    assert "Продолжить с того места" not in html


def test_a_lesson_added_only_in_english_appears_in_its_place_in_every_language(client, course, lessons):
    new = LessonPageFactory(parent=course, title="Reading a budget", slug="reading-a-budget", quiz=[])
    new.move(lessons[1], pos="left")  # between lessons 1 and 2
    for language in ("ru", "tg"):
        outline = client.get(course_in(language, course).url).context["outline"]
        assert [lesson.key for lesson in outline] == [
            lessons[0].translation_key,
            new.translation_key,
            lessons[1].translation_key,
            lessons[2].translation_key,
        ], language
        assert outline.lessons[1].page.pk == new.pk


# --- Point 11: what a completion means when editors change the course afterwards -------------------


@pytest.fixture
def finished_learner(learner_client, learner, course, lessons):
    learner_client.post(f"/ru/learn/course/{course_in('ru', course).pk}/enrol/")
    for lesson in lessons:
        finish(learner_client, lesson, "en")
    assert Enrolment.objects.get(learner=learner).completed_at
    return learner


def test_a_lesson_added_after_completion_is_new_not_a_shortfall_and_the_completion_reads_the_same_everywhere(
    learner_client, finished_learner, course, lessons
):
    certificate = Certificate.objects.get(learner=finished_learner)
    enrolment = Enrolment.objects.get(learner=finished_learner)
    assert certificate.issued_at == enrolment.completed_at
    added = LessonPageFactory(parent=course, title="Follow-up letters", slug="follow-up-letters", quiz=[])
    translate(added, "ru", title="Письма после встречи")

    completed = "Дата завершения: "
    html = learner_client.get(course_in("ru", course).url).content.decode()
    assert "Вы завершили этот курс." in html
    assert "3 из 4" not in html and "75%" not in html
    assert completed in html
    assert "с тех пор добавлен 1 новый урок" in html
    assert "Прочитать новый урок: Письма после встречи" in html
    assert '<span class="badge badge--gold">новый</span>' in html

    dashboard = learner_client.get("/ru/my-learning/").content.decode()
    assert "3 из 4" not in dashboard
    assert dashboard.count(completed) == 2  # the course card and the certificate line
    certificate_page = learner_client.get(f"/ru/my-learning/certificates/{certificate.code}/").content.decode()
    date_shown = html.split(completed, 1)[1].split("<", 1)[0].split(" ·", 1)[0]
    assert completed + date_shown in certificate_page
    assert completed + date_shown in dashboard

    # Reading the new lesson does not complete the course a second time.
    learner_client.post(f"/ru/learn/lesson/{lesson_in('ru', added).pk}/complete/")
    assert Enrolment.objects.get(learner=finished_learner).completed_at == enrolment.completed_at
    assert Certificate.objects.filter(learner=finished_learner).count() == 1


def test_removing_the_only_lesson_a_learner_had_left_completes_the_course(
    learner_client, learner, course, lessons, django_capture_on_commit_callbacks
):
    learner_client.post(f"/ru/learn/course/{course_in('ru', course).pk}/enrol/")
    for lesson in lessons[:2]:
        finish(learner_client, lesson, "en")
    with django_capture_on_commit_callbacks(execute=True):  # completed once the editor's change is committed
        for translation in lessons[2].get_translations(inclusive=True):
            translation.unpublish()
    assert Certificate.objects.filter(learner=learner).exists()

    html = learner_client.get(course_in("ru", course).url).content.decode()
    assert "Вы завершили этот курс." in html
    assert get_user_model().objects.get(pk=learner.pk).certificates.count() == 1


def test_a_course_without_lessons_yet_lists_the_languages_of_its_page(client):
    course = CoursePageFactory(title="Budgets", slug="budgets")
    translate(course, "ru", title="Бюджеты")
    main = main_of(client.get("/ru/courses/").content.decode())
    assert "<dt>Языки</dt><dd>English, Русский</dd>" in main
    assert "<dt>Уроки</dt><dd>0</dd>" in main
