"""The resource centre: resource pages, their files, submissions and library membership.

Access rule (documented in ``library/access.py``): members-only files live in a collection that
Wagtail restricts to the "Library members" group, so Wagtail's own document view refuses them to
everyone else on every request. Membership is that group; ``LibraryMembership`` remembers who was
granted it and who was revoked, so a revoked member is never re-added automatically.
"""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask, Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import PAGE_TRANSLATABLE_FIELDS, Affiliation, email_digest, thematic_areas_in

from .access import MEMBERS_GROUP, can_open_members_files, is_library_member


class ResourceType(models.TextChoices):
    REPORT = "report", _("Report")
    DATASET = "dataset", _("Database or dataset")
    TRAINING = "training", _("Training module")
    GUIDE = "guide", _("Guide or toolkit")
    LEGAL = "legal", _("Legal or policy text")
    OTHER = "other", _("Other")


class Access(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members only")


class MaterialLanguage(models.TextChoices):
    TAJIK = "tg", _("Tajik")
    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")
    UZBEK = "uz", _("Uzbek")
    OTHER = "other", _("Other language")


class Coverage(models.TextChoices):
    TAJIKISTAN = "tajikistan", _("Tajikistan")
    CENTRAL_ASIA = "central-asia", _("Central Asia")
    EUROPE_CENTRAL_ASIA = "europe-central-asia", _("Europe and Central Asia")
    WESTERN_BALKANS = "western-balkans", _("Western Balkans and Turkey")
    GLOBAL = "global", _("Global")


class LibraryIndexPage(RoutablePageMixin, Page):
    """The resource centre: /<lang>/library/ lists, /submit/ takes contributions, /my-submissions/ shows them."""

    keeps_filters_across_languages = True  # filter values are the same codes in every language

    intro = models.TextField(blank=True, verbose_name=_("introduction"))
    contribute_text = models.TextField(
        blank=True,
        verbose_name=_("invitation to contribute"),
        help_text=_("Shown to readers who cannot open members-only files yet."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("contribute_text")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("intro"),
        TranslatableField("contribute_text"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.ResourcePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("library")
        verbose_name_plural = _("libraries")

    def page_cache_keys(self):
        """What serving the library looks up in the cache, read with the call that checks the page found at
        the address (home.page_cache.note_page): the facets version its lists, counts and cards are kept by."""
        from .facets import FACETS_VERSION_KEY  # noqa: PLC0415 (beside the views, which import these models)

        return [FACETS_VERSION_KEY]

    @property
    def views(self):
        # The one lazy import in this app: the views import these models, and the page hands over to them.
        from . import views

        return views

    @path("")
    def index_route(self, request):
        return self.views.resource_list(request, self)

    @path("submit/")
    def submit_route(self, request):
        return self.views.submit_resource(request, self)

    @path("my-submissions/")
    def my_submissions_route(self, request):
        return self.views.my_submissions(request, self)

    @path("my-submissions/<int:pk>/edit/")
    def edit_submission_route(self, request, pk):
        return self.views.edit_submission(request, self, pk)


class ResourcePage(Page):
    summary = models.TextField(verbose_name=_("summary"))
    resource_type = models.CharField(
        max_length=20, choices=ResourceType.choices, default=ResourceType.REPORT, verbose_name=_("type")
    )
    access = models.CharField(
        max_length=10,
        choices=Access.choices,
        default=Access.PUBLIC,
        verbose_name=_("access"),
        help_text=_("Members-only files can be opened by library members only; everyone sees the description."),
    )
    organisation = models.ForeignKey(
        "home.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="library_resources",
        verbose_name=_("publishing organisation"),
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("year"))
    coverage = models.CharField(
        max_length=30, choices=Coverage.choices, blank=True, verbose_name=_("country or region")
    )
    keywords = models.CharField(max_length=255, blank=True, verbose_name=_("keywords"))
    external_url = models.URLField(blank=True, verbose_name=_("external link"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("access"),
                FieldPanel("organisation"),
                FieldPanel("year"),
                FieldPanel("coverage"),
                FieldPanel("keywords"),
            ],
            heading=_("Description"),
        ),
        InlinePanel("material_languages", label=_("Languages of the material"), min_num=1),
        InlinePanel("thematic_area_links", label=_("Thematic areas")),
        InlinePanel("files", label=_("Files")),
        FieldPanel("external_url"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("keywords"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("keywords"),
        SynchronizedField("resource_type"),
        SynchronizedField("access"),
        SynchronizedField("organisation"),
        SynchronizedField("year"),
        SynchronizedField("coverage"),
        SynchronizedField("external_url"),
        SynchronizedField("material_languages"),
        SynchronizedField("thematic_area_links"),
        SynchronizedField("files"),
    ]

    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("library resource")
        verbose_name_plural = _("library resources")

    @property
    def is_members_only(self):
        return self.access == Access.MEMBERS

    @property
    def content_language(self):
        """The language the title and summary are written in: an untranslated contribution shown in another
        language's library (an alias of the original) keeps the original's."""
        return self.alias_of.locale.language_code if self.alias_of_id else self.locale.language_code

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = list(self.files.select_related("document"))
        context["languages"] = [link.get_language_display() for link in self.material_languages.all()]
        linked = [link.thematic_area for link in self.thematic_area_links.select_related("thematic_area")]
        context["areas"] = [area.name for area in thematic_areas_in(self.locale_id, linked)]
        context["can_open_files"] = (not self.is_members_only) or can_open_members_files(request.user)
        context["library"] = self.get_parent()
        return context


class ResourceMaterialLanguage(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="material_languages")
    language = models.CharField(max_length=10, choices=MaterialLanguage.choices, verbose_name=_("language"))

    panels = [FieldPanel("language")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["page", "language"], name="unique_resource_language")]


class ResourceThematicArea(Orderable):
    """A resource's thematic area; every translation keeps the same links (see home.models.thematic_areas_in)."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="thematic_area_links")
    thematic_area = models.ForeignKey(
        "home.ThematicArea", on_delete=models.CASCADE, related_name="+", verbose_name=_("thematic area")
    )

    panels = [FieldPanel("thematic_area")]


class ResourceFile(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("file")
    )

    panels = [FieldPanel("document")]


class DownloadCount(models.Model):
    """Downloads of a resource, counted across its translations (keyed by the page's translation key)."""

    translation_key = models.UUIDField(unique=True)
    count = models.PositiveIntegerField(default=0, verbose_name=_("downloads"))

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")

    def __str__(self):
        page = ResourcePage.objects.filter(translation_key=self.translation_key).order_by("pk").first()
        return page.title if page else str(self.translation_key)


class SubmissionQuerySet(models.QuerySet):
    def has_contributed(self, organisation):
        """True once any contribution from the organisation has been approved: its people may open members' files."""
        return self.filter(organisation=organisation, status=Submission.Status.APPROVED).exists()


class Submission(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a moderator")
        APPROVED = "approved", _("Approved")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        REJECTED = "rejected", _("Rejected")

    page = models.OneToOneField(
        ResourcePage, on_delete=models.CASCADE, related_name="submission", verbose_name=_("resource")
    )
    # A deleted account leaves its approved contributions to the organisation, without a name
    # (library.signal_handlers.withdraw_or_anonymise_submissions).
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="library_submissions",
        verbose_name=_("sent by"),
    )
    organisation = models.ForeignKey(
        "home.Organisation",
        on_delete=models.PROTECT,
        related_name="library_submissions",
        verbose_name=_("organisation"),
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True, verbose_name=_("status")
    )
    moderator_comment = models.TextField(blank=True, verbose_name=_("moderator's comment"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("sent on"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("changed"))

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("library submission")
        verbose_name_plural = _("library submissions")
        ordering = ["-created_at"]

    def __str__(self):
        return self.page.title

    @admin.display(description=_("sent by"), ordering="submitter")
    def sent_by(self):
        """The submitter for the moderators' listing, or "deleted account" once the person deleted it."""
        if self.submitter is None:
            return _("deleted account")
        return str(self.submitter)


class LibraryMembershipManager(models.Manager):
    def sync(self, user, note=""):
        """Put the person in the members group when the rule of ``access.is_library_member`` holds, and take
        them out when it does not. Staff's "Revoked" is never undone here. Returns True for a member.

        Called on every profile save: when the group already agrees it writes nothing, and a site where
        setup_site has not made the group yet only skips the group."""
        member = is_library_member(user)
        if member:
            self.get_or_create(user=user, defaults={"note": note})
        in_group = user.groups.filter(name=MEMBERS_GROUP).exists()
        if member != in_group:
            group = members_group()
            if group is not None:
                (user.groups.add if member else user.groups.remove)(group)
        return member

    def grant_organisation(self, organisation, note=""):
        """Confirmed members of the organisation become library members (pending and revoked people stay out)."""
        people = (
            Affiliation.objects.filter(
                organisation=organisation,
                status=Affiliation.Status.CONFIRMED,
                user__profile__organisation=organisation,
            )
            .select_related("user")
            .distinct()
        )
        return [link.user for link in people if self.sync(link.user, note=note)]

    def is_revoked(self, user):
        """Revoked for this account, or for a deleted account with the same email (until staff lift it)."""
        earlier = models.Q(user__isnull=True, email_digest=email_digest(user.email or user.get_username()))
        return self.filter(models.Q(user=user) | earlier, status=LibraryMembership.Status.REVOKED).exists()

    def forget(self, user):
        """A deleted account's membership goes with it, except a revocation: kept by a digest of the email."""
        self.filter(user=user).exclude(status=LibraryMembership.Status.REVOKED).delete()
        self.filter(user=user).update(email_digest=email_digest(user.email or user.get_username()))

    def inherit_revocation(self, user):
        """A new account with the address of a revoked, deleted one takes over its revocation, for staff to see
        (and lift) under the new account."""
        earlier = self.filter(user__isnull=True, email_digest=email_digest(user.email or user.get_username()))
        kept = earlier.order_by("-changed_at").first()
        if kept is not None and not self.filter(user=user).exists():
            earlier.exclude(pk=kept.pk).delete()
            self.filter(pk=kept.pk).update(user=user)


def members_group():
    """The group Wagtail's collection restriction names, made by setup_site (None before it has run)."""
    return Group.objects.filter(name=MEMBERS_GROUP).first()


class LibraryMembership(models.Model):
    """Who holds the "Library members" group and why; a revoked membership is never re-granted automatically."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        REVOKED = "revoked", _("Revoked")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,  # a revocation outlives the account (LibraryMembershipManager.forget)
        related_name="library_membership",
        verbose_name=_("user"),
    )
    email_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE, verbose_name=_("status"))
    note = models.CharField(max_length=255, blank=True, verbose_name=_("note"))
    granted_at = models.DateTimeField(auto_now_add=True, verbose_name=_("granted"))
    changed_at = models.DateTimeField(auto_now=True, verbose_name=_("changed"))

    panels = [FieldPanel("user", read_only=True), FieldPanel("status"), FieldPanel("note")]

    objects = LibraryMembershipManager()

    class Meta:
        verbose_name = _("library membership")
        verbose_name_plural = _("library memberships")
        ordering = ["-changed_at"]

    def __str__(self):
        if self.user is None:
            return str(_("deleted account"))
        return self.user.get_full_name() or self.user.get_username()

    def apply_status(self):
        """Keep the group in step with a membership record edited by staff."""
        if self.user is None:
            return
        if self.status == self.Status.REVOKED:
            group = members_group()
            if group is not None:
                self.user.groups.remove(group)
        else:
            LibraryMembership.objects.sync(self.user)


class ModeratorCommentForm(TaskStateCommentForm):
    """Wagtail's comment form, whose label is translated once at import (in English): this one follows the editor."""

    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea({"rows": 2}))


class LibraryReviewTask(AbstractGroupApprovalTask):
    """Wagtail's group approval task plus a final "Reject" that records the moderator's reason."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions:
            actions = actions + [("decline", _("Reject for good"), True)]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "decline":
            submission = Submission.objects.filter(page_id=task_state.workflow_state.object_id).first()
            if submission:
                submission.status = Submission.Status.REJECTED
                submission.moderator_comment = kwargs.get("comment", "") or ""
                submission.save(update_fields=["status", "moderator_comment", "updated_at"])
            task_state.reject(user=user, **kwargs)
            return None
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_form_for_action(self, action):
        return ModeratorCommentForm

    @classmethod
    def get_description(cls):
        return _("Moderators approve a library submission, request changes, or reject it with a reason")

    class Meta:
        verbose_name = _("library review task")
        verbose_name_plural = _("library review tasks")
