"""Study packs: a session to take away as one light HTML file and a PDF, rebuilt when an editor publishes."""

import io
import re
import uuid
from html.parser import HTMLParser

import pytest
import zxingcpp
from django.core.management import call_command
from django.db import connection
from django.template.defaultfilters import filesizeformat
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader
from wagtail.models import Page

from programme.models import StudyPack
from tests.factories import (
    PASSWORD,
    CoursePageFactory,
    LessonPageFactory,
    ResourcePageFactory,
    TrainingSessionPageFactory,
    UserFactory,
    list_items,
    section,
    translate,
)

pytestmark = pytest.mark.django_db

HTML_BUDGET = 150 * 1024
TAJIK_LETTERS = set("ҷғӯҳқӣ")

# A demo-sized session in Tajik: the text of the demo course's first session (demo/content/courses.toml).
PARAGRAPHS_TG = [
    "ТҶШ танҳо он вақт метавонад бо ҳукумат кор кунад, ки худаш заминаи устувори ҳуқуқӣ дошта бошад. Дар "
    "Тоҷикистон қоидаҳои бақайдгирӣ ва бозбақайдгирии ТҶШ нав шудаанд ва ҳар ташкилот бояд донад, ки "
    "имрӯз кадом таҳрири қонун нисбат ба он татбиқ мешавад.",
    "Аз се савол оғоз кунед. Оё бақайдгирии мо тибқи қонуни навшуда эътибор дорад? Оё оинномаи мо ва "
    "фаъолияти воқеии мо мувофиқанд? Кадом ҳисоботҳоро ба кӣ ва то кай бояд фиристем? Нусхаи матни "
    "амалкунандаи қонун ва ҳуҷҷатҳои бақайдгириро дар ҷое нигоҳ доред, ки чанд корманд ба он дастрасӣ доранд.",
    "Қонунҳои махсус нақши ТҶШ-ро дар ҳаёти ҷамъиятӣ муайян мекунанд: онҳо чӣ кор карда метавонанд, чӣ тавр "
    "ба қайд гирифта мешаванд, чӣ тавр ҳисобот медиҳанд ва чӣ тавр дар қабули қарорҳои ҷамъиятӣ ширкат "
    "мекунанд. Донистани ин қонунҳо ба шумо имкон медиҳад, ки бо мансабдорон бо эътимод сухан гӯед.",
    "ТҶШ инчунин ба маҳдудиятҳо дучор мешаванд. Маҳдудиятҳои расмӣ навишта шудаанд: қоидаҳои бақайдгирӣ, "
    "ӯҳдадориҳои ҳисобот, иҷозатҳое, ки барои баъзе фаъолиятҳо лозиманд. Маҳдудиятҳои ғайрирасмӣ дар ҳеҷ ҷо "
    "навишта нашудаанд: эҳтиёткории мансабдор, урфу одатҳои маҳаллӣ ё одати бе пурсиши мардум қарор қабул кардан.",
]
TAKEAWAYS_TG = [
    "Донед, ки кадом таҳрири қонуни бақайдгирӣ нисбат ба ташкилоти шумо татбиқ мешавад.",
    "Оинномаи шумо ва фаъолияти воқеии шумо бояд мувофиқ бошанд.",
    "Қонун, ҳуҷҷатҳо ва мӯҳлатҳои ҳисоботро дар ҷое нигоҳ доред, ки чанд корманд ёфта тавонанд.",
]
RIGHT = "Оё бақайдгирии он тибқи қонуни навшуда эътибор дорад"
QUIZ_TG = [
    ("single", "ТҶШ ҳангоми навшавии қонуни бақайдгирӣ аввал чиро бояд санҷад?", [
        (RIGHT, True), ("Оё ТҶШ-и дигар логотипи худро иваз кардаанд", False),
        ("Ҳеҷ чиз: бақайдгирии кӯҳна ҳамеша эътибор дорад", False)]),
    ("multiple", "Кадоме аз инҳо маҳдудиятҳои ғайрирасмӣ мебошанд?", [
        ("Эҳтиёткории мансабдор", True), ("Урфу одатҳои маҳаллӣ", True), ("Ӯҳдадориҳои ҳисобот тибқи қонун", False)]),
    ("true_false", "Донистани қонунҳо кӯмак мекунад, ки ба мансабдорон нишон диҳед, ки талаби шумо иҷозат аст.", [
        ("Дуруст", True), ("Нодуруст", False)]),
    ("single", "Матни қонун ва ҳуҷҷатҳои бақайдгириро дар куҷо нигоҳ доштан лозим аст?", [
        ("Дар ҷое, ки чанд корманд дастрасӣ доранд", True), ("Танҳо дар телефони шахсии директор", False)]),
]  # fmt: skip


