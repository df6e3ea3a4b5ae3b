from django.contrib.auth import get_user_model
from django.urls import path, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Affiliation

from . import cached_user
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


@hooks.register("after_bulk_action")
def bump_users_changed_in_bulk(request, action_type, objects, action):
    """Wagtail's user bulk actions (set active state, assign role, delete) write with queryset.update(), which sends
    no post_save: make the kept copies of those users stale, so a deactivated person is signed out at once."""
    user_model = get_user_model()
    cached_user.bump(*(cached_user.user_keys(obj.pk)[0] for obj in objects if isinstance(obj, user_model)))


@hooks.register("register_admin_urls")
def register_merge_organisations_url():
    return [path("directory/merge-organisations/", merge_organisations_view, name="merge_organisations")]


class ClaimedAtSignupPolicy(ModelPermissionPolicy):
    """People claim links themselves (sign-up, profile); staff only confirm or revoke them."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        actions = set(actions) - {"add", "delete"}
        return bool(actions) and super().user_has_any_permission(user, actions)


class AffiliationViewSet(SnippetViewSet):
    """The staff's queue of claims: filter "Waiting for confirmation", open one, confirm or revoke it."""

    model = Affiliation
    permission_policy = ClaimedAtSignupPolicy(Affiliation)
    icon = "group"
    menu_label = _("Organisation links")
    add_to_admin_menu = False
    list_display = ["__str__", "organisation", "status", "method", "created_at", "decided_by"]
    list_filter = ["status"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation__name"]
    ordering = ["status", "created_at"]  # "pending" before "revoked": the queue first


affiliation_viewset = AffiliationViewSet()
register_snippet(affiliation_viewset)


class AffiliationMenuItem(MenuItem):
    def is_shown(self, request):
        return affiliation_viewset.permission_policy.user_has_permission(request.user, "change")


@hooks.register("register_directory_menu_item")
def register_affiliation_menu_item():
    return AffiliationMenuItem(
        _("Organisation links"), reverse_lazy(affiliation_viewset.get_url_name("list")), icon_name="group", order=120
    )


@hooks.register("after_edit_snippet")
def record_staff_decision(request, instance):
    """Who confirmed or revoked a link in the admin, and when."""
    if isinstance(instance, Affiliation) and instance.status != Affiliation.Status.PENDING:
        method = Affiliation.Method.STAFF if instance.status == Affiliation.Status.CONFIRMED else ""
        Affiliation.objects.filter(pk=instance.pk).update(
            decided_by=request.user, decided_at=timezone.now(), method=method
        )
