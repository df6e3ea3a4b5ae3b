"""The pages `make bench` measures (run inside the bench environment, after django.setup())."""

import json
import random
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret
from django.utils.module_loading import import_string


def first_url(model_path, **filters):
    """The URL of the first live English page of a type, or None while that app has none."""
    try:
        model = apps.get_model(model_path)
    except LookupError:
        return None
    page = model.objects.live().filter(locale__language_code="en", **filters).order_by("path").first()
    return page.url if page else None


def quiz_lesson_url():
    lesson = quiz_lesson()
    return lesson.url if lesson else None


def quiz_lesson():
    from courses.models import LessonPage

    for lesson in LessonPage.objects.live().filter(locale__language_code="en").order_by("path"):
        if lesson.has_quiz:
            return lesson
    return None


PAGES = {
    "home": "/en/",
    "home (tg)": "/tg/",
    "standard page": "/en/about/",
    "training session": lambda: first_url("programme.TrainingSessionPage"),
    "consultation": lambda: first_url("programme.ConsultationPage"),
    "recommendations (filtered)": "/en/recommendations/?addressee=eu&response=none",
    "library list": "/en/library/",
    # The Russian library holds BENCH_SMALL_LIBRARY resources (200): the same list on a small library.
    "library list (200 resources)": "/ru/library/",
    "library filtered": "/en/library/?type=report&area=health&lang=ru&sort=title",
    "library searched": "/en/library/?q=water+budget",
    "library resource": lambda: first_url("library.ResourcePage"),
    "course": lambda: first_url("courses.CoursePage"),
    "lesson": quiz_lesson_url,
    "site search": "/en/search/?q=civil+society",
    # The site's own index (home.search_index): Tajik typed on a Russian keyboard, a word in every one
    # of the 10,000 resources, and a typo that is corrected.
    "site search (tg, folded)": "/tg/search/?" + urlencode({"q": "хокимият"}),
    "site search (every resource)": "/en/search/?q=tajikistan+report",
    "site search (typo)": "/en/search/?q=procuremnt",
    "my-learning (signed in)": "/en/my-learning/",
    "lesson (signed in)": quiz_lesson_url,
}
SIGNED_IN_PAGES = {"my-learning (signed in)", "lesson (signed in)"}
# Measured a second time on a server with the page cache off: the first reader after a publish.
UNCACHED_PAGES = [
    "home",
    "training session",
    "library list",
    "library list (200 resources)",
    "lesson",
    "site search (tg, folded)",
    "site search (every resource)",
    "site search (typo)",
]


def reader_pages(count=20):
    """The pages readers go round while an editor publishes: the homes, the programme and its sessions
    in every language, then the other sections."""
    from wagtail.models import Page

    from programme.models import TrainingProgrammePage, TrainingSessionPage

    pages = [f"/{code}/" for code, _name in settings.LANGUAGES]
    for model in (TrainingProgrammePage, TrainingSessionPage):
        pages += [page.url for page in model.objects.live().order_by("locale_id", "path")]
    sections = Page.objects.live().filter(depth=3, locale__language_code="en").order_by("path")
    pages += [page.url for page in sections if page.url not in pages]
    return pages[:count]


def bench_user():
    """The learner whose dashboard is measured: the last one, so not one of the quiz submitters."""
    return get_user_model().objects.filter(username__startswith="bench-learner").order_by("-pk").first()


def signed_in_headers(user):
    """A session cookie and a CSRF token for user, as a browser would send them."""
    store = import_string(settings.SESSION_ENGINE + ".SessionStore")()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    secret = _get_new_csrf_string()
    cookie = f"{settings.SESSION_COOKIE_NAME}={store.session_key}; {settings.CSRF_COOKIE_NAME}={secret}"
    return {"Cookie": cookie, "X-CSRFToken": _mask_cipher_secret(secret)}


def quiz_requests(count, right_share=0.7):
    """`count` quiz submissions by the bench learners, each with its own session, quiz form and answers.

    Every POST the load tool sends scores a fresh attempt, as learners finishing quizzes would:
    learner after learner, then the next quiz of the course. Each sends the form its lesson page
    shows (the round: none finished yet, and the questions in that round's order).
    """
    from courses.models import Enrolment, LessonPage, QuizAttempt, quiz_seed

    lessons = [
        lesson
        for lesson in LessonPage.objects.live().filter(locale__language_code="en").order_by("path")
        if lesson.has_quiz
    ]
    users = list(get_user_model().objects.filter(username__startswith="bench-learner").order_by("pk"))[:-1]
    rng = random.Random(7)
    requests = []
    headers = {}
    for lesson in lessons:
        QuizAttempt.objects.filter(learner__in=users, lesson_key=lesson.translation_key).delete()
        course_key = lesson.get_parent().translation_key
        Enrolment.objects.bulk_create(
            [Enrolment(learner=user, course_key=course_key) for user in users], ignore_conflicts=True
        )
        for user in users:
            if len(requests) == count:
                return requests
            answers = [("round", "0")]
            for question_id, _question, choices in lesson.ordered_questions(quiz_seed(user, lesson, 0)):
                right = [choice_id for choice_id, choice in choices if choice["is_correct"]]
                wrong = [choice_id for choice_id, choice in choices if not choice["is_correct"]]
                picked = right if rng.random() < right_share or not wrong else wrong[:1]
                answers += [(f"q-{question_id}", choice_id) for choice_id in picked]
            if user.pk not in headers:
                headers[user.pk] = signed_in_headers(user)
            requests.append(
                {
                    "path": f"/en/learn/lesson/{lesson.pk}/quiz/",
                    "cookie": headers[user.pk]["Cookie"],
                    "csrf": headers[user.pk]["X-CSRFToken"],
                    "body": urlencode(answers),
                }
            )
    return requests


def write_quiz_requests(path, count):
    requests = quiz_requests(count)
    # One request a line, tab-separated, for tests/bench/quiz.lua.
    path.write_text("".join(f"{r['path']}\t{r['cookie']}\t{r['csrf']}\t{r['body']}\n" for r in requests))
    return json.dumps({"count": len(requests), "lesson": quiz_lesson_url() if requests else None})
