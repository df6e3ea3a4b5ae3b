from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import FooterText, Organisation, ThematicArea


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
