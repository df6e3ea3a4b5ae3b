"""Issue 16 item 8: a submission sent twice (a double click, a resent form) is kept once, and two
submissions that collide in the database are stored without a server error."""

import re
from unittest import mock

from django.db import IntegrityError

from library import submissions
from library.models import Submission
from tests.library.conftest import pdf_upload, submission_data

SUBMIT = "/en/library/submit/"


def form_token(client):
    html = client.get(SUBMIT).content.decode()
    match = re.search(r'name="once" value="([0-9a-f]{32})"', html)
    assert match, "the form carries no one-time token"
    return match.group(1)


def test_the_same_form_sent_twice_is_kept_once(client, newcomer):
    client.force_login(newcomer)
    token = form_token(client)
    first = client.post(SUBMIT, submission_data(once=token, files=[pdf_upload()]))
    again = client.post(SUBMIT, submission_data(once=token, files=[pdf_upload()]))
    assert first.status_code == again.status_code == 302
    assert again["Location"].endswith("/en/library/my-submissions/")
    assert Submission.objects.filter(submitter=newcomer).count() == 1
    # A new form is a new submission.
    assert client.post(SUBMIT, submission_data(once=form_token(client), files=[pdf_upload()])).status_code == 302
    assert Submission.objects.filter(submitter=newcomer).count() == 2


def test_a_submission_that_collides_in_the_database_is_stored_on_a_second_try(client, newcomer):
    """Two members sending at once can both pick the next place in the page tree: one is retried, not a 500."""
    client.force_login(newcomer)
    token = form_token(client)
    real = submissions._create_submission
    attempts = iter([_raise_integrity, real])
    with mock.patch.object(submissions, "_create_submission", side_effect=lambda *a, **k: next(attempts)(*a, **k)):
        response = client.post(SUBMIT, submission_data(once=token, files=[pdf_upload()]))
    assert response.status_code == 302
    assert Submission.objects.filter(submitter=newcomer).count() == 1


def _raise_integrity(*args, **kwargs):
    raise IntegrityError("duplicate key value violates unique constraint wagtailcore_page_path_key")