FEEDBACK = "Ин дуруст нест."


def rich(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def tajik_body(resource=None):
    link = f' <a linktype="page" id="{resource.pk}">{resource.title}</a>.' if resource else ""
    return [
        {"type": "heading", "value": {"text": "Қонун ва бақайдгирӣ", "level": "h2"}, "id": str(uuid.uuid4())},
        {"type": "paragraph", "value": rich(*PARAGRAPHS_TG[:2]), "id": str(uuid.uuid4())},
        {"type": "paragraph", "value": rich(PARAGRAPHS_TG[2] + link, PARAGRAPHS_TG[3]), "id": str(uuid.uuid4())},
        {
            "type": "callout",
            "value": {"title": "Маслиҳати амалӣ", "text": rich("Аз мақомоти бақайдгирӣ дастури хаттӣ пурсед.")},
            "id": str(uuid.uuid4()),
        },
        {"type": "key_takeaways", "value": {"items": list_items(TAKEAWAYS_TG)}, "id": str(uuid.uuid4())},
        {
            "type": "video",
            "value": {
                "title": "Шунавиҳои ҷамъиятӣ чӣ тавр мегузаранд",
                "url": "https://video.example.org/watch?v=hearing",
                "thumbnail": None,
                "duration": "6 дақ",
                "transcript": rich(PARAGRAPHS_TG[1]),
            },
            "id": str(uuid.uuid4()),
        },
    ]


def tajik_quiz():
    return [
        {
            "type": "question",
            "id": str(uuid.uuid4()),
            "value": {
                "text": text,
                "kind": kind,
                "choices": list_items([{"text": t, "is_correct": c, "feedback": FEEDBACK} for t, c in choices]),
                "explanation": "Саволи якуми дарс ҳамин буд.",
            },
        }
        for kind, text, choices in QUIZ_TG
    ]


@pytest.fixture
def session_in_tajik(django_capture_on_commit_callbacks):
    """Session 1 in English and Tajik, two Tajik lessons that teach it, and two library resources."""
    with django_capture_on_commit_callbacks(execute=True):
        public = ResourcePageFactory(title="A guide to the law on public associations")
        members = ResourcePageFactory(title="Registration checklist for CSOs", access="members")
        public_tg = translate(public, "tg", title="Дастур оид ба қонуни иттиҳодияҳои ҷамъиятӣ")
        translate(members, "tg", title="Рӯйхати санҷиши бақайдгирии ТҶШ")
        session = TrainingSessionPageFactory(
            number=1,
            title="Laws that govern CSOs",
            learn_more=[{"type": "page", "value": public.pk, "id": str(uuid.uuid4())}],
        )
        session_tg = translate(
            session,
            "tg",
            title="Қонунҳое, ки фаъолияти ТҶШ-ро танзим мекунанд",
            summary="Қонунҳое, ки фаъолияти ТҶШ-ро танзим мекунанд, ва маҳдудиятҳое, ки онҳо дучор мешаванд.",
            topics=[{"type": "item", "value": "Қонуни иттиҳодияҳои ҷамъиятӣ", "id": str(uuid.uuid4())}],
            objectives=[{"type": "item", "value": "қонуни амалкунандаро ёфтан", "id": str(uuid.uuid4())}],
        )
        course = CoursePageFactory(title="Working with government")
        course_tg = translate(course, "tg", title="Ҳамкорӣ бо ҳукумат")
        lessons = []
        for number, title in enumerate(["Бақайдгирӣ ва заминаи ҳуқуқӣ", "Нақши ТҶШ ва маҳдудиятҳо"], start=1):
            lesson = LessonPageFactory(parent=course, session_number=1, title=f"Lesson {number}")
            lessons.append(
                translate(
                    lesson,
                    "tg",
                    title=title,
                    module="Ҷаласаи 1: Қонунҳо",
                    summary="Қонуни бақайдгирӣ барои ташкилоти шумо чӣ маъно дорад.",
                    body=tajik_body(resource=members if number == 2 else None),
                    quiz=tajik_quiz(),
                )
            )
    return {
        "session": session_tg,
        "english": session,
        "course": course_tg,
        "lessons": lessons,
        "public": public_tg,
        "members": members,
    }


def download(client, session, extension="html"):
    response = client.get(reverse(f"programme:study_pack_{extension}", args=[session.pk]))
    assert response.status_code == 200, response.status_code
    return response, b"".join(response.streaming_content)


class Requests(HTMLParser):
    """Every address the file would load or link to, and every element that would run code."""

    def __init__(self):
        super().__init__()
        self.addresses, self.scripts = [], []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "link"):
            self.scripts.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "srcset", "action", "data", "poster", "xlink:href") and value:
                self.addresses.append(value)
            if name.startswith("on"):
                self.scripts.append(name)


