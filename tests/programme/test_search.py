"""Site search over programme content: in the reader's language, live and public pages only."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import (
    ConsultationPageFactory,
    ForumPageFactory,
    RecommendationPageFactory,
    TrainingSessionPageFactory,
    list_items,
    translate,
)

pytestmark = pytest.mark.django_db


def search(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_finds_a_session_by_a_word_from_its_tajik_text_only_in_tajik(client):
    session = TrainingSessionPageFactory(
        title="Formal and informal power structures",
        slug="power-structures",
        topics=list_items(["Stakeholder mapping"]),
    )
    session.save_revision().publish()
    translate(
        session,
        "tg",
        title="Сохторҳои расмӣ ва ғайрирасмии ҳокимият",
        topics=list_items(["Харитасозии ҷонибҳои манфиатдор"]),
    )
    translate(
        session,
        "ru",
        title="Формальные и неформальные структуры власти",
        topics=list_items(["Картирование заинтересованных сторон"]),
    )

    tajik = search(client, "tg", "харитасозии")
    assert 'href="/tg/training/power-structures/"' in tajik
    assert 'class="badge">Машғулияти омӯзишӣ' in tajik  # the page type, in Tajik
    for language in ("en", "ru"):
        assert "/training/power-structures/" not in search(client, language, "харитасозии")
    assert 'href="/ru/training/power-structures/"' in search(client, "ru", "картирование")


def test_finds_recommendations_consultations_and_forums(client):
    RecommendationPageFactory(
        slug="protect-biodiversity", text="Protect biodiversity in the river basins of Central Asia."
    )
    consultation = ConsultationPageFactory(slug="world-bank-cpf-bokhtar-2026", summary="CSOs met in Bokhtar.")
    translate(consultation, "ru", title="Консультация Группы Всемирного банка", summary="ОГО встретились в Бохтар.")
    ForumPageFactory(slug="eu-central-asia-forum-2021", theme="Resilience through inclusion")

    assert 'href="/en/recommendations/protect-biodiversity/"' in search(client, "en", "biodiversity")
    assert 'href="/ru/consultations/world-bank-cpf-bokhtar-2026/"' in search(client, "ru", "Бохтар")
    assert 'href="/en/forums/eu-central-asia-forum-2021/"' in search(client, "en", "resilience")


def test_results_show_page_type_and_a_snippet(client):
    TrainingSessionPageFactory(
        title="Formal and informal power structures",
        summary="Who decides at township, district, provincial and national level.",
        topics=list_items(["Stakeholder mapping"]),
    )
    html = search(client, "en", "stakeholder mapping")
    assert 'class="badge">Training session' in html
    assert "township, district, provincial" in html


def test_unpublished_and_private_sessions_never_appear_in_search(client):
    TrainingSessionPageFactory(title="Zebrafish public", summary="zebrafish")
    draft = TrainingSessionPageFactory(title="Zebrafish draft", summary="zebrafish")
    draft.unpublish()
    private = TrainingSessionPageFactory(title="Zebrafish private", summary="zebrafish")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    html = search(client, "en", "zebrafish")
    assert "Zebrafish public" in html
    assert "Zebrafish draft" not in html
    assert "Zebrafish private" not in html
