"""Open data (CSV and JSON in each language) and the Atom feed of timeline entries: only what is published."""

import csv
import datetime
import io
import json

import pytest
from wagtail.models import PageViewRestriction

from programme.models import TimelineEntry
from tests.factories import ConsultationPageFactory, ForumPageFactory, RecommendationPageFactory, translate

pytestmark = pytest.mark.django_db

PUBLISHED = "The Delegation accepted the recommendation."
DRAFT = "A change still in draft."
PRIVATE = "A note on a private recommendation."
OTHER = "A note from the consultation."


def entry(note, status="accepted", day=1):
    return TimelineEntry(
        date=datetime.date(2024, 1, day), track="response", status=status, author_role="addressee", note=note
    )


@pytest.fixture
def ledger():
    forum = ForumPageFactory(slug="forum-2021")
    forum.save_revision().publish()
    consultation = ConsultationPageFactory(slug="bokhtar")
    consultation.save_revision().publish()
    published = RecommendationPageFactory(slug="published", title="Monitor EU funds", source=forum)
    published.timeline.add(entry(PUBLISHED))
    published.save_revision().publish()
    translate(published, "tg", title="Маблағҳои ИА-ро назорат кунед")
    draft = published.get_latest_revision_as_object()
    draft.timeline.add(entry(DRAFT, status="rejected", day=2))
    draft.save_revision()  # not published
    private = RecommendationPageFactory(slug="private", title="Private one", source=forum)
    private.timeline.add(entry(PRIVATE))
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    gone = RecommendationPageFactory(slug="unpublished", title="Unpublished one", source=forum)
    gone.unpublish()
    other = RecommendationPageFactory(slug="from-bokhtar", title="From Bokhtar", source=consultation)
    other.timeline.add(entry(OTHER, day=3))
    other.save_revision().publish()
    return forum


def test_open_data_csv_lists_only_published_recommendations_and_their_published_state(client, ledger):
    response = client.get("/en/recommendations/open-data/csv/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row["slug"] for row in rows} == {"published", "from-bokhtar"}
    published = next(row for row in rows if row["slug"] == "published")
    assert published["response"] == "accepted"  # not the draft's "rejected"
    assert published["response_date"] == "2024-01-01"
    assert published["url"].endswith("/en/recommendations/published/")


def test_open_data_json_in_tajik_has_the_published_timeline_only(client, ledger):
    response = client.get("/tg/recommendations/open-data/json/")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert [item["slug"] for item in data["recommendations"]] == ["published"]  # Bokhtar's has no Tajik copy
    item = data["recommendations"][0]
    assert item["title"] == "Маблағҳои ИА-ро назорат кунед"
    assert [entry["note"] for entry in item["timeline"]] == [PUBLISHED]
    assert item["timeline"][0]["note_language"] == "en"  # not translated yet, and said so
    assert DRAFT not in response.content.decode()


def test_the_feed_lists_only_published_entries(client, ledger):
    response = client.get("/en/recommendations/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert PUBLISHED in body
    assert OTHER in body
    assert DRAFT not in body
    assert PRIVATE not in body
    assert "/en/recommendations/published/#entry-" in body


def test_each_forum_and_consultation_has_its_own_feed(client, ledger):
    forum = client.get("/en/forums/forum-2021/feed/").content.decode()
    assert PUBLISHED in forum
    assert OTHER not in forum
    consultation = client.get("/en/consultations/bokhtar/feed/").content.decode()
    assert OTHER in consultation
    assert PUBLISHED not in consultation


def test_a_formula_in_the_csv_is_written_as_text(client, ledger):
    RecommendationPageFactory(slug="formula", title="=HYPERLINK(1)", source=ledger).save_revision().publish()
    rows = list(
        csv.DictReader(io.StringIO(client.get("/en/recommendations/open-data/csv/").content.decode("utf-8-sig")))
    )
    assert next(row for row in rows if row["slug"] == "formula")["title"] == "'=HYPERLINK(1)"


@pytest.mark.parametrize("language", ["en", "tg"])
def test_the_mid_term_report_lists_every_published_recommendation_with_both_tracks(client, ledger, language):
    if language == "tg":
        translate(ledger, "tg")
    response = client.get(f"/{language}/forums/forum-2021/report/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="report__item"') == 1  # the private and the unpublished ones are left out
    assert "status--accepted" in html
    assert DRAFT not in html
    assert PRIVATE not in html


def test_the_mid_term_report_as_a_spreadsheet(client, ledger):
    from openpyxl import load_workbook

    response = client.get("/en/forums/forum-2021/report/xlsx/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    header, *records = rows
    assert header[0] == "slug"
    assert [record[0] for record in records] == ["published"]  # the private and the unpublished ones left out
    assert records[0][header.index("response")] == "accepted"
