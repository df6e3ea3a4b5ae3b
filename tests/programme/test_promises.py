"""Promises made at consultations: an owner and a due date, linked to the topic they answer; overdue is flagged."""

import datetime
import uuid

import pytest
from wagtail.models import PageViewRestriction

from home.translation import publish_translation
from programme.models import ConsultationPromise
from tests.factories import ConsultationPageFactory, UserFactory

pytestmark = pytest.mark.django_db

FUNDING_TOPIC = str(uuid.uuid4())
MEETINGS = "Follow-up meetings to link existing projects with local needs."
LOCAL_CSOS = "Consider how projects can use local organisations and specialists."
KEPT = "Share the summary of the consultation with participants."
DUE = datetime.date(2026, 6, 30)
WORDS = {
    "tg": {
        "World Bank Group consultation in Bokhtar": "Машварати Гурӯҳи Бонки Ҷаҳонӣ дар Бохтар",
        "Access to funding": "Дастрасӣ ба маблағгузорӣ",
        "Grants for CSOs have declined.": "Грантҳо барои ТҶШ кам шудаанд.",
        "World Bank Group team": "Гурӯҳи Бонки Ҷаҳонӣ",
        "World Bank Group": "Гурӯҳи Бонки Ҷаҳонӣ",
        "Participants discussed the country partnership framework.": "Иштирокчиён чаҳорчӯбаро муҳокима карданд.",
        "Bokhtar": "Бохтар",
        "Tajikistan": "Тоҷикистон",
        MEETINGS: "Вохӯриҳои минбаъда барои пайванд додани лоиҳаҳо бо ниёзҳои маҳаллӣ.",
        LOCAL_CSOS: "Баррасӣ кардан, ки лоиҳаҳо чӣ тавр аз ташкилотҳои маҳаллӣ истифода баранд.",
        KEPT: "Хулосаи машваратро ба иштирокчиён фиристодан.",
    },
}


@pytest.fixture
def consultation():
    page = ConsultationPageFactory(
        slug="bokhtar",
        title="World Bank Group consultation in Bokhtar",
        summary="Participants discussed the country partnership framework.",
        convener="World Bank Group",
        city="Bokhtar",
        country="Tajikistan",
        key_topics=[
            {
                "type": "topic",
                "id": FUNDING_TOPIC,
                "value": {"heading": "Access to funding", "raised": "<p>Grants for CSOs have declined.</p>"},
            }
        ],
    )
    owner = "World Bank Group team"
    page.promises.add(ConsultationPromise(kind="response", topic=FUNDING_TOPIC, text=LOCAL_CSOS, owner=owner))
    page.promises.add(ConsultationPromise(text=MEETINGS, owner=owner, due_date=DUE))
    page.promises.add(
        ConsultationPromise(
            text=KEPT, owner=owner, due_date=datetime.date(2026, 3, 1), kept_on=datetime.date(2026, 3, 5)
        )
    )
    page.save_revision().publish()
    publish_translation(page, "tg", WORDS["tg"].get)
    return page


@pytest.fixture
def clock(monkeypatch):
    def set_today(day):
        monkeypatch.setattr("programme.models.today", lambda: day)

    return set_today


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_overdue_promise_is_flagged_on_the_consultation_the_ledger_and_the_dashboard(client, consultation, clock):
    clock(DUE + datetime.timedelta(days=1))
    english = html_of(client, "/en/consultations/bokhtar/")
    assert english.count("promise--overdue") == 1
    overdue = english[english.index("promise--overdue") :]
    assert overdue.index(MEETINGS) < overdue.index("</li>")
    assert 'status--overdue">Overdue' in english
    assert 'status--implemented">Kept' in english  # the kept promise, never overdue
    tajik = html_of(client, "/tg/consultations/bokhtar/")
    assert tajik.count("promise--overdue") == 1
    assert WORDS["tg"][MEETINGS] in tajik
    ledger = html_of(client, "/tg/recommendations/")
    assert 'class="overdue-box"' in ledger
    assert WORDS["tg"][MEETINGS] in ledger
    assert 'href="/tg/consultations/bokhtar/"' in ledger
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    dashboard = html_of(client, "/admin/")
    assert 'id="overdue-promises' in dashboard
    assert dashboard.count('class="overdue-promise"') == 1  # one row, not one per language
    # In the editor's admin language (Tajik here: the last pages this browser read were Tajik).
    assert '<html lang="tg"' in dashboard
    assert WORDS["tg"][MEETINGS] in dashboard


def test_nothing_is_overdue_before_the_due_date(client, consultation, clock):
    clock(DUE)
    assert "promise--overdue" not in html_of(client, "/en/consultations/bokhtar/")
    assert 'class="overdue-box"' not in html_of(client, "/en/recommendations/")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert 'class="overdue-promise"' not in html_of(client, "/admin/")


def test_a_promise_shows_under_the_topic_it_answers(client, consultation, clock):
    clock(DUE)
    html = html_of(client, "/en/consultations/bokhtar/")
    topic = html[html.index("Access to funding") : html.index("</section>", html.index("Access to funding"))]
    assert LOCAL_CSOS in topic
    assert MEETINGS not in topic  # about the consultation as a whole: under "Follow-up promised"
    assert html.index("Follow-up promised") < html.index(MEETINGS)


def test_keeping_a_promise_in_the_original_clears_it_in_every_language(client, consultation, clock):
    clock(DUE + datetime.timedelta(days=10))
    page = consultation.get_latest_revision_as_object()
    for promise in page.promises.all():
        if promise.text == MEETINGS:
            promise.kept_on = DUE + datetime.timedelta(days=5)
    page.save_revision().publish()
    for language in ("en", "tg"):
        assert "promise--overdue" not in html_of(client, f"/{language}/consultations/bokhtar/")


def test_editors_link_a_promise_to_one_of_the_page_topics(client, consultation):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    html = html_of(client, f"/admin/pages/{consultation.pk}/edit/")
    assert f'<option value="{FUNDING_TOPIC}" selected>Access to funding</option>' in html


def test_promises_of_a_restricted_consultation_stay_off_the_public_ledger(client, consultation, clock):
    clock(DUE + datetime.timedelta(days=1))
    for copy in consultation.get_translations(inclusive=True):  # each language's copy is its own page
        PageViewRestriction.objects.create(page=copy.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    for language, words in (("en", MEETINGS), ("tg", WORDS["tg"][MEETINGS])):
        ledger = html_of(client, f"/{language}/recommendations/")
        assert 'class="overdue-box"' not in ledger
        assert words not in ledger
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert html_of(client, "/admin/").count('class="overdue-promise"') == 1  # editors still see it
