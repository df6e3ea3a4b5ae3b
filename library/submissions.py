"""A member's contribution: a draft resource page, its files in the submissions collection, a workflow."""

import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Page

from home.models import MemberProfile, ThematicArea

from .access import SUBMISSIONS_COLLECTION, library_collection
from .models import ResourceFile, ResourceMaterialLanguage, ResourcePage, ResourceThematicArea, Submission
from .validators import extension_of


def unique_slug(parent, title):
    base = slugify(title, allow_unicode=False)[:60].strip("-") or "resource"
    slug = base
    siblings = set(
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).values_list("slug", flat=True)
    )
    while slug in siblings:
        slug = f"{base}-{uuid.uuid4().hex[:6]}"
    return slug


def store_document(upload, title, user, collection):
    """A Wagtail document under a generated name (the uploader's file name is never used on disk)."""
    Document = get_document_model()
    upload.seek(0)
    name = f"{uuid.uuid4().hex}.{extension_of(upload.name)}"
    document = Document(title=title[:255], collection=collection, uploaded_by_user=user)
    try:
        document.file.save(name, ContentFile(upload.read()), save=False)
    except OSError:
        # A full disk leaves the part written so far: remove it (the name is ours, so nobody else's).
        document.file.storage.delete(document.file.field.generate_filename(document, name))
        raise
    document.file_size = document.file.size
    document.save()
    return document


def create_submission(user, organisation, index, data):
    """The resource page (draft, in the moderation workflow), its files and the Submission, or nothing.

    If anything fails (a full disk raises OSError), the rows roll back and the files stored so far are removed.
    """
    stored = []
    try:
        return _create_submission(user, organisation, index, data, stored)
    except Exception:
        for file in stored:
            file.storage.delete(file.name)
        raise


@transaction.atomic
def _create_submission(user, organisation, index, data, stored):
    profile, _created = MemberProfile.objects.get_or_create(user=user)
    if profile.organisation_id is None:
        profile.organisation = organisation
        profile.save()

    page = ResourcePage(
        title=data["title"],
        slug=unique_slug(index, data["title"]),
        summary=data["summary"],
        resource_type=data["resource_type"],
        access=data["access"],
        organisation=organisation,
        year=data.get("year"),
        coverage=data.get("coverage") or "",
        keywords=data.get("keywords", ""),
        external_url=data.get("external_url", ""),
        live=False,
        owner=user,
        locale_id=index.locale_id,
    )
    for language in data["material_languages"]:
        page.material_languages.add(ResourceMaterialLanguage(language=language))
    english_areas = ThematicArea.objects.filter(locale__language_code="en", slug__in=data.get("thematic_areas", []))
    for area in english_areas:
        page.thematic_area_links.add(ResourceThematicArea(thematic_area=area))
    for upload in data["files"]:
        document = store_document(upload, data["title"], user, library_collection(SUBMISSIONS_COLLECTION))
        stored.append(document.file)
        page.files.add(ResourceFile(document=document))
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)

    _quiet_wagtail_notifications(user)
    page.get_workflow().start(page, user)  # the review workflow setup_site put on the library
    submission = Submission.objects.create(page=page, submitter=user, organisation=organisation)
    # Wagtail's workflow emails the moderators (GroupApprovalTask submission notification).
    return submission


def _quiet_wagtail_notifications(user):
    """The submitter gets our translated emails instead of Wagtail's English admin ones."""
    from wagtail.users.models import UserProfile

    wagtail_profile = UserProfile.get_for_user(user)
    wagtail_profile.approved_notifications = False
    wagtail_profile.rejected_notifications = False
    wagtail_profile.updated_comments_notifications = False
    wagtail_profile.save()
