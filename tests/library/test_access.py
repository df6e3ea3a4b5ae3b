"""Members-only and pending files reach no one else, by any URL; downloads are served safely."""

import pytest
from django.conf import settings
from django.test import Client
from wagtail.documents import get_document_model

from home.models import Affiliation
from library.access import MEMBERS_COLLECTION, MEMBERS_GROUP, PUBLIC_COLLECTION, SUBMISSIONS_COLLECTION
from library.models import DownloadCount, LibraryMembership
from tests.factories import OrganisationFactory, ResourcePageFactory, UserFactory, section, translate
from tests.library.conftest import TOMIRIS, body, document_of, resource

CAREC_TEXT = b"CAREC 2030: a concept for working with civil society, 2020-2025.\n"


@pytest.fixture
def members_only(db):
    """A members-only resource with a PDF, published by an editor."""
    return resource(
        "World Bank consultations in Khatlon",
        summary="Notes from the consultation in Bokhtar on the country partnership framework.",
        access="members",
        areas=["water-resources"],
    )


@pytest.fixture
def public_pdf(db):
    return resource("Stronger civil society in Tajikistan", access="public")


@pytest.fixture
def public_txt(db):
    return resource("CAREC civil society concept", access="public", files=[("concept.txt", CAREC_TEXT)])


@pytest.fixture
def member(contributor):
    """A confirmed member of an organisation whose contribution a moderator approved."""
    assert contributor.groups.filter(name=MEMBERS_GROUP).exists()
    return contributor


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


def pending_document(submission):
    return submission.page.files.get().document


def test_published_files_are_filed_by_access_level(members_only, public_pdf, pending_submission):
    assert document_of(members_only).collection.name == MEMBERS_COLLECTION
    assert document_of(public_pdf).collection.name == PUBLIC_COLLECTION
    assert pending_document(pending_submission).collection.name == SUBMISSIONS_COLLECTION


def test_changing_a_resource_to_members_only_moves_its_files_behind_the_restriction(client, public_pdf):
    document = document_of(public_pdf)
    assert client.get(document.url).status_code == 200
    public_pdf.access = "members"
    public_pdf.save_revision().publish()
    assert document_of(public_pdf).collection.name == MEMBERS_COLLECTION
    assert_refused(client, document_of(public_pdf))


@pytest.mark.parametrize("who", ["anonymous", "non-member", "revoked member"])
def test_members_only_and_pending_files_are_refused(who, members_only, pending_submission, newcomer, member):
    client = Client()
    if who == "non-member":
        client.force_login(newcomer)
    elif who == "revoked member":
        membership = LibraryMembership.objects.get(user=member)
        membership.status = LibraryMembership.Status.REVOKED
        membership.save()
        client.force_login(member)
    assert_refused(client, document_of(members_only))
    assert_refused(client, pending_document(pending_submission))


def test_member_downloads_members_only_file_as_a_private_inline_pdf(member, members_only):
    client = Client()
    client.force_login(member)
    document = document_of(members_only)
    response = client.get(document.url)
    assert response.status_code == 200
    assert body(response).startswith(b"%PDF-")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert DownloadCount.objects.get(translation_key=members_only.translation_key).count == 1

    # The translated page offers the same file, and counts towards the same resource.
    tajik = translate(members_only, "tg", title="Машваратҳои Бонки Ҷаҳонӣ дар Хатлон")
    assert document_of(tajik) == document
    assert document.url in client.get(tajik.url).content.decode()
    client.get(document.url)
    assert DownloadCount.objects.get(translation_key=members_only.translation_key).count == 2


def test_member_still_cannot_fetch_pending_files(member, pending_submission):
    client = Client()
    client.force_login(member)
    assert_refused(client, pending_document(pending_submission))


def test_public_pdf_is_served_to_anyone_and_revalidated_on_every_use(client, public_pdf):
    response = client.get(document_of(public_pdf).url)
    assert response.status_code == 200
    assert body(response).startswith(b"%PDF-")
    assert "public" in response["Cache-Control"]
    assert "private" not in response["Cache-Control"]
    # A browser or proxy may keep it, but asks again before each use: a file made members-only
    # later is not served from a copy kept for an hour.
    assert "no-cache" in response["Cache-Control"]
    assert "max-age=3600" not in response["Cache-Control"]


