"""A member's contribution: a draft resource page, its files in the submissions collection, a workflow."""

import json
import re
import uuid

from anyascii import anyascii
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex, Revision, WorkflowState

from home.models import MemberProfile, ThematicArea

from .access import SUBMISSIONS_COLLECTION, library_collection
from .models import ResourceFile, ResourceMaterialLanguage, ResourcePage, ResourceThematicArea, Submission
from .validators import extension_of


def unique_slug(parent, title):
    """A Latin slug however the title is written: `Роҳнамои ТАКСО-2` becomes `rohnamoi-takso-2`."""
    base = slugify(anyascii(title))[:60].strip("-") or "resource"
    slug = base
    siblings = set(
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).values_list("slug", flat=True)
    )
    while slug in siblings:
        slug = f"{base}-{uuid.uuid4().hex[:6]}"
    return slug


def store_document(upload, title, user, collection, file_name):
    """A Wagtail document named after its resource (`tacso-2-guide.pdf`, the name a download gets) in a
    folder of its own with a random name, so nobody can guess where it is; the uploader's file name is
    never used on disk."""
    Document = get_document_model()
    upload.seek(0)
    name = f"{uuid.uuid4().hex}/{file_name}.{extension_of(upload.name)}"
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
    Two members sending at once can both take the next place in the page tree (or, on SQLite, find the
    database locked): the loser is rolled back, its files removed, and it runs again.
    """
    for attempt in range(CONFLICT_ATTEMPTS):
        try:
            return _removing_files_on_failure(_create_submission, user, organisation, index, data)
        except (IntegrityError, OperationalError) as error:
            locked = isinstance(error, OperationalError) and connection.vendor == "sqlite" and "locked" in str(error)
            if attempt == CONFLICT_ATTEMPTS - 1 or not (isinstance(error, IntegrityError) or locked):
                raise


CONFLICT_ATTEMPTS = 3


def claim_form(user, token):
    """True the first time this member sends the form with this one-time token (a double click: False)."""
    if not token:
        return True
    return cache.add(f"library:form-sent:{user.pk}:{token[:64]}", 1, 24 * 60 * 60)


def release_form(user, token):
    """The form was not stored after all (an error): it may be sent again."""
    if token:
        cache.delete(f"library:form-sent:{user.pk}:{token[:64]}")


def resubmit(submission, user, data):
    """The member's corrections to a submission sent back for changes, as a new revision of the same page,
    back into review: the page's revisions and the workflow's history keep every earlier round."""
    return _removing_files_on_failure(_resubmit, submission, user, data)


def _removing_files_on_failure(work, *args):
    stored = []
    try:
        return work(*args, stored=stored)
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
        slug=unique_slug(index, data["title"]),
        organisation=organisation,
        live=False,
        owner=user,
        locale_id=index.locale_id,
    )
    _fill_page(page, data, user, stored)
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)

    _quiet_wagtail_notifications(user)
    page.get_workflow().start(page, user)  # the review workflow setup_site put on the library
    submission = Submission.objects.create(page=page, submitter=user, organisation=organisation)
    # Wagtail's workflow emails the moderators once this transaction commits (home/mail.py).
    return submission


@transaction.atomic
def _resubmit(submission, user, data, stored):
    page = submission.page.get_latest_revision_as_object()
    kept = set(data.get("keep_files", []))
    kept_files = [link for link in page.files.all() if str(link.document_id) in kept]
    _fill_page(page, data, user, stored, kept_files=kept_files)
    page.save_revision(user=user, log_action=True)
    workflow_state = page.current_workflow_state
    if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        workflow_state.resume(user)
    else:
        page.get_workflow().start(page, user)
    submission.status = Submission.Status.PENDING
    submission.save(update_fields=["status", "updated_at"])
    return submission


def _fill_page(page, data, user, stored, kept_files=()):
    """Set the page's description, languages, areas and files from the form (files: those kept + new ones)."""
    page.title = data["title"]
    page.draft_title = data["title"]
    page.summary = data["summary"]
    page.resource_type = data["resource_type"]
    page.access = data["access"]
    page.year = data.get("year")
    page.coverage = data.get("coverage") or ""
    page.keywords = data.get("keywords", "")
    page.external_url = data.get("external_url", "")
    page.material_languages = [ResourceMaterialLanguage(language=language) for language in data["material_languages"]]
    english_areas = ThematicArea.objects.filter(locale__language_code="en", slug__in=data.get("thematic_areas", []))
    page.thematic_area_links = [ResourceThematicArea(thematic_area=area) for area in english_areas]
    files = [ResourceFile(document=link.document) for link in kept_files]
    first_number = len(files) + 1
    for number, upload in enumerate(data["files"], first_number):
        file_name = page.slug if number == 1 and not data["files"][1:] else f"{page.slug}-{number}"
        document = store_document(upload, data["title"], user, library_collection(SUBMISSIONS_COLLECTION), file_name)
        stored.append(document.file)
        files.append(ResourceFile(document=document))
    page.files = files


