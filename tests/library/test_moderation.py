"""Moderators work in the Wagtail admin: approving publishes and unlocks; the submitter hears back."""

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, TaskState

from home.models import Affiliation
from library.access import MEMBERS_COLLECTION, MEMBERS_GROUP, MODERATORS_GROUP
from library.models import LibraryMembership, ResourcePage, Submission
from tests.factories import LessonPageFactory, OrganisationFactory, UserFactory, home_page
from tests.library.conftest import body, document_of, pdf_upload, resource, submission_data
from tests.mailbox import confirm_email


@pytest.fixture
def pending(client, newcomer, moderator):
    """The newcomer's contribution, sent through the submission form."""
    client.force_login(newcomer)
    response = client.post("/en/library/submit/", submission_data(files=[pdf_upload()]))
    assert response.status_code == 302
    mail.outbox.clear()
    return Submission.objects.get(submitter=newcomer)


def in_outbox(user):
    return [message for message in mail.outbox if user.email in message.to]


def test_moderator_sees_the_task_in_the_admin(pending, moderator):
    admin = Client()
    admin.force_login(moderator)
    dashboard = admin.get("/admin/").content.decode()
    assert "Water committee handbook" in dashboard
    edit = admin.get(reverse("wagtailadmin_pages:edit", args=[pending.page_id])).content.decode()
    assert "Reject for good" in edit
    assert "Request changes" in edit
    assert "Approve" in edit


def test_approval_publishes_and_unlocks_every_member_of_the_organisation(pending, moderator, members_group, moderate):
    colleague = UserFactory(email="second@tomiris.example", profile__organisation=pending.organisation)
    stranger = UserFactory(
        email="someone@rushd.example", profile__organisation=OrganisationFactory(name='Public Organization "Rushd"')
    )
    earlier_members_only = resource("Clinic survey 2023", access="members")
    assert not colleague.groups.filter(name=MEMBERS_GROUP).exists()

    moderate(moderator, pending, "approve")
    page = ResourcePage.objects.get(pk=pending.page_id)
    assert page.live
    assert pending.status == Submission.Status.APPROVED
    document = document_of(page)
    assert document.collection.name == MEMBERS_COLLECTION
    for person in (pending.submitter, colleague):
        assert person.groups.filter(pk=members_group.pk).exists()
        assert LibraryMembership.objects.get(user=person).note.startswith("Contribution approved")
    assert not stranger.groups.filter(pk=members_group.pk).exists()
    assert Submission.objects.has_contributed(pending.organisation)

    # The submitter gets our email (not Wagtail's English admin one).
    to_submitter = in_outbox(pending.submitter)
    assert len(to_submitter) == 1
    assert to_submitter[0].subject == "Your resource is published: Water committee handbook"
    assert "/en/library/my-submissions/" in to_submitter[0].body

    # The colleague can now download members-only files: this one and those already in the library.
    browser = Client()
    browser.force_login(colleague)
    for members_file in (document, document_of(earlier_members_only)):
        response = browser.get(members_file.url)
        assert response.status_code == 200
        assert body(response).startswith(b"%PDF")

    assert Client().get(page.url).status_code == 200
    assert "Water committee handbook" in Client().get("/en/library/").content.decode()


def test_approval_email_is_in_the_submitters_language(pending, moderator, newcomer, moderate):
    newcomer.profile.preferred_language = "tg"
    newcomer.profile.save()
    moderate(moderator, pending, "approve")
    message = in_outbox(newcomer)[-1]
    assert message.subject == "Маводи шумо нашр шуд: Water committee handbook"
    assert "/tg/library/my-submissions/" in message.body


def test_request_changes_records_the_comment_and_emails_in_the_submitters_language(
    pending, moderator, newcomer, moderate
):
    newcomer.profile.preferred_language = "ru"
    newcomer.profile.save()
    moderate(moderator, pending, "reject", comment="Please add the year and the author.")
    assert pending.status == Submission.Status.CHANGES_REQUESTED
    assert pending.moderator_comment == "Please add the year and the author."
    assert not ResourcePage.objects.get(pk=pending.page_id).live
    message = in_outbox(newcomer)[-1]
    assert message.subject == "Нужны изменения: Water committee handbook"
    assert "Please add the year and the author." in message.body
    assert "/ru/library/my-submissions/" in message.body
    assert not newcomer.groups.filter(name=MEMBERS_GROUP).exists()

    client = Client()
    client.force_login(newcomer)
    html = client.get("/en/library/my-submissions/").content.decode()
    assert "Changes requested" in html
    assert "Please add the year and the author." in html
    html = client.get("/ru/library/my-submissions/").content.decode()
    assert "Нужны изменения" in html


def test_reject_for_good_records_the_reason(pending, moderator, newcomer, moderate):
    moderate(moderator, pending, "decline", comment="This is an advertisement, not a resource.")
    assert pending.status == Submission.Status.REJECTED
    assert pending.moderator_comment == "This is an advertisement, not a resource."
    assert not ResourcePage.objects.get(pk=pending.page_id).live
    assert not newcomer.groups.filter(name=MEMBERS_GROUP).exists()
    assert not Submission.objects.has_contributed(pending.organisation)
    client = Client()
    client.force_login(newcomer)
    html = client.get("/en/library/my-submissions/").content.decode()
    assert "Rejected" in html
    assert "This is an advertisement, not a resource." in html
    assert [m.subject for m in in_outbox(newcomer)] == ["Not published: Water committee handbook"]
    assert_the_submitter_cannot_fetch_the_file(pending)