def test_public_text_file_is_an_attachment_and_cacheable(client, public_txt):
    response = client.get(document_of(public_txt).url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "text/plain"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "private" not in response.get("Cache-Control", "")
    assert "CAREC" in body(response).decode()


def test_resource_page_shows_description_to_everyone_and_files_to_members(client, members_only, member, newcomer):
    document = document_of(members_only)
    html = client.get(members_only.url).content.decode()
    assert "Bokhtar" in html  # the description is public
    assert document.url not in html
    assert "Contribute a resource" in html

    client.force_login(newcomer)
    html = client.get(members_only.url).content.decode()
    assert document.url not in html
    assert "Contribute a resource" in html

    client.force_login(member)
    html = client.get(members_only.url).content.decode()
    assert document.url in html
    assert "Contribute a resource" not in html


def test_revocation_in_the_admin_takes_effect_on_the_next_request(member, members_only, moderator):
    browser = Client()
    browser.force_login(member)
    document = document_of(members_only)
    assert browser.get(document.url).status_code == 200

    admin = Client()
    admin.force_login(moderator)  # setup_site lets moderators change memberships
    membership = LibraryMembership.objects.get(user=member)
    edit_url = f"/admin/snippets/library/librarymembership/edit/{membership.pk}/"
    assert admin.get(edit_url).status_code == 200
    response = admin.post(edit_url, {"status": "revoked", "note": "Shared files outside the organisation"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == LibraryMembership.Status.REVOKED

    assert_refused(browser, document)
    assert not member.groups.filter(name=MEMBERS_GROUP).exists()

    # A later approved contribution of the organisation, or saving the profile, does not bring them back.
    LibraryMembership.objects.grant_organisation(member.profile.organisation, note="Another contribution approved")
    member.profile.save()
    assert not member.groups.filter(name=MEMBERS_GROUP).exists()
    assert LibraryMembership.objects.is_revoked(member)
    assert_refused(browser, document)

    # Staff set it back to active: the member is in again.
    admin.post(edit_url, {"status": "active", "note": "Explained the rules"})
    assert member.groups.filter(name=MEMBERS_GROUP).exists()
    assert browser.get(document.url).status_code == 200


def test_people_who_join_a_contributing_organisation_become_members_once_confirmed(contributor):
    sino = contributor.profile.organisation
    confirmed = UserFactory(email="new@sino.example", profile__organisation=sino)  # confirmed by staff
    assert confirmed.groups.filter(name=MEMBERS_GROUP).exists()
    claimant = UserFactory(email="claims@sino.example", profile__organisation=sino, profile__affiliation="pending")
    assert not claimant.groups.filter(name=MEMBERS_GROUP).exists()
    outsider = UserFactory(email="new@tomiris.example", profile__organisation=OrganisationFactory(name=TOMIRIS))
    assert not outsider.groups.filter(name=MEMBERS_GROUP).exists()

    # Someone who moves to the contributing organisation later joins once a colleague confirms them.
    Affiliation.objects.claim(outsider, sino)
    outsider.profile.organisation = sino
    outsider.profile.save()
    assert not outsider.groups.filter(name=MEMBERS_GROUP).exists()
    Affiliation.objects.get(user=outsider, organisation=sino).decide(Affiliation.Status.CONFIRMED, by=contributor)
    assert outsider.groups.filter(name=MEMBERS_GROUP).exists()


def test_guessing_document_ids_reveals_nothing(client, members_only, public_pdf, pending_submission):
    Document = get_document_model()
    restricted = Document.objects.filter(collection__name__in=[MEMBERS_COLLECTION, SUBMISSIONS_COLLECTION])
    assert restricted.count() == 2
    for document in restricted:
        assert_refused(client, document)
    # Ids that do not exist, and a public file under a restricted file's id, give nothing either.
    highest = Document.objects.order_by("-pk").values_list("pk", flat=True).first()
    for pk in range(highest + 1, highest + 4):
        assert client.get(f"/documents/{pk}/report.pdf").status_code == 404
    public = document_of(public_pdf)
    for document in restricted:
        assert client.get(f"/documents/{document.pk}/{public.filename}").status_code in (302, 403, 404)


def test_unpublished_resource_files_go_back_behind_the_moderators(client, public_txt):
    document = document_of(public_txt)
    assert client.get(document.url).status_code == 200
    translate(public_txt, "tg", title="Консепсияи КАРЕК")
    for translation in public_txt.get_translations(inclusive=True):
        translation.unpublish()
    document.refresh_from_db()
    assert document.collection.name == SUBMISSIONS_COLLECTION
    assert_refused(client, document)
    public_txt.get_latest_revision().publish()
    document.refresh_from_db()
    assert document.collection.name == PUBLIC_COLLECTION
    assert client.get(document.url).status_code == 200


def test_a_file_shared_with_a_live_translation_stays_public_when_one_language_is_unpublished(client, public_txt):
    document = document_of(public_txt)
    tajik = translate(public_txt, "tg", title="Консепсияи КАРЕК")
    tajik.unpublish()
    document.refresh_from_db()
    assert document.collection.name == PUBLIC_COLLECTION
    assert client.get(document.url).status_code == 200


@pytest.mark.parametrize("language", ["en", "tg", "ru"])
def test_listing_pages_stay_small(client, db, language):
    library = section("library", language)
    for number in range(13):  # a full page of results, and a link to the next
        ResourcePageFactory(
            parent=library,
            title=f"Resource {number} with a long title about village water committees and their fees",
            summary="How village water committees work, who pays for repairs, and how members are elected. " * 4,
        )
    for url in [f"/{language}/library/", f"/{language}/library/?sort=title"]:
        response = client.get(url)
        assert len(response.context["results"]) == 12
        assert len(response.content) < 30_000, url
