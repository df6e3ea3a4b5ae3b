"""A CSO member contributes, a moderator approves in the Wagtail admin, the member unlocks the library."""

import pytest

from library.models import ResourcePage
from library.pdf import text_to_pdf
from tests import factories
from tests.e2e.conftest import DESKTOP, PHONE, assert_accessible, delete_pages, screenshot

pytestmark = pytest.mark.e2e

# Demo logins (demo/content/accounts.toml): Fidokor has a submission waiting for review.
MEMBER = ("fidokor.member@hamkori.local", "hamkori-member")
MODERATOR = ("moderator@hamkori.local", "hamkori-moderator")
MEMBERS_ONLY = "/library/world-bank-consultations-khatlon-2026/"


def log_in(page, base, language, credentials):
    page.goto(f"{base}/{language}/accounts/login/")
    page.fill("#id_username", credentials[0])
    page.fill("#id_password", credentials[1])
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def fill_submission(page, title):
    page.fill("#id_title", title)
    page.fill("#id_summary", "How our volunteers run evening literacy classes for women in Bokhtar.")
    page.select_option("#id_resource_type", "training")
    page.check("input[name=material_languages][value=tg]")
    page.check("input[name=thematic_areas][value=women-youth]")
    page.fill("#id_year", "2025")
    page.check("input[name=access][value=members]")


@pytest.fixture
def newcomer(db, unique):
    """A member of a new organisation that has contributed nothing yet, and the title they will submit."""
    organisation = factories.OrganisationFactory(name=f'Public Organization "Savod {unique}"')
    person = factories.UserFactory(email=f"savod.{unique}@example.org", profile__organisation=organisation)
    title = f"Evening literacy classes {unique}"
    yield (person.username, factories.PASSWORD), title
    delete_pages(ResourcePage, title=title)


def test_member_submits_moderator_approves_member_downloads(site, new_page, foreign_requests, tmp_path, newcomer):
    member_login, title = newcomer
    base = site.url
    bad = tmp_path / "report.pdf"
    bad.write_bytes(b"<html><body><script>alert(1)</script></body></html>")
    good = tmp_path / "literacy-classes.pdf"
    good.write_bytes(text_to_pdf("Literacy classes", "Evening literacy classes for women, step by step."))

    member = new_page(DESKTOP)
    log_in(member, base, "en", member_login)

    # Before contributing: the description is there, the files are not.
    member.goto(base + "/en" + MEMBERS_ONLY)
    assert member.get_by_text("The files of this resource are for library members.").is_visible()
    assert member.locator("a[href^='/documents/']").count() == 0

    # A bad file first: a clear error, and nothing typed is lost.
    member.goto(base + "/en/library/submit/")
    fill_submission(member, title)
    member.set_input_files("#id_files", str(bad))
    member.get_by_role("button", name="Send for review").click()
    assert member.get_by_text("is not really the kind of file its name says").is_visible()
    assert member.input_value("#id_title") == title
    assert member.is_checked("input[name=thematic_areas][value=women-youth]")
    assert member.is_checked("input[name=access][value=members]")
    screenshot(member, "library-submit-error-en")
    assert_accessible(member)

    # The user re-selects only the file.
    member.set_input_files("#id_files", str(good))
    member.get_by_role("button", name="Send for review").click()
    assert member.url.endswith("/en/library/my-submissions/")
    assert member.get_by_text("Waiting for a moderator").first.is_visible()

    # The moderator approves it in the Wagtail admin.
    moderator = new_page(DESKTOP)
    moderator.goto(base + "/admin/login/")
    moderator.fill("#id_username", MODERATOR[0])
    moderator.fill("#id_password", MODERATOR[1])
    moderator.locator("form button[type=submit]").first.click()
    moderator.wait_for_load_state()
    screenshot(moderator, "library-admin-dashboard")
    moderator.get_by_role("link", name=title).first.click()
    moderator.wait_for_load_state()
    approve = moderator.get_by_role("button", name="Approve and Publish", exact=True).first
    if not approve.is_visible():  # the workflow actions sit in the footer's dropdown
        moderator.locator("footer [data-w-dropdown-target='toggle'], footer .w-dropdown__toggle").first.click()
    approve.wait_for(state="visible")
    moderator.wait_for_timeout(400)  # let the menu finish opening before the screenshot
    screenshot(moderator, "library-admin-review")
    approve.click()
    moderator.wait_for_load_state()
    assert "/edit/" not in moderator.url  # back in the page explorer, the page published
    screenshot(moderator, "library-admin-approved")

    # The member's organisation is unlocked: the status page says so and the file downloads.
    member.goto(base + "/en/library/my-submissions/")
    assert member.get_by_text("Approved").first.is_visible()
    assert member.get_by_text("You are a library member").is_visible()
    member.goto(base + "/en" + MEMBERS_ONLY)
    link = member.locator("a[href^='/documents/']").first
    with member.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert open(download.path(), "rb").read().startswith(b"%PDF-")

    # Neither the public pages nor the admin ask any other host (no Gravatar avatars).
    assert foreign_requests == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("language", ["en", "tg"])