def assert_the_submitter_cannot_fetch_the_file(submission):
    """A rejected file stays behind the moderators-only collection."""
    client = Client()
    client.force_login(submission.submitter)
    assert client.get(document_of(submission.page).url).status_code in (302, 403)


def test_a_member_cannot_moderate(pending, newcomer):
    task_state = TaskState.objects.get(workflow_state__object_id=str(pending.page_id), status="in_progress")
    client = Client()
    client.force_login(newcomer)
    url = reverse("wagtailadmin_pages:workflow_action", args=[pending.page_id, "approve", task_state.pk])
    response = client.post(url)
    assert response.status_code in (302, 403)
    pending.refresh_from_db()
    assert pending.status == Submission.Status.PENDING
    assert not ResourcePage.objects.get(pk=pending.page_id).live
    assert not newcomer.groups.filter(name=MEMBERS_GROUP).exists()


XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def assert_escaped(html, where):
    assert "<script>alert" not in html, where
    assert "<img src=x onerror" not in html, where


def test_script_in_every_field_a_member_writes_stays_text_for_moderators_and_readers(client, moderator, moderate):
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
    confirm_email(client, "payload@example.org")
    admin = Client()
    admin.force_login(moderator)
    # Staff confirm the claimed organisation from their queue, which shows the payload as text.
    claim = Affiliation.objects.get(user__email="payload@example.org")
    for url in ["/admin/snippets/home/affiliation/", f"/admin/snippets/home/affiliation/edit/{claim.pk}/"]:
        response = admin.get(url)
        assert response.status_code == 200, url
        assert_escaped(response.content.decode(), url)
        assert "&lt;script&gt;" in response.content.decode(), url
    assert admin.post(f"/admin/snippets/home/affiliation/edit/{claim.pk}/", {"status": "confirmed"}).status_code == 302

    data = submission_data(title="Handbook " + XSS, summary=XSS, keywords=XSS, files=[pdf_upload()])
    assert client.post("/en/library/submit/", data).status_code == 302
    submission = Submission.objects.get(submitter__email="payload@example.org")
    assert_escaped(client.get("/en/library/my-submissions/").content.decode(), "my submissions")

    for url in [
        "/admin/",
        reverse("wagtailadmin_pages:edit", args=[submission.page_id]),
        "/admin/snippets/library/submission/",
        f"/admin/snippets/library/submission/inspect/{submission.pk}/",
    ]:
        response = admin.get(url)
        assert response.status_code == 200, url
        assert_escaped(response.content.decode(), url)
        assert "&lt;script&gt;" in response.content.decode(), url

    moderate(moderator, submission, "approve")
    memberships = admin.get("/admin/snippets/library/librarymembership/")
    assert memberships.status_code == 200
    assert_escaped(memberships.content.decode(), "memberships")
    page = ResourcePage.objects.get(pk=submission.page_id)
    for url in [page.url, "/en/library/", "/en/library/?q=Handbook", "/en/search/?q=Handbook"]:
        html = Client().get(url).content.decode()
        assert_escaped(html, url)
    assert "Handbook &lt;script&gt;" in Client().get(page.url).content.decode()


@pytest.mark.parametrize("model", ["library/submission", "library/downloadcount", "home/affiliation"])
def test_records_the_site_creates_have_no_add_in_the_admin(admin_client, model):
    listing = admin_client.get(f"/admin/snippets/{model}/")
    assert listing.status_code == 200
    assert f"/admin/snippets/{model}/add/" not in listing.content.decode()
    assert admin_client.get(f"/admin/snippets/{model}/add/").status_code in (302, 403)


def test_library_moderators_edit_the_library_and_nothing_else(moderator, pending):
    """Their group holds exactly what moderation needs: not Wagtail's site-wide "Moderators" group."""
    lesson = LessonPageFactory(title="Lesson on public hearings")
    home = home_page()
    Document = get_document_model()
    outside = Document(title="Board minutes", collection=Collection.get_first_root_node(), file_size=3)
    outside.file.save("minutes.txt", ContentFile(b"abc"), save=False)
    outside.save()
    inside = document_of(resource("Clinic survey 2023", access="public"))
    assert list(moderator.groups.values_list("name", flat=True)) == [MODERATORS_GROUP]

    admin = Client()
    admin.force_login(moderator)
    assert admin.get(reverse("wagtailadmin_pages:edit", args=[pending.page_id])).status_code == 200
    assert admin.get(reverse("wagtaildocs:edit", args=[inside.pk])).status_code == 200
    for page in (lesson, home):
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        assert admin.get(url).status_code in (302, 403), page
        admin.post(url, {"title": "Changed by a moderator", "slug": page.slug, "action-publish": "1"})
        page.refresh_from_db()
        assert page.title != "Changed by a moderator"
        assert admin.post(reverse("wagtailadmin_pages:delete", args=[page.pk])).status_code in (302, 403)
        assert type(page).objects.filter(pk=page.pk).exists()
    assert admin.get(reverse("wagtaildocs:edit", args=[outside.pk])).status_code in (302, 403)
    admin.post(reverse("wagtaildocs:edit", args=[outside.pk]), {"title": "Changed by a moderator"})
    admin.post(reverse("wagtaildocs:delete", args=[outside.pk]))
    outside.refresh_from_db()
    assert outside.title == "Board minutes"
    # Nor can they add pages anywhere, or reach the users and groups.
    assert admin.get(reverse("wagtailadmin_pages:add_subpage", args=[home.pk])).status_code in (302, 403)
    assert admin.get(reverse("wagtailusers_users:index")).status_code in (302, 403)
