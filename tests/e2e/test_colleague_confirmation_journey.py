"""Earned membership in a browser (issue 16, item 1): a newcomer who names a contributing organisation waits;
a confirmed colleague confirms them from their profile; only then do the members' files open."""

import pytest

from home.models import Organisation
from tests.e2e.conftest import DESKTOP, PHONE, assert_accessible, screenshot
from tests.e2e.test_library_journey import MEMBERS_ONLY, log_in
from tests.mailbox import last_confirmation_link

pytestmark = pytest.mark.e2e

# Demo login (demo/content/accounts.toml): a confirmed member of Sino, which has an approved contribution.
SINO_MEMBER = ("sino.member@hamkori.local", "hamkori-member")
SINO = 'Public Organization "Sino"'


def test_a_colleague_confirms_a_newcomer_who_then_opens_the_members_files(site, new_page, foreign_requests, unique):
    base = site.url
    email = f"parvina.{unique}@example.org"

    # A newcomer signs up on a phone in Tajik, naming Sino, and opens the link in her email.
    newcomer = new_page(PHONE, locale="tg-TJ")
    newcomer.goto(base + "/tg/accounts/signup/")
    newcomer.fill("#id_first_name", "Парвина")
    newcomer.fill("#id_last_name", "Каримова")
    newcomer.fill("#id_email", email)
    newcomer.fill("#id_password1", "bahor-dar-khujand-26")
    newcomer.fill("#id_password2", "bahor-dar-khujand-26")
    newcomer.select_option("#id_organisation", str(Organisation.objects.get(name=SINO).pk))  # shown in Tajik
    newcomer.select_option("#id_preferred_language", "tg")
    newcomer.locator("main form button[type=submit]").click()
    assert newcomer.url.endswith("/tg/accounts/signup/check-email/")
    screenshot(newcomer, "membership-check-email-tg")
    assert_accessible(newcomer)
    newcomer.goto(base + last_confirmation_link(email))
    screenshot(newcomer, "membership-confirm-email-tg")
    newcomer.locator("main form button[type=submit]").click()
    assert newcomer.url.endswith("/tg/my-learning/")

    # Naming Sino opened nothing: the files stay closed and the submit page says why, in Tajik.
    newcomer.goto(base + "/tg" + MEMBERS_ONLY)
    assert newcomer.locator("a[href^='/documents/']").count() == 0
    newcomer.goto(base + "/tg/library/submit/")
    assert newcomer.get_by_text("интизори тасдиқ").first.is_visible()
    screenshot(newcomer, "membership-pending-submit-tg")
    assert_accessible(newcomer)
    newcomer.goto(base + "/tg/accounts/profile/")
    screenshot(newcomer, "membership-pending-profile-tg")

    # A confirmed colleague sees her in their profile (in Russian, on a computer) and confirms her.
    colleague = new_page(DESKTOP, locale="ru-RU")
    log_in(colleague, base, "ru", SINO_MEMBER)
    colleague.goto(base + "/ru/accounts/profile/")
    waiting = colleague.locator("section.colleagues li", has_text=email)
    assert waiting.is_visible()
    screenshot(colleague, "membership-colleagues-ru")
    assert_accessible(colleague)
    waiting.get_by_role("button", name="Подтвердить").click()
    assert colleague.get_by_text("подтверждён(а) как участник").is_visible()
    assert colleague.locator("section.colleagues li", has_text=email).count() == 0

    # On her next request, the members' files are open.
    newcomer.goto(base + "/tg" + MEMBERS_ONLY)
    assert newcomer.locator("a[href^='/documents/']").count() >= 1
    newcomer.goto(base + "/tg/accounts/profile/")
    screenshot(newcomer, "membership-confirmed-profile-tg")
