"""A small programme in three languages, built once per test module.

Building translated pages takes a few tenths of a second each, so the modules that only read
them share one copy: `module_db` opens a transaction around the module and rolls it back after
its last test; each test still runs in a savepoint of its own, so what one test changes is
undone before the next. Tests that change a page fetch it again (`page_in`) rather than keep
the object the fixture built.
"""

import datetime
import uuid

import pytest
from django.db import transaction
from wagtail.models import Page

from programme.models import ConsultationOrganisation
from tests.factories import (
    ConsultationPageFactory,
    ForumPageFactory,
    OrganisationFactory,
    RecommendationPageFactory,
    TrainingSessionPageFactory,
    list_items,
    section,
    translate,
)

LANGUAGES = ["en", "tg", "ru"]
FORUM = "eu-central-asia-forum-2021"
CONSULTATION = "world-bank-cpf-bokhtar-2026"

# Slug, number and title in English, Tajik and Russian, in the order the programme teaches them.
SESSIONS = [
    (
        "laws-and-csos",
        1,
        {
            "en": "Laws that govern CSOs",
            "tg": "Қонунҳое, ки фаъолияти ТҶШ-ро танзим мекунанд",
            "ru": "Законы, регулирующие деятельность ОГО",
        },
    ),
    (
        "power-structures",
        2,
        {
            "en": "Formal and informal power structures",
            "tg": "Сохторҳои расмӣ ва ғайрирасмии ҳокимият",
            "ru": "Формальные и неформальные структуры власти",
        },
    ),
    (
        "persuasion-and-communication",
        3,
        {
            "en": "Persuasion and communication",
            "tg": "Боварбахшӣ ва муошират",
            "ru": "Убеждение и коммуникация",
        },
    ),
    (
        "long-term-relationships",
        4,
        {
            "en": "Building long-term relationships with government",
            "tg": "Бунёди муносибатҳои дарозмуддат бо ҳукумат",
            "ru": "Построение долгосрочных отношений с властью",
        },
    ),
    (
        "project-proposals",
        5,
        {
            "en": "Developing project proposals",
            "tg": "Таҳияи пешниҳодҳои лоиҳавӣ",
            "ru": "Разработка проектных предложений",
        },
    ),
]

POWER_STRUCTURES = {
    "en": {
        "summary": "Who decides what at township, district, provincial and national level, and how to reach them.",
        "topics": ["Stakeholder mapping", "Formal and informal decision makers"],
        "objectives": ["draw a stakeholder map of a local decision"],
    },
    "tg": {
        "summary": "Кӣ дар сатҳи ҷамоат, ноҳия, вилоят ва кишвар чӣ қарор медиҳад ва чӣ тавр ба онҳо муроҷиат кард.",
        "topics": ["Харитасозии ҷонибҳои манфиатдор", "Қабулкунандагони расмӣ ва ғайрирасмии қарор"],
        "objectives": ["харитаи ҷонибҳои манфиатдорро кашидан"],
    },
    "ru": {
        "summary": "Кто принимает решения на уровне джамоата, района, области и страны и как до них дойти.",
        "topics": ["Картирование заинтересованных сторон", "Формальные и неформальные лица, принимающие решения"],
        "objectives": ["составить карту заинтересованных сторон"],
    },
}

PROGRAMME_FACTS = {
    "en": {"funder": "Accountability Fund", "implementer": "Eurasia Foundation of Central Asia"},
    "tg": {"funder": "Фонди ҳисобдиҳӣ", "implementer": "Бунёди Авруосиёи Осиёи Марказӣ"},
    "ru": {"funder": "Фонд подотчётности", "implementer": "Фонд Евразия Центральной Азии"},
}

