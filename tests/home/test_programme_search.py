"""Site search over programme content: in the reader's language, live and public pages only."""

import pytest
from wagtail.models import PageViewRestriction

from home.models import TrainingSessionPage

pytestmark = pytest.mark.django_db


def test_finds_a_session_by_a_word_from_its_tajik_text_only_in_tajik(client):
    tajik = client.get("/tg/search/", {"q": "харитасозии"}).content.decode()
    assert 'href="/tg/training/power-structures/"' in tajik
    assert "Машғулияти омӯзишӣ" in tajik or "badge" in tajik  # page type shown
    for language in ("en", "ru"):
        other = client.get(f"/{language}/search/", {"q": "харитасозии"}).content.decode()
        assert "/training/power-structures/" not in other


def test_finds_recommendations_consultations_and_forums(client):
    html = client.get("/en/search/", {"q": "biodiversity"}).content.decode()
    assert "/en/recommendations/eu-central-asia-forum-2021-21/" in html
    html = client.get("/ru/search/", {"q": "Бохтар"}).content.decode()
    assert "/ru/consultations/world-bank-cpf-bokhtar-2026/" in html


def test_results_show_page_type_and_a_snippet(client):
    html = client.get("/en/search/", {"q": "stakeholder mapping"}).content.decode()
    assert 'class="badge">Training session' in html
    assert "township, district, provincial" in html


def test_unpublished_and_private_sessions_never_appear_in_search(client, page_in):
    programme = page_in("en", "/training/")
    draft = TrainingSessionPage(title="Zebrafish draft", slug="zebrafish-draft", number=8, summary="zebrafish")
    programme.add_child(instance=draft)
    draft.unpublish()
    private = TrainingSessionPage(title="Zebrafish private", slug="zebrafish-private", number=9, summary="zebrafish")
    programme.add_child(instance=private)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    html = client.get("/en/search/", {"q": "zebrafish"}).content.decode()
    assert "Zebrafish draft" not in html
    assert "Zebrafish private" not in html
