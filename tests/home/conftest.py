import pytest

from tests.factories import StandardPageFactory, translate

ABOUT = {
    "en": ("About Hamkori", "Hamkori is a shared learning platform for civil society organisations."),
    "tg": ("Дар бораи Ҳамкорӣ", "Ҳамкорӣ платформаи муштараки омӯзишӣ барои ташкилотҳои ҷомеаи шаҳрвандӣ аст."),
    "ru": ("О Хамкори", "Хамкори — общая учебная платформа для организаций гражданского общества."),
}


@pytest.fixture
def about(db):
    """/about/ in English, Tajik and Russian: {"en": page, "tg": page, "ru": page}."""
    title, intro = ABOUT["en"]
    english = StandardPageFactory(title=title, slug="about", intro=intro)
    english.save_revision().publish()
    pages = {"en": english}
    for language in ("tg", "ru"):
        title, intro = ABOUT[language]
        pages[language] = translate(english, language, title=title, intro=intro)
    return pages
