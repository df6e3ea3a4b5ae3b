"""Sign up, profile, delete account, throttled login."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache

from courses.models import Enrolment, LessonCompletion
from home.models import MemberProfile, Organisation
from tests.factories import PASSWORD, CoursePageFactory, LessonPageFactory, OrganisationFactory, UserFactory
from tests.mailbox import confirm_email

pytestmark = pytest.mark.django_db

SIGNUP = {
    "first_name": "Rustam",
    "last_name": "Aliev",
    "email": "rustam@example.org",
    "password1": "kuhhoi-pomir-2026",
    "password2": "kuhhoi-pomir-2026",
    "region": "khatlon",
    "preferred_language": "ru",
}
SINO = 'Public Organization "Sino"'


@pytest.fixture
def learner(db):
    return UserFactory(email="amina@example.org")


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


def test_signup_with_a_typed_organisation_creates_an_unverified_one(client):
    response = client.post("/en/accounts/signup/", {**SIGNUP, "new_organisation": "  Bokhtar   Youth Voices "})
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user__username="rustam@example.org")
    assert profile.organisation.name == "Bokhtar Youth Voices"
    assert profile.organisation.is_verified is False
    assert profile.preferred_language == "ru"
    assert response["Location"] == "/en/accounts/signup/check-email/"
    assert confirm_email(client, "rustam@example.org")["Location"] == "/ru/my-learning/"


def test_signup_typing_an_existing_name_reuses_that_organisation(client):
    OrganisationFactory(name=SINO)
    before = Organisation.objects.count()
    client.post("/en/accounts/signup/", {**SIGNUP, "new_organisation": 'public organization "sino"'})
    assert Organisation.objects.count() == before
    assert MemberProfile.objects.get(user__username="rustam@example.org").organisation.name == SINO


def test_signup_errors_keep_what_was_typed(client):
    response = client.post(
        "/tg/accounts/signup/", {**SIGNUP, "password2": "something-else-2026", "first_name": "<b>Rustam</b>"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="&lt;b&gt;Rustam&lt;/b&gt;"' in html
    assert "rustam@example.org" in html
    assert not get_user_model().objects.filter(username="rustam@example.org").exists()


def test_signup_errors_are_in_the_readers_language(client):
    response = client.post("/tg/accounts/signup/", {**SIGNUP, "password2": "something-else-2026"})
    assert response.status_code == 200
    assert "Рамзҳое, ки дар ду майдон навиштед, якхела нестанд." in response.content.decode()


def test_signup_with_a_taken_email_says_nothing_about_it(client):
    UserFactory(email="rustam@example.org")
    response = client.post("/tg/accounts/signup/", {**SIGNUP, "email": "Rustam@Example.org"})
    assert response["Location"] == "/tg/accounts/signup/check-email/"  # as for a new address (issue 16, item 8)
    assert "Ҳисоб бо ин почтаи электронӣ аллакай вуҷуд дорад." not in client.get(response["Location"]).content.decode()
    assert get_user_model().objects.filter(email__iexact="rustam@example.org").count() == 1


def test_signup_page_lists_the_organisation_directory(client):
    OrganisationFactory(name=SINO)
    OrganisationFactory(name="Typed in at sign-up", is_verified=False)
    html = client.get("/en/accounts/signup/").content.decode()
    assert "Public Organization &quot;Sino&quot;" in html
    assert "Typed in at sign-up" not in html  # only verified entries are offered
    assert 'name="new_organisation"' in html


def test_profile_edit(learner_client, learner):
    response = learner_client.get("/en/accounts/profile/")
    assert response.status_code == 200
    response = learner_client.post(
        "/en/accounts/profile/",
        {
            "first_name": "Amina",
            "last_name": "Saidova",
            "organisation": "",
            "new_organisation": "Nur",
            "region": "sughd",
            "preferred_language": "tg",
        },
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.last_name == "Saidova"
    assert learner.profile.region == "sughd"
    assert learner.profile.preferred_language == "tg"
    assert learner.profile.organisation.name == "Nur"


def test_delete_account_removes_the_learning_data(learner_client, learner):
    lesson = LessonPageFactory(parent=CoursePageFactory(), quiz=[])  # read and mark as done
    learner_client.post(f"/en/learn/course/{lesson.get_parent().pk}/enrol/")
    learner_client.post(f"/en/learn/lesson/{lesson.pk}/complete/")
    assert Enrolment.objects.filter(learner_id=learner.pk).exists()
    assert LessonCompletion.objects.filter(learner_id=learner.pk).exists()

    response = learner_client.post("/tg/accounts/delete/", {"password": "wrong"})
    assert "Ин рамзи шумо нест." in response.content.decode()
    assert get_user_model().objects.filter(pk=learner.pk).exists()
    response = learner_client.post("/en/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=learner.pk).exists()
    assert not Enrolment.objects.filter(learner_id=learner.pk).exists()
    assert not LessonCompletion.objects.filter(learner_id=learner.pk).exists()
    assert learner_client.get("/en/my-learning/").status_code == 302


def test_failed_logins_are_throttled_with_a_translated_message(client, learner):
    for _n in range(5):
        response = client.post("/tg/accounts/login/", {"username": learner.username, "password": "wrong"})
        assert response.status_code == 200
    response = client.post("/tg/accounts/login/", {"username": learner.username, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    html = response.content.decode()
    assert learner.username in html
    assert "Кӯшишҳои нокоми воридшавӣ аз ҳад зиёд шуданд." in html
    cache.clear()  # the window has passed
    response = client.post("/en/accounts/login/", {"username": learner.username, "password": PASSWORD})
    assert response.status_code == 302


def test_password_reset_sends_an_email(client, learner):
    response = client.post("/en/accounts/password-reset/", {"email": learner.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/en/accounts/password-reset/" in mail.outbox[0].body


def test_the_admin_login_is_throttled_too(client):
    """Brute force through Wagtail's own login form: refused after five failures, even with the password."""
    chief = UserFactory(email="chief@hamkori.local", is_superuser=True, is_staff=True)
    for _n in range(5):
        response = client.post("/admin/login/", {"username": chief.username, "password": "guess"})
        assert response.status_code == 200
    response = client.post("/admin/login/", {"username": chief.username, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_many_usernames_from_one_address_are_throttled(client, learner):
    for n in range(20):
        client.post("/en/accounts/login/", {"username": f"someone{n}@example.org", "password": "guess"})
    response = client.post("/en/accounts/login/", {"username": learner.username, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
