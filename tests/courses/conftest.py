"""A small course built with factories, its learners, and helpers to answer its quizzes over HTTP.

`course` is an English course of three lessons in two modules: lesson 1 is reading only, lessons
2 and 3 end with a quiz. `translated` publishes it in Tajik in full and in Russian for its first
module only (lessons 1 and 2), as a translator part-way through would leave it, with every text
translated (TEXTS). Translations keep the quizzes' block ids, as wagtail-localize does, so an
answer given in one language is scored in any other. Learner data is keyed by translation_key.
"""

import re
import uuid
from typing import NamedTuple

import pytest

from courses.models import CoursePage, CourseThematicArea, LessonPage, QuizAttempt
from tests.factories import (
    CoursePageFactory,
    LessonPageFactory,
    OrganisationFactory,
    ThematicAreaFactory,
    UserFactory,
    list_items,
    translate,
)

SINO = 'Public Organization "Sino"'

# Every string of the course, with its Tajik and Russian translation.
TEXTS = [
    (
        "Engaging government",
        "Ҳамкорӣ бо мақомоти давлатӣ",
        "Взаимодействие с государственными органами",
    ),
    (
        "A short course for CSO staff on taking part in public decisions.",
        "Курси кӯтоҳ барои кормандони ташкилотҳои ҷомеаи шаҳрвандӣ оид ба иштирок дар қарорҳои ҷамъиятӣ.",
        "Короткий курс для сотрудников НКО об участии в общественных решениях.",
    ),
    ("Session 1: the legal framework", "Ҷаласаи 1: асосҳои ҳуқуқӣ", "Сессия 1: правовая основа"),
    ("Session 2: being heard", "Ҷаласаи 2: шунавонидани овози худ", "Сессия 2: как добиться, чтобы вас услышали"),
    ("Why work with government", "Чаро бо давлат ҳамкорӣ кунем", "Зачем работать с государством"),
    (
        "What government decides, and why your organisation should be in the room.",
        "Давлат чиро ҳал мекунад ва чаро ташкилоти шумо бояд дар ин раванд ширкат варзад.",
        "Что решает государство и почему ваша организация должна участвовать в обсуждении.",
    ),
    (
        "<p>Ministries and local authorities decide much that matters to your community.</p>",
        "<p>Вазоратҳо ва мақомоти маҳаллӣ бисёр масъалаҳои муҳими ҷамоати шуморо ҳал мекунанд.</p>",
        "<p>Министерства и местные власти решают многое, что важно для вашего сообщества.</p>",
    ),
    ("Registering a public association", "Бақайдгирии иттиҳодияи ҷамъиятӣ", "Регистрация общественного объединения"),
    (
        "<p>A public association is registered before it can sign contracts.</p>",
        "<p>Иттиҳодияи ҷамъиятӣ пеш аз бастани шартнома ба қайд гирифта мешавад.</p>",
        "<p>Общественное объединение регистрируется до заключения договоров.</p>",
    ),
    (
        "Which body registers a public association?",
        "Кадом мақомот иттиҳодияи ҷамъиятиро ба қайд мегирад?",
        "Какой орган регистрирует общественное объединение?",
    ),
    ("The Ministry of Justice", "Вазорати адлия", "Министерство юстиции"),
    (
        "The Ministry of Justice keeps the register.",
        "Вазорати адлия феҳристро пеш мебарад.",
        "Реестр ведёт Министерство юстиции.",
    ),
    ("The mahalla committee", "Кумитаи маҳалла", "Комитет махалли"),
    (
        "A mahalla committee can help you, but it registers no one.",
        "Кумитаи маҳалла метавонад кӯмак кунад, аммо касеро ба қайд намегирад.",
        "Комитет махалли может помочь, но никого не регистрирует.",
    ),
    (
        "The Law on Public Associations names the Ministry of Justice.",
        "Қонун дар бораи иттиҳодияҳои ҷамъиятӣ Вазорати адлияро номбар мекунад.",
        "Закон об общественных объединениях называет Министерство юстиции.",
    ),
    (
        "Which are ways to take part in making a law?",
        "Кадоме аз инҳо роҳҳои иштирок дар таҳияи қонун мебошанд?",
        "Какие из этих способов позволяют участвовать в разработке закона?",
    ),
    ("Public hearings", "Муҳокимаҳои ҷамъиятӣ", "Общественные слушания"),
    ("Written comments on the draft", "Шарҳҳои хаттӣ ба лоиҳа", "Письменные замечания к проекту"),
    ("Waiting until the law is adopted", "Интизор шудан то қабули қонун", "Ждать, пока закон примут"),
    (
        "Once a law is adopted, it is much harder to change.",
        "Пас аз қабул тағйир додани қонун хеле душвортар аст.",
        "После принятия закон изменить гораздо труднее.",
    ),
    ("Taking part in public hearings", "Иштирок дар муҳокимаҳои ҷамъиятӣ", "Участие в общественных слушаниях"),
    (
        "<p>Ask for the agenda early and bring a one-page summary of your proposals.</p>",
        "<p>Рӯзномаро пешакӣ пурсед ва хулосаи якваракаи пешниҳодҳои худро биёред.</p>",
        "<p>Запросите повестку заранее и принесите краткое изложение ваших предложений на одной странице.</p>",
    ),
    (
        "A public hearing is announced before it takes place.",
        "Муҳокимаи ҷамъиятӣ пеш аз баргузор шуданаш эълон карда мешавад.",
        "О общественных слушаниях объявляют заранее.",
    ),
    ("True", "Дуруст", "Верно"),
    ("False", "Нодуруст", "Неверно"),
    (
        "Announcing the hearing lets people prepare and take part.",
        "Эълони муҳокима ба мардум имкон медиҳад, ки омода шаванд ва иштирок кунанд.",
        "Объявление позволяет людям подготовиться и принять участие.",
    ),
]
TRANSLATIONS = {
    "tg": {english: tajik for english, tajik, _russian in TEXTS},
    "ru": {english: russian for english, _tajik, russian in TEXTS},
}


