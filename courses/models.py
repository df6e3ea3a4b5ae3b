"""Courses, lessons and quizzes (pages), and each learner's progress through them.

Learner data is keyed by the pages' ``translation_key``, which every translation of a page
shares: progress made in Tajik shows as progress in English, and a certificate survives a
change of language.
"""

import random
import secrets
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Count, F, Q, Subquery
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import page_cache
from home.blocks import BaseStreamBlock
from home.kept import Kept
from home.languages import nearest_languages
from home.models import PAGE_TRANSLATABLE_FIELDS, Region, Sex, normalise_phone, thematic_areas_in
from home.transactions import atomic_with_retry

from . import learning_state
from .blocks import LessonStreamBlock, QuizQuestionBlock, QuizStreamBlock


class CourseIndexPage(Page):
    keeps_filters_across_languages = True  # filter values are the same codes in every language
    intro = models.TextField(blank=True, verbose_name=_("introduction"))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")
        verbose_name_plural = _("course catalogues")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses = list(CoursePage.objects.child_of(self).live().order_by("path"))
        course_cards(courses)
        context["courses"] = courses
        return context


def course_cards(courses):
    """Attach outlines, lesson counts, thematic areas and languages to courses, in three queries."""
    if not courses:
        return
    outlines = CourseOutline.for_courses(courses)
    areas = {}
    for link in CourseThematicArea.objects.filter(page__in=courses).select_related("thematic_area"):
        areas.setdefault(link.page_id, []).append(link.thematic_area)
    names = dict(settings.LANGUAGES)
    for course in courses:
        course.outline = outlines[course.pk]
        course.lesson_count = len(course.outline)
        course.language_names = [names[code] for code in course.outline.complete_languages]
        course.partial_language_names = [names[code] for code in course.outline.partial_languages]
        course.areas = thematic_areas_in(course.locale_id, areas.get(course.pk, []))


# The programme's five training sessions (programme.TrainingSessionPage.number), taught online in
# lessons and in person in deliveries.
SESSION_CHOICES = [(number, format_lazy(_("Session {number}"), number=number)) for number in range(1, 6)]


class CoursePage(Page):
    page_cache_listed_in_every_language = True  # its languages show on the catalogue in every language

    class Level(models.TextChoices):
        BEGINNER = "beginner", _("Beginner")
        INTERMEDIATE = "intermediate", _("Intermediate")
        ADVANCED = "advanced", _("Advanced")

    summary = models.TextField(verbose_name=_("summary"), help_text=_("Two or three sentences for the catalogue."))
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.BEGINNER, verbose_name=_("level"))
    estimated_hours = models.PositiveSmallIntegerField(default=1, verbose_name=_("estimated time (hours)"))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("about this course"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("level"), FieldPanel("estimated_hours")], heading=_("Details")),
        InlinePanel("thematic_area_links", label=_("Thematic areas")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("level"),
        SynchronizedField("estimated_hours"),
        SynchronizedField("thematic_area_links"),  # shown in the reader's language: home.models.thematic_areas_in
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def lessons(self):
        return list(LessonPage.objects.child_of(self).live().order_by("path"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        course_cards([self])
        progress = CourseProgress.for_user(request.user, self, self.outline)
        context.update(outline=self.outline, modules=self.outline.modules(), progress=progress)
        return context


class CourseThematicArea(Orderable):
    """A course's thematic area; every translation keeps the same links (see home.models.thematic_areas_in)."""

    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="thematic_area_links")
    thematic_area = models.ForeignKey(
        "home.ThematicArea", on_delete=models.CASCADE, related_name="+", verbose_name=_("thematic area")
    )

    panels = [FieldPanel("thematic_area")]


class LessonPage(Page):
    page_cache_shows_siblings = True  # the course outline, previous and next lesson
    page_cache_listed_in_every_language = True  # every translation's outline lists it (home.page_cache)
    module = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("module"),
        help_text=_("Lessons with the same module heading are grouped together in the course outline."),
    )
    summary = models.TextField(blank=True, verbose_name=_("summary"))
    body = StreamField(LessonStreamBlock(), blank=True, verbose_name=_("lesson content"))
    quiz = StreamField(QuizStreamBlock(), blank=True, verbose_name=_("quiz questions"))
    pass_mark = models.PositiveSmallIntegerField(
        default=75, verbose_name=_("pass mark (%)"), help_text=_("The score a learner needs to pass the quiz.")
    )
    max_attempts = models.PositiveSmallIntegerField(
        default=0, verbose_name=_("attempt limit"), help_text=_("0 for no limit.")
    )
    shuffle = models.BooleanField(
        default=False, verbose_name=_("shuffle"), help_text=_("Show questions and answers in a random order.")
    )
    session_number = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=SESSION_CHOICES,
        verbose_name=_("training session"),
        help_text=_(
            "The programme session this lesson teaches. A learner who completes every lesson of a session "
            "online counts as trained in it, as if they had attended it in person."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("module"),
        FieldPanel("session_number"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("quiz"), FieldPanel("pass_mark"), FieldPanel("max_attempts"), FieldPanel("shuffle")],
            heading=_("Quiz"),
            help_text=_(
                "Leave the questions empty for a lesson without a quiz. Passing the quiz completes the lesson."
            ),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("module"),
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("quiz"),
        SynchronizedField("pass_mark"),
        SynchronizedField("max_attempts"),
        SynchronizedField("shuffle"),
        SynchronizedField("session_number"),
    ]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    @property
    def questions(self):
        return [child for child in self.quiz if child.block_type == "question"]

    @property
    def has_quiz(self):
        return bool(self.questions)

    def quiz_translation(self):
        """This lesson where its quiz is: itself, else its nearest live translation with the quiz, else None.

        A translator may publish a lesson before its quiz: the lesson still has a quiz to pass.
        """
        if self.has_quiz:
            return self
        others = LessonPage.objects.live().filter(translation_key=self.translation_key).exclude(pk=self.pk)
        with_quiz = {page.locale.language_code: page for page in others.select_related("locale") if page.has_quiz}
        nearest = [code for code in nearest_languages(self.locale.language_code) if code in with_quiz]
        return with_quiz[nearest[0]] if nearest else None

    def ordered_questions(self, seed=None):
        """(block id, question, [(choice id, choice)]) in editor order, or shuffled by the attempt's seed."""
        rng = random.Random(seed) if self.shuffle and seed is not None else None  # noqa: S311 - display order only
        questions = []
        for child in self.questions:
            choices = [(item.id, item.value) for item in child.value["choices"].bound_blocks]
            if rng:
                rng.shuffle(choices)
            questions.append((child.id, child.value, choices))
        if rng:
            rng.shuffle(questions)
        return questions

    def score(self, answers):
        """Score ``answers`` ({question id: [choice ids]}) on the server: (percent, per-question results)."""
        results = []
        right = 0
        for question_id, question, choices in self.ordered_questions():
            chosen = set(answers.get(question_id, []))
            correct = {choice_id for choice_id, choice in choices if choice["is_correct"]}
            is_right = chosen == correct
            right += is_right
            results.append(
                {
                    "id": question_id,
                    "text": question["text"],
                    "explanation": question["explanation"],
                    "is_right": is_right,
                    "choices": [
                        {
                            "text": choice["text"],
                            "chosen": choice_id in chosen,
                            "is_correct": choice["is_correct"],
                            "feedback": choice["feedback"] if choice_id in chosen else "",
                        }
                        for choice_id, choice in choices
                    ],
                }
            )
        percent = round(100 * right / len(results)) if results else 0
        return percent, results

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(request, self))
        return context


