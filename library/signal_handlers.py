"""Keep submissions, files and membership in step with Wagtail's workflow and publishing."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.actions.copy_for_translation import ParentNotTranslatedError
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail.signals import page_published, page_unpublished, post_page_move, task_rejected, workflow_approved

from home.models import Affiliation, MemberProfile, Organisation, ThematicArea
from home.signals import organisations_merged

from .access import SUBMISSIONS_COLLECTION, collection_for, library_collection
from .facets import bump_facets_version
from .models import LibraryMembership, ResourceFile, ResourcePage, Submission
from .notifications import notify_submitter
from .submissions import withdraw_unapproved


def _submission_for(workflow_state):
    try:
        page_id = int(workflow_state.object_id)
    except (TypeError, ValueError):
        return None
    return Submission.objects.filter(page_id=page_id).select_related("page", "submitter", "organisation").first()


@receiver(page_published, sender=ResourcePage)
def file_documents_by_access(sender, instance, **kwargs):
    """Published files go to the public or the members-only collection, following the resource's access."""
    collection = collection_for(members_only=instance.is_members_only)
    document_ids = ResourceFile.objects.filter(page=instance).values_list("document_id", flat=True)
    get_document_model().objects.filter(pk__in=list(document_ids)).exclude(collection=collection).update(
        collection=collection
    )


@receiver(page_published, sender=ResourcePage)
def show_contribution_in_every_library(sender, instance, **kwargs):
    """A member's contribution appears in every language's library, in its own language, until a translator
    translates it there: an alias of the original (Wagtail keeps it in step; wagtail-localize turns it into
    a translation when someone translates it)."""
    if instance.alias_of_id or not Submission.objects.filter(page=instance).exists():
        return
    present = ResourcePage.objects.filter(translation_key=instance.translation_key).values_list("locale_id", flat=True)
    for locale in Locale.objects.exclude(pk__in=list(present)):
        try:
            instance.copy_for_translation(locale, alias=True)
        except ParentNotTranslatedError:
            continue  # that language has no library


@receiver(page_unpublished, sender=ResourcePage)
def hide_documents_of_unpublished_resource(sender, instance, **kwargs):
    """Files of a resource nobody can see any more go back behind the moderators-only collection."""
    document_ids = list(ResourceFile.objects.filter(page=instance).values_list("document_id", flat=True))
    still_live = set(
        ResourceFile.objects.filter(document_id__in=document_ids, page__live=True)
        .exclude(page=instance)
        .values_list("document_id", flat=True)
    )
    hidden = [pk for pk in document_ids if pk not in still_live]
    get_document_model().objects.filter(pk__in=hidden).update(collection=library_collection(SUBMISSIONS_COLLECTION))


@receiver(workflow_approved)
def submission_approved(sender, instance, user=None, **kwargs):
    submission = _submission_for(instance)
    if submission is None:
        return
    task_state = instance.task_states.order_by("-finished_at").first()
    submission.status = Submission.Status.APPROVED
    submission.moderator_comment = (task_state.comment if task_state else "") or ""
    submission.save(update_fields=["status", "moderator_comment", "updated_at"])
    LibraryMembership.objects.grant_organisation(
        submission.organisation, note=f"Contribution approved: {submission.page.title}"[:255]
    )
    transaction.on_commit(lambda: notify_submitter(submission))


@receiver(task_rejected)
def submission_sent_back(sender, instance, user=None, **kwargs):
    submission = _submission_for(instance.workflow_state)
    if submission is None:
        return
    if submission.status != Submission.Status.REJECTED:
        submission.status = Submission.Status.CHANGES_REQUESTED
        submission.moderator_comment = instance.comment or ""
        submission.save(update_fields=["status", "moderator_comment", "updated_at"])
    transaction.on_commit(lambda: notify_submitter(submission))


@receiver(post_save, sender=MemberProfile)
def follow_profile_organisation(sender, instance, **kwargs):
    """A person who changes organisation leaves the members group at once (a new claim starts pending)."""
    LibraryMembership.objects.sync(instance.user, note="Confirmed member of a contributing organisation")


@receiver(post_save, sender=Affiliation)
@receiver(post_delete, sender=Affiliation)
def follow_affiliation(sender, instance, **kwargs):
    """Confirmed by a colleague, staff or the email domain: in, if the organisation has contributed; revoked: out."""
    if instance.user_id is not None:
        LibraryMembership.objects.sync(instance.user, note="Confirmed member of a contributing organisation")


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def keep_revocation(sender, instance, **kwargs):
    LibraryMembership.objects.forget(instance)


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def withdraw_unapproved_contributions(sender, instance, **kwargs):
    """Approved contributions stay the organisation's, without the person; the rest go with the account."""
    withdraw_unapproved(instance)


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def inherit_revocation(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        LibraryMembership.objects.inherit_revocation(instance)


@receiver(post_save, sender=LibraryMembership)
def membership_changed(sender, instance, **kwargs):
    instance.apply_status()


@receiver(page_published, sender=ResourcePage)
@receiver(page_unpublished, sender=ResourcePage)
@receiver(post_delete, sender=ResourcePage)
@receiver(post_save, sender=ResourcePage)
@receiver(post_save, sender=ThematicArea)
@receiver(post_delete, sender=ThematicArea)
@receiver(post_save, sender=Organisation)
@receiver(post_delete, sender=Organisation)
@receiver(organisations_merged)
def refresh_filter_options(sender, **kwargs):
    bump_facets_version()


@receiver(post_page_move)
def refresh_filter_options_after_move(sender, instance, **kwargs):
    """A page moved (saved as a base Page, so not seen above): the lists' counts and facets change when
    resources came along, into, out of or between libraries."""
    if ResourcePage.objects.filter(path__startswith=instance.path).exists():
        bump_facets_version()


@receiver(organisations_merged)
def unlock_merged_organisation(sender, target, **kwargs):
    """People who came with a merged name join the library if the organisation they now belong to contributed."""
    if Submission.objects.has_contributed(target):
        LibraryMembership.objects.grant_organisation(target, note=f"Organisation merged into {target.name}")
