"""Every page a reader can reach, in Tajik and in Russian, without a word of English interface (issue 10).

The walk visits one live page of every page type in the language, the routes outside the page tree
(search, accounts, certificates, the library's forms) anonymously, and every page of a signed-in
learner (a course enrolled, a quiz taken, a certificate earned) and of a library member. What a
reader sees is checked: the text, and the words in placeholders, titles, labels and button values.
Text marked with its own language (`lang="en"`, such as the language switcher's "English") is not
interface text in the reader's language, and is left out.
"""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page

from courses.models import Certificate, CoursePage, LessonPage, QuizAttempt, complete_lesson
from tests.mailbox import last_confirmation_link

pytestmark = pytest.mark.django_db

# Names that are the same in every language, and the technical words readers see as they are.
ALLOWED = {
    "Hamkori",  # the site's name in its Latin spelling, as its logo shows it
    "TACSO",  # the EU programme's own acronym
    "CAREC",
    "EFCA",  # Eurasia Foundation of Central Asia
    "COVID",
    "English",  # a language's own name for itself, as every language picker shows it
    "pdf", "doc", "docx", "xls", "xlsx", "ods", "odt", "ppt", "pptx", "csv", "txt",  # file types
    "jpg", "jpeg", "png", "json",
    "HMK",  # certificate codes
    "QR",  # QR code: the name readers know from their phones
}  # fmt: skip
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
SHOWN_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")


