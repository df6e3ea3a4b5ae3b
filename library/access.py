"""Who may open members-only files, and where the library keeps its files.

- Files of public resources live in the "Library" collection (no restriction).
- Files of members-only resources live in "Library: members only", which a Wagtail
  ``CollectionViewRestriction`` limits to the "Library members", "Library moderators" and "Editors" groups.
- Files of submissions waiting for review live in "Library: submissions", limited to "Library moderators"
  and "Editors".

A library member is a person with a **confirmed** link (``home.models.Affiliation``) to the organisation in
their profile, when that organisation has an approved contribution and staff have not revoked the person's
``LibraryMembership``. A link claimed at sign-up or in the profile is pending until a confirmed colleague,
staff, or the organisation's verified email domain confirms it.

The rule is worked out on every request (``can_open_members_files``, used by the resource pages and by a
``before_serve_document`` hook on every download), so changing organisation or a revoked link closes the
files at once. The "Library members" group, which Wagtail's collection restriction needs, follows the same
rule (``LibraryMembership.objects.sync``) but is never trusted on its own.

The groups, collections, restrictions and review workflow are created once, by ``setup_site``
(``library/setup.py``); nothing here creates them.
"""

from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Collection

from home.models import Affiliation

MEMBERS_GROUP = "Library members"
# Not Wagtail's default "Moderators" group, which may edit and publish every page and document.
MODERATORS_GROUP = "Library moderators"
EDITORS_GROUP = "Editors"
PUBLIC_COLLECTION = "Library"
MEMBERS_COLLECTION = "Library: members only"
SUBMISSIONS_COLLECTION = "Library: submissions"


def can_open_members_files(user):
    """Staff of the library, or a library member by the rule above (asked again on every request)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.groups.filter(name__in=[MODERATORS_GROUP, EDITORS_GROUP]).exists():
        return True
    return is_library_member(user)


def is_library_member(user):
    """A confirmed member of an organisation that has contributed, whom staff have not revoked."""
    from .models import LibraryMembership, Submission  # the models import this module

    organisation = Affiliation.objects.confirmed_organisation(user)
    if organisation is None or not Submission.objects.has_contributed(organisation):
        return False
    return not LibraryMembership.objects.is_revoked(user)


def library_collection(name):
    """One of the library's collections; they are made by `setup_site`, never on a request."""
    collection = Collection.objects.filter(name=name).first()
    if collection is None:
        raise ImproperlyConfigured(f"The collection {name!r} is missing: run `python manage.py setup_site`.")
    return collection


def collection_for(members_only):
    return library_collection(MEMBERS_COLLECTION if members_only else PUBLIC_COLLECTION)
