"""Signing in by email in any case, and sign-up and sign-in wholly in Tajik (issue 10, points 3 and 9)."""

import re

import pytest

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LATIN_WORD = re.compile(r"\b[A-Za-z]{3,}\b")


def errors_of(html):
    return " ".join(re.findall(r'<div class="field__errors" role="alert">(.*?)</div>', html, re.S))


def visible_text(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.fixture
def learner(db):
    return UserFactory(email="learner1@example.org")


def test_email_in_capitals_signs_in(client, learner):
    response = client.post("/ru/accounts/login/", {"username": "Learner1@Example.ORG", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(learner.pk)


def test_an_older_account_stored_in_capitals_signs_in_in_lower_case(client):
    person = UserFactory(email="Zarina@Example.org")
    response = client.post("/tg/accounts/login/", {"username": " zarina@example.org ", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)


@pytest.mark.parametrize(
    ("language", "label"), [("tg", "Почтаи электронӣ"), ("ru", "Электронная почта"), ("en", "Email")]
)
def test_the_login_field_asks_for_the_email(client, language, label):
    html = client.get(f"/{language}/accounts/login/").content.decode()
    assert f'<label for="id_username">{label}' in html
    assert 'type="email"' in html and 'autocomplete="email"' in html


def test_a_wrong_password_in_tajik_says_so_in_tajik(client, learner):
    response = client.post("/tg/accounts/login/", {"username": "learner1@example.org", "password": "wrong"})
    html = response.content.decode()
    assert "Почтаи электронӣ ё рамз нодуруст аст." in html
    assert "case-sensitive" not in html


def test_tajik_sign_up_explains_the_password_rules_in_tajik(client):
    html = visible_text(client.get("/tg/accounts/signup/").content.decode())
    assert "Рамзи шумо набояд танҳо аз рақамҳо иборат бошад." in html
    assert "Рамзи шумо бояд ақаллан 8 аломат дошта бошад." in html
    assert "Your password" not in html


@pytest.mark.parametrize(
    ("password1", "password2", "expected"),
    [
        ("kuhhoi-pomir-2026", "kuhhoi-pomir-2027", "Рамзҳое, ки дар ду майдон навиштед, якхела нестанд."),
        ("12345", "12345", "Ин рамз хеле кӯтоҳ аст."),
    ],
)
def test_tajik_sign_up_errors_are_tajik(client, password1, password2, expected):
    data = {
        "first_name": "Рустам",
        "last_name": "Алиев",
        "email": "rustam@example.org",
        "password1": password1,
        "password2": password2,
        "preferred_language": "tg",
    }
    response = client.post("/tg/accounts/signup/", data)
    errors = visible_text(errors_of(response.content.decode()))
    assert expected in errors
    assert not LATIN_WORD.search(errors), errors
