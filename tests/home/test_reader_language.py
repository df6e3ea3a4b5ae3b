"""Dates, alphabetical order and thematic areas in the reader's language (issue 10, points 3, 4 and 5)."""

import datetime
import re

import pytest
from django.template import Context, Template
from django.utils import formats, translation

from courses.models import CourseThematicArea
from home.collation import sort_key, sorted_by_name
from library.models import ResourceThematicArea
from tests.factories import (
    ConsultationPageFactory,
    CoursePageFactory,
    OrganisationFactory,
    RecommendationPageFactory,
    ResourcePageFactory,
    ThematicAreaFactory,
    section,
    translate,
)

TAJIK_ALPHABET = "а б в г ғ д е ё ж з и ӣ й к қ л м н о п р с т у ӯ ф х ҳ ч ҷ ш ъ э ю я".split()


# --- Dates -----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("ru", "20 ноября 2026"), ("tg", "20 ноябри 2026"), ("en", "20 November 2026")],
)
def test_dates_are_in_each_languages_grammatical_form(client, language, expected):
    english = ConsultationPageFactory(date=datetime.date(2026, 11, 20))
    page = translate(english, language) if language != "en" else english
    html = client.get(page.url).content.decode()
    assert expected in html
    assert "Ноябрь" not in html and "Ноябр " not in html and "г." not in html


TAJIK_MONTHS = "январи феврали марти апрели майи июни июли августи сентябри октябри ноябри декабри".split()
RUSSIAN_MONTHS = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()


@pytest.mark.parametrize(("language", "months"), [("tg", TAJIK_MONTHS), ("ru", RUSSIAN_MONTHS)])
def test_every_month_and_date_format_is_grammatical_in_tajik_and_russian(language, months):
    """Django's own Tajik formats write "24 ноябр 2026 г." (the Russian "г.", no izofat)."""
    with translation.override(language):
        for number, month in enumerate(months, start=1):
            day = datetime.date(2026, number, 24)
            assert formats.date_format(day) == f"24 {month} 2026"
            assert Template("{{ day|date }}").render(Context({"day": day})) == f"24 {month} 2026"
        moment = datetime.datetime(2026, 11, 24, 9, 5)
        assert formats.date_format(moment, "DATETIME_FORMAT") == f"24 {months[10]} 2026, 9:05"
        assert formats.date_format(moment, "MONTH_DAY_FORMAT") == f"24 {months[10]}"
        if language == "tg":  # a month before a year takes the izofat too
            assert formats.date_format(moment, "YEAR_MONTH_FORMAT") == "ноябри 2026"


# --- Alphabetical order ----------------------------------------------------------------------------


def test_tajik_letters_sort_in_the_tajik_alphabet():
    shuffled = list(reversed(TAJIK_ALPHABET))
    assert sorted(shuffled, key=lambda letter: sort_key(letter, "tg")) == TAJIK_ALPHABET


def test_sorting_ignores_case_and_quotes_and_puts_cyrillic_first_for_tajik_and_russian_readers():
    names = ["«Ҳамкорӣ»", "Эрам", "Хуҷанд", "Nur", "Гулистон", "ғамхорӣ", "Ёрдам"]
    assert sorted_by_name(names, language="tg") == [
        "Гулистон", "ғамхорӣ", "Ёрдам", "Хуҷанд", "«Ҳамкорӣ»", "Эрам", "Nur",
    ]  # fmt: skip
    assert sorted_by_name(["Эрам", "Nur", "Ёрдам"], language="en") == ["Nur", "Ёрдам", "Эрам"]
    assert sorted_by_name(["Школа", "Цель", "Ҳалқа", "Хлеб"], language="ru") == ["Хлеб", "Ҳалқа", "Цель", "Школа"]


def option_labels(html, name):
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [label.strip() for label in re.findall(r"<option[^>]*>(.*?)</option>", select, re.S) if label.strip()]


@pytest.mark.django_db
def test_the_tajik_sign_up_form_lists_organisations_in_tajik_order(client):
    for english, tajik in [("Zeta", "Эҳё"), ("Alpha", "Ҳимоя"), ("Beta", "Хона"), ("Gamma", "Ғунча"), ("Delta", "Гул")]:
        OrganisationFactory(name=english, name_tg=tajik)
    labels = option_labels(client.get("/tg/accounts/signup/").content.decode(), "organisation")
    assert labels == ["—", "Гул", "Ғунча", "Хона", "Ҳимоя", "Эҳё"]


@pytest.mark.django_db
def test_the_library_filters_list_thematic_areas_and_organisations_in_the_readers_alphabet(client):
    ThematicAreaFactory(name="Health", slug="health", translations={"tg": "Ҳифзи саломатӣ", "ru": "Здоровье"})
    ThematicAreaFactory(name="Youth", slug="youth", translations={"tg": "Ҷавонон", "ru": "Молодёжь"})
    ThematicAreaFactory(name="Ecology", slug="ecology", translations={"tg": "Экология", "ru": "Экология"})
    ThematicAreaFactory(name="Women", slug="women", translations={"tg": "Занон", "ru": "Женщины"})
    library = section("library", "tg")
    for english, tajik in [("Alpha", "Ҳимоя"), ("Beta", "Эҳё"), ("Gamma", "Хона")]:
        ResourcePageFactory(parent=library, organisation=OrganisationFactory(name=english, name_tg=tajik))
    html = client.get("/tg/library/").content.decode()
    areas = re.findall(r'<option value="(?:health|youth|ecology|women)"[^>]*>([^<]+)</option>', html)
    assert areas == ["Занон", "Ҳифзи саломатӣ", "Ҷавонон", "Экология"]
    organisations = [o for o in re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', html) if o in "ҲимояЭҳёХона"]
    assert organisations == ["Хона", "Ҳимоя", "Эҳё"]


# --- Thematic areas follow the reader's language ----------------------------------------------------------


@pytest.fixture
def water(db):
    return ThematicAreaFactory(
        name="Water and sanitation", slug="water", translations={"tg": "Об ва беҳдошт", "ru": "Вода и санитария"}
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "name"), [("tg", "Об ва беҳдошт"), ("ru", "Вода и санитария")])
def test_course_badges_show_the_area_in_the_readers_language(client, water, language, name):
    course = CoursePageFactory(thematic_area_links=[CourseThematicArea(thematic_area=water)])
    course.save_revision().publish()
    translated = translate(course, language)  # the translation still links to the English area
    for url in (section("courses", language).url, translated.url):
        html = client.get(url).content.decode()
        assert f'<span class="badge">{name}</span>' in html
        assert "Water and sanitation" not in html


@pytest.mark.django_db
def test_library_and_recommendations_show_the_area_in_the_readers_language(client, water):
    resource = ResourcePageFactory(thematic_area_links=[ResourceThematicArea(thematic_area=water)])
    recommendation = RecommendationPageFactory(thematic_area=water)
    for page in (translate(resource, "ru"), translate(recommendation, "ru")):
        html = client.get(page.url).content.decode()
        assert "Вода и санитария" in html and "Water and sanitation" not in html
    html = client.get("/ru/recommendations/").content.decode()
    assert "Вода и санитария" in html and "Water and sanitation" not in html
    assert '<option value="water">Вода и санитария</option>' in html
