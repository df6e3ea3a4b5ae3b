"""Programme content: the training programme and its sessions, consultations, forums, recommendations."""

from operator import itemgetter

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageViewRestriction, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import page_cache
from home.blocks import BaseStreamBlock
from home.collation import sorted_by_name
from home.models import PAGE_TRANSLATABLE_FIELDS, Organisation, Region, ThematicArea, thematic_area_in

from .blocks import ForumSessionBlock, KeyTopicBlock, LearnMoreBlock, TopicListBlock

RECOMMENDATIONS_PER_PAGE = 20


class LedgerFeedMixin(RoutablePageMixin):
    """An Atom feed of the published timeline entries of this page's recommendations, at feed/."""

    @path("feed/", name="feed")
    def feed_route(self, request):
        from .open_data import TimelineFeed  # noqa: PLC0415 (open data reads these models)

        source_key = None if isinstance(self, RecommendationIndexPage) else self.translation_key
        return TimelineFeed(self, source_key)(request)

    @path("report/xlsx/", name="report_xlsx")
    def report_xlsx_route(self, request):
        from . import open_data  # noqa: PLC0415 (open data reads these models)

        source_key = None if isinstance(self, RecommendationIndexPage) else self.translation_key
        rows = open_data.records(request, self.locale_id, source_key)
        return open_data.xlsx_response(rows, f"{self.slug}-report-{self.locale.language_code}", self.title)

    @path("report/", name="report")
    def report_route(self, request):
        """The mid-term report: every recommendation with its response, both views of implementation and
        the latest evidence, one printable page for donors' and CSOs' meetings."""
        from . import open_data  # noqa: PLC0415 (open data reads these models)

        source_key = None if isinstance(self, RecommendationIndexPage) else self.translation_key
        pages = open_data.public_recommendations(self.locale_id, source_key)
        timelines = timeline_of(pages)
        for page in pages:
            page.latest_evidence = next(
                (
                    entry
                    for entry in timelines.get(page.translation_key, [])
                    if entry.evidence_url or entry.evidence_document
                ),
                None,
            )
        context = {"report_recommendations": pages, "today": today()}
        return self.render(request, template="programme/mid_term_report.html", context_overrides=context)


class IndexPage(Page):
    """A section page under the home page that lists its children."""

    intro = models.TextField(blank=True, verbose_name=_("introduction"))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("intro")]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        abstract = True


# --- Training ---------------------------------------------------------------------------------


class TrainingProgrammePage(IndexPage):
    funder = models.CharField(max_length=255, blank=True, verbose_name=_("funder"))
    implementer = models.CharField(max_length=255, blank=True, verbose_name=_("implementer"))
    partners = models.TextField(blank=True, verbose_name=_("partners"))
    staff_trained = models.PositiveIntegerField(default=0, verbose_name=_("staff trained"))
    organisations_trained = models.PositiveIntegerField(default=0, verbose_name=_("CSOs taking part"))
    locations = models.PositiveIntegerField(default=0, verbose_name=_("locations"))
    training_days = models.PositiveIntegerField(default=0, verbose_name=_("training days in all"))
    course_days = models.PositiveIntegerField(default=0, verbose_name=_("days per course"))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = IndexPage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("funder"), FieldPanel("implementer"), FieldPanel("partners")],
            heading=_("Who made it happen"),
            help_text=_("Shown as facts beside the introduction."),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("staff_trained"), FieldPanel("organisations_trained")]),
                FieldRowPanel([FieldPanel("locations"), FieldPanel("training_days"), FieldPanel("course_days")]),
            ],
            heading=_("Key figures"),
            help_text=_("Numbers are the same in every language; leave 0 to hide a figure."),
        ),
        FieldPanel("body"),
    ]
    search_fields = IndexPage.search_fields + [index.SearchField("partners"), index.SearchField("body")]
    translatable_fields = IndexPage.translatable_fields + [
        TranslatableField("funder"),
        TranslatableField("implementer"),
        TranslatableField("partners"),
        TranslatableField("body"),
        SynchronizedField("staff_trained"),
        SynchronizedField("organisations_trained"),
        SynchronizedField("locations"),
        SynchronizedField("training_days"),
        SynchronizedField("course_days"),
    ]
    subpage_types = ["programme.TrainingSessionPage"]

    class Meta:
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")

    def key_figures(self):
        figures = [
            (self.staff_trained, _("staff trained")),
            (self.organisations_trained, _("CSOs")),
            (self.locations, _("locations")),
            (self.training_days, _("training days")),
            (self.course_days, _("days per course")),
        ]
        return [(number, label) for number, label in figures if number]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = (
            TrainingSessionPage.objects.child_of(self)
            .live()
            .exclude(under_a_restriction())  # in the query: no query of its own for the restrictions
            .order_by("number", "path")
            .only("id", "title", "url_path", "locale_id", "number", "summary", "duration_days")
        )
        return context


