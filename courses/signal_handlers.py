from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.translation import get_language

from . import credentials
from .models import Certificate, claim_participations


def claim_participations_of_new_account(sender, instance, created, **kwargs):
    """A person who attended in the room and then signs up with the same email gets their attendance."""
    if created:
        claim_participations(instance)


def issue_credential_on_completion(sender, instance, created, **kwargs):
    """A new certificate gets its Open Badges credential once the completion is committed, described
    in the language the learner was reading."""
    if created:
        language = get_language() or "en"
        transaction.on_commit(lambda: credentials.issue_quietly(instance.pk, language))


def connect():
    post_save.connect(issue_credential_on_completion, sender=Certificate, dispatch_uid="courses-issue-credential")
    post_save.connect(
        claim_participations_of_new_account, sender=get_user_model(), dispatch_uid="courses-claim-participations"
    )
