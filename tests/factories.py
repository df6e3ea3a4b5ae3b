"""Factories for the test data: each test builds only the few records it needs.

The database every test starts from holds what `setup_site` makes (locales, the home page and
every section page in en, tg and ru, the footer, the library's groups, collections and review
workflow), so page factories take their parent from `section("training")` and the like.
Translations are published through wagtail-localize, as an editor would: `translate(page, "tg", ...)`.
"""

import uuid

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from courses.models import CourseIndexPage, CoursePage, LessonPage
from home.models import Affiliation, HomePage, MemberProfile, Organisation, StandardPage, ThematicArea
from library.models import Access, LibraryIndexPage, ResourcePage
from programme.models import (
    ConsultationIndexPage,
    ConsultationPage,
    ForumIndexPage,
    ForumPage,
    RecommendationIndexPage,
    RecommendationPage,
    TrainingProgrammePage,
    TrainingSessionPage,
)

PASSWORD = "pw-for-tests-only"  # noqa: S105

SECTION_MODELS = {
    "training": TrainingProgrammePage,
    "consultations": ConsultationIndexPage,
    "forums": ForumIndexPage,
    "recommendations": RecommendationIndexPage,
    "courses": CourseIndexPage,
    "library": LibraryIndexPage,
}


def locale(language_code="en"):
    return Locale.objects.get(language_code=language_code)


def home_page(language_code="en"):
    return HomePage.objects.get(depth=2, locale__language_code=language_code)


def section(slug, language_code="en"):
    """A section page made by setup_site, in one language: section("library", "tg")."""
    return SECTION_MODELS[slug].objects.get(slug=slug, locale__language_code=language_code)


def list_items(values):
    """ListBlock items in Wagtail's block format (wagtail-localize translates only items stored this way)."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def translate(page, language_code, **fields):
    """Publish `page` in another language with these fields changed: a quick translation for tests.

    It is Wagtail's own copy (same translation key and fields; the parent must already be translated,
    as every setup_site section is), not a wagtail-localize translation: no TranslationSource is made,
    and links to snippets still point at the English ones. Where a test is about wagtail-localize
    (its editor, synchronised fields, snippet links, follow-up sharing), use
    `home.translation.publish_translation` instead.
    """
    target_locale = locale(language_code)
    translation = page.get_translation_or_none(target_locale)
    if translation is None:
        translation = page.copy_for_translation(target_locale, copy_parents=False)
    translation = translation.specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


# --- People and the directory --------------------------------------------------------------------


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f'Public Organization "Test {n}"')
    name_tg = factory.LazyAttribute(lambda o: f"{o.name} (tg)")
    name_ru = factory.LazyAttribute(lambda o: f"{o.name} (ru)")
    type = Organisation.Type.CSO
    region = "khatlon"
    city = "Bokhtar"


class ThematicAreaFactory(factory.django.DjangoModelFactory):
    """A thematic area in English; ThematicAreaFactory(translations={"tg": "Обу ..."}) adds its translations."""

    class Meta:
        model = ThematicArea
        django_get_or_create = ["locale", "slug"]
        skip_postgeneration_save = True

    locale = factory.LazyFunction(locale)
    name = factory.Sequence(lambda n: f"Thematic area {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))

    @factory.post_generation
    def translations(self, create, extracted, **kwargs):
        for language_code, name in (extracted or {}).items():
            copy = self.copy_for_translation(locale(language_code))
            copy.name = name
            copy.save()


class UserFactory(factory.django.DjangoModelFactory):
    """A person with a profile: UserFactory(profile__organisation=org, groups=["Library moderators"])."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    username = factory.LazyAttribute(lambda o: o.email)
    first_name = "Amina"
    last_name = "Karimova"
    password = factory.django.Password(PASSWORD)
    profile = factory.RelatedFactory("tests.factories.MemberProfileFactory", factory_related_name="user")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or []:
            self.groups.add(Group.objects.get_or_create(name=name)[0])


class MemberProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberProfile
        django_get_or_create = ["user"]
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory, profile=None)
    organisation = None
    region = ""
    preferred_language = "en"

    @factory.post_generation
    def affiliation(self, create, extracted, **kwargs):
        """A person made with an organisation is a confirmed member of it (staff confirmed them), unless the
        test says profile__affiliation="pending" (a claim nobody confirmed yet) or "revoked"."""
        if not create or self.organisation is None:
            return
        link = Affiliation.objects.claim(self.user, self.organisation)
        status = extracted or Affiliation.Status.CONFIRMED
        if status != Affiliation.Status.PENDING:
            link.decide(status, method=Affiliation.Method.STAFF if status == "confirmed" else "")


# --- Pages -------------------------------------------------------------------------------------
# Parents default to the English section made by setup_site; pass parent= for another language.


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Standard page {n}")
    parent = factory.LazyFunction(home_page)
    intro = "A page of text."


class TrainingSessionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TrainingSessionPage

    title = factory.Sequence(lambda n: f"Session {n}: working with government")
    parent = factory.LazyFunction(lambda: section("training"))
    number = factory.Sequence(lambda n: n + 1)
    summary = "How CSOs take part in making laws and policies."
    duration_days = 1
    topics = factory.LazyFunction(
        lambda: [{"type": "item", "value": "The law on public associations", "id": str(uuid.uuid4())}]
    )


class ConsultationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ConsultationPage

    title = factory.Sequence(lambda n: f"Consultation {n} in Bokhtar")
    parent = factory.LazyFunction(lambda: section("consultations"))
    date = factory.Faker("date_between", start_date="-2y", end_date="today")
    city = "Bokhtar"
    country = "Tajikistan"
    convener = "World Bank Group"
    summary = "CSOs discussed the country partnership framework."


class ForumPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ForumPage

    title = factory.Sequence(lambda n: f"Civil society forum {n}")
    parent = factory.LazyFunction(lambda: section("forums"))
    date = factory.Faker("date_between", start_date="-5y", end_date="today")
    city = "Almaty"
    country = "Kazakhstan"
    theme = "Resilience through inclusion"
    summary = "A regional forum of civil society organisations."


class RecommendationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = RecommendationPage

    title = factory.Sequence(lambda n: f"Recommendation {n}")
    parent = factory.LazyFunction(lambda: section("recommendations"))
    text = "Involve civil society in monitoring the programme."
    addressee = "eu"


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Course {n}: engaging government")
    parent = factory.LazyFunction(lambda: section("courses"))
    summary = "A short course for CSO staff."
    estimated_hours = 2


def quiz(*questions):
    """A quiz StreamField value: quiz(("Is it true?", [("Yes", True), ("No", False)]), ...)."""
    blocks = []
    for text, choices in questions:
        kind = "multiple" if sum(1 for _answer, correct in choices if correct) > 1 else "single"
        items = [{"text": answer, "is_correct": correct, "feedback": ""} for answer, correct in choices]
        blocks.append(
            {
                "type": "question",
                "id": str(uuid.uuid4()),
                "value": {"text": text, "kind": kind, "choices": list_items(items), "explanation": ""},
            }
        )
    return blocks


class LessonPageFactory(wagtail_factories.PageFactory):
    """A lesson with a two-question quiz; LessonPageFactory(parent=course, quiz=[]) for one without."""

    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Lesson {n}")
    parent = factory.SubFactory(CoursePageFactory)
    module = "Session 1"
    summary = "What this lesson covers."
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Lesson text.</p>", "id": str(uuid.uuid4())}]
    )
    quiz = factory.LazyFunction(
        lambda: quiz(
            ("Who registers a public association?", [("The Ministry of Justice", True), ("The mahalla", False)]),
            ("Which are forms of engagement?", [("Hearings", True), ("Petitions", True), ("Silence", False)]),
        )
    )
    pass_mark = 70


class ResourcePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResourcePage

    title = factory.Sequence(lambda n: f"Report {n} on water committees")
    parent = factory.LazyFunction(lambda: section("library"))
    summary = "How village water committees work."
    resource_type = "report"
    access = Access.PUBLIC
    year = 2024
