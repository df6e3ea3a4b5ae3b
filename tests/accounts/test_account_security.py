"""Issue 16, item 8 (accounts): no account enumeration through sign-up, a throttled password reset, email
addresses confirmed by a signed link, and duplicate sign-ups at the same moment answered cleanly."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client

from home.models import Affiliation, MemberProfile, Organisation
from tests.factories import PASSWORD, OrganisationFactory, UserFactory
from tests.mailbox import confirmation_link

pytestmark = pytest.mark.django_db

SIGNUP = {
    "first_name": "Rustam",
    "last_name": "Aliev",
    "password1": "kuhhoi-pomir-2026",
    "password2": "kuhhoi-pomir-2026",
    "region": "khatlon",
    "preferred_language": "en",
}


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


def logged_in(client):
    return "_auth_user_id" in client.session


def test_signup_never_says_whether_an_email_is_taken(client):
    owner = UserFactory(email="amina@example.org")
    taken = Client().post("/en/accounts/signup/", {**SIGNUP, "email": "Amina@Example.org"})
    new = Client().post("/en/accounts/signup/", {**SIGNUP, "email": "rustam@example.org"})
    assert (taken.status_code, taken["Location"]) == (new.status_code, new["Location"])
    assert taken.status_code == 302
    first, second = Client(), Client()
    assert first.get(taken["Location"]).content == second.get(new["Location"]).content
    assert get_user_model().objects.filter(username__iexact="amina@example.org").count() == 1
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)  # nothing about the existing account changed
    # The owner hears about it by email (not the person at the keyboard); the newcomer gets their link.
    to_owner = [m for m in mail.outbox if m.to == ["amina@example.org"]]
    assert len(to_owner) == 1 and "already" in to_owner[0].body and confirmation_link(to_owner[0]) is None
    to_new = [m for m in mail.outbox if m.to == ["rustam@example.org"]]
    assert len(to_new) == 1 and confirmation_link(to_new[0])


def test_the_page_after_signup_is_in_the_readers_language(client):
    response = client.post("/tg/accounts/signup/", {**SIGNUP, "email": "rustam@example.org"}, follow=True)
    assert "мактуб" in response.content.decode()
    response = Client().post("/ru/accounts/signup/", {**SIGNUP, "email": "lola@example.org"}, follow=True)
    assert "письм" in response.content.decode()


def test_a_new_account_opens_with_the_link_in_its_email(client):
    client.post("/en/accounts/signup/", {**SIGNUP, "email": "rustam@example.org"})
    assert not logged_in(client)
    # Before the link, the password does not open the account (the same answer as a wrong password).
    refused = client.post("/en/accounts/login/", {"username": "rustam@example.org", "password": SIGNUP["password1"]})
    assert refused.status_code == 200 and not logged_in(client)
    link = confirmation_link(mail.outbox[-1])
    page = client.get(link)
    assert page.status_code == 200 and not logged_in(client)  # a GET (a mail scanner) changes nothing
    response = client.post(link)
    assert response.status_code == 302
    assert logged_in(client)
    profile = MemberProfile.objects.get(user__username="rustam@example.org")
    assert profile.email_confirmed_at is not None
    # The link works once.
    again = Client().post(link)
    assert again.status_code == 400 and not logged_in(Client())


def test_a_forged_or_altered_link_opens_nothing(client):
    client.post("/en/accounts/signup/", {**SIGNUP, "email": "rustam@example.org"})
    link = confirmation_link(mail.outbox[-1])
    forged = link.rstrip("/")[:-3] + "abc/"
    assert client.post(forged).status_code == 400
    other = UserFactory(email="victim@example.org")
    uid = link.split("/confirm-email/")[1].split("/")[0]
    assert client.post(link.replace(uid, "MTIzNDU2")).status_code == 400
    assert not logged_in(client)
    assert not get_user_model().objects.get(username="rustam@example.org").is_active
    assert MemberProfile.objects.get(user=other).email_confirmed_at is None


def test_sending_the_link_again_is_throttled_and_says_nothing_about_the_address(client):
    client.post("/en/accounts/signup/", {**SIGNUP, "email": "rustam@example.org"})
    mail.outbox.clear()
    cache.clear()  # the first email was long ago
    answers = set()
    for _n in range(6):
        for email in ("rustam@example.org", "nobody@example.org"):
            response = client.post("/en/accounts/confirm-email/again/", {"email": email})
            answers.add((response.status_code, response.get("Location")))
    assert len(answers) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["rustam@example.org"] and confirmation_link(mail.outbox[0])


def test_existing_members_confirm_their_email_from_the_profile(client):
    member = UserFactory(email="amina@example.org")  # an account from before confirmation existed
    client.force_login(member)
    html = client.get("/en/accounts/profile/").content.decode()
    assert "not confirmed" in html
    for _n in range(5):
        client.post("/en/accounts/confirm-email/send/")
    assert len(mail.outbox) == 1  # throttled
    assert client.post(confirmation_link(mail.outbox[0])).status_code == 302
    assert MemberProfile.objects.get(user=member).email_confirmed_at is not None
    assert "not confirmed" not in client.get("/en/accounts/profile/").content.decode()


def test_a_verified_email_domain_confirms_the_link_once_the_email_is_confirmed(client):
    sino = OrganisationFactory(name='Public Organization "Sino"', email_domain="sino.tj")
    client.post("/en/accounts/signup/", {**SIGNUP, "email": "rustam@sino.tj", "organisation": sino.pk})
    user = get_user_model().objects.get(username="rustam@sino.tj")
    assert Affiliation.objects.get(user=user).status == Affiliation.Status.PENDING  # not before the link
    client.post(confirmation_link(mail.outbox[-1]))
    link = Affiliation.objects.get(user=user)
    assert (link.status, link.method) == (Affiliation.Status.CONFIRMED, Affiliation.Method.EMAIL_DOMAIN)

    # Another domain, or an unconfirmed address, is not enough.
    stranger = Client()
    stranger.post("/en/accounts/signup/", {**SIGNUP, "email": "sino.tj@gmail.com", "organisation": sino.pk})
    stranger.post(confirmation_link(mail.outbox[-1]))
    assert Affiliation.objects.get(user__username="sino.tj@gmail.com").status == Affiliation.Status.PENDING
    legacy = UserFactory(email="old@sino.tj")
    browser = Client()
    browser.force_login(legacy)
    browser.post(
        "/en/accounts/profile/",
        {"first_name": "A", "last_name": "B", "organisation": sino.pk, "region": "", "preferred_language": "en"},
    )
    assert Affiliation.objects.get(user=legacy).status == Affiliation.Status.PENDING


def test_a_public_mail_service_cannot_be_an_organisations_domain(db):
    organisation = Organisation(name="Anyone", email_domain="Gmail.com")
    with pytest.raises(ValidationError):
        organisation.full_clean()
    organisation.email_domain = "@Sino.TJ"
    organisation.full_clean()
    assert organisation.email_domain == "sino.tj"


def test_password_reset_is_throttled_per_address_and_per_email(client, settings):
    UserFactory(email="amina@example.org")
    for _n in range(6):
        response = client.post("/en/accounts/password-reset/", {"email": "amina@example.org"})
        assert response.status_code == 302  # the same answer every time: nothing to learn
    assert len(mail.outbox) <= 3
    # One address asking for many accounts is slowed down, with a message in the reader's language.
    statuses = [
        Client(REMOTE_ADDR="203.0.113.9").post("/ru/accounts/password-reset/", {"email": f"p{n}@example.org"})
        for n in range(25)
    ]
    assert statuses[0].status_code == 302
    assert statuses[-1].status_code == 429
    assert "Слишком много" in statuses[-1].content.decode()


def test_two_signups_for_one_email_at_the_same_moment_give_one_account_and_no_error(client, monkeypatch):
    """The second request passed the "does it exist" check before the first saved: the database refuses it."""
    from accounts import forms

    UserFactory(email="rustam@example.org", is_active=False)
    monkeypatch.setattr(forms, "existing_account", lambda email: None)  # as if the other request had not saved yet
    response = client.post("/en/accounts/signup/", {**SIGNUP, "email": "Rustam@example.org"})
    assert response.status_code == 302
    assert get_user_model().objects.filter(username__iexact="rustam@example.org").count() == 1


def test_the_database_refuses_a_second_account_for_an_email_in_another_case(db):
    UserFactory(email="rustam@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        get_user_model().objects.create(username="Rustam@Example.org", email="Rustam@Example.org")


def test_many_signups_for_one_email_at_once_never_give_a_server_error():
    """Real threads, each with a database connection of its own (committing), send the same sign-up at once.

    On PostgreSQL the requests truly overlap; SQLite serialises the writes. What they commit is removed again
    the same way (a transactional test would empty setup_site's work for every later test)."""
    from tests.courses.test_concurrency import committed, run_together

    email = "same.moment@example.org"

    def sign_up():
        return Client(raise_request_exception=False).post("/en/accounts/signup/", {**SIGNUP, "email": email})

    try:
        statuses = [response.status_code for response in run_together(6, sign_up)]
        counts = committed(
            lambda: (
                get_user_model().objects.filter(username__iexact=email).count(),
                MemberProfile.objects.filter(user__username=email).count(),
            )
        )
    finally:
        committed(lambda: get_user_model().objects.filter(username__iexact=email).delete())
    assert statuses == [302] * 6
    assert counts == (1, 1)


def test_choosing_a_new_password_from_the_emailed_link_confirms_the_address(client):
    member = UserFactory(email="amina@example.org")  # from before confirmation existed
    client.post("/en/accounts/password-reset/", {"email": "amina@example.org"})
    link = re.search(r"https?://[^/\s]+(/\S+/password-reset/\S+/\S+/)", mail.outbox[-1].body).group(1)
    form_url = client.get(link)["Location"]  # Django moves the token into the session
    new = "a new long pass phrase 2026"
    assert client.post(form_url, {"new_password1": new, "new_password2": new}).status_code == 302
    assert MemberProfile.objects.get(user=member).email_confirmed_at is not None
