"""Study packs: a training session to take away, as one light HTML file and one PDF per language.

A pack holds the session page, the course lessons that teach the session (``session_number`` on a
lesson page, or a lesson chosen under "learn more"), a printable quiz without its answers, the
titles, addresses and QR codes of the library resources they link to, and a version stamp. The
answer sheet is a separate page for staff, never part of the files.

When it is built: after an editor's publish (or unpublish) commits, for every pack that holds the
page, links to it, or should now hold it (``schedule_for_page``); by ``build_study_packs``; and by
``setup_site``. Never while a reader waits: readers only download the stored files
(``programme.views``). A pack whose content is unchanged is not rebuilt; one that cannot be built
is removed, so a stale pack is never offered.

This module knows the courses and library apps only by page-type strings and by what their pages
hold (Wagtail's reference index, ``session_number``, ``quiz``, ``body``): no imports from them.
"""

import hashlib
import logging
import re
import threading
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

import segno
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from fpdf.fonts import TextStyle
from wagtail.models import Page, PagePermissionTester, ReferenceIndex

from home import page_cache
from home.addresses import public_url
from home.languages import nearest_languages
from home.pdf import FONT_FAMILY, add_qr_code, new_document

from .models import StudyPack, TrainingSessionPage

logger = logging.getLogger(__name__)
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)  # one INFO line per table it subsets

LESSON_TYPE = ("courses", "lessonpage")
RESOURCE_TYPE = ("library", "resourcepage")
# Bump when the layout of the files changes, so every pack is rebuilt once.
LAYOUT_VERSION = "1"
HTML_BUDGET = 150 * 1024


# --- Turning page content into plain, self-contained HTML ------------------------------------


DROP = "drop"  # the element and everything in it
UNWRAP = None  # the element goes, its text stays
VOID = {"br", "img", "source", "input", "meta", "link", "hr", "wbr", "area", "embed", "param", "track", "col"}
DROPPED = {
    "script", "style", "img", "picture", "source", "svg", "iframe", "object", "embed", "video", "audio",
    "form", "input", "button", "select", "textarea", "noscript", "template", "canvas", "map", "link", "meta",
}  # fmt: skip

# Lesson headings sit under the lesson's own heading (h3) in the pack.
HTML_TAGS = {
    "p": "p", "br": "br", "h1": "h4", "h2": "h4", "h3": "h5", "h4": "h6", "h5": "h6", "h6": "h6",
    "ul": "ul", "ol": "ol", "li": "li", "strong": "strong", "b": "strong", "em": "em", "i": "em",
    "blockquote": "blockquote", "figure": "div", "figcaption": "p", "aside": "div", "section": "div",
    "div": UNWRAP, "span": UNWRAP, "details": UNWRAP, "summary": "p", "sup": "sup", "sub": "sub",
}  # fmt: skip
KEPT_CLASSES = {"callout", "callout__title", "takeaways", "quote", "note"}
# What fpdf2's write_html lays out well (from the clean HTML above).
PDF_TAGS = {
    "p": "p", "br": "br", "h4": "h4", "h5": "h5", "h6": "h6", "ul": "ul", "ol": "ol", "li": "li",
    "strong": "b", "em": "i", "blockquote": "blockquote", "sup": "sup", "sub": "sub",
}  # fmt: skip


