"""Issue 16, item 8 (review): someone who signs up first with another person's address must not keep a way into
the account that person later opens with the emailed link."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client

from home.models import Affiliation, MemberProfile
from tests.factories import OrganisationFactory, UserFactory
from tests.mailbox import last_confirmation_link

pytestmark = pytest.mark.django_db

VICTIM = "zarina@example.org"
SIGNUP = {"region": "khatlon", "preferred_language": "en", "email": VICTIM}


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


def signed_in_as(client):
    return client.session.get("_auth_user_id")


def sign_up(first_name, password, **extra):
    cache.clear()  # each sign-up is hours after the other (the mail limits are tested elsewhere)
    Client().post(
        "/en/accounts/signup/",
        {**SIGNUP, "first_name": first_name, "last_name": "X", "password1": password, "password2": password, **extra},
    )


def test_an_earlier_signup_with_your_address_keeps_no_way_into_your_account(client):
    claimed = OrganisationFactory(name="Attacker's pick")
    sign_up("Mallory", "mallory-knows-2026", organisation=claimed.pk)
    assert Affiliation.objects.filter(user__username=VICTIM, organisation=claimed).exists()
    sign_up("Zarina", "zarina-own-2026", preferred_language="tg")
    account = get_user_model().objects.get(username=VICTIM)
    link = last_confirmation_link(VICTIM)
    assert link.startswith("/tg/")  # the email and the page in the language of the sign-up that sent it

    # The link asks the person who opens it to choose the password, and shows the name to keep or change.
    page = client.get(link).content.decode()
    assert 'name="new_password1"' in page and 'value="Zarina"' in page
    # Pressing the button without a password confirms nothing.
    assert client.post(link).status_code == 200
    assert not signed_in_as(client) and not MemberProfile.objects.get(user=account).email_confirmed_at

    response = client.post(
        link,
        {
            "first_name": "Zarina",
            "last_name": "Nazarova",
            "new_password1": "my-new-2026-pass",
            "new_password2": "my-new-2026-pass",
        },
    )
    assert response.status_code == 302 and signed_in_as(client) == str(account.pk)
    account.refresh_from_db()
    assert account.is_active and account.get_full_name() == "Zarina Nazarova"
    # The earlier sign-up's password, organisation claim and name are gone; the chosen password works.
    assert not account.check_password("mallory-knows-2026") and account.check_password("my-new-2026-pass")
    assert MemberProfile.objects.get(user=account).organisation is None
    assert not Affiliation.objects.filter(user=account).exists()
    mallory = Client()
    mallory.post("/en/accounts/login/", {"username": VICTIM, "password": "mallory-knows-2026"})
    assert not signed_in_as(mallory)
    zarina = Client()
    zarina.post("/en/accounts/login/", {"username": VICTIM, "password": "my-new-2026-pass"})
    assert signed_in_as(zarina) == str(account.pk)


def test_one_signup_then_the_link_still_opens_with_one_button(client):
    sign_up("Zarina", "zarina-own-2026")
    page = client.get(last_confirmation_link(VICTIM)).content.decode()
    assert "new_password1" not in page
    assert client.post(last_confirmation_link(VICTIM)).status_code == 302


def test_a_link_opened_while_signed_in_as_someone_else_asks_before_switching(client):
    sign_up("Zarina", "zarina-own-2026")
    colleague = UserFactory(email="office@example.org")
    client.force_login(colleague)
    link = last_confirmation_link(VICTIM)
    for language, words in (("tg", "баромада"), ("ru", "выйдет")):
        html = client.get(link.replace("/en/", f"/{language}/", 1)).content.decode()
        assert "office@example.org" in html and words in html
    # The first button press only asks; nothing changes until the person says to switch.
    assert client.post(link).status_code == 200
    assert signed_in_as(client) == str(colleague.pk)
    assert not get_user_model().objects.get(username=VICTIM).is_active
    assert client.post(link, {"switch": "1"}).status_code == 302
    assert signed_in_as(client) == str(get_user_model().objects.get(username=VICTIM).pk)
