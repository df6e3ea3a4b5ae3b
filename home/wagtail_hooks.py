from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import FooterText, Organisation, RecommendationPage, ThematicArea


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