CONSULTATION_TEXT = {
    "en": {
        "title": "World Bank Group consultation in Bokhtar",
        "convener": "World Bank Group",
        "city": "Bokhtar",
        "summary": "CSOs in Bokhtar discussed the World Bank Group's country partnership framework for Tajikistan.",
    },
    "tg": {
        "title": "Машварати Гурӯҳи Бонки Ҷаҳонӣ дар Бохтар",
        "convener": "Гурӯҳи Бонки Ҷаҳонӣ",
        "city": "Бохтар",
        "summary": "ТҶШ дар Бохтар чаҳорчӯбаи шарикии кишвариро муҳокима карданд.",
    },
    "ru": {
        "title": "Консультация Группы Всемирного банка в Бохтаре",
        "convener": "Группа Всемирного банка",
        "city": "Бохтар",
        "summary": "ОГО в Бохтаре обсудили рамочную программу партнёрства со страной.",
    },
}

# (heading, raised, response): three of the five topics had an answer from the convener.
KEY_TOPICS = {
    "en": [
        ("Access to funding", "Grants for CSOs have declined.", "Projects will look at using local organisations."),
        ("Public procurement", "CSOs cannot compete in procurement.", "Procurement rules will be explained."),
        ("Monitoring", "CSOs want to monitor projects.", "Third-party monitoring is being considered."),
        ("Youth", "Young people are left out of planning.", ""),
        ("Climate", "Villages need early warning of floods.", ""),
    ],
    "tg": [
        ("Дастрасӣ ба маблағгузорӣ", "Грантҳо барои ТҶШ кам шудаанд.", "Лоиҳаҳо ташкилотҳои маҳаллиро ҷалб мекунанд."),
        ("Хариди давлатӣ", "ТҶШ дар харид рақобат карда наметавонанд.", "Қоидаҳои харид шарҳ дода мешаванд."),
        ("Мониторинг", "ТҶШ мехоҳанд лоиҳаҳоро назорат кунанд.", "Мониторинги тарафи сеюм баррасӣ мешавад."),
        ("Ҷавонон", "Ҷавонон дар банақшагирӣ ширкат намекунанд.", ""),
        ("Иқлим", "Деҳаҳо ба огоҳии барвақт аз сел ниёз доранд.", ""),
    ],
}

ORGANISATIONS = [
    ('Public Organization "Sino"', "Ташкилоти ҷамъиятии «Сино»", "Общественная организация «Сино»"),
    ('Public Organization "Fidokor"', "Ташкилоти ҷамъиятии «Фидокор»", "Общественная организация «Фидокор»"),
    ('Public Organization "Tomiris"', "Ташкилоти ҷамъиятии «Томирис»", ""),  # no Russian name: English is shown
    ("Bokhtar Youth Voices", "", ""),
]

FORUM_TITLES = {
    "en": "EU-Central Asia Civil Society Forum 2021",
    "tg": "Форуми ҷомеаи шаҳрвандии ИА ва Осиёи Марказӣ 2021",
    "ru": "Форум гражданского общества ЕС и Центральной Азии 2021",
}
FORUM_SESSIONS = [
    (1, "Resilience through inclusion"),
    (2, "Rule of law and human rights"),
    (3, "Green recovery"),
    (4, "Digital transformation"),
]
# (session number, English title, Tajik title, Russian title, text)
FORUM_RECOMMENDATIONS = [
    (1, "Involve CSOs in reforms", "ТҶШ-ро ба ислоҳот ҷалб кунед", "Вовлекайте ОГО в реформы", "As equal partners."),
    (
        1,
        "Support regional cooperation among CSOs",
        "Ҳамкории минтақавиро дастгирӣ кунед",
        "Поддержите сотрудничество",
        "Fund networks.",
    ),
    (
        2,
        "Keep acting on domestic violence",
        "Мубориза бо хушунатро идома диҳед",
        "Продолжайте бороться с насилием",
        "Shelters.",
    ),
    (
        3,
        "Protect biodiversity in river basins",
        "Гуногунии биологиро ҳифз кунед",
        "Защитите биоразнообразие",
        "Protect biodiversity.",
    ),
    (
        4,
        "Teach digital skills in villages",
        "Малакаҳои рақамиро омӯзонед",
        "Обучайте цифровым навыкам",
        "Mobile classes.",
    ),
    (4, "Open government data", "Маълумоти давлатиро кушоед", "Откройте государственные данные", "Publish budgets."),
]


