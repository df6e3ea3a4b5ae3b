"""The programme demo content: complete, translated, and safe to load twice."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry

from home.models import (
    ConsultationPage,
    ForumPage,
    RecommendationPage,
    TrainingProgrammePage,
    TrainingSessionPage,
)

pytestmark = pytest.mark.django_db


def test_demo_content_has_everything_the_seeds_describe():
    assert TrainingProgrammePage.objects.filter(locale__language_code="en").count() == 1
    sessions = TrainingSessionPage.objects.filter(locale__language_code="en").order_by("number")
    assert [s.number for s in sessions] == [1, 2, 3, 4, 5]
    consultation = ConsultationPage.objects.get(locale__language_code="en")
    assert len(consultation.key_topics) == 5
    assert consultation.attending_organisations.count() == 28
    forum = ForumPage.objects.get(locale__language_code="en")
    assert len(forum.sessions) == 4
    assert RecommendationPage.objects.filter(locale__language_code="en", source=forum).count() == 23
    assert RecommendationPage.objects.filter(locale__language_code="en", source=consultation).count() == 2
    assert not RecommendationPage.objects.filter(thematic_area__isnull=True).exists()


@pytest.mark.parametrize(
    "model", [TrainingProgrammePage, TrainingSessionPage, ConsultationPage, ForumPage, RecommendationPage]
)
def test_every_programme_page_is_translated_and_live(model):
    for page in model.objects.filter(locale__language_code="en"):
        languages = set(page.get_translations().live().values_list("locale__language_code", flat=True))
        assert languages == {"tg", "ru"}, page


def test_loading_twice_changes_nothing():
    before = (Page.objects.count(), PageLogEntry.objects.count(), list(Page.objects.values_list("id", "title")))
    call_command("load_programme_content", verbosity=0)
    after = (Page.objects.count(), PageLogEntry.objects.count(), list(Page.objects.values_list("id", "title")))
    assert before == after
