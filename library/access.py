"""Who may open members-only files, and where the library keeps its files.

- Files of public resources live in the "Library" collection (no restriction).
- Files of members-only resources live in "Library: members only", which a Wagtail
  ``CollectionViewRestriction`` limits to the "Library members", "Library moderators" and "Editors" groups.
- Files of submissions waiting for review live in "Library: submissions", limited to "Library moderators"
  and "Editors".

Wagtail's document serve view checks those restrictions on every download, so the rule holds
whatever URL is guessed. Membership is the "Library members" group: it is granted to everyone in an
organisation when its first contribution is approved, and to people who join that organisation later.
Staff revoke it by setting the member's ``LibraryMembership`` to "Revoked" in the admin (Library >
Memberships): that removes the group at once (effective on the next request) and the status keeps the
person out when their organisation's later contributions are approved or their profile is saved again.

The groups, collections, restrictions and review workflow are created once, by ``setup_site``
(``library/setup.py``); nothing here creates them.
"""

from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Collection

MEMBERS_GROUP = "Library members"
# Not Wagtail's default "Moderators" group, which may edit and publish every page and document.
MODERATORS_GROUP = "Library moderators"
EDITORS_GROUP = "Editors"
PUBLIC_COLLECTION = "Library"
MEMBERS_COLLECTION = "Library: members only"
SUBMISSIONS_COLLECTION = "Library: submissions"


def can_open_members_files(user):
    """The same rule Wagtail's collection restriction applies (so pages and downloads agree)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=[MEMBERS_GROUP, MODERATORS_GROUP, EDITORS_GROUP]).exists()


def library_collection(name):
    """One of the library's collections; they are made by `setup_site`, never on a request."""
    collection = Collection.objects.filter(name=name).first()
    if collection is None:
        raise ImproperlyConfigured(f"The collection {name!r} is missing: run `python manage.py setup_site`.")
    return collection


def collection_for(members_only):
    return library_collection(MEMBERS_COLLECTION if members_only else PUBLIC_COLLECTION)
