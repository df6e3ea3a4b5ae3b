"""Demo data for the site-wide directories: thematic areas and organisations.

Thematic areas are CAREC's list (seed 004) plus the themes of the 2021 EU-Central Asia
Civil Society Forum (seed 002) and of the training programme (seed 000). Organisations
are the 28 that attended the World Bank consultation in Bokhtar (seed 001).
"""

from .demo import t

THEMATIC_AREAS = [
    # slug, English, Tajik, Russian
    ("climate-change", "Climate change", "Тағйирёбии иқлим", "Изменение климата"),
    (
        "water-resources",
        "Integrated water resources management",
        "Идоракунии ҳамгирошудаи захираҳои об",
        "Интегрированное управление водными ресурсами",
    ),
    (
        "transboundary-water",
        "Transboundary water cooperation",
        "Ҳамкорӣ дар соҳаи обҳои фаромарзӣ",
        "Трансграничное водное сотрудничество",
    ),
    (
        "disaster-prevention",
        "Flood and emergency prevention",
        "Пешгирии селу обхезӣ ва ҳолатҳои фавқулодда",
        "Предупреждение паводков и чрезвычайных ситуаций",
    ),
    (
        "biodiversity",
        "Biodiversity and ecosystems",
        "Гуногунии биологӣ ва экосистемаҳо",
        "Биоразнообразие и экосистемы",
    ),
    (
        "waste-management",
        "Efficient consumption and waste management",
        "Истеъмоли самаранок ва идоракунии партовҳо",
        "Рациональное потребление и обращение с отходами",
    ),
    ("chemical-safety", "Chemical safety", "Бехатарии кимиёвӣ", "Химическая безопасность"),
    (
        "capacity-building",
        "Education, leadership and capacity building",
        "Маориф, роҳбарӣ ва рушди иқтидор",
        "Образование, лидерство и развитие потенциала",
    ),
    ("environment-health", "Environment and health", "Муҳити зист ва саломатӣ", "Окружающая среда и здоровье"),
    ("clean-energy", "Clean energy", "Энергияи тоза", "Чистая энергия"),
    ("water-saving", "Water-saving technologies", "Технологияҳои сарфаи об", "Водосберегающие технологии"),
    ("women-youth", "Women and youth", "Занон ва ҷавонон", "Женщины и молодёжь"),
    (
        "rule-of-law",
        "Rule of law and access to justice",
        "Волоияти қонун ва дастрасӣ ба адолати судӣ",
        "Верховенство права и доступ к правосудию",
    ),
    ("digitalisation", "Digitalisation", "Рақамикунонӣ", "Цифровизация"),
    ("health", "Health and social protection", "Тандурустӣ ва ҳифзи иҷтимоӣ", "Здравоохранение и социальная защита"),
    ("gender-equality", "Gender equality", "Баробарии гендерӣ", "Гендерное равенство"),
    ("regional-cooperation", "Regional cooperation", "Ҳамкории минтақавӣ", "Региональное сотрудничество"),
    ("civic-education", "Civic education", "Маърифати шаҳрвандӣ", "Гражданское образование"),
    (
        "accountability",
        "Accountability and transparency",
        "Ҳисоботдиҳӣ ва шаффофият",
        "Подотчётность и прозрачность",
    ),
    ("green-economy", "Green economy", "Иқтисоди сабз", "Зелёная экономика"),
    ("migration-employment", "Migration and employment", "Муҳоҷират ва шуғл", "Миграция и занятость"),
    (
        "cso-government",
        "CSO-government engagement",
        "Ҳамкории ташкилотҳои ҷамъиятӣ бо давлат",
        "Взаимодействие ОГО и государства",
    ),
    (
        "cso-law",
        "Legal framework for CSOs",
        "Заминаи ҳуқуқии фаъолияти ташкилотҳои ҷамъиятӣ",
        "Правовая база деятельности ОГО",
    ),
    (
        "funding-procurement",
        "Funding and procurement",
        "Маблағгузорӣ ва харидҳо",
        "Финансирование и закупки",
    ),
    (
        "infrastructure",
        "Infrastructure and municipal services",
        "Инфрасохтор ва хизматрасонии коммуналӣ",
        "Инфраструктура и коммунальные услуги",
    ),
]


def thematic_area_names():
    """Register the translations and return (slug, English name) pairs."""
    return [(slug, t(en, tg, ru)) for slug, en, tg, ru in THEMATIC_AREAS]


