"""Programme content for the demo, from the seeds (000 training, 001 consultation, 002 forum, 003 TACSO 2,
004 CAREC). Every English string is wrapped in ``t(en, tg, ru)`` so the loader can translate it."""

import datetime

from .demo import t

SECTIONS = {
    "training": (
        t("Training programme", "Барномаи омӯзишӣ", "Учебная программа"),
        t(
            "A Stronger Civil Society in Tajikistan through Novel Trainings and Technology: five-day courses "
            "that taught CSO staff to engage government on laws and policies.",
            "Ҷомеаи шаҳрвандии қавӣ дар Тоҷикистон тавассути омӯзиш ва технологияҳои нав: курсҳои панҷрӯза, "
            "ки ба кормандони ташкилотҳои ҷамъиятӣ ҳамкорӣ бо ҳукуматро дар масъалаҳои қонунгузорӣ ва сиёсат "
            "омӯхтанд.",
            "Сильное гражданское общество в Таджикистане благодаря новым методам обучения и технологиям: "
            "пятидневные курсы, на которых сотрудники ОГО учились взаимодействовать с государством по вопросам "
            "законов и политики.",
        ),
    ),
    "consultations": (
        t("Consultations", "Машваратҳо", "Консультации"),
        t(
            "What civil society organisations raised when donors consulted them, and what they were told in return.",
            "Ташкилотҳои ҷамъиятӣ ҳангоми машварат бо донорҳо чӣ масъалаҳоро бардоштанд ва дар ҷавоб чӣ шуниданд.",
            "Какие вопросы поднимали организации гражданского общества на консультациях с донорами и что им ответили.",
        ),
    ),
    "forums": (
        t("Forums", "Форумҳо", "Форумы"),
        t(
            "Regional civil society forums: their sessions, what was discussed and what was recommended.",
            "Форумҳои минтақавии ҷомеаи шаҳрвандӣ: ҷаласаҳо, мавзӯъҳои муҳокимашуда ва тавсияҳо.",
            "Региональные форумы гражданского общества: их сессии, что обсуждалось и что было рекомендовано.",
        ),
    ),
    "recommendations": (
        t("Recommendations", "Тавсияҳо", "Рекомендации"),
        t(
            "Every recommendation from the forums and consultations, with what has happened since. Forum "
            "participants complained of a lack of follow-up: here it is recorded.",
            "Ҳамаи тавсияҳои форумҳо ва машваратҳо ва он чи баъд аз онҳо рух дод. Иштирокчиёни форум аз набудани "
            "пайгирӣ шикоят карданд: дар ин ҷо пайгирӣ сабт мешавад.",
            "Все рекомендации форумов и консультаций и то, что произошло после. Участники форума жаловались на "
            "отсутствие последующих действий: здесь они фиксируются.",
        ),
    ),
    "partners": (
        t("Our partners and frameworks", "Шарикон ва чаҳорчӯбаҳои мо", "Наши партнёры и рамочные документы"),
        t(
            "Programmes and strategies that shape how civil society works with donors and governments in the region.",
            "Барномаҳо ва стратегияҳое, ки ҳамкории ҷомеаи шаҳрвандиро бо донорҳо ва ҳукуматҳо дар минтақа "
            "муайян мекунанд.",
            "Программы и стратегии, которые определяют, как гражданское общество работает с донорами и "
            "правительствами в регионе.",
        ),
    ),
}

PROGRAMME = {
    "funder": t(
        "The Accountability Fund, administered by the Embassy of the Netherlands in Astana",
        "Фонди ҳисоботдиҳӣ, ки Сафорати Нидерланд дар Остона идора мекунад",
        "Фонд подотчётности под управлением Посольства Нидерландов в Астане",
    ),
    "implementer": t(
        "Eurasia Foundation of Central Asia (EFCA) - Tajikistan",
        "Бунёди Авруосиёи Осиёи Марказӣ (EFCA) - Тоҷикистон",
        "Фонд Евразия Центральной Азии (EFCA) - Таджикистан",
    ),
    "partners": t(
        "Three local and international experts who developed and delivered the training",
        "Се коршиноси маҳаллӣ ва байналмилалӣ, ки омӯзишро таҳия ва гузарониданд",
        "Три местных и международных эксперта, которые разработали и провели обучение",
    ),
    "staff_trained": 140,
    "organisations_trained": 70,
    "locations": 7,
    "training_days": 35,
    "course_days": 5,
    "body": [
        t(
            "The project helped Tajik CSOs, particularly those working to empower vulnerable communities, "
            "influence state decision-making at local and national level. In the long term this makes government "
            "more accountable to CSOs and the public and improves laws and services. CSOs that represent "
            "under-served and vulnerable groups had priority.",
            "Лоиҳа ба ташкилотҳои ҷамъиятии Тоҷикистон, махсусан онҳое, ки барои тавонмандсозии ҷамоатҳои "
            "осебпазир кор мекунанд, кумак кард, то ба қабули қарорҳои давлатӣ дар сатҳи маҳаллӣ ва миллӣ таъсир "
            "расонанд. Дар дарозмуддат ин ҳукуматро дар назди ташкилотҳои ҷамъиятӣ ва мардум ҳисоботдеҳтар мекунад "
            "ва қонунҳо ва хизматрасониҳоро беҳтар месозад. Ба ташкилотҳое, ки манфиати гурӯҳҳои камтаъмин ва "
            "осебпазирро ифода мекунанд, афзалият дода шуд.",
            "Проект помог ОГО Таджикистана, особенно тем, кто работает на расширение возможностей уязвимых "
            "сообществ, влиять на принятие государственных решений на местном и национальном уровне. В "
            "долгосрочной перспективе это делает государство более подотчётным ОГО и обществу и улучшает законы "
            "и услуги. Приоритет получили организации, представляющие интересы малообеспеченных и уязвимых групп.",
        ),
        t(
            "Each course ran for five days, one day for each of the sessions below. The training materials now "
            "live in this site's courses and library, where other CSOs can add their own.",
            "Ҳар курс панҷ рӯз давом кард, барои ҳар як машғулияти зерин як рӯз. Маводи омӯзишӣ акнун дар курсҳо "
            "ва китобхонаи ҳамин сомона ҷойгир аст ва ташкилотҳои дигар метавонанд маводи худро илова кунанд.",
            "Каждый курс длился пять дней, по одному дню на каждую из сессий ниже. Учебные материалы теперь "
            "находятся в курсах и библиотеке этого сайта, куда другие ОГО могут добавлять свои.",
        ),
    ],
}

