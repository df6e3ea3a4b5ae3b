"""The demo course: five sessions with quizzes, in full in English, Tajik and Russian."""

import re

import pytest
from django.contrib.auth import get_user_model

from courses.models import Certificate, CoursePage, LessonPage

from .conftest import LANGUAGES

pytestmark = pytest.mark.django_db

COURSE = "/courses/engaging-government/"


@pytest.fixture
def course(page_in):
    return page_in("en", COURSE)


def in_language(page, language):
    return type(page).objects.get(translation_key=page.translation_key, locale__language_code=language)


def test_demo_course_has_five_sessions_with_quizzes_of_four_questions(course, content):
    lessons = course.lessons()
    assert [lesson.slug for lesson in lessons] == [lesson["slug"] for lesson in content("courses")["lessons"]]
    assert len({lesson.module for lesson in lessons}) == 5
    quizzes = [lesson for lesson in lessons if lesson.has_quiz]
    assert len(quizzes) == 5
    assert all(len(lesson.questions) >= 4 for lesson in quizzes)
    for language in ("tg", "ru"):
        assert in_language(course, language).lessons()[-1].slug == lessons[-1].slug
        assert LessonPage.objects.live().filter(locale__language_code=language).count() == len(lessons), language


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_and_course_render_in_each_language(client, course, language):
    translated = in_language(course, language)
    response = client.get(f"/{language}/courses/")
    assert response.status_code == 200
    assert translated.title in response.content.decode()
    assert response.context["courses"][0].lesson_count == len(translated.lessons())
    response = client.get(f"/{language}{COURSE}")
    assert response.status_code == 200
    assert response.context["page"].locale.language_code == language


def test_catalogue_lists_languages_levels_and_duration(client):
    html = client.get("/en/courses/").content.decode()
    for text in ("<dd>English, Тоҷикӣ, Русский</dd>", "Beginner", "about 5 hours"):
        assert text in html, text
    assert "Partly in" not in html


@pytest.mark.parametrize("language", ["tg", "ru"])
def test_translated_lessons_have_no_english_left(client, course, language):
    for lesson in course.lessons():
        html = client.get(in_language(lesson, language).url).content.decode()
        main = html.split('<main id="main"', 1)[1].split("</main>")[0]
        assert lesson.title not in main
        for child in lesson.body:
            if child.block_type == "paragraph":
                english = re.sub("<[^>]+>", "", child.value.source)[:40]
                assert english not in main, (lesson.slug, english)


def test_demo_learners_are_at_different_stages(course):
    User = get_user_model()
    one = User.objects.get(username="learner1@hamkori.local")
    two = User.objects.get(username="learner2@hamkori.local")
    assert one.lesson_completions.count() < two.lesson_completions.count()
    assert one.profile.organisation and two.profile.organisation
    assert Certificate.objects.filter(learner=two, course_key=course.translation_key).exists()
    assert not Certificate.objects.filter(learner=one).exists()


def test_editors_can_open_the_course_and_its_tajik_quiz_in_the_admin(client, course):
    client.force_login(get_user_model().objects.get(username="editor"))
    quiz_lesson = next(lesson for lesson in course.lessons() if lesson.has_quiz)
    for page in (course, quiz_lesson, CoursePage.objects.get(pk=course.pk).get_parent()):
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    # The Tajik lesson opens in wagtail-localize's translation editor, quiz questions included.
    response = client.get(f"/admin/pages/{in_language(quiz_lesson, 'tg').pk}/edit/")
    assert response.status_code == 200
    assert quiz_lesson.questions[0].value["text"] in response.content.decode()
