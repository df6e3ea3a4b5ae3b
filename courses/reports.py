"""Learning reports for programme staff: enrolments, completions and scores by organisation or region."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from home.models import Region

from .models import CoursePage, Enrolment, QuizAttempt

REPORT_PERMISSION = "courses.view_learning_reports"
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
        row["scores"].extend(scores)

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
    return {"group": label, "enrolments": 0, "in_progress": 0, "completed": 0, "learners": set(), "scores": []}


def _finish_row(row):
    row["learner_count"] = len(row.pop("learners"))
    scores = row.pop("scores")
    row["completion_rate"] = round(100 * row["completed"] / row["enrolments"]) if row["enrolments"] else 0
    row["average_best_score"] = round(sum(scores) / len(scores)) if scores else ""


class LearningReportView(ReportView):
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
        )
        return context
