from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import FooterText, Organisation, RecommendationPage, ThematicArea
from .organisations import can_merge_organisations
from .views import merge_organisations_view


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


class MergeOrganisationsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_merge_organisations(request.user)


class DirectoryGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, ThematicAreaViewSet, FooterTextViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Directory")
    menu_name = "directory"

    def get_submenu_items(self):
        merge = MergeOrganisationsMenuItem(
            _("Merge organisations"), reverse_lazy("merge_organisations"), icon_name="resubmit", order=150
        )
        return [*super().get_submenu_items(), merge]


@hooks.register("register_admin_urls")
def register_merge_organisations_url():
    return [path("directory/merge-organisations/", merge_organisations_view, name="merge_organisations")]


register_snippet(DirectoryGroup)


# --- Programme content ------------------------------------------------------------------------


class RecommendationListingViewSet(PageListingViewSet):
    """Every recommendation in one flat list, with its follow-up status, for the editors who keep it up to date."""

    model = RecommendationPage
    icon = "tasks"
    menu_label = _("Recommendations")
    menu_order = 210
    add_to_admin_menu = True
    columns = [
        *PageListingViewSet.columns,
        Column("follow_up_status", label=_("Follow-up"), accessor="get_follow_up_status_display", width="12%"),
        Column("follow_up_date", label=_("Noted on"), width="10%"),
        Column("addressee", label=_("Addressed to"), accessor="get_addressee_display", width="14%"),
        Column("locale", label=_("Language"), accessor="locale.get_display_name", width="10%"),
    ]
    list_filter = ["follow_up_status", "addressee", "locale"]


@hooks.register("register_admin_viewset")
def register_recommendation_listing():
    return RecommendationListingViewSet("recommendation_pages")
