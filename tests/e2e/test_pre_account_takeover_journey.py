"""Issue 16, item 8 (review): someone signs up first with another person's address; when its owner signs up and
opens the emailed link on her phone, she chooses the password there, and the earlier password opens nothing.
A link opened while signed in as someone else asks before switching accounts."""

import pytest
from django.core.cache import cache
from django.test import Client

from tests.e2e.conftest import DESKTOP, PHONE, assert_accessible, screenshot
from tests.e2e.test_library_journey import log_in
from tests.mailbox import last_confirmation_link

pytestmark = pytest.mark.e2e

SINO_MEMBER = ("sino.member@hamkori.local", "hamkori-member")


def sign_up(page, base, language, email, first_name, password):
    page.goto(f"{base}/{language}/accounts/signup/")
    page.fill("#id_first_name", first_name)
    page.fill("#id_last_name", "Назарова")
    page.fill("#id_email", email)
    page.fill("#id_password1", password)
    page.fill("#id_password2", password)
    page.select_option("#id_preferred_language", language)
    page.locator("main form button[type=submit]").click()
    assert page.url.endswith(f"/{language}/accounts/signup/check-email/")


def test_the_owner_of_an_address_chooses_the_password_and_the_earlier_one_opens_nothing(site, new_page, unique):
    base = site.url
    email = f"zarina.{unique}@example.org"
    sign_up(new_page(DESKTOP), base, "en", email, "Mallory", "mallory-knows-2026")
    cache.clear()  # hours later: the mail limits of accounts/limits.py let the next email go
    zarina = new_page(PHONE, locale="tg-TJ")
    sign_up(zarina, base, "tg", email, "Зарина", "zarina-own-2026")

    zarina.goto(base + last_confirmation_link(email))
    assert zarina.locator("#id_new_password1").is_visible()
    assert zarina.input_value("#id_first_name") == "Зарина"
    screenshot(zarina, "takeover-choose-password-tg")
    assert_accessible(zarina)
    zarina.fill("#id_new_password1", "bahor-dar-khujand-26")
    zarina.fill("#id_new_password2", "bahor-dar-khujand-26")
    zarina.locator("main form button[type=submit]").click()
    assert zarina.url.endswith("/tg/my-learning/")

    # Neither password typed at sign-up opens the account; the one chosen from the link does.
    for password in ("mallory-knows-2026", "zarina-own-2026"):
        assert not Client().login(username=email, password=password)
    assert Client().login(username=email, password="bahor-dar-khujand-26")


def test_a_link_opened_while_signed_in_as_a_colleague_asks_before_switching(site, new_page, unique):
    base = site.url
    email = f"farida.{unique}@example.org"
    sign_up(new_page(PHONE), base, "ru", email, "Фарида", "farida-own-2026")
    office = new_page(DESKTOP, locale="ru-RU")
    log_in(office, base, "ru", SINO_MEMBER)
    office.goto(base + last_confirmation_link(email).replace("/en/", "/ru/", 1))
    assert office.get_by_text(SINO_MEMBER[0]).is_visible()
    screenshot(office, "takeover-switch-account-ru")
    assert_accessible(office)
    office.get_by_role("button", name="Сменить аккаунт и продолжить").click()
    assert office.url.endswith("/ru/my-learning/")