def test_library_pages_look_right(site, new_page, foreign_requests, viewport, language, tmp_path):
    base = site.url
    page = new_page(viewport)
    page.goto(f"{base}/{language}/library/?area=capacity-building")
    assert page.locator("html").get_attribute("lang") == language
    screenshot(page, f"library-list-{language}")
    assert_accessible(page)

    page.goto(f"{base}/{language}{MEMBERS_ONLY}")
    screenshot(page, f"library-resource-{language}")
    assert_accessible(page)

    log_in(page, base, language, MEMBER)
    page.goto(f"{base}/{language}/library/submit/")
    bad = tmp_path / "setup.pdf"
    bad.write_bytes(b"MZ" + b"\x00" * 64)
    page.fill("#id_title", "Literacy" if language == "en" else "Саводнокӣ")
    page.set_input_files("#id_files", str(bad))
    page.locator("form.submit-form button[type=submit]").click()
    screenshot(page, f"library-submit-error-{language}")
    assert_accessible(page)

    page.goto(f"{base}/{language}/library/my-submissions/")
    screenshot(page, f"library-status-{language}")
    assert_accessible(page)

    # Nothing wider than the screen.
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert not overflow
    assert foreign_requests == []


def moderator_acts(page, base, title, action, comment=""):
    """The moderator opens the contribution in the Wagtail admin and takes a workflow action on it."""
    page.goto(base + "/admin/")
    page.get_by_role("link", name=title).first.click()
    page.wait_for_load_state()
    button = page.get_by_role("button", name=action, exact=True).first
    if not button.is_visible():  # the workflow actions sit in the footer's dropdown
        page.locator("footer [data-w-dropdown-target='toggle'], footer .w-dropdown__toggle").first.click()
    button.wait_for(state="visible")
    button.click()
    if comment:  # the action asks for the comment in a dialog
        dialog = page.locator("form[action*='/collect_action_data/']")
        dialog.locator("textarea[name=comment]").fill(comment)
        dialog.locator("button[type=submit]").click()
    page.wait_for_load_state()
    page.wait_for_url(lambda url: "/edit/" not in url)


def test_tajik_member_corrects_a_submission_and_it_reaches_every_library(
    site, new_page, foreign_requests, tmp_path, newcomer
):
    member_login, _title = newcomer
    title = f"Дарсҳои саводнокӣ {_title.rsplit(' ', 1)[-1]}"
    base = site.url
    scan = tmp_path / "sahifa-1.jpg"
    from PIL import Image

    Image.new("RGB", (600, 800), "white").save(scan, "JPEG")

    member = new_page(PHONE, locale="tg-TJ")
    log_in(member, base, "tg", member_login)
    member.goto(base + "/tg/library/submit/")
    assert member.get_by_text("Танҳо коғаз доред?").is_visible()
    fill_submission(member, title)
    member.check("input[name=access][value=public]")
    member.set_input_files("#id_files", str(scan))
    member.locator("form.submit-form button[type=submit]").click()
    assert member.url.endswith("/tg/library/my-submissions/")

    moderator = new_page(DESKTOP)
    moderator.goto(base + "/admin/login/")
    moderator.fill("#id_username", MODERATOR[0])
    moderator.fill("#id_password", MODERATOR[1])
    moderator.locator("form button[type=submit]").first.click()
    moderator.wait_for_load_state()
    moderator_acts(moderator, base, title, "Request changes", "Лутфан соли нашрро санҷед.")

    member.goto(base + "/tg/library/my-submissions/")
    assert member.get_by_text("Тағйирот лозим аст").first.is_visible()
    assert member.get_by_text("Лутфан соли нашрро санҷед.").is_visible()
    member.get_by_role("link", name="Ислоҳ кардан ва боз фиристодан").click()
    assert member.input_value("#id_title") == title
    screenshot(member, "library-correct-tg")
    assert_accessible(member)
    member.fill("#id_year", "2024")
    member.locator("form.submit-form button[type=submit]").click()
    assert member.url.endswith("/tg/library/my-submissions/")
    assert member.get_by_text("Дар интизори модератор").first.is_visible()

    moderator_acts(moderator, base, title, "Approve and Publish")

    for language in ("tg", "ru", "en"):
        member.goto(f"{base}/{language}/library/")
        member.get_by_role("link", name=title).click()
        assert member.locator("h1").inner_text() == title
        assert member.locator("dd", has_text="2024").is_visible()
        screenshot(member, f"library-contribution-{language}")
    assert foreign_requests == []
