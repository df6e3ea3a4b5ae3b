"""Issue 16 item 6: emails are sent after the submission is committed, never inside its transaction,
with a bounded wait on the mail server; a submission is never lost because mail failed, and a
newline in a title no longer stops the emails."""

import socket
import threading
import time

import pytest
from django.core import mail
from wagtail.documents import get_document_model

from library.models import Submission
from tests.library.conftest import pdf_upload, submission_data

SUBMIT = "/en/library/submit/"


class SilentMailServer:
    """A TCP server on loopback that accepts connections and never says a word (a hung SMTP server)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                conn, _address = self.sock.accept()
            except OSError:
                return
            self.connections.append(conn)

    def close(self):
        self.sock.close()
        for conn in self.connections:
            conn.close()


@pytest.fixture
def silent_mail_server(settings):
    server = SilentMailServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 2
    yield server
    server.close()


def to(user):
    return [message for message in mail.outbox if user.email in message.to]


def test_moderators_are_emailed_only_once_the_submission_is_committed(
    client, newcomer, moderator, django_capture_on_commit_callbacks
):
    client.force_login(newcomer)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(SUBMIT, submission_data(files=[pdf_upload()]))
    assert response.status_code == 302
    assert to(moderator) == []  # nothing is sent inside the transaction
    for callback in callbacks:
        callback()
    assert len(to(moderator)) == 1


def test_the_settings_bound_the_wait_on_the_mail_server():
    from cms.settings import base

    assert 0 < base.EMAIL_TIMEOUT <= 5


def test_a_mail_server_that_never_answers_loses_nothing_and_is_waited_for_once(
    client, newcomer, moderator, silent_mail_server, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    client.force_login(newcomer)
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBMIT, submission_data(files=[pdf_upload()]))
    elapsed = time.monotonic() - started
    assert response.status_code == 302
    submission = Submission.objects.get(submitter=newcomer)
    document = submission.page.get_latest_revision_as_object().files.get().document
    assert document.file.storage.exists(document.file.name)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [tmp_path / document.file.name]
    # Several emails were due (moderators, administrators): the silent server is waited for once, not per email.
    assert len(silent_mail_server.connections) == 1
    assert elapsed < settings.EMAIL_TIMEOUT + 3


def test_a_newline_in_a_title_does_not_stop_the_emails(client, newcomer, moderator, django_capture_on_commit_callbacks):
    client.force_login(newcomer)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        title = "Water committee\r\nBcc: everyone@example.org"
        response = client.post(SUBMIT, submission_data(title=title, files=[pdf_upload()]))
    assert response.status_code == 302
    (message,) = to(moderator)
    assert "\n" not in message.subject and "\r" not in message.subject
    assert "Water committee Bcc: everyone@example.org" in message.subject
    assert message.message()["Bcc"] is None
    page = Submission.objects.get(submitter=newcomer).page
    assert page.title == "Water committee Bcc: everyone@example.org"


def test_an_editors_title_with_a_newline_still_reaches_the_moderators(
    newcomer, moderator, django_capture_on_commit_callbacks
):
    """Titles typed in the admin are not cleaned by our form: the subject is made one line when it is sent."""
    from tests.library.conftest import submit

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submission = submit(newcomer)
        page = submission.page
        page.title = "Two\nlines"
        page.save_revision()
        from wagtail.models import WorkflowState

        WorkflowState.objects.filter(object_id=str(page.pk)).update(status=WorkflowState.STATUS_CANCELLED)
        page.get_workflow().start(page, newcomer)
    subjects = [message.subject for message in to(moderator)]
    assert any("Two lines" in subject for subject in subjects), subjects
    assert get_document_model().objects.exists()