def withdraw_unapproved(user):
    """Before an account is deleted: its contributions that never became the library's are withdrawn.

    An approved contribution (or one an editor has published) belongs to the organisation: it stays, with its
    page and files, and keeps the organisation a contributor; deleting the account only empties its "sent by"
    (``Submission.submitter`` is set to null with the account). A contribution still waiting, sent back for
    changes or rejected is the person's unfinished work, which nobody else may edit or answer for: its draft
    page, its revisions, its workflow and its files (on disk too, once the deletion commits) go with the
    account, except a file another resource also uses. Returns how many submissions were withdrawn.
    """
    withdrawn = [
        submission
        for submission in Submission.objects.filter(submitter=user).select_related("page")
        if submission.status != Submission.Status.APPROVED and submission.page.first_published_at is None
    ]
    for submission in withdrawn:
        page = submission.page
        document_ids = set(ResourceFile.objects.filter(page=page).values_list("document_id", flat=True))
        for content in page.revisions.values_list("content", flat=True):  # files replaced on resubmission
            document_ids.update(link["document"] for link in content.get("files", []) if link.get("document"))
        page.delete()  # its Submission, files' links, revisions and workflow states cascade
        for document in _own_unused_documents(user, document_ids):
            document.delete()  # Wagtail removes the file from storage once the transaction commits
    return len(withdrawn)


def _own_unused_documents(user, document_ids):
    """The documents among `document_ids` that the person uploaded with a submission and nothing else uses.

    A moderator may have chosen someone else's document in the draft, or the person's file in another page:
    such a document stays. Kept: any document uploaded by someone else or filed outside the submissions
    collection, used by a resource's files, referenced in Wagtail's reference index (lessons, timelines,
    live pages) or named in a revision (drafts are not in the index; any standalone number equal to its id
    in a revision since the upload counts, so a coincidence keeps the file, never the other way round).
    """
    documents = (
        get_document_model()
        .objects.filter(pk__in=document_ids, uploaded_by_user=user, collection__name=SUBMISSIONS_COLLECTION)
        .exclude(pk__in=ResourceFile.objects.values("document_id"))
    )
    documents = list(documents)
    referenced = set(
        ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(get_document_model()),
            to_object_id__in=[str(document.pk) for document in documents],
        ).values_list("to_object_id", flat=True)
    )
    documents = [document for document in documents if str(document.pk) not in referenced]
    if not documents:
        return []
    since = min(document.created_at for document in documents)
    named = set()
    numbers = re.compile(r"(?<![\w.])(" + "|".join(str(document.pk) for document in documents) + r")(?![\w.])")
    for content in Revision.objects.filter(created_at__gte=since).values_list("content", flat=True).iterator():
        named.update(int(number) for number in numbers.findall(json.dumps(content)))
    return [document for document in documents if document.pk not in named]


def _quiet_wagtail_notifications(user):
    """The submitter gets our translated emails instead of Wagtail's English admin ones."""
    from wagtail.users.models import UserProfile

    wagtail_profile = UserProfile.get_for_user(user)
    wagtail_profile.approved_notifications = False
    wagtail_profile.rejected_notifications = False
    wagtail_profile.updated_comments_notifications = False
    wagtail_profile.save()
