import errno
import re
from unittest import mock

import pytest
from django.core import mail
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import WorkflowState

from library.access import SUBMISSIONS_COLLECTION
from library.models import ResourcePage, Submission
from tests.factories import OrganisationFactory, UserFactory, section
from tests.library.conftest import TOMIRIS, body, docx_bytes, pdf_upload, submission_data
from tests.office_files import ole_file

SUBMIT = "/en/library/submit/"


def counts():
    return (
        ResourcePage.objects.count(),
        get_document_model().objects.count(),
        Submission.objects.count(),
    )


@pytest.fixture
def empty_media(settings, tmp_path):
    """Uploads go to an empty folder, so a test can see whether anything was written."""
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def stored_files(folder):
    return [path for path in folder.rglob("*") if path.is_file()]


def test_anonymous_visitor_is_asked_to_log_in(client, db):
    response = client.get(SUBMIT)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_form_is_translated_and_lists_areas_in_the_readers_language(client, newcomer):
    client.force_login(newcomer)
    response = client.get("/tg/library/submit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Тағйирёбии иқлим" in html  # climate change, in Tajik
    assert "Climate change" not in html
    assert 'value="climate-change"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="organisation"' not in html  # the newcomer's organisation is known


def test_good_submission_lands_pending_and_invisible(client, newcomer, moderator, django_capture_on_commit_callbacks):
    client.force_login(newcomer)
    before = counts()
    data = submission_data(files=[pdf_upload()])
    with django_capture_on_commit_callbacks(execute=True):  # moderators are emailed once it is committed
        response = client.post(SUBMIT, data)
    assert response.status_code == 302
    assert response["Location"].endswith("/en/library/my-submissions/")
    assert counts() == (before[0] + 1, before[1] + 1, before[2] + 1)

    submission = Submission.objects.get(submitter=newcomer)
    page = submission.page
    assert submission.status == Submission.Status.PENDING
    assert submission.organisation.name == TOMIRIS
    assert submission.submitter == newcomer
    assert not page.live
    assert page.get_parent().pk == section("library").pk
    assert page.owner == newcomer
    assert (page.title, page.resource_type, page.access, page.year, page.coverage) == (
        "Water committee handbook",
        "guide",
        "members",
        2024,
        "tajikistan",
    )
    assert sorted(link.language for link in page.material_languages.all()) == ["ru", "tg"]
    assert [link.thematic_area.slug for link in page.thematic_area_links.all()] == ["water-resources"]
    document = page.files.get().document
    assert document.collection.name == SUBMISSIONS_COLLECTION
    assert "report" not in document.file.name  # stored under a generated name
    with document.file.open("rb") as stored:
        assert stored.read().startswith(b"%PDF-")
    assert WorkflowState.objects.filter(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS).exists()
    # Moderators are told by Wagtail's workflow notification.
    assert any(moderator.email in message.to for message in mail.outbox)

    # Invisible to the public: not in the list, no page, no file.
    anonymous = Client()
    assert "Water committee handbook" not in anonymous.get("/en/library/").content.decode()
    assert anonymous.get(f"/en/library/{page.slug}/").status_code == 404
    assert anonymous.get(document.url).status_code in (302, 403)
    assert not body(anonymous.get(document.url)).startswith(b"%PDF")

    status_page = client.get("/en/library/my-submissions/").content.decode()
    assert "Water committee handbook" in status_page
    assert "Waiting for a moderator" in status_page


def test_a_submission_in_tajik_waits_in_the_tajik_library(client, newcomer, moderator):
    client.force_login(newcomer)
    data = submission_data(title="Дастури кумитаи об", files=[pdf_upload()])
    response = client.post("/tg/library/submit/", data)
    assert response.status_code == 302
    assert response["Location"].endswith("/tg/library/my-submissions/")
    page = Submission.objects.get(submitter=newcomer).page
    assert page.get_parent().pk == section("library", "tg").pk
    assert page.locale.language_code == "tg"
    assert "Дастури кумитаи об" in client.get("/tg/library/my-submissions/").content.decode()


def test_a_person_without_a_confirmed_organisation_is_sent_to_their_profile(client):
    """Submitting "on behalf of" an organisation took any name from the directory (issue 16, item 1)."""
    user = UserFactory(email="no.org@example.org")
    afif = OrganisationFactory(name='Public Organization "Afif"')
    client.force_login(user)
    page = client.get(SUBMIT).content.decode()
    assert 'name="organisation"' not in page
    assert 'href="/en/accounts/profile/"' in page
    refused = client.post(SUBMIT, submission_data(organisation=afif.pk, files=[pdf_upload()]))
    assert refused.status_code == 403
    assert not Submission.objects.filter(submitter=user).exists()
    user.profile.refresh_from_db()
    assert user.profile.organisation is None


BAD_FILES = {
    "renamed executable": ("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200),
    "ELF renamed to txt": ("notes.txt", b"\x7fELF\x02\x01\x01" + b"\x00" * 100),
    "html as txt": ("notes.txt", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
    "html file": ("page.html", b"<html><body>hi</body></html>"),
    "svg file": ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    "svg renamed to csv": ("data.csv", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
    "docx with macros": ("plan.docx", docx_bytes(with_macros=True)),
    "zip renamed to docx": ("plan.docx", docx_bytes(main_part="other.xml")),
    "text renamed to xls": ("table.xls", b"just some words"),
    "exe": ("setup.exe", b"MZ" + b"\x00" * 100),
}


@pytest.mark.parametrize("name,content", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_file_is_refused_and_nothing_is_saved_but_the_form_keeps_values(
    client, newcomer, name, content, empty_media
):
    client.force_login(newcomer)
    before = counts()
    good_and_bad = [pdf_upload(), SimpleUploadedFile(name, content)]
    response = client.post(SUBMIT, submission_data(files=good_and_bad))
    assert response.status_code == 400
    assert counts() == before
    assert stored_files(empty_media) == []  # not even the good file of the two
    html = response.content.decode()
    assert name in html  # the error names the file
    assert 'value="Water committee handbook"' in html
    assert "How to run a village water committee" in html
    assert re.search(r'value="water-resources"[^>]*checked', html)
    assert re.search(r'value="members"[^>]*checked', html)


def test_error_is_translated(client, newcomer):
    client.force_login(newcomer)
    response = client.post(
        "/tg/library/submit/", submission_data(files=[SimpleUploadedFile("page.html", b"<html></html>")])
    )
    assert response.status_code == 400
    assert "бор кардан мумкин нест" in response.content.decode()


def test_oversize_file_is_refused(client, newcomer, settings, empty_media):
    settings.LIBRARY_MAX_UPLOAD_MB = 1
    client.force_login(newcomer)
    before = counts()
    big = SimpleUploadedFile("big.txt", b"word " * (300 * 1024))
    response = client.post(SUBMIT, submission_data(files=[big]))
    assert response.status_code == 400
    assert "1 MB" in response.content.decode()
    assert counts() == before
    assert stored_files(empty_media) == []

    just_under = SimpleUploadedFile("fits.txt", b"word " * (200 * 1024))
    assert client.post(SUBMIT, submission_data(files=[just_under])).status_code == 302


def test_missing_file_is_refused(client, newcomer):
    client.force_login(newcomer)
    before = counts()
    response = client.post(SUBMIT, submission_data())
    assert response.status_code == 400
    assert counts() == before


def test_missing_csrf_token_is_refused(newcomer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(newcomer)
    before = counts()
    response = client.post(SUBMIT, submission_data(files=[pdf_upload()]))
    assert response.status_code == 403
    assert counts() == before


HONEST_FILES = {
    "docx": ("a.docx", docx_bytes()),
    "doc": ("a.doc", ole_file({"WordDocument": b"Hisobot" * 1000})),
    "csv in cp1251": ("a.csv", "район,число\nБохтар,12\n".encode("cp1251")),
    "txt in utf-8": ("a.txt", "Маълумот дар бораи лоиҳа.".encode()),
}


# Named ids: a zip's bytes carry the time it was made, and xdist workers must collect the same ids.
@pytest.mark.parametrize("name,content", HONEST_FILES.values(), ids=HONEST_FILES.keys())
def test_honest_office_and_text_files_are_accepted(client, newcomer, name, content):
    client.force_login(newcomer)
    response = client.post(SUBMIT, submission_data(files=[SimpleUploadedFile(name, content)]))
    assert response.status_code == 302
    document = Submission.objects.get(submitter=newcomer).page.files.get().document
    assert document.file_extension == name.rsplit(".", 1)[1]
    with document.file.open("rb") as stored:
        assert stored.read() == content  # stored as uploaded


def test_odt_needs_the_right_mimetype(client, newcomer):
    import io
    import zipfile

    def odt(mimetype):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("mimetype", mimetype)
            archive.writestr("content.xml", "<office:document-content/>")
        return buffer.getvalue()

    client.force_login(newcomer)
    bad = client.post(
        SUBMIT,
        submission_data(files=[SimpleUploadedFile("a.odt", odt("application/vnd.oasis.opendocument.spreadsheet"))]),
    )
    assert bad.status_code == 400
    good = client.post(
        SUBMIT, submission_data(files=[SimpleUploadedFile("a.odt", odt("application/vnd.oasis.opendocument.text"))])
    )
    assert good.status_code == 302


def test_status_page_shows_only_my_submissions(client, newcomer, pending_submission):
    client.force_login(newcomer)
    html = client.get("/en/library/my-submissions/").content.decode()
    assert "Volunteer recruitment checklist" not in html  # another organisation's pending submission
    assert "You have not contributed anything yet." in html
    client.force_login(pending_submission.submitter)
    html = client.get("/en/library/my-submissions/").content.decode()
    assert "Volunteer recruitment checklist" in html
    assert "Waiting for a moderator" in html


def test_status_page_asks_anonymous_visitors_to_log_in(client, db):
    response = client.get("/en/library/my-submissions/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_full_disk_gives_a_clear_error_and_leaves_no_row_or_file(client, newcomer, empty_media):
    """The disk fills while the second file is written: nothing of the submission is kept."""
    real_save = FileSystemStorage._save
    saved = []

    def save_until_full(storage, name, content):
        if saved:  # the first file fits; the second one is half written when the disk is full
            with open(storage.path(name), "wb") as partial:
                partial.write(b"%PDF-1.4 half")
            raise OSError(errno.ENOSPC, "No space left on device")
        saved.append(name)
        return real_save(storage, name, content)

    pages, documents = ResourcePage.objects.count(), get_document_model().objects.count()
    client.force_login(newcomer)
    with mock.patch.object(FileSystemStorage, "_save", save_until_full):
        response = client.post("/en/library/submit/", submission_data(files=[pdf_upload("a.pdf"), pdf_upload("b.pdf")]))
    assert response.status_code == 503
    html = response.content.decode()
    assert "We could not store your file just now" in html
    assert 'value="Water committee handbook"' in html  # what was typed is still there
    assert (ResourcePage.objects.count(), get_document_model().objects.count()) == (pages, documents)
    assert not Submission.objects.filter(submitter=newcomer).exists()
    assert stored_files(empty_media) == []
