"""Bulk updates of the ledger in the admin: a CSV export and an import with the same columns.

The columns are the open data's, with the recommendation's key first (its translation key, the same
in every language) and the author role and note of the change last. An import reads the three
tracks of each row; a track whose status or date differs from the recommendation's becomes a
timeline entry with the importing user, and the original-language page is published again (as an
editor's change would be). Every row is checked first; if any row is bad nothing is written.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import TranslationSource

from home.models import thematic_area_in
from home.spreadsheets import csv_text

from .models import TRACK_STATE, TRACK_STATUSES, AuthorRole, RecommendationPage, TimelineEntry, timeline_of, today
from .open_data import COLUMNS, record

IMPORT_COLUMNS = ["key", *COLUMNS, "author_role", "note"]
# The row's column for each track's status and date.
TRACK_COLUMNS = {
    "response": ("response", "response_date"),
    "reported": ("implementation_reported", "reported_date"),
    "assessed": ("implementation_assessed", "assessed_date"),
}
MAX_BYTES = 2 * 1024 * 1024


def originals():
    """The recommendation in the language it was written in, one per translation key (live or draft)."""
    source_locales = dict(
        TranslationSource.objects.filter(
            object_id__in=RecommendationPage.objects.values("translation_key")
        ).values_list("object_id", "locale_id")
    )
    pages = {}
    for page in RecommendationPage.objects.select_related("locale", "thematic_area").order_by(
        "source_slug", "session_number", "path"
    ):
        key = str(page.translation_key)
        wanted = source_locales.get(key)
        if key not in pages or page.locale_id == wanted:
            pages[key] = page
    return pages


def export_rows(request):
    pages = list(originals().values())
    timelines = timeline_of(pages)
    rows = []
    for page in pages:
        area = thematic_area_in(page.locale_id, page.thematic_area)
        row = record(request, page, area, timelines.get(page.translation_key, []))
        rows.append({"key": page.translation_key, **row, "author_role": "", "note": ""})
    return rows


def export_csv(rows):
    return csv_text(IMPORT_COLUMNS, rows)


@dataclass
class Change:
    page: RecommendationPage
    entries: list = field(default_factory=list)


def _date(value):
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return False


def parse(data, user):
    """(changes, errors) from the bytes of a CSV file; errors are (line number, message) in the editor's language."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [(1, _("The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again."))]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    missing = [
        name
        for name in ("key", *[c for pair in TRACK_COLUMNS.values() for c in pair], "author_role")
        if name not in header
    ]
    if missing:
        return [], [(1, _("Columns missing: %(columns)s.") % {"columns": ", ".join(missing)})]
    pages = originals()
    roles = set(AuthorRole.values)
    changes, errors, seen = [], [], {}
    for row in reader:
        line = reader.line_num
        problems = []
        key = (row.get("key") or "").strip()
        page = pages.get(key)
        if page is None:
            problems.append(_("no recommendation has the key “%(key)s”") % {"key": key})
        elif key in seen:
            problems.append(_("the same recommendation is on line %(line)d") % {"line": seen[key]})
        seen.setdefault(key, line)
        if page is not None and page.has_unpublished_changes:
            # Publishing the import would publish an editor's unfinished draft with it.
            problems.append(_("this recommendation has a draft not yet published: publish or discard it first"))
        elif page is not None and not page.permissions_for_user(user).can_publish():
            problems.append(_("you may not publish this recommendation"))
        role = (row.get("author_role") or "").strip()
        entries = []
        for track, (status_column, date_column) in TRACK_COLUMNS.items():
            status = (row.get(status_column) or "").strip()
            day = _date(row.get(date_column) or "")
            if not status and day is None:
                continue
            if status not in TRACK_STATUSES[track].values:
                problems.append(
                    _("“%(value)s” is not a status of the column %(column)s")
                    % {"value": status, "column": status_column}
                )
                continue
            if day is False:
                problems.append(_("%(column)s is not a date (YYYY-MM-DD)") % {"column": date_column})
                continue
            if page is not None:
                status_field, date_field = TRACK_STATE[track]
                if getattr(page, status_field) == status and getattr(page, date_field) == day:
                    continue  # unchanged (as exported)
            if day is None:
                problems.append(_("%(column)s is empty") % {"column": date_column})
                continue
            if day > today():
                problems.append(_("%(column)s is in the future") % {"column": date_column})
                continue
            if page is None:
                continue
            entries.append({"track": track, "status": status, "date": day, "note": (row.get("note") or "").strip()})
        if entries and role not in roles:
            problems.append(_("author_role must be one of: %(roles)s") % {"roles": ", ".join(sorted(roles))})
        if problems:
            errors.append((line, "; ".join(problems)))
        elif entries:
            changes.append(Change(page=page, entries=[entry | {"author_role": role} for entry in entries]))
    return changes, errors


def apply(changes, user):
    """One timeline entry per changed track, and the original page published again; all or nothing."""
    with transaction.atomic():
        for change in changes:
            page = change.page.get_latest_revision_as_object()
            for entry in change.entries:
                page.timeline.add(TimelineEntry(imported_by=user.get_username(), **entry))
            page.save_revision(user=user, log_action=True).publish(user=user)
    return sum(len(change.entries) for change in changes)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy("The columns of the export; UTF-8, as Excel saves “CSV UTF-8”."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload.read()


# --- Admin views ---------------------------------------------------------------------------------


def may_change(user):
    return PagePermissionPolicy(RecommendationPage).user_has_permission(user, "change")


def export_view(request):
    if not may_change(request.user):
        raise PermissionDenied
    response = HttpResponse(export_csv(export_rows(request)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="recommendations-{today().isoformat()}.csv"'
    return response


def import_view(request):
    if not may_change(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        changes, errors = parse(form.cleaned_data["file"], request.user)
        if not errors:
            count = apply(changes, request.user)
            messages.success(
                request,
                ngettext("%(count)d change imported and published.", "%(count)d changes imported and published.", count)
                % {"count": count},
            )
            return redirect(reverse("recommendation_pages:index"))
    return TemplateResponse(
        request,
        "programme/admin/ledger_import.html",
        {"form": form, "errors": errors, "page_title": _("Import follow-up from CSV"), "columns": IMPORT_COLUMNS},
    )
