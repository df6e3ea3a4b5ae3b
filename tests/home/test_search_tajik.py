"""Site search as readers type: each query must bring the expected page first, in the reader's language.

The pages are built once for the module (rolled back at its end) from sentences of our own content
(demo/translations): Tajik letters folded as on a Russian keyboard, Latin look-alikes, Kazakh ``һ``,
combining macrons, Latin and Russian spellings of Tajik names, word forms and one-letter typos.
"""

import re

import pytest
from django.db import transaction

from tests.factories import StandardPageFactory, home_page

pytestmark = pytest.mark.django_db

MACRON = "\u0304"

# slug: (language, title, intro); the sentences come from the demo content, except the Khujand
# meeting, which names the city in the spelling each language uses.
PAGES = {
    "tg-power": ("tg", "Сохторҳои расмӣ ва ғайрирасмии ҳокимият", "Ҳокимияти расмӣ ва ғайрирасмӣ дар Тоҷикистон"),
    "tg-donors": (
        "tg",
        "Фаҳмидани нуқтаи назари донорҳои байналмилалӣ",
        "Донорҳо мехоҳанд донанд, ки маблағ дуруст истифода мешавад ва натиҷаҳо пойдор мемонанд.",
    ),
    "tg-health": (
        "tg",
        "Кори ташкилотҳои ғайриҳукуматиро дар соҳаи тандурустӣ ва сиёсати иҷтимоӣ дастгирӣ кунед",
        "Ташкилотҳои ғайриҳукуматӣ дар беҳтар кардани сиёсати иҷтимоӣ ва ҳуқуқ ба тандурустӣ бо фарогирии "
        "васеътари деҳот ва гурӯҳҳои осебпазир дастгирӣ карда шаванд.",
    ),
    "tg-world-bank": (
        "tg",
        "Машварати Гурӯҳи Бонки Ҷаҳонӣ оид ба Чаҳорчӯбаи шарикӣ бо кишвар, Бохтар",
        "Шарикии кишварии Бонки Ҷаҳонӣ барои солҳои 2026–2031: машварат бо ташкилотҳои ҷамъиятӣ, ҷавонон ва "
        "олимони Хатлон",
    ),
    "tg-school": (
        "tg",
        "Ҳокимият аз шаҳрак то сатҳи миллӣ",
        "Масъалаи мактаб метавонад дар ноҳия ҳал шавад, қонун бошад дар сатҳи миллӣ.",
    ),
    "tg-khujand": ("tg", "Вохӯрии минтақавӣ дар Хуҷанд", "Ташкилотҳои ҷамъиятии вилояти Суғд дар Хуҷанд ҷамъ омаданд."),
    "tg-about": (
        "tg",
        "Дар бораи Ҳамкорӣ",
        "Ҳамкорӣ платформаи муштараки омӯзишӣ барои ташкилотҳои ҷомеаи шаҳрвандӣ аст.",
    ),
    "ru-power": ("ru", "Формальная и неформальная власть в Таджикистане", "Формальные и неформальные структуры власти"),
    "ru-donors": (
        "ru",
        "Понимание позиции международных доноров",
        "Донорам следует координировать свою поддержку, чтобы результаты переходили от одного проекта к другому.",
    ),
    "ru-world-bank": (
        "ru",
        "Консультация Группы Всемирного банка по Рамочной программе партнёрства со страной, Бохтар",
        "Рамочная программа партнёрства Всемирного банка на 2026–2031 годы: консультации с ОГО, молодёжью и "
        "академическими кругами Хатлона",
    ),
    "ru-health": (
        "ru",
        "Поддерживать работу НПО в здравоохранении и социальной политике",
        "Поддерживать НПО в укреплении социальной политики и права на здоровье с более широким охватом сельских "
        "районов и уязвимых групп.",
    ),
    "ru-khujand": (
        "ru",
        "Региональная встреча в Худжанде",
        "Организации гражданского общества Согдийской области собрались в Худжанде.",
    ),
    "en-donors": ("en", "Understanding international donors' perspectives", "What international donors look for."),
    "en-power": ("en", "Formal and informal power in Tajikistan", "Formal and informal power structures."),
    "en-health": (
        "en",
        "Support NGOs' work on health and social policy",
        "Support NGOs in strengthening social policies and the right to health, with wider coverage of rural areas.",
    ),
    "en-world-bank": (
        "en",
        "World Bank country partnership 2026–2031",
        "Consultations with CSOs, youth and academia of Khatlon.",
    ),
}

