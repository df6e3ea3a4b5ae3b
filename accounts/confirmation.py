"""Confirming an email address: a signed link (Django's token machinery, as for password resets).

A new account stays inactive until its link is opened, so that sign-up can answer the same whether or not
the address already has an account (the owner gets an email instead). Accounts from before confirmation
existed keep working and confirm from their profile. A confirmed address at an organisation's verified
email domain confirms the person's link to that organisation.

The token is a hash of the account's id, email, active flag and confirmation time: it stops working once
used, when the email changes, and after PASSWORD_RESET_TIMEOUT (3 days by default).
"""

import logging

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlencode, urlsafe_base64_encode

from home.languages import preferred_language
from home.mail import one_line
from home.models import Affiliation, MemberProfile

from .limits import may_email

logger = logging.getLogger(__name__)


class EmailConfirmationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "accounts.confirmation.EmailConfirmationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        profile = MemberProfile.objects.filter(user=user).only("email_confirmed_at").first()
        confirmed = profile.email_confirmed_at.isoformat() if profile and profile.email_confirmed_at else ""
        return f"{user.pk}|{user.email}|{user.is_active}|{confirmed}|{timestamp}"


token_generator = EmailConfirmationTokenGenerator()


def is_confirmed(user):
    return MemberProfile.objects.filter(user=user, email_confirmed_at__isnull=False).exists()


def _link(request, user, language, next_url=""):
    with translation.override(language):
        path = reverse(
            "confirm_email",
            kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": token_generator.make_token(user)},
        )
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    return request.build_absolute_uri(path) + query


def _deliver(user, language, template, context):
    """One email in the person's language; a mail server that fails is logged, never shown to them."""
    if not may_email(user.email):
        logger.info("Account email not sent: the address had one moments ago")
        return
    with translation.override(language):
        subject = one_line(render_to_string(f"accounts/email/{template}_subject.txt", context))
        body = render_to_string(f"accounts/email/{template}.txt", context)
    try:
        send_mail(subject, body, None, [user.email])
    except Exception:  # noqa: BLE001 - the person sees the same page; staff see the log
        logger.exception("An account email could not be sent")


def send_confirmation(request, user, language=None, next_url=""):
    language = language or preferred_language(user)
    _deliver(user, language, "confirm_email", {"user": user, "link": _link(request, user, language, next_url)})


def send_already_registered(request, user):
    """Someone signed up with an address that has an account: tell its owner, not the person at the keyboard."""
    if not user.is_active and user.last_login is None and not is_confirmed(user):
        send_confirmation(request, user)  # they signed up before and lost the first email
        return
    language = preferred_language(user)
    with translation.override(language):
        login_url = request.build_absolute_uri(f"/{language}/accounts/login/")
        reset_url = request.build_absolute_uri(f"/{language}/accounts/password-reset/")
    _deliver(user, language, "already_registered", {"user": user, "login_url": login_url, "reset_url": reset_url})


def notify_colleagues(request, link, count=3):
    """Tell a few confirmed colleagues (the most recently active) that someone waits for their confirmation.

    Only for a claimant whose email is confirmed, so that a made-up account cannot make the site write to
    an organisation's people; each colleague's mailbox is also under the limits of accounts/limits.py.
    """
    if link is None or link.status != Affiliation.Status.PENDING or not is_confirmed(link.user):
        return
    colleagues = (
        Affiliation.objects.filter(
            organisation=link.organisation,
            status=Affiliation.Status.CONFIRMED,
            user__profile__organisation=link.organisation,
            user__is_active=True,
        )
        .exclude(user=link.user)
        .select_related("user")
        .order_by("-user__last_login")[:count]
    )
    claimant = link.user.get_full_name() or link.user.email
    for colleague in colleagues:
        language = preferred_language(colleague.user)
        with translation.override(language):
            profile_url = request.build_absolute_uri(reverse("profile"))
        context = {
            "user": colleague.user,
            "claimant": claimant,
            "claimant_email": link.user.email,
            "organisation": link.organisation,
            "profile_url": profile_url,
        }
        _deliver(colleague.user, language, "colleague_waiting", context)


def user_for_link(uidb64, token):
    from django.contrib.auth import get_user_model
    from django.utils.http import urlsafe_base64_decode

    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError):
        return None
    user = get_user_model().objects.filter(pk=pk).first()
    if user is None or not token_generator.check_token(user, token):
        return None
    return user


@transaction.atomic
def confirm(user):
    """The address is the person's: a new account opens, and an organisation's verified domain confirms the link.

    A never-used account is activated; an account staff deactivated after it was used stays closed.
    """
    MemberProfile.objects.update_or_create(user=user, defaults={"email_confirmed_at": timezone.now()})
    if not user.is_active and user.last_login is None:
        user.is_active = True
        user.save(update_fields=["is_active"])
    Affiliation.objects.confirm_by_email_domain(user)


def login_backend():
    return settings.AUTHENTICATION_BACKENDS[0]
