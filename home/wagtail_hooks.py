from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import page_cache, translation_report
from .models import FooterText, Organisation, ThematicArea
from .translation_report import TranslationReportView


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "name_tg", "type", "region", "is_verified"]
    list_filter = ["type", "region", "is_verified"]
    search_fields = ["name", "name_tg", "name_ru", "city"]
    ordering = ["name"]


class ThematicAreaViewSet(SnippetViewSet):
    model = ThematicArea
    icon = "tag"
    menu_label = _("Thematic areas")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]
    ordering = ["name"]


class FooterTextViewSet(SnippetViewSet):
    model = FooterText
    icon = "list-ul"
    menu_label = _("Footer")


class DirectoryGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, ThematicAreaViewSet, FooterTextViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Directory")
    menu_name = "directory"

    def get_submenu_items(self):
        # Other apps add their directory tools (such as merging organisations) through this hook.
        return [*super().get_submenu_items(), *(item() for item in hooks.get_hooks("register_directory_menu_item"))]


register_snippet(DirectoryGroup)


# --- Translation status: Reports → Translations, interface strings, editors' badges and dashboard panel ---


@hooks.register("register_admin_urls")
def register_translation_report_urls():
    return [
        path("reports/translations/", TranslationReportView.as_view(), name="home_translation_report"),
        path(
            "reports/translations/results/",
            TranslationReportView.as_view(results_only=True),
            name="home_translation_report_results",
        ),
        path("reports/translations/interface/", translation_report.interface_strings, name="home_interface_strings"),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("home_translation_report"),
        name="translation-status",
        icon_name="wagtail-localize-language",
        order=60,
    )


@hooks.register("register_reports_menu_item")
def register_interface_strings_menu_item():
    return MenuItem(
        _("Interface strings"),
        reverse("home_interface_strings"),
        name="interface-strings",
        icon_name="doc-full",
        order=61,
    )


@hooks.register("construct_homepage_panels")
def add_translation_panel(request, panels):
    panels.append(translation_report.TranslationPanel(request.user))


@hooks.register("construct_page_listing_buttons")
def add_translation_badges(buttons, page, user, context=None):
    """A small badge in the page explorer for each language whose translation is missing or out of date."""
    request = context.get("request") if context else None
    badges = [
        ListingButton(
            translation_report.badge_label(cell), cell.url, classname="translation-badge", attrs={"title": cell.label}
        )
        for cell in translation_report.page_cells_needing_work(page, request)
    ]
    buttons[:0] = badges


@hooks.register("before_edit_page")
def warn_about_translations(request, page):
    """The page editor says which translations are missing or out of date (shown above the form)."""
    if request.method == "GET":
        cells = translation_report.page_cells_needing_work(page)
        if cells:
            listed = "; ".join(translation_report.badge_label(cell) for cell in cells)
            messages.warning(request, _("Translations to look at: %(cells)s") % {"cells": listed})


@hooks.register("before_serve_page")
def note_page_for_the_page_cache(page, request, serve_args, serve_kwargs):
    page_cache.note_page(request, page)
