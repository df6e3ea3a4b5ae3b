from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .organisations import can_merge_organisations
from .views import merge_organisations_view


class MergeOrganisationsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_merge_organisations(request.user)


@hooks.register("register_directory_menu_item")
def register_merge_organisations_menu_item():
    return MergeOrganisationsMenuItem(
        _("Merge organisations"), reverse_lazy("merge_organisations"), icon_name="resubmit", order=150
    )


@hooks.register("register_admin_urls")
def register_merge_organisations_url():
    return [path("directory/merge-organisations/", merge_organisations_view, name="merge_organisations")]
