"""A deleted account does not take its organisation's contributions with it (issue 16).

An approved contribution belongs to the organisation: it stays, with its page and files, keeps the organisation
a contributor (its confirmed members keep the members-only files) and no longer names the person. Contributions
not approved yet are withdrawn with the account: their draft page and their files, on disk too.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page

from library.models import ResourceFile, Submission
from library.submissions import withdraw_unapproved
from tests.factories import PASSWORD, OrganisationFactory, UserFactory
from tests.library.conftest import SINO, body, document_of, pdf_upload, resource, submission_data, submit


@pytest.fixture
def sino(db):
    return OrganisationFactory(name=SINO)


@pytest.fixture
def zarina(sino):
    """The colleague who sent the organisation's contributions, and who will delete her account."""
    return UserFactory(
        first_name="Zarina", last_name="Nazarova", email="zarina@sino.example", profile__organisation=sino
    )


@pytest.fixture
def contributions(zarina, moderator, moderate):
    """Zarina's approved contribution, and one still waiting for a moderator (with its own file)."""
    approved = submit(zarina, title="Sino's annual report", access="public")
    moderate(moderator, approved, "approve")
    assert approved.status == Submission.Status.APPROVED
    waiting = submit(zarina, title="Draft volunteer handbook", files=[pdf_upload("draft.pdf")])
    return approved, waiting


def can_download(person, page):
    browser = Client()
    browser.force_login(person)
    response = browser.get(document_of(page).url)
    return response.status_code == 200 and body(response).startswith(b"%PDF")


def delete_own_account(person):
    browser = Client()
    browser.force_login(person)
    # The page says what happens to the person's contributions, in their language.
    assert "бе номи шумо" in browser.get("/tg/accounts/delete/").content.decode()
    assert "без вашего имени" in browser.get("/ru/accounts/delete/").content.decode()
    response = browser.post("/en/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=person.pk).exists()


def check_contributions_after_deletion(approved, waiting, colleague, moderator, members_only, files):
    approved_file, waiting_file = files
    # The organisation is still a contributor: the colleague still opens the members-only files.
    assert can_download(colleague, members_only)
    # The approved contribution stays, live, with its file, and no longer names the person.
    approved.refresh_from_db()
    assert approved.submitter is None and approved.status == Submission.Status.APPROVED
    assert approved.page.live
    assert default_storage.exists(approved_file)
    admin = Client()
    admin.force_login(moderator)
    listing = admin.get("/admin/snippets/library/submission/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Sino&#x27;s annual report" in html or "Sino's annual report" in html
    assert "deleted account" in html
    assert "zarina" not in html.lower() and "Nazarova" not in html
    inspect = admin.get(f"/admin/snippets/library/submission/inspect/{approved.pk}/").content.decode()
    assert "zarina" not in inspect.lower() and "Nazarova" not in inspect
    # The contribution that was waiting is withdrawn: no submission, no draft page, no file left on disk.
    assert not Submission.objects.filter(pk=waiting.pk).exists()
    assert not Page.objects.filter(pk=waiting.page_id).exists()
    assert "Draft volunteer handbook" not in html
    assert not get_document_model().objects.filter(file=waiting_file).exists()
    assert not default_storage.exists(waiting_file)


def test_deleting_ones_account_leaves_the_organisations_approved_contribution_and_withdraws_the_rest(
    sino, zarina, contributions, moderator, django_capture_on_commit_callbacks
):
    approved, waiting = contributions
    members_only = resource("World Bank consultations in Khatlon", access="members")
    colleague = UserFactory(email="aziz@sino.example", profile__organisation=sino)
    assert can_download(colleague, members_only)
    files = (document_of(approved.page).file.name, document_of(waiting.page).file.name)
    assert all(default_storage.exists(name) for name in files)

    with django_capture_on_commit_callbacks(execute=True):
        delete_own_account(zarina)

    check_contributions_after_deletion(approved, waiting, colleague, moderator, members_only, files)


def test_staff_deleting_the_account_in_the_admin_does_the_same(
    sino, zarina, contributions, moderator, django_capture_on_commit_callbacks
):
    approved, waiting = contributions
    members_only = resource("World Bank consultations in Khatlon", access="members")
    colleague = UserFactory(email="aziz@sino.example", profile__organisation=sino)
    files = (document_of(approved.page).file.name, document_of(waiting.page).file.name)
    superuser = UserFactory(email="admin@hamkori.example")
    superuser.is_superuser = superuser.is_staff = True
    superuser.save()
    staff = Client()
    staff.force_login(superuser)

    with django_capture_on_commit_callbacks(execute=True):
        assert staff.post(reverse("wagtailusers_users:delete", args=[zarina.pk])).status_code == 302
    assert not get_user_model().objects.filter(pk=zarina.pk).exists()

    check_contributions_after_deletion(approved, waiting, colleague, moderator, members_only, files)


def test_files_replaced_in_a_correction_go_with_the_withdrawn_contribution(
    zarina, moderator, moderate, django_capture_on_commit_callbacks
):
    """A contribution sent back for changes and corrected with a new file: both files leave the disk."""
    sent_back = submit(zarina, title="Water committee handbook", files=[pdf_upload("first.pdf")])
    moderate(moderator, sent_back, "reject", "Please add the year.")
    assert sent_back.status == Submission.Status.CHANGES_REQUESTED
    browser = Client()
    browser.force_login(zarina)
    data = submission_data(year="2024", keep_files=[], files=[pdf_upload("second.pdf")])
    assert browser.post(f"/en/library/my-submissions/{sent_back.pk}/edit/", data).status_code == 302
    documents = list(get_document_model().objects.filter(uploaded_by_user=zarina))
    assert len(documents) == 2
    files = [document.file.name for document in documents]
    assert all(default_storage.exists(name) for name in files)

    with django_capture_on_commit_callbacks(execute=True):
        delete_own_account(zarina)

    assert not Submission.objects.exists()
    assert not get_document_model().objects.filter(pk__in=[document.pk for document in documents]).exists()
    assert not any(default_storage.exists(name) for name in files)


def test_withdrawing_a_draft_never_deletes_a_document_the_person_did_not_upload(zarina, moderator):
    waiting = submit(zarina, title="Draft volunteer handbook")
    # The library's official copy of a handbook, uploaded by staff, used on no resource page (yet).
    Document = get_document_model()
    official = Document.objects.create(
        title="Official handbook", file=ContentFile(b"%PDF-1.4 x", name="official.pdf"), uploaded_by_user=moderator
    )
    # A moderator edits the draft in the admin and chooses that document instead of the draft's file.
    draft = waiting.page.get_latest_revision_as_object()
    draft.files = [ResourceFile(document=official)]
    draft.save_revision(user=moderator)

    withdraw_unapproved(zarina)

    assert Document.objects.filter(pk=official.pk).exists()


def test_withdrawing_a_draft_keeps_its_file_when_another_pages_draft_names_it(zarina, moderator):
    waiting = submit(zarina, title="Draft volunteer handbook")
    own = document_of(waiting.page)
    # A moderator chooses Zarina's file in the draft of another resource, not published yet.
    other = resource("Volunteer handbook")
    draft = other.get_latest_revision_as_object()
    draft.files = [ResourceFile(document=own)]
    draft.save_revision(user=moderator)

    withdraw_unapproved(zarina)

    assert not Page.objects.filter(pk=waiting.page.pk).exists()
    assert get_document_model().objects.filter(pk=own.pk).exists()
