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
from tests.library.conftest import docx_bytes, pdf_upload, submission_data

SUBMIT = "/en/library/submit/"


def counts():
    return (
        ResourcePage.objects.count(),
        get_document_model().objects.count(),
        Submission.objects.count(),
    )


def test_anonymous_visitor_is_asked_to_log_in(client, db):
    response = client.get(SUBMIT)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_form_is_translated_and_lists_areas_in_the_readers_language(client, tomiris_member):
    client.force_login(tomiris_member)
    response = client.get("/tg/library/submit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Тағйирёбии иқлим" in html  # climate change, in Tajik
    assert 'name="csrfmiddlewaretoken"' in html


def test_good_submission_lands_pending_and_invisible(client, tomiris_member, library):
    client.force_login(tomiris_member)
    before = counts()
    data = submission_data(files=[pdf_upload()])
    response = client.post(SUBMIT, data)
    assert response.status_code == 302
    assert response["Location"].endswith("/en/library/my-submissions/")
    assert counts() == (before[0] + 1, before[1] + 1, before[2] + 1)

    submission = Submission.objects.get(submitter=tomiris_member)
    page = submission.page
    assert submission.status == Submission.Status.PENDING
    assert submission.organisation.name == 'Public Organization "Tomiris"'
    assert not page.live
    assert page.get_parent().pk == library("en").pk
    assert sorted(link.language for link in page.material_languages.all()) == ["ru", "tg"]
    assert [link.thematic_area.slug for link in page.thematic_area_links.all()] == ["water-resources"]
    document = page.files.get().document
    assert document.collection.name == SUBMISSIONS_COLLECTION
    assert "report" not in document.file.name  # stored under a generated name
    assert WorkflowState.objects.filter(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS).exists()
    # Moderators are told by Wagtail's workflow notification.
    assert any("moderator@hamkori.local" in message.to for message in mail.outbox)

    # Invisible to the public: not in the list, no page, no file.
    anonymous = Client()
    assert "Water committee handbook" not in anonymous.get("/en/library/").content.decode()
    assert anonymous.get(f"/en/library/{page.slug}/").status_code == 404
    assert anonymous.get(document.url).status_code in (302, 403)

    status_page = client.get("/en/library/my-submissions/").content.decode()
    assert "Water committee handbook" in status_page
    assert "Waiting for a moderator" in status_page


def test_member_without_organisation_chooses_one(client, make_user):
    user = make_user("no.org@example.org")
    client.force_login(user)
    from home.models import Organisation

    afif = Organisation.objects.get(name='Public Organization "Afif"')
    response = client.post(SUBMIT, submission_data(organisation=afif.pk, files=[pdf_upload()]))
    assert response.status_code == 302
    user.profile.refresh_from_db()
    assert user.profile.organisation == afif


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
def test_bad_file_is_refused_and_nothing_is_saved_but_the_form_keeps_values(client, tomiris_member, name, content):
    client.force_login(tomiris_member)
    before = counts()
    response = client.post(SUBMIT, submission_data(files=[SimpleUploadedFile(name, content)]))
    assert response.status_code == 400
    assert counts() == before
    html = response.content.decode()
    assert name in html  # the error names the file
    assert 'value="Water committee handbook"' in html
    assert "How to run a village water committee" in html
    assert re.search(r'value="water-resources"[^>]*checked', html)
    assert re.search(r'value="members"[^>]*checked', html)


def test_error_is_translated(client, tomiris_member):
    client.force_login(tomiris_member)
    response = client.post(
        "/tg/library/submit/", submission_data(files=[SimpleUploadedFile("page.html", b"<html></html>")])
    )
    assert response.status_code == 400
    assert "бор кардан мумкин нест" in response.content.decode()


def test_oversize_file_is_refused(client, tomiris_member, settings):
    settings.LIBRARY_MAX_UPLOAD_MB = 1
    client.force_login(tomiris_member)
    before = counts()
    big = SimpleUploadedFile("big.txt", b"word " * (300 * 1024))
    response = client.post(SUBMIT, submission_data(files=[big]))
    assert response.status_code == 400
    assert "1 MB" in response.content.decode()
    assert counts() == before


def test_missing_file_is_refused(client, tomiris_member):
    client.force_login(tomiris_member)
    before = counts()
    response = client.post(SUBMIT, submission_data())
    assert response.status_code == 400
    assert counts() == before


def test_missing_csrf_token_is_refused(tomiris_member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(tomiris_member)
    before = counts()
    response = client.post(SUBMIT, submission_data(files=[pdf_upload()]))
    assert response.status_code == 403
    assert counts() == before


@pytest.mark.parametrize(
    "name,content",
    [
        ("a.docx", docx_bytes()),
        ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
        ("a.csv", "район,число\nБохтар,12\n".encode("cp1251")),
        ("a.txt", "Маълумот дар бораи лоиҳа.".encode()),
    ],
)
def test_honest_office_and_text_files_are_accepted(client, tomiris_member, name, content):
    client.force_login(tomiris_member)
    response = client.post(SUBMIT, submission_data(files=[SimpleUploadedFile(name, content)]))
    assert response.status_code == 302


def test_odt_needs_the_right_mimetype(client, tomiris_member):
    import io
    import zipfile

    def odt(mimetype):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("mimetype", mimetype)
            archive.writestr("content.xml", "<office:document-content/>")
        return buffer.getvalue()

    client.force_login(tomiris_member)
    bad = client.post(
        SUBMIT,
        submission_data(files=[SimpleUploadedFile("a.odt", odt("application/vnd.oasis.opendocument.spreadsheet"))]),
    )
    assert bad.status_code == 400
    good = client.post(
        SUBMIT, submission_data(files=[SimpleUploadedFile("a.odt", odt("application/vnd.oasis.opendocument.text"))])
    )
    assert good.status_code == 302


def test_status_page_shows_only_my_submissions(client, tomiris_member, fidokor_member):
    client.force_login(tomiris_member)
    html = client.get("/en/library/my-submissions/").content.decode()
    assert "Volunteer recruitment checklist" not in html  # Fidokor's pending submission
    client.force_login(fidokor_member)
    html = client.get("/en/library/my-submissions/").content.decode()
    assert "Volunteer recruitment checklist" in html


def test_a_full_disk_gives_a_clear_error_and_leaves_no_row_or_file(client, tomiris_member, settings, tmp_path):
    """The disk fills while the second file is written: nothing of the submission is kept."""
    settings.MEDIA_ROOT = str(tmp_path)
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
    client.force_login(tomiris_member)
    with mock.patch.object(FileSystemStorage, "_save", save_until_full):
        response = client.post("/en/library/submit/", submission_data(files=[pdf_upload("a.pdf"), pdf_upload("b.pdf")]))
    assert response.status_code == 503
    html = response.content.decode()
    assert "We could not store your file just now" in html
    assert 'value="Water committee handbook"' in html  # what was typed is still there
    assert (ResourcePage.objects.count(), get_document_model().objects.count()) == (pages, documents)
    assert not Submission.objects.filter(submitter=tomiris_member).exists()
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []
