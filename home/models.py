import copy
import pickle

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import page_cache
from home.blocks import BaseStreamBlock
from home.kept import Kept
from home.page_cache import current_version
from home.view_restrictions import answer_from

# Every page keeps the same slug in each language, so /tg/training/ mirrors /en/training/.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    SynchronizedField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
]


class Region(models.TextChoices):
    DUSHANBE = "dushanbe", _("Dushanbe")
    SUGHD = "sughd", _("Sughd region")
    KHATLON = "khatlon", _("Khatlon region")
    GBAO = "gbao", _("Gorno-Badakhshan (GBAO)")
    DRS = "drs", _("Districts of Republican Subordination")
    OTHER = "other", _("Outside Tajikistan")


class HomePage(Page):
    intro = models.TextField(
        blank=True, verbose_name=_("introduction"), help_text=_("One or two sentences under the site title.")
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("intro"), TranslatableField("body")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @property
    def localized(self):
        """The home page in the reader's language, kept in the cache until editors next publish.

        Wagtail looks this up (two queries) at the start of every page request. The site the request
        came for (home.middleware.CachedSiteMiddleware) already holds it for each language.
        """
        homes = self.__dict__.get("localized_homes")
        if homes and get_language() in homes:
            return homes[get_language()]
        key = f"home-localized:{current_version()}:{self.translation_key}:{get_language()}"
        page = cache.get(key)
        if page is None:
            page = Page.localized.fget(self)
            cache.set(key, page, settings.PAGE_CACHE_SECONDS or 60)
        return page

    def route(self, request, path_components):
        """Find the pages on the path in one query, instead of one query per level, or in none (route_cached).

        The page found then routes what is left of the path itself, so routable pages
        (such as the library's /submit/) behave as they would under Wagtail's own walk.
        Its parent and ancestors are kept, so breadcrumbs and back links cost nothing more.
        """
        # The site (home.middleware.CachedSiteMiddleware) keeps every view restriction: none to query here.
        site = getattr(request, "_wagtail_site", None)
        restrictions = getattr(site, "view_restrictions", None)
        if not path_components:
            # Served, so rendered: a copy of its own, never the object the process keeps (keep_home_copies).
            kept = getattr(site, "home_copies", {}).get(self.pk)
            home = pickle.loads(kept) if kept is not None else self  # noqa: S301 - written by this process
            answer_from(restrictions, home, ())
            return super(HomePage, home).route(request, path_components)
        deepest, keep = self.route_cached(request, path_components)
        if hasattr(deepest, "path_ancestors"):
            answer_from(restrictions, deepest, deepest.path_ancestors)
        result = deepest.route(request, path_components[deepest.depth - self.depth :])
        if keep is not None:  # kept only once the page served the address itself
            cache.set(*keep, settings.PAGE_CACHE_SECONDS or 60)
            request.page_cache_route_kept = keep
        return result

    def route_cached(self, request, path_components):
        """The deepest page on the path, kept in the cache with the versions of the page cache's tags for it
        (home.page_cache.page_tags: itself, its translations, its ancestors): as long as none of them has been
        published, unpublished or moved since, it is found without a query. Its tags' versions are the ones
        the page cache then reads for the request (note_page), so checking them costs no extra cache call.

        Returns the page and what to keep, stored by route() once the page has served the address: only the
        address of a page itself (None for a sub-path a routable page answers or a 404), so made-up addresses
        cannot each leave an entry."""
        key = page_cache.route_key(request)
        where = (self.pk, tuple(path_components))
        # Read with the site (home.middleware.CachedSiteMiddleware), or here for a request that came otherwise.
        kept = request.page_cache_route if hasattr(request, "page_cache_route") else cache.get(key)
        if kept is not None and kept["where"] == where:
            # With what the page looked up last time by these versions (note_page), in the same call.
            version, found = page_cache.versions(list(kept["tags"]), also=kept.get("prefetch", ()))
            if version == kept["version"] and found == kept["tags"]:
                request.page_cache_route_kept = (key, kept)
                return self._with_home(kept["page"]), None
        deepest = self.find_on_path(path_components)
        version, found = page_cache.versions(page_cache.page_tags(deepest))
        keep = None
        if version is not None and deepest.depth - self.depth == len(path_components):
            keep = (key, {"where": where, "page": self._without_home(deepest), "version": version, "tags": found})
        return self._with_home(deepest), keep

    def _without_home(self, page):
        """A copy of the routed page to keep, its first ancestor (this home page, from the cached site) left
        out: kept once with the site rather than with every page."""
        ancestors = getattr(page, "path_ancestors", None)
        if not ancestors or ancestors[0] is not self:
            return page
        kept = copy.copy(page)
        kept.path_ancestors = [None, *ancestors[1:]]
        if kept.__dict__.get("_cached_parent_obj") is self:
            del kept._cached_parent_obj
        return kept

    def _with_home(self, page):
        ancestors = getattr(page, "path_ancestors", None)
        if ancestors and ancestors[0] is None:
            page.path_ancestors = [self, *ancestors[1:]]
            if len(ancestors) == 1:
                page._cached_parent_obj = self
        return page

    def find_on_path(self, path_components):
        prefixes = [self.url_path + "/".join(path_components[:n]) + "/" for n in range(1, len(path_components) + 1)]
        # The page's own fields come in the same query when its type is guessed right (as its last sibling's).
        parent_path = prefixes[-2] if len(prefixes) > 1 else self.url_path
        guess = _CHILD_TYPES.get(parent_path)
        on_path = Page.objects.filter(url_path__in=prefixes).order_by("depth")
        if guess is not None:
            on_path = on_path.select_related(guess[1])
        on_path = list(on_path)
        if not on_path:
            raise Http404
        deepest = _specific(on_path[-1], guess)
        if on_path[-1].url_path == prefixes[-1]:
            _remember_child_type(parent_path, type(deepest))
        ancestors = [self, *on_path[:-1]]
        if [page.depth for page in ancestors] == list(range(self.depth, deepest.depth)):
            deepest._cached_parent_obj = ancestors[-1]
            deepest.path_ancestors = ancestors
        return deepest


# {parent's url_path: (page model, select_related path to it from Page)}: the type of the page last found
# under a parent, a guess checked against the row's content type each time. Bounded (one per parent).
_CHILD_TYPES = Kept(2000, seconds=None)


def _select_path(model):
    """The select_related path from Page to a page model's own table ("trainingsessionpage"), or None."""
    steps = []
    while model is not Page:
        parents = [parent for parent in model._meta.parents if issubclass(parent, Page)]
        if len(parents) != 1:
            return None
        steps.append(model._meta.parents[parents[0]].related_query_name())
        model = parents[0]
    return "__".join(reversed(steps)) or None


def _remember_child_type(parent_path, model):
    known = _CHILD_TYPES.get(parent_path)
    if known is not None and known[0] is model:
        return
    select = _select_path(model)
    if select is None:
        return
    _CHILD_TYPES.keep(parent_path, (model, select))


def _specific(row, guess):
    """The row as its own page type: from the row itself when the guess was right, otherwise one query."""
    if guess is not None and row.specific_class is guess[0]:
        found = row
        for step in guess[1].split("__"):
            found = getattr(found, step, None)
        if isinstance(found, guess[0]):
            return found
    return row.specific


class StandardPage(Page):
    """A page of text for anything without a type of its own: about, partners, help."""

    intro = models.TextField(blank=True, verbose_name=_("introduction"))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("intro"), TranslatableField("body")]

    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class ThematicArea(TranslatableMixin, models.Model):
    """A topic shared by programme content, courses and library resources."""

    name = models.CharField(max_length=120, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=120, verbose_name=_("slug"), help_text=_("Used in filter links; the same in every language.")
    )
    description = models.TextField(blank=True, verbose_name=_("description"))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug"), TranslatableField("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["locale", "slug"], name="unique_thematic_area_slug_per_locale")]

    def __str__(self):
        return self.name


class Sex(models.TextChoices):
    """Self-declared by the learner, optional, and reported only in aggregate."""

    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    NOT_SAID = "not_said", _("Prefer not to say")


def thematic_areas_in(locale_id, areas):
    """The one rule for links to thematic areas, in every app: a page may link to an area in any
    language (wagtail-localize keeps the source's link in each translation), and readers always see
    the area in the page's language, or as linked while it has no translation there.
    """
    key = f"thematic-areas:{current_version()}:{locale_id}"
    by_key = cache.get(key)
    if by_key is None:
        by_key = {area.translation_key: area for area in ThematicArea.objects.filter(locale_id=locale_id)}
        cache.set(key, by_key, settings.PAGE_CACHE_SECONDS or 60)
    return [by_key.get(area.translation_key, area) for area in areas if area is not None]


def thematic_area_in(locale_id, area):
    """One linked area (or None) by the same rule."""
    return thematic_areas_in(locale_id, [area])[0] if area is not None else None


class Organisation(models.Model):
    """One record per organisation, wherever it appears: attendee, publisher, learner's employer."""

    class Type(models.TextChoices):
        CSO = "cso", _("Civil society organisation")
        COMMUNITY = "community", _("Community group")
        GOVERNMENT = "government", _("Government body")
        ACADEMIC = "academic", _("Academic institution")
        INTERNATIONAL = "international", _("International organisation or donor")
        MEDIA = "media", _("Media")
        PRIVATE = "private", _("Private sector")
        OTHER = "other", _("Other")

    class SizeBand(models.TextChoices):
        """Paid staff and regular volunteers, as the organisation declares them."""

        SMALL = "1-5", _("1 to 5 people")
        MEDIUM = "6-20", _("6 to 20 people")
        LARGE = "21-50", _("21 to 50 people")
        LARGER = "51+", _("More than 50 people")

    name = models.CharField(max_length=255, unique=True, verbose_name=_("name (English)"))
    name_tg = models.CharField(max_length=255, blank=True, verbose_name=_("name in Tajik"))
    name_ru = models.CharField(max_length=255, blank=True, verbose_name=_("name in Russian"))
    type = models.CharField(max_length=20, choices=Type.choices, default=Type.CSO, verbose_name=_("type"))
    size_band = models.CharField(max_length=10, choices=SizeBand.choices, blank=True, verbose_name=_("size"))
    region = models.CharField(max_length=20, choices=Region.choices, blank=True, verbose_name=_("region"))
    city = models.CharField(max_length=100, blank=True, verbose_name=_("city or district"))
    website = models.URLField(blank=True, verbose_name=_("website"))
    is_verified = models.BooleanField(
        default=True,
        verbose_name=_("verified"),
        help_text=_("Unticked for names typed in by learners at sign-up, until an editor checks or merges them."),
    )
    email_domain = models.CharField(
        max_length=100,
        blank=True,
        verbose_name=_("email domain"),
        help_text=_(
            "The organisation's own email domain, such as sino.tj, once you have checked it is theirs. People who "
            "confirm an address at this domain become confirmed members at once. Never a public mail service."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("name_tg"), FieldPanel("name_ru")],
            heading=_("Name"),
            help_text=_(
                "The English name is required; add the Tajik and Russian names as the organisation writes them."
            ),
        ),
        FieldPanel("type"),
        FieldPanel("size_band"),
        FieldPanel("region"),
        FieldPanel("city"),
        FieldPanel("website"),
        FieldPanel("is_verified"),
        FieldPanel("email_domain"),
    ]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.localized_name

    def clean(self):
        domain = self.email_domain.strip().lower().lstrip("@")
        if domain and ("." not in domain or " " in domain):
            raise ValidationError({"email_domain": _("Write the domain only, such as sino.tj.")})
        if domain in PUBLIC_MAIL_DOMAINS:
            message = _("Anyone can have an address at %(domain)s: it cannot confirm members.")
            raise ValidationError({"email_domain": message % {"domain": domain}})
        self.email_domain = domain

    @property
    def localized_name(self):
        language = (get_language() or "en").split("-")[0]
        return getattr(self, f"name_{language}", "") or self.name


