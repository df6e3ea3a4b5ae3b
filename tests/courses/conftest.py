import re

import pytest
from django.contrib.auth import get_user_model

from courses.models import CoursePage, LessonPage, QuizAttempt
from home.models import MemberProfile, Organisation

COURSE_PATH = "/courses/engaging-government/"


@pytest.fixture
def course(page_in):
    return page_in("en", COURSE_PATH)


@pytest.fixture
def lessons(course):
    return course.lessons()


@pytest.fixture
def make_learner(db):
    def make(email="amina@example.org", organisation='Public Organization "Sino"', region="khatlon"):
        user = get_user_model().objects.create_user(
            username=email, email=email, password="a-long-pass-phrase", first_name="Amina", last_name="Karimova"
        )
        MemberProfile.objects.create(
            user=user, organisation=Organisation.objects.filter(name=organisation).first(), region=region
        )
        return user

    return make


@pytest.fixture
def learner(make_learner):
    return make_learner()


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


def quiz_answers(lesson, right=True):
    """POST data answering every question of the lesson's quiz, all right or all wrong."""
    data = {}
    for question_id, _question, choices in lesson.ordered_questions():
        correct = [cid for cid, choice in choices if choice["is_correct"]]
        wrong = [cid for cid, choice in choices if not choice["is_correct"]]
        data[f"q-{question_id}"] = correct if right else wrong[:1]
    return data


def open_attempt_id(response):
    """The attempt id in the quiz form's action on a lesson page."""
    match = re.search(r'action="/[a-z]{2}/learn/attempt/(\d+)/submit/"', response.content.decode())
    assert match, "no quiz form on the page"
    return int(match.group(1))


def lesson_in(language, lesson):
    return LessonPage.objects.get(translation_key=lesson.translation_key, locale__language_code=language)


def course_in(language, course):
    return CoursePage.objects.get(translation_key=course.translation_key, locale__language_code=language)


def finished_attempts(user):
    return QuizAttempt.objects.filter(learner=user, status=QuizAttempt.Status.FINISHED)