def key_topics(language):
    return [
        {
            "type": "topic",
            "id": str(uuid.uuid4()),
            "value": {
                "heading": heading,
                "raised": f"<p>{raised}</p>",
                "response": f"<p>{answer}</p>" if answer else "",
            },
        }
        for heading, raised, answer in KEY_TOPICS[language]
    ]


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """A transaction around the whole module, rolled back after its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def page_in(db):
    """page_in("tg", "/training/laws-and-csos/"): the live page at that path, fresh from the database."""

    def find(language, path):
        return Page.objects.get(locale__language_code=language, url_path=f"/hamkori{path}").specific

    return find


def build_training():
    programme = section("training")
    programme.funder = PROGRAMME_FACTS["en"]["funder"]
    programme.implementer = PROGRAMME_FACTS["en"]["implementer"]
    programme.staff_trained, programme.organisations_trained, programme.locations = 140, 73, 35
    programme.save_revision().publish()
    for language in ("tg", "ru"):
        translate(programme, language, **PROGRAMME_FACTS[language])
    # Created out of order: the programme lists them by number, not by when they were added.
    for slug, number, titles in sorted(SESSIONS, key=lambda s: (s[1] * 3) % 5):
        texts = POWER_STRUCTURES if slug == "power-structures" else {}
        fields = {
            language: {
                "title": titles[language],
                **(
                    {
                        "summary": texts[language]["summary"],
                        "topics": list_items(texts[language]["topics"]),
                        "objectives": list_items(texts[language]["objectives"]),
                    }
                    if texts
                    else {}
                ),
            }
            for language in LANGUAGES
        }
        session = TrainingSessionPageFactory(slug=slug, number=number, **fields["en"])
        session.save_revision().publish()
        for language in ("tg", "ru"):
            translate(session, language, **fields[language])


def build_consultation():
    organisations = [
        OrganisationFactory(name=name, name_tg=name_tg, name_ru=name_ru) for name, name_tg, name_ru in ORGANISATIONS
    ]
    consultation = ConsultationPageFactory(
        slug=CONSULTATION,
        date=datetime.date(2026, 2, 12),
        participants=37,
        key_topics=key_topics("en"),
        **CONSULTATION_TEXT["en"],
    )
    for organisation in organisations:
        ConsultationOrganisation.objects.create(page=consultation, organisation=organisation)
    consultation.save_revision().publish()
    translate(consultation, "tg", key_topics=key_topics("tg"), **CONSULTATION_TEXT["tg"])
    translate(consultation, "ru", **CONSULTATION_TEXT["ru"])
    return consultation


def build_forum():
    forum = ForumPageFactory(
        slug=FORUM,
        title=FORUM_TITLES["en"],
        date=datetime.date(2021, 11, 16),
        sessions=[
            {
                "type": "session",
                "id": str(uuid.uuid4()),
                "value": {
                    "number": number,
                    "title": title,
                    "examined": f"What the session on {title.lower()} examined.",
                    "discussion_points": list_items(["Civil society should take part as an equal partner."]),
                    "conclusions": "",
                },
            }
            for number, title in FORUM_SESSIONS
        ],
    )
    forum.save_revision().publish()
    for language in ("tg", "ru"):
        translate(forum, language, title=FORUM_TITLES[language])
    for n, (number, title, title_tg, title_ru, text) in enumerate(FORUM_RECOMMENDATIONS, 1):
        recommendation = RecommendationPageFactory(
            slug=f"{FORUM}-{n:02d}", title=title, text=text, source=forum, session_number=number
        )
        recommendation.save_revision().publish()
        translate(recommendation, "tg", title=title_tg)
        translate(recommendation, "ru", title=title_ru)
    return forum


@pytest.fixture(scope="module")
def programme(module_db):
    """Five sessions, a consultation with its attendees and a forum with its recommendations, in en, tg and ru."""
    build_training()
    build_consultation()
    build_forum()
