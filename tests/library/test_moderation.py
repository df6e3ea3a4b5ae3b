"""Moderators work in the Wagtail admin: approving publishes and unlocks; the submitter hears back."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState

from library.access import MEMBERS_COLLECTION, MEMBERS_GROUP
from library.models import Submission
from tests.library.conftest import TOMIRIS, pdf_upload, submission_data


@pytest.fixture
def pending(client, tomiris_member):
    client.force_login(tomiris_member)
    response = client.post("/en/library/submit/", submission_data(files=[pdf_upload()]))
    assert response.status_code == 302
    mail.outbox.clear()
    return Submission.objects.get(submitter=tomiris_member)


@pytest.fixture
def act(django_capture_on_commit_callbacks):
    """act(moderator, submission, "approve") drives the admin's workflow action view, emails included."""

    def run(moderator, submission, action, comment=""):
        with django_capture_on_commit_callbacks(execute=True):
            return _act(moderator, submission, action, comment)

    return run


def _act(moderator, submission, action, comment=""):
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(submission.page_id), status=TaskState.STATUS_IN_PROGRESS
    )
    admin = Client()
    admin.force_login(moderator)
    url = reverse("wagtailadmin_pages:workflow_action", args=[submission.page_id, action, task_state.pk])
    response = admin.post(url, {"comment": comment})
    assert response.status_code in (200, 302), response.content[:500]
    submission.refresh_from_db()
    return response


def test_moderator_sees_the_task_in_the_admin(pending, moderator):
    admin = Client()
    admin.force_login(moderator)
    dashboard = admin.get("/admin/").content.decode()
    assert "Water committee handbook" in dashboard
    edit = admin.get(reverse("wagtailadmin_pages:edit", args=[pending.page_id])).content.decode()
    assert "Reject for good" in edit
    assert "Request changes" in edit


def test_approval_publishes_and_unlocks_every_member_of_the_organisation(
    pending, moderator, make_user, members_group, act
):
    colleague = make_user("second@tomiris.example", TOMIRIS)
    stranger = make_user("someone@else.example", 'Public Organization "Rushd"')
    assert not colleague.groups.filter(name=MEMBERS_GROUP).exists()

    act(moderator, pending, "approve")
    page = pending.page.__class__.objects.get(pk=pending.page_id)
    assert page.live
    assert pending.status == Submission.Status.APPROVED
    document = page.files.get().document
    document.refresh_from_db()
    assert document.collection.name == MEMBERS_COLLECTION
    for member in (pending.submitter, colleague):
        assert member.groups.filter(pk=members_group.pk).exists()
    assert not stranger.groups.filter(pk=members_group.pk).exists()

    # The submitter gets our email (not Wagtail's English admin one).
    to_submitter = [m for m in mail.outbox if pending.submitter.email in m.to]
    assert len(to_submitter) == 1
    assert "published" in to_submitter[0].subject

    # The colleague can now download members-only files, including the seed ones.
    browser = Client()
    browser.force_login(colleague)
    response = browser.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")

    public = Client().get(page.url)
    assert public.status_code == 200
    assert "Water committee handbook" in Client().get("/en/library/").content.decode()


def test_request_changes_records_the_comment_and_emails_in_the_submitters_language(
    pending, moderator, tomiris_member, act
):
    tomiris_member.profile.preferred_language = "ru"
    tomiris_member.profile.save()
    act(moderator, pending, "reject", comment="Please add the year and the author.")
    assert pending.status == Submission.Status.CHANGES_REQUESTED
    assert pending.moderator_comment == "Please add the year and the author."
    assert not pending.page.live
    message = [m for m in mail.outbox if tomiris_member.email in m.to][-1]
    assert "Please add the year and the author." in message.body
    assert "/ru/library/my-submissions/" in message.body
    assert not tomiris_member.groups.filter(name=MEMBERS_GROUP).exists()

    client = Client()
    client.force_login(tomiris_member)
    html = client.get("/en/library/my-submissions/").content.decode()
    assert "Changes requested" in html
    assert "Please add the year and the author." in html


