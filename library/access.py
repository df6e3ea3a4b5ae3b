"""Who may open members-only files, and the Wagtail objects that enforce it.

- Files of public resources live in the "Library" collection (no restriction).
- Files of members-only resources live in "Library: members only", which a Wagtail
  ``CollectionViewRestriction`` limits to the "Library members", "Moderators" and "Editors" groups.
- Files of submissions waiting for review live in "Library: submissions", limited to "Moderators" and "Editors".

Wagtail's document serve view checks those restrictions on every download, so the rule holds
whatever URL is guessed. Membership is the "Library members" group: it is granted to everyone in an
organisation when its first contribution is approved, and to people who join that organisation later.
Staff revoke it by setting the member's ``LibraryMembership`` to "Revoked" in the admin (Library >
Memberships): that removes the group at once (effective on the next request) and the status keeps the
person out when their organisation's later contributions are approved or their profile is saved again.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

MEMBERS_GROUP = "Library members"
MODERATORS_GROUP = "Moderators"
EDITORS_GROUP = "Editors"
PUBLIC_COLLECTION = "Library"
MEMBERS_COLLECTION = "Library: members only"
SUBMISSIONS_COLLECTION = "Library: submissions"
WORKFLOW_NAME = "Library submissions"
TASK_NAME = "Moderator review"


def _child_collection(parent, name):
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(instance=Collection(name=name))


def _restrict(collection, groups):
    restriction = collection.view_restrictions.filter(restriction_type=CollectionViewRestriction.GROUPS).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.add(*groups)


@transaction.atomic
def ensure_library_setup():
    """Groups, collections, view restrictions and the moderation workflow. Idempotent."""
    members, _created = Group.objects.get_or_create(name=MEMBERS_GROUP)
    moderators, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    editors, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    root = Collection.get_first_root_node()
    if root is None:  # a database emptied by a transactional test: rebuild what migrations made
        root = Collection.add_root(name="Root")
    library = _child_collection(root, PUBLIC_COLLECTION)
    members_only = _child_collection(library, MEMBERS_COLLECTION)
    submissions = _child_collection(library, SUBMISSIONS_COLLECTION)
    _restrict(members_only, [members, moderators, editors])
    _restrict(submissions, [moderators, editors])
    workflow = ensure_workflow(moderators)
    return {
        "public": library,
        "members": members_only,
        "submissions": submissions,
        "workflow": workflow,
        "members_group": members,
    }


# What a moderator needs beyond the review task itself: the admin, and the library's reports.
MODERATOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("library", "view_submission"),
    ("library", "view_librarymembership"),
    ("library", "change_librarymembership"),
    ("library", "view_downloadcount"),
]


def ensure_moderation(setup):
    """Once the library pages exist: their review workflow, and what moderators may do.

    Wagtail's migrations give its Moderators group admin access; a group made afresh (a new or
    emptied database) needs it too. Moderators review, edit and publish library pages and their
    files, and nothing else. Run at setup time (load_library_content), not on every request.
    """
    from .models import LibraryIndexPage

    moderators = Group.objects.get(name=MODERATORS_GROUP)
    ensure_workflow(moderators)
    library_collection = setup["public"]
    for app_label, codename in MODERATOR_PERMISSIONS:
        moderators.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    for codename in ("change_page", "publish_page"):
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        for index in LibraryIndexPage.objects.all():
            GroupPagePermission.objects.get_or_create(group=moderators, page=index, permission=permission)
    for codename in ("change_document", "choose_document"):
        permission = Permission.objects.get(content_type__app_label="wagtaildocs", codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=moderators, collection=library_collection, permission=permission
        )


def ensure_workflow(moderators):
    from .models import LibraryIndexPage, LibraryReviewTask

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.workflow_tasks.exists():
        task = LibraryReviewTask.objects.filter(name=TASK_NAME).first()
        if task is None:
            task = LibraryReviewTask.objects.create(name=TASK_NAME)
            task.groups.set([moderators])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for index in LibraryIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def collection_for(access):
    from .models import Access

    setup = ensure_library_setup()
    return setup["members"] if access == Access.MEMBERS else setup["public"]


def can_open_members_files(user):
    """The same rule Wagtail's collection restriction applies (so pages and downloads agree)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=[MEMBERS_GROUP, MODERATORS_GROUP, EDITORS_GROUP]).exists()


def is_revoked(user):
    from .models import LibraryMembership

    return LibraryMembership.objects.filter(user=user, status=LibraryMembership.Status.REVOKED).exists()


def grant_membership(user, note=""):
    """Add the user to the members group unless staff have revoked them. Returns True when they are a member."""
    from .models import LibraryMembership

    membership, _created = LibraryMembership.objects.get_or_create(user=user, defaults={"note": note})
    if membership.status == LibraryMembership.Status.REVOKED:
        return False
    group, _created = Group.objects.get_or_create(name=MEMBERS_GROUP)
    user.groups.add(group)
    return True


def grant_organisation(organisation, note=""):
    """Every member of the organisation becomes a library member (revoked people stay out)."""
    from home.models import MemberProfile

    granted = []
    for profile in MemberProfile.objects.filter(organisation=organisation).select_related("user"):
        if grant_membership(profile.user, note=note):
            granted.append(profile.user)
    return granted


def organisation_has_contributed(organisation):
    from .models import Submission

    return Submission.objects.filter(organisation=organisation, status=Submission.Status.APPROVED).exists()


def apply_membership_status(membership):
    """Keep the group in step with a membership record edited by staff."""
    group, _created = Group.objects.get_or_create(name=MEMBERS_GROUP)
    if membership.status == membership.Status.REVOKED:
        membership.user.groups.remove(group)
    else:
        membership.user.groups.add(group)
