"""What a learner declares about themselves, the export of everything kept about them, and who else sees it."""

import datetime
import json

import pytest
from django.test import Client

from courses.models import Delivery, FigureDisclosure, Participant, complete_lesson
from home.models import Organisation
from tests.factories import CoursePageFactory, LessonPageFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

PROFILE = {"first_name": "Amina", "last_name": "Karimova", "region": "sughd", "preferred_language": "tg"}


@pytest.fixture
def learner(db):
    return UserFactory(email="amina@example.org", profile__organisation=OrganisationFactory(name="Directory CSO"))


@pytest.fixture
def learner_client(learner):
    client = Client()
    client.force_login(learner)
    return client


def test_sex_and_phone_are_optional_and_can_be_changed_or_cleared(learner_client, learner):
    page = learner_client.get("/tg/accounts/profile/").content.decode()
    assert 'name="sex"' in page and "Намехоҳам бигӯям" in page  # "prefer not to say", in Tajik
    directory = learner.profile.organisation.pk
    learner_client.post(
        "/en/accounts/profile/", {**PROFILE, "organisation": directory, "sex": "female", "phone": "+992 93 1"}
    )
    learner.profile.refresh_from_db()
    assert (learner.profile.sex, learner.profile.phone) == ("female", "+992931")
    learner_client.post("/en/accounts/profile/", {**PROFILE, "organisation": directory, "sex": "", "phone": ""})
    learner.profile.refresh_from_db()
    assert (learner.profile.sex, learner.profile.phone) == ("", "")


def test_a_learner_says_what_their_typed_organisation_is_but_not_a_directory_one(learner_client, learner):
    directory = learner.profile.organisation
    learner_client.post(
        "/en/accounts/profile/",
        {**PROFILE, "organisation": directory.pk, "organisation_type": "media", "organisation_size": "1-5"},
    )
    directory.refresh_from_db()
    assert (directory.type, directory.size_band) == ("cso", "")

    learner_client.post(
        "/en/accounts/profile/",
        {**PROFILE, "new_organisation": "Village radio", "organisation_type": "media", "organisation_size": "6-20"},
    )
    typed = Organisation.objects.get(name="Village radio")
    assert (typed.type, typed.size_band, typed.is_verified) == ("media", "6-20", False)


@pytest.fixture
def records(learner):
    lesson = LessonPageFactory(parent=CoursePageFactory(title="Budget monitoring"), quiz=[], title="Reading a budget")
    complete_lesson(learner, lesson)
    delivery = Delivery.objects.create(
        session_number=3,
        starts_on=datetime.date(2026, 4, 1),
        ends_on=datetime.date(2026, 4, 2),
        location="Khorog",
        region="gbao",
        trainer="T",
    )
    Participant.objects.create(delivery=delivery, name="Amina", email="amina@example.org", paper_score=85)
    other = UserFactory(email="someone-else@example.org")
    complete_lesson(other, LessonPageFactory(parent=CoursePageFactory(title="Other course"), quiz=[]))
    return lesson


@pytest.mark.usefixtures("records")
def test_a_learner_downloads_everything_kept_about_them_and_nothing_about_others(learner_client, learner):
    learner.profile.sex = "female"
    learner.profile.save()
    response = learner_client.get("/en/accounts/profile/my-data/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "amina@example.org"
    assert data["profile"]["sex"] == "female"
    assert [e["course"] for e in data["enrolments"]] == ["Budget monitoring"]
    assert [c["lesson"] for c in data["completed_lessons"]] == ["Reading a budget"]
    assert [c["course"] for c in data["certificates"]] == ["Budget monitoring"]
    assert data["in_person_sessions"] == [
        {
            "session": 3,
            "first_day": "2026-04-01",
            "last_day": "2026-04-02",
            "location": "Khorog",
            "attended_the_whole_session": True,
            "paper_quiz_score": 85,
        }
    ]
    assert "Other course" not in response.content.decode() and "someone-else" not in response.content.decode()
    assert "/en/accounts/profile/my-data/" in learner_client.get("/en/accounts/profile/").content.decode()


def test_the_export_needs_a_login():
    response = Client().get("/en/accounts/profile/my-data/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def staff_client(*codenames):
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name=f"Drill-down {'-'.join(codenames)}")
    group.permissions.add(*Permission.objects.filter(codename__in=["access_admin", *codenames]))
    client = Client()
    client.force_login(UserFactory(groups=[group.name]))
    return client


@pytest.mark.usefixtures("records")
def test_programme_staff_with_the_permission_see_one_learners_records_and_each_look_up_is_logged(learner):
    url = "/admin/reports/learner/"
    assert staff_client("view_learning_reports").get(url, {"email": "amina@example.org"}).status_code in (302, 403)
    assert not FigureDisclosure.objects.exists()

    client = staff_client("view_learning_reports", "view_learner_records")
    page = client.get(url, {"email": "Amina@example.org"}).content.decode()
    assert "Budget monitoring" in page and "Reading a budget" in page and "Khorog" in page
    assert "female" not in page.lower()  # what the learner declared about themselves stays theirs
    entry = FigureDisclosure.objects.get()
    assert (entry.kind, entry.detail) == ("learner", f"learner #{learner.pk}")
    assert "No learner has this email." in client.get(url, {"email": "nobody@example.org"}).content.decode()
    assert FigureDisclosure.objects.count() == 1
