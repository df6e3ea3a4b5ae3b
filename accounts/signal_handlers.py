from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_delete, post_save, pre_delete

from home.models import Affiliation

from . import cached_user, login_throttle


def count_failed_login(sender, credentials, request=None, **kwargs):
    login_throttle.record_failure(request, credentials.get("username", ""))


def forget_failed_logins(sender, request, user, **kwargs):
    login_throttle.forget_failures(request, user.get_username())


def forget_affiliations(sender, instance, **kwargs):
    """A deleted account's links go with it, except a revocation: kept by a digest of the email, so that a
    new account with the same address cannot claim that organisation again."""
    Affiliation.objects.filter(user=instance).exclude(status=Affiliation.Status.REVOKED).delete()


def connect():
    pre_delete.connect(forget_affiliations, sender=get_user_model(), dispatch_uid="forget-affiliations")
    post_save.connect(cached_user.user_changed, sender=get_user_model(), dispatch_uid="cached-user-saved")
    post_delete.connect(cached_user.user_changed, sender=get_user_model(), dispatch_uid="cached-user-deleted")
    user_login_failed.connect(count_failed_login, dispatch_uid="login-throttle-failure")
    user_logged_in.connect(forget_failed_logins, dispatch_uid="login-throttle-success")
