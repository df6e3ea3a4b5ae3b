"""The ledger as open data: CSV and JSON in the reader's language, and an Atom feed of timeline entries.

Only what the public site shows goes out: live recommendations outside any view restriction, and
the timeline entries of their published revisions (entries are rows only once a page is published).
No editor's name, no import user: the author of an entry is a role.
"""

import datetime
import io
import json

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook

from home.models import thematic_area_in
from home.spreadsheets import as_text, csv_text

from .models import RecommendationPage, timeline_of, under_a_restriction

COLUMNS = [
    "slug",
    "title",
    "text",
    "source",
    "session",
    "addressee",
    "thematic_area",
    "response",
    "response_date",
    "implementation_reported",
    "reported_date",
    "implementation_assessed",
    "assessed_date",
    "latest_evidence",
    "url",
]


def public_recommendations(locale_id, source_key=None):
    pages = (
        RecommendationPage.objects.live()
        .filter(locale_id=locale_id)
        .exclude(under_a_restriction())
        .select_related("thematic_area")
        .order_by("source_slug", "session_number", "path")
    )
    if source_key is not None:
        pages = pages.filter(source__translation_key=source_key)
    return list(pages)


def records(request, locale_id, source_key=None):
    """One dict per recommendation (columns as COLUMNS) and its published timeline, in the reader's language."""
    pages = public_recommendations(locale_id, source_key)
    timelines = timeline_of(pages)
    language = get_language()
    rows = []
    for page in pages:
        timeline = timelines.get(page.translation_key, [])
        row = record(request, page, thematic_area_in(locale_id, page.thematic_area), timeline)
        row["timeline"] = [
            {
                "date": _iso(entry.date),
                "track": entry.track,
                "status": entry.status,
                "author_role": entry.author_role,
                "note": entry.note,
                "note_language": entry.untranslated_language or language,
                "evidence_url": entry.evidence_url,
            }
            for entry in timeline
        ]
        rows.append(row)
    return rows


def record(request, page, area, timeline):
    """The COLUMNS of one recommendation: the open data and the admin's export share them."""
    return {
        "slug": page.slug,
        "title": page.title,
        "text": page.text,
        "source": page.source_slug,
        "session": page.session_number,
        "addressee": page.addressee,
        "thematic_area": area.slug if area else "",
        "response": page.response_status,
        "response_date": _iso(page.response_date),
        "implementation_reported": page.implementation_reported,
        "reported_date": _iso(page.reported_date),
        "implementation_assessed": page.implementation_assessed,
        "assessed_date": _iso(page.assessed_date),
        "latest_evidence": next((entry.evidence_url for entry in timeline if entry.evidence_url), ""),
        "url": page.get_full_url(request) or "",
    }


def _iso(day):
    return day.isoformat() if day else ""


def csv_response(rows, filename):
    response = HttpResponse(csv_text(COLUMNS, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def json_response(rows, filename):
    body = json.dumps({"columns": COLUMNS, "recommendations": rows}, ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
    return response


def xlsx_response(rows, filename, title):
    """The mid-term report as a spreadsheet: the same columns as the open data, one row per recommendation."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31] or "report")
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append([as_text(row[name]) for name in COLUMNS])
    out = io.BytesIO()
    workbook.save(out)
    response = HttpResponse(
        out.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


class TimelineFeed(Feed):
    """The latest published timeline entries of a set of recommendations, newest first (Atom)."""

    feed_type = Atom1Feed
    limit = 50

    def __init__(self, page, source_key=None):
        super().__init__()
        self.page = page
        self.source_key = source_key

    def title(self):
        return _("%(title)s: follow-up of recommendations") % {"title": self.page.title}

    def link(self):
        return self.page.url

    def subtitle(self):
        return _("Each change to an addressee's response or to implementation, as it is published.")

    def items(self):
        pages = {page.translation_key: page for page in public_recommendations(self.page.locale_id, self.source_key)}
        entries = []
        for key, timeline in timeline_of(list(pages.values())).items():
            for entry in timeline:
                entry.recommendation = pages[key]
                entries.append(entry)
        entries.sort(key=lambda entry: (entry.date, entry.pk), reverse=True)
        return entries[: self.limit]

    def item_title(self, entry):
        return f"{entry.recommendation.title}: {entry.get_track_display()}: {entry.get_status_display()}"

    def item_description(self, entry):
        return entry.note

    def item_link(self, entry):
        return f"{entry.recommendation.url}#entry-{entry.translation_key}"

    def item_guid(self, entry):
        return f"{entry.recommendation.get_full_url()}#entry-{entry.translation_key}"

    def item_pubdate(self, entry):
        return timezone.make_aware(datetime.datetime.combine(entry.date, datetime.time(12)))

    def item_author_name(self, entry):
        return entry.get_author_role_display()
