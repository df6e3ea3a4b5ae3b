"""Recording in-person deliveries: on a phone, in the trainer's language, and paper scores as CSV (admin)."""

import csv
import io

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.models import Organisation, Sex, normalise_phone

from .models import Delivery, Participant

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


# --- Recording a delivery on a phone, in the trainer's language (the admin has no Tajik) -------------


class DeliveryForm(forms.ModelForm):
    class Meta:
        model = Delivery
        fields = ["session_number", "starts_on", "ends_on", "location", "region"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
        }


class ParticipantForm(forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["name", "email", "phone", "organisation", "sex", "completed", "paper_score"]
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "off", "inputmode": "email"}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
            "paper_score": forms.NumberInput(attrs={"min": 0, "max": 100, "inputmode": "numeric"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(is_verified=True).order_by("name")
        self.fields["organisation"].empty_label = "—"
        self.fields["sex"].choices = [("", "—"), *Sex.choices]


@login_required
def record_delivery_view(request):
    if not request.user.has_perm("courses.add_delivery"):
        raise PermissionDenied
    form = DeliveryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        delivery = form.save(commit=False)
        delivery.trainer = request.user.get_full_name() or request.user.get_username()
        delivery.save()
        return redirect("courses:delivery_participants", pk=delivery.pk)
    recent = (
        Delivery.objects.order_by("-starts_on", "-pk")[:10] if request.user.has_perm("courses.change_delivery") else []
    )
    return render(request, "courses/delivery_form.html", {"form": form, "recent": recent})


@login_required
def delivery_participants_view(request, pk):
    """Add the participants one by one, as they stand on the paper attendance sheet."""
    if not request.user.has_perm("courses.change_delivery"):
        raise PermissionDenied
    delivery = get_object_or_404(Delivery, pk=pk)
    form = ParticipantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        participant = form.save(commit=False)
        participant.delivery = delivery
        participant.sort_order = delivery.participants.count()
        participant.save()
        messages.success(request, _("%(name)s is added.") % {"name": participant.name})
        return redirect(request.path + "#add")
    participants = delivery.participants.select_related("organisation").order_by("sort_order", "pk")
    return render(
        request,
        "courses/delivery_participants.html",
        {"delivery": delivery, "form": form, "participants": participants},
    )