SESSIONS = [
    {
        "number": 1,
        "slug": "laws-and-csos",
        "title": t(
            "The laws that govern CSOs in Tajikistan",
            "Қонунҳое, ки фаъолияти ташкилотҳои ҷамъиятиро дар Тоҷикистон танзим мекунанд",
            "Законы, регулирующие деятельность ОГО в Таджикистане",
        ),
        "summary": t(
            "The updated law on the (re)registration of CSOs, the role of CSOs in civic life as the laws of the "
            "Republic of Tajikistan define it, and the formal and informal limits on what CSOs can do.",
            "Қонуни навшудаи бақайдгирӣ ва бақайдгирии такрории ташкилотҳои ҷамъиятӣ, нақши ташкилотҳои "
            "ҷамъиятӣ дар ҳаёти ҷамъиятӣ тибқи қонунҳои Ҷумҳурии Тоҷикистон ва маҳдудиятҳои расмӣ ва ғайрирасмӣ "
            "дар фаъолияти онҳо.",
            "Обновлённый закон о (пере)регистрации ОГО, роль ОГО в общественной жизни согласно законам "
            "Республики Таджикистан, а также формальные и неформальные ограничения их деятельности.",
        ),
        "topics": [
            t(
                "The updated law on the (re)registration of CSOs",
                "Қонуни навшуда дар бораи бақайдгирӣ ва бақайдгирии такрории ташкилотҳои ҷамъиятӣ",
                "Обновлённый закон о регистрации и перерегистрации ОГО",
            ),
            t(
                "The role of CSOs in civic life and the laws that define it",
                "Нақши ташкилотҳои ҷамъиятӣ дар ҳаёти ҷамъиятӣ ва қонунҳое, ки онро муайян мекунанд",
                "Роль ОГО в общественной жизни и законы, которые её определяют",
            ),
            t(
                "Formal and informal constraints on CSO activity",
                "Маҳдудиятҳои расмӣ ва ғайрирасмӣ дар фаъолияти ташкилотҳои ҷамъиятӣ",
                "Формальные и неформальные ограничения деятельности ОГО",
            ),
        ],
        "objectives": [
            t(
                "Explain what the updated law requires of your organisation",
                "Шарҳ додан, ки қонуни навшуда аз ташкилоти шумо чӣ талаб мекунад",
                "Объяснить, что обновлённый закон требует от вашей организации",
            ),
            t(
                "Name the laws that give CSOs a role in public life",
                "Номбар кардани қонунҳое, ки ба ташкилотҳои ҷамъиятӣ дар ҳаёти ҷомеа нақш медиҳанд",
                "Назвать законы, которые дают ОГО роль в общественной жизни",
            ),
            t(
                "Recognise the limits that can stop your work, and plan around them",
                "Маҳдудиятҳоеро, ки метавонанд кори шуморо боздоранд, шинохтан ва бо назардошти онҳо нақша кашидан",
                "Распознавать ограничения, которые могут остановить вашу работу, и планировать с их учётом",
            ),
        ],
    },
    {
        "number": 2,
        "slug": "power-structures",
        "title": t(
            "Formal and informal power structures",
            "Сохторҳои расмӣ ва ғайрирасмии ҳокимият",
            "Формальные и неформальные структуры власти",
        ),
        "summary": t(
            "An introduction to stakeholder mapping, looking at how structures and dynamics differ at township, "
            "district, provincial and national level in Tajikistan.",
            "Шиносоӣ бо харитасозии ҷонибҳои манфиатдор: сохторҳо ва равандҳо дар сатҳи шаҳрак, ноҳия, вилоят ва "
            "ҷумҳурӣ дар Тоҷикистон чӣ фарқ доранд.",
            "Введение в картирование заинтересованных сторон: чем различаются структуры и их динамика на уровне "
            "посёлка, района, области и страны в Таджикистане.",
        ),
        "topics": [
            t(
                "Stakeholder mapping: who decides, who influences",
                "Харитасозии ҷонибҳои манфиатдор: кӣ қарор қабул мекунад, кӣ таъсир мерасонад",
                "Картирование заинтересованных сторон: кто решает, кто влияет",
            ),
            t(
                "Formal and informal power in Tajikistan",
                "Ҳокимияти расмӣ ва ғайрирасмӣ дар Тоҷикистон",
                "Формальная и неформальная власть в Таджикистане",
            ),
            t(
                "Township, district, provincial and national levels",
                "Сатҳҳои шаҳрак, ноҳия, вилоят ва ҷумҳурӣ",
                "Уровни посёлка, района, области и страны",
            ),
        ],
        "objectives": [
            t(
                "Draw a stakeholder map for an issue your organisation works on",
                "Барои масъалае, ки ташкилоти шумо бо он кор мекунад, харитаи ҷонибҳои манфиатдорро кашидан",
                "Составить карту заинтересованных сторон по вопросу, которым занимается ваша организация",
            ),
            t(
                "Tell formal decision-makers from informal influencers",
                "Фарқ гузоштан байни қабулкунандагони расмии қарор ва шахсони бонуфузи ғайрирасмӣ",
                "Отличать официальных лиц, принимающих решения, от неформальных влиятельных людей",
            ),
        ],
    },
    {
        "number": 3,
        "slug": "persuasion-and-communication",
        "title": t("Persuasion and communication", "Боварбахшӣ ва муошират", "Убеждение и коммуникация"),
        "summary": t(
            "The etiquette of dialogue between CSOs and government, the pitfalls to avoid when engaging officials, "
            "and why an up-to-date, professional public image matters.",
            "Одоби муколама байни ташкилотҳои ҷамъиятӣ ва ҳукумат, хатоҳое, ки дар кор бо мансабдорон бояд "
            "пешгирӣ кард, ва чаро симои касбӣ ва навшудаи ташкилот муҳим аст.",
            "Этикет диалога между ОГО и государством, ошибки, которых стоит избегать при работе с чиновниками, "
            "и почему важен профессиональный и актуальный публичный образ.",
        ),
        "topics": [
            t(
                "The etiquette of CSO-government dialogue",
                "Одоби муколамаи ташкилотҳои ҷамъиятӣ бо ҳукумат",
                "Этикет диалога ОГО с государством",
            ),
            t(
                "Avoiding pitfalls in government engagement",
                "Пешгирии хатоҳо дар ҳамкорӣ бо мақомоти давлатӣ",
                "Как избежать ошибок во взаимодействии с госорганами",
            ),
            t(
                "A professional, up-to-date public image",
                "Симои касбӣ ва навшудаи ташкилот дар назди ҷомеа",
                "Профессиональный и актуальный публичный образ",
            ),
        ],
        "objectives": [
            t(
                "Prepare a short, respectful message for an official",
                "Барои мансабдор паёми кӯтоҳ ва боэҳтиром омода кардан",
                "Подготовить краткое и уважительное обращение к чиновнику",
            ),
            t(
                "Check your organisation's public image and what to update",
                "Симои ташкилоти худро санҷидан ва муайян кардан, ки чиро бояд нав кард",
                "Проверить публичный образ своей организации и понять, что обновить",
            ),
        ],
    },
    {
        "number": 4,
        "slug": "long-term-relationships",
        "title": t(
            "Building long-term relationships with state institutions",
            "Бунёди муносибатҳои дарозмуддат бо муассисаҳои давлатӣ",
            "Построение долгосрочных отношений с государственными учреждениями",
        ),
        "summary": t(
            "Professionalism in formal and informal settings, and how to build relationships with an institution "
            "that last longer than one person's connections.",
            "Касбият дар вазъияти расмӣ ва ғайрирасмӣ ва чӣ гуна бо муассиса муносибате бунёд кардан, ки аз "
            "робитаҳои шахсии як нафар дарозтар давом кунад.",
            "Профессионализм в официальной и неофициальной обстановке и как выстроить с учреждением отношения, "
            "которые переживут личные связи одного человека.",
        ),
        "topics": [
            t(
                "Professionalism in formal and informal settings",
                "Касбият дар вазъияти расмӣ ва ғайрирасмӣ",
                "Профессионализм в официальной и неофициальной обстановке",
            ),
            t(
                "Relationships that outlast personal connections",
                "Муносибатҳое, ки аз робитаҳои шахсӣ дарозтар давом мекунанд",
                "Отношения, которые переживут личные связи",
            ),
        ],
        "objectives": [
            t(
                "Plan regular contact with an institution, not only with one official",
                "Тамоси мунтазамро бо муассиса, на танҳо бо як мансабдор, ба нақша гирифтан",
                "Планировать регулярные контакты с учреждением, а не только с одним чиновником",
            ),
            t(
                "Keep a record of agreements so the next person can continue them",
                "Созишномаҳоро сабт кардан, то шахси навбатӣ онҳоро идома диҳад",
                "Фиксировать договорённости, чтобы их мог продолжить следующий человек",
            ),
        ],
    },
    {
        "number": 5,
        "slug": "project-proposals",
        "title": t("Developing project proposals", "Таҳияи пешниҳодҳои лоиҳавӣ", "Разработка проектных предложений"),
        "summary": t(
            "Developing projects, seeking the buy-in of the relevant state bodies, and understanding how "
            "international donors look at a proposal.",
            "Таҳияи лоиҳаҳо, ҷалби дастгирии мақомоти давлатии дахлдор ва фаҳмидани он, ки донорҳои "
            "байналмилалӣ ба пешниҳод чӣ гуна менигаранд.",
            "Разработка проектов, получение поддержки профильных государственных органов и понимание того, как "
            "международные доноры оценивают предложение.",
        ),
        "topics": [
            t(
                "Developing a project from need to plan",
                "Таҳияи лоиҳа: аз ниёз то нақша",
                "Разработка проекта: от потребности к плану",
            ),
            t(
                "Seeking buy-in from the relevant state bodies",
                "Ҷалби дастгирии мақомоти давлатии дахлдор",
                "Получение поддержки профильных госорганов",
            ),
            t(
                "Understanding international donors' perspectives",
                "Фаҳмидани нуқтаи назари донорҳои байналмилалӣ",
                "Понимание позиции международных доноров",
            ),
        ],
        "objectives": [
            t(
                "Write a project proposal that answers a real need",
                "Пешниҳоди лоиҳавие навиштан, ки ба ниёзи воқеӣ ҷавоб диҳад",
                "Написать проектное предложение, отвечающее реальной потребности",
            ),
            t(
                "Explain your project in the terms a donor and a ministry use",
                "Лоиҳаи худро бо истилоҳоте, ки донор ва вазорат истифода мебаранд, шарҳ додан",
                "Объяснить свой проект на языке донора и министерства",
            ),
        ],
    },
]

