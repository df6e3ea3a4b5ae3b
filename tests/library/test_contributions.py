"""Member contributions, as a Tajik or Russian member makes them: names, photos, every library, corrections."""

import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.models import Revision, WorkflowState

from library.models import ResourcePage, Submission
from tests.factories import UserFactory
from tests.library.conftest import body, pdf_upload, submission_data, submit

pytestmark = pytest.mark.django_db

TAJIK_TITLE = "Роҳнамои ТАКСО-2 барои ҷомеаи шаҳрвандӣ"


def photo(name="page-1.jpg", size=(800, 1100), image_format="JPEG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.mark.parametrize(
    ("language", "title", "slug"),
    [
        ("tg", TAJIK_TITLE, "rohnamoi-takso-2-baroi-jomeai-shahrvandi"),
        ("ru", "Руководство по общественному контролю", "rukovodstvo-po-obshchestvennomu-kontrolyu"),
    ],
)
def test_a_tajik_or_russian_title_gives_a_readable_address(newcomer, language, title, slug):
    submission = submit(newcomer, language=language, title=title)
    assert submission.page.slug == slug


def test_a_download_is_named_after_the_resource_not_a_random_name(client, newcomer, moderator, moderate):
    submission = submit(newcomer, language="tg", title="TACSO 2 guide", access="public")
    moderate(moderator, submission, "approve")
    page = ResourcePage.objects.get(pk=submission.page_id)
    document = page.files.get().document
    # The folder is random (nobody can guess where a members-only file is), the name is the resource's.
    assert re.fullmatch(r"documents/[0-9a-f]{32}/tacso-2-guide\.pdf", document.file.name)
    response = client.get(document.url)
    assert response.status_code == 200
    assert 'filename="tacso-2-guide.pdf"' in response["Content-Disposition"]


def test_several_files_are_numbered(newcomer):
    submission = submit(newcomer, title="Water survey", files=[pdf_upload(), pdf_upload("b.pdf")])
    names = sorted(link.document.filename for link in submission.page.files.all())
    assert names == ["water-survey-1.pdf", "water-survey-2.pdf"]


def test_photos_of_paper_pages_are_accepted_and_downloaded_as_attachments(client, newcomer, moderator, moderate):
    submission = submit(newcomer, files=[photo(), photo("page-2.png", image_format="PNG")], access="public")
    moderate(moderator, submission, "approve")
    for link in ResourcePage.objects.get(pk=submission.page_id).files.all():
        response = client.get(link.document.url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        Image.open(io.BytesIO(body(response))).verify()


def test_the_form_tells_a_phone_user_how_to_photograph_pages(client, newcomer):
    client.force_login(newcomer)
    html = client.get("/tg/library/submit/").content.decode()
    assert "jpg, jpeg, png" in html
    assert "Танҳо коғаз доред?" in html


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.jpg", b"\xff\xd8\xff not really a photo"),
        ("page.png", b"MZ\x90\x00 an executable"),
        ("page.jpg", None),  # a real PNG named .jpg
    ],
)
def test_a_file_that_only_pretends_to_be_a_photo_is_refused(client, newcomer, name, content):
    if content is None:
        content = photo(image_format="PNG").read()
    client.force_login(newcomer)
    response = client.post("/en/library/submit/", submission_data(files=[SimpleUploadedFile(name, content)]))
    assert response.status_code == 400
    assert "is not really the kind of file its name says" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_photo_with_too_many_pixels_is_refused_without_decoding_it(client, newcomer):
    buffer = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(buffer, "PNG")  # 400 million pixels, a few kB on the wire
    client.force_login(newcomer)
    upload = SimpleUploadedFile("bomb.png", buffer.getvalue())
    response = client.post("/en/library/submit/", submission_data(files=[upload]))
    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_an_approved_tajik_contribution_is_in_every_library_marked_as_tajik(client, newcomer, moderator, moderate):
    submission = submit(newcomer, language="tg", title=TAJIK_TITLE, access="public")
    moderate(moderator, submission, "approve")

    for language in ("ru", "en"):
        listing = client.get(f"/{language}/library/").content.decode()
        assert TAJIK_TITLE in listing
        assert '<span class="badge badge--language" lang="tg">Тоҷикӣ</span>' in listing
        page = client.get(f"/{language}/library/{submission.page.slug}/")
        assert page.status_code == 200
        assert f'<h1 lang="tg">{TAJIK_TITLE}</h1>' in page.content.decode()
    tajik_listing = client.get("/tg/library/").content.decode()
    assert TAJIK_TITLE in tajik_listing
    assert "badge--language" not in tajik_listing
    assert ResourcePage.objects.filter(translation_key=submission.page.translation_key).count() == 3