def without_tags(html):
    return re.sub("<[^>]+>", "", html)


def catalogue(language_code):
    """A lookup for home.translation.publish_translation, which meets rich text as segments without tags."""
    strings = {without_tags(english): without_tags(text) for english, text in TRANSLATIONS[language_code].items()}
    return strings.get


def question(text, choices, explanation="", kind="single"):
    """A quiz question in Wagtail's stream format; choices are (answer, is_correct, feedback)."""
    items = [{"text": answer, "is_correct": correct, "feedback": feedback} for answer, correct, feedback in choices]
    return {
        "type": "question",
        "id": str(uuid.uuid4()),
        "value": {"text": text, "kind": kind, "choices": list_items(items), "explanation": explanation},
    }


def paragraph(html):
    return {"type": "paragraph", "value": html, "id": str(uuid.uuid4())}


def translated_stream(stream, language_code):
    """A StreamField's raw data with every text replaced by its translation, block ids kept."""

    def walk(value, key=None):
        if isinstance(value, dict):
            return {name: walk(item, name) for name, item in value.items()}
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, str) and value and key not in ("id", "type", "kind"):
            return TRANSLATIONS[language_code][value]
        return value

    return walk(list(stream.raw_data))


def translate_page(page, language_code):
    """Publish `page` in another language with every one of its texts translated."""
    strings = TRANSLATIONS[language_code]
    fields = {"title": strings[page.title], "summary": strings[page.summary] if page.summary else ""}
    if isinstance(page, LessonPage):
        fields.update(module=strings[page.module], body=translated_stream(page.body, language_code))
        fields["quiz"] = translated_stream(page.quiz, language_code)
    return translate(page, language_code, **fields)


@pytest.fixture
def course(db):
    """The course in English, with its three lessons (`translated` adds its Tajik and Russian versions)."""
    return build_course()