class _Cleaner(HTMLParser):
    """Keeps the text and simple structure of rendered blocks; links become text (with the address of
    another website in brackets), pictures and anything that would load from elsewhere go."""

    def __init__(self, tags, classes):
        super().__init__(convert_charrefs=True)
        self.tags = tags
        self.classes = classes
        self.out = []
        self.stack = []  # (output tag or None, dropping)
        self.dropping = 0
        self.link = None  # (href, text so far) while inside <a>

    def handle_starttag(self, tag, attrs):
        if tag in DROPPED:
            if tag not in VOID:
                self.dropping += 1
                self.stack.append((tag, True))
            return
        if self.dropping:
            if tag not in VOID:
                self.stack.append((tag, False))
            return
        if tag == "a":
            self.link = [dict(attrs).get("href") or "", ""]
            self.stack.append(("a", False))
            return
        mapped = self.tags.get(tag, UNWRAP)
        classes = " ".join(c for c in (dict(attrs).get("class") or "").split() if c in self.classes)
        if mapped:
            self.out.append(f'<{mapped} class="{classes}">' if classes else f"<{mapped}>")
        if tag not in VOID:
            self.stack.append((mapped, False))

    def handle_endtag(self, tag):
        if tag in VOID or not self.stack:
            return
        # Close up to the matching element (tolerates unclosed <p> and <li>).
        while self.stack:
            mapped, dropping = self.stack.pop()
            if dropping:
                self.dropping -= 1
            elif mapped == "a" and self.link is not None:
                self._end_link()
            elif mapped and not self.dropping:
                self.out.append(f"</{mapped}>")
            if mapped == tag or dropping or mapped == self.tags.get(tag, UNWRAP):
                break

    def _end_link(self):
        href, text = self.link
        self.link = None
        address = external_address(href)
        if address and address not in text:
            self.out.append(f" ({escape(address)})")

    def handle_data(self, data):
        if self.dropping:
            return
        if self.link is not None:
            self.link[1] += data
        self.out.append(escape(data, quote=False))

    def result(self):
        while self.stack:
            self.handle_endtag(self.stack[-1][0] or "div")
        return "".join(self.out)


def clean_html(html, tags=None):
    cleaner = _Cleaner(HTML_TAGS, KEPT_CLASSES) if tags is None else _Cleaner(tags, set())
    cleaner.feed(html)
    cleaner.close()
    return cleaner.result().strip()