class FooterText(TranslatableMixin, models.Model):
    """The text at the foot of every page, one per language."""

    body = RichTextField(features=["bold", "italic", "link"], verbose_name=_("footer text"))

    panels = [FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer text")

    def __str__(self):
        return str(_("Footer text"))


class MemberProfile(models.Model):
    """What we know about a learner or library member beyond their login."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        verbose_name=_("organisation"),
    )
    region = models.CharField(max_length=20, choices=Region.choices, blank=True, verbose_name=_("region"))
    phone = models.CharField(
        max_length=30,
        blank=True,
        verbose_name=_("phone"),
        help_text=_("Optional. Lets a trainer match your attendance at an in-person session to your account."),
    )
    sex = models.CharField(
        max_length=10,
        choices=Sex.choices,
        blank=True,
        verbose_name=_("sex"),
        help_text=_("Optional. Only you see it; reports count it only in totals of five or more people."),
    )
    preferred_language = models.CharField(
        max_length=10, choices=settings.LANGUAGES, default="en", verbose_name=_("preferred language")
    )
    email_confirmed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("email confirmed"))

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()

    def save(self, *args, **kwargs):
        self.phone = normalise_phone(self.phone)
        super().save(*args, **kwargs)


PUBLIC_MAIL_DOMAINS = frozenset(
    "gmail.com googlemail.com mail.ru inbox.ru list.ru bk.ru yandex.ru ya.ru yandex.com yahoo.com outlook.com "
    "hotmail.com live.com icloud.com me.com aol.com proton.me protonmail.com gmx.com gmx.net tut.by rambler.ru "
    "somon.tj".split()
)


def email_digest(email):
    """A keyed digest of an address, to remember a revocation after the account (and its email) is deleted."""
    return salted_hmac("home.Affiliation", (email or "").strip().lower()).hexdigest()


def email_domain(email):
    return (email or "").rpartition("@")[2].strip().lower()


class AffiliationQuerySet(models.QuerySet):
    def current(self, user):
        """The person's link to the organisation in their profile (None without one)."""
        profile = MemberProfile.objects.filter(user=user).only("organisation_id").first()
        if profile is None or profile.organisation_id is None:
            return None
        return self.filter(user=user, organisation_id=profile.organisation_id).order_by("-pk").first()

    def confirmed_organisation(self, user):
        """The organisation the person belongs to by a confirmed link, on this request (None otherwise)."""
        if not user.is_authenticated:
            return None
        affiliation = self.current(user)
        if affiliation is None or affiliation.status != Affiliation.Status.CONFIRMED:
            return None
        return affiliation.organisation

    def pending_colleagues(self, user):
        """Claims to the person's organisation that they may confirm: only a confirmed member sees them."""
        organisation = self.confirmed_organisation(user)
        if organisation is None:
            return self.none()
        return (
            self.filter(organisation=organisation, status=Affiliation.Status.PENDING, user__isnull=False)
            .exclude(user=user)
            .select_related("user")
            .order_by("created_at")
        )

    def confirm_by_email_domain(self, user):
        """Confirm a pending link when the person's confirmed email is at the organisation's verified domain."""
        link = self.current(user)
        if link is None or link.status != Affiliation.Status.PENDING or not link.organisation.email_domain:
            return None
        if not MemberProfile.objects.filter(user=user, email_confirmed_at__isnull=False).exists():
            return None
        if email_domain(user.email) != link.organisation.email_domain:
            return None
        link.decide(Affiliation.Status.CONFIRMED, method=Affiliation.Method.EMAIL_DOMAIN)
        return link

    def claim(self, user, organisation):
        """The person says they work for `organisation` (sign-up or profile): pending until confirmed.

        Their links to other organisations end (a revoked one is kept: it is how a revocation sticks). A link
        to this organisation that staff or a colleague revoked stays revoked, also for a new account with the
        same email. Returns the link, or None without an organisation.
        """
        self.filter(user=user).exclude(organisation=organisation).exclude(status=Affiliation.Status.REVOKED).delete()
        if organisation is None:
            return None
        digest = email_digest(user.email or user.get_username())
        existing = self.filter(user=user, organisation=organisation).order_by("-pk").first()
        revoked = self.filter(organisation=organisation, status=Affiliation.Status.REVOKED).filter(
            models.Q(user=user) | models.Q(email_digest=digest)
        )
        if revoked.exists():
            if existing is None or existing.status != Affiliation.Status.REVOKED:
                self.filter(user=user, organisation=organisation).delete()
                existing = self.create(
                    user=user, organisation=organisation, email_digest=digest, status=Affiliation.Status.REVOKED
                )
            return existing
        if existing is not None:
            return existing
        return self.create(user=user, organisation=organisation, email_digest=digest)


class Affiliation(models.Model):
    """A person's link to an organisation. Claimed at sign-up or in the profile, it is pending until a confirmed
    member of the organisation, staff, or the organisation's verified email domain confirms it. Only confirmed
    links count (the library's members-only files, submissions on behalf of the organisation)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        REVOKED = "revoked", _("Revoked")

    class Method(models.TextChoices):
        COLLEAGUE = "colleague", _("By a colleague")
        STAFF = "staff", _("By staff")
        EMAIL_DOMAIN = "email_domain", _("By the organisation's email domain")
        EARLIER_RULE = "earlier_rule", _("Kept from before confirmation existed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="affiliations",
        verbose_name=_("person"),
    )
    email_digest = models.CharField(max_length=64, db_index=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="affiliations", verbose_name=_("organisation")
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True, verbose_name=_("status")
    )
    method = models.CharField(max_length=20, choices=Method.choices, blank=True, verbose_name=_("confirmed how"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(null=True, blank=True, verbose_name=_("decided on"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("claimed on"))

    objects = AffiliationQuerySet.as_manager()

    panels = [FieldPanel("user", read_only=True), FieldPanel("organisation", read_only=True), FieldPanel("status")]

    class Meta:
        verbose_name = _("organisation link")
        verbose_name_plural = _("organisation links")
        ordering = ["-created_at"]

    def __str__(self):
        """The name and the email: staff judge a claim by both (an address at the organisation's domain helps)."""
        if self.user is None:
            return f"{_('deleted account')} — {self.organisation.name}"
        name = self.user.get_full_name()
        email = self.user.email or self.user.get_username()
        return f"{name} ({email})" if name else email

    def decide(self, status, by=None, method=""):
        """Confirm or revoke, remembering who did it and when."""
        self.status = status
        self.decided_by = by
        self.decided_at = timezone.now()
        self.method = method if status == self.Status.CONFIRMED else ""
        self.save(update_fields=["status", "decided_by", "decided_at", "method"])


def normalise_phone(phone):
    """Digits only, with a leading + kept: "+992 93 123-45-67" and "+992931234567" are one number."""
    phone = (phone or "").strip()
    digits = "".join(character for character in phone if character.isdigit())
    return f"+{digits}" if phone.startswith("+") and digits else digits


class SearchEntry(models.Model):
    """One live, public page in the site search: its locale and the text its results show.

    Kept in step with the pages by home.signal_handlers; rebuilt by `rebuild_search_entries`.
    The words are in SearchTerm, one row per key (see home.search_text).
    """

    page = models.OneToOneField(Page, on_delete=models.CASCADE, primary_key=True, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    title = models.TextField()
    text = models.TextField(blank=True, help_text="The page's searchable text, without markup.")
    size = models.PositiveIntegerField(default=0, help_text="Characters in title and text: shorter ranks first.")

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return self.title


class SearchTerm(models.Model):
    """One key of one word of a page in the search index (see home.search_text.keys)."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="terms")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    term = models.CharField(max_length=64)
    reversed_term = models.CharField(max_length=64)
    length = models.PositiveSmallIntegerField()
    in_title = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [models.UniqueConstraint(fields=["entry", "term"], name="home_searchterm_once_per_entry")]
        # Pattern operator classes let PostgreSQL use these for `term IN (...)` and for the prefix
        # (`LIKE 'ab%'`) of did-you-mean whatever the database's collation; SQLite ignores them.
        indexes = [
            # Covering (PostgreSQL): a word in every page is ranked from the index alone, without a
            # visit to each of its rows (home.search_index._ranked_sql).
            models.Index(
                fields=["locale", "term"],
                name="home_searchterm_term_cover",
                opclasses=["int4_ops", "varchar_pattern_ops"],
                include=["entry", "in_title"],
            ),
            models.Index(
                fields=["locale", "reversed_term"],
                name="home_searchterm_reversed",
                opclasses=["int4_ops", "varchar_pattern_ops"],
            ),
        ]

    def __str__(self):
        return self.term