QUESTION_KINDS = (QuizQuestionBlock.SINGLE, QuizQuestionBlock.MULTIPLE, QuizQuestionBlock.TRUE_FALSE)


# --- Learner data --------------------------------------------------------------------------


class Enrolment(models.Model):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    course_key = models.UUIDField(db_index=True, verbose_name=_("course"))
    enrolled_at = models.DateTimeField(auto_now_add=True, verbose_name=_("enrolled"))
    last_lesson_key = models.UUIDField(null=True, blank=True)
    last_activity_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("completed"))

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        permissions = [("view_learning_reports", "Can view learning reports")]
        constraints = [models.UniqueConstraint(fields=["learner", "course_key"], name="one_enrolment_per_course")]

    def __str__(self):
        return f"{self.learner} · {self.course_key}"


class LessonCompletion(models.Model):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions")
    course_key = models.UUIDField(db_index=True)
    lesson_key = models.UUIDField()
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [models.UniqueConstraint(fields=["learner", "lesson_key"], name="one_completion_per_lesson")]

    def __str__(self):
        return f"{self.learner} · {self.lesson_key}"


class QuizAttempt(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("In progress")
        FINISHED = "finished", _("Submitted")

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    course_key = models.UUIDField(db_index=True)
    lesson_key = models.UUIDField(db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    seed = models.PositiveIntegerField(default=0)
    answers = models.JSONField(default=dict, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(default=False)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "lesson_key"], condition=Q(status="open"), name="one_open_attempt_per_quiz"
            )
        ]

    def __str__(self):
        return f"{self.learner} · {self.lesson_key} · {self.status} {self.score}"

    def save(self, *args, **kwargs):
        if not self.seed:
            self.seed = secrets.randbelow(2**31 - 1) + 1
        super().save(*args, **kwargs)


def new_certificate_code():
    raw = secrets.token_hex(5).upper()
    return f"HMK-{raw[:5]}-{raw[5:]}"


class Certificate(models.Model):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates")
    course_key = models.UUIDField()
    code = models.CharField(max_length=20, unique=True, default=new_certificate_code, editable=False)
    learner_name = models.CharField(max_length=300)
    issued_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    revocation_reason = models.TextField(_("reason for revoking"), blank=True, editable=False)
    # The signed Open Badges 3.0 credential (a VC-JWT, courses/credentials.py), made once on completion.
    credential = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [models.UniqueConstraint(fields=["learner", "course_key"], name="one_certificate_per_course")]
        permissions = [("revoke_certificate", _("Can revoke certificates"))]

    def __str__(self):
        return self.code

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    def revoke(self, reason):
        """Revoke once (the first reason and date stay); the verification page, the QR code's target
        and the credential status list say so from now on."""
        Certificate.objects.filter(pk=self.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revocation_reason=reason
        )
        learning_state.changed(self.learner_id)
        self.refresh_from_db(fields=["revoked_at", "revocation_reason"])


class RevokedStatusIndex(models.Model):
    """The status-list bit of a revoked certificate whose learner deleted their account: the credential
    they downloaded must stay revoked after the certificate row is gone (courses/credentials.py)."""

    index = models.PositiveBigIntegerField(primary_key=True)

    class Meta:
        verbose_name = _("revoked credential")
        verbose_name_plural = _("revoked credentials")

    def __str__(self):
        return str(self.index)


def normalise_certificate_code(typed):
    """The code as printed (HMK-XXXXX-XXXXX) from what someone typed or pasted: case, spaces, dashes and
    the prefix are forgiven, and O, I and L read as 0, 1 and 1 (the code is hexadecimal). None when it
    cannot be a code."""
    raw = "".join(ch for ch in (typed or "").upper() if ch.isalnum())
    if raw.startswith("HMK"):
        raw = raw[3:]
    raw = raw.translate(str.maketrans("OIL", "011"))
    if len(raw) != 10 or any(ch not in "0123456789ABCDEF" for ch in raw):
        return None
    return f"HMK-{raw[:5]}-{raw[5:]}"