CONSULTATION = {
    "slug": "world-bank-cpf-bokhtar-2026",
    "title": t(
        "World Bank Group consultation on the Country Partnership Framework, Bokhtar",
        "Машварати Гурӯҳи Бонки Ҷаҳонӣ оид ба Чаҳорчӯбаи шарикӣ бо кишвар, Бохтар",
        "Консультация Группы Всемирного банка по Рамочной программе партнёрства со страной, Бохтар",
    ),
    "summary": t(
        "Civil society organisations, community groups, youth and academics of Khatlon region gave the World "
        "Bank Group their feedback and recommendations on its proposed Country Partnership Framework for "
        "Tajikistan 2026-2031: priorities, current needs and challenges, and how to make the impact last.",
        "Ташкилотҳои ҷомеаи шаҳрвандӣ, гурӯҳҳои ҷамоатӣ, ҷавонон ва олимони вилояти Хатлон ба Гурӯҳи Бонки "
        "Ҷаҳонӣ оид ба Чаҳорчӯбаи пешниҳодшудаи шарикӣ бо Тоҷикистон барои солҳои 2026-2031 фикру мулоҳиза ва "
        "тавсияҳои худро пешниҳод карданд: афзалиятҳо, ниёзҳо ва мушкилоти кунунӣ ва роҳҳои дарозмуддат "
        "гардонидани натиҷаҳо.",
        "Организации гражданского общества, общественные группы, молодёжь и представители научных кругов "
        "Хатлонской области высказали Группе Всемирного банка свои замечания и рекомендации по предлагаемой "
        "Рамочной программе партнёрства с Таджикистаном на 2026-2031 годы: приоритеты, текущие потребности и "
        "проблемы, и как сделать результаты долговременными.",
    ),
    "date": datetime.date(2026, 2, 11),
    "venue": t(
        "Conference room of the Levakand Hotel",
        "Толори конфронсии меҳмонхонаи «Левакант»",
        "Конференц-зал гостиницы «Левакант»",
    ),
    "city": t("Bokhtar", "Бохтар", "Бохтар"),
    "region": "khatlon",
    "country": t("Tajikistan", "Тоҷикистон", "Таджикистан"),
    "convener": t("World Bank Group", "Гурӯҳи Бонки Ҷаҳонӣ", "Группа Всемирного банка"),
    "framework": t(
        "Country Partnership Framework 2026-2031",
        "Чаҳорчӯбаи шарикӣ бо кишвар барои солҳои 2026-2031",
        "Рамочная программа партнёрства со страной на 2026-2031 годы",
    ),
    "participants": 37,
    "promised_follow_up": t(
        "The World Bank Group team said this consultation is a beginning: there will be follow-up meetings to "
        "understand local needs better and link existing projects with them.",
        "Гурӯҳи Бонки Ҷаҳонӣ гуфт, ки ин машварат танҳо оғоз аст: вохӯриҳои минбаъда барои беҳтар фаҳмидани "
        "ниёзҳои маҳаллӣ ва пайванд додани лоиҳаҳои амалкунанда бо онҳо баргузор мешаванд.",
        "Команда Группы Всемирного банка сообщила, что эта консультация — только начало: будут проведены "
        "последующие встречи, чтобы лучше понять местные потребности и связать с ними действующие проекты.",
    ),
    "key_topics": [
        {
            "heading": t(
                "CSOs' access to funding and procurement, and use of local expertise",
                "Дастрасии ташкилотҳои ҷамъиятӣ ба маблағгузорӣ ва харидҳо ва истифодаи таҷрибаи маҳаллӣ",
                "Доступ ОГО к финансированию и закупкам и использование местной экспертизы",
            ),
            "raised": [
                t(
                    "Grant funding for CSOs has declined, and large contracts often go to international consulting "
                    "firms, leaving local CSOs a very small share despite their local knowledge.",
                    "Маблағгузории грантӣ барои ташкилотҳои ҷамъиятӣ кам шудааст ва шартномаҳои калон аксар вақт "
                    "ба ширкатҳои машваратии байналмилалӣ дода мешаванд, гарчанде ташкилотҳои маҳаллӣ шароити "
                    "ҷойро беҳтар медонанд, ҳиссаи онҳо хеле кам аст.",
                    "Грантовое финансирование ОГО сократилось, а крупные контракты часто получают международные "
                    "консалтинговые компании, и местным ОГО достаётся очень малая доля, несмотря на знание местных "
                    "условий.",
                ),
                t(
                    "Participants suggested procurement lots with dedicated lines for local CSOs, such as community "
                    "mobilisation, outreach, training and local facilitation, and stressed using local specialists "
                    "and trainers who know the context and traditions.",
                    "Иштирокчиён пешниҳод карданд, ки дар харидҳо қисмҳои махсус барои ташкилотҳои маҳаллӣ ҷудо "
                    "карда шаванд, масалан сафарбаркунии ҷамоат, корҳои иттилоотӣ, омӯзиш ва мусоидати маҳаллӣ, ва "
                    "таъкид карданд, ки мутахассисон ва омӯзгорони маҳаллӣ, ки шароит ва анъанаҳоро медонанд, ҷалб "
                    "карда шаванд.",
                    "Участники предложили выделять в закупках отдельные лоты для местных ОГО — мобилизация "
                    "сообществ, информационная работа, обучение и местная фасилитация — и подчеркнули важность "
                    "привлечения местных специалистов и тренеров, знающих контекст и традиции.",
                ),
            ],
            "response": t(
                "The World Bank Group team acknowledged the strength of local expertise and said it intends to "
                "consider how projects can make better use of local organisations and specialists, within the "
                "applicable implementation arrangements.",
                "Гурӯҳи Бонки Ҷаҳонӣ арзиши таҷрибаи маҳаллиро эътироф кард ва гуфт, ки баррасӣ хоҳад кард, ки чӣ "
                "гуна лоиҳаҳо метавонанд ташкилотҳо ва мутахассисони маҳаллиро дар доираи тартиботи амалисозӣ "
                "беҳтар истифода баранд.",
                "Команда Группы Всемирного банка признала ценность местной экспертизы и сообщила о намерении "
                "рассмотреть, как проекты могут лучше задействовать местные организации и специалистов в рамках "
                "действующих механизмов реализации.",
            ),
        },
        {
            "heading": t(
                "Digitalisation and innovation: digital technologies and skills",
                "Рақамикунонӣ ва навоварӣ: технологияҳо ва малакаҳои рақамӣ",
                "Цифровизация и инновации: цифровые технологии и навыки",
            ),
            "raised": [
                t(
                    "Participants asked the World Bank Group to invest in digital technologies across agriculture, "
                    "environmental protection, education and other key sectors.",
                    "Иштирокчиён аз Гурӯҳи Бонки Ҷаҳонӣ хоҳиш карданд, ки ба технологияҳои рақамӣ дар кишоварзӣ, "
                    "ҳифзи муҳити зист, маориф ва дигар соҳаҳои муҳим сармоягузорӣ кунад.",
                    "Участники попросили Группу Всемирного банка инвестировать в цифровые технологии в сельском "
                    "хозяйстве, охране окружающей среды, образовании и других ключевых отраслях.",
                ),
                t(
                    "They pointed to gaps in technical and vocational education, including economics-related "
                    "skills, and asked for market-oriented programmes that prepare people for today's labour market.",
                    "Онҳо ба камбудиҳо дар таҳсилоти техникӣ ва касбӣ, аз ҷумла малакаҳои иқтисодӣ, ишора карданд "
                    "ва барномаҳои ба бозор нигаронидашударо дархост карданд, ки одамонро ба бозори имрӯзаи меҳнат "
                    "омода созанд.",
                    "Они указали на пробелы в техническом и профессиональном образовании, в том числе в "
                    "экономических навыках, и попросили о программах, ориентированных на рынок и готовящих людей "
                    "к современному рынку труда.",
                ),
            ],
        },
        {
            "heading": t(
                "Infrastructure and local priorities: roads, energy and municipal services",
                "Инфрасохтор ва афзалиятҳои маҳаллӣ: роҳҳо, энергия ва хизматрасониҳои шаҳрӣ",
                "Инфраструктура и местные приоритеты: дороги, энергия и коммунальные услуги",
            ),
            "raised": [
                t(
                    "Participants described poor local roads, electricity shortages and hardship in heating that "
                    "affect people's health, and asked for more attention to municipal services in the regions.",
                    "Иштирокчиён дар бораи вазъи бади роҳҳои маҳаллӣ, норасоии барқ ва мушкилоти гармидиҳӣ, ки ба "
                    "саломатии мардум таъсир мерасонад, сухан гуфтанд ва хоҳиш карданд, ки ба хизматрасониҳои "
                    "шаҳрӣ дар минтақаҳо диққати бештар дода шавад.",
                    "Участники рассказали о плохом состоянии местных дорог, нехватке электроэнергии и трудностях с "
                    "отоплением, которые сказываются на здоровье людей, и попросили уделять больше внимания "
                    "коммунальным услугам в регионах.",
                ),
                t(
                    "They raised waste management in Bokhtar and nearby areas, offered CSO help with "
                    "community-level zoning, awareness and local implementation, and proposed working groups to "
                    "assess needs on the ground.",
                    "Онҳо масъалаи идоракунии партовҳоро дар Бохтар ва атрофи он бардоштанд, омодагии "
                    "ташкилотҳои ҷамъиятиро барои кӯмак дар минтақабандӣ дар сатҳи ҷамоат, баланд бардоштани "
                    "огоҳӣ ва амалисозии маҳаллӣ изҳор карданд ва таъсиси гурӯҳҳои кориро барои арзёбии ниёзҳо дар "
                    "ҷойҳо пешниҳод карданд.",
                    "Они подняли вопрос обращения с отходами в Бохтаре и окрестностях, выразили готовность ОГО "
                    "помочь с зонированием на уровне сообществ, информированием и реализацией на местах и "
                    "предложили создать рабочие группы для оценки потребностей на местах.",
                ),
            ],
            "response": t(
                "The team explained that this consultation is a beginning and that follow-up meetings will link "
                "existing projects with local needs.",
                "Гурӯҳ фаҳмонд, ки ин машварат оғоз аст ва вохӯриҳои минбаъда лоиҳаҳои амалкунандаро бо ниёзҳои "
                "маҳаллӣ пайванд хоҳанд дод.",
                "Команда пояснила, что эта консультация — начало и что последующие встречи свяжут действующие "
                "проекты с местными потребностями.",
            ),
        },
        {
            "heading": t(
                "Migration, employment and opportunities for women",
                "Муҳоҷират, шуғл ва имкониятҳо барои занон",
                "Миграция, занятость и возможности для женщин",
            ),
            "raised": [
                t(
                    "Participants described the social and economic difficulties of returning and deported "
                    "migrants, particularly women, and asked for targeted support for reintegration, jobs and local "
                    "livelihoods, with attention to the needs of women.",
                    "Иштирокчиён дар бораи мушкилоти иҷтимоӣ ва иқтисодии муҳоҷирони бозгашта ва ихроҷшуда, махсусан "
                    "занон, сухан гуфтанд ва барои барқароршавӣ дар ҷомеа, ҷойи кор ва манбаъҳои даромади маҳаллӣ "
                    "дастгирии мақсаднок бо назардошти ниёзҳои занон дархост карданд.",
                    "Участники рассказали о социальных и экономических трудностях вернувшихся и выдворенных "
                    "мигрантов, особенно женщин, и попросили о целевой поддержке их реинтеграции, трудоустройства "
                    "и местных источников дохода с учётом потребностей женщин.",
                ),
            ],
            "response": t(
                "The World Bank team referred to an ongoing social protection and employment project with the "
                "Ministry of Labour, Migration and Employment, which supports unemployed returning migrants through "
                "vocational training, skills development and help to start a business.",
                "Гурӯҳи Бонки Ҷаҳонӣ ба лоиҳаи амалкунандаи ҳифзи иҷтимоӣ ва шуғл, ки бо Вазорати меҳнат, "
                "муҳоҷират ва шуғли аҳолӣ амалӣ мешавад, ишора кард; он ба муҳоҷирони бозгаштаи бекор тавассути "
                "омӯзиши касбӣ, рушди малакаҳо ва кӯмак дар оғози соҳибкорӣ мадад мерасонад.",
                "Команда Всемирного банка сослалась на действующий проект социальной защиты и занятости, "
                "реализуемый с Министерством труда, миграции и занятости населения, который поддерживает "
                "безработных вернувшихся мигрантов через профессиональное обучение, развитие навыков и помощь в "
                "открытии своего дела.",
            ),
        },
        {
            "heading": t(
                "Violence prevention, social services and shelters",
                "Пешгирии зӯроварӣ, хизматрасониҳои иҷтимоӣ ва паноҳгоҳҳо",
                "Профилактика насилия, социальные услуги и приюты",
            ),
            "raised": [
                t(
                    "A women's organisation described years of legal, psychological and social support for "
                    "survivors of domestic violence, and the lack of stable funding for shelters and services. It "
                    "asked for stronger coordination with government and donors so that support becomes permanent.",
                    "Як ташкилоти занон дар бораи солҳои кӯмаки ҳуқуқӣ, равонӣ ва иҷтимоӣ ба наҷотёфтагони "
                    "хушунати хонаводагӣ ва набудани маблағгузории устувор барои паноҳгоҳҳо ва хизматрасониҳо нақл "
                    "кард. Он хоҳиш кард, ки ҳамоҳангӣ бо ҳукумат ва донорҳо тақвият дода шавад, то кӯмак доимӣ "
                    "гардад.",
                    "Женская организация рассказала о многолетней юридической, психологической и социальной помощи "
                    "пострадавшим от домашнего насилия и об отсутствии стабильного финансирования приютов и услуг. "
                    "Она попросила усилить координацию с государством и донорами, чтобы помощь стала постоянной.",
                ),
                t(
                    "Participants also raised early marriage prevention and violence among young people, and "
                    "proposed community initiatives with training, volunteers, psychologists and social workers.",
                    "Иштирокчиён инчунин масъалаи пешгирии издивоҷи барвақт ва зӯроварӣ дар байни ҷавононро "
                    "бардоштанд ва ташаббусҳои ҷамоатиро бо омӯзиш, ихтиёриён, равоншиносон ва кормандони иҷтимоӣ "
                    "пешниҳод карданд.",
                    "Участники также подняли вопросы профилактики ранних браков и насилия среди молодёжи и "
                    "предложили инициативы на уровне сообществ с обучением, волонтёрами, психологами и социальными "
                    "работниками.",
                ),
            ],
        },
    ],
}