# (language, what the reader types, the page that must come first, what the case shows)
TABLE = [
    # Each Tajik letter typed as on a Russian keyboard
    ("tg", "гайрирасмии хокимият", "tg-power", "ғ→г, ҳ→х"),
    ("tg", "конун", "tg-school", "қ→к"),
    ("tg", "Гурухи Бонк", "tg-world-bank", "ӯ→у"),
    ("tg", "байналмилали", "tg-donors", "ӣ→и"),
    ("tg", "хокимият шахрак", "tg-school", "ҳ→х"),
    ("tg", "Чахони", "tg-world-bank", "ҷ→ч"),
    ("tg", "иҷтимои тандурусти", "tg-health", "ӣ→и twice"),
    ("tg", "Точикистон", "tg-power", "ҷ→ч in a name"),
    ("ru", "партнерства", "ru-world-bank", "ё→е"),
    ("ru", "молодежью", "ru-world-bank", "ё→е"),
    # The exact spelling still works
    ("tg", "ҳокимият шаҳрак", "tg-school", "exact"),
    ("tg", "Тоҷикистон", "tg-power", "exact"),
    # Latin look-alikes inside Cyrillic words
    ("tg", "Тoҷикистон", "tg-power", "Latin o"),
    ("tg", "дoнoрҳo", "tg-donors", "Latin o three times"),
    ("tg", "cиёсати", "tg-health", "Latin c"),
    ("ru", "Бoхтар", "ru-world-bank", "Latin o"),
    # Kazakh һ for ҳ
    ("tg", "һокимият шаһрак", "tg-school", "һ"),
    ("tg", "Һамкорӣ платформаи", "tg-about", "Һ"),
    # Combining macrons instead of ӣ and ӯ
    ("tg", "байналмилали" + MACRON, "tg-donors", "и + macron"),
    ("tg", "Гуру" + MACRON + "ҳи", "tg-world-bank", "у + macron"),
    # Latin spellings
    ("tg", "hamkori platforma", "tg-about", "Latin"),
    ("tg", "Khujand", "tg-khujand", "kh, j"),
    ("tg", "Hujand", "tg-khujand", "h, j"),
    ("tg", "Bokhtar", "tg-world-bank", "kh"),
    ("tg", "Tojikiston", "tg-power", "j"),
    ("ru", "Khujand", "ru-khujand", "Latin against Russian, with a case ending"),
    # Russian spellings of Tajik sounds
    ("tg", "Худжанд", "tg-khujand", "дж for ҷ"),
    ("tg", "Хучанд", "tg-khujand", "ч for ҷ"),
    ("tg", "Джахони", "tg-world-bank", "дж for ҷ"),
    ("ru", "Хучанд", "ru-khujand", "ч for дж"),
    # Tajik word forms
    ("tg", "донор", "tg-donors", "-ҳо, -и"),
    ("tg", "сохтор", "tg-power", "-ҳо, -и"),
    ("tg", "мактабҳо", "tg-school", "-ҳо"),
    ("tg", "шарикон", "tg-world-bank", "-он against -ӣ"),
    ("tg", "олимон", "tg-world-bank", "-он against -и"),
    ("tg", "ташкилотҳоро ғайриҳукуматӣ", "tg-health", "-ҳо-ро"),
    ("tg", "ҳокимиятамон расмӣ", "tg-power", "-амон"),
    # Russian and English word forms
    ("ru", "Таджикистан", "ru-power", "-е"),
    ("ru", "донор", "ru-donors", "-ов, -ам"),
    ("ru", "доноры", "ru-donors", "-ы"),
    ("ru", "власти", "ru-power", "-ь/-и"),
    ("ru", "консультациях Хатлон", "ru-world-bank", "-ях, -а"),
    ("en", "donor", "en-donors", "plural"),
    ("en", "policies", "en-health", "policy"),
    ("en", "consultation Khatlon", "en-world-bank", "plural"),
    ("en", "partnerships", "en-world-bank", "plural"),
    # One-letter typos in words of five letters or more
    ("tg", "мактап", "tg-school", "б→п"),
    ("tg", "тандуристӣ", "tg-health", "у→и"),
    ("tg", "байналмилалй", "tg-donors", "й for ӣ"),
    ("ru", "здравохранении", "ru-health", "a letter left out"),
    ("ru", "Худжнаде", "ru-khujand", "two letters swapped"),
    ("en", "internatonal", "en-donors", "a letter left out"),
]


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        built = {}
        for slug, (language, title, intro) in PAGES.items():
            built[slug] = StandardPageFactory(parent=home_page(language), slug=slug, title=title, intro=intro)
        yield built
        transaction.set_rollback(True)


def result_slugs(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return re.findall(rf'class="search-result__title"><a href="/{language}/([^/"]+)/"', response.content.decode())


def test_the_table_covers_every_kind_of_spelling():
    assert len(TABLE) >= 40
    assert {language for language, *_rest in TABLE} == {"en", "tg", "ru"}


@pytest.mark.parametrize(("language", "query", "expected", "case"), TABLE, ids=[f"{row[0]}-{row[1]}" for row in TABLE])
def test_the_expected_page_comes_first(client, pages, language, query, expected, case):
    slugs = result_slugs(client, language, query)
    assert slugs, f"{query!r} ({case}) found nothing"
    assert slugs[0] == expected, f"{query!r} ({case}) gave {slugs}"


def test_the_exact_spelling_ranks_before_a_folded_one(client, pages):
    StandardPageFactory(
        parent=home_page("tg"),
        slug="typed-without-tajik-letters",
        title="Хокимияти махалли",
        intro="Хокимияти махалли ва чомеаи шахрванди.",
    )
    exact = result_slugs(client, "tg", "ҳокимияти")
    assert exact[0] == "tg-power"
    assert "typed-without-tajik-letters" in exact
    folded = result_slugs(client, "tg", "хокимияти")
    assert folded[0] == "typed-without-tajik-letters"
    assert "tg-power" in folded