def test_an_unapproved_contribution_is_in_no_library(client, newcomer):
    submit(newcomer, language="tg", title=TAJIK_TITLE, access="public")
    for language in ("tg", "ru", "en"):
        assert TAJIK_TITLE not in client.get(f"/{language}/library/").content.decode()


@pytest.fixture
def sent_back(newcomer, moderator, moderate):
    submission = submit(newcomer, language="tg", title="Ҳисоботи об", files=[pdf_upload("old.pdf")])
    moderate(moderator, submission, "reject", "Лутфан соли нашрро илова кунед.")
    assert submission.status == Submission.Status.CHANGES_REQUESTED
    mail.outbox.clear()
    return submission


def test_a_member_asked_for_changes_corrects_the_same_submission(client, newcomer, moderator, moderate, sent_back):
    client.force_login(newcomer)
    listing = client.get("/tg/library/my-submissions/").content.decode()
    edit_url = f"/tg/library/my-submissions/{sent_back.pk}/edit/"
    assert edit_url in listing

    form = client.get(edit_url).content.decode()
    assert 'value="Ҳисоботи об"' in form  # what they sent before, ready to correct
    assert "Лутфан соли нашрро илова кунед." in form
    old_document = sent_back.page.files.get().document

    data = submission_data(title="Ҳисоботи об, 2024", year="2024", keep_files=[], files=[pdf_upload("new.pdf")])
    response = client.post(edit_url, data)
    assert response.status_code == 302

    sent_back.refresh_from_db()
    assert sent_back.status == Submission.Status.PENDING
    assert Submission.objects.count() == 1  # the same submission, not a new one
    assert WorkflowState.objects.get(object_id=str(sent_back.page_id)).status == WorkflowState.STATUS_IN_PROGRESS
    assert Revision.objects.filter(object_id=str(sent_back.page_id)).count() == 2  # the first version is kept

    moderate(moderator, sent_back, "approve")
    page = ResourcePage.objects.get(pk=sent_back.page_id)
    assert page.live and page.title == "Ҳисоботи об, 2024" and page.year == 2024
    assert [link.document_id for link in page.files.all()] != [old_document.pk]
    assert page.files.count() == 1


def test_keeping_the_old_file_and_adding_none_is_fine_but_dropping_every_file_is_not(client, newcomer, sent_back):
    client.force_login(newcomer)
    edit_url = f"/tg/library/my-submissions/{sent_back.pk}/edit/"
    old_document = sent_back.page.files.get().document
    response = client.post(edit_url, submission_data(keep_files=[], files=[]))
    assert response.status_code == 400
    sent_back.refresh_from_db()
    assert sent_back.status == Submission.Status.CHANGES_REQUESTED

    response = client.post(edit_url, submission_data(keep_files=[str(old_document.pk)], files=[]))
    assert response.status_code == 302
    page = ResourcePage.objects.get(pk=sent_back.page_id).get_latest_revision_as_object()
    assert [link.document_id for link in page.files.all()] == [old_document.pk]


def test_nobody_else_can_edit_a_submission(client, sent_back):
    client.force_login(UserFactory())
    assert client.get(f"/tg/library/my-submissions/{sent_back.pk}/edit/").status_code == 404


def test_a_submission_waiting_for_a_moderator_cannot_be_edited(client, newcomer):
    submission = submit(newcomer, language="tg")
    client.force_login(newcomer)
    response = client.get(f"/tg/library/my-submissions/{submission.pk}/edit/")
    assert response.status_code == 302
    assert response["Location"] == "/tg/library/my-submissions/"