class VisibleText(HTMLParser):
    """The text a reader sees, without scripts, styles and whatever is marked as written in another language
    or as not to be translated (translate="no": codes and version stamps)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, language):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack = []  # (tag, hidden) for each open element
        self.parts = []

    @property
    def hidden(self):
        return any(hidden for _tag, hidden in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        own_language = attrs.get("lang") not in (None, "", self.language)
        hidden = tag in ("script", "style", "template") or own_language or attrs.get("translate") == "no"
        if not (self.hidden or hidden):
            self.parts.extend(attrs[name] for name in SHOWN_ATTRIBUTES if attrs.get(name))
            if tag == "input" and attrs.get("type") in ("submit", "button", "reset") and attrs.get("value"):
                self.parts.append(attrs["value"])
        if tag not in self.VOID:
            self.stack.append((tag, hidden))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def english_words(html, language):
    parser = VisibleText(language)
    parser.feed(html)
    text = " ".join(parser.parts)
    text = re.sub(r"\S+@\S+|https?://\S+|\b[\w.-]+\.(?:pdf|docx?|xlsx?|txt|csv|jpe?g|png)\b", " ", text, flags=re.I)
    text = re.sub(r"\b[A-Z0-9]+(?:-[A-Z0-9]+)+\b", " ", text)  # codes such as HMK-1A2B3-C4D5E
    return sorted({word for word in LATIN_WORD.findall(text) if word not in ALLOWED and word.lower() not in ALLOWED})


def one_page_of_each_type(language):
    pages = Page.objects.live().public().filter(locale__language_code=language, depth__gt=1).order_by("path")
    first = {}
    for content_type_id, page_id in pages.values_list("content_type_id", "id"):
        first.setdefault(content_type_id, page_id)
    types = ContentType.objects.in_bulk(list(first))
    return {types[ct].model: Page.objects.get(pk=pk).url for ct, pk in first.items()}


def learner_pages(client, language):
    """Sign up a learner by the public form, enrol, take a quiz, finish the course: the pages they see."""
    email = f"walker-{language}@example.org"
    password = "kuhhoi-pomir-2026-walk"
    signup = {
        "first_name": "Нигора",
        "last_name": "Раҳимова",
        "email": email,
        "password1": password,
        "password2": password,
        "preferred_language": language,
    }
    assert client.post(f"/{language}/accounts/signup/", signup).status_code == 302
    link = last_confirmation_link(email)
    pages = {"check your email": client.get(f"/{language}/accounts/signup/check-email/").content.decode()}
    pages["confirm your email"] = client.get(link).content.decode()
    assert client.post(link).status_code == 302
    learner = get_user_model().objects.get(username=email)
    course = CoursePage.objects.live().filter(locale__language_code=language).first()
    enrolled = client.post(f"/{language}/learn/course/{course.pk}/enrol/", follow=True)
    with_quiz = next(lesson for lesson in course.lessons() if lesson.has_quiz)
    lesson_html = client.get(with_quiz.url).content.decode()
    action = re.search(r'action="(/[a-z]{2}/learn/lesson/\d+/quiz/)"', lesson_html).group(1)
    answers = dict(reversed(re.findall(r'name="(q-[^"]+)" value="([^"]+)"', lesson_html)))  # the first choices
    answers["round"] = re.search(r'name="round" value="(\d+)"', lesson_html).group(1)
    client.post(action, answers)
    attempt = QuizAttempt.objects.filter(learner=learner, status=QuizAttempt.Status.FINISHED).latest("pk")
    english_course = course.get_translation(Locale.objects.get(language_code="en"))
    for lesson in LessonPage.objects.live().child_of(english_course):
        complete_lesson(learner, lesson)
    certificate = Certificate.objects.get(learner=learner)
    return {
        **pages,
        "after enrolling": enrolled.content.decode(),
        "lesson with its quiz": lesson_html,
        "quiz result": client.get(f"/{language}/learn/attempt/{attempt.pk}/").content.decode(),
        "my learning": client.get(f"/{language}/my-learning/").content.decode(),
        "certificate": client.get(f"/{language}/my-learning/certificates/{certificate.code}/").content.decode(),
        "certificate check": client.get(f"/{language}/certificates/verify/{certificate.code}/").content.decode(),
        "profile": client.get(f"/{language}/accounts/profile/").content.decode(),
        "delete account": client.get(f"/{language}/accounts/delete/").content.decode(),
        "wrong password": client.post(f"/{language}/accounts/delete/", {"password": "no"}).content.decode(),
    }


def member_pages(client, language):
    member = get_user_model().objects.get(username="sino.member@hamkori.local")
    client.force_login(member)
    return {
        "library as a member": client.get(f"/{language}/library/").content.decode(),
        "submission form": client.get(f"/{language}/library/submit/").content.decode(),
        "refused submission": client.post(f"/{language}/library/submit/", {"title": ""}).content.decode(),
        "my submissions": client.get(f"/{language}/library/my-submissions/").content.decode(),
    }


def anonymous_pages(client, language):
    pages = {name: client.get(url).content.decode() for name, url in one_page_of_each_type(language).items()}
    pages["search"] = client.get(f"/{language}/search/", {"q": "ҳамкорӣ" if language == "tg" else "сотрудничество"})
    pages["search"] = pages["search"].content.decode()
    pages["library search, nothing found"] = client.get(f"/{language}/library/", {"q": "жжжқққ"}).content.decode()
    pages["sign up"] = client.get(f"/{language}/accounts/signup/").content.decode()
    pages["sign up refused"] = client.post(f"/{language}/accounts/signup/", {"email": "x"}).content.decode()
    pages["log in"] = client.get(f"/{language}/accounts/login/").content.decode()
    pages["log in refused"] = client.post(
        f"/{language}/accounts/login/", {"username": "nobody@example.org", "password": "wrong"}
    ).content.decode()
    pages["password reset"] = client.get(f"/{language}/accounts/password-reset/").content.decode()
    pages["password reset sent"] = client.post(
        f"/{language}/accounts/password-reset/", {"email": "nobody@example.org"}, follow=True
    ).content.decode()
    pages["certificate not found"] = client.get(f"/{language}/certificates/verify/HMK-00000-00000/").content.decode()
    pages["page not found"] = client.get(f"/{language}/no-such-page/").content.decode()
    return pages


@pytest.mark.parametrize("language", ["tg", "ru"])
def test_no_english_interface_is_left_on_any_page(client, language):
    pages = anonymous_pages(client, language)
    assert {"homepage", "coursepage", "lessonpage", "resourcepage", "recommendationpage"} <= set(pages)
    pages.update(learner_pages(client, language))
    client.logout()
    pages.update(member_pages(client, language))
    left = {name: words for name, html in pages.items() if (words := english_words(html, language))}
    assert not left, "\n".join(f"{name}: {', '.join(words)}" for name, words in left.items())


def test_the_walk_sees_english_where_it_is():
    html = (
        '<p lang="en">English</p><p>Ҳамкорӣ <a title="Next page">→</a></p><script>var x = "hidden";</script>'
        '<input type="submit" value="Send"><input placeholder="Search"><p>learner1@hamkori.local HMK-12AB3-4CD56</p>'
    )
    assert english_words(html, "tg") == ["Next", "Search", "Send", "page"]
