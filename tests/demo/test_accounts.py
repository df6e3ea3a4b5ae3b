"""The demo logins (content/accounts.toml): each signs in with its password and has its role."""

import pytest
from django.contrib.auth import get_user_model

from library.access import MEMBERS_GROUP, MODERATORS_GROUP
from library.models import ResourcePage

pytestmark = pytest.mark.django_db

MEMBERS_ONLY = "/en/library/world-bank-consultations-khatlon-2026/"


def test_every_demo_login_signs_in_with_its_password(client, content):
    for account in content("accounts")["accounts"]:
        assert client.login(username=account["username"], password=account["password"]), account["username"]
        client.logout()


def test_each_demo_login_has_its_role():
    User = get_user_model()
    editor = User.objects.get(username="editor")
    assert editor.is_superuser and editor.is_staff
    moderator = User.objects.get(username="moderator@hamkori.local")
    assert moderator.groups.filter(name=MODERATORS_GROUP).exists() and not moderator.is_superuser
    # Sino has an approved contribution, so its member is a library member; Fidokor's is still waiting.
    assert User.objects.get(username="sino.member@hamkori.local").groups.filter(name=MEMBERS_GROUP).exists()
    assert not User.objects.get(username="fidokor.member@hamkori.local").groups.filter(name=MEMBERS_GROUP).exists()
    learner = User.objects.get(username="learner1@hamkori.local")
    assert learner.profile.preferred_language == "tg"
    assert learner.profile.organisation.name == 'Public Organization "Sino"'


def test_only_the_library_member_is_offered_the_members_only_file(client):
    page = ResourcePage.objects.get(slug="world-bank-consultations-khatlon-2026", locale__language_code="en")
    document = page.files.get().document
    assert document.url not in client.get(MEMBERS_ONLY).content.decode()
    client.login(username="fidokor.member@hamkori.local", password="hamkori-member")
    assert document.url not in client.get(MEMBERS_ONLY).content.decode()
    client.login(username="sino.member@hamkori.local", password="hamkori-member")
    assert document.url in client.get(MEMBERS_ONLY).content.decode()


def test_signup_offers_the_demo_directory(client):
    html = client.get("/en/accounts/signup/").content.decode()
    assert "Public Organization &quot;Sino&quot;" in html
