"""What a deployment's library needs before the first submission: made once, by `setup_site`.

Groups, collections and their view restrictions (see access.py), the review workflow on every
library page, and what moderators may do. Every step looks for what exists first, so running it
again changes nothing and never undoes what staff have since changed.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .access import (
    EDITORS_GROUP,
    MEMBERS_COLLECTION,
    MEMBERS_GROUP,
    MODERATORS_GROUP,
    PUBLIC_COLLECTION,
    SUBMISSIONS_COLLECTION,
)
from .models import LibraryIndexPage, LibraryReviewTask

WORKFLOW_NAME = "Library submissions"
TASK_NAME = "Moderator review"

# What a moderator needs beyond the review task itself: the admin, and the library's reports.
MODERATOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("library", "view_submission"),
    ("library", "view_librarymembership"),
    ("library", "change_librarymembership"),
    ("library", "view_downloadcount"),
    ("home", "view_affiliation"),
    ("home", "change_affiliation"),
]


def setup_library():
    members, _created = Group.objects.get_or_create(name=MEMBERS_GROUP)
    moderators, moderators_created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    editors, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    library = _child_collection(Collection.get_first_root_node(), PUBLIC_COLLECTION)
    members_only = _child_collection(library, MEMBERS_COLLECTION)
    submissions = _child_collection(library, SUBMISSIONS_COLLECTION)
    _restrict(members_only, [members, moderators, editors])
    _restrict(submissions, [moderators, editors])
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if created:  # the first setup; afterwards staff own the workflow
        task, _created = LibraryReviewTask.objects.get_or_create(name=TASK_NAME)
        task.groups.set([moderators])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if moderators_created:  # afterwards staff own the moderators' permissions
        _moderator_permissions(moderators, library, [members_only, submissions])
    for index in LibraryIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})


def _child_collection(parent, name):
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(instance=Collection(name=name))


def _restrict(collection, groups):
    if collection.view_restrictions.exists():
        return  # staff may have changed who can see it: leave it as they left it
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(*groups)


def _moderator_permissions(moderators, library_collection, restricted_collections):
    """Moderators review, edit and publish library pages and their files, and nothing else.

    A site set up before the library had a moderators group of its own gets the group added to
    its review task and to the restricted collections here too.
    """
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
    for task in LibraryReviewTask.objects.filter(name=TASK_NAME):
        task.groups.add(moderators)
    for restriction in CollectionViewRestriction.objects.filter(collection__in=restricted_collections):
        restriction.groups.add(moderators)