def test_the_tajik_pack_holds_the_session_lessons_quiz_and_library_and_nothing_from_elsewhere(client, session_in_tajik):
    session = session_in_tajik["session"]
    response, data = download(client, session)
    assert response["Content-Disposition"] == 'attachment; filename="hamkori-session-1-tg.html"'
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    html = data.decode()
    assert len(data) < HTML_BUDGET
    assert '<html lang="tg">' in html
    # The session, both lessons with their text, the quiz, and the library resources by title and address.
    assert session.title in html and "Қонуни иттиҳодияҳои ҷамъиятӣ" in html
    for lesson in session_in_tajik["lessons"]:
        assert lesson.title in html
    assert "Маслиҳати амалӣ" in html and TAKEAWAYS_TG[0] in html
    assert html.count(QUIZ_TG[0][1]) == 2  # the question, in each lesson's quiz
    assert session_in_tajik["public"].title in html
    assert "Рӯйхати санҷиши бақайдгирии ТҶШ" in html  # a members-only resource: its title, never its file
    assert "testserver/tg/library/" in html and "<svg" in html  # short addresses and their QR codes
    assert "video.example.org/watch?v=hearing" in html  # another site's address, as text to type
    # Nothing is fetched from any host, nothing runs.
    parser = Requests()
    parser.feed(html)
    assert parser.scripts == []
    assert all(address.startswith("#") for address in parser.addresses), parser.addresses
    assert not re.search(r"url\(|@import|https?://|//[a-z]", re.sub(r"<p class=\"address\">[^<]*</p>", "", html))
    assert "/documents/" not in html and "<img" not in html


def test_the_pack_shows_no_answer(client, session_in_tajik):
    _response, data = download(client, session_in_tajik["session"])
    html = data.decode()
    choices = re.findall(r'<ul class="choices">(.*?)</ul>', html, re.S)
    assert len(choices) == 8
    # The right answer is marked up exactly like the wrong ones, and no feedback or explanation is there.
    assert f"<li>{RIGHT}</li>" in choices[0]
    assert all(item.startswith("<li>") for block in choices for item in re.findall(r"<li[^>]*>", block))
    for marker in ("is_correct", "correct", "✓", "✔", FEEDBACK, "Саволи якуми дарс", "checked"):
        assert marker not in html, marker


def test_the_version_stamp_changes_when_the_session_is_republished(
    client, session_in_tajik, django_capture_on_commit_callbacks
):
    session = session_in_tajik["session"]
    _response, before = download(client, session)
    first = StudyPack.objects.get(session=session).version
    assert first.encode() in before
    with django_capture_on_commit_callbacks(execute=True):
        session.save_revision().publish()
    pack = StudyPack.objects.get(session=session)
    assert pack.version != first
    _response, after = download(client, session)
    assert pack.version.encode() in after and first.encode() not in after


def test_a_lesson_published_later_is_in_the_pack_at_once(client, session_in_tajik, django_capture_on_commit_callbacks):
    session = session_in_tajik["session"]
    lesson = session_in_tajik["lessons"][0]
    with django_capture_on_commit_callbacks(execute=True):
        lesson.title = "Бақайдгирӣ: матни нав"
        lesson.save_revision().publish()
    _response, data = download(client, session)
    assert "Бақайдгирӣ: матни нав" in data.decode()
    with django_capture_on_commit_callbacks(execute=True):
        lesson.unpublish()
    _response, data = download(client, session)
    assert "Бақайдгирӣ: матни нав" not in data.decode()


