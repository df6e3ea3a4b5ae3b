"""The programme's key figures are numbers, the same in every language once the translation is synced."""

import pytest
from wagtail_localize.models import StringTranslation

from home.translation import publish_translation
from tests.factories import section

pytestmark = pytest.mark.django_db


def test_figures_reach_the_tajik_page_when_its_translation_is_synced(client):
    training = section("training")
    training.staff_trained, training.organisations_trained, training.locations = 140, 70, 7
    training.save_revision().publish()

    # The translator's Tajik texts stay; only the shared numbers come from the English page.
    translated = dict(
        StringTranslation.objects.filter(locale__language_code="tg").values_list("translation_of__data", "data")
    )
    publish_translation(training, "tg", translated.get)

    tajik = section("training", "tg")
    assert (tajik.staff_trained, tajik.organisations_trained, tajik.locations) == (140, 70, 7)
    page = client.get("/tg/training/").content.decode()
    assert "140" in page and "Барномаи омӯзишӣ" in page
