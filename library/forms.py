import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home.collation import AlphabeticalModelChoiceField, sorted_by_name
from home.models import Organisation, ThematicArea

from .models import Access, Coverage, MaterialLanguage, ResourceType
from .validators import ALLOWED_EXTENSIONS, validate_library_file

MAX_FILES = 5
PHOTO_HINT = _(
    "Only have paper? Photograph each page flat in daylight, from straight above, so that the page fills the photo."
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(files) > MAX_FILES:
            raise ValidationError(
                _("Upload at most %(count)s files at a time."), code="too_many", params={"count": MAX_FILES}
            )
        errors = []
        cleaned = []
        for upload in files:
            upload = super().clean(upload, initial)
            try:
                validate_library_file(upload)
            except ValidationError as error:
                errors.extend(error.error_list)
            cleaned.append(upload)
        if errors:
            raise ValidationError(errors)
        return cleaned


def thematic_area_choices():
    locale = Locale.get_active()
    areas = ThematicArea.objects.filter(locale=locale)
    if not areas:
        areas = ThematicArea.objects.filter(locale__language_code="en")
    return [(area.slug, area.name) for area in sorted_by_name(areas)]


class SubmissionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What is it about, who is it for, and what will a reader learn from it?"),
    )
    resource_type = forms.ChoiceField(label=_("Type of material"), choices=ResourceType.choices)
    material_languages = forms.MultipleChoiceField(
        label=_("Languages of the material"),
        choices=MaterialLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    thematic_areas = forms.MultipleChoiceField(
        label=_("Thematic areas"), choices=[], widget=forms.CheckboxSelectMultiple, required=False
    )
    year = forms.IntegerField(label=_("Year published"), min_value=1950, required=False)
    coverage = forms.ChoiceField(
        label=_("Country or region"), choices=[("", "—")] + list(Coverage.choices), required=False
    )
    keywords = forms.CharField(
        label=_("Keywords"), max_length=255, required=False, help_text=_("A few words, separated by commas.")
    )
    access = forms.ChoiceField(
        label=_("Who can open the files"),
        choices=Access.choices,
        initial=Access.PUBLIC,
        widget=forms.RadioSelect,
        help_text=_("Everyone can read the summary either way."),
    )
    external_url = forms.URLField(
        label=_("Link to the material elsewhere (optional)"), required=False, assume_scheme="https"
    )
    files = MultipleFileField(label=_("Files"))
    # A one-time token per form shown: the same form sent twice (a double click) is kept once (views.py).
    once = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, organisation=None, resubmitted_page=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["once"].initial = uuid.uuid4().hex
        self.fields["thematic_areas"].choices = thematic_area_choices()
        self.fields["year"].validators.append(MaxValueValidator(timezone.now().year + 1))
        self.fields["files"].help_text = " ".join(
            [
                _("Up to %(count)s files of these types: %(types)s. At most %(limit)s MB each.")
                % {"count": MAX_FILES, "types": ", ".join(ALLOWED_EXTENSIONS), "limit": settings.LIBRARY_MAX_UPLOAD_MB},
                str(PHOTO_HINT),
            ]
        )
        if organisation is None:
            self.fields["organisation"] = AlphabeticalModelChoiceField(
                label=_("Your organisation"),
                queryset=Organisation.objects.filter(is_verified=True),
                help_text=_("We link your account to it; its members get access when the contribution is approved."),
            )
            self.order_fields(["organisation"])

        if resubmitted_page is not None:
            self._offer_current_files(resubmitted_page)

    def _offer_current_files(self, page):
        """Editing a submission sent back for changes: keep (ticked) or drop its files, add new ones."""
        current = [(str(link.document_id), link.document.filename) for link in page.files.all()]
        self.fields["keep_files"] = forms.MultipleChoiceField(
            label=_("Files sent before"),
            choices=current,
            initial=[value for value, _name in current],
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("Untick a file to remove it."),
        )
        self.fields["files"].required = False
        self.fields["files"].label = _("Add files")
        self.order_fields([name for name in self.fields if name != "files"] + ["files"])

    def clean_title(self):
        # One line: a title goes into email subjects and file names (a newline there is header injection).
        return " ".join(self.cleaned_data["title"].split())

    def clean(self):
        cleaned = super().clean()
        if "keep_files" in self.fields and not cleaned.get("keep_files") and not cleaned.get("files"):
            if "files" not in self.errors:
                self.add_error("files", _("Keep at least one file or add a new one."))
        return cleaned