class PageLink:
    """What an outline shows of a live page in one language (a lesson, or a course on My learning):
    its title, address and a few fields, kept in the cache, so showing it costs no query and no
    StreamField. Templates link it with ``{{ page.url }}`` ({% pageurl %} wants a Page)."""

    __slots__ = ("pk", "translation_key", "language", "title", "url", "module", "has_quiz")

    def __init__(self, pk, translation_key, language, title, url, module="", has_quiz=False):
        self.pk = pk
        self.translation_key = translation_key
        self.language = language
        self.title = title
        self.url = url
        self.module = module
        self.has_quiz = has_quiz

    @property
    def id(self):
        return self.pk

    def get_url(self, request=None, current_site=None):
        return self.url

    def __str__(self):
        return self.title

    def __repr__(self):
        return f"<PageLink {self.pk} {self.language} {self.title!r}>"

    @classmethod
    def of(cls, page, **fields):
        return cls(page.pk, page.translation_key, page.locale.language_code, page.title, page.get_url(), **fields)

    def as_row(self):
        return tuple(getattr(self, name) for name in self.__slots__)


class OutlineLesson:
    """One lesson of a course as a reader of `language` finds it: in their language where it
    exists, else in the nearest language that has it."""

    def __init__(self, key, translations, language):
        self.key = key
        self.translations = translations  # {language code: PageLink of the live lesson}
        self.nearest = nearest_languages(language)
        self.language = next(code for code in self.nearest if code in translations)
        self.page = translations[self.language]
        self.is_translated = self.language == language
        self.is_complete = False
        self.is_new = False  # added to the course after the learner completed it

    @property
    def title(self):
        return self.page.title

    @property
    def languages(self):
        """(code, name, page) for every language the lesson is in, the nearest to the reader first."""
        names = dict(settings.LANGUAGES)
        return [(code, names[code], self.translations[code]) for code in self.nearest if code in self.translations]

    def same_module_as(self, other):
        # Compare module headings in one language both lessons have, so a lesson shown in another
        # language stays in its module.
        shared = next((code for code in self.translations if code in other.translations), None)
        if shared is None:
            return self.page.module == other.page.module
        return self.translations[shared].module == other.translations[shared].module


class CourseOutline:
    """Every live lesson of a course, in whatever language it exists, in the course's order.

    This is the one policy for a lesson missing in the reader's language: it is still listed,
    with the languages it exists in, and linked in the nearest one (home.languages). Counts,
    progress, "continue" and "next" all come from the outline, so they agree in every language.

    What it is made of is the same for every reader and kept in the cache (``course_structures``);
    each request builds its own outline from it, since progress marks the lessons.
    """

    def __init__(self, language, lessons, course_languages=()):
        self.language = language
        self.lessons = lessons
        self.course_languages = course_languages  # the languages the course page itself is live in

    def __iter__(self):
        return iter(self.lessons)

    def __len__(self):
        return len(self.lessons)

    @property
    def keys(self):
        return {lesson.key for lesson in self.lessons}

    def position(self, key):
        return next((i for i, lesson in enumerate(self.lessons) if lesson.key == key), None)

    @property
    def complete_languages(self):
        """Languages that have every lesson of the course (those of the course page while it has none)."""
        if not self.lessons:
            return [code for code, _name in settings.LANGUAGES if code in self.course_languages]
        return [code for code, _name in settings.LANGUAGES if self._count(code) == len(self)]

    @property
    def partial_languages(self):
        """Languages that have some lessons of the course but not all."""
        return [code for code, _name in settings.LANGUAGES if 0 < self._count(code) < len(self)]

    def _count(self, code):
        return sum(code in lesson.translations for lesson in self.lessons)

    def modules(self):
        """The lessons grouped under their module headings, in order."""
        groups = []
        for lesson in self.lessons:
            if not groups or not lesson.same_module_as(groups[-1][-1]):
                groups.append([])
            groups[-1].append(lesson)
        return [
            {"title": next((x.page.module for x in group if x.is_translated), group[0].page.module), "lessons": group}
            for group in groups
        ]

    @classmethod
    def for_course(cls, course):
        return cls.for_courses([course])[course.pk]

    @classmethod
    def for_courses(cls, courses):
        """{course pk: its outline for a reader of the course's language}: two cache calls for any number
        of courses, and two queries for those whose structure is not in the cache."""
        structures = course_structures(courses)
        return {course.pk: cls.of(course, structures[course.translation_key]) for course in courses}

    @classmethod
    def of(cls, course, structure):
        translations = structure.translations
        own = translations.get(course.pk)
        language = own.language if own else course.locale.language_code
        # The course's live translations, and the course itself (a preview, a course being unpublished).
        shown = [pk for pk, link in translations.items() if pk in structure.live or pk == course.pk]
        by_language = {translations[pk].language: structure.lessons[pk] for pk in shown if structure.lessons[pk]}
        pages = {}
        for code, items in by_language.items():
            for lesson in items:
                pages.setdefault(lesson.translation_key, {})[code] = lesson
        nearest = [code for code in nearest_languages(language) if code in by_language]
        orders = [[x.translation_key for x in by_language[code]] for code in nearest]
        return cls(
            language,
            [OutlineLesson(key, pages[key], language) for key in _merged_order(orders)],
            {translations[pk].language for pk in shown},
        )


def _merged_order(orders):
    """One order of lesson keys from each translation's order, the reader's first: a lesson that only
    another translation has goes after the lesson it follows there."""
    merged = []
    for order in orders:
        for position, key in enumerate(order):
            if key in merged:
                continue
            after = next((merged.index(k) for k in reversed(order[:position]) if k in merged), -1)
            merged.insert(after + 1, key)
    return merged


