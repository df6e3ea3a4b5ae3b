"""Editors merge a typed-in organisation into the directory entry it duplicates."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Page

from home.models import ConsultationPage, MemberProfile, Organisation
from library.access import MEMBERS_GROUP
from library.models import ResourcePage, Submission

pytestmark = pytest.mark.django_db
URL = "/admin/directory/merge-organisations/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("chief", "chief@hamkori.local", "a-long-admin-pass-phrase")


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


def test_merging_moves_people_pages_and_attendance_and_unlocks_the_library(client, editor):
    keep = Submission.objects.filter(status=Submission.Status.APPROVED).first().organisation
    signup(client, "typed@example.org", "Sino typed differently")
    duplicate = Organisation.objects.get(name="Sino typed differently")
    assert duplicate.is_verified is False
    newcomer = MemberProfile.objects.get(user__username="typed@example.org").user
    assert not newcomer.groups.filter(name=MEMBERS_GROUP).exists()
    # The duplicate also got attached to a resource and to a consultation's attendees, with a draft saved.
    resource = ResourcePage.objects.filter(locale__language_code="en").first()
    resource.organisation = duplicate
    resource.save_revision().publish()
    consultation = ConsultationPage.objects.filter(locale__language_code="en").first()
    attendees = list(consultation.attending_organisations.all())
    attendees[0].organisation = duplicate
    consultation.attending_organisations = attendees
    consultation.save_revision()

    admin = Client()
    admin.force_login(editor)
    assert "Merge organisations" in admin.get("/admin/").content.decode()
    response = admin.post(URL, {"source": duplicate.pk, "target": keep.pk}, follow=True)
    assert "is merged into" in response.content.decode()

    duplicate_pk = duplicate.pk
    assert not Organisation.objects.filter(pk=duplicate_pk).exists()
    assert MemberProfile.objects.get(user=newcomer).organisation == keep
    assert ResourcePage.objects.get(pk=resource.pk).organisation == keep
    assert newcomer.groups.filter(name=MEMBERS_GROUP).exists()  # their organisation had contributed
    # Publishing the saved drafts later cannot bring the deleted organisation back.
    draft = Page.objects.get(pk=consultation.pk).specific.get_latest_revision()
    in_draft = [row["organisation"] for row in draft.content["attending_organisations"]]
    assert duplicate_pk not in in_draft and keep.pk in in_draft
    draft.publish()
    assert ConsultationPage.objects.get(pk=consultation.pk).attending_organisations.filter(organisation=keep).exists()
    ResourcePage.objects.get(pk=resource.pk).get_latest_revision().publish()
    assert ResourcePage.objects.get(pk=resource.pk).organisation == keep


def test_an_organisation_cannot_be_merged_into_itself(editor):
    organisation = Organisation.objects.first()
    admin = Client()
    admin.force_login(editor)
    response = admin.post(URL, {"source": organisation.pk, "target": organisation.pk})
    assert response.status_code == 200
    assert "Choose two different organisations." in response.content.decode()
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_only_editors_who_may_delete_organisations_can_merge(django_user_model):
    moderator = django_user_model.objects.create_user("mod@hamkori.local", password="a-long-pass-phrase-1")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    admin = Client()
    admin.force_login(moderator)
    first, second = Organisation.objects.all()[:2]
    response = admin.post(URL, {"source": first.pk, "target": second.pk})
    assert response.status_code in (302, 403)
    assert Organisation.objects.filter(pk=first.pk).exists()
    assert "Merge organisations" not in admin.get("/admin/").content.decode()
