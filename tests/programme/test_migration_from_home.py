"""Moving the programme pages from `home` to `programme` loses nothing on a database made before the move.

A new database is migrated to the old schema (home 0002, when `home` owned the programme pages),
filled with programme content through the models as they were then, and migrated to the new
layout; the content is then read through the new models.
"""

import json

import pytest

from tests.operator import empty_database, manage

OLD_CONTENT = """
import json, uuid
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.contrib.contenttypes.models import ContentType
from taggit.models import Tag
from wagtail.models import Revision

apps = MigrationLoader(connection).project_state(("home", "0002_programme_content_pages")).apps
Page = apps.get_model("wagtailcore", "Page")
Locale = apps.get_model("wagtailcore", "Locale")
english = Locale.objects.get(language_code="en")
root = Page.objects.get(depth=1)
ids = {}

def add(model_name, parent, slug, **fields):
    model = apps.get_model("home", model_name)
    content_type, _ = ContentType.objects.get_or_create(app_label="home", model=model_name.lower())
    position = parent.numchild + 1
    page = model.objects.create(
        title=fields.pop("title", slug), draft_title=slug, slug=slug, path=parent.path + f"{position:04d}",
        depth=parent.depth + 1, numchild=0, url_path=parent.url_path + slug + "/", content_type_id=content_type.pk,
        locale_id=english.pk, translation_key=uuid.uuid4(), **fields,
    )
    Page.objects.filter(pk=parent.pk).update(numchild=position)
    parent.numchild = position
    ids[slug] = page.pk
    return Page.objects.get(pk=page.pk)

programme = add("TrainingProgrammePage", root, "training", funder="The Accountability Fund", staff_trained=140)
add("TrainingSessionPage", programme, "laws", number=3, summary="The laws that govern CSOs.", duration_days=2,
    topics=json.dumps([{"type": "item", "value": "Registration", "id": str(uuid.uuid4())}]))
consultations = add("ConsultationIndexPage", root, "consultations")
consultation = add("ConsultationPage", consultations, "bokhtar", date="2025-04-10", city="Bokhtar",
                   country="Tajikistan", convener="World Bank Group", summary="CPF consultation.")
Organisation = apps.get_model("home", "Organisation")
sino = Organisation.objects.create(name="Public Organization Sino")
apps.get_model("home", "ConsultationOrganisation").objects.create(
    page_id=consultation.pk, organisation_id=sino.pk, sort_order=0
)
recommendations = add("RecommendationIndexPage", root, "recommendations")
area = apps.get_model("home", "ThematicArea").objects.create(
    locale_id=english.pk, name="Water", slug="water", translation_key=uuid.uuid4()
)
recommendation = add("RecommendationPage", recommendations, "monitor", text="Involve CSOs in monitoring.",
                     source_id=consultation.pk, source_slug="bokhtar", thematic_area_id=area.pk, addressee="donors",
                     follow_up_status="in_progress", follow_up_note="Meetings planned.")
tag = Tag.objects.create(name="monitoring", slug="monitoring")
apps.get_model("home", "RecommendationTag").objects.create(content_object_id=recommendation.pk, tag_id=tag.pk)
Revision.objects.create(
    content_type_id=ContentType.objects.get(app_label="home", model="recommendationpage").pk,
    base_content_type_id=ContentType.objects.get(app_label="wagtailcore", model="page").pk,
    object_id=str(recommendation.pk), content={"pk": recommendation.pk, "title": "monitor", "text": "Draft text"},
)
print(json.dumps(ids))
"""

NEW_CONTENT = """
import json
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Revision
from programme.models import ConsultationPage, RecommendationPage, TrainingProgrammePage, TrainingSessionPage

ids = json.loads('IDS')
session = Page.objects.get(pk=ids["laws"]).specific
recommendation = Page.objects.get(pk=ids["monitor"]).specific
consultation = Page.objects.get(pk=ids["bokhtar"]).specific
print(json.dumps({
    "session": [type(session).__module__, session.number, session.summary, [b.value for b in session.topics]],
    "programme": [TrainingProgrammePage.objects.get(pk=ids["training"]).funder],
    "attendees": [link.organisation.name for link in consultation.attending_organisations.all()],
    "recommendation": [
        recommendation.text, recommendation.thematic_area.slug, recommendation.source.specific.city,
        recommendation.implementation_assessed, [entry.note for entry in recommendation.timeline.all()],
        [tag.slug for tag in recommendation.tags.all()],
    ],
    "revision": [type(Revision.objects.get(object_id=str(ids["monitor"])).as_object()).__name__],
    "home content types left": sorted(
        ContentType.objects.filter(app_label="home", model__in=["trainingsessionpage", "recommendationpage"])
        .values_list("model", flat=True)
    ),
}))
"""


@pytest.mark.slow
def test_programme_content_made_under_home_survives_the_move(tmp_path):
    with empty_database(tmp_path) as database_url:
        env = {"DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
        manage(env, "migrate", "--noinput", "home", "0002_programme_content_pages")
        ids = manage(env, "shell", "--verbosity=0", "-c", OLD_CONTENT).strip().splitlines()[-1]

        manage(env, "migrate", "--noinput")
        found = json.loads(manage(env, "shell", "--verbosity=0", "-c", NEW_CONTENT.replace("IDS", ids)))

    assert found == {
        "session": ["programme.models", 3, "The laws that govern CSOs.", ["Registration"]],
        "programme": ["The Accountability Fund"],
        "attendees": ["Public Organization Sino"],
        "recommendation": [
            "Involve CSOs in monitoring.",
            "water",
            "Bokhtar",
            "in_progress",
            # The old follow-up became the first entry of the timeline (programme 0004).
            ["Meetings planned."],
            ["monitoring"],
        ],
        "revision": ["RecommendationPage"],
        "home content types left": [],
    }