CONSULTATION_RECOMMENDATIONS = [
    {
        "title": t(
            "Reserve procurement lots for local CSOs",
            "Дар харидҳо қисмҳоро барои ташкилотҳои маҳаллӣ ҷудо кунед",
            "Выделять в закупках лоты для местных ОГО",
        ),
        "text": t(
            "Design procurement lots with dedicated lines for local CSO roles such as community mobilisation and "
            "outreach, training and local facilitation.",
            "Дар харидҳо қисмҳои махсусро барои нақшҳои ташкилотҳои ҷамъиятии маҳаллӣ, аз қабили сафарбаркунии "
            "ҷамоат ва корҳои иттилоотӣ, омӯзиш ва мусоидати маҳаллӣ пешбинӣ кунед.",
            "Предусматривать в закупках отдельные лоты для местных ОГО: мобилизация сообществ и информационная "
            "работа, обучение и местная фасилитация.",
        ),
        "area": "funding-procurement",
        "addressee": "donors",
    },
    {
        "title": t(
            "Support returning migrants, especially women",
            "Муҳоҷирони бозгашта, махсусан занонро дастгирӣ кунед",
            "Поддержать вернувшихся мигрантов, особенно женщин",
        ),
        "text": t(
            "Provide targeted support for the reintegration of returning migrants, access to jobs and local "
            "livelihoods, with attention to the needs of women.",
            "Барои барқароршавии муҳоҷирони бозгашта дар ҷомеа, дастрасӣ ба ҷойи кор ва манбаъҳои даромади маҳаллӣ "
            "бо назардошти ниёзҳои занон дастгирии мақсаднок расонед.",
            "Оказывать целевую поддержку реинтеграции вернувшихся мигрантов, их доступу к работе и местным "
            "источникам дохода с учётом потребностей женщин.",
        ),
        "area": "migration-employment",
        "addressee": "donors",
    },
]

