"""The recommendation ledger: the addressee's response and two views of implementation, with a dated timeline."""

import datetime
import re

import pytest

from home.translation import publish_translation
from programme.models import RecommendationPage, TimelineEntry
from tests.factories import ForumPageFactory, RecommendationPageFactory, translate

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "tg", "ru"]
TEXT = "Civil society organisations should be encouraged and supported to monitor the funding of EU projects."
TITLE = "Let CSOs monitor EU-funded projects"
# Three entries, one per track: (date, track, status, role, note in en, tg, ru).
ENTRIES = [
    (
        datetime.date(2022, 3, 1),
        "response",
        "accepted",
        "addressee",
        "The EU Delegation welcomed the recommendation in its letter.",
        "Намояндагии ИА тавсияро дар мактуби худ истиқбол кард.",
        "Представительство ЕС приветствовало рекомендацию в своём письме.",
    ),
    (
        datetime.date(2023, 5, 10),
        "reported",
        "implemented",
        "addressee",
        "Monitoring by CSOs is now part of every call for proposals.",
        "Мониторинг аз ҷониби ТҶШ акнун қисми ҳар даъват барои пешниҳодҳо аст.",
        "Мониторинг со стороны ОГО теперь входит в каждый конкурс заявок.",
    ),
    (
        datetime.date(2023, 9, 20),
        "assessed",
        "partly",
        "cso",
        "Only two calls in Tajikistan had a monitoring line.",
        "Танҳо ду даъват дар Тоҷикистон хати мониторинг дошт.",
        "Только в двух конкурсах в Таджикистане была строка на мониторинг.",
    ),
]
LABELS = {
    "en": ("Accepted", "Implemented", "Partly implemented"),
    "tg": ("Қабул шуд", "Иҷро шуд", "Қисман иҷро шуд"),
    "ru": ("Принята", "Выполнена", "Выполнена частично"),
}


@pytest.fixture
def recommendation():
    """A recommendation with a full timeline, translated into Tajik and Russian through wagtail-localize."""
    forum = ForumPageFactory(slug="forum-2021", title="Forum 2021")
    forum.save_revision().publish()
    for language in ("tg", "ru"):
        translate(forum, language)
    page = RecommendationPageFactory(slug="monitor-eu-projects", title=TITLE, text=TEXT, source=forum)
    for date, track, status, role, note, *_translations in ENTRIES:
        page.timeline.add(TimelineEntry(date=date, track=track, status=status, author_role=role, note=note))
    page.save_revision().publish()
    for index, language in enumerate(("tg", "ru"), 1):
        words = {TITLE: f"{TITLE} ({language})", TEXT: f"{TEXT} ({language})"}
        words |= {entry[4]: entry[4 + index] for entry in ENTRIES}
        publish_translation(page, language, words.get)
    return RecommendationPage.objects.get(pk=page.pk)


def get(client, language, slug="monitor-eu-projects"):
    response = client.get(f"/{language}/recommendations/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_response_and_both_assessments_show_side_by_side_with_their_timeline(client, recommendation, language):
    html = get(client, language)
    tracks = html[html.index('class="tracks"') : html.index('class="timeline"')]
    positions = [tracks.index(label) for label in LABELS[language]]
    assert positions == sorted(positions)  # response, then the addressee's report, then the CSOs' view
    timeline = html[html.index('class="timeline"') :]
    index = 4 + LANGUAGES.index(language)
    notes = [timeline.index(entry[index]) for entry in ENTRIES]
    assert notes == sorted(notes, reverse=True)  # newest first
    for entry in ENTRIES:
        assert f'datetime="{entry[0]:%Y-%m-%d}"' in timeline
    assert 'lang="en"' not in timeline  # every note is translated
    if language != "en":
        assert ENTRIES[0][4] not in html


def test_a_note_not_yet_translated_shows_in_the_original_with_its_language_marked(client, recommendation):
    page = recommendation.get_latest_revision_as_object()
    page.timeline.add(
        TimelineEntry(
            date=datetime.date(2024, 1, 15), track="assessed", status="implemented", author_role="cso", note="All done."
        )
    )
    page.save_revision().publish()
    tajik = get(client, "tg")
    assert re.search(
        r'<p class="timeline__note" lang="en"><span class="timeline__lang" lang="tg">[^<]+</span> All done', tajik
    )
    assert "Ҳоло тарҷума нашудааст" in tajik
    assert "Ещё не переведено" in get(client, "ru")
    # The new state is everyone's as soon as the original is published.
    assert 'status--implemented">Иҷро шуд' in tajik.split('class="timeline"')[0]
    assert "All done" in get(client, "en")
    assert 'class="timeline__lang"' not in get(client, "en")


def test_a_draft_change_is_not_public(client, recommendation):
    page = recommendation.get_latest_revision_as_object()
    page.timeline.add(
        TimelineEntry(
            date=datetime.date(2024, 2, 1),
            track="response",
            status="rejected",
            author_role="addressee",
            note="A draft nobody approved.",
        )
    )
    page.save_revision()  # saved, not published
    for language in LANGUAGES:
        html = get(client, language)
        assert "A draft nobody approved." not in html
        assert "status--rejected" not in html
    assert RecommendationPage.objects.get(pk=recommendation.pk).response_status == "accepted"
    assert not TimelineEntry.objects.filter(note="A draft nobody approved.").exists()
