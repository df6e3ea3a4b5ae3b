from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from django.utils.translation import get_language

from . import credentials
from .models import Certificate, RevokedStatusIndex, claim_participations


def claim_participations_of_new_account(sender, instance, created, **kwargs):
    """A person who attended in the room and then signs up with the same email gets their attendance."""
    if created:
        claim_participations(instance)


def issue_credential_on_completion(sender, instance, created, **kwargs):
    """A new certificate gets its Open Badges credential once the completion is committed, described
    in the language the learner was reading."""
    if created:
        language = get_language() or "en"
        transaction.on_commit(lambda: credentials.issue_quietly(instance.pk, language), robust=True)


def keep_revocation_of_deleted_certificate(sender, instance, **kwargs):
    """Deleting an account deletes its certificates: a revoked one's bit stays set in the status list."""
    if instance.is_revoked:
        RevokedStatusIndex.objects.get_or_create(index=instance.pk)


def connect():
    pre_delete.connect(
        keep_revocation_of_deleted_certificate, sender=Certificate, dispatch_uid="courses-keep-revocation"
    )
    post_save.connect(issue_credential_on_completion, sender=Certificate, dispatch_uid="courses-issue-credential")
    post_save.connect(
        claim_participations_of_new_account, sender=get_user_model(), dispatch_uid="courses-claim-participations"
    )