# --- What every reader's outline is made of, kept in the cache until a page it shows changes -------

STRUCTURE_PREFIX = "course-structure:"
STRUCTURE_SECONDS = 24 * 60 * 60


class CourseStructure:
    """A course in every language as the outline, the course cards and My learning show it: each
    translation of the course page (live or not) and the live lessons under each, in order."""

    def __init__(self, translations, live, lessons):
        self.translations = translations  # {course page pk: PageLink}
        self.live = live  # the pks of the live translations
        self.lessons = lessons  # {course page pk: [PageLink of each live lesson under it, in order]}

    def translation(self, language):
        """The live course page in this language, else in the nearest language it is live in, or None."""
        live = {link.language: link for pk, link in self.translations.items() if pk in self.live}
        return next((live[code] for code in nearest_languages(language) if code in live), None)

    def as_rows(self):
        return (
            [link.as_row() for link in self.translations.values()],
            sorted(self.live),
            {pk: [link.as_row() for link in items] for pk, items in self.lessons.items()},
        )

    @classmethod
    def from_rows(cls, rows):
        translations, live, lessons = rows
        return cls(
            {row[0]: PageLink(*row) for row in translations},
            set(live),
            {pk: [PageLink(*row) for row in items] for pk, items in lessons.items()},
        )


def course_structures(courses):
    """{course translation key: CourseStructure} for these course pages (any translation of each).

    Kept in the cache with the page cache's versions (home.page_cache) of every translation of the
    course page (``page:``: published, unpublished, translated, deleted) and of the pages under each
    (``below:``: a lesson published, unpublished, translated or deleted), and the version of everything
    (moves, reordering): those changes, and nothing else, rebuild it.
    """
    keys = {course.translation_key: course for course in courses}
    return structures_by_key(list(keys), list(keys.values()))


# This process's copies: {translation key: (version, {tag: version}, CourseStructure)}. Checking that
# they are current is one cache call, with nothing to unpickle; a stale one is fetched again.
KNOWN_MAX = 1000
_known = Kept(KNOWN_MAX, seconds=None)


def structures_by_key(keys, courses=()):
    """{translation key: CourseStructure} for these course translation keys (a missing course has none)."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return {}
    known = {key: entry for key in keys if (entry := _known.get(key)) is not None}
    structures = {}
    if known:
        checks = {key: _tags_to_check(seen, courses, key) for key, (_version, seen, _structure) in known.items()}
        now, found = page_cache.versions(sorted({tag for tags in checks.values() for tag in tags}))
        for key, (version, seen, structure) in known.items():
            if now is not None and version == now and all(found[tag] == seen[tag] for tag in checks[key]):
                structures[key] = structure
    missing = [key for key in keys if key not in structures]
    if missing:
        structures.update(_shared_structures(missing, courses))
    return structures


def _tags_to_check(seen, courses, key):
    """The tags that say whether a kept structure is current. Publishing, unpublishing or deleting a
    translation of the course changes ``page:`` of every translation, and a lesson under any of them
    ``below:`` of every translation (LessonPage.page_cache_listed_in_every_language): the reader's course
    page's own two tags are enough, and they are the ones the page cache has read for this request."""
    for course in courses:
        if course.translation_key == key:
            own = [f"page:{course.pk}", f"below:{course.path}"]
            if all(tag in seen for tag in own):
                return own
    return list(seen)


def _keep(key, entry, structure):
    _known.keep(key, (entry["version"], entry["tags"], structure))


def _shared_structures(keys, courses=()):
    """The structures other processes kept in the cache, when current, else built again."""
    found = cache.get_many([page_cache.VERSION_KEY, *(STRUCTURE_PREFIX + str(key) for key in keys)])
    version = found.get(page_cache.VERSION_KEY)
    entries = {}
    for key in keys:
        entry = found.get(STRUCTURE_PREFIX + str(key))
        if entry is not None and version is not None and entry["version"] == version:
            entries[key] = entry
    structures = {}
    if entries:
        now = page_cache.tag_versions(sorted({tag for entry in entries.values() for tag in entry["tags"]}))
        for key, entry in entries.items():
            if all(now[tag] == seen for tag, seen in entry["tags"].items()):
                structures[key] = CourseStructure.from_rows(entry["rows"])
                _keep(key, entry, structures[key])
    missing = [key for key in keys if key not in structures]
    if missing:
        structures.update(_build_structures(missing, courses))
    return structures


def _build_structures(keys, courses=()):
    """Read the structures from the database and keep them. The versions are read before the rows
    they cover, so a change published while this runs leaves the kept copy stale, never hidden."""
    version = page_cache.current_version()
    # Any publish, unpublish or deletion of a translation changes the version of every translation:
    # one translation of each course, read first, covers the rows of every translation read next.
    first = {(course.translation_key, course.pk) for course in courses if course.pk and course.translation_key in keys}
    unknown = set(keys) - {key for key, _pk in first}
    if unknown:  # My learning knows only the keys: their pages' ids first, in one light query
        first |= set(Page.objects.filter(translation_key__in=unknown).values_list("translation_key", "pk"))
    seen = page_cache.tag_versions([f"page:{pk}" for _key, pk in first])
    pages = list(Page.objects.filter(translation_key__in=keys).select_related("locale").order_by("path"))
    steplen = Page.steplen
    later = page_cache.tag_versions([tag for page in pages for tag in (f"page:{page.pk}", f"below:{page.path}")])
    seen = {**later, **seen}  # a version read earlier is the one that counts
    paths = Q(pk__in=[])
    for page in pages:
        paths |= Q(path__startswith=page.path, depth=page.depth + 1)
    under = {}
    for lesson in LessonPage.objects.live().filter(paths).defer("body").select_related("locale").order_by("path"):
        link = PageLink.of(lesson, module=lesson.module, has_quiz=lesson.has_quiz)
        under.setdefault(lesson.path[:-steplen], []).append(link)
    structures = {}
    for key in keys:
        translations = [page for page in pages if page.translation_key == key]
        structure = CourseStructure(
            {page.pk: PageLink.of(page) for page in translations},
            {page.pk for page in translations if page.live},
            {page.pk: under.get(page.path, []) for page in translations},
        )
        structures[key] = structure
        tags = {tag for page in translations for tag in (f"page:{page.pk}", f"below:{page.path}")}
        tags |= {f"page:{pk}" for first_key, pk in first if first_key == key}
        entry = {"version": version, "tags": {tag: seen.get(tag) for tag in tags}, "rows": structure.as_rows()}
        cache.set(STRUCTURE_PREFIX + str(key), entry, STRUCTURE_SECONDS)
        _keep(key, entry, structure)
    return structures