class TrainingSessionPage(Page):
    page_cache_shows_siblings = True  # previous and next session
    number = models.PositiveSmallIntegerField(
        verbose_name=_("session number"), help_text=_("Sessions are listed and linked in this order.")
    )
    summary = models.TextField(verbose_name=_("summary"), help_text=_("Two or three sentences."))
    duration_days = models.PositiveSmallIntegerField(default=1, verbose_name=_("duration in days"))
    topics = StreamField(TopicListBlock(), blank=True, verbose_name=_("topics"), help_text=_("Drag to reorder."))
    objectives = StreamField(
        TopicListBlock(),
        blank=True,
        verbose_name=_("learning objectives"),
        help_text=_("What a participant can do after the session. One per item."),
    )
    learn_more = StreamField(
        LearnMoreBlock(),
        blank=True,
        verbose_name=_("learn more"),
        help_text=_("Course lessons and library resources that go with this session."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("number"), FieldPanel("duration_days")]), FieldPanel("summary")],
            heading=_("About the session"),
        ),
        FieldPanel("topics"),
        FieldPanel("objectives"),
        FieldPanel("learn_more"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("topics"),
        index.SearchField("objectives"),
        index.FilterField("number"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("topics"),
        TranslatableField("objectives"),
        SynchronizedField("number"),
        SynchronizedField("duration_days"),
        SynchronizedField("learn_more"),
    ]
    parent_page_types = ["programme.TrainingProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["number"]

    def learn_more_pages(self):
        """The chosen pages that are live, in the reader's language where translated."""
        pages = []
        for block in self.learn_more:
            page = block.value
            if page is None:
                continue
            localized = page.localized
            if localized.live:
                pages.append(localized)
            elif page.live:
                pages.append(page)
        return pages

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["previous_session"], context["next_session"] = self.neighbours()
        return context

    def neighbours_key(self):
        parent_path = self.path[: -self.steplen]
        version, found = page_cache.versions([f"below:{parent_path}"])
        return f"session-neighbours:{version}:{found[f'below:{parent_path}']}:{self.pk}:{self.number}"

    def page_cache_keys(self):
        """What serving the page looks up in the cache, read in one call beforehand (home.page_cache.note_page)."""
        from .templatetags.study_pack_tags import study_packs_key  # noqa: PLC0415 (the tags read these models)

        return [self.neighbours_key(), study_packs_key(self)]

    def neighbours(self):
        """The previous and next sessions, the same for every reader: kept in the cache until a session of
        the programme (or the programme) is published, unpublished, moved or made private
        (the page cache's ``below:`` tag of the programme, which the page cache has read for this request)."""
        key = self.neighbours_key()
        neighbours = page_cache.cached(key)
        if neighbours is None:
            # A programme has a handful of sessions: one query for all of them, then pick the neighbours.
            siblings = list(
                TrainingSessionPage.objects.sibling_of(self, inclusive=False)
                .live()
                .exclude(under_a_restriction())  # in the query: no query of its own for the restrictions
                .order_by("number")
                .only("id", "title", "url_path", "locale_id", "number")
            )
            earlier = [session for session in siblings if session.number < self.number]
            later = [session for session in siblings if session.number > self.number]
            neighbours = (earlier[-1] if earlier else None, later[0] if later else None)
            cache.set(key, neighbours, settings.PAGE_CACHE_SECONDS or 60)
        return neighbours


# --- Consultations ----------------------------------------------------------------------------


class ConsultationIndexPage(IndexPage):
    subpage_types = ["programme.ConsultationPage"]

    class Meta:
        verbose_name = _("consultation list")
        verbose_name_plural = _("consultation lists")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["consultations"] = (
            ConsultationPage.objects.child_of(self)
            .live()
            .exclude(under_a_restriction())
            .order_by("-date")
            .only("id", "title", "url_path", "locale_id", "date", "city", "convener", "summary", "participants")
        )
        return context


def today():
    """The date that decides what is overdue (a function, so tests can fix the clock)."""
    return timezone.localdate()


class ConsultationPageForm(WagtailAdminPageForm):
    """Offers the page's own key topics as the topics a promise can answer."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("promises")
        if formset is None:
            return
        topics = [("", _("The consultation as a whole"))]
        topics += [(block.id, block.value["heading"]) for block in self.instance.key_topics if block.id]
        # A form class for this page only, so the empty form that "Add" copies offers the same topics.
        field = forms.ChoiceField(choices=topics, required=False, label=_("Topic"))
        formset.form = type("PromiseForm", (formset.form,), {})
        formset.form.base_fields = {**formset.form.base_fields, "topic": field}
        for form in formset.forms:
            form.fields["topic"] = forms.ChoiceField(choices=topics, required=False, label=_("Topic"))


def promises_of(consultation):
    """The consultation's published promises in the reader's language, each with `overdue` set."""
    rows = (
        ConsultationPromise.objects.filter(page__translation_key=consultation.translation_key, page__live=True)
        .annotate(page_key=models.F("page__translation_key"), page_language=models.F("page__locale__language_code"))
        .order_by("sort_order", "pk")
    )
    promises = in_reader_language(rows, get_language(), ["text", "owner"]).get(consultation.translation_key, [])
    for promise in promises:
        promise.overdue = promise.is_overdue()
    return promises


class ConsultationPage(LedgerFeedMixin, Page):
    base_form_class = ConsultationPageForm
    date = models.DateField(verbose_name=_("date"))
    venue = models.CharField(max_length=255, blank=True, verbose_name=_("venue"))
    city = models.CharField(max_length=100, verbose_name=_("city"))
    region = models.CharField(max_length=20, choices=Region.choices, blank=True, verbose_name=_("region"))
    country = models.CharField(max_length=100, verbose_name=_("country"))
    convener = models.CharField(max_length=255, verbose_name=_("convener"), help_text=_("Who held the consultation."))
    framework = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("framework consulted on"),
        help_text=_("For example: Country Partnership Framework 2026-2031."),
    )
    participants = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("number of participants"))
    summary = models.TextField(verbose_name=_("summary"))
    key_topics = StreamField(
        [("topic", KeyTopicBlock())],
        blank=True,
        verbose_name=_("key topics"),
        help_text=_("Each topic: what participants raised and the convener's response, if any."),
    )
    promised_follow_up = models.TextField(
        blank=True,
        verbose_name=_("follow-up promised"),
        help_text=_("What the convener said would happen next."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("participants")]),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("region"), FieldPanel("country")]),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel([FieldPanel("convener"), FieldPanel("framework")], heading=_("Convener")),
        FieldPanel("key_topics"),
        FieldPanel("promised_follow_up"),
        InlinePanel(
            "promises",
            heading=_("Promises"),
            label=_("Promise"),
            help_text=_(
                "Each answer or follow-up the convener promised, with who owes it and by when. Save the page "
                "once after adding a key topic to be able to link a promise to it."
            ),
        ),
        InlinePanel(
            "attending_organisations",
            heading=_("Attending organisations"),
            label=_("Organisation"),
            help_text=_("Choose from the organisation directory, so each CSO is one record everywhere."),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("key_topics"),
        index.SearchField("convener"),
        index.SearchField("framework"),
        index.FilterField("date"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("venue"),
        TranslatableField("city"),
        TranslatableField("country"),
        TranslatableField("convener"),
        TranslatableField("framework"),
        TranslatableField("key_topics"),
        TranslatableField("promised_follow_up"),
        TranslatableField("promises"),
        SynchronizedField("date"),
        SynchronizedField("region"),
        SynchronizedField("participants"),
        SynchronizedField("attending_organisations"),
    ]
    parent_page_types = ["programme.ConsultationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("consultation summary")
        verbose_name_plural = _("consultation summaries")

    def save(self, *args, **kwargs):
        mark_original_language(self, "promises")
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The same for every reader: worked out once while the page cache would keep the page.
        shown = page_cache.kept_for_page(request, self, "consultation", self.shown_to_readers)
        context.update(shown)
        promises = shown["promises"]
        by_topic = {}
        for promise in promises:
            by_topic.setdefault(promise.topic, []).append(promise)
        context["topics"] = [(block, by_topic.get(block.id, [])) for block in self.key_topics]
        topic_ids = {block.id for block in self.key_topics}
        context["general_promises"] = [promise for promise in promises if promise.topic not in topic_ids]
        return context

    def shown_to_readers(self):
        """The attending organisations, the recommendations made here with their overview, and the promises."""
        recommendations = list(recommendations_from(self))
        return {
            "organisations": [
                link.organisation for link in self.attending_organisations.select_related("organisation")
            ],
            "recommendations": recommendations,
            **overview_of(self, recommendations),
            "promises": list(promises_of(self)),
        }


class PromiseKind(models.TextChoices):
    RESPONSE = "response", _("Response to a topic")
    FOLLOW_UP = "follow_up", _("Follow-up promised")


class ConsultationPromise(TranslatableMixin, Orderable):
    """Something the convener of a consultation promised: who owes it, by when, and whether it was kept."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="promises")
    kind = models.CharField(
        max_length=20, choices=PromiseKind.choices, default=PromiseKind.FOLLOW_UP, verbose_name=_("kind")
    )
    topic = models.CharField(
        max_length=64,
        blank=True,
        verbose_name=_("topic"),
        help_text=_("The key topic this promise answers."),
    )
    text = models.TextField(verbose_name=_("what was promised"))
    owner = models.CharField(max_length=255, verbose_name=_("owner"), help_text=_("Who owes it."))
    due_date = models.DateField(null=True, blank=True, verbose_name=_("due date"))
    kept_on = models.DateField(
        null=True, blank=True, verbose_name=_("kept on"), help_text=_("Leave empty while the promise is open.")
    )
    evidence_url = models.URLField(blank=True, verbose_name=_("evidence link"))
    # The language the promise was written in (set when the page is saved), so an untranslated one is marked.
    original_language = models.CharField(max_length=10, blank=True, editable=False)

    translatable_fields = [
        TranslatableField("text"),
        TranslatableField("owner"),
        SynchronizedField("kind"),
        SynchronizedField("topic"),
        SynchronizedField("due_date"),
        SynchronizedField("kept_on"),
        SynchronizedField("evidence_url"),
    ]
    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("topic")]),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("due_date"), FieldPanel("kept_on")]),
        FieldPanel("evidence_url"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("promise")
        verbose_name_plural = _("promises")

    def is_overdue(self, on=None):
        return self.kept_on is None and self.due_date is not None and self.due_date < (on or today())


def overdue_promises(language=None, *, public=True):
    """Open promises past their due date on live consultations, in the reader's language.

    Each has `consultation`, the live consultation page in that language (or the original's).
    With `public` (the public ledger), consultations under a view restriction are left out, as
    the other public lists leave them; editors' dashboard passes public=False.
    """
    language = language or get_language()
    rows = ConsultationPromise.objects.filter(page__live=True)
    if public:
        rows = rows.exclude(under_a_restriction("page__path"))
    rows = (
        rows.annotate(page_key=models.F("page__translation_key"), page_language=models.F("page__locale__language_code"))
        .select_related("page")
        .order_by("due_date", "pk")
    )
    merged = in_reader_language(rows, language, ["text", "owner"])
    overdue = [promise for promises in merged.values() for promise in promises if promise.is_overdue()]
    if not overdue:
        return []
    pages = Page.objects.live().filter(locale__language_code=language, translation_key__in=merged)
    if public:
        pages = pages.exclude(under_a_restriction())
    pages = {
        page.translation_key: page for page in pages.only("id", "title", "url_path", "locale_id", "translation_key")
    }
    for promise in overdue:
        promise.consultation = pages.get(promise.page_key, promise.page)
    return sorted(overdue, key=lambda promise: promise.due_date)


class ConsultationOrganisation(Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="attending_organisations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="consultations", verbose_name=_("organisation")
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("attending organisation")
        verbose_name_plural = _("attending organisations")


# --- Forums -----------------------------------------------------------------------------------


class ForumIndexPage(IndexPage):
    subpage_types = ["programme.ForumPage"]

    class Meta:
        verbose_name = _("forum list")
        verbose_name_plural = _("forum lists")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["forums"] = (
            ForumPage.objects.child_of(self)
            .live()
            .exclude(under_a_restriction())
            .order_by("-date")
            .only("id", "title", "url_path", "locale_id", "date", "city", "theme", "summary")
        )
        return context


class ForumPage(LedgerFeedMixin, Page):
    date = models.DateField(verbose_name=_("date"))
    city = models.CharField(max_length=100, verbose_name=_("city"))
    country = models.CharField(max_length=100, blank=True, verbose_name=_("country"))
    theme = models.CharField(max_length=255, verbose_name=_("theme"))
    summary = models.TextField(verbose_name=_("summary"))
    concept = RichTextField(features=["bold", "italic", "link"], blank=True, verbose_name=_("concept"))
    sessions = StreamField(
        [("session", ForumSessionBlock())],
        blank=True,
        verbose_name=_("sessions"),
        help_text=_("Recommendations are records of their own under Recommendations; give each the session number."),
    )
    conclusions = models.TextField(blank=True, verbose_name=_("conclusions"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("date"), FieldRowPanel([FieldPanel("city"), FieldPanel("country")]), FieldPanel("theme")],
            heading=_("The edition"),
        ),
        FieldPanel("concept"),
        FieldPanel("sessions"),
        FieldPanel("conclusions"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("theme"),
        index.SearchField("concept"),
        index.SearchField("sessions"),
        index.FilterField("date"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("city"),
        TranslatableField("country"),
        TranslatableField("theme"),
        TranslatableField("concept"),
        TranslatableField("sessions"),
        TranslatableField("conclusions"),
        SynchronizedField("date"),
    ]
    parent_page_types = ["programme.ForumIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The same for every reader: worked out once while the page cache would keep the page.
        shown = page_cache.kept_for_page(request, self, "forum", self.shown_to_readers)
        by_session = {}
        for recommendation in shown.pop("recommendations"):
            by_session.setdefault(recommendation.session_number, []).append(recommendation)
        context.update(shown)
        context["sessions"] = [(block.value, by_session.get(block.value["number"], [])) for block in self.sessions]
        return context

    def shown_to_readers(self):
        """The recommendations made at the forum, with their overview."""
        recommendations = list(recommendations_from(self))
        return {"recommendations": recommendations, **overview_of(self, recommendations)}


# --- Recommendations --------------------------------------------------------------------------


class Addressee(models.TextChoices):
    EU = "eu", _("The European Union")
    GOVERNMENTS = "governments", _("Governments")
    DONORS = "donors", _("Donors and international organisations")
    CSOS = "csos", _("Civil society organisations")
    BUSINESS = "business", _("Business")


class ResponseStatus(models.TextChoices):
    """What the addressee answered."""

    NONE = "none", _("No response yet")
    ACCEPTED = "accepted", _("Accepted")
    NOTED = "noted", _("Noted")
    REJECTED = "rejected", _("Rejected")


class ImplementationStatus(models.TextChoices):
    """What was done: recorded as the addressee reports it and as CSOs assess it."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    PARTLY = "partly", _("Partly implemented")
    IMPLEMENTED = "implemented", _("Implemented")
    NOT_RELEVANT = "not_relevant", _("No longer relevant")


class Track(models.TextChoices):
    RESPONSE = "response", _("Addressee's response")
    REPORTED = "reported", _("Implementation as reported by the addressee")
    ASSESSED = "assessed", _("Implementation as assessed by CSOs")


class AuthorRole(models.TextChoices):
    ADDRESSEE = "addressee", _("The addressee")
    CSO = "cso", _("Civil society organisation")
    EDITOR = "editor", _("Site editor")


# A track's status choices; the statuses of every track as one list for the entry's field.
TRACK_STATUSES = {
    Track.RESPONSE: ResponseStatus,
    Track.REPORTED: ImplementationStatus,
    Track.ASSESSED: ImplementationStatus,
}
ENTRY_STATUS_CHOICES = list(ResponseStatus.choices) + list(ImplementationStatus.choices)
# Where a recommendation keeps the current state of each track.
TRACK_STATE = {
    Track.RESPONSE: ("response_status", "response_date"),
    Track.REPORTED: ("implementation_reported", "reported_date"),
    Track.ASSESSED: ("implementation_assessed", "assessed_date"),
}
TRACK_FIELDS = [name for fields in TRACK_STATE.values() for name in fields]


def overview_of(source, recommendations):
    """The overview chart of a forum's or consultation's recommendations, its bars linking to the ledger."""
    from .overview import overview  # noqa: PLC0415 (overview reads these models)

    recommendations = list(recommendations)
    if not recommendations:
        return {}
    # The ledger is the recommendations' parent: its URL without a query.
    ledger_url = recommendations[0].url.rstrip("/").rsplit("/", 1)[0] + "/"
    total, groups = overview(recommendations, source.locale_id, ledger_url, {"source": source.slug})
    return {"overview_total": total, "overview_groups": groups}


def recommendations_from(source):
    """Live recommendations whose source is this page (or its source-language original)."""
    return (
        RecommendationPage.objects.live()
        .exclude(under_a_restriction())
        .filter(locale_id=source.locale_id, source__translation_key=source.translation_key)
        .select_related("thematic_area")
        .order_by("session_number", "path")
    )


FILTER_NAMES = ("source", "area", "addressee", "response", "reported", "assessed")


class RecommendationFilterForm(forms.Form):
    """The filters of the recommendations page, read from the query string. Bad values are ignored."""

    source = forms.ChoiceField(required=False, label=_("Source"))
    area = forms.ChoiceField(required=False, label=_("Thematic area"))
    addressee = forms.ChoiceField(required=False, label=_("Addressed to"))
    response = forms.ChoiceField(required=False, label=_("Response"))
    reported = forms.ChoiceField(required=False, label=_("Implementation (addressee)"))
    assessed = forms.ChoiceField(required=False, label=_("Implementation (CSOs)"))
    tag = forms.SlugField(required=False, max_length=100, widget=forms.HiddenInput)

    def __init__(self, data, *, locale):
        super().__init__(data)
        everything = [("", _("All"))]
        sources = Page.objects.live().filter(locale_id=locale).type(ConsultationPage, ForumPage)
        sources = sorted_by_name(sources.values_list("slug", "title"), key=itemgetter(1))
        self.fields["source"].choices = everything + sources
        # Recommendations may link to an area in any language (home.models.thematic_areas_in): offer this one's.
        linked = ThematicArea.objects.filter(recommendations__live=True, recommendations__locale_id=locale)
        areas = ThematicArea.objects.filter(locale_id=locale, translation_key__in=linked.values("translation_key"))
        self.fields["area"].choices = everything + sorted_by_name(areas.values_list("slug", "name"), key=itemgetter(1))
        self.fields["addressee"].choices = everything + list(Addressee.choices)
        self.fields["response"].choices = everything + list(ResponseStatus.choices)
        self.fields["reported"].choices = everything + list(ImplementationStatus.choices)
        self.fields["assessed"].choices = everything + list(ImplementationStatus.choices)

    def filters(self):
        """The valid, non-empty filters as queryset lookups."""
        self.is_valid()
        lookups = {"source": "source_slug", "area": "thematic_area__slug", "addressee": "addressee"}
        lookups |= {
            "response": "response_status",
            "reported": "implementation_reported",
            "assessed": "implementation_assessed",
        }
        filters = {
            lookup: self.cleaned_data[name]
            for name, lookup in lookups.items()
            if self.cleaned_data.get(name) and name not in self.errors
        }
        if self.cleaned_data.get("tag") and "tag" not in self.errors:
            # Keywords are kept on the source-language page: match its translations in every language.
            tagged = RecommendationPage.objects.filter(tags__slug=self.cleaned_data["tag"]).values("translation_key")
            filters["translation_key__in"] = tagged
        return filters


class RecommendationIndexPage(LedgerFeedMixin, IndexPage):
    subpage_types = ["programme.RecommendationPage"]
    keeps_filters_across_languages = True  # filter values are the same codes in every language

    @path("open-data/csv/", name="open_data_csv")
    def open_data_csv(self, request):
        from . import open_data  # noqa: PLC0415 (open data reads these models)

        rows = open_data.records(request, self.locale_id)
        return open_data.csv_response(rows, f"recommendations-{self.locale.language_code}")

    @path("open-data/json/", name="open_data_json")
    def open_data_json(self, request):
        from . import open_data  # noqa: PLC0415 (open data reads these models)

        rows = open_data.records(request, self.locale_id)
        return open_data.json_response(rows, f"recommendations-{self.locale.language_code}")

    class Meta:
        verbose_name = _("recommendation list")
        verbose_name_plural = _("recommendation lists")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = RecommendationFilterForm(request.GET, locale=self.locale_id)
        filters = form.filters()
        recommendations = (
            RecommendationPage.objects.child_of(self)
            .live()
            .exclude(under_a_restriction())
            .filter(**filters)
            .select_related("thematic_area")
            .order_by("path")
        )
        from .overview import overview  # noqa: PLC0415 (overview reads these models)

        kept = {name: form.cleaned_data.get(name) for name in FILTER_NAMES if name not in form.errors}
        area_names = dict(form.fields["area"].choices[1:])
        total, groups = overview(recommendations, self.locale_id, self.url, kept, area_names)
        context.update({"overview_total": total, "overview_groups": groups})
        paginator = Paginator(recommendations, RECOMMENDATIONS_PER_PAGE)
        paginator.count = total  # counted with the overview: one query fewer
        page_obj = paginator.get_page(request.GET.get("page"))
        # For the page cache: filters with values the form offers (a keyword link is not kept).
        given = [name for name in FILTER_NAMES if name in request.GET]
        understood = {name: request.GET[name] for name in given if name not in form.errors}
        if "page" in request.GET:
            understood["page"] = page_obj.number
        page_cache.allow_query(request, understood)
        sources = dict(form.fields["source"].choices)
        for recommendation in page_obj:
            recommendation.source_title = sources.get(recommendation.source_slug, "")
            recommendation.area = thematic_area_in(self.locale_id, recommendation.thematic_area)
        context.update({"filter_form": form, "is_filtered": bool(filters), "recommendations": page_obj})
        context["overdue_promises"] = overdue_promises()
        return context


class RecommendationTag(TaggedItemBase):
    content_object = ParentalKey("programme.RecommendationPage", on_delete=models.CASCADE, related_name="tagged_items")


class RecommendationPage(Page):
    """One recommendation from a forum or consultation, with the follow-up editors record."""

    text = models.TextField(verbose_name=_("recommendation"), help_text=_("The recommendation as it was made."))
    source = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("source"),
        help_text=_("The forum or consultation page where this recommendation was made."),
    )
    session_number = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        verbose_name=_("forum session number"),
        help_text=_("For forum recommendations: the number of the session that made it."),
    )
    thematic_area = models.ForeignKey(
        ThematicArea,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations",
        verbose_name=_("thematic area"),
    )
    addressee = models.CharField(
        max_length=20, choices=Addressee.choices, verbose_name=_("addressed to"), default=Addressee.GOVERNMENTS
    )
    tags = ClusterTaggableManager(
        through=RecommendationTag, blank=True, verbose_name=_("keywords"), help_text=_("Free keywords.")
    )
    # The state of each track: the latest entry of the timeline, kept here for lists, filters and counts.
    response_status = models.CharField(
        max_length=20,
        choices=ResponseStatus.choices,
        default=ResponseStatus.NONE,
        editable=False,
        verbose_name=_("response"),
    )
    response_date = models.DateField(null=True, blank=True, editable=False, verbose_name=_("response date"))
    implementation_reported = models.CharField(
        max_length=20,
        choices=ImplementationStatus.choices,
        default=ImplementationStatus.NOT_STARTED,
        editable=False,
        verbose_name=_("implementation (addressee)"),
    )
    reported_date = models.DateField(null=True, blank=True, editable=False, verbose_name=_("reported on"))
    implementation_assessed = models.CharField(
        max_length=20,
        choices=ImplementationStatus.choices,
        default=ImplementationStatus.NOT_STARTED,
        editable=False,
        verbose_name=_("implementation (CSOs)"),
    )
    assessed_date = models.DateField(null=True, blank=True, editable=False, verbose_name=_("assessed on"))
    # The source page's slug, kept here so lists can name and filter the source in any language.
    source_slug = models.SlugField(max_length=255, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("text"),
        MultiFieldPanel(
            [
                PageChooserPanel("source", ["programme.ForumPage", "programme.ConsultationPage"]),
                FieldPanel("session_number"),
            ],
            heading=_("Where it was made"),
        ),
        MultiFieldPanel(
            [FieldPanel("thematic_area"), FieldPanel("addressee"), FieldPanel("tags")], heading=_("Classification")
        ),
        InlinePanel(
            "timeline",
            heading=_("Timeline"),
            label=_("Timeline entry"),
            help_text=_(
                "Each change to the response or to implementation is an entry with its date, who said it and "
                "the evidence. The latest entry of each track is the current state. Add entries on the page in "
                "its original language; readers see them in every language once you publish."
            ),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("text"),
        index.FilterField("response_status"),
        index.FilterField("addressee"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("text"),
        TranslatableField("timeline"),
        SynchronizedField("thematic_area"),  # shown in the reader's language: home.models.thematic_areas_in
        SynchronizedField("source"),
        SynchronizedField("session_number"),
        SynchronizedField("addressee"),
        SynchronizedField("tags"),
    ]
    parent_page_types = ["programme.RecommendationIndexPage"]
    subpage_types = []

    # Fields that belong to the recommendation, not to one language: published once, shown everywhere.
    SHARED_FIELDS = [*TRACK_FIELDS, "addressee", "session_number"]

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def save(self, *args, **kwargs):
        self.source_slug = self.source.slug if self.source_id else ""
        mark_original_language(self, "timeline")
        latest = {}
        for entry in self.timeline.all():
            if entry.track not in latest or (entry.date, entry.sort_order or 0) >= (
                latest[entry.track].date,
                latest[entry.track].sort_order or 0,
            ):
                latest[entry.track] = entry
        for track, (status_field, date_field) in TRACK_STATE.items():
            entry = latest.get(track)
            setattr(self, status_field, entry.status if entry else self._meta.get_field(status_field).default)
            setattr(self, date_field, entry.date if entry else None)
        return super().save(*args, **kwargs)

    @property
    def implementation_differs(self):
        return self.assessed_date is not None and self.implementation_assessed != self.implementation_reported

    def share_follow_up(self):
        """Copy the language-independent fields to the live rows of every translation."""
        values = {name: getattr(self, name) for name in self.SHARED_FIELDS}
        RecommendationPage.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk).update(
            source_id=self.source_id, source_slug=self.source_slug, **values
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        source = None
        if self.source_id:
            # The source page in this page's language (the link to it is shared by every translation).
            source = (
                Page.objects.live()
                .exclude(under_a_restriction())
                .filter(
                    locale_id=self.locale_id,
                    translation_key__in=Page.objects.filter(pk=self.source_id).values("translation_key"),
                )
                .only("id", "title", "url_path", "locale_id")
                .first()
            )
        context["source_page"] = source
        context["thematic_area"] = thematic_area_in(self.locale_id, self.thematic_area)
        context["timeline"] = timeline_of([self])[self.translation_key]
        return context


# --- Study packs ------------------------------------------------------------------------------


class StudyPack(models.Model):
    """The built files of one session's study pack, in the session page's language (programme.study_packs).

    Built after an editor publishes something the pack holds, never while a reader waits; ``pages`` are
    the pages it holds, so publishing one of them finds the packs to rebuild.
    """

    session = models.OneToOneField(
        TrainingSessionPage, on_delete=models.CASCADE, related_name="study_pack", verbose_name=_("training session")
    )
    version = models.CharField(max_length=40, verbose_name=_("version"))
    built_at = models.DateTimeField(verbose_name=_("built"))
    html_file = models.FileField(upload_to="study-packs/", max_length=200)
    html_size = models.PositiveIntegerField(default=0)
    pdf_file = models.FileField(upload_to="study-packs/", max_length=200, blank=True)
    pdf_size = models.PositiveIntegerField(default=0)
    pages = models.ManyToManyField(Page, related_name="+")

    class Meta:
        verbose_name = _("study pack")
        verbose_name_plural = _("study packs")
        permissions = [("view_answer_sheet", "Can view the answer sheets of the study packs")]

    def __str__(self):
        return f"{self.session} · {self.version}"


def under_a_restriction(path="path"):
    """A condition for pages that a view restriction (on them or an ancestor) hides, checked inside the query.

    Wagtail's ``.public()`` reads the restrictions in a query of its own first; this keeps a page's
    query budget. `path` names the page's path from the queried model (e.g. "page__path" for a page's rows).
    """
    restricted = PageViewRestriction.objects.filter(page__path=Substr(models.OuterRef(path), 1, Length("page__path")))
    return models.Exists(restricted)


class TimelineEntry(TranslatableMixin, Orderable):
    """One dated change to the response or the implementation of a recommendation.

    Entries are part of the page: a new entry is public only when the page is published. The note is
    translated with the page; the other fields are the same in every language.
    """

    page = ParentalKey(RecommendationPage, on_delete=models.CASCADE, related_name="timeline")
    date = models.DateField(verbose_name=_("date"))
    track = models.CharField(max_length=20, choices=Track.choices, verbose_name=_("track"))
    status = models.CharField(max_length=20, choices=ENTRY_STATUS_CHOICES, verbose_name=_("status"))
    author_role = models.CharField(max_length=20, choices=AuthorRole.choices, verbose_name=_("recorded by"))
    note = models.TextField(blank=True, verbose_name=_("note"), help_text=_("A sentence or two: what changed."))
    evidence_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("evidence document"),
        help_text=_("A document in the library: the letter, the report, the minutes."),
    )
    evidence_url = models.URLField(blank=True, verbose_name=_("evidence link"))
    # The language the note was written in (set when the page is saved), so an untranslated note is marked.
    original_language = models.CharField(max_length=10, blank=True, editable=False)
    # Who made the change when it came from a CSV import (editors' admin only; never published).
    imported_by = models.CharField(max_length=150, blank=True, editable=False)

    translatable_fields = [
        TranslatableField("note"),
        SynchronizedField("date"),
        SynchronizedField("track"),
        SynchronizedField("status"),
        SynchronizedField("author_role"),
        SynchronizedField("evidence_document"),
        SynchronizedField("evidence_url"),
    ]
    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("track"), FieldPanel("status")]),
        FieldPanel("author_role"),
        FieldPanel("note"),
        FieldRowPanel([FieldPanel("evidence_document"), FieldPanel("evidence_url")]),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")

    def clean(self):
        super().clean()
        statuses = TRACK_STATUSES.get(self.track)
        if statuses is not None and self.status not in statuses.values:
            raise ValidationError({"status": _("This status does not belong to the chosen track.")})

    def get_status_display(self):
        return dict(ENTRY_STATUS_CHOICES).get(self.status, self.status)


def in_reader_language(rows, language, texts):
    """One object per child record from rows of every language copy, for a reader of `language`.

    `rows` are child objects annotated with `page_key` and `page_language`. The copy in the original
    language gives the facts; each of `texts` comes from the reader's copy when it is translated there.
    Otherwise the original wording is kept and `untranslated_language` names its language.
    Returns {page translation key: [objects]} in the order of `rows`.
    """
    copies = {}
    for row in rows:
        copies.setdefault((row.page_key, row.translation_key), {})[row.page_language] = row
    merged = {}
    for (page_key, _key), by_language in copies.items():
        original = next((c for c in by_language.values() if c.page_language == c.original_language), None)
        original = original or next(iter(by_language.values()))
        local = by_language.get(language)
        original.untranslated_language = ""
        if language != original.original_language:
            if local is not None and any(getattr(local, name) != getattr(original, name) for name in texts):
                for name in texts:
                    setattr(original, name, getattr(local, name))
            elif any(getattr(original, name) for name in texts):
                original.untranslated_language = original.original_language
        merged.setdefault(page_key, []).append(original)
    return merged


def mark_original_language(page, relation):
    """Child records written on this page are in its language: note it on those not yet marked."""
    language = page.locale.language_code if page.locale_id else ""
    for child in getattr(page, relation).all():
        if not child.original_language:
            child.original_language = language


def timeline_of(recommendations):
    """The published timeline of each recommendation, newest first, keyed by translation key.

    Entries are read from every language copy in one query: the original entry gives the facts; the
    note comes from the copy in the reader's language when it is translated there, otherwise the
    original note is shown and `entry.untranslated_language` names its language.
    """
    if not recommendations:
        return {}
    language = get_language()
    keys = [page.translation_key for page in recommendations]
    rows = (
        TimelineEntry.objects.filter(page__translation_key__in=keys, page__live=True)
        .annotate(page_key=models.F("page__translation_key"), page_language=models.F("page__locale__language_code"))
        .select_related("evidence_document")
        .order_by("-date", "-sort_order", "pk")
    )
    timelines = {key: [] for key in keys} | in_reader_language(rows, language, ["note"])
    for entries in timelines.values():
        entries.sort(key=lambda e: (e.date, e.sort_order or 0), reverse=True)
    return timelines
