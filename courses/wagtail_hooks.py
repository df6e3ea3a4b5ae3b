from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .models import CourseIndexPage
from .reports import REPORT_PERMISSION, LearningReportView


@hooks.register("register_admin_urls")
def register_learning_report_urls():
    return [
        path("reports/learning/", LearningReportView.as_view(), name="courses_learning_report"),
        path(
            "reports/learning/results/",
            LearningReportView.as_view(results_only=True),
            name="courses_learning_report_results",
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


@hooks.register("register_permissions")
def register_learning_report_permission():
    return Permission.objects.filter(content_type__app_label="courses", codename="view_learning_reports")


@hooks.register("setup_site")
def setup_course_catalogue(setup, home):
    setup.section(
        home,
        CourseIndexPage,
        "courses",
        title=_("Courses"),
        intro=_("Self-paced courses for CSO staff. Learn on your phone, at your own pace, and get a certificate."),
    )