class CourseProgress:
    """One learner's progress through one course (an anonymous visitor has none).

    A completion is final: the learner finished every lesson the course had then, and the date,
    "completed" and the certificate stay whatever editors change later. Lessons added since are
    shown as new (``new_lessons``), not as a shortfall; lessons removed since no longer count.
    """

    def __init__(self, enrolment, completed_keys, outline):
        self.enrolment = enrolment
        self.completed_keys = completed_keys
        self.outline = outline
        self.total = len(outline)
        self.done = len(outline.keys & set(completed_keys))
        self.is_complete = bool(enrolment and enrolment.completed_at)
        self.completed_at = enrolment.completed_at if enrolment else None
        for lesson in outline:
            lesson.is_complete = lesson.key in completed_keys
            lesson.is_new = self.is_complete and not lesson.is_complete
        self.new_lessons = [lesson for lesson in outline if lesson.is_new]
        if self.is_complete:
            self.percent = 100
        else:
            self.percent = round(100 * self.done / self.total) if self.total else 0
        upcoming = next((lesson for lesson in outline if not lesson.is_complete), None)
        self.next_lesson = upcoming.page if upcoming else None

    @property
    def has_finished_every_lesson(self):
        return bool(self.total) and self.done == self.total

    @classmethod
    def for_user(cls, user, course, outline):
        """The learner's progress, read only (a page showing it is a GET). A course completes when the
        learner completes its last lesson (``complete_lesson``) or when editors remove the only lessons
        they had left (``complete_finished_enrolments``, once the editor's change is committed). Until
        then every lesson is ticked and the course is not yet marked completed."""
        if not user.is_authenticated:
            return None
        enrolment = next(iter(enrolments_of(user, [course.translation_key])), None)
        if enrolment is None:
            return None
        return cls(enrolment, enrolment.completed_keys, outline)


def enrolments_of(user, course_keys=None):
    """The learner's enrolments, latest activity first (in these courses only, when given), each with
    ``completed_keys``, the set of lesson keys they completed in that course.

    One query, written out: the ORM's subquery or two queries cost three to five times the CPU.
    """
    if course_keys is not None and not course_keys:
        return []
    enrolments = connection.ops.quote_name(Enrolment._meta.db_table)
    completions = connection.ops.quote_name(LessonCompletion._meta.db_table)
    sql = (
        f"SELECT e.*, c.lesson_key AS completed_key FROM {enrolments} e LEFT JOIN {completions} c"  # noqa: S608 - table names only
        " ON c.learner_id = e.learner_id AND c.course_key = e.course_key WHERE e.learner_id = %s"
    )
    params = [user.pk]
    if course_keys is not None:
        field = Enrolment._meta.get_field("course_key")
        sql += f" AND e.course_key IN ({', '.join(['%s'] * len(course_keys))})"
        params += [field.get_db_prep_value(key, connection) for key in course_keys]
    sql += " ORDER BY e.last_activity_at DESC, e.id DESC"
    found = {}
    for row in Enrolment.objects.raw(sql, params):
        enrolment = found.setdefault(row.pk, row)
        if enrolment is row:
            enrolment.completed_keys = set()
        key = row.completed_key
        if key is not None:  # PostgreSQL gives a UUID, SQLite its hex digits
            enrolment.completed_keys.add(key if isinstance(key, uuid.UUID) else uuid.UUID(key))
    return list(found.values())


# --- Saving a learner's progress: idempotent, and safe when two requests race ------------------


class QuizRefused(Exception):
    """A quiz submission that is refused; the message is shown to the learner."""


@atomic_with_retry
def enrol(user, course):
    enrolment, _created = _get_or_create(Enrolment, learner=user, course_key=course.translation_key)
    return enrolment


def _get_or_create(model, defaults=None, **lookup):
    """get_or_create that survives two requests inserting the same row at the same moment."""
    try:
        with transaction.atomic():
            return model.objects.get_or_create(defaults=defaults, **lookup)
    except IntegrityError:
        return model.objects.get(**lookup), False