# English name, Tajik name, Russian name, type, city. All in Khatlon region.
ORGANISATIONS = [
    ('Public Organization "School of Volunteers"', "ТҶ «Мактаби ихтиёриён»", "ОО «Школа волонтёров»", "cso", "Bokhtar"),
    (
        'Public Organization "People with Disabilities"',
        "ТҶ «Одамони дорои маъюбият»",
        "ОО «Люди с инвалидностью»",
        "cso",
        "Bokhtar",
    ),
    ('Public Organization "Parvozi Parastu"', "ТҶ «Парвози Парасту»", "ОО «Парвози Парасту»", "cso", "Bokhtar"),
    ('Public Organization "Akhtari Bakht"', "ТҶ «Ахтари Бахт»", "ОО «Ахтари Бахт»", "cso", "Bokhtar"),
    ('Public Organization "Sino"', "ТҶ «Сино»", "ОО «Сино»", "cso", "Bokhtar"),
    ('Public Organization "Fidokor"', "ТҶ «Фидокор»", "ОО «Фидокор»", "cso", "Bokhtar"),
    ('Public Organization "Tomiris"', "ТҶ «Томирис»", "ОО «Томирис»", "cso", "Bokhtar"),
    ('Public Organization "Ghamkhori"', "ТҶ «Ғамхорӣ»", "ОО «Гамхори»", "cso", "Bokhtar"),
    ('Public Organization "Rushd"', "ТҶ «Рушд»", "ОО «Рушд»", "cso", "Bokhtar"),
    ('Public Organization "Bonuvoni Khatlon"', "ТҶ «Бонувони Хатлон»", "ОО «Бонувони Хатлон»", "cso", "Bokhtar"),
    ('Public Organization "Afif"', "ТҶ «Афиф»", "ОО «Афиф»", "cso", "Bokhtar"),
    ('Public Organization "Taqiyat va Tavonoi"', "ТҶ «Тақвият ва Тавоноӣ»", "ОО «Такият ва Таваной»", "cso", "Bokhtar"),
    ('Public Organization "Mehnatobod"', "ТҶ «Меҳнатобод»", "ОО «Мехнатобод»", "cso", "Bokhtar"),
    ('Public Organization "Hunar va Rushd"', "ТҶ «Ҳунар ва Рушд»", "ОО «Хунар ва Рушд»", "cso", "Bokhtar"),
    ('Public Organization "Dilshod"', "ТҶ «Дилшод»", "ОО «Дилшод»", "cso", "Bokhtar"),
    ('Public Organization "Hamroz"', "ТҶ «Ҳамроз»", "ОО «Хамроз»", "cso", "Bokhtar"),
    ('Public Organization "Mehrangez"', "ТҶ «Меҳрангез»", "ОО «Мехрангез»", "cso", "Bokhtar"),
    ('Public Organization "Dilafruz"', "ТҶ «Дилафрӯз»", "ОО «Дилафруз»", "cso", "Bokhtar"),
    ('Public Organization "Oqgaza"', "ТҶ «Оқғаза»", "ОО «Окгаза»", "cso", "Bokhtar"),
    ('Mahalla Committee "Bahor"', "Кумитаи маҳаллаи «Баҳор»", "Махаллинский комитет «Бахор»", "community", "Bokhtar"),
    (
        "National Social Investment Fund of Tajikistan",
        "Фонди миллии сармоягузории иҷтимоии Тоҷикистон",
        "Национальный фонд социального инвестирования Таджикистана",
        "government",
        "Bokhtar",
    ),
    (
        "Bokhtar State University",
        "Донишгоҳи давлатии Бохтар",
        "Бохтарский государственный университет",
        "academic",
        "Bokhtar",
    ),
    ("State Medical College", "Коллеҷи давлатии тиббӣ", "Государственный медицинский колледж", "academic", "Bokhtar"),
    (
        'International University "Levakant"',
        "Донишгоҳи байналмилалии «Левакант»",
        "Международный университет «Левакант»",
        "academic",
        "Bokhtar",
    ),
    ('Private College "Da\'vo"', "Коллеҷи хусусии «Даъво»", "Частный колледж «Даво»", "academic", "Bokhtar"),
    ("Independent Lawyers", "Ҳуқуқшиносони мустақил", "Независимые юристы", "other", "Bokhtar"),
    ('Magazine "Khatlon"', "Маҷаллаи «Хатлон»", "Журнал «Хатлон»", "media", "Bokhtar"),
    ('TV "Jahonnamo"', "Телевизиони «Ҷаҳоннамо»", "Телеканал «Джахоннамо»", "media", "Dushanbe"),
]