FORUM = {
    "slug": "eu-central-asia-forum-2021",
    "title": t(
        "EU-Central Asia Civil Society Forum 2021",
        "Форуми ҷомеаи шаҳрвандии ИА – Осиёи Марказӣ 2021",
        "Форум гражданского общества ЕС – Центральная Азия 2021",
    ),
    "date": datetime.date(2021, 10, 6),
    "city": t("Almaty", "Алмаато", "Алматы"),
    "country": t("Kazakhstan", "Қазоқистон", "Казахстан"),
    "theme": t(
        "Building Forward Better: engaging for a sustainable post-COVID recovery",
        "Беҳтар сохтани оянда: ҳамкорӣ барои барқароршавии устувор пас аз COVID",
        "Строить будущее лучше: взаимодействие ради устойчивого восстановления после COVID",
    ),
    "summary": t(
        "The third EU-Central Asia Civil Society Forum brought civil society from Central Asia and the European "
        "Union together to discuss the EU Strategy on Central Asia. Four sessions produced the recommendations "
        "listed below.",
        "Форуми сеюми ҷомеаи шаҳрвандии ИА – Осиёи Марказӣ намояндагони ҷомеаи шаҳрвандии Осиёи Марказӣ ва "
        "Иттиҳоди Аврупоро барои муҳокимаи Стратегияи ИА оид ба Осиёи Марказӣ ҷамъ овард. Дар чор ҷаласа "
        "тавсияҳое қабул шуданд, ки дар поён оварда шудаанд.",
        "Третий Форум гражданского общества ЕС – Центральная Азия собрал представителей гражданского общества "
        "Центральной Азии и Европейского союза для обсуждения Стратегии ЕС по Центральной Азии. Четыре сессии "
        "выработали рекомендации, приведённые ниже.",
    ),
    "concept": [
        t(
            "The Forum, held in 2019, 2020 and 2021, is a platform for dialogue between civil society from Central "
            "Asia and the European Union on how the EU Strategy on Central Asia is implemented. Through it, the EU "
            "in a Team Europe spirit seeks to promote the role of civil society in meeting the challenges partner "
            "countries face.",
            "Форум, ки солҳои 2019, 2020 ва 2021 баргузор шуд, майдони муколама байни ҷомеаи шаҳрвандии Осиёи "
            "Марказӣ ва Иттиҳоди Аврупо оид ба татбиқи Стратегияи ИА дар бораи Осиёи Марказӣ мебошад. Тавассути он "
            "ИА дар рӯҳияи «Дастаи Аврупо» мекӯшад нақши ҷомеаи шаҳрвандиро дар ҳалли мушкилоти кишварҳои шарик "
            "баланд бардорад.",
            "Форум, проходивший в 2019, 2020 и 2021 годах, — площадка для диалога гражданского общества "
            "Центральной Азии и Европейского союза о реализации Стратегии ЕС по Центральной Азии. Через него ЕС в "
            "духе «Команды Европа» стремится укрепить роль гражданского общества в решении проблем, стоящих перед "
            "странами-партнёрами.",
        ),
        t(
            "Civil society has an important role in strengthening the resilience and prosperity of societies and "
            "regional cooperation. It is also important for governments, civil society and the private sector to "
            "learn to dialogue with each other: as the space for civil society shrinks around the world, it should "
            "be kept open wherever possible.",
            "Ҷомеаи шаҳрвандӣ дар мустаҳкам кардани устуворӣ ва шукуфоии ҷомеаҳо ва ҳамкории минтақавӣ нақши "
            "муҳим дорад. Инчунин муҳим аст, ки ҳукуматҳо, ҷомеаи шаҳрвандӣ ва бахши хусусӣ муколама бо якдигарро "
            "омӯзанд: вақте ки фазо барои ҷомеаи шаҳрвандӣ дар ҷаҳон танг мешавад, онро дар ҳар ҷое ки имкон дорад, "
            "бояд нигоҳ дошт.",
            "Гражданское общество играет важную роль в укреплении устойчивости и благосостояния обществ и "
            "регионального сотрудничества. Важно также, чтобы правительства, гражданское общество и частный "
            "сектор учились вести диалог друг с другом: когда пространство для гражданского общества в мире "
            "сужается, его нужно сохранять везде, где это возможно.",
        ),
    ],
    "conclusions": t(
        "Civil society plays an important role in implementing the EU-Central Asia Strategy. Implementation needs "
        "to speed up, even though the COVID-19 pandemic and the developments in Afghanistan may have changed the "
        "order of priorities.",
        "Ҷомеаи шаҳрвандӣ дар татбиқи Стратегияи ИА – Осиёи Марказӣ нақши муҳим дорад. Татбиқи он бояд тезонида "
        "шавад, гарчанде пандемияи COVID-19 ва рӯйдодҳо дар Афғонистон метавонанд тартиби афзалиятҳоро тағйир "
        "дода бошанд.",
        "Гражданское общество играет важную роль в реализации Стратегии ЕС – Центральная Азия. Её реализацию "
        "нужно ускорить, хотя пандемия COVID-19 и события в Афганистане могли изменить порядок приоритетов.",
    ),
    "sessions": [
        {
            "number": 1,
            "title": t(
                "Taking stock of the EU Central Asia Strategy and next steps",
                "Ҷамъбасти татбиқи Стратегияи ИА оид ба Осиёи Марказӣ ва қадамҳои минбаъда",
                "Итоги реализации Стратегии ЕС по Центральной Азии и дальнейшие шаги",
            ),
            "examined": t(
                "The implementation of the EU Central Asia Strategy, the Team Europe approach to Central Asia and "
                "the role of civil society.",
                "Татбиқи Стратегияи ИА оид ба Осиёи Марказӣ, равиши «Дастаи Аврупо» ба Осиёи Марказӣ ва нақши "
                "ҷомеаи шаҳрвандӣ.",
                "Реализация Стратегии ЕС по Центральной Азии, подход «Команды Европа» к региону и роль "
                "гражданского общества.",
            ),
            "discussion_points": [
                t(
                    "Engagement between the EU and Central Asia has broadened, with more platforms for dialogue and "
                    "more areas of cooperation.",
                    "Ҳамкории ИА ва Осиёи Марказӣ васеъ шудааст: майдонҳои муколама ва соҳаҳои ҳамкорӣ бештар шудаанд.",
                    "Взаимодействие ЕС и Центральной Азии расширилось: стало больше площадок для диалога и "
                    "направлений сотрудничества.",
                ),
                t(
                    "Central Asian partners pointed to slow decision-making on the EU side, seen as a lack of "
                    "follow-up, and to low budgets.",
                    "Шарикони Осиёи Марказӣ ба суст қабул шудани қарорҳо аз ҷониби ИА, ки ҳамчун набудани пайгирӣ "
                    "дида мешавад, ва ба камии буҷет ишора карданд.",
                    "Партнёры из Центральной Азии указали на медленное принятие решений со стороны ЕС, которое "
                    "воспринимается как отсутствие последующих действий, и на небольшие бюджеты.",
                ),
                t(
                    "Women's rights became more fragile during the pandemic, with domestic violence coming to the "
                    "fore.",
                    "Ҳуқуқҳои занон дар давраи пандемия осебпазиртар шуданд ва хушунати хонаводагӣ ба мадди аввал "
                    "баромад.",
                    "Во время пандемии права женщин стали более уязвимыми, на первый план вышло домашнее насилие.",
                ),
            ],
        },
        {
            "number": 2,
            "title": t(
                "Strengthening resilience through inclusion",
                "Мустаҳкам кардани устуворӣ тавассути фарогирӣ",
                "Укрепление устойчивости через инклюзивность",
            ),
            "examined": t(
                "How civil society helps communities meet their challenges: community resilience, health, rule "
                "of law and access to justice.",
                "Чӣ тавр ҷомеаи шаҳрвандӣ ба ҷамоатҳо дар ҳалли мушкилоташон кӯмак мекунад: устувории ҷамоат, "
                "тандурустӣ, волоияти қонун ва дастрасӣ ба адолати судӣ.",
                "Как гражданское общество помогает сообществам решать их проблемы: устойчивость сообществ, "
                "здоровье, верховенство права и доступ к правосудию.",
            ),
            "discussion_points": [
                t(
                    "Civil society should take part in reforms as an equal partner of government, and needs more "
                    "consolidated positions to do so.",
                    "Ҷомеаи шаҳрвандӣ бояд дар ислоҳот ҳамчун шарики баробарҳуқуқи ҳукумат иштирок кунад ва барои "
                    "ин мавқеъҳои муттаҳидтар лозим аст.",
                    "Гражданское общество должно участвовать в реформах как равноправный партнёр государства, и для "
                    "этого ему нужны более консолидированные позиции.",
                ),
                t(
                    "NGOs were instrumental in the COVID-19 response from a rights perspective, working with the "
                    "authorities and media.",
                    "Ташкилотҳои ғайриҳукуматӣ дар мубориза бо COVID-19 аз нуқтаи назари ҳуқуқ, дар ҳамкорӣ бо "
                    "мақомот ва расонаҳо, нақши калидӣ бозиданд.",
                    "НПО сыграли ключевую роль в ответе на COVID-19 с точки зрения прав человека, работая с властями "
                    "и СМИ.",
                ),
                t(
                    "The space for civil society and media is shrinking, and trust in governments is low.",
                    "Фазо барои ҷомеаи шаҳрвандӣ ва расонаҳо танг мешавад ва эътимод ба ҳукуматҳо паст аст.",
                    "Пространство для гражданского общества и СМИ сужается, а доверие к правительствам низкое.",
                ),
            ],
        },
        {
            "number": 3,
            "title": t(
                "Green prosperity: the potential of women and youth",
                "Шукуфоии сабз: нерӯи занон ва ҷавонон",
                "Зелёное процветание: потенциал женщин и молодёжи",
            ),
            "examined": t(
                "How civil society can empower women and youth for a green recovery, through social "
                "entrepreneurship, digitalisation and work with business.",
                "Чӣ тавр ҷомеаи шаҳрвандӣ метавонад занон ва ҷавононро барои барқароршавии сабз тавассути "
                "соҳибкории иҷтимоӣ, рақамикунонӣ ва ҳамкорӣ бо тиҷорат тавонманд гардонад.",
                "Как гражданское общество может расширить возможности женщин и молодёжи для зелёного "
                "восстановления через социальное предпринимательство, цифровизацию и работу с бизнесом.",
            ),
            "discussion_points": [
                t(
                    "Policies for a green economy and women's empowerment should build on the historical and "
                    "cultural foundation already in place.",
                    "Сиёсат барои иқтисоди сабз ва тавонмандсозии занон бояд ба заминаи таърихӣ ва фарҳангии "
                    "мавҷуда такя кунад.",
                    "Политика зелёной экономики и расширения прав женщин должна опираться на существующую "
                    "историческую и культурную основу.",
                ),
                t(
                    "CSOs showed how they bring the internet, devices and digital skills to remote areas and create "
                    "content in local languages.",
                    "Ташкилотҳои ҷамъиятӣ нишон доданд, ки чӣ тавр интернет, дастгоҳҳо ва малакаҳои рақамиро ба "
                    "минтақаҳои дурдаст мерасонанд ва ба забонҳои маҳаллӣ мундариҷа эҷод мекунанд.",
                    "ОГО показали, как они приносят интернет, устройства и цифровые навыки в отдалённые районы и "
                    "создают контент на местных языках.",
                ),
                t(
                    "CSOs work with authorities and businesses to give survivors of domestic violence skills and jobs.",
                    "Ташкилотҳои ҷамъиятӣ бо мақомот ва тиҷорат ҳамкорӣ мекунанд, то ба наҷотёфтагони хушунати "
                    "хонаводагӣ малака ва ҷойи кор диҳанд.",
                    "ОГО работают с властями и бизнесом, чтобы дать пострадавшим от домашнего насилия навыки и работу.",
                ),
            ],
        },
        {
            "number": 4,
            "title": t(
                "Regional cooperation: addressing environmental challenges",
                "Ҳамкории минтақавӣ: ҳалли мушкилоти экологӣ",
                "Региональное сотрудничество: решение экологических проблем",
            ),
            "examined": t(
                "The role of civil society in green strategies, in cross-border environmental cooperation and "
                "confidence building, and the knowledge of local communities.",
                "Нақши ҷомеаи шаҳрвандӣ дар стратегияҳои сабз, дар ҳамкории фаромарзии экологӣ ва эътимодсозӣ ва "
                "дониши ҷамоатҳои маҳаллӣ.",
                "Роль гражданского общества в зелёных стратегиях, в трансграничном экологическом сотрудничестве и "
                "укреплении доверия, а также знания местных сообществ.",
            ),
            "discussion_points": [
                t(
                    "Environmental challenges are a matter of survival for the region, and climate change shows "
                    "itself most clearly through water.",
                    "Мушкилоти экологӣ барои минтақа масъалаи зинда мондан аст ва тағйирёбии иқлим бештар аз ҳама "
                    "тавассути об зоҳир мешавад.",
                    "Экологические проблемы для региона — вопрос выживания, а изменение климата заметнее всего "
                    "проявляется через воду.",
                ),
                t(
                    "Civil society can raise awareness, build cross-border confidence and connect authorities with "
                    "grassroots communities.",
                    "Ҷомеаи шаҳрвандӣ метавонад огоҳиро баланд бардорад, эътимоди фаромарзиро мустаҳкам кунад ва "
                    "мақомотро бо ҷамоатҳои маҳаллӣ пайванд диҳад.",
                    "Гражданское общество может повышать осведомлённость, укреплять трансграничное доверие и "
                    "связывать власти с местными сообществами.",
                ),
                t(
                    "Water problems in the region carry a high potential for conflict.",
                    "Мушкилоти об дар минтақа хатари баланди низоъ доранд.",
                    "Водные проблемы в регионе несут высокий конфликтный потенциал.",
                ),
            ],
        },
    ],
}


def _recommendation(session, area, addressee, title, text):
    return {"session": session, "area": area, "addressee": addressee, "title": title, "text": text}