@atomic_with_retry
def complete_lesson(user, lesson):
    """Record the lesson as complete; complete the course when it was the last lesson left (one transaction)."""
    course = lesson.get_parent().specific
    enrolment = enrol(user, course)
    _get_or_create(
        LessonCompletion,
        learner=user,
        lesson_key=lesson.translation_key,
        defaults={"course_key": course.translation_key},
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(
        last_lesson_key=lesson.translation_key, last_activity_at=timezone.now()
    )
    learning_state.changed(user.pk)
    return _progress_completing(user, course, CourseOutline.for_course(course))


def _progress_completing(user, course, outline):
    """The learner's progress after completing a lesson: the course completed when it was the last one left."""
    progress = CourseProgress.for_user(user, course, outline)
    if progress and progress.has_finished_every_lesson and not progress.is_complete:
        progress = CourseProgress(complete_course(user, progress.enrolment), progress.completed_keys, outline)
    return progress


def name_on_certificate(user):
    return user.get_full_name() or user.get_username()


def complete_course(user, enrolment):
    """Mark the enrolment completed (once, whatever races) and issue its certificate."""
    now = timezone.now()
    if Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(completed_at=now):
        certificate, created = _get_or_create(
            Certificate,
            learner=user,
            course_key=enrolment.course_key,
            defaults={"learner_name": name_on_certificate(user)},
        )
        if created:  # one date for the completion wherever it is shown
            Certificate.objects.filter(pk=certificate.pk).update(issued_at=now)
    learning_state.changed(user.pk)
    return Enrolment.objects.get(pk=enrolment.pk)


def complete_finished_enrolments(course_key):
    """Complete the enrolments whose learners have completed every lesson the course still has: run
    once an editor's change that took lessons out of it (unpublished, expired, deleted, moved away, a
    translation of the course unpublished) is committed. The same rule as completing the last lesson.

    One query finds the learners (not completed yet, a completion of each remaining lesson), and a few
    more complete them all, whatever their number. Returns the number completed.
    """
    live = CoursePage.objects.live().filter(translation_key=course_key).select_related("locale")
    courses = {page.locale.language_code: page for page in live}
    course = next((courses[code] for code, _name in settings.LANGUAGES if code in courses), None)
    if course is None:  # nobody reads a course that is not live; its lessons' changes complete nobody
        return 0
    # Read from the database, not the cache: the cache is made stale after the commit too, perhaps later.
    outline = CourseOutline.of(course, _build_structures([course_key], [course])[course_key])
    remaining = outline.keys
    if not remaining:
        return 0
    finished = (
        LessonCompletion.objects.filter(course_key=course_key, lesson_key__in=remaining)
        .values("learner_id")
        .annotate(done=Count("pk"))
        .filter(done=len(remaining))
        .values("learner_id")
    )
    candidates = Enrolment.objects.filter(course_key=course_key, completed_at__isnull=True, learner_id__in=finished)
    # The credentials are described in the course's language, not in the editor's.
    return _complete_enrolments(course_key, candidates, course.locale.language_code)


@atomic_with_retry
def _complete_enrolments(course_key, candidates, language):
    """``complete_course`` for many enrolments of one course at once: each completion and its new
    certificate share one date; the credentials are issued once that is committed."""
    # Locked: a learner completing a lesson at this moment waits, then finds the course completed.
    enrolments = list(candidates.select_for_update(of=("self",)).select_related("learner"))
    if not enrolments:
        return 0
    now = timezone.now()
    Enrolment.objects.filter(pk__in=[e.pk for e in enrolments]).update(completed_at=now)
    learners = {e.learner_id: e.learner for e in enrolments}
    have = set(
        Certificate.objects.filter(course_key=course_key, learner_id__in=learners).values_list("learner_id", flat=True)
    )
    certificates = [
        Certificate(learner=learner, course_key=course_key, learner_name=name_on_certificate(learner))
        for pk, learner in learners.items()
        if pk not in have
    ]
    Certificate.objects.bulk_create(certificates, ignore_conflicts=True)
    new = list(
        Certificate.objects.filter(course_key=course_key, learner_id__in=set(learners) - have).values_list(
            "pk", flat=True
        )
    )
    Certificate.objects.filter(pk__in=new).update(issued_at=now)
    learning_state.changed(*learners)

    def issue_credentials():
        from . import credentials

        for pk in new:
            credentials.issue_quietly(pk, language)

    transaction.on_commit(issue_credentials, robust=True)
    return len(enrolments)


def finished_attempts(user, lesson):
    return QuizAttempt.objects.filter(
        learner=user, lesson_key=lesson.translation_key, status=QuizAttempt.Status.FINISHED
    )


def attempts_left(user, lesson):
    if not lesson.max_attempts:
        return None
    return max(0, lesson.max_attempts - finished_attempts(user, lesson).count())


def quiz_seed(user, lesson, round_):
    """The order of the questions a learner is shown at one round of a quiz (round: attempts finished before it).

    Derived, not stored until the submission: reading the quiz writes nothing, a reload shows the same
    order, the next round another, and the same in every language (translations share the key).
    """
    digest = salted_hmac("courses.quiz-order", f"{user.pk}:{lesson.translation_key}:{round_}").digest()
    return int.from_bytes(digest[:8], "big") % (2**31 - 1) + 1


class AlreadySubmitted(QuizRefused):
    """The rendered form was submitted before (a double click, a second tab): ``latest`` is the result to show."""

    def __init__(self, latest):
        super().__init__(_("This attempt has already been submitted. Your answers were not changed."))
        self.latest = latest


def _read_answers(lesson, data):
    """``data`` (the POST) as {question id: [choice ids]}; QuizRefused for anything but a clean submission."""
    ordered = lesson.ordered_questions()
    questions = {qid: {cid for cid, _c in choices} for qid, _q, choices in ordered}
    kinds = {qid: question["kind"] for qid, question, _c in ordered}
    answers = {}
    for key in data:
        if key in ("csrfmiddlewaretoken", "round"):
            continue
        if not key.startswith("q-") or key[2:] not in questions:
            raise QuizRefused(_("The form sent something that is not part of this quiz. Nothing was saved."))
        qid = key[2:]
        chosen = data.getlist(key)
        if not set(chosen) <= questions[qid] or len(set(chosen)) != len(chosen):
            raise QuizRefused(_("An answer does not belong to its question. Nothing was saved."))
        if kinds[qid] != "multiple" and len(chosen) > 1:
            raise QuizRefused(_("Choose only one answer for each single-choice question. Nothing was saved."))
        answers[qid] = chosen
    if any(qid not in answers for qid in questions):
        raise QuizRefused(_("Please answer every question before you submit."))
    return answers


@atomic_with_retry
def submit_quiz(user, lesson, data, open_attempt_pk=None):
    """Score a quiz form and save it as a finished attempt, completing the lesson when it passes, in one transaction.

    ``lesson`` is the page the form was on (its quiz may be in a translation); ``data`` is the POST:
    ``round`` (the attempts finished when the form was shown, so one form makes one attempt however
    often it is sent) and only ``q-<question id>`` keys whose values are choices of that question.
    ``open_attempt_pk`` is the attempt a form from before rounds named (see ``submit_open_attempt_view``).
    Raises QuizRefused (changing nothing) for anything but a clean submission, AlreadySubmitted for a
    form sent before, LookupError when there is no quiz to score.
    """
    quiz_lesson = lesson.quiz_translation()  # a translation still without the quiz cannot score it
    if quiz_lesson is None:
        raise LookupError(lesson.pk)
    key = quiz_lesson.translation_key
    course_path = quiz_lesson.path[: -Page.steplen]
    course_key = Page.objects.filter(path=course_path).values("translation_key")
    # The learner's enrolment row is the lock: their submissions to this course's quizzes go one at a
    # time (on PostgreSQL; SQLite has one writer anyway), so two tabs cannot both take the same round.
    enrolment = Enrolment.objects.select_for_update().filter(learner=user, course_key=Subquery(course_key)).first()
    if enrolment is None:
        raise QuizRefused(_("Enrol in the course to take the quiz."))
    course_key = enrolment.course_key
    finished = list(finished_attempts(user, quiz_lesson).values_list("pk", flat=True))  # the latest first
    latest = finished[0] if finished else None
    if open_attempt_pk is not None:
        attempt = QuizAttempt.objects.filter(pk=open_attempt_pk, learner=user, lesson_key=key).first()
        if attempt is None:
            raise LookupError(open_attempt_pk)
        if attempt.status != QuizAttempt.Status.OPEN:
            raise AlreadySubmitted(latest)
    else:
        round_ = data.get("round", "")
        # ASCII digits only, and few: "²".isdigit() is True and int() refuses over 4,300 digits.
        if not (round_.isascii() and round_.isdigit() and len(round_) <= 6):
            raise QuizRefused(_("The form sent something that is not part of this quiz. Nothing was saved."))
        round_ = int(round_)
        if round_ != len(finished):
            raise AlreadySubmitted(latest)
        attempt = QuizAttempt(learner=user, course_key=course_key, lesson_key=key)
        attempt.seed = quiz_seed(user, quiz_lesson, round_)
    if quiz_lesson.max_attempts and len(finished) >= quiz_lesson.max_attempts:
        raise QuizRefused(_("You have used all your attempts at this quiz."))
    attempt.answers = _read_answers(quiz_lesson, data)
    attempt.score, _results = quiz_lesson.score(attempt.answers)
    attempt.passed = attempt.score >= quiz_lesson.pass_mark
    attempt.status = QuizAttempt.Status.FINISHED
    attempt.finished_at = timezone.now()
    attempt.save()
    if attempt.passed:  # in the same transaction: a passed quiz is never saved without its completion
        _complete_passed_lesson(user, quiz_lesson, course_path, enrolment)
    return attempt


def _complete_passed_lesson(user, lesson, course_path, enrolment):
    """complete_lesson for a passed quiz, inside submit_quiz's transaction, without the course's outline
    unless the learner may just have finished the course (as many completions as it has lessons here)."""
    LessonCompletion.objects.bulk_create(
        [LessonCompletion(learner=user, course_key=enrolment.course_key, lesson_key=lesson.translation_key)],
        ignore_conflicts=True,
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(
        last_lesson_key=lesson.translation_key, last_activity_at=timezone.now()
    )
    learning_state.changed(user.pk)
    if enrolment.completed_at:
        return
    # The outline has at least the live lessons of this translation, and the learner finished it only
    # with at least as many completions: fewer, and the course cannot be finished yet.
    done = LessonCompletion.objects.filter(learner=user, course_key=enrolment.course_key).count()
    if done < LessonPage.objects.live().filter(path__startswith=course_path, depth=lesson.depth).count():
        return
    course = CoursePage.objects.get(path=course_path)
    _progress_completing(user, course, CourseOutline.for_course(course))  # completes the course when finished


def lesson_context(request, lesson):
    """What a lesson page shows: course, neighbours, progress and, for enrolled learners, the quiz."""
    course = lesson.get_parent()  # found while routing the request, so no query
    outline = CourseOutline.for_course(course)
    index = outline.position(lesson.translation_key) or 0
    lessons = outline.lessons
    context = {
        "course": course,
        "outline": outline,
        "previous_lesson": lessons[index - 1] if index > 0 else None,
        "next_lesson": lessons[index + 1] if index + 1 < len(lessons) else None,
        "lesson_number": index + 1,
        "lesson_total": len(lessons),
    }
    user = request.user
    # What is personal comes from the learner's kept state (learning_state): no query when nothing changed.
    state = learning_state.of(user) if user.is_authenticated else None
    enrolment = state.enrolment(course.translation_key) if state else None
    progress = CourseProgress(enrolment, enrolment.completed_keys, outline) if enrolment else None
    context["progress"] = progress
    context["is_complete"] = bool(progress and lesson.translation_key in progress.completed_keys)
    # Reading a lesson changes nothing (a GET is not an action): progress moves on completing or passing.
    listed = outline.position(lesson.translation_key) is not None
    if progress and listed and not lesson.has_quiz and not context["is_complete"]:
        # The quiz may be in another language only, not translated yet: the way to it, from the outline's pages.
        entry = lessons[index]
        code = next((c for c in entry.nearest if c in entry.translations and entry.translations[c].has_quiz), None)
        if code:
            context["quiz_elsewhere"] = entry.translations[code]
            context["quiz_language"] = (code, dict(settings.LANGUAGES)[code])
    if progress and lesson.has_quiz:
        # Reading the quiz writes nothing either: the order of its questions is derived (quiz_seed), and
        # the form carries its round, so submit_quiz saves one attempt for it, in that order.
        finished = state.attempts_at(lesson.translation_key)
        context["attempts"] = finished
        context["best_score"] = max((a.score for a in finished), default=None)
        left = max(0, lesson.max_attempts - len(finished)) if lesson.max_attempts else None
        context["attempts_left"] = left
        if left != 0:
            context["quiz_round"] = len(finished)
            context["quiz_seed"] = quiz_seed(user, lesson, len(finished))
            context["quiz_questions"] = OrderedQuestions(lesson, context["quiz_seed"])
    return context


class OrderedQuestions:
    """A lesson's quiz questions in one round's order (``ordered_questions``), worked out only when the page
    renders them: not when the form's questions are kept for this revision and order (lesson_page.html)."""

    def __init__(self, lesson, seed):
        self.lesson, self.seed, self._questions = lesson, seed, None

    def __bool__(self):
        return True  # a lesson with a quiz has questions (LessonPage.has_quiz)

    def __iter__(self):
        if self._questions is None:
            self._questions = self.lesson.ordered_questions(self.seed)
        return iter(self._questions)


# --- In-person deliveries of the training sessions ------------------------------------------------


class Delivery(ClusterableModel):
    """One in-person delivery of a training session, recorded by a trainer, with who took part."""

    session_number = models.PositiveSmallIntegerField(choices=SESSION_CHOICES, verbose_name=_("training session"))
    starts_on = models.DateField(verbose_name=_("first day"))
    ends_on = models.DateField(verbose_name=_("last day"))
    location = models.CharField(max_length=200, verbose_name=_("city or district"))
    region = models.CharField(max_length=20, choices=Region.choices, verbose_name=_("region"))
    trainer = models.CharField(max_length=200, verbose_name=_("trainer"))
    is_illustrative = models.BooleanField(
        default=False,
        verbose_name=_("illustrative example"),
        help_text=_("Made-up demo record: never a real programme figure. Reports say when they include one."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("session_number"),
        FieldPanel("starts_on"),
        FieldPanel("ends_on"),
        FieldPanel("location"),
        FieldPanel("region"),
        FieldPanel("trainer"),
        FieldPanel("is_illustrative"),
        InlinePanel("participants", heading=_("Participants"), label=_("Participant")),
    ]

    class Meta:
        verbose_name = _("in-person delivery")
        verbose_name_plural = _("in-person deliveries")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="delivery_ends_after_start")
        ]

    def __str__(self):
        return f"{self.get_session_number_display()} · {self.location} · {self.starts_on:%Y-%m-%d}"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day cannot be before the first day.")})


class Participant(Orderable):
    """Someone who attended a delivery: a learner's account when one matches, else a light record.

    A light record is claimed by the learner who later signs up with its email address. Deleting
    that account deletes the record, so the person leaves every later report.
    """

    delivery = ParentalKey(Delivery, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(max_length=200, verbose_name=_("name"))
    email = models.EmailField(blank=True, verbose_name=_("email"))
    phone = models.CharField(max_length=30, blank=True, verbose_name=_("phone"))
    organisation = models.ForeignKey(
        "home.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisation"),
    )
    sex = models.CharField(
        max_length=10,
        choices=Sex.choices,
        blank=True,
        verbose_name=_("sex"),
        help_text=_("Only as the participant wrote it on the attendance sheet; leave blank otherwise."),
    )
    completed = models.BooleanField(default=True, verbose_name=_("attended the whole session"))
    paper_score = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        verbose_name=_("paper quiz score (%)"),
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="participations",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("organisation"),
        FieldPanel("sex"),
        FieldPanel("completed"),
        FieldPanel("paper_score"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        self.phone = normalise_phone(self.phone)
        if self.learner_id is None:
            self.learner = matching_learner(self.email, self.phone, self.organisation_id)
        super().save(*args, **kwargs)


def matching_learner(email, phone="", organisation_id=None):
    """The account a participant record belongs to: the same email, else the same phone at the same organisation."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    if email:
        return users.filter(email__iexact=email).first()
    if phone and organisation_id:
        return users.filter(profile__phone=phone, profile__organisation_id=organisation_id).first()
    return None


def claim_participations(user):
    """Link the light participant records with this user's email to their new account."""
    if not user.email:
        return 0
    return Participant.objects.filter(learner__isnull=True, email__iexact=user.email).update(learner=user)


class FigureDisclosure(models.Model):
    """A log line for every view of figures that small-count suppression would hide, or of one learner's records."""

    class Kind(models.TextChoices):
        UNSUPPRESSED = "unsuppressed", _("Unsuppressed figures")
        LEARNER = "learner", _("One learner's records")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    detail = models.CharField(max_length=500, help_text="The filters or the learner viewed, and the format.")
    viewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("record of a view of small counts")
        verbose_name_plural = _("records of views of small counts")
        ordering = ["-viewed_at", "-pk"]
        permissions = [
            ("view_unsuppressed_figures", "Can view indicator figures without small-count suppression"),
            ("view_learner_records", "Can view one learner's records in the reports"),
        ]

    def __str__(self):
        return f"{self.viewed_at:%Y-%m-%d %H:%M} · {self.user} · {self.get_kind_display()}"