def build_course():
    """The English course and its lessons (a plain function, for tests that commit their data)."""
    area = ThematicAreaFactory(name="Civic participation", slug="civic-participation")
    course = CoursePageFactory(
        title="Engaging government",
        slug="engaging-government",
        summary="A short course for CSO staff on taking part in public decisions.",
        level=CoursePage.Level.BEGINNER,
        estimated_hours=5,
        thematic_area_links=[CourseThematicArea(thematic_area=area)],
    )
    LessonPageFactory(
        parent=course,
        title="Why work with government",
        slug="why-work-with-government",
        module="Session 1: the legal framework",
        summary="What government decides, and why your organisation should be in the room.",
        body=[paragraph("<p>Ministries and local authorities decide much that matters to your community.</p>")],
        quiz=[],
    )
    LessonPageFactory(
        parent=course,
        title="Registering a public association",
        slug="registering-a-public-association",
        module="Session 1: the legal framework",
        summary="",
        body=[paragraph("<p>A public association is registered before it can sign contracts.</p>")],
        quiz=[
            question(
                "Which body registers a public association?",
                [
                    ("The Ministry of Justice", True, "The Ministry of Justice keeps the register."),
                    ("The mahalla committee", False, "A mahalla committee can help you, but it registers no one."),
                ],
                explanation="The Law on Public Associations names the Ministry of Justice.",
            ),
            question(
                "Which are ways to take part in making a law?",
                [
                    ("Public hearings", True, ""),
                    ("Written comments on the draft", True, ""),
                    ("Waiting until the law is adopted", False, "Once a law is adopted, it is much harder to change."),
                ],
                kind="multiple",
            ),
        ],
        pass_mark=70,
    )
    LessonPageFactory(
        parent=course,
        title="Taking part in public hearings",
        slug="taking-part-in-public-hearings",
        module="Session 2: being heard",
        summary="",
        body=[paragraph("<p>Ask for the agenda early and bring a one-page summary of your proposals.</p>")],
        quiz=[
            question(
                "A public hearing is announced before it takes place.",
                [("True", True, ""), ("False", False, "")],
                explanation="Announcing the hearing lets people prepare and take part.",
                kind="true_false",
            )
        ],
        pass_mark=100,
    )
    return course


@pytest.fixture
def lessons(course):
    return course.lessons()


@pytest.fixture
def translated(course, lessons):
    """The course in Tajik, every lesson of it, and in Russian, only its first module (lessons 1 and 2)."""
    for page in (course, *lessons):
        translate_page(page, "tg")
    for page in (course, *lessons[:2]):
        translate_page(page, "ru")


@pytest.fixture
def sino(db):
    return OrganisationFactory(name=SINO)


@pytest.fixture
def learner(sino):
    return UserFactory(email="amina@example.org", profile__organisation=sino, profile__region="khatlon")


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


class QuizForm(NamedTuple):
    """The quiz form of a lesson page as a learner's browser got it."""

    action: str  # /<language>/learn/lesson/<page id>/quiz/
    round: str  # the hidden field: the learner's attempts finished when the form was shown
    order: tuple  # (question id, choice id) in the order shown

    def post(self, client, answers, **kwargs):
        """Send the form with `answers` (from quiz_answers), as the browser would."""
        return client.post(self.action, {"round": self.round, **answers}, **kwargs)


def quiz_form(response):
    """The quiz form on a lesson page (the page must show one)."""
    html = response.content.decode()
    action = re.search(r'<form method="post" action="(/[a-z]{2}/learn/lesson/\d+/quiz/)" class="quiz__form">', html)
    assert action, "no quiz form on the page"
    round_ = re.search(r'<input type="hidden" name="round" value="(\d+)">', html)
    order = tuple(re.findall(r'name="q-([^"]+)" value="([^"]+)"', html))
    return QuizForm(action.group(1), round_.group(1), order)


def answer_quiz(client, lesson, right=True, **kwargs):
    """Open the lesson page and send its quiz form answered all right (or all wrong): the response."""
    return quiz_form(client.get(lesson.url)).post(client, quiz_answers(lesson, right=right), **kwargs)


def attempt_id(response):
    """The attempt a quiz submission was sent to (its result page)."""
    match = re.fullmatch(r"/[a-z]{2}/learn/attempt/(\d+)/", response["Location"])
    assert match, response["Location"]
    return int(match.group(1))


def lesson_in(language, lesson):
    return LessonPage.objects.get(translation_key=lesson.translation_key, locale__language_code=language)


def course_in(language, course):
    return CoursePage.objects.get(translation_key=course.translation_key, locale__language_code=language)


def finished_attempts(user):
    return QuizAttempt.objects.filter(learner=user, status=QuizAttempt.Status.FINISHED)
