"""The demo's home page body, standard pages and directory: in three languages, with no English left over."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from courses.models import LessonPage
from home.models import Organisation, ThematicArea

from .conftest import LANGUAGES

pytestmark = pytest.mark.django_db


def test_every_demo_page_is_live_in_tajik_and_russian(content):
    """Every English page is published in both other languages; only lessons may say which they have."""
    lesson_languages = {lesson["slug"]: lesson.get("translations") for lesson in content("courses")["lessons"]}
    missing = []
    for page in Page.objects.live().filter(locale__language_code="en", depth__gt=2).specific():
        expected = {"tg", "ru"}
        if isinstance(page, LessonPage) and lesson_languages.get(page.slug):
            expected = set(lesson_languages[page.slug])
        languages = set(page.get_translations().live().values_list("locale__language_code", flat=True))
        if languages != expected:
            missing.append(f"{page.url_path}: {sorted(languages)}, expected {sorted(expected)}")
    assert not missing, "\n".join(missing)


def test_about_page_is_in_three_languages_without_english_left_in_translations(page_in):
    english = page_in("en", "/about/")
    for language in ("tg", "ru"):
        translation = page_in(language, "/about/")
        assert translation.translation_key == english.translation_key
        assert translation.title != english.title
        assert translation.intro != english.intro
        assert str(translation.body[0].value) != str(english.body[0].value)


def test_translations_are_editable_in_wagtail_localize(page_in):
    # The demo translations live in wagtail-localize's memory, so an editor sees them in its editor.
    tajik_title = page_in("tg", "/about/").title
    assert tajik_title == "Дар бораи Ҳамкорӣ"
    assert StringTranslation.objects.filter(locale__language_code="tg", data=tajik_title).exists()


@pytest.mark.parametrize("language", ["tg", "ru"])
def test_no_english_body_text_is_left_on_translated_home_pages(client, language):
    html = client.get(f"/{language}/").content.decode()
    for english in ("staff trained", "training days", "What you can do here", "Share what you know"):
        assert english not in html


def test_search_finds_demo_pages_in_the_readers_language_only(client):
    tajik = client.get("/tg/search/", {"q": "платформа"}).content.decode()
    assert "Дар бораи Ҳамкорӣ" in tajik
    russian = client.get("/ru/search/", {"q": "платформа"}).content.decode()
    assert "О Хамкори" in russian
    assert "Дар бораи Ҳамкорӣ" not in russian
    english = client.get("/en/search/", {"q": "platform"}).content.decode()
    assert 'class="badge">Standard page' in english


@pytest.mark.parametrize("path", ["/partners/", "/partners/tacso-2/", "/partners/carec-cso-concept/"])
def test_partner_pages_exist_in_each_language(client, path):
    for language in LANGUAGES:
        assert client.get(f"/{language}{path}").status_code == 200
    assert "TACSO" in client.get("/tg/partners/tacso-2/").content.decode()


def test_the_demo_pages_and_every_section_are_in_the_main_menu(client):
    html = client.get("/tg/").content.decode()
    for slug in ("about", "training", "consultations", "forums", "recommendations", "partners", "courses", "library"):
        assert f'href="/tg/{slug}/"' in html, slug


def test_directory_is_translated_and_in_the_admin(client, content):
    directory = content("directory")
    english_areas = ThematicArea.objects.filter(locale__language_code="en")
    assert set(english_areas.values_list("slug", flat=True)) == {area["slug"] for area in directory["thematic_areas"]}
    for language in ("tg", "ru"):
        translated = ThematicArea.objects.filter(locale__language_code=language)
        assert translated.count() == english_areas.count()
        assert not set(translated.values_list("name", flat=True)) & set(english_areas.values_list("name", flat=True))
    names = {organisation["name"] for organisation in directory["organisations"]}
    assert names <= set(Organisation.objects.values_list("name", flat=True))
    assert Organisation.objects.get(name="World Bank Group").name_tg == "Гурӯҳи Бонки Ҷаҳонӣ"

    client.force_login(get_user_model().objects.get(username="editor"))
    assert "Afif" in client.get("/admin/snippets/home/organisation/").content.decode()
    assert client.get("/admin/snippets/home/thematicarea/").status_code == 200