FORUM_RECOMMENDATIONS = [
    _recommendation(
        1,
        "regional-cooperation",
        "eu",
        t(
            "Support regional cooperation among CSOs",
            "Ҳамкории минтақавии ташкилотҳои ҷамъиятиро дастгирӣ кунед",
            "Поддерживать региональное сотрудничество ОГО",
        ),
        t(
            "Encourage and support regional cooperation among civil society organisations on social, economic, "
            "environmental and climate issues, including in Afghanistan, so they can exchange experience and "
            "lessons learned.",
            "Ҳамкории минтақавии ташкилотҳои ҷомеаи шаҳрвандӣ дар масъалаҳои иҷтимоӣ, иқтисодӣ, экологӣ ва иқлимӣ, "
            "аз ҷумла дар Афғонистон, ташвиқ ва дастгирӣ карда шавад, то онҳо таҷриба ва дарсҳои омӯхтаро мубодила "
            "кунанд.",
            "Поощрять и поддерживать региональное сотрудничество организаций гражданского общества по "
            "социальным, экономическим, экологическим и климатическим вопросам, в том числе в Афганистане, чтобы "
            "они обменивались опытом и извлечёнными уроками.",
        ),
    ),
    _recommendation(
        1,
        "gender-equality",
        "eu",
        t(
            "Help countries meet their UN commitments",
            "Ба кишварҳо дар иҷрои ӯҳдадориҳои СММ кӯмак кунед",
            "Помогать странам выполнять обязательства перед ООН",
        ),
        t(
            "Support Central Asian countries in implementing their UN commitments and other international "
            "standards, including gender equality and human rights, without specifically promoting Western values.",
            "Ба кишварҳои Осиёи Марказӣ дар иҷрои ӯҳдадориҳои СММ ва дигар стандартҳои байналмилалӣ, аз ҷумла "
            "баробарии гендерӣ ва ҳуқуқи инсон, бе тарғиби махсуси арзишҳои ғарбӣ кӯмак расонида шавад.",
            "Поддерживать страны Центральной Азии в выполнении обязательств перед ООН и других международных "
            "стандартов, включая гендерное равенство и права человека, без специального продвижения западных "
            "ценностей.",
        ),
    ),
    _recommendation(
        1,
        "civic-education",
        "eu",
        t(
            "More civic education for young people",
            "Маърифати шаҳрвандии бештар барои ҷавонон",
            "Больше гражданского образования для молодёжи",
        ),
        t(
            "Give more support and engagement to civic education for youth.",
            "Ба маърифати шаҳрвандии ҷавонон дастгирӣ ва таваҷҷуҳи бештар зоҳир карда шавад.",
            "Уделять больше поддержки и внимания гражданскому образованию молодёжи.",
        ),
    ),
    _recommendation(
        1,
        "capacity-building",
        "donors",
        t(
            "Support new local initiatives born in the pandemic",
            "Ташаббусҳои нави маҳаллиеро, ки дар давраи пандемия пайдо шуданд, дастгирӣ кунед",
            "Поддерживать новые местные инициативы, возникшие в пандемию",
        ),
        t(
            "Explore and support the new local initiatives that emerged within civil society during the pandemic, "
            "rather than business as usual.",
            "Ташаббусҳои нави маҳаллӣ, ки дар давраи пандемия дар ҷомеаи шаҳрвандӣ пайдо шуданд, ба ҷои кори одатӣ "
            "омӯхта ва дастгирӣ карда шаванд.",
            "Изучать и поддерживать новые местные инициативы, возникшие в гражданском обществе во время пандемии, "
            "вместо того чтобы действовать по-старому.",
        ),
    ),
    _recommendation(
        2,
        "cso-government",
        "donors",
        t(
            "Widely support civil society",
            "Ҷомеаи шаҳрвандиро васеъ дастгирӣ кунед",
            "Широко поддерживать гражданское общество",
        ),
        t(
            "The international community should widely support civil society and proactively support its "
            "engagement with authorities through commitments already made, such as national development plans; in "
            "Kazakhstan, the Enhanced Partnership and Cooperation Agreement should have a chapter on civil society.",
            "Ҷомеаи байналмилалӣ бояд ҷомеаи шаҳрвандиро васеъ дастгирӣ кунад ва ҳамкории онро бо мақомот тавассути "
            "ӯҳдадориҳои қаблан қабулшуда, масалан нақшаҳои рушди миллӣ, фаъолона дастгирӣ намояд; дар Қазоқистон "
            "Созишномаи васеъи шарикӣ ва ҳамкорӣ бояд боби махсус дар бораи ҷомеаи шаҳрвандӣ дошта бошад.",
            "Международное сообщество должно широко поддерживать гражданское общество и активно содействовать его "
            "взаимодействию с властями через уже принятые обязательства, например национальные планы развития; в "
            "Казахстане Соглашение о расширенном партнёрстве и сотрудничестве должно содержать главу о "
            "гражданском обществе.",
        ),
    ),
    _recommendation(
        2,
        "accountability",
        "eu",
        t(
            "Let CSOs monitor EU-funded projects",
            "Ба ташкилотҳои ҷамъиятӣ имкон диҳед, ки лоиҳаҳои маблағгузории ИА-ро назорат кунанд",
            "Дать ОГО возможность отслеживать проекты, финансируемые ЕС",
        ),
        t(
            "Encourage and support CSOs to monitor the funding and impact of projects implemented by the EU, for "
            "accountability and transparency of the funds the State uses for policies and services.",
            "Ташкилотҳои ҷамъиятӣ барои назорати маблағгузорӣ ва таъсири лоиҳаҳое, ки ИА амалӣ мекунад, ташвиқ ва "
            "дастгирӣ карда шаванд, то ҳисоботдиҳӣ ва шаффофияти маблағҳое, ки давлат барои сиёсат ва "
            "хизматрасониҳо истифода мебарад, таъмин гардад.",
            "Поощрять и поддерживать ОГО в мониторинге финансирования и результатов проектов, реализуемых ЕС, ради "
            "подотчётности и прозрачности средств, которые государство использует на политику и услуги.",
        ),
    ),
    _recommendation(
        2,
        "health",
        "donors",
        t(
            "Support NGOs' work on health and social policy",
            "Кори ташкилотҳои ғайриҳукуматиро дар соҳаи тандурустӣ ва сиёсати иҷтимоӣ дастгирӣ кунед",
            "Поддерживать работу НПО в здравоохранении и социальной политике",
        ),
        t(
            "Support NGOs in strengthening social policies and the right to health, with wider coverage of rural "
            "areas and vulnerable groups.",
            "Ташкилотҳои ғайриҳукуматӣ дар беҳтар кардани сиёсати иҷтимоӣ ва ҳуқуқ ба тандурустӣ бо фарогирии "
            "васеътари деҳот ва гурӯҳҳои осебпазир дастгирӣ карда шаванд.",
            "Поддерживать НПО в укреплении социальной политики и права на здоровье с более широким охватом "
            "сельских районов и уязвимых групп.",
        ),
    ),
    _recommendation(
        2,
        "capacity-building",
        "donors",
        t(
            "Support research on social change",
            "Тадқиқоти тағйироти иҷтимоиро дастгирӣ кунед",
            "Поддерживать исследования общественных изменений",
        ),
        t(
            "Support research into and understanding of the processes taking place in society.",
            "Тадқиқот ва фаҳмиши равандҳое, ки дар ҷомеа ба амал меоянд, дастгирӣ карда шаванд.",
            "Поддерживать исследования и понимание процессов, происходящих в обществе.",
        ),
    ),
    _recommendation(
        2,
        "gender-equality",
        "governments",
        t(
            "Keep acting on domestic violence",
            "Мубориза бо хушунати хонаводагиро идома диҳед",
            "Продолжать бороться с домашним насилием",
        ),
        t(
            "Continue action on domestic violence and women's empowerment.",
            "Чораҳо бар зидди хушунати хонаводагӣ ва барои тавонмандсозии занон идома дода шаванд.",
            "Продолжать действия против домашнего насилия и за расширение прав и возможностей женщин.",
        ),
    ),
    _recommendation(
        2,
        "rule-of-law",
        "governments",
        t(
            "Build human-centred, inclusive institutions",
            "Муассисаҳои ба инсон нигаронидашуда ва фарогир бунёд кунед",
            "Строить человекоориентированные и инклюзивные институты",
        ),
        t(
            "Work towards human-centred and inclusive institutions as the basis of resilient societies.",
            "Барои бунёди муассисаҳои ба инсон нигаронидашуда ва фарогир ҳамчун асоси ҷомеаҳои устувор кор карда "
            "шавад.",
            "Работать над созданием человекоориентированных и инклюзивных институтов как основы устойчивых обществ.",
        ),
    ),
    _recommendation(
        3,
        "digitalisation",
        "governments",
        t(
            "Engaging online learning and media literacy",
            "Таълими онлайни ҷолиб ва саводнокии расонаӣ",
            "Увлекательное онлайн-обучение и медиаграмотность",
        ),
        t(
            "Develop online educational content that engages children in a modern way, and teach media literacy "
            "and critical thinking alongside digital skills.",
            "Барои таълими онлайн мундариҷае таҳия карда шавад, ки кӯдаконро ба таври муосир ҷалб кунад, ва дар "
            "баробари малакаҳои рақамӣ саводнокии расонаӣ ва тафаккури интиқодӣ омӯзонида шавад.",
            "Создавать образовательный онлайн-контент, который увлекает детей современным способом, и вместе с "
            "цифровыми навыками обучать медиаграмотности и критическому мышлению.",
        ),
    ),
    _recommendation(
        3,
        "digitalisation",
        "governments",
        t(
            "Internet for remote areas and mobile-friendly services",
            "Интернет барои минтақаҳои дурдаст ва хизматрасониҳо дар телефони мобилӣ",
            "Интернет в отдалённых районах и мобильные госуслуги",
        ),
        t(
            "Support businesses to bring the internet to remote areas, and make public services work on mobile "
            "phones and weak connections.",
            "Ба тиҷорат барои расонидани интернет ба минтақаҳои дурдаст кӯмак карда шавад ва хизматрасониҳои "
            "давлатӣ дар телефонҳои мобилӣ ва бо интернети заиф кор кунанд.",
            "Помогать бизнесу проводить интернет в отдалённые районы и сделать так, чтобы госуслуги работали на "
            "мобильных телефонах и при слабом соединении.",
        ),
    ),
    _recommendation(
        3,
        "gender-equality",
        "governments",
        t(
            "Partner with CSOs against domestic violence",
            "Бар зидди хушунати хонаводагӣ бо ташкилотҳои ҷамъиятӣ шарик шавед",
            "Сотрудничать с ОГО в борьбе с домашним насилием",
        ),
        t(
            "Work with civil society on domestic violence and women's empowerment, building partnerships with the "
            "authorities.",
            "Дар масъалаҳои хушунати хонаводагӣ ва тавонмандсозии занон бо ҷомеаи шаҳрвандӣ ҳамкорӣ карда, шарикӣ "
            "бо мақомот бунёд карда шавад.",
            "Работать с гражданским обществом над проблемами домашнего насилия и расширения прав женщин, "
            "выстраивая партнёрство с властями.",
        ),
    ),
    _recommendation(
        3,
        "women-youth",
        "governments",
        t(
            "Education and role models for rural girls and youth",
            "Таҳсил ва намунаҳои ибрат барои духтарон ва ҷавонони деҳот",
            "Образование и новые примеры для сельских девушек и молодёжи",
        ),
        t(
            "Foster education for children and youth, include women, youth and other vulnerable groups in "
            "decision-making, and offer rural youth, especially girls, new role models, for example in STEM.",
            "Таҳсили кӯдакон ва ҷавонон рушд дода шавад, занон, ҷавонон ва дигар гурӯҳҳои осебпазир ба қабули "
            "қарорҳо ҷалб карда шаванд ва ба ҷавонони деҳот, махсусан духтарон, намунаҳои нави ибрат, масалан дар "
            "илму техника, пешниҳод карда шаванд.",
            "Развивать образование детей и молодёжи, вовлекать женщин, молодёжь и другие уязвимые группы в "
            "принятие решений и предлагать сельской молодёжи, особенно девушкам, новые примеры для подражания, "
            "например в естественных и технических науках.",
        ),
    ),
    _recommendation(
        3,
        "digitalisation",
        "governments",
        t(
            "Regional internet and data protection",
            "Интернети минтақавӣ ва ҳифзи маълумот",
            "Региональный интернет и защита данных",
        ),
        t(
            "Reinforce regional internet connectivity and consider adopting the norms of the General Data "
            "Protection Regulation.",
            "Пайвасти интернетии минтақавӣ тақвият дода шавад ва қабули меъёрҳои Низомномаи умумии ҳифзи маълумот "
            "(GDPR) баррасӣ карда шавад.",
            "Укреплять региональное интернет-соединение и рассмотреть принятие норм Общего регламента по защите "
            "данных (GDPR).",
        ),
    ),
    _recommendation(
        3,
        "rule-of-law",
        "governments",
        t(
            "Share Kazakhstan's digital penitentiary experience",
            "Таҷрибаи рақамии низоми ислоҳии Қазоқистонро паҳн кунед",
            "Распространить опыт Казахстана по цифровизации пенитенциарной системы",
        ),
        t(
            "Replicate Kazakhstan's experience with digital technology in the penitentiary system in other Central "
            "Asian countries.",
            "Таҷрибаи Қазоқистон дар истифодаи технологияҳои рақамӣ дар низоми иҷрои ҷазо дар дигар кишварҳои "
            "Осиёи Марказӣ татбиқ карда шавад.",
            "Перенять опыт Казахстана по использованию цифровых технологий в пенитенциарной системе в других "
            "странах Центральной Азии.",
        ),
    ),
    _recommendation(
        4,
        "climate-change",
        "governments",
        t(
            "A regional climate strategy made with civil society",
            "Стратегияи минтақавии иқлим бо иштироки ҷомеаи шаҳрвандӣ",
            "Региональная климатическая стратегия с участием гражданского общества",
        ),
        t(
            "Develop a regional climate change strategy with civil society, promote regional research on green "
            "solutions, create mechanisms for knowledge and technology transfer, and consider green regional hubs "
            "for sustainable energy and water management.",
            "Стратегияи минтақавии тағйирёбии иқлим бо иштироки ҷомеаи шаҳрвандӣ таҳия карда шавад, тадқиқоти "
            "минтақавии роҳҳои ҳалли сабз дастгирӣ ёбад, механизмҳои интиқоли дониш ва технология эҷод шаванд ва "
            "таъсиси марказҳои сабзи минтақавӣ барои энергияи устувор ва идоракунии об баррасӣ гардад.",
            "Разработать региональную стратегию по изменению климата с участием гражданского общества, продвигать "
            "региональные исследования зелёных решений, создать механизмы передачи знаний и технологий и "
            "рассмотреть создание зелёных региональных хабов по устойчивой энергетике и управлению водой.",
        ),
    ),
    _recommendation(
        4,
        "climate-change",
        "eu",
        t(
            "An online climate learning facility for CSOs",
            "Платформаи онлайни омӯзиши иқлим барои ташкилотҳои ҷамъиятӣ",
            "Онлайн-платформа обучения по климату для ОГО",
        ),
        t(
            "Create a web-based learning facility that builds civil society's climate knowledge and skills, "
            "including conflict resolution.",
            "Платформаи омӯзишии интернетӣ таъсис дода шавад, ки дониш ва малакаҳои ҷомеаи шаҳрвандиро оид ба "
            "иқлим, аз ҷумла ҳалли низоъҳо, афзоиш диҳад.",
            "Создать онлайн-платформу обучения, развивающую знания и навыки гражданского общества в области "
            "климата, включая разрешение конфликтов.",
        ),
    ),
    _recommendation(
        4,
        "waste-management",
        "governments",
        t("Make polluters pay", "Ифлоскунандагон бояд пардохт кунанд", "Загрязнитель платит"),
        t(
            "Encourage financial instruments that tax polluters, such as tobacco or plastic manufacturers, and use "
            "the money to solve the problems they cause.",
            "Воситаҳои молиявӣ ташвиқ карда шаванд, ки аз ифлоскунандагон, масалан истеҳсолкунандагони тамоку ё "
            "пластик, андоз ситонанд ва ин маблағро барои ҳалли мушкилоте, ки онҳо ба вуҷуд меоранд, истифода "
            "баранд.",
            "Поощрять финансовые инструменты, которые облагают налогом загрязнителей, например производителей "
            "табака или пластика, и направляют эти средства на решение созданных ими проблем.",
        ),
    ),
    _recommendation(
        4,
        "waste-management",
        "business",
        t(
            "Reward recycling with government and business",
            "Коркарди такрориро бо ҳукумат ва тиҷорат ҳавасманд кунед",
            "Поощрять переработку вместе с государством и бизнесом",
        ),
        t(
            "Explore examples of governments and companies working together to change consumer behaviour, such as "
            "selling waste to recycling plants.",
            "Намунаҳои ҳамкории ҳукуматҳо ва ширкатҳо барои тағйир додани рафтори истеъмолкунандагон, масалан "
            "фурӯши партовҳо ба корхонаҳои коркарди такрорӣ, омӯхта шаванд.",
            "Изучать примеры совместной работы правительств и компаний по изменению поведения потребителей, "
            "например продажи отходов на перерабатывающие заводы.",
        ),
    ),
    _recommendation(
        4,
        "biodiversity",
        "governments",
        t(
            "Put biodiversity higher on the agenda",
            "Ҳифзи гуногунии биологиро дар мадди аввал гузоред",
            "Поставить биоразнообразие выше в повестке",
        ),
        t(
            "Preserving biodiversity needs to be high on Central Asia's agenda.",
            "Ҳифзи гуногунии биологӣ бояд дар рӯзномаи Осиёи Марказӣ дар ҷойи аввал бошад.",
            "Сохранение биоразнообразия должно занимать высокое место в повестке Центральной Азии.",
        ),
    ),
    _recommendation(
        4,
        "funding-procurement",
        "donors",
        t(
            "Donors should coordinate for sustainability",
            "Донорҳо бояд барои устуворӣ ҳамоҳанг шаванд",
            "Донорам координировать поддержку ради устойчивости",
        ),
        t(
            "Donors should coordinate their support so that results carry over from one project to the next.",
            "Донорҳо бояд дастгирии худро ҳамоҳанг кунанд, то натиҷаҳо аз як лоиҳа ба лоиҳаи дигар гузаранд.",
            "Донорам следует координировать свою поддержку, чтобы результаты переходили от одного проекта к другому.",
        ),
    ),
    _recommendation(
        4,
        "regional-cooperation",
        "eu",
        t(
            "An environmental spin-off forum and a regional legal framework",
            "Форуми алоҳидаи экологӣ ва чаҳорчӯбаи ҳуқуқии минтақавӣ",
            "Отдельный экологический форум и региональная правовая база",
        ),
        t(
            "Consider a spin-off of the EU-Central Asia Civil Society Forum on environmental issues, and develop a "
            "regional legal framework for sharing resources to improve resilience.",
            "Ташкили форуми алоҳидаи Форуми ҷомеаи шаҳрвандии ИА – Осиёи Марказӣ оид ба масъалаҳои экологӣ баррасӣ "
            "карда шавад ва чаҳорчӯбаи ҳуқуқии минтақавӣ барои истифодаи муштараки захираҳо ба хотири баланд "
            "бардоштани устуворӣ таҳия гардад.",
            "Рассмотреть создание отдельного экологического форума в рамках Форума гражданского общества ЕС – "
            "Центральная Азия и разработать региональную правовую базу для совместного использования ресурсов "
            "ради повышения устойчивости.",
        ),
    ),
]

