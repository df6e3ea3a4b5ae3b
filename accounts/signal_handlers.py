from django.contrib.auth.signals import user_logged_in, user_login_failed

from . import login_throttle


def count_failed_login(sender, credentials, request=None, **kwargs):
    login_throttle.record_failure(request, credentials.get("username", ""))


def forget_failed_logins(sender, request, user, **kwargs):
    login_throttle.forget_failures(request, user.get_username())


def connect():
    user_login_failed.connect(count_failed_login, dispatch_uid="login-throttle-failure")
    user_logged_in.connect(forget_failed_logins, dispatch_uid="login-throttle-success")
