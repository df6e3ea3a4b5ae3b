"""Editors merge a typed-in organisation into the directory entry it duplicates."""

import pytest
from django.test import Client
from wagtail.models import Page

from home.models import Affiliation, MemberProfile, Organisation
from library.access import MEMBERS_GROUP
from library.models import ResourcePage, Submission
from programme.models import ConsultationOrganisation, ConsultationPage
from tests.factories import ConsultationPageFactory, OrganisationFactory, ResourcePageFactory, UserFactory

pytestmark = pytest.mark.django_db
URL = "/admin/directory/merge-organisations/"


@pytest.fixture
def editor(db):
    return UserFactory(email="chief@hamkori.local", is_superuser=True, is_staff=True)


def admin_client(user):
    client = Client()
    client.force_login(user)
    return client


def signup(client, email, organisation):
    data = {
        "first_name": "Rustam",
        "last_name": "Aliev",
        "email": email,
        "password1": "kuhhoi-pomir-2026",
        "password2": "kuhhoi-pomir-2026",
        "region": "khatlon",
        "preferred_language": "tg",
        "new_organisation": organisation,
    }
    assert client.post("/en/accounts/signup/", data).status_code == 302


def contributed(organisation):
    """The organisation has had a contribution approved for the library."""
    contribution = ResourcePageFactory(title="Water committee handbook")
    Submission.objects.create(
        page=contribution,
        submitter=UserFactory(profile__organisation=organisation),
        organisation=organisation,
        status=Submission.Status.APPROVED,
    )


def test_merging_moves_people_pages_and_attendance_and_unlocks_the_library(client, editor):
    keep = OrganisationFactory(name='Public Organization "Sino"')
    contributed(keep)
    signup(client, "typed@example.org", "Sino typed differently")
    duplicate = Organisation.objects.get(name="Sino typed differently")
    assert duplicate.is_verified is False
    newcomer = MemberProfile.objects.get(user__username="typed@example.org").user
    assert not newcomer.groups.filter(name=MEMBERS_GROUP).exists()
    # The duplicate also got attached to a resource and to a consultation's attendees, with a draft saved.
    resource = ResourcePageFactory(organisation=duplicate)
    resource.save_revision().publish()
    consultation = ConsultationPageFactory()
    ConsultationOrganisation.objects.create(page=consultation, organisation=OrganisationFactory())
    consultation.save_revision().publish()
    consultation = ConsultationPage.objects.get(pk=consultation.pk)
    attendees = list(consultation.attending_organisations.all())
    attendees[0].organisation = duplicate
    consultation.attending_organisations = attendees
    consultation.save_revision()

    admin = admin_client(editor)
    assert "Merge organisations" in admin.get("/admin/").content.decode()
    response = admin.post(URL, {"source": duplicate.pk, "target": keep.pk}, follow=True)
    assert "is merged into" in response.content.decode()

    duplicate_pk = duplicate.pk
    assert not Organisation.objects.filter(pk=duplicate_pk).exists()
    assert MemberProfile.objects.get(user=newcomer).organisation == keep
    assert ResourcePage.objects.get(pk=resource.pk).organisation == keep
    # Their claim moved with the name, still pending: a merge confirms nobody. Once confirmed, they are in.
    link = Affiliation.objects.get(user=newcomer)
    assert (link.organisation, link.status) == (keep, Affiliation.Status.PENDING)
    assert not newcomer.groups.filter(name=MEMBERS_GROUP).exists()
    link.decide(Affiliation.Status.CONFIRMED, by=editor, method=Affiliation.Method.STAFF)
    assert newcomer.groups.filter(name=MEMBERS_GROUP).exists()  # their organisation had contributed
    # Publishing the saved drafts later cannot bring the deleted organisation back.
    draft = Page.objects.get(pk=consultation.pk).specific.get_latest_revision()
    in_draft = [row["organisation"] for row in draft.content["attending_organisations"]]
    assert duplicate_pk not in in_draft and keep.pk in in_draft
    draft.publish()
    assert ConsultationPage.objects.get(pk=consultation.pk).attending_organisations.filter(organisation=keep).exists()
    ResourcePage.objects.get(pk=resource.pk).get_latest_revision().publish()
    assert ResourcePage.objects.get(pk=resource.pk).organisation == keep


def test_merging_into_an_organisation_that_has_not_contributed_opens_nothing(client, editor):
    keep = OrganisationFactory(name='Public Organization "Tomiris"')
    signup(client, "typed@example.org", "Tomiris typed differently")
    duplicate = Organisation.objects.get(name="Tomiris typed differently")
    admin_client(editor).post(URL, {"source": duplicate.pk, "target": keep.pk})
    newcomer = MemberProfile.objects.get(user__username="typed@example.org")
    assert newcomer.organisation == keep
    assert not newcomer.user.groups.filter(name=MEMBERS_GROUP).exists()


def test_an_organisation_cannot_be_merged_into_itself(editor):
    organisation = OrganisationFactory()
    response = admin_client(editor).post(URL, {"source": organisation.pk, "target": organisation.pk})
    assert response.status_code == 200
    assert "Choose two different organisations." in response.content.decode()
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_only_editors_who_may_delete_organisations_can_merge():
    moderator = UserFactory(email="mod@hamkori.local", groups=["Library moderators"])
    admin = admin_client(moderator)
    first, second = OrganisationFactory(), OrganisationFactory()
    assert admin.get("/admin/").status_code == 200  # moderators do use the admin...
    response = admin.post(URL, {"source": first.pk, "target": second.pk})
    assert response.status_code in (302, 403)
    assert Organisation.objects.filter(pk=first.pk).exists()
    assert "Merge organisations" not in admin.get("/admin/").content.decode()  # ...without the merge tool
