from django.contrib.auth.models import Group, Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import certificate_admin, credentials
from .deliveries import paper_scores_view
from .learner_records import learner_records
from .models import CourseIndexPage, Delivery
from .reports import (
    LEARNER_RECORDS_PERMISSION,
    REPORT_PERMISSION,
    FigureDisclosureReportView,
    IndicatorReportView,
    LearningReportView,
    learner_records_view,
)

TRAINERS_GROUP = "Trainers"
# What trainers do in the admin: record in-person deliveries and their participants; and see the study
# packs' answer sheets.
TRAINER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("courses", "add_delivery"),
    ("courses", "change_delivery"),
    ("courses", "view_delivery"),
    ("courses", "delete_delivery"),
    ("programme", "view_answer_sheet"),  # the answers to the quiz of the sessions' study packs
]


@hooks.register("register_admin_urls")
def register_learning_report_urls():
    return [
        path("reports/learning/", LearningReportView.as_view(), name="courses_learning_report"),
        path(
            "reports/learning/results/",
            LearningReportView.as_view(results_only=True),
            name="courses_learning_report_results",
        ),
        path("reports/indicators/", IndicatorReportView.as_view(), name="courses_indicator_report"),
        path("reports/learner/", learner_records_view, name="courses_learner_records"),
        path("reports/disclosures/", FigureDisclosureReportView.as_view(), name="courses_figure_disclosures"),
        path(
            "reports/disclosures/results/",
            FigureDisclosureReportView.as_view(results_only=True),
            name="courses_figure_disclosures_results",
        ),
        path(
            "reports/indicators/results/",
            IndicatorReportView.as_view(results_only=True),
            name="courses_indicator_report_results",
        ),
    ]


class LearningReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_learning_report_menu_item():
    return LearningReportMenuItem(
        _("Learning"), reverse("courses_learning_report"), name="learning-report", icon_name="list-ul", order=50
    )


@hooks.register("register_reports_menu_item")
def register_indicator_report_menu_item():
    return LearningReportMenuItem(
        _("Indicators"), reverse("courses_indicator_report"), name="indicator-report", icon_name="table", order=51
    )


@hooks.register("register_permissions")
def register_learning_report_permission():
    return Permission.objects.filter(
        content_type__app_label="courses",
        codename__in=[
            "view_learning_reports",
            "view_unsuppressed_figures",
            "view_learner_records",
            "view_figuredisclosure",
            "view_certificate",
            "revoke_certificate",
        ],
    )


@hooks.register("setup_site")
def setup_course_catalogue(setup, home):
    setup.section(
        home,
        CourseIndexPage,
        "courses",
        title=_("Courses"),
        intro=_("Self-paced courses for CSO staff. Learn on your phone, at your own pace, and get a certificate."),
    )


class DeliveryViewSet(SnippetViewSet):
    model = Delivery
    icon = "group"
    menu_label = _("In-person deliveries")
    menu_name = "deliveries"
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["__str__", "trainer", "region", "is_illustrative"]
    list_filter = ["session_number", "region", "is_illustrative"]
    search_fields = ["location", "trainer"]
    ordering = ["-starts_on"]


register_snippet(DeliveryViewSet)


@hooks.register("register_admin_urls")
def register_paper_scores_url():
    return [path("deliveries/<int:pk>/paper-scores/", paper_scores_view, name="courses_paper_scores")]


@hooks.register("register_snippet_listing_buttons")
def paper_scores_button(snippet, user, next_url=None):
    if isinstance(snippet, Delivery) and user.has_perm("courses.change_delivery"):
        yield ListingButton(
            _("Upload paper scores"),
            reverse("courses_paper_scores", args=[snippet.pk]),
            icon_name="upload",
            priority=30,
        )


@hooks.register("setup_site")
def setup_trainers_group(setup, home):
    group, created = Group.objects.get_or_create(name=TRAINERS_GROUP)
    if created:  # afterwards, staff own the group's permissions
        for app_label, codename in TRAINER_PERMISSIONS:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        setup.report(f"Group {TRAINERS_GROUP}")


class LearnerRecordsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(LEARNER_RECORDS_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_learner_records_menu_item():
    return LearnerRecordsMenuItem(
        _("One learner's records"),
        reverse("courses_learner_records"),
        name="learner-records",
        icon_name="user",
        order=52,
    )


@hooks.register("register_personal_data")
def personal_learning_data(user):
    """What the learner's own data export (accounts) includes from the courses."""
    return learner_records(user)


class FigureDisclosureMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("courses.view_figuredisclosure")


@hooks.register("register_reports_menu_item")
def register_figure_disclosures_menu_item():
    return FigureDisclosureMenuItem(
        _("Views of small counts"),
        reverse("courses_figure_disclosures"),
        name="figure-disclosures",
        icon_name="view",
        order=53,
    )


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return certificate_admin.CertificateViewSet("courses_certificates", url_prefix="certificates")


@hooks.register("register_admin_urls")
def register_certificate_revoke_url():
    return certificate_admin.admin_urls()


@hooks.register("setup_site")
def setup_credential_signing_key(setup, home):
    """Development and test settings get a signing key for Open Badges credentials; production brings its own."""
    path = credentials.create_key_if_allowed()
    if path:
        setup.report(f"Credential signing key {path}")
