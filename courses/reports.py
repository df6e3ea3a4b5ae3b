"""Learning reports for programme staff: enrolments, completions and scores by organisation or region."""

import csv
import datetime

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from openpyxl import Workbook
from wagtail.admin.ui.tables import Column as TableColumn
from wagtail.admin.views.mixins import Echo
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from home.models import Region
from home.spreadsheets import BYTE_ORDER_MARK, as_text

from .indicators import AVERAGE_DEFINITION, BREAKDOWNS, COUNT_COLUMNS, INDICATORS, Filters, indicator_table
from .learner_records import learner_records
from .models import SESSION_CHOICES, CoursePage, Enrolment, FigureDisclosure, QuizAttempt
from .suppression import Column, shown, suppress

AVERAGE_BEST_DEFINITION = gettext_lazy(
    "Per learner: the mean of each learner's best score in each quiz, then the mean over learners, "
    "in every row and in the “All” row alike."
)
REPORT_PERMISSION = "courses.view_learning_reports"
UNSUPPRESSED_PERMISSION = "courses.view_unsuppressed_figures"
LEARNER_RECORDS_PERMISSION = "courses.view_learner_records"
GROUPINGS = {"organisation": gettext_lazy("Organisation"), "region": gettext_lazy("Region")}


def source_courses():
    """One page per course (in the default language where there is one), keyed by translation key."""
    courses = {}
    default = Locale.get_default()
    for course in CoursePage.objects.select_related("locale").order_by("path"):
        if course.translation_key not in courses or course.locale_id == default.pk:
            courses[course.translation_key] = course
    return courses


def learning_rows(course_key=None, group_by="organisation"):
    """Rows of the report, one per organisation or region, then a total row."""
    enrolments = Enrolment.objects.select_related("learner__profile__organisation")
    attempts = QuizAttempt.objects.filter(status=QuizAttempt.Status.FINISHED)
    if course_key:
        enrolments = enrolments.filter(course_key=course_key)
        attempts = attempts.filter(course_key=course_key)
    best = {}
    for row in attempts.values("learner_id", "course_key", "lesson_key").annotate(best=Max("score")):
        best.setdefault((row["learner_id"], row["course_key"]), []).append(row["best"])
    regions = dict(Region.choices)
    groups = {}
    organisations_completed = set()

    def add(row, enrolment, scores):
        row["enrolments"] += 1
        row["learners"].add(enrolment.learner_id)
        if enrolment.completed_at:
            row["completed"] += 1
        else:
            row["in_progress"] += 1
        row["scores"].setdefault(enrolment.learner_id, []).extend(scores)

    total = _new_row(_("All"))
    for enrolment in enrolments:
        profile = getattr(enrolment.learner, "profile", None)
        organisation = profile.organisation if profile else None
        if group_by == "region":
            key = (profile.region if profile else "") or ""
            label = str(regions.get(key, _("Region not given")))
        else:
            key = organisation.pk if organisation else None
            label = organisation.name if organisation else _("No organisation given")
        scores = best.get((enrolment.learner_id, enrolment.course_key), [])
        add(groups.setdefault(key, _new_row(label)), enrolment, scores)
        add(total, enrolment, scores)
        if enrolment.completed_at and organisation:
            organisations_completed.add(organisation.pk)
    rows = sorted(groups.values(), key=lambda row: (-row["completed"], -row["enrolments"], row["group"]))
    rows.append(total)
    for row in rows:
        _finish_row(row)
    total["organisations_completed"] = len(organisations_completed)
    return rows


def _new_row(label):
    return {"group": label, "enrolments": 0, "in_progress": 0, "completed": 0, "learners": set(), "scores": {}}


def _finish_row(row):
    row["learner_count"] = len(row.pop("learners"))
    # Per learner, in every row and in the total alike: the mean of each learner's best quiz scores.
    averages = [sum(scores) / len(scores) for scores in row.pop("scores").values() if scores]
    row["completion_rate"] = round(100 * row["completed"] / row["enrolments"]) if row["enrolments"] else 0
    row["average_best_score"] = round(sum(averages) / len(averages)) if averages else ""