def test_the_pack_is_never_built_on_a_readers_request(client, session_in_tajik, django_assert_max_num_queries):
    session = session_in_tajik["session"]
    StudyPack.objects.filter(session=session).delete()
    assert client.get(reverse("programme:study_pack_html", args=[session.pk])).status_code == 404
    assert "study-packs" not in client.get(session.url).content.decode()
    assert not StudyPack.objects.filter(session=session).exists()
    call_command("build_study_packs", verbosity=0)
    assert StudyPack.objects.filter(session=session).exists()


def test_session_and_course_pages_offer_the_pack_with_its_size(client, session_in_tajik):
    session = session_in_tajik["session"]
    pack = StudyPack.objects.get(session=session)
    html_link = f"/tg/study-packs/{session.pk}.html"
    for page in (session, session_in_tajik["course"]):
        content = client.get(page.url).content.decode()
        assert f'href="{html_link}"' in content, page
        with translation.override("tg"):
            size = filesizeformat(pack.html_size)  # "21,8 КБ"
        assert f"({size})" in content and "КБ" in size, page
    english = client.get(session_in_tajik["english"].url).content.decode()
    assert f"/study-packs/{session.pk}.html" not in english  # each language its own pack


def test_an_unpublished_session_has_no_pack(client, session_in_tajik, django_capture_on_commit_callbacks):
    session = session_in_tajik["session"]
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=session.pk).specific.unpublish()
    assert not StudyPack.objects.filter(session=session).exists()
    assert client.get(reverse("programme:study_pack_html", args=[session.pk])).status_code == 404


def test_the_answer_sheet_is_for_staff_only(client, session_in_tajik):
    session = session_in_tajik["session"]
    url = f"/tg/study-packs/{session.pk}/answers/"
    learner = UserFactory()
    client.login(username=learner.username, password=PASSWORD)
    assert client.get(url).status_code == 404
    assert url not in client.get(session.url).content.decode()
    trainer = UserFactory(groups=["Trainers"])
    client.login(username=trainer.username, password=PASSWORD)
    response = client.get(url)
    assert response.status_code == 200
    assert RIGHT in response.content.decode() and "✓" in response.content.decode()
    assert url in client.get(session.url).content.decode()
    client.logout()
    assert client.get(url).status_code == 302  # to the sign-in page


def test_every_session_of_a_fresh_site_gets_its_packs_from_the_command(django_capture_on_commit_callbacks):
    session = TrainingSessionPageFactory(parent=section("training"))
    StudyPack.objects.all().delete()
    call_command("build_study_packs", verbosity=0)
    assert StudyPack.objects.filter(session=session).exists()


def test_the_tajik_pdf_prints_tajik_text_the_quiz_without_answers_and_working_qr_codes(client, session_in_tajik):
    session = session_in_tajik["session"]
    response, data = download(client, session, "pdf")
    assert response["Content-Disposition"] == 'attachment; filename="hamkori-session-1-tg.pdf"'
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    assert TAJIK_LETTERS <= set(text)
    assert session.title in flat and PARAGRAPHS_TG[0][:60] in flat
    assert "Маҷмӯаи маводҳо" in flat and StudyPack.objects.get(session=session).version in flat
    assert QUIZ_TG[1][1] in flat and RIGHT in flat
    for marker in ("✓", FEEDBACK, "Саволи якуми дарс"):
        assert marker not in flat
    images = [image.image for page in reader.pages for image in page.images]
    codes = [result.text for image in images for result in zxingcpp.read_barcodes(image)]
    resource = session_in_tajik["public"]
    assert f"http://testserver{resource.url}" in codes
    assert f"http://testserver{session.url}" in codes


def test_a_session_page_shows_its_pack_once_built_then_without_looking_it_up(client, session_in_tajik):
    session = session_in_tajik["session"]
    client.force_login(UserFactory())  # signed in: no page cache, the page is built every time
    StudyPack.objects.filter(session=session).delete()
    assert "study-packs" not in client.get(session.url).content.decode()

    call_command("build_study_packs", verbosity=0)
    assert f"/tg/study-packs/{session.pk}.html" in client.get(session.url).content.decode()
    with CaptureQueriesContext(connection) as queries:
        assert f"/tg/study-packs/{session.pk}.html" in client.get(session.url).content.decode()
    assert not [query for query in queries.captured_queries if "programme_studypack" in query["sql"]]
