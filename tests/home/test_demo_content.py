import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation

from home.models import FooterText

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("locale__language_code", "url_path", "live")),
        "revisions": Revision.objects.count(),
        "string_translations": StringTranslation.objects.count(),
        "footers": FooterText.objects.count(),
    }


def test_loading_the_demo_content_again_changes_nothing():
    before = snapshot()
    call_command("load_demo_content", verbosity=0)
    assert snapshot() == before


def test_demo_content_is_in_three_languages_without_english_left_in_translations(page_in):
    english = page_in("en", "/about/")
    for language in ("tg", "ru"):
        translation = page_in(language, "/about/")
        assert translation.translation_key == english.translation_key
        assert translation.title != english.title
        assert translation.intro != english.intro
        assert str(translation.body[0].value) != str(english.body[0].value)
    assert FooterText.objects.count() == 3


def test_translations_are_editable_in_wagtail_localize(page_in):
    # The demo translations live in wagtail-localize's memory, so an editor sees them in its editor.
    tajik_title = page_in("tg", "/about/").title
    assert StringTranslation.objects.filter(locale__language_code="tg", data=tajik_title).exists()


@pytest.mark.parametrize("language", ["tg", "ru"])
def test_no_english_body_text_is_left_on_translated_home_pages(client, language):
    html = client.get(f"/{language}/").content.decode()
    for english in ("staff trained", "training days", "What you can do here", "Share what you know"):
        assert english not in html
