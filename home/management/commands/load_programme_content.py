"""Load the programme content from the seeds: training, consultation, forum, recommendations, partners.

Safe to run again: pages that exist are left as they are (editors may have changed them since).
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale

from home.demo import ensure_child_page, ensure_translations, list_items
from home.demo_directory import ORGANISATIONS
from home.demo_programme import (
    CONSULTATION,
    CONSULTATION_RECOMMENDATIONS,
    FORUM,
    FORUM_RECOMMENDATIONS,
    PARTNER_PAGES,
    PROGRAMME,
    SECTIONS,
    SESSIONS,
)
from home.models import (
    ConsultationIndexPage,
    ConsultationOrganisation,
    ConsultationPage,
    ForumIndexPage,
    ForumPage,
    HomePage,
    Organisation,
    RecommendationIndexPage,
    RecommendationPage,
    StandardPage,
    ThematicArea,
    TrainingProgrammePage,
    TrainingSessionPage,
)


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def items(values):
    """StreamField items for a TopicListBlock (topics, objectives)."""
    return [{"type": "item", "value": value} for value in values]


class Command(BaseCommand):
    help = "Load the training programme, consultation, forum, recommendations and partner pages."

    def handle(self, *args, **options):
        english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        home = HomePage.objects.get(depth=2, locale=english)
        with transaction.atomic():
            self.load_training(home)
        with transaction.atomic():
            consultation = self.load_consultation(home)
        with transaction.atomic():
            forum = self.load_forum(home)
        with transaction.atomic():
            self.load_recommendations(home, consultation, forum)
        with transaction.atomic():
            self.load_partners(home)

    def section(self, home, model, key):
        title, intro = SECTIONS[key]
        page, _created = ensure_child_page(home, model, key, title=title, intro=intro, show_in_menus=True)
        ensure_translations(page)
        return page

    def load_training(self, home):
        fields = dict(PROGRAMME)
        fields["body"] = [paragraph(text) for text in fields.pop("body")]
        title, intro = SECTIONS["training"]
        programme, _created = ensure_child_page(
            home, TrainingProgrammePage, "training", title=title, intro=intro, show_in_menus=True, **fields
        )
        ensure_translations(programme)
        for session in SESSIONS:
            page, _created = ensure_child_page(
                programme,
                TrainingSessionPage,
                session["slug"],
                title=session["title"],
                number=session["number"],
                summary=session["summary"],
                duration_days=1,
                topics=items(session["topics"]),
                objectives=items(session["objectives"]),
            )
            ensure_translations(page)

    def load_consultation(self, home):
        index = self.section(home, ConsultationIndexPage, "consultations")
        data = dict(CONSULTATION)
        # The 28 organisations of the seed's annex, already in the directory (home/demo_directory.py).
        organisations = [name for name, *_rest in ORGANISATIONS]
        slug = data.pop("slug")
        data["key_topics"] = [
            {
                "type": "topic",
                "value": {
                    "heading": topic["heading"],
                    "raised": "".join(f"<p>{text}</p>" for text in topic["raised"]),
                    "response": f"<p>{topic['response']}</p>" if topic.get("response") else "",
                },
            }
            for topic in data.pop("key_topics")
        ]
        page, created = ensure_child_page(index, ConsultationPage, slug, **data)
        if created:
            by_name = Organisation.objects.in_bulk(organisations, field_name="name")
            missing = set(organisations) - set(by_name)
            if missing:
                raise LookupError(f"Organisations missing from the directory: {sorted(missing)}")
            for order, name in enumerate(organisations):
                ConsultationOrganisation.objects.create(page=page, organisation=by_name[name], sort_order=order)
            page.save_revision().publish()
        ensure_translations(page)
        return page

    def load_forum(self, home):
        index = self.section(home, ForumIndexPage, "forums")
        data = dict(FORUM)
        slug = data.pop("slug")
        data["concept"] = "".join(f"<p>{text}</p>" for text in data["concept"])
        data["sessions"] = [
            {
                "type": "session",
                "value": {
                    "number": session["number"],
                    "title": session["title"],
                    "examined": session["examined"],
                    "discussion_points": list_items(session["discussion_points"]),
                    "conclusions": session.get("conclusions", ""),
                },
            }
            for session in data["sessions"]
        ]
        page, _created = ensure_child_page(index, ForumPage, slug, **data)
        ensure_translations(page)
        return page

    def load_recommendations(self, home, consultation, forum):
        index = self.section(home, RecommendationIndexPage, "recommendations")
        english = index.locale
        areas = {area.slug: area for area in ThematicArea.objects.filter(locale=english)}
        for source, recommendations in ((forum, FORUM_RECOMMENDATIONS), (consultation, CONSULTATION_RECOMMENDATIONS)):
            for number, recommendation in enumerate(recommendations, start=1):
                page, _created = ensure_child_page(
                    index,
                    RecommendationPage,
                    f"{source.slug}-{number:02d}",
                    title=recommendation["title"],
                    text=recommendation["text"],
                    source=source,
                    session_number=recommendation.get("session"),
                    thematic_area=areas[recommendation["area"]],
                    addressee=recommendation["addressee"],
                )
                ensure_translations(page)

    def load_partners(self, home):
        partners = self.section(home, StandardPage, "partners")
        for page_data in PARTNER_PAGES:
            page, _created = ensure_child_page(
                partners,
                StandardPage,
                page_data["slug"],
                title=page_data["title"],
                intro=page_data["intro"],
                body=[paragraph(text) for text in page_data["body"]],
            )
            ensure_translations(page)
