"""The reader's language is remembered and used (`/`, sign-in, emails); sign-up and sign-in return to
the page that asked for them, with a welcome.

On main, `/` always followed the browser after a reader had read the site in Tajik, a member who works
in Tajik got English emails, and signing up from a course page landed on My learning.
"""

import pytest
from django.core import mail

from tests.factories import PASSWORD, CoursePageFactory, UserFactory, translate
from tests.mailbox import confirm_email

from .test_accounts import SIGNUP

pytestmark = pytest.mark.django_db

RUSSIAN_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "ru"}


def test_the_bare_domain_follows_the_language_the_reader_read_in_not_the_browser(client):
    assert client.get("/", **RUSSIAN_BROWSER)["Location"] == "/ru/"
    response = client.get("/tg/")
    assert response.status_code == 200
    assert response.cookies["django_language"].value == "tg"
    assert client.get("/", **RUSSIAN_BROWSER)["Location"] == "/tg/"
    assert client.get("/?utm_source=sms", **RUSSIAN_BROWSER)["Location"] == "/tg/?utm_source=sms"


def test_a_page_served_from_the_page_cache_remembers_its_language_too(client):
    client.get("/tg/")  # now cached for every anonymous reader
    client.cookies.clear()
    client.get("/ru/")
    response = client.get("/tg/")
    assert response["X-Page-Cache"] == "hit"
    assert response.cookies["django_language"].value == "tg"
    assert "private" in response["Cache-Control"]
    assert client.get("/")["Location"] == "/tg/"


def test_a_signed_in_member_without_the_cookie_gets_their_profile_language(client):
    member = UserFactory(profile__preferred_language="tg")
    client.force_login(member)
    assert client.get("/", **RUSSIAN_BROWSER)["Location"] == "/tg/"


def test_signing_in_without_next_goes_home_in_the_members_language_with_a_welcome(client):
    member = UserFactory(email="nodira@example.org", first_name="Нодира", profile__preferred_language="tg")
    response = client.post("/ru/accounts/login/", {"username": member.email, "password": PASSWORD})
    assert response["Location"] == "/tg/"
    assert response.cookies["django_language"].value == "tg"
    assert "Хуш омадед, Нодира." in client.get("/tg/").content.decode()


def test_signing_in_from_a_russian_course_page_returns_there_with_a_russian_welcome(client):
    member = UserFactory(email="oleg@example.org", first_name="Олег", profile__preferred_language="tg")
    course = translate(CoursePageFactory(title="Budgets", slug="budgets"), "ru", title="Бюджеты")
    login_page = client.get(course.url).content.decode()
    assert f'href="/ru/accounts/login/?next={course.url}"' in login_page
    response = client.post("/ru/accounts/login/", {"username": member.email, "password": PASSWORD, "next": course.url})
    assert response["Location"] == course.url
    assert "С возвращением, Олег." in client.get(course.url).content.decode()


def test_signing_up_from_a_russian_course_page_returns_there_with_a_welcome(client):
    course = translate(CoursePageFactory(title="Budgets", slug="budgets"), "ru", title="Бюджеты")
    html = client.get(course.url).content.decode()
    signup_url = f"/ru/accounts/signup/?next={course.url}"
    assert f'href="{signup_url}"' in html
    assert f'name="next" value="{course.url}"' in client.get(signup_url).content.decode()

    response = client.post("/ru/accounts/signup/", {**SIGNUP, "next": course.url})
    assert response["Location"] == "/ru/accounts/signup/check-email/"
    response = confirm_email(client, SIGNUP["email"])  # the link in the email carries the way back
    assert response["Location"] == course.url
    assert response.cookies["django_language"].value == "ru"
    html = client.get(course.url).content.decode()
    assert "Добро пожаловать в Хамкори, Rustam!" in html
    assert "Записаться на курс" in html  # now signed in, the course offers enrolment


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "/\\evil.example/"])
def test_sign_up_and_sign_in_never_send_the_reader_to_another_site(client, next_url):
    client.post("/ru/accounts/signup/", {**SIGNUP, "next": next_url})
    assert confirm_email(client, SIGNUP["email"])["Location"] == "/ru/my-learning/"
    client.logout()
    response = client.post(
        "/ru/accounts/login/", {"username": SIGNUP["email"], "password": SIGNUP["password1"], "next": next_url}
    )
    assert response["Location"] == "/ru/"


def test_password_reset_email_is_in_the_members_language_whatever_page_asked_for_it(client):
    member = UserFactory(email="farrukh@example.org", profile__preferred_language="tg")
    client.post("/en/accounts/password-reset/", {"email": member.email})
    (email,) = mail.outbox
    assert "/tg/accounts/password-reset/" in email.body
    assert "Someone asked" not in email.body
    assert "Ҳамкорӣ" in email.subject + email.body


def test_saving_the_profile_in_tajik_switches_the_site_to_tajik(client):
    member = UserFactory(profile__preferred_language="ru")
    client.force_login(member)
    response = client.post(
        "/ru/accounts/profile/",
        {"first_name": "Amina", "last_name": "Karimova", "region": "", "preferred_language": "tg"},
    )
    assert response["Location"] == "/tg/accounts/profile/"
    assert response.cookies["django_language"].value == "tg"
    assert client.get("/", **RUSSIAN_BROWSER)["Location"] == "/tg/"