PARTNER_PAGES = [
    {
        "slug": "tacso-2",
        "title": t(
            "TACSO 2: technical assistance to civil society organisations",
            "TACSO 2: кӯмаки техникӣ ба ташкилотҳои ҷомеаи шаҳрвандӣ",
            "TACSO 2: техническая помощь организациям гражданского общества",
        ),
        "intro": t(
            "An EU programme that strengthens the capacity and accountability of CSOs in the Western Balkans and "
            "Turkey, and a model for resource centres elsewhere.",
            "Барномаи ИА, ки иқтидор ва ҳисоботдиҳии ташкилотҳои ҷамъиятиро дар Балкани Ғарбӣ ва Туркия "
            "мустаҳкам мекунад ва намунае барои марказҳои захиравӣ дар дигар ҷойҳост.",
            "Программа ЕС, укрепляющая потенциал и подотчётность ОГО Западных Балкан и Турции, и пример для "
            "ресурсных центров в других странах.",
        ),
        "body": [
            t(
                "Technical Assistance for Civil Society Organisations (TACSO) is part of the EU's Civil Society "
                "Facility, which supports CSOs in countries that are not yet members of the EU. It works with CSOs "
                "and with central, regional and local government, the media and the private sector.",
                "Кӯмаки техникӣ ба ташкилотҳои ҷомеаи шаҳрвандӣ (TACSO) қисми Механизми дастгирии ҷомеаи "
                "шаҳрвандии ИА мебошад, ки ташкилотҳои ҷамъиятиро дар кишварҳое, ки ҳоло узви ИА нестанд, дастгирӣ "
                "мекунад. Он бо ташкилотҳои ҷамъиятӣ ва бо ҳукумати марказӣ, минтақавӣ ва маҳаллӣ, расонаҳо ва "
                "бахши хусусӣ кор мекунад.",
                "Техническая помощь организациям гражданского общества (TACSO) — часть Механизма поддержки "
                "гражданского общества ЕС, который поддерживает ОГО в странах, ещё не вступивших в ЕС. Программа "
                "работает с ОГО, центральными, региональными и местными органами власти, СМИ и частным сектором.",
            ),
            t(
                "TACSO 2 centres on four issues: civil society's role in democratisation and accession; the "
                "visibility of what civil society contributes; new ways to mobilise resources; and a better legal "
                "and institutional framework for civil society. A People to People component links CSOs in the "
                "region with CSOs and institutions in the EU.",
                "TACSO 2 ба чор масъала тамаркуз мекунад: нақши ҷомеаи шаҳрвандӣ дар демократикунонӣ ва раванди "
                "ҳамроҳшавӣ; намоён будани саҳми ҷомеаи шаҳрвандӣ; роҳҳои нави ҷалби захираҳо; ва чаҳорчӯбаи "
                "беҳтари ҳуқуқӣ ва институтсионалӣ барои ҷомеаи шаҳрвандӣ. Қисми «Одамон ба одамон» ташкилотҳои "
                "ҷамъиятии минтақаро бо ташкилотҳо ва муассисаҳои ИА пайванд медиҳад.",
                "TACSO 2 сосредоточена на четырёх вопросах: роль гражданского общества в демократизации и процессе "
                "вступления; заметность вклада гражданского общества; новые способы мобилизации ресурсов; лучшая "
                "правовая и институциональная база для гражданского общества. Компонент «Люди для людей» связывает "
                "ОГО региона с организациями и институтами ЕС.",
            ),
            t(
                "Its activities include training for smaller and weaker CSOs, training of trainers, information "
                "events and partnership events. To make its support last, TACSO gradually hands its services over "
                "to national resource centres, an approach that Hamkori's own resource centre follows.",
                "Фаъолияти он омӯзиш барои ташкилотҳои хурд ва заиф, омӯзиши омӯзгорон, чорабиниҳои иттилоотӣ ва "
                "чорабиниҳои шарикиро дар бар мегирад. Барои устувор гардонидани дастгирӣ, TACSO хизматрасониҳои "
                "худро тадриҷан ба марказҳои захиравии миллӣ месупорад; маркази захиравии Ҳамкорӣ низ ҳамин "
                "равишро пайравӣ мекунад.",
                "Её деятельность включает обучение небольших и слабых ОГО, обучение тренеров, информационные "
                "мероприятия и мероприятия по партнёрству. Чтобы поддержка была долговременной, TACSO постепенно "
                "передаёт свои услуги национальным ресурсным центрам; этому же подходу следует ресурсный центр "
                "Хамкори.",
            ),
        ],
    },
    {
        "slug": "carec-cso-concept",
        "title": t(
            "CAREC's concept of cooperation with civil society 2020-2025",
            "Консепсияи ҳамкории CAREC бо ҷомеаи шаҳрвандӣ барои солҳои 2020-2025",
            "Концепция взаимодействия CAREC с гражданским обществом на 2020-2025 годы",
        ),
        "intro": t(
            "How the Regional Environmental Centre for Central Asia works with CSOs, and the thematic areas it "
            "works on.",
            "Маркази минтақавии экологии Осиёи Марказӣ чӣ гуна бо ташкилотҳои ҷамъиятӣ кор мекунад ва дар кадом "
            "самтҳои мавзӯӣ фаъолият дорад.",
            "Как Региональный экологический центр Центральной Азии работает с ОГО и по каким тематическим "
            "направлениям.",
        ),
        "body": [
            t(
                "The Regional Environmental Centre for Central Asia (CAREC) was set up in 2001 as an independent, "
                "non-profit regional organisation. It promotes cooperation on environmental problems between NGOs, "
                "government agencies, business and local authorities, and public participation in decision-making.",
                "Маркази минтақавии экологии Осиёи Марказӣ (CAREC) соли 2001 ҳамчун ташкилоти мустақил ва "
                "ғайритиҷоратии минтақавӣ таъсис ёфтааст. Он ҳамкориро дар ҳалли мушкилоти экологӣ байни "
                "ташкилотҳои ғайриҳукуматӣ, мақомоти давлатӣ, тиҷорат ва мақомоти маҳаллӣ ва иштироки ҷомеаро дар "
                "қабули қарорҳо мусоидат мекунад.",
                "Региональный экологический центр Центральной Азии (CAREC) создан в 2001 году как независимая "
                "некоммерческая региональная организация. Он содействует сотрудничеству НПО, госорганов, бизнеса и "
                "местных властей в решении экологических проблем и участию общественности в принятии решений.",
            ),
            t(
                "Its concept for 2020-2025, developed with CSOs, keeps five ways for NGOs to take part: in CAREC's "
                "strategic development through its Board of Governors, in regular consultations in each country, "
                "as experts in projects, through service subcontracts, and in events and regional conferences. CSOs "
                "have moved from being trainees to being facilitators, speakers and experts.",
                "Консепсияи он барои солҳои 2020-2025, ки бо ташкилотҳои ҷамъиятӣ таҳия шудааст, панҷ роҳи "
                "иштироки ташкилотҳои ғайриҳукуматиро нигоҳ медорад: дар рушди стратегии CAREC тавассути Шӯрои "
                "идоракунандагон, дар машваратҳои мунтазам дар ҳар кишвар, ҳамчун коршиносон дар лоиҳаҳо, тавассути "
                "қарордодҳои хизматрасонӣ ва дар чорабиниҳо ва конфронсҳои минтақавӣ. Ташкилотҳои ҷамъиятӣ аз нақши "
                "омӯзандагон ба нақши мусоидаткунандагон, маърӯзачиён ва коршиносон гузаштанд.",
                "Его концепция на 2020-2025 годы, разработанная вместе с ОГО, сохраняет пять способов участия НПО: "
                "в стратегическом развитии CAREC через Совет управляющих, в регулярных консультациях в каждой "
                "стране, в качестве экспертов в проектах, через субподряды на услуги и в мероприятиях и "
                "региональных конференциях. ОГО перешли от роли слушателей к роли фасилитаторов, спикеров и "
                "экспертов.",
            ),
            t(
                "Its thematic areas include climate change, integrated water resources management, disaster risk "
                "reduction, biodiversity, waste management, chemical safety, clean energy, environment and health, "
                "and education and leadership. This site uses them as its list of thematic areas.",
                "Самтҳои мавзӯии он тағйирёбии иқлим, идоракунии ҳамгирошудаи захираҳои об, коҳиш додани хатари "
                "офатҳо, гуногунии биологӣ, идоракунии партовҳо, бехатарии кимиёвӣ, энергияи тоза, муҳити зист ва "
                "саломатӣ ва маориф ва роҳбариро дар бар мегиранд. Ин сомона онҳоро ҳамчун рӯйхати самтҳои мавзӯии "
                "худ истифода мебарад.",
                "Его тематические направления включают изменение климата, интегрированное управление водными "
                "ресурсами, снижение риска бедствий, биоразнообразие, обращение с отходами, химическую "
                "безопасность, чистую энергию, окружающую среду и здоровье, образование и лидерство. Этот сайт "
                "использует их как свой список тематических направлений.",
            ),
        ],
    },
]
