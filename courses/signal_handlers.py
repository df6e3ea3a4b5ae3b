from django.contrib.auth import get_user_model
from django.db.models.signals import post_save

from .models import claim_participations


def claim_participations_of_new_account(sender, instance, created, **kwargs):
    """A person who attended in the room and then signs up with the same email gets their attendance."""
    if created:
        claim_participations(instance)


def connect():
    post_save.connect(
        claim_participations_of_new_account, sender=get_user_model(), dispatch_uid="courses-claim-participations"
    )
