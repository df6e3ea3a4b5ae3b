"""An editor translates a new page into Tajik in wagtail-localize's editor; a Tajik reader finds it."""

import pytest
from django.contrib.auth import get_user_model

from home.models import HomePage, StandardPage
from tests.e2e.conftest import DESKTOP, PHONE, assert_accessible, delete_pages, screenshot

pytestmark = pytest.mark.e2e


@pytest.fixture
def help_slug(db, unique):
    slug = f"help-{unique}"
    yield slug
    delete_pages(StandardPage, slug=slug)


def test_editor_translates_a_page_into_tajik_with_wagtail_localize_and_publishes_it(site, new_page, help_slug):
    translator = get_user_model().objects.create_superuser(
        f"translator-{help_slug}", f"{help_slug}@hamkori.local", "translator-pass-123"
    )
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    help_page = StandardPage(title="How to use Hamkori", slug=help_slug, intro="Short answers to common questions.")
    home.add_child(instance=help_page)
    help_page.save_revision().publish()

    admin = new_page(DESKTOP)
    admin.goto(site.url + "/admin/login/")
    admin.fill("#id_username", translator.username)
    admin.fill("#id_password", "translator-pass-123")
    admin.click("button[type=submit]")

    # "Translate this page" from the page's actions menu leads here: choose Tajik and submit.
    admin.goto(f"{site.url}/admin/localize/submit/page/{help_page.pk}/")
    admin.get_by_label("Тоҷикӣ").check()
    admin.get_by_role("button", name="Submit").click()
    admin.get_by_text("English to Тоҷикӣ translation").first.wait_for()

    for text in ("Чӣ тавр аз Ҳамкорӣ истифода бурдан", "Ҷавобҳои кӯтоҳ ба саволҳои маъмул."):
        admin.get_by_role("button", name="Translate").first.click()
        admin.locator("textarea").first.fill(text)
        admin.get_by_role("button", name="Save").first.click()
        admin.get_by_text(text).first.wait_for()
    screenshot(admin, "editor-translation-localize")
    admin.get_by_role("button", name="Publish in Тоҷикӣ").click()
    admin.get_by_text("published", exact=False).first.wait_for()

    reader = new_page(PHONE, locale="tg-TJ")
    reader.goto(f"{site.url}/tg/{help_slug}/")
    assert reader.get_by_role("heading", level=1).inner_text() == "Чӣ тавр аз Ҳамкорӣ истифода бурдан"
    assert reader.locator("html").get_attribute("lang") == "tg"
    screenshot(reader, "editor-translation-published-tg")
    assert_accessible(reader)

    # The English page's switcher now offers the Tajik translation instead of "not translated yet".
    reader.goto(f"{site.url}/en/{help_slug}/")
    tajik_link = reader.get_by_role("navigation", name="Language").get_by_role("link", name="Тоҷикӣ")
    assert tajik_link.get_attribute("href") == f"/tg/{help_slug}/"
