"""Emails go out once the transaction that caused them has committed, never inside it, with one bounded
wait on the mail server.

Why: an email sent inside a transaction holds the transaction (and the worker) for as long as the mail
server takes, and a mail error there rolls back what the person just saved. Here:

- `send_after_commit(send)` runs `send(connection)` once the transaction commits (at once outside
  one). If the mail server does not answer within `EMAIL_TIMEOUT`, that is logged and it is left
  alone for REST_SECONDS (the emails due meanwhile are skipped and logged), so a request waits for a
  silent server once, not once per email. Nothing raised here reaches the person or undoes what was saved.
- Wagtail's workflow emails (to moderators and administrators, on submission, approval and rejection)
  go the same way, with a one-line subject, so a newline in a page title cannot make Django refuse the
  message as header injection. Our notifiers take the place of Wagtail's by connecting first under
  Wagtail's own dispatch_uid (home comes before wagtail.admin in INSTALLED_APPS, so Wagtail's later
  connect with the same uid is a no-op).
"""

import logging
import smtplib
import time
from functools import partial

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import override
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.admin.mail import send_mail as wagtail_send_mail

logger = logging.getLogger(__name__)

# Errors that mean the mail server (or the way to it) is not working: stop trying for this batch.
SERVER_ERRORS = (OSError, smtplib.SMTPException)


def one_line(text):
    """Whitespace (newlines included) collapsed to single spaces: safe as an email header."""
    return " ".join(str(text).split())


# A mail server that did not answer is not asked again for this long (its emails are skipped and
# logged): a request waits for a silent server at most once, and so do the requests right after it.
REST_SECONDS = 60
_resting_until = {}


def _server_key():
    return (settings.EMAIL_BACKEND, getattr(settings, "EMAIL_HOST", ""), getattr(settings, "EMAIL_PORT", ""))


def _send_now(send):
    key = _server_key()
    if time.monotonic() < _resting_until.get(key, 0):
        logger.warning("The mail server did not answer a moment ago: an email was not sent")
        return
    mail = get_connection(fail_silently=False)
    try:
        mail.open()
        send(mail)
    except SERVER_ERRORS:
        _resting_until[key] = time.monotonic() + REST_SECONDS
        logger.exception("The mail server did not answer: an email was not sent")
    except Exception:
        logger.exception("An email could not be sent")
    finally:
        try:
            mail.close()
        except Exception:  # noqa: BLE001 - a server that will not say goodbye changes nothing here
            logger.warning("The mail connection did not close cleanly")


def send_after_commit(send):
    """Call `send(connection)` once the current transaction commits (at once when there is none)."""
    transaction.on_commit(partial(_send_now, send), robust=True)


class AfterCommitNotifierMixin:
    """A Wagtail email notifier that sends after commit, through the batch's connection, with a one-line subject."""

    def __call__(self, instance=None, **kwargs):
        if not self.can_handle(instance, **kwargs):
            return False
        send_after_commit(lambda mail: self._send(mail, instance, kwargs))
        return True

    def _send(self, mail, instance, kwargs):
        recipients = self.get_valid_recipients(instance, **kwargs)
        if not recipients:
            return
        template_set = self.get_template_set(instance, **kwargs)
        context = self.get_context(instance, **kwargs)
        for recipient in recipients:
            context["user"] = recipient
            with override(recipient.wagtail_userprofile.get_preferred_language()):
                subject = one_line(render_to_string(template_set["subject"], context))
                text = render_to_string(template_set["text"], context).strip()
                extra = {}
                if getattr(settings, "WAGTAILADMIN_NOTIFICATION_USE_HTML", False):
                    extra["html_message"] = render_to_string(template_set["html"], context)
            wagtail_send_mail(subject, text, [recipient.email], connection=mail, **extra)


class TaskSubmittedNotifier(AfterCommitNotifierMixin, GroupApprovalTaskStateSubmissionEmailNotifier):
    pass


class WorkflowSubmittedNotifier(AfterCommitNotifierMixin, WorkflowStateSubmissionEmailNotifier):
    pass


class WorkflowApprovedNotifier(AfterCommitNotifierMixin, WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejectedNotifier(AfterCommitNotifierMixin, WorkflowStateRejectionEmailNotifier):
    pass


# Module-level, as in Wagtail: signals keep only a weak reference to their receivers.
task_submitted_notifier = TaskSubmittedNotifier()
workflow_submitted_notifier = WorkflowSubmittedNotifier()
workflow_approved_notifier = WorkflowApprovedNotifier()
workflow_rejected_notifier = WorkflowRejectedNotifier()


def connect_workflow_notifiers():
    """Ours under Wagtail's dispatch_uids (wagtail/admin/signal_handlers.py), before Wagtail connects its own."""
    from wagtail.models import TaskState, WorkflowState
    from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

    task_submitted.connect(
        task_submitted_notifier, sender=TaskState, dispatch_uid="group_approval_task_submitted_email_notification"
    )
    workflow_submitted.connect(
        workflow_submitted_notifier, sender=WorkflowState, dispatch_uid="workflow_state_submitted_email_notification"
    )
    workflow_rejected.connect(
        workflow_rejected_notifier, sender=WorkflowState, dispatch_uid="workflow_state_rejected_email_notification"
    )
    workflow_approved.connect(
        workflow_approved_notifier, sender=WorkflowState, dispatch_uid="workflow_state_approved_email_notification"
    )
