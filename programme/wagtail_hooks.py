from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Locale, Page

from . import ledger_import, models, study_packs
from .models import (
    ConsultationIndexPage,
    ForumIndexPage,
    RecommendationIndexPage,
    RecommendationPage,
    TrainingProgrammePage,
)


class TranslationsColumn(Column):
    """Links to edit the other language copies of a recommendation (filled in by the view, in one query)."""

    cell_template_name = "programme/admin/translations_cell.html"

    def get_value(self, instance):
        return getattr(instance, "other_languages", [])


class RecommendationIndexView(IndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = list(context["object_list"])
        keys = {page.translation_key for page in rows}
        copies = {}
        for pk, key, language in (
            RecommendationPage.objects.filter(translation_key__in=keys)
            .order_by("locale__language_code")
            .values_list("pk", "translation_key", "locale__language_code")
        ):
            copies.setdefault(key, []).append((pk, language))
        # Overdue promises of the consultation each recommendation came from (a recommendation has no due date).
        overdue = {}
        for promise in models.overdue_promises(public=False):
            overdue[promise.page_key] = overdue.get(promise.page_key, 0) + 1
        source_keys = (
            dict(
                Page.objects.filter(pk__in={page.source_id for page in rows if page.source_id}).values_list(
                    "pk", "translation_key"
                )
            )
            if overdue
            else {}
        )
        for page in rows:
            page.overdue_count = overdue.get(source_keys.get(page.source_id)) or None  # blank when none
            page.other_languages = [
                (language, reverse("wagtailadmin_pages:edit", args=[pk]))
                for pk, language in copies.get(page.translation_key, [])
                if pk != page.pk
            ]
        return context

    def get(self, request, *args, **kwargs):
        # One language copy per row: the default language unless the editor chose another (or "All").
        if self.i18n_enabled and "locale" not in request.GET:
            query = request.GET.copy()
            query["locale"] = Locale.get_default().language_code
            return redirect(f"{request.path}?{query.urlencode()}")
        return super().get(request, *args, **kwargs)

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if ledger_import.may_change(self.request.user):
            buttons.append(
                HeaderButton(_("Import follow-up from CSV"), url=reverse("programme_ledger_import"), icon_name="upload")
            )
        return buttons


class RecommendationListingViewSet(PageListingViewSet):
    """Every recommendation in one flat list, with its follow-up status, for the editors who keep it up to date."""

    model = RecommendationPage
    index_view_class = RecommendationIndexView
    icon = "tasks"
    menu_label = _("Recommendations")
    menu_order = 210
    add_to_admin_menu = True
    columns = [
        *PageListingViewSet.columns,
        Column("response_status", label=_("Response"), accessor="get_response_status_display", width="10%"),
        Column(
            "implementation_reported",
            label=_("Implementation (addressee)"),
            accessor="get_implementation_reported_display",
            width="12%",
        ),
        Column(
            "implementation_assessed",
            label=_("Implementation (CSOs)"),
            accessor="get_implementation_assessed_display",
            width="12%",
        ),
        Column("addressee", label=_("Addressed to"), accessor="get_addressee_display", width="14%"),
        Column("locale", label=_("Language"), accessor="locale.get_display_name", width="10%"),
        TranslationsColumn("translations", label=_("Other languages"), width="8%"),
        Column("overdue", label=_("Overdue promises of the source"), accessor="overdue_count", width="8%"),
    ]
    # No "locale" here: Wagtail adds its own language filter (?locale=tg), which its listing views also read;
    # a model filter on the locale field would expect an id there and the listing would answer 404.
    list_filter = ["response_status", "implementation_reported", "implementation_assessed", "addressee"]


class OverduePromisesPanel(Component):
    """Promises from consultations past their due date and not kept, one row per promise (original language)."""

    name = "overdue_promises"
    template_name = "programme/admin/overdue_panel.html"
    order = 120

    def get_context_data(self, parent_context):
        # The page that holds the facts (the original) is the one editors change.
        # Editors see the promises of restricted consultations too: they can open those pages.
        return {"promises": models.overdue_promises(public=False)}


@hooks.register("construct_homepage_panels")
def add_overdue_promises_panel(request, panels):
    panels.append(OverduePromisesPanel())


@hooks.register("register_admin_urls")
def register_ledger_import_urls():
    return [
        path("recommendations/import/", ledger_import.import_view, name="programme_ledger_import"),
        path("recommendations/export/", ledger_import.export_view, name="programme_ledger_export"),
    ]


@hooks.register("register_admin_viewset")
def register_recommendation_listing():
    return RecommendationListingViewSet("recommendation_pages")


@hooks.register("setup_site")
def setup_programme_sections(setup, home):
    setup.section(
        home,
        TrainingProgrammePage,
        "training",
        title=_("Training programme"),
        intro=_(
            "A Stronger Civil Society in Tajikistan through Novel Trainings and Technology: five-day courses "
            "that taught CSO staff to engage government on laws and policies."
        ),
    )
    setup.section(
        home,
        ConsultationIndexPage,
        "consultations",
        title=_("Consultations"),
        intro=_(
            "What civil society organisations raised when donors consulted them, and what they were told in return."
        ),
    )
    setup.section(
        home,
        ForumIndexPage,
        "forums",
        title=_("Forums"),
        intro=_("Regional civil society forums: their sessions, what was discussed and what was recommended."),
    )
    setup.section(
        home,
        RecommendationIndexPage,
        "recommendations",
        title=_("Recommendations"),
        intro=_(
            "Every recommendation from the forums and consultations, with what has happened since. Forum "
            "participants complained of a lack of follow-up: here it is recorded."
        ),
    )


@hooks.register("register_permissions")
def register_answer_sheet_permission():
    return Permission.objects.filter(content_type__app_label="programme", codename="view_answer_sheet")


@hooks.register("setup_site")
def build_study_packs(setup, home):
    """Packs for sessions published before packs existed (or whose layout changed); the rest are left."""
    built = [pack for pack in study_packs.build_all() if pack.rebuilt]
    if built:
        setup.report(f"Study packs of {len(built)} sessions")