class ExportWithHeaderMixin:
    """CSV and XLSX exports that open in Excel with their Cyrillic intact and say what they cover.

    `header_rows()` gives the lines above the table: filters, period, definitions, date of export.
    Every text cell goes through `as_text`: a name a learner typed never runs as a formula.
    """

    def header_rows(self):
        raise NotImplementedError

    def stream_csv(self, queryset):
        writer = csv.writer(Echo())
        yield BYTE_ORDER_MARK
        for line in self.header_rows():
            yield writer.writerow([as_text(value) for value in line])
        yield writer.writerow([as_text(self.get_heading(queryset, field)) for field in self.list_export])
        for item in queryset:
            row = self.to_row_dict(item)
            yield writer.writerow(
                [as_text(self.preprocess_field_value(field, value, self.FORMAT_CSV)) for field, value in row.items()]
            )

    def write_xlsx(self, queryset, output):
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=str(self.page_title)[:31])
        for line in self.header_rows():
            sheet.append([as_text(value) for value in line])
        sheet.append([as_text(self.get_heading(queryset, field)) for field in self.list_export])
        for item in queryset:
            sheet.append([as_text(item[field]) for field in self.list_export])
        workbook.save(output)


class LearningReportView(ExportWithHeaderMixin, ReportView):
    page_title = gettext_lazy("Learning report")
    header_icon = "list-ul"
    template_name = "courses/admin/learning_report.html"
    results_template_name = "courses/admin/learning_report_results.html"
    index_url_name = "courses_learning_report"
    index_results_url_name = "courses_learning_report_results"
    paginate_by = None
    list_export = [
        "group",
        "learner_count",
        "enrolments",
        "in_progress",
        "completed",
        "completion_rate",
        "average_best_score",
    ]
    export_headings = {
        "group": gettext_lazy("Organisation or region"),
        "learner_count": gettext_lazy("Learners"),
        "enrolments": gettext_lazy("Enrolments"),
        "in_progress": gettext_lazy("In progress"),
        "completed": gettext_lazy("Completed"),
        "completion_rate": gettext_lazy("Completion rate (%)"),
        "average_best_score": gettext_lazy("Average best quiz score (%)"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.courses = source_courses()
        selected = request.GET.get("course", "")
        self.course = next((c for key, c in self.courses.items() if str(key) == selected), None)
        self.group_by = request.GET.get("group_by") if request.GET.get("group_by") in GROUPINGS else "organisation"

    def get_filename(self):
        return f"learning-report-{self.group_by}-{datetime.date.today():%Y-%m-%d}"

    def header_rows(self):
        course = self.course.title if self.course else _("All courses")
        return [
            [str(_("Learning report")), ""],
            [str(_("Filters")), f"{_('Course')}: {course}; {_('Break down by')}: {GROUPINGS[self.group_by]}"],
            [str(_("Period")), str(_("All dates"))],
            [str(_("Exported on")), timezone.localdate().isoformat()],
            [str(self.export_headings["learner_count"]), str(_("Different people enrolled, each counted once."))],
            [str(self.export_headings["completion_rate"]), str(_("Completed enrolments as a share of enrolments."))],
            [str(self.export_headings["average_best_score"]), str(AVERAGE_BEST_DEFINITION)],
            [],
        ]

    def get_queryset(self):
        return learning_rows(self.course.translation_key if self.course else None, self.group_by)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = context["object_list"]
        top = max((row["enrolments"] for row in rows[:-1]), default=0) or 1
        for row in rows[:-1]:
            row["bar_enrolled"] = round(100 * row["enrolments"] / top)
            row["bar_completed"] = round(100 * row["completed"] / row["enrolments"]) if row["enrolments"] else 0
        context.update(
            rows=rows[:-1],
            total=rows[-1] if rows else None,
            courses=self.courses.values(),
            selected_course=self.course,
            group_by=self.group_by,
            groupings=GROUPINGS.items(),
            group_label=GROUPINGS[self.group_by],
            average_definition=AVERAGE_BEST_DEFINITION,
        )
        return context


# --- Indicators -------------------------------------------------------------------------------------

SOURCE = gettext_lazy("Hamkori: online course records and in-person attendance sheets")


class IndicatorFilterForm(forms.Form):
    session = forms.TypedChoiceField(
        label=gettext_lazy("Training session"),
        choices=[("", gettext_lazy("All sessions")), *SESSION_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
    )
    course = forms.ChoiceField(label=gettext_lazy("Course"), required=False)
    start = forms.DateField(label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    breakdown = forms.ChoiceField(label=gettext_lazy("Break down by"), choices=BREAKDOWNS.items(), required=False)
    unsuppressed = forms.BooleanField(label=gettext_lazy("Show small counts (logged)"), required=False)

    def __init__(self, *args, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.courses = courses
        self.fields["course"].choices = [("", _("All courses"))] + [
            (str(key), course.title) for key, course in courses.items()
        ]

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError(_("The end of the period is before its start."))
        return data

    def filters(self):
        data = self.cleaned_data if self.is_valid() else {}
        course = next((key for key in self.courses if str(key) == data.get("course")), None)
        return Filters(
            session=data.get("session"),
            course_key=course,
            start=data.get("start"),
            end=data.get("end"),
            breakdown=data.get("breakdown") or "sex",
        )


class IndicatorReportView(ExportWithHeaderMixin, ReportView):
    """Unique staff and organisations reached, trained and certified, by one breakdown, with small counts hidden."""

    page_title = gettext_lazy("Indicators")
    header_icon = "table"
    template_name = "courses/admin/indicator_report.html"
    results_template_name = "courses/admin/indicator_report_results.html"
    index_url_name = "courses_indicator_report"
    index_results_url_name = "courses_indicator_report_results"
    paginate_by = None
    list_export = ["label", *COUNT_COLUMNS, "average_score"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.courses = source_courses()
        self.form = IndicatorFilterForm(request.GET or None, courses=self.courses)
        self.indicator_filters = self.form.filters()
        self.layout = "logframe" if request.GET.get("layout") == "logframe" else "table"
        self.unsuppressed = bool(
            self.form.is_bound
            and self.form.is_valid()
            and self.form.cleaned_data["unsuppressed"]
            and request.user.has_perm(UNSUPPRESSED_PERMISSION)
        )
        if self.layout == "logframe":
            self.list_export = ["indicator", "breakdown", "period", "value", "source"]

    @cached_property
    def table(self):
        rows, total, data = indicator_table(self.indicator_filters)
        k = settings.SUPPRESSION_THRESHOLD
        if self.unsuppressed:
            FigureDisclosure.objects.create(
                user=self.request.user,
                kind=FigureDisclosure.Kind.UNSUPPRESSED,
                detail=f"{self.request.GET.get('export') or 'screen'}: {self.description()}"[:500],
            )
            marks = {column: Column([], 0, {}) for column in COUNT_COLUMNS}
        else:
            marks = suppress(rows, total, COUNT_COLUMNS, k)
        for index, row in enumerate([*rows, total]):
            is_total = index == len(rows)
            row["shown"] = {}
            for column in COUNT_COLUMNS:
                kind = marks[column].total_hidden if is_total else marks[column].hidden.get(index)
                row["shown"][column] = shown(row[column], kind, k)
            average_hidden = not self.unsuppressed and (
                row["scored"] < k or not isinstance(row["shown"]["staff_reached"], int)
            )
            row["shown"]["average_score"] = "–" if average_hidden and row["scored"] else row["average_score"]
            if row["shown"]["average_score"] is None:
                row["shown"]["average_score"] = ""
            row["cells"] = [row["shown"][column] for column in COUNT_COLUMNS]
        return rows, total, data

    def description(self):
        """The filters in words, for the export's header and the log."""
        filters = self.indicator_filters
        session = dict(SESSION_CHOICES).get(filters.session, _("All sessions"))
        course = self.courses.get(filters.course_key)
        return "; ".join(
            [
                f"{_('Training session')}: {session}",
                f"{_('Course')}: {course.title if course else _('All courses')}",
                f"{_('Break down by')}: {BREAKDOWNS[filters.breakdown]}",
            ]
        )

    def period(self):
        filters = self.indicator_filters
        if not filters.start and not filters.end:
            return _("All dates")
        start = filters.start.isoformat() if filters.start else "…"
        end = filters.end.isoformat() if filters.end else "…"
        return f"{start} – {end}"

    def get_filename(self):
        return f"indicators-{self.indicator_filters.breakdown}-{self.layout}-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        rows, total, _data = self.table
        display = [{"label": str(row["label"]), **row["shown"]} for row in [*rows, total]]
        if self.layout == "table":
            return display
        breakdown = BREAKDOWNS[self.indicator_filters.breakdown]
        return [
            {
                "indicator": str(heading),
                "breakdown": f"{breakdown}: {row['label']}" if row is not display[-1] else str(_("All")),
                "period": str(self.period()),
                "value": row[column],
                "source": str(SOURCE),
            }
            for column, heading, _definition in INDICATORS
            for row in display
        ]

    def get_heading(self, queryset, field):
        headings = {column: heading for column, heading, _definition in INDICATORS}
        headings.update(
            label=BREAKDOWNS[self.indicator_filters.breakdown],
            average_score=_("Average score per person (%)"),
            indicator=_("Indicator"),
            breakdown=_("Breakdown"),
            period=_("Period"),
            value=_("Value"),
            source=_("Source"),
        )
        return str(headings[field])

    def header_rows(self):
        """What the exported file covers, above the table: filters, period, definitions, date of export."""
        _rows, _total, data = self.table
        k = settings.SUPPRESSION_THRESHOLD
        lines = [
            [str(_("Indicators")), ""],
            [str(_("Filters")), self.description()],
            [str(_("Period")), str(self.period())],
            [str(_("Exported on")), timezone.localdate().isoformat()],
            [str(_("Source")), str(SOURCE)],
        ]
        if self.unsuppressed:
            lines.append([str(_("Small counts")), str(_("Shown in full: do not share this file."))])
        else:
            lines.append([str(_("Small counts")), str(suppression_note(k))])
        if data.illustrative_deliveries:
            lines.append([str(_("Warning")), str(illustrative_note(data.illustrative_deliveries))])
        for _column, heading, definition in INDICATORS:
            lines.append([str(heading), str(definition)])
        lines.append([str(_("Average score per person (%)")), str(AVERAGE_DEFINITION)])
        lines.append([])
        return lines

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows, total, data = self.table
        k = settings.SUPPRESSION_THRESHOLD
        context.update(
            form=self.form,
            rows=rows,
            total=total,
            indicators=INDICATORS,
            charts=charts(rows),
            breakdown_label=BREAKDOWNS[self.indicator_filters.breakdown],
            period=self.period(),
            suppression_note=None if self.unsuppressed else suppression_note(k),
            unsuppressed=self.unsuppressed,
            can_unsuppress=self.request.user.has_perm(UNSUPPRESSED_PERMISSION),
            illustrative_note=illustrative_note(data.illustrative_deliveries) if data.illustrative_deliveries else "",
            average_definition=AVERAGE_DEFINITION,
            logframe_csv_url=self._export_url("csv", "logframe"),
            logframe_xlsx_url=self._export_url("xlsx", "logframe"),
        )
        return context

    def _export_url(self, export_format, layout):
        params = self.request.GET.copy()
        params["export"] = export_format
        params["layout"] = layout
        return self.request.path + "?" + params.urlencode()


def suppression_note(k):
    return _(
        "Counts under %(k)d are shown as “<%(k)d” and counts marked “–” are hidden as well, so that no "
        "small count can be worked out from a total. Averages are hidden for fewer than %(k)d people."
    ) % {"k": k}


def illustrative_note(count):
    return ngettext(
        "Includes %(count)d illustrative demo delivery: these are not real programme figures.",
        "Includes %(count)d illustrative demo deliveries: these are not real programme figures.",
        count,
    ) % {"count": count}


def charts(rows):
    """A bar chart per indicator: each category's bar as a share of the largest count shown."""
    result = []
    for column, heading, _definition in INDICATORS:
        shown_values = [row["shown"][column] for row in rows]
        top = max((value for value in shown_values if isinstance(value, int)), default=0) or 1
        bars = [
            {
                "label": row["label"],
                "value": value,
                "width": round(100 * value / top) if isinstance(value, int) else 0,
            }
            for row, value in zip(rows, shown_values, strict=True)
        ]
        result.append({"column": column, "heading": heading, "bars": bars})
    return result


# --- One learner's records ------------------------------------------------------------------------


def learner_records_view(request):
    """Programme staff look up one learner by email and see their records; every look-up that finds one is logged."""
    if not request.user.has_perm(LEARNER_RECORDS_PERMISSION):
        raise PermissionDenied
    email = request.GET.get("email", "").strip()
    learner = get_user_model().objects.filter(email__iexact=email).first() if email else None
    records = None
    if learner is not None:
        FigureDisclosure.objects.create(
            user=request.user, kind=FigureDisclosure.Kind.LEARNER, detail=f"learner #{learner.pk}"
        )
        records = learner_records(learner)
    return TemplateResponse(
        request,
        "courses/admin/learner_records.html",
        {"email": email, "learner": learner, "records": records, "searched": bool(email)},
    )


class FigureDisclosureReportView(ReportView):
    """Who saw small counts in full or one learner's records, and when (read-only)."""

    page_title = gettext_lazy("Views of small counts and learners' records")
    header_icon = "view"
    index_url_name = "courses_figure_disclosures"
    index_results_url_name = "courses_figure_disclosures_results"
    paginate_by = 50
    columns = [
        TableColumn("viewed_at", label=gettext_lazy("When")),
        TableColumn("user", label=gettext_lazy("Who")),
        TableColumn("get_kind_display", label=gettext_lazy("What")),
        TableColumn("detail", label=gettext_lazy("Details")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("courses.view_figuredisclosure"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return FigureDisclosure.objects.select_related("user")
