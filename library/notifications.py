"""Emails to submitters (in their own language) and to moderators."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from home.addresses import public_url
from home.languages import preferred_language
from home.mail import one_line, send_after_commit


def _send(template, context, recipients, language):
    with translation.override(language):
        subject = render_to_string(f"library/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"library/email/{template}.txt", context)
    message = EmailMessage(one_line(subject), body, settings.DEFAULT_FROM_EMAIL, recipients)
    send_after_commit(lambda connection: connection.send_messages([message]))


def notify_submitter(submission):
    user = submission.submitter
    if user is None or not user.email:  # the account was deleted
        return
    language = preferred_language(user)
    with translation.override(language):
        status_url = public_url(f"/{language}/library/my-submissions/")
    context = {"submission": submission, "status_url": status_url, "user": user}
    _send(f"submission_{submission.status}", context, [user.email], language)
