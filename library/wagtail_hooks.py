from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .access import MEMBERS_COLLECTION, can_open_members_files
from .models import DownloadCount, LibraryIndexPage, LibraryMembership, ResourceFile, Submission
from .setup import setup_library
from .validators import extension_of


@hooks.register("before_serve_document", order=1)
def members_files_follow_the_rule(document, request):
    """After Wagtail's group check (order 0): the group may lag behind a change of organisation or a revoked
    link, so the members' rule is asked again on every download."""
    if document.collection.name == MEMBERS_COLLECTION and not can_open_members_files(request.user):
        raise PermissionDenied
    return None


@hooks.register("before_serve_document", order=100)
def count_library_download(document, request):
    """Runs after Wagtail's own privacy check (order 0): count the download and mark it for
    ``library.middleware.LibraryDownloadMiddleware``, which sets the safe-serving headers."""
    link = ResourceFile.objects.filter(document=document).select_related("page").only("page__translation_key").first()
    if link is None:
        return None
    counter, _created = DownloadCount.objects.get_or_create(translation_key=link.page.translation_key)
    DownloadCount.objects.filter(pk=counter.pk).update(count=F("count") + 1)
    request.library_download = {
        "extension": extension_of(document.filename),
        "private": document.collection.get_view_restrictions().exists(),
    }
    return None


class CreatedElsewherePolicy(ModelPermissionPolicy):
    """Records that only the site itself creates (from the public form, or by counting): no "Add" in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        actions = set(actions) - {"add"}
        return bool(actions) and super().user_has_any_permission(user, actions)


class SubmissionViewSet(SnippetViewSet):
    model = Submission
    permission_policy = CreatedElsewherePolicy(Submission)
    icon = "upload"
    menu_label = _("Submissions")
    list_display = ["page", "organisation", "sent_by", "status", "created_at"]
    list_filter = ["status"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    add_to_admin_menu = False


class MembershipViewSet(SnippetViewSet):
    model = LibraryMembership
    icon = "lock-open"
    menu_label = _("Memberships")
    list_display = ["user", "status", "note", "changed_at"]
    list_filter = ["status"]
    search_fields = ["user__username", "user__email", "user__first_name", "user__last_name"]
    ordering = ["-changed_at"]


class DownloadCountViewSet(SnippetViewSet):
    model = DownloadCount
    permission_policy = CreatedElsewherePolicy(DownloadCount)
    icon = "download"
    menu_label = _("Downloads")
    list_display = ["__str__", "count"]
    ordering = ["-count"]
    inspect_view_enabled = True


class LibraryGroup(SnippetViewSetGroup):
    items = (SubmissionViewSet, MembershipViewSet, DownloadCountViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Library")
    menu_name = "library"


register_snippet(LibraryGroup)


@hooks.register("setup_site")
def setup_library_section(setup, home):
    setup.section(
        home,
        LibraryIndexPage,
        "library",
        title=_("Library"),
        intro=_(
            "Reports, databases, training modules and guides shared by civil society organisations, "
            "international organisations and government agencies."
        ),
        contribute_text=_(
            "Everyone can read the descriptions. Members-only files open for organisations that have shared "
            "a resource: contribute one of your organisation's reports or training materials to unlock the "
            "whole library for all your colleagues."
        ),
    )
    setup_library()