def external_address(href):
    """'example.org/path' for a link to another website; '' for this site's pages, files and anything else."""
    parts = urlsplit(href or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    if parts.netloc == urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc:
        return ""
    return short_address(href)


def short_address(url):
    """An address as a person would type it: no scheme, no 'www.', no trailing slash."""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    path = parts.path.rstrip("/")
    return host + path + (f"?{parts.query}" if parts.query else "")


def site_address(page):
    """The full public address of a page, on the site's public base address (BASE_URL)."""
    _site_id, _root, path = page.get_url_parts() or (None, None, page.url_path)
    return public_url(path)


def qr_svg(url, title):
    """A QR code as inline SVG: drawn by the file itself, nothing is fetched."""
    return segno.make(url, error="m", micro=False).svg_inline(scale=2, border=4, svgclass="qr", title=title)


# --- What a pack holds ------------------------------------------------------------------------


@dataclass
class Question:
    text: str
    multiple: bool
    choices: list  # [(text, is_correct)]
    explanation: str = ""

    @property
    def choice_texts(self):
        return [text for text, _is_correct in self.choices]


@dataclass
class Lesson:
    page: Page
    course: Page
    language: str
    blocks: list = field(default_factory=list)  # clean HTML, one item per block
    questions: list = field(default_factory=list)


@dataclass
class Resource:
    page: Page
    language: str
    address: str
    url: str
    members_only: bool


@dataclass
class PackContent:
    session: TrainingSessionPage
    language: str
    lessons: list
    resources: list
    pages: list  # every page the pack shows (the session, the lessons, their courses, the resources)
    version: str = ""
    published: object = None

    @property
    def quiz_lessons(self):
        return [lesson for lesson in self.lessons if lesson.questions]


def _type_of(page):
    content_type = ContentType.objects.get_for_id(page.content_type_id)
    return (content_type.app_label, content_type.model)


def _lesson_model():
    try:
        return apps.get_model(*LESSON_TYPE)
    except LookupError:  # a site without courses: packs hold the session and its links only
        return None


def _nearest(pages, language):
    """Of a page's translations (one translation key), the one in the reader's language, else the nearest."""
    by_language = {page.locale.language_code: page for page in pages}
    return next((by_language[code] for code in nearest_languages(language) if code in by_language), None)


def session_lessons(session, language):
    """The live, public lessons that teach this session, each in the nearest language to the pack's."""
    lesson_model = _lesson_model()
    if lesson_model is None:
        return []
    chosen_keys = []
    for page in session.learn_more_pages():
        if _type_of(page) == LESSON_TYPE:
            chosen_keys.append(page.translation_key)
    lessons = (
        lesson_model.objects.live()
        .public()
        .filter(Q(session_number=session.number) | Q(translation_key__in=chosen_keys))
        .select_related("locale")
        .order_by("path")
    )
    by_key = {}
    for lesson in lessons:
        by_key.setdefault(lesson.translation_key, []).append(lesson)
    chosen = [_nearest(pages, language) for pages in by_key.values()]
    return sorted(chosen, key=lambda page: page.path)


def _questions(lesson):
    questions = []
    for child in getattr(lesson, "quiz", []) or []:
        if child.block_type != "question":
            continue
        value = child.value
        choices = [(choice["text"], bool(choice["is_correct"])) for choice in value["choices"]]
        questions.append(
            Question(
                text=value["text"],
                multiple=value["kind"] == "multiple",
                choices=choices,
                explanation=value.get("explanation") or "",
            )
        )
    return questions


def _block_html(block):
    """One lesson block as clean HTML: pictures left out, files and videos named, links as text."""
    if block.block_type == "image":
        caption = block.value.get("caption") if hasattr(block.value, "get") else ""
        return f'<p class="note">{escape(_("Picture left out"))}{": " + escape(caption) if caption else ""}</p>'
    if block.block_type == "document":
        document = block.value.get("document")
        description = block.value.get("description") or ""
        title = escape(document.title) if document else ""
        text = f"<p><strong>{escape(_('Document'))}:</strong> {title}"
        return text + (f"<br>{escape(description)}</p>" if description else "</p>")
    if block.block_type == "video":
        value = block.value
        duration = f" ({escape(value['duration'])})" if value.get("duration") else ""
        html = f"<p><strong>{escape(_('Video'))}:</strong> {escape(value['title'])}{duration}"
        html += f"<br>{escape(short_address(value['url']))}</p>" if value.get("url") else "</p>"
        html += f"<p><strong>{escape(_('Transcript'))}</strong></p>"
        return html + clean_html(str(value["transcript"]))
    return clean_html(block.render())


def _resources(session, lessons, language):
    """Library resources the session and its lessons link to, in order, each in the nearest language."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = [page.pk for page in session.learn_more_pages()]
    for source in [session, *lessons]:
        references = ReferenceIndex.get_references_for_object(source).filter(to_content_type=page_type)
        ids += [int(ref.to_object_id) for ref in references.order_by("id") if ref.to_object_id.isdigit()]
    linked = {
        page.pk: page
        for page in Page.objects.filter(pk__in=ids).select_related("content_type")
        if (page.content_type.app_label, page.content_type.model) == RESOURCE_TYPE
    }
    keys = []
    for pk in ids:
        if pk in linked and linked[pk].translation_key not in keys:
            keys.append(linked[pk].translation_key)
    translations = {}
    for page in Page.objects.live().public().filter(translation_key__in=keys).select_related("locale").specific():
        translations.setdefault(page.translation_key, []).append(page)
    resources = []
    for key in keys:
        page = _nearest(translations.get(key, []), language)
        if page is None:
            continue
        url = site_address(page)
        resources.append(
            Resource(
                page=page,
                language=page.locale.language_code,
                address=short_address(url),
                url=url,
                members_only=getattr(page, "access", "") == "members",
            )
        )
    return resources


def gather(session):
    """Everything a pack of this session shows, read from the live pages (in the session's language)."""
    language = session.locale.language_code
    with translation.override(language):
        lesson_pages = session_lessons(session, language)
        parent_paths = {page.path[: -Page.steplen] for page in lesson_pages}
        courses = {page.path: page for page in Page.objects.filter(path__in=parent_paths)}
        lessons = []
        for page in lesson_pages:
            lesson = Lesson(page=page, course=courses[page.path[: -Page.steplen]], language=page.locale.language_code)
            with translation.override(lesson.language):
                lesson.blocks = [_block_html(block) for block in page.body]
            lesson.questions = _questions(page)
            lessons.append(lesson)
        resources = _resources(session, lesson_pages, language)
    pages = [session, *lesson_pages, *courses.values(), *(resource.page for resource in resources)]
    content = PackContent(session=session, language=language, lessons=lessons, resources=resources, pages=pages)
    revisions = sorted((page.pk, page.live_revision_id, page.title) for page in pages)
    digest = hashlib.sha256(repr((LAYOUT_VERSION, language, revisions)).encode()).hexdigest()
    content.version = f"{int(digest[:15], 16) % 10**8:08d}"  # digits: the same in every language
    content.published = max((page.last_published_at for page in pages if page.last_published_at), default=None)
    return content


def version_stamp(content):
    published = timezone.localtime(content.published).strftime("%Y-%m-%d") if content.published else ""
    return f"{published} · {content.version}".strip(" ·")


# --- The files --------------------------------------------------------------------------------


def render_html(content):
    with translation.override(content.language):
        session_url = site_address(content.session)
        html = render_to_string(
            "programme/study_pack.html",
            {
                "content": content,
                "session": content.session,
                "stamp": version_stamp(content),
                "session_address": short_address(session_url),
                "session_qr": qr_svg(session_url, short_address(session_url)),
                "resources": [(resource, qr_svg(resource.url, resource.address)) for resource in content.resources],
            },
        )
    return re.sub(r"\n\s*\n+", "\n", html)


def can_see_answers(user, session):
    """Staff who may see the answers: the permission (given to trainers), or the right to edit the session."""
    if not user.is_authenticated:
        return False
    if user.has_perm("programme.view_answer_sheet"):
        return True
    return PagePermissionTester(user, session).can_edit()


PDF_MARGIN = 18
GREY = 90
GREEN = (11, 110, 79)


class _PackPdf:
    """Writes a pack's content into an A4 PDF with the bundled font (home.pdf): the same content as the HTML."""

    def __init__(self, content):
        self.content = content
        self.stamp = version_stamp(content)
        label = _("Session %(number)s") % {"number": content.session.number}
        self.pdf = pdf = new_document(
            title=f"{label}: {content.session.title}", lang=content.language, created=content.published
        )
        pdf.set_subject(f"{_('Study pack')} · {_('Version')} {self.stamp}")
        pdf.set_margins(PDF_MARGIN, 16, PDF_MARGIN)
        pdf.set_auto_page_break(True, margin=18)
        pdf.footer = self.footer
        self.styles = {
            "h4": TextStyle(font_family=FONT_FAMILY, font_style="B", font_size_pt=11.5, color=30, t_margin=3),
            "h5": TextStyle(font_family=FONT_FAMILY, font_style="B", font_size_pt=11, color=30, t_margin=2),
            "h6": TextStyle(font_family=FONT_FAMILY, font_style="B", font_size_pt=10.5, color=30, t_margin=2),
            "blockquote": TextStyle(font_family=FONT_FAMILY, color=(110, 75, 0), l_margin=6, t_margin=2, b_margin=2),
            "p": TextStyle(font_family=FONT_FAMILY, font_size_pt=10.5, t_margin=1.5),
            "li": TextStyle(font_family=FONT_FAMILY, font_size_pt=10.5, l_margin=5, t_margin=1),
        }

    def footer(self):
        pdf = self.pdf
        pdf.set_y(-12)
        pdf.set_font(FONT_FAMILY, "", 8)
        pdf.set_text_color(GREY)
        pdf.cell(0, 5, f"Hamkori · {_('Study pack')} · {_('Version')} {self.stamp}", align="L")
        pdf.set_x(PDF_MARGIN)
        pdf.cell(0, 5, str(pdf.page_no()), align="R")
        pdf.set_text_color(0)

    def text(self, text, size=10.5, style="", color=0, height=None, after=1.5):
        pdf = self.pdf
        pdf.set_font(FONT_FAMILY, style, size)
        pdf.set_text_color(color)
        pdf.multi_cell(0, height or size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)
        pdf.ln(after)

    def heading(self, text, size=15):
        pdf = self.pdf
        if pdf.get_y() > pdf.h - 50:
            pdf.add_page()
        pdf.ln(3)
        pdf.set_draw_color(*GREEN)
        pdf.set_line_width(0.8)
        pdf.line(PDF_MARGIN, pdf.get_y(), pdf.w - PDF_MARGIN, pdf.get_y())
        pdf.ln(2)
        self.text(text, size=size, style="B", after=1)

    def bullets(self, items):
        pdf = self.pdf
        for item in items:
            pdf.set_font(FONT_FAMILY, "", 10.5)
            pdf.set_x(PDF_MARGIN + 2)
            pdf.cell(4, 5.25, "•")
            pdf.set_left_margin(PDF_MARGIN + 6)
            self.text(item, after=0.5)
            pdf.set_left_margin(PDF_MARGIN)

    def html(self, html):
        self.pdf.set_font(FONT_FAMILY, "", 10.5)
        html = html.replace("<p>", '<p line-height="1.25">')
        self.pdf.write_html(
            html,
            font_family=FONT_FAMILY,
            tag_styles=self.styles,
            li_prefix_color=GREEN,
            ul_bullet_char="•",
            warn_on_tags_not_matching=False,
        )

    def build(self):
        content, pdf, session = self.content, self.pdf, self.content.session
        pdf.add_page()
        self.text(f"Hamkori · {_('Study pack')} · {_('Version')} {self.stamp}", size=8.5, color=GREY)
        self.text(_("Session %(number)s") % {"number": session.number}, size=11, style="B", color=GREEN, after=0.5)
        self.text(session.title, size=19, style="B", after=2)
        self.text(session.summary, size=12)
        days = ngettext("Duration: %(days)s day", "Duration: %(days)s days", session.duration_days)
        self.text(days % {"days": session.duration_days}, size=9.5, color=GREY)
        self.heading(_("About the session"))
        if session.topics:
            self.text(_("Topics"), size=12, style="B")
            self.bullets([block.value for block in session.topics])
        if session.objectives:
            self.text(_("Learning objectives"), size=12, style="B")
            self.text(_("After this session you will be able to:"))
            self.bullets([block.value for block in session.objectives])
        if content.lessons:
            self.heading(_("Lessons"))
            for lesson in content.lessons:
                self.lesson(lesson)
        if content.quiz_lessons:
            self.quiz()
        if content.resources:
            self.library()
        self.closing()
        return bytes(pdf.output())

    def lesson(self, lesson):
        pdf = self.pdf
        if pdf.get_y() > pdf.h - 60:
            pdf.add_page()
        pdf.ln(2)
        module = f" · {lesson.page.module}" if lesson.page.module else ""
        self.text(f"{lesson.course.title}{module}", size=9, color=GREY, after=0.5)
        self.text(lesson.page.title, size=13.5, style="B", after=1)
        if lesson.page.summary:
            self.text(lesson.page.summary, size=11)
        for block in lesson.blocks:
            self.html(clean_html(block, PDF_TAGS))

    def quiz(self):
        pdf = self.pdf
        pdf.add_page()
        self.heading(_("Quiz"))
        self.text(_("Answer on paper: tick the box next to your answer. Your trainer has the answer sheet."))
        pdf.ln(2)
        width = (pdf.w - 2 * PDF_MARGIN - 10) / 3
        y = pdf.get_y() + 8
        for column, label in enumerate([_("Your name"), _("Organisation"), _("Date")]):
            x = PDF_MARGIN + column * (width + 5)
            pdf.set_draw_color(0)
            pdf.set_line_width(0.3)
            pdf.line(x, y, x + width, y)
            pdf.set_xy(x, y + 0.5)
            pdf.set_font(FONT_FAMILY, "", 8.5)
            pdf.set_text_color(GREY)
            pdf.cell(width, 4, label)
        pdf.set_text_color(0)
        pdf.set_xy(PDF_MARGIN, y + 8)
        for lesson in self.content.quiz_lessons:
            self.text(lesson.page.title, size=12.5, style="B", after=1)
            for number, question in enumerate(lesson.questions, start=1):
                self.question(number, question)

    def question(self, number, question):
        pdf = self.pdf
        if pdf.get_y() > pdf.h - 25 - 7 * len(question.choices):
            pdf.add_page()
        hint = _("tick all that apply") if question.multiple else _("tick one")
        self.text(f"{number}. {question.text} ({hint})", style="", after=0.5)
        for text in question.choice_texts:
            y = pdf.get_y()
            pdf.set_draw_color(0)
            pdf.set_line_width(0.3)
            pdf.rect(PDF_MARGIN + 4, y + 1, 3.2, 3.2)
            pdf.set_xy(PDF_MARGIN + 10, y)
            pdf.set_font(FONT_FAMILY, "", 10.5)
            pdf.multi_cell(0, 5.25, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.5)

    def library(self):
        pdf = self.pdf
        self.heading(_("From the library"))
        self.text(_("Type the address into a browser, or scan the code with your phone's camera."))
        for resource in self.content.resources:
            if pdf.get_y() > pdf.h - 45:
                pdf.add_page()
            y = pdf.get_y() + 1
            add_qr_code(pdf, resource.url, x=PDF_MARGIN, y=y, size=24, alt_text=resource.address)
            pdf.set_left_margin(PDF_MARGIN + 28)
            pdf.set_xy(PDF_MARGIN + 28, y + 2)
            members = f" ({_('Members only')})" if resource.members_only else ""
            self.text(resource.page.title + members, size=11, style="B", after=1)
            self.text(resource.address, size=9.5, color=GREY, after=0)
            pdf.set_left_margin(PDF_MARGIN)
            pdf.set_xy(PDF_MARGIN, max(pdf.get_y(), y + 26))

    def closing(self):
        pdf = self.pdf
        if pdf.get_y() > pdf.h - 45:
            pdf.add_page()
        pdf.ln(4)
        url = site_address(self.content.session)
        y = pdf.get_y()
        add_qr_code(pdf, url, x=PDF_MARGIN, y=y, size=22, alt_text=short_address(url))
        pdf.set_left_margin(PDF_MARGIN + 26)
        pdf.set_xy(PDF_MARGIN + 26, y + 2)
        self.text(f"{_('Version')} {self.stamp}", size=9, color=GREY, after=0.5)
        self.text(_("The latest version of this pack is on the session page:"), size=9, color=GREY, after=0.5)
        self.text(short_address(url), size=9, color=GREY)
        pdf.set_left_margin(PDF_MARGIN)


def render_pdf(content):
    with translation.override(content.language):
        return _PackPdf(content).build()


def file_name(session, extension):
    return f"hamkori-session-{session.number}-{session.locale.language_code}.{extension}"


def build(session_id, force=False):
    """Build (or remove) one session's pack. Returns the pack, or None when the session has none."""
    session = TrainingSessionPage.objects.live().public().filter(pk=session_id).select_related("locale").first()
    if session is None:
        remove(session_id)
        return None
    try:
        return _build(session, force)
    except IntegrityError:
        # Another process made this session's first pack at the same moment: build over theirs, under its lock.
        return _build(session, force)


def _build(session, force):
    saved = []
    try:
        with transaction.atomic():
            # One build of a session at a time: the second reads the content after the first has committed.
            pack = StudyPack.objects.select_for_update().filter(session=session).first()
            content = gather(session)
            if pack is not None and pack.version == content.version and not force and _files_exist(pack):
                pack.rebuilt = False
                return pack
            old_files = [f.name for f in (pack.html_file, pack.pdf_file) if f] if pack else []
            old_pages = set(pack.pages.values_list("pk", flat=True)) if pack else set()
            html = render_html(content).encode()
            if len(html) > HTML_BUDGET:
                logger.warning("Study pack of session %s is %s bytes, over its budget", session.pk, len(html))
            pdf = render_pdf(content)
            pack = pack or StudyPack(session=session)
            pack.version = content.version
            pack.built_at = timezone.now()
            pack.html_file.save(f"{session.pk}-{content.version}.html", ContentFile(html), save=False)
            saved.append(pack.html_file.name)
            pack.html_size = len(html)
            pack.pdf_file.save(f"{session.pk}-{content.version}.pdf", ContentFile(pdf), save=False)
            saved.append(pack.pdf_file.name)
            pack.pdf_size = len(pdf)
            pack.save()
            pack.pages.set([page.pk for page in content.pages])
            transaction.on_commit(lambda: delete_files([name for name in old_files if name not in saved]))
    except Exception:
        delete_files(saved)
        raise
    _pages_changed({page.pk for page in content.pages} | old_pages)
    pack.rebuilt = True
    return pack


def remove(session_id):
    pack = StudyPack.objects.filter(session_id=session_id).first()
    if pack is None:
        return
    pages = set(pack.pages.values_list("pk", flat=True))
    pack.delete()  # its files go with it (signal_handlers)
    _pages_changed(pages)


def _files_exist(pack):
    files = [pack.html_file, pack.pdf_file]
    return all(files) and all(default_storage.exists(f.name) for f in files)


def delete_files(names):
    for name in names:
        if name:
            default_storage.delete(name)


def _pages_changed(page_ids):
    """The session and course pages show the packs' sizes: their cached copies go stale."""
    page_cache.changed({f"page:{pk}" for pk in page_ids})


def build_all(force=False):
    """Build every live session's pack (unchanged ones are left as they are); remove the others'."""
    built = []
    for session_id in TrainingSessionPage.objects.live().public().values_list("pk", flat=True):
        pack = build(session_id, force=force)
        if pack is not None:
            built.append(pack)
    others = StudyPack.objects.exclude(pk__in=[pack.pk for pack in built])
    for session_id in others.values_list("session_id", flat=True):
        remove(session_id)
    return built


# --- When to build: after the editor's change is committed ----------------------------------


_pending = threading.local()


def sessions_for_page(page):
    """The sessions whose packs hold `page`, link to it, or should hold it now."""
    sessions = set(StudyPack.objects.filter(pages=page).values_list("session_id", flat=True))
    if isinstance(page, TrainingSessionPage):
        sessions.add(page.pk)
    number = getattr(page, "session_number", None)
    if number is not None or _type_of(page) == LESSON_TYPE:
        numbers = {number} if number is not None else set()
        sessions |= set(TrainingSessionPage.objects.filter(number__in=numbers).values_list("pk", flat=True))
    # A page that the session or its lessons link to (it may be new to them, or a new translation).
    translations = Page.objects.filter(translation_key=page.translation_key)
    referrers = ReferenceIndex.get_references_to_in_bulk(translations).values_list("object_id", flat=True)
    referrer_ids = [int(pk) for pk in referrers if str(pk).isdigit()]
    if referrer_ids:
        sessions |= set(TrainingSessionPage.objects.filter(pk__in=referrer_ids).values_list("pk", flat=True))
        sessions |= set(StudyPack.objects.filter(pages__in=referrer_ids).values_list("session_id", flat=True))
    return sessions


def schedule(session_ids):
    """Build these sessions' packs once the current transaction commits (at once outside one)."""
    pending = getattr(_pending, "sessions", None)
    if pending is None:
        pending = _pending.sessions = set()
    pending.update(session_ids)
    if session_ids:
        transaction.on_commit(_build_pending)


def schedule_for_page(page):
    schedule(sessions_for_page(page))


def schedule_all():
    sessions = set(TrainingSessionPage.objects.values_list("pk", flat=True))
    schedule(sessions | set(StudyPack.objects.values_list("session_id", flat=True)))


def _build_pending():
    pending = getattr(_pending, "sessions", None) or set()
    _pending.sessions = set()
    for session_id in sorted(pending):
        try:
            build(session_id)
        except Exception:
            # The editor's change is saved; a pack that cannot follow it is withdrawn rather than left stale.
            logger.exception("Could not build the study pack of session %s; it is withdrawn", session_id)
            remove(session_id)
