"""Members-only and pending files reach no one else, by any URL; downloads are served safely."""

import pytest
from django.conf import settings
from django.test import Client
from wagtail.documents import get_document_model

from library.access import MEMBERS_COLLECTION, MEMBERS_GROUP, SUBMISSIONS_COLLECTION
from library.models import DownloadCount, LibraryMembership, ResourcePage, Submission
from tests.library.conftest import SINO

MEMBERS_ONLY = "world-bank-consultations-khatlon-2026"
PUBLIC_PDF = "stronger-civil-society-tajikistan"
PUBLIC_TXT = "carec-civil-society-concept-2020-2025"


def document_of(slug, language="en"):
    page = ResourcePage.objects.get(slug=slug, locale__language_code=language)
    return page, page.files.select_related("document__collection").get().document


def pending_document():
    submission = Submission.objects.get(status=Submission.Status.PENDING, page__title="Volunteer recruitment checklist")
    return submission.page.files.get().document


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def all_urls(document):
    """Every way someone might try to fetch the file."""
    return [
        document.url,
        f"/documents/{document.pk}/{document.filename}",
        f"/documents/{document.pk}/other-name.pdf",
        f"{settings.MEDIA_URL}{document.file.name}",
        f"/en{settings.MEDIA_URL}{document.file.name}",
    ]


def assert_refused(client, document):
    for url in all_urls(document):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert not body(response).startswith(b"%PDF"), url
        if response.status_code == 302:
            assert "login" in response["Location"]


def test_seed_files_are_filed_by_access_level(db):
    _page, members_doc = document_of(MEMBERS_ONLY)
    assert members_doc.collection.name == MEMBERS_COLLECTION
    _page, public_doc = document_of(PUBLIC_PDF)
    assert public_doc.collection.name == "Library"
    assert pending_document().collection.name == SUBMISSIONS_COLLECTION


@pytest.mark.parametrize("who", ["anonymous", "non-member", "revoked member"])
def test_members_only_and_pending_files_are_refused(who, tomiris_member, sino_member):
    client = Client()
    if who == "non-member":
        client.force_login(tomiris_member)
    elif who == "revoked member":
        membership = LibraryMembership.objects.get(user=sino_member)
        membership.status = LibraryMembership.Status.REVOKED
        membership.save()
        client.force_login(sino_member)
    _page, document = document_of(MEMBERS_ONLY)
    assert_refused(client, document)
    assert_refused(client, pending_document())


def test_member_downloads_members_only_file_as_a_private_inline_pdf(sino_member):
    client = Client()
    client.force_login(sino_member)
    page, document = document_of(MEMBERS_ONLY)
    before = DownloadCount.objects.filter(translation_key=page.translation_key).values_list("count", flat=True)
    before = before[0] if before else 0
    response = client.get(document.url)
    assert response.status_code == 200
    assert body(response).startswith(b"%PDF-")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert DownloadCount.objects.get(translation_key=page.translation_key).count == before + 1
    # The translated page offers the same file, and counts towards the same resource.
    tg_page = page.get_translation(page.locale.__class__.objects.get(language_code="tg"))
    assert tg_page.specific.files.get().document == document


def test_member_still_cannot_fetch_pending_files(sino_member):
    client = Client()
    client.force_login(sino_member)
    assert_refused(client, pending_document())


def test_public_text_file_is_an_attachment_and_cacheable(client, db):
    _page, document = document_of(PUBLIC_TXT)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "text/plain"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" not in response.get("Cache-Control", "")
    assert "CAREC" in body(response).decode()


def test_resource_page_shows_description_to_everyone_and_files_to_members(client, sino_member, tomiris_member):
    page, document = document_of(MEMBERS_ONLY)
    html = client.get(page.url).content.decode()
    assert "Bokhtar" in html  # the description is public
    assert document.url not in html
    assert "Contribute a resource" in html

    client.force_login(tomiris_member)
    assert document.url not in client.get(page.url).content.decode()

    client.force_login(sino_member)
    assert document.url in client.get(page.url).content.decode()


def test_revocation_in_the_admin_takes_effect_on_the_next_request(sino_member, django_user_model):
    member = Client()
    member.force_login(sino_member)
    _page, document = document_of(MEMBERS_ONLY)
    assert member.get(document.url).status_code == 200

    staff = (
        django_user_model.objects.get(username="editor")
        if django_user_model.objects.filter(username="editor").exists()
        else django_user_model.objects.create_superuser("staff", "staff@example.org", "pw-for-tests")
    )
    admin = Client()
    admin.force_login(staff)
    membership = LibraryMembership.objects.get(user=sino_member)
    edit_url = f"/admin/snippets/library/librarymembership/edit/{membership.pk}/"
    assert admin.get(edit_url).status_code == 200
    response = admin.post(edit_url, {"status": "revoked", "note": "Shared files outside the organisation"})
    assert response.status_code == 302

    refused = member.get(document.url)
    assert refused.status_code == 302
    assert not sino_member.groups.filter(name=MEMBERS_GROUP).exists()

    # A later approved contribution of the organisation does not bring them back.
    from library.access import grant_organisation

    grant_organisation(sino_member.profile.organisation)
    assert not sino_member.groups.filter(name=MEMBERS_GROUP).exists()


def test_people_who_join_a_contributing_organisation_become_members(make_user):
    newcomer = make_user("new@sino.example", SINO)
    assert newcomer.groups.filter(name=MEMBERS_GROUP).exists()
    outsider = make_user("new@tomiris.example", 'Public Organization "Tomiris"')
    assert not outsider.groups.filter(name=MEMBERS_GROUP).exists()


def test_guessing_document_ids_reveals_nothing(client, db):
    Document = get_document_model()
    restricted = Document.objects.filter(collection__name__in=[MEMBERS_COLLECTION, SUBMISSIONS_COLLECTION])
    assert restricted.exists()
    for document in restricted:
        assert_refused(client, document)


def test_unpublished_resource_files_go_back_behind_the_moderators(client, db):
    page, document = document_of(PUBLIC_TXT)
    assert client.get(document.url).status_code == 200
    for translation in page.get_translations(inclusive=True):
        translation.unpublish()
    document.refresh_from_db()
    assert document.collection.name == SUBMISSIONS_COLLECTION
    assert_refused(client, document)
    page.get_latest_revision().publish()
    document.refresh_from_db()
    assert document.collection.name == "Library"


def test_listing_pages_stay_small(client, db):
    for url in ["/en/library/", "/tg/library/", "/ru/library/?sort=title"]:
        assert len(client.get(url).content) < 30_000