def test_reject_for_good_records_the_reason(pending, moderator, tomiris_member, act):
    act(moderator, pending, "decline", comment="This is an advertisement, not a resource.")
    assert pending.status == Submission.Status.REJECTED
    assert pending.moderator_comment == "This is an advertisement, not a resource."
    assert not pending.page.live
    assert not tomiris_member.groups.filter(name=MEMBERS_GROUP).exists()
    client = Client()
    client.force_login(tomiris_member)
    html = client.get("/en/library/my-submissions/").content.decode()
    assert "Rejected" in html
    assert "This is an advertisement, not a resource." in html
    assert any("Not published" in m.subject for m in mail.outbox if tomiris_member.email in m.to)


def test_a_member_cannot_moderate(pending, tomiris_member):
    task_state = TaskState.objects.get(workflow_state__object_id=str(pending.page_id), status="in_progress")
    client = Client()
    client.force_login(tomiris_member)
    url = reverse("wagtailadmin_pages:workflow_action", args=[pending.page_id, "approve", task_state.pk])
    response = client.post(url)
    assert response.status_code in (302, 403)
    pending.refresh_from_db()
    assert pending.status == Submission.Status.PENDING
    assert not pending.page.live


XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def assert_escaped(html, where):
    assert "<script>alert" not in html, where
    assert "<img src=x onerror" not in html, where


def test_script_in_every_field_a_member_writes_stays_text_for_moderators_and_readers(
    client, moderator, django_user_model, act
):
    """Name, organisation, title, summary and keywords carry a payload through signup, submission,
    the admin screens moderators read, approval, and every public page that shows them."""
    signup = {
        "first_name": XSS,
        "last_name": XSS,
        "email": "payload@example.org",
        "password1": "kuhhoi-pomir-2026",
        "password2": "kuhhoi-pomir-2026",
        "region": "khatlon",
        "preferred_language": "en",
        "new_organisation": "Org " + XSS,
    }
    assert client.post("/en/accounts/signup/", signup).status_code == 302
    data = submission_data(title="Handbook " + XSS, summary=XSS, keywords=XSS, files=[pdf_upload()])
    assert client.post("/en/library/submit/", data).status_code == 302
    submission = Submission.objects.get(submitter__email="payload@example.org")
    assert_escaped(client.get("/en/library/my-submissions/").content.decode(), "my submissions")

    admin = Client()
    admin.force_login(moderator)
    for url in [
        "/admin/",
        reverse("wagtailadmin_pages:edit", args=[submission.page_id]),
        "/admin/snippets/library/submission/",
        f"/admin/snippets/library/submission/inspect/{submission.pk}/",
        "/admin/snippets/library/librarymembership/",
    ]:
        response = admin.get(url)
        assert response.status_code == 200, url
        assert_escaped(response.content.decode(), url)
        assert "&lt;script&gt;" in response.content.decode() or url.endswith("librarymembership/"), url

    act(moderator, submission, "approve")
    page = submission.page.__class__.objects.get(pk=submission.page_id)
    for url in [page.url, "/en/library/", "/en/library/?q=Handbook", "/en/search/?q=Handbook"]:
        html = Client().get(url).content.decode()
        assert_escaped(html, url)
    assert "Handbook &lt;script&gt;" in Client().get(page.url).content.decode()


@pytest.mark.parametrize("model", ["submission", "downloadcount"])
def test_records_the_site_creates_have_no_add_in_the_admin(admin_client, model):
    listing = admin_client.get(f"/admin/snippets/library/{model}/")
    assert listing.status_code == 200
    assert f"/admin/snippets/library/{model}/add/" not in listing.content.decode()
    assert admin_client.get(f"/admin/snippets/library/{model}/add/").status_code in (302, 403)
