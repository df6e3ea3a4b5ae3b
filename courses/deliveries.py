"""Paper quiz scores of an in-person delivery, uploaded as a spreadsheet saved as CSV (Wagtail admin)."""

import csv
import io

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.models import normalise_phone

from .models import Delivery

MAX_UPLOAD_BYTES = 1024 * 1024
COLUMNS = ("email", "phone", "name", "score")


class PaperScoresForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Scores (CSV)"),
        help_text=gettext_lazy(
            "One row per participant with a column “score” (0 to 100) and one of “email”, “phone” or “name” "
            "as on the attendance list. Commas or semicolons; saved from Excel or LibreOffice as CSV."
        ),
    )

    def __init__(self, *args, delivery, **kwargs):
        self.delivery = delivery
        super().__init__(*args, **kwargs)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB."))
        raw = upload.read()
        for encoding in ("utf-8-sig", "cp1251"):  # Excel on Windows saves Cyrillic CSV as cp1251
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        try:
            dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else "", delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.DictReader(io.StringIO(text), dialect=dialect)
        headings = {(name or "").strip().lower() for name in reader.fieldnames or []}
        if "score" not in headings or not headings & {"email", "phone", "name"}:
            raise forms.ValidationError(_("The first row must name the columns: score, and email, phone or name."))
        participants = list(self.delivery.participants.all())
        scores, errors = {}, []
        for line, row in enumerate(reader, start=2):
            row = {(key or "").strip().lower(): (value or "").strip() for key, value in row.items()}
            if not any(row.values()):
                continue
            participant = self._match(participants, row)
            score = row.get("score", "")
            if participant is None:
                errors.append(_("Row %(line)d: no participant of this delivery matches.") % {"line": line})
            elif not score.isdigit() or int(score) > 100:
                errors.append(_("Row %(line)d: the score must be a whole number from 0 to 100.") % {"line": line})
            else:
                scores[participant] = int(score)
        if errors:
            raise forms.ValidationError(errors)
        if not scores:
            raise forms.ValidationError(_("The file has no scores."))
        return scores

    @staticmethod
    def _match(participants, row):
        email = row.get("email", "").lower()
        phone = normalise_phone(row.get("phone", ""))
        name = " ".join(row.get("name", "").split()).casefold()
        for participant in participants:
            if email and participant.email == email:
                return participant
            if phone and participant.phone == phone:
                return participant
            if not email and not phone and name and " ".join(participant.name.split()).casefold() == name:
                return participant
        return None


def paper_scores_view(request, pk):
    if not request.user.has_perm("courses.change_delivery"):
        raise PermissionDenied
    delivery = get_object_or_404(Delivery, pk=pk)
    form = PaperScoresForm(request.POST or None, request.FILES or None, delivery=delivery)
    if request.method == "POST" and form.is_valid():
        scores = form.cleaned_data["file"]
        with transaction.atomic():
            for participant, score in scores.items():
                participant.paper_score = score
                participant.save(update_fields=["paper_score"])
        messages.success(request, _("%(count)d paper scores saved.") % {"count": len(scores)})
        return redirect(reverse("wagtailsnippets_courses_delivery:edit", args=[delivery.pk]))
    return TemplateResponse(
        request,
        "courses/admin/paper_scores.html",
        {"form": form, "delivery": delivery, "page_title": _("Upload paper scores")},
    )
