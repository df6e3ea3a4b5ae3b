"""The demo course, built from the five training sessions of seed 000.

Every English string is wrapped in ``t(en, tg, ru)``. The course page, the first session and its
quiz are also in Russian; the other sessions are in English and Tajik.
"""

from home.demo import list_items, t

COURSE_SLUG = "engaging-government"


def paragraph(en, tg, ru=None):
    return {"type": "paragraph", "value": f"<p>{t(en, tg, ru)}</p>"}


def heading(en, tg, ru=None):
    return {"type": "heading", "value": {"text": t(en, tg, ru), "level": "h2"}}


def callout(title, text):
    return {"type": "callout", "value": {"title": t(*title), "text": f"<p>{t(*text)}</p>"}}


def takeaways(*items):
    return {"type": "key_takeaways", "value": {"items": list_items([t(*item) for item in items])}}


def choice(text, correct=False, feedback=None):
    return {"text": t(*text), "is_correct": correct, "feedback": t(*feedback) if feedback else ""}


def question(text, choices, kind="single", explanation=None):
    return {
        "type": "question",
        "value": {
            "text": t(*text),
            "kind": kind,
            "choices": list_items(choices),
            "explanation": t(*explanation) if explanation else "",
        },
    }


TRUE = ("True", "Дуруст", "Верно")
FALSE = ("False", "Нодуруст", "Неверно")


def index_fields():
    return {
        "title": t("Courses", "Курсҳо", "Курсы"),
        "intro": t(
            "Self-paced courses for CSO staff. Learn on your phone, at your own pace, and get a certificate.",
            "Курсҳои мустақилона барои кормандони ташкилотҳои ҷамъиятӣ. Дар телефон, бо суръати худ омӯзед "
            "ва шаҳодатнома гиред.",
            "Курсы для самостоятельного изучения для сотрудников ОГО. Учитесь с телефона в удобном темпе "
            "и получите сертификат.",
        ),
    }


def course_fields():
    return {
        "title": t(
            "Engaging government: a course for CSOs",
            "Ҳамкорӣ бо давлат: курс барои ташкилотҳои ҷамъиятӣ",
            "Взаимодействие с государством: курс для ОГО",
        ),
        "summary": t(
            "Five sessions from the training that 140 staff of 70 CSOs took across Tajikistan: the laws that "
            "govern CSOs, power structures, persuasion and communication, long-term relationships with state "
            "institutions, and project proposals.",
            "Панҷ машғулият аз омӯзише, ки 140 корманди 70 ташкилоти ҷамъиятӣ дар саросари Тоҷикистон гузаштанд: "
            "қонунҳое, ки фаъолияти ташкилотҳоро танзим мекунанд, сохторҳои ҳокимият, боварбахшӣ ва муошират, "
            "муносибатҳои дарозмуддат бо муассисаҳои давлатӣ ва пешниҳодҳои лоиҳавӣ.",
            "Пять сессий тренинга, который прошли 140 сотрудников 70 ОГО по всему Таджикистану: законы, "
            "регулирующие деятельность ОГО, структуры власти, убеждение и коммуникация, долгосрочные отношения "
            "с государственными учреждениями и проектные предложения.",
        ),
        "level": "beginner",
        "estimated_hours": 5,
        "body": [
            paragraph(
                "This course helps your organisation influence decisions at local and national level. It was "
                "first given as an intensive five-day training by the Eurasia Foundation of Central Asia in "
                "Tajikistan, with priority for CSOs that represent under-served and vulnerable groups.",
                "Ин курс ба ташкилоти шумо кумак мекунад, ки ба қабули қарорҳо дар сатҳи маҳаллӣ ва миллӣ таъсир "
                "расонад. Он аввал ҳамчун омӯзиши панҷрӯзаи пуршиддат аз ҷониби Бунёди Авруосиёи Осиёи Марказӣ дар "
                "Тоҷикистон гузаронида шуд; афзалият ба ташкилотҳое дода шуд, ки манфиати гурӯҳҳои осебпазир ва "
                "камтаъминро ифода мекунанд.",
                "Этот курс помогает вашей организации влиять на решения на местном и национальном уровне. Сначала "
                "он проводился как интенсивный пятидневный тренинг Фонда Евразия Центральной Азии в Таджикистане; "
                "приоритет отдавался ОГО, представляющим интересы уязвимых и малообеспеченных групп.",
            ),
            paragraph(
                "Each session has two short lessons. The second lesson of each session ends with a quiz: pass it "
                "to complete the session. Finish all ten lessons to get your certificate.",
                "Ҳар машғулият ду дарси кӯтоҳ дорад. Дарси дуюми ҳар машғулият бо санҷиш анҷом меёбад: онро "
                "супоред, то машғулият анҷом ёбад. Ҳамаи даҳ дарсро тамом кунед ва шаҳодатнома гиред.",
                "В каждой сессии два коротких урока. Второй урок каждой сессии заканчивается тестом: сдайте его, "
                "чтобы завершить сессию. Пройдите все десять уроков и получите сертификат.",
            ),
        ],
    }


# Each session: (module title, [lesson, lesson]); a lesson is a dict of page fields plus "slug".
def sessions():
    return [session_1(), session_2(), session_3(), session_4(), session_5()]


def session_1():
    module = t(
        "Session 1: The laws that govern CSOs",
        "Машғулияти 1: Қонунҳое, ки фаъолияти ташкилотҳоро танзим мекунанд",
        "Сессия 1: Законы, регулирующие деятельность ОГО",
    )
    lesson_a = {
        "slug": "laws-and-registration",
        "title": t(
            "Registration and the legal framework",
            "Бақайдгирӣ ва чаҳорчӯбаи ҳуқуқӣ",
            "Регистрация и правовая база",
        ),
        "summary": t(
            "What the law on CSO registration and re-registration means for your organisation.",
            "Қонун дар бораи бақайдгирӣ ва бақайдгирии такрории ташкилотҳо барои ташкилоти шумо чӣ маъно дорад.",
            "Что закон о регистрации и перерегистрации ОГО значит для вашей организации.",
        ),
        "body": [
            paragraph(
                "A CSO can only work with government if it is itself on a sound legal footing. In Tajikistan "
                "the rules for registering and re-registering CSOs have been updated, and every organisation "
                "needs to know which version of the law applies to it today.",
                "Ташкилоти ҷамъиятӣ танҳо вақте бо давлат кор карда метавонад, ки худаш асоси устувори ҳуқуқӣ "
                "дошта бошад. Дар Тоҷикистон қоидаҳои бақайдгирӣ ва бақайдгирии такрории ташкилотҳо нав карда "
                "шудаанд ва ҳар ташкилот бояд донад, ки имрӯз кадом таҳрири қонун ба он дахл дорад.",
                "ОГО может работать с государством, только если само стоит на прочной правовой основе. В "
                "Таджикистане правила регистрации и перерегистрации ОГО обновлены, и каждой организации нужно "
                "знать, какая редакция закона применяется к ней сегодня.",
            ),
            paragraph(
                "Start with three questions. Is our registration up to date under the updated law? Do our "
                "charter and our actual activities match? Which reports must we send, to whom, and by when? "
                "Keep a copy of the current text of the law and of your registration documents in one place "
                "that several staff members can reach.",
                "Аз се савол оғоз кунед. Оё бақайдгирии мо мувофиқи қонуни навшуда эътибор дорад? Оё оинномаи мо "
                "ва фаъолияти воқеии мо ба ҳам мувофиқанд? Кадом ҳисоботҳоро, ба кӣ ва то кай бояд фиристем? "
                "Матни амалкунандаи қонун ва ҳуҷҷатҳои бақайдгирии худро дар як ҷое нигоҳ доред, ки чанд корманд "
                "ба он дастрасӣ дошта бошанд.",
                "Начните с трёх вопросов. Действительна ли наша регистрация по обновлённому закону? Совпадают ли "
                "наш устав и наша реальная деятельность? Какие отчёты, кому и к какому сроку мы должны сдавать? "
                "Храните действующий текст закона и документы о регистрации в одном месте, доступном нескольким "
                "сотрудникам.",
            ),
            callout(
                ("Practical tip", "Маслиҳати амалӣ", "Практический совет"),
                (
                    "When the law changes, ask the registering authority for written guidance, and keep a note "
                    "of who told you what and when.",
                    "Вақте ки қонун тағйир меёбад, аз мақоми бақайдгиранда дастури хаттӣ пурсед ва қайд кунед, "
                    "ки кӣ, кай ва чӣ гуфт.",
                    "Когда закон меняется, попросите у регистрирующего органа письменные разъяснения и "
                    "записывайте, кто, когда и что вам сказал.",
                ),
            ),
            takeaways(
                (
                    "Know which version of the registration law applies to your organisation.",
                    "Донед, ки кадом таҳрири қонуни бақайдгирӣ ба ташкилоти шумо дахл дорад.",
                    "Знайте, какая редакция закона о регистрации применяется к вашей организации.",
                ),
                (
                    "Your charter and your real activities should match.",
                    "Оинномаи шумо ва фаъолияти воқеии шумо бояд ба ҳам мувофиқ бошанд.",
                    "Ваш устав и ваша реальная деятельность должны совпадать.",
                ),
                (
                    "Keep the law, your documents and your reporting deadlines where several staff can find them.",
                    "Қонун, ҳуҷҷатҳо ва мӯҳлатҳои ҳисоботдиҳиро дар ҷое нигоҳ доред, ки чанд корманд ёфта тавонанд.",
                    "Храните закон, документы и сроки отчётности там, где их найдут несколько сотрудников.",
                ),
            ),
        ],
    }
    lesson_b = {
        "slug": "role-and-constraints",
        "title": t(
            "The role of CSOs and the limits they meet",
            "Нақши ташкилотҳои ҷамъиятӣ ва маҳдудиятҳое, ки бо онҳо рӯ ба рӯ мешаванд",
            "Роль ОГО и ограничения, с которыми они сталкиваются",
        ),
        "summary": t(
            "Formal and informal constraints on CSO activity, and how to work within them.",
            "Маҳдудиятҳои расмӣ ва ғайрирасмӣ дар фаъолияти ташкилотҳо ва чӣ гуна дар доираи онҳо кор кардан.",
            "Формальные и неформальные ограничения деятельности ОГО и как работать в их рамках.",
        ),
        "body": [
            paragraph(
                "Specific laws define the role of CSOs in civic life: what they may do, how they are registered, "
                "how they report and how they may take part in public decisions. Knowing these laws lets you "
                "speak to officials with confidence, because you can show that what you ask for is allowed.",
                "Қонунҳои мушаххас нақши ташкилотҳоро дар ҳаёти ҷамъиятӣ муайян мекунанд: онҳо чӣ кор карда "
                "метавонанд, чӣ гуна ба қайд гирифта мешаванд, чӣ гуна ҳисобот медиҳанд ва чӣ гуна дар қабули "
                "қарорҳои ҷамъиятӣ иштирок карда метавонанд. Донистани ин қонунҳо ба шумо имкон медиҳад, ки бо "
                "мансабдорон боэътимод сухан гӯед, зеро нишон дода метавонед, ки хоҳиши шумо иҷозат дода шудааст.",
                "Конкретные законы определяют роль ОГО в общественной жизни: что они могут делать, как "
                "регистрируются, как отчитываются и как могут участвовать в принятии общественных решений. "
                "Знание этих законов позволяет уверенно говорить с чиновниками: вы можете показать, что ваша "
                "просьба разрешена.",
            ),
            paragraph(
                "CSOs also meet constraints. Formal constraints are written down: registration rules, reporting "
                "duties, permissions needed for some activities. Informal constraints are not written anywhere: "
                "an official's caution, local customs, or the habit of deciding things without asking the public. "
                "Both are real, and a good plan takes both into account.",
                "Ташкилотҳо бо маҳдудиятҳо низ рӯ ба рӯ мешаванд. Маҳдудиятҳои расмӣ навишта шудаанд: қоидаҳои "
                "бақайдгирӣ, ӯҳдадориҳои ҳисоботдиҳӣ, иҷозатҳое, ки барои баъзе фаъолиятҳо лозиманд. Маҳдудиятҳои "
                "ғайрирасмӣ дар ҳеҷ ҷо навишта нашудаанд: эҳтиёткории мансабдор, урфу одатҳои маҳаллӣ ё одати "
                "қарор қабул кардан бе пурсидани мардум. Ҳар дуи онҳо воқеӣ мебошанд ва нақшаи хуб ҳар дуро ба "
                "назар мегирад.",
                "ОГО сталкиваются и с ограничениями. Формальные ограничения записаны: правила регистрации, "
                "обязанности по отчётности, разрешения, нужные для некоторых видов деятельности. Неформальные "
                "нигде не записаны: осторожность чиновника, местные обычаи или привычка решать без участия "
                "общества. И те и другие реальны, и хороший план учитывает оба вида.",
            ),
            takeaways(
                (
                    "Laws define what CSOs may do; knowing them gives you confidence with officials.",
                    "Қонунҳо муайян мекунанд, ки ташкилотҳо чӣ кор карда метавонанд; донистани онҳо ба шумо "
                    "дар сӯҳбат бо мансабдорон эътимод мебахшад.",
                    "Законы определяют, что могут делать ОГО; их знание даёт уверенность в разговоре с чиновниками.",
                ),
                (
                    "Formal constraints are written down; informal ones are not, but they are just as real.",
                    "Маҳдудиятҳои расмӣ навишта шудаанд, ғайрирасмӣ не, аммо онҳо ҳамон қадар воқеӣ мебошанд.",
                    "Формальные ограничения записаны, неформальные нет, но они так же реальны.",
                ),
            ),
        ],
    }
    quiz = [
        question(
            (
                "What should a CSO check first when the registration law is updated?",
                "Вақте ки қонуни бақайдгирӣ нав мешавад, ташкилот бояд аввал чиро санҷад?",
                "Что ОГО должна проверить в первую очередь, когда закон о регистрации обновляется?",
            ),
            [
                choice(
                    (
                        "Whether its registration is still valid under the updated law",
                        "Оё бақайдгирии он мувофиқи қонуни навшуда ҳанӯз эътибор дорад",
                        "Действительна ли её регистрация по обновлённому закону",
                    ),
                    correct=True,
                ),
                choice(
                    (
                        "Whether other CSOs have changed their logos",
                        "Оё ташкилотҳои дигар логотипи худро иваз кардаанд",
                        "Поменяли ли другие ОГО свои логотипы",
                    ),
                    feedback=(
                        "That does not affect your legal standing.",
                        "Ин ба вазъи ҳуқуқии шумо таъсир намерасонад.",
                        "Это не влияет на ваше правовое положение.",
                    ),
                ),
                choice(
                    (
                        "Nothing: the old registration always stays valid",
                        "Ҳеҷ чиз: бақайдгирии кӯҳна ҳамеша эътибор дорад",
                        "Ничего: старая регистрация всегда остаётся в силе",
                    ),
                    feedback=(
                        "Not necessarily: an updated law can require re-registration.",
                        "На ҳатман: қонуни навшуда метавонад бақайдгирии такрориро талаб кунад.",
                        "Не обязательно: обновлённый закон может требовать перерегистрации.",
                    ),
                ),
            ],
            explanation=(
                "The lesson's first question: is our registration up to date under the updated law?",
                "Саволи аввали дарс: оё бақайдгирии мо мувофиқи қонуни навшуда эътибор дорад?",
                "Первый вопрос урока: действительна ли наша регистрация по обновлённому закону?",
            ),
        ),
        question(
            (
                "Which of these are informal constraints on CSO activity?",
                "Кадоме аз инҳо маҳдудиятҳои ғайрирасмӣ дар фаъолияти ташкилотҳо мебошанд?",
                "Какие из этих ограничений деятельности ОГО неформальные?",
            ),
            [
                choice(
                    ("An official's caution", "Эҳтиёткории мансабдор", "Осторожность чиновника"),
                    correct=True,
                ),
                choice(
                    ("Local customs", "Урфу одатҳои маҳаллӣ", "Местные обычаи"),
                    correct=True,
                ),
                choice(
                    (
                        "Reporting duties set by law",
                        "Ӯҳдадориҳои ҳисоботдиҳӣ, ки қонун муқаррар кардааст",
                        "Обязанности по отчётности, установленные законом",
                    ),
                    feedback=(
                        "Duties set by law are written down: they are formal constraints.",
                        "Ӯҳдадориҳое, ки қонун муқаррар кардааст, навишта шудаанд: онҳо маҳдудиятҳои расмӣ мебошанд.",
                        "Обязанности по закону записаны: это формальные ограничения.",
                    ),
                ),
            ],
            kind="multiple",
            explanation=(
                "Informal constraints are not written anywhere, but they are just as real.",
                "Маҳдудиятҳои ғайрирасмӣ дар ҳеҷ ҷо навишта нашудаанд, аммо ҳамон қадар воқеӣ мебошанд.",
                "Неформальные ограничения нигде не записаны, но они так же реальны.",
            ),
        ),
        question(
            (
                "Knowing the laws that define the role of CSOs helps you show officials "
                "that what you ask for is allowed.",
                "Донистани қонунҳое, ки нақши ташкилотҳоро муайян мекунанд, ба шумо кумак мекунад, ки ба мансабдорон "
                "нишон диҳед, ки хоҳиши шумо иҷозат дода шудааст.",
                "Знание законов, определяющих роль ОГО, помогает показать чиновникам, что ваша просьба разрешена.",
            ),
            [choice(TRUE, correct=True), choice(FALSE)],
            kind="true_false",
            explanation=(
                "This is why the course starts with the law.",
                "Аз ҳамин сабаб курс аз қонун оғоз мешавад.",
                "Поэтому курс начинается с закона.",
            ),
        ),
        question(
            (
                "Where should you keep the current text of the law and your registration documents?",
                "Матни амалкунандаи қонун ва ҳуҷҷатҳои бақайдгириро дар куҷо бояд нигоҳ дошт?",
                "Где хранить действующий текст закона и документы о регистрации?",
            ),
            [
                choice(
                    (
                        "In one place that several staff members can reach",
                        "Дар як ҷое, ки чанд корманд ба он дастрасӣ доранд",
                        "В одном месте, доступном нескольким сотрудникам",
                    ),
                    correct=True,
                ),
                choice(
                    (
                        "Only on the director's personal phone",
                        "Танҳо дар телефони шахсии роҳбар",
                        "Только в личном телефоне директора",
                    ),
                    feedback=(
                        "If the director is away, nobody else can find them.",
                        "Агар роҳбар набошад, ҳеҷ кас онҳоро ёфта наметавонад.",
                        "Если директора нет на месте, никто их не найдёт.",
                    ),
                ),
            ],
        ),
    ]
    lesson_b["quiz"] = quiz
    return module, [lesson_a, lesson_b], ("tg", "ru")


def session_2():
    module = t(
        "Session 2: Formal and informal power structures", "Машғулияти 2: Сохторҳои расмӣ ва ғайрирасмии ҳокимият"
    )
    lesson_a = {
        "slug": "stakeholder-mapping",
        "title": t("An introduction to stakeholder mapping", "Шиносоӣ бо харитасозии ҷонибҳои манфиатдор"),
        "summary": t(
            "Draw a map of who decides, who influences and who is affected.",
            "Харитаи онҳоеро кашед, ки қарор қабул мекунанд, таъсир мерасонанд ва аз қарор таъсир мебинанд.",
        ),
        "body": [
            paragraph(
                "Stakeholder mapping is a simple exercise: list everyone who has a stake in the issue you work "
                "on, then place each of them on a map by two measures: how much power they have over the "
                "decision, and how much they are interested in it.",
                "Харитасозии ҷонибҳои манфиатдор машқи содда аст: ҳамаи касонеро, ки дар масъалаи шумо манфиат "
                "доранд, номбар кунед ва сипас ҳар якеро аз рӯи ду меъёр дар харита ҷой диҳед: чӣ қадар "
                "қудрат бар қарор доранд ва чӣ қадар ба он манфиатдоранд.",
            ),
            paragraph(
                "People with much power and much interest are the ones to engage closely. People with much "
                "power and little interest need to be kept informed and won over. People with little power but "
                "much interest, often the communities you serve, are your allies and should be heard.",
                "Касоне, ки қудрат ва манфиати зиёд доранд, бояд бо онҳо аз наздик кор кард. Касоне, ки қудрати "
                "зиёд ва манфиати кам доранд, бояд огоҳ нигоҳ дошта шаванд ва ҷалб карда шаванд. Касоне, ки "
                "қудрати кам, вале манфиати зиёд доранд, аксар вақт ҷамоатҳое, ки шумо ба онҳо хизмат мекунед, "
                "ҳампаймонони шумо мебошанд ва бояд шунида шаванд.",
            ),
            takeaways(
                (
                    "Map stakeholders by their power over the decision and their interest in it.",
                    "Ҷонибҳои манфиатдорро аз рӯи қудрат бар қарор ва манфиаташон ба он дар харита ҷой диҳед.",
                ),
                (
                    "Engage closely those with much power and much interest.",
                    "Бо касоне, ки қудрат ва манфиати зиёд доранд, аз наздик кор кунед.",
                ),
            ),
        ],
    }
    lesson_b = {
        "slug": "levels-of-power",
        "title": t("Power from the township to the nation", "Ҳокимият аз шаҳрак то сатҳи миллӣ"),
        "summary": t(
            "How structures and dynamics differ at township, district, provincial and national level.",
            "Сохторҳо ва равандҳо дар сатҳи шаҳрак, ноҳия, вилоят ва кишвар чӣ гуна фарқ мекунанд.",
        ),
        "body": [
            paragraph(
                "Power is organised differently at each level: township, district, province and nation. A "
                "decision about a local school may be made in the district, while a change in a law is made "
                "at national level. Before you act, find out at which level the decision you care about is "
                "really made.",
                "Ҳокимият дар ҳар сатҳ ба таври гуногун ташкил шудааст: шаҳрак, ноҳия, вилоят ва кишвар. Қарор "
                "дар бораи мактаби маҳаллӣ метавонад дар ноҳия қабул шавад, дар ҳоле ки тағйири қонун дар сатҳи "
                "миллӣ қабул мешавад. Пеш аз амал кардан муайян кунед, ки қароре, ки барои шумо муҳим аст, "
                "воқеан дар кадом сатҳ қабул мешавад.",
            ),
            paragraph(
                "At every level there are formal structures, the offices and committees on paper, and informal "
                "ones: respected elders, trusted advisers, personal networks. The formal map tells you who signs; "
                "the informal map often tells you who is listened to. Good advocacy uses both.",
                "Дар ҳар сатҳ сохторҳои расмӣ, яъне идораҳо ва кумитаҳо дар рӯи коғаз, ва сохторҳои ғайрирасмӣ "
                "ҳастанд: пирони мӯътабар, машваратчиёни боэътимод, шабакаҳои шахсӣ. Харитаи расмӣ нишон медиҳад, "
                "ки кӣ имзо мекунад; харитаи ғайрирасмӣ аксар вақт нишон медиҳад, ки суханони кӣ шунида мешавад. "
                "Ҳимояи хуб аз ҳар ду истифода мебарад.",
            ),
            takeaways(
                (
                    "Find out at which level the decision is really made.",
                    "Муайян кунед, ки қарор воқеан дар кадом сатҳ қабул мешавад.",
                ),
                (
                    "The formal map shows who signs; the informal map shows who is listened to.",
                    "Харитаи расмӣ нишон медиҳад, ки кӣ имзо мекунад; харитаи ғайрирасмӣ нишон медиҳад, ки "
                    "суханони кӣ шунида мешавад.",
                ),
            ),
        ],
        "quiz": [
            question(
                (
                    "Which two measures place a stakeholder on the map?",
                    "Кадом ду меъёр ҷонибро дар харита ҷой медиҳад?",
                ),
                [
                    choice(
                        ("Power over the decision and interest in it", "Қудрат бар қарор ва манфиат ба он"),
                        correct=True,
                    ),
                    choice(
                        ("Age and education", "Синну сол ва маълумот"),
                        feedback=("These say little about the decision.", "Инҳо дар бораи қарор кам чиз мегӯянд."),
                    ),
                    choice(
                        ("Distance from your office", "Масофа аз идораи шумо"),
                        feedback=("Distance is not one of the two measures.", "Масофа яке аз ду меъёр нест."),
                    ),
                ],
            ),
            question(
                (
                    "A stakeholder with much power and much interest should be engaged closely.",
                    "Бо ҷонибе, ки қудрат ва манфиати зиёд дорад, бояд аз наздик кор кард.",
                ),
                [choice(TRUE, correct=True), choice(FALSE)],
                kind="true_false",
            ),
            question(
                (
                    "Which of these are informal power structures?",
                    "Кадоме аз инҳо сохторҳои ғайрирасмии ҳокимият мебошанд?",
                ),
                [
                    choice(("Respected elders", "Пирони мӯътабар"), correct=True),
                    choice(("Personal networks", "Шабакаҳои шахсӣ"), correct=True),
                    choice(
                        ("A district committee", "Кумитаи ноҳиявӣ"),
                        feedback=("A committee is a formal structure.", "Кумита сохтори расмӣ мебошад."),
                    ),
                ],
                kind="multiple",
            ),
            question(
                (
                    "What should you find out before you act on an issue?",
                    "Пеш аз амал кардан дар масъала чиро бояд муайян кард?",
                ),
                [
                    choice(
                        ("At which level the decision is really made", "Қарор воқеан дар кадом сатҳ қабул мешавад"),
                        correct=True,
                    ),
                    choice(
                        ("Which level has the biggest building", "Дар кадом сатҳ бинои калонтарин ҳаст"),
                        feedback=(
                            "The size of a building tells you nothing about decisions.",
                            "Андозаи бино дар бораи қарорҳо чизе намегӯяд.",
                        ),
                    ),
                ],
                explanation=(
                    "A school may be decided in the district, a law at national level.",
                    "Масъалаи мактаб метавонад дар ноҳия ҳал шавад, қонун бошад дар сатҳи миллӣ.",
                ),
            ),
        ],
    }
    return module, [lesson_a, lesson_b], ("tg",)


def session_3():
    module = t("Session 3: Persuasion and communication", "Машғулияти 3: Боварбахшӣ ва муошират")
    lesson_a = {
        "slug": "dialogue-etiquette",
        "title": t("The etiquette of CSO-government dialogue", "Одоби муколамаи ташкилот ва давлат"),
        "summary": t(
            "How to prepare for a meeting with officials and avoid common pitfalls.",
            "Чӣ гуна ба мулоқот бо мансабдорон омода шудан ва аз хатоҳои маъмул канорагирӣ кардан.",
        ),
        "body": [
            paragraph(
                "Dialogue with government has its own etiquette. Ask for a meeting through the proper channel, "
                "arrive on time, introduce your organisation briefly and respectfully, and come with a clear, "
                "short request. Officials are busy: a one-page summary of your issue and your proposal is more "
                "useful than a long report.",
                "Муколама бо давлат одоби худро дорад. Мулоқотро тавассути роҳи муқарраршуда дархост кунед, сари "
                "вақт биёед, ташкилоти худро кӯтоҳ ва боэҳтиром муаррифӣ кунед ва бо дархости равшан ва кӯтоҳ "
                "биёед. Мансабдорон серкоранд: хулосаи яксаҳифагии масъала ва пешниҳоди шумо аз ҳисоботи дароз "
                "муфидтар аст.",
            ),
            paragraph(
                "Common pitfalls: blaming officials in public before you have talked to them, promising what "
                "you cannot deliver, and bringing a problem without a proposal. Treat the meeting as the start "
                "of a conversation, and send a short note afterwards that thanks them and sums up what was agreed.",
                "Хатоҳои маъмул: пеш аз сӯҳбат бо мансабдорон онҳоро дар назди мардум айбдор кардан, ваъдаи "
                "чизеро додан, ки иҷро карда наметавонед, ва мушкилотро бе пешниҳод овардан. Мулоқотро оғози "
                "сӯҳбат ҳисоб кунед ва баъд мактуби кӯтоҳе фиристед, ки дар он ташаккур гуфта, хулосаи "
                "мувофиқаҳоро нависед.",
            ),
            callout(
                ("Practical tip", "Маслиҳати амалӣ"),
                (
                    "Always bring a one-page summary of your issue and your proposal.",
                    "Ҳамеша хулосаи яксаҳифагии масъала ва пешниҳоди худро биёред.",
                ),
            ),
        ],
    }
    lesson_b = {
        "slug": "public-image",
        "title": t("A professional public image", "Симои касбии ҷамъиятӣ"),
        "summary": t(
            "Why an up-to-date public image matters when you engage government.",
            "Чаро симои навшудаи ҷамъиятӣ ҳангоми ҳамкорӣ бо давлат муҳим аст.",
        ),
        "body": [
            paragraph(
                "Before a meeting, officials often look your organisation up. An out-of-date website, old "
                "contact details or no recent reports make a weak impression. A short, current description of "
                "your work, your recent results and a working phone number and email show that you are "
                "serious and reachable.",
                "Пеш аз мулоқот мансабдорон аксар вақт дар бораи ташкилоти шумо маълумот меҷӯянд. Сомонаи кӯҳна, "
                "маълумоти тамоси кӯҳна ё набудани ҳисоботҳои нав таассуроти заиф мегузорад. Тавсифи кӯтоҳ ва "
                "навшудаи кори шумо, натиҷаҳои охирин ва рақами телефон ва почтаи электронии корӣ нишон медиҳанд, "
                "ки шумо ҷиддӣ ҳастед ва бо шумо тамос гирифтан мумкин аст.",
            ),
            paragraph(
                "Persuasion rests on trust. Speak about the people your work helps, use facts you can check, "
                "and be consistent: what you say in a meeting, in a report and online should tell the same story.",
                "Боварбахшӣ ба эътимод такя мекунад. Дар бораи одамоне, ки кори шумо ба онҳо кумак мекунад, "
                "сухан гӯед, аз далелҳое истифода баред, ки санҷидан мумкин аст, ва пайдарпай бошед: он чӣ дар "
                "мулоқот, дар ҳисобот ва дар интернет мегӯед, бояд як ҳикояро нақл кунад.",
            ),
            takeaways(
                ("Keep your public image up to date.", "Симои ҷамъиятии худро нав нигоҳ доред."),
                (
                    "Tell the same story in meetings, reports and online.",
                    "Дар мулоқот, ҳисобот ва интернет як ҳикояро нақл кунед.",
                ),
            ),
        ],
        "quiz": [
            question(
                (
                    "What is the most useful thing to bring to a meeting with officials?",
                    "Чӣ чизро ба мулоқот бо мансабдорон овардан аз ҳама муфидтар аст?",
                ),
                [
                    choice(
                        (
                            "A one-page summary of the issue and your proposal",
                            "Хулосаи яксаҳифагии масъала ва пешниҳоди шумо",
                        ),
                        correct=True,
                    ),
                    choice(
                        (
                            "A long report of every project you have done",
                            "Ҳисоботи дароз дар бораи ҳамаи лоиҳаҳои шумо",
                        ),
                        feedback=("Officials are busy: keep it short.", "Мансабдорон серкоранд: кӯтоҳ нависед."),
                    ),
                ],
            ),
            question(
                (
                    "Which of these are common pitfalls?",
                    "Кадоме аз инҳо хатоҳои маъмул мебошанд?",
                ),
                [
                    choice(
                        ("Promising what you cannot deliver", "Ваъдаи чизеро додан, ки иҷро карда наметавонед"),
                        correct=True,
                    ),
                    choice(("Bringing a problem without a proposal", "Мушкилотро бе пешниҳод овардан"), correct=True),
                    choice(
                        ("Sending a thank-you note afterwards", "Баъд мактуби ташаккур фиристодан"),
                        feedback=("That is good practice, not a pitfall.", "Ин амали хуб аст, на хато."),
                    ),
                ],
                kind="multiple",
            ),
            question(
                (
                    "An out-of-date website can weaken the impression your organisation makes.",
                    "Сомонаи кӯҳна метавонад таассуроти ташкилоти шуморо заиф кунад.",
                ),
                [choice(TRUE, correct=True), choice(FALSE)],
                kind="true_false",
            ),
            question(
                ("What does persuasion rest on?", "Боварбахшӣ ба чӣ такя мекунад?"),
                [
                    choice(("Trust", "Эътимод"), correct=True),
                    choice(
                        ("Speaking loudly", "Баланд гап задан"),
                        feedback=("Volume does not build trust.", "Овози баланд эътимод ба вуҷуд намеорад."),
                    ),
                ],
            ),
        ],
    }
    return module, [lesson_a, lesson_b], ("tg",)


def session_4():
    module = t(
        "Session 4: Long-term relationships with state institutions",
        "Машғулияти 4: Муносибатҳои дарозмуддат бо муассисаҳои давлатӣ",
    )
    lesson_a = {
        "slug": "professionalism",
        "title": t("Professionalism in formal and informal settings", "Касбият дар вазъиятҳои расмӣ ва ғайрирасмӣ"),
        "summary": t(
            "Behave professionally in the office, at public events and in informal meetings.",
            "Дар идора, дар чорабиниҳои ҷамъиятӣ ва дар вохӯриҳои ғайрирасмӣ касбӣ рафтор кунед.",
        ),
        "body": [
            paragraph(
                "Relationships with state institutions are built in formal settings, such as meetings, "
                "hearings and official letters, and in informal ones, such as conversations at events or "
                "community gatherings. Professionalism means the same reliability in both: keep your word, "
                "respect confidentiality, and follow up in writing what was agreed informally.",
                "Муносибатҳо бо муассисаҳои давлатӣ дар вазъиятҳои расмӣ, ба монанди мулоқотҳо, муҳокимаҳо ва "
                "мактубҳои расмӣ, ва дар вазъиятҳои ғайрирасмӣ, ба монанди сӯҳбатҳо дар чорабиниҳо ё ҷамъомадҳои "
                "ҷамоат, сохта мешаванд. Касбият маънои дар ҳар ду ҳолат якхела боэътимод будан аст: ба ваъдаи худ "
                "вафо кунед, махфиятро эҳтиром кунед ва он чиро, ки ғайрирасмӣ мувофиқа шуд, хаттӣ тасдиқ кунед.",
            ),
            takeaways(
                (
                    "Be equally reliable in formal and informal settings.",
                    "Дар вазъиятҳои расмӣ ва ғайрирасмӣ якхела боэътимод бошед.",
                ),
                (
                    "Confirm in writing what was agreed informally.",
                    "Он чиро, ки ғайрирасмӣ мувофиқа шуд, хаттӣ тасдиқ кунед.",
                ),
            ),
        ],
    }
    lesson_b = {
        "slug": "lasting-relationships",
        "title": t("Relationships that outlast one person", "Муносибатҳое, ки аз як шахс дарозтар давом мекунанд"),
        "summary": t(
            "Build links with an institution, not only with one official.",
            "Бо муассиса пайванд созед, на танҳо бо як мансабдор.",
        ),
        "body": [
            paragraph(
                "Officials change posts. If your organisation's link with a ministry or a district office rests "
                "on one personal friendship, it can disappear overnight. Build relationships with the institution: "
                "meet more than one person, keep records of meetings and agreements, and introduce yourself to "
                "newcomers early.",
                "Мансабдорон вазифаҳояшонро иваз мекунанд. Агар пайванди ташкилоти шумо бо вазорат ё идораи "
                "ноҳиявӣ ба як дӯстии шахсӣ такя кунад, он метавонад дар як шаб аз байн равад. Бо худи муассиса "
                "муносибат созед: бо зиёда аз як нафар вохӯред, сабти мулоқотҳо ва мувофиқаҳоро нигоҳ доред ва "
                "худро ба кормандони нав барвақт муаррифӣ кунед.",
            ),
            paragraph(
                "Inside your own organisation, share these relationships too. If only the director knows the "
                "officials, the link is lost when the director leaves. Bring colleagues to meetings and keep a "
                "shared list of contacts.",
                "Дар дохили ташкилоти худ низ ин муносибатҳоро тақсим кунед. Агар мансабдоронро танҳо роҳбар "
                "шиносад, бо рафтани роҳбар пайванд гум мешавад. Ҳамкоронро ба мулоқотҳо баред ва рӯйхати "
                "умумии тамосҳоро нигоҳ доред.",
            ),
            takeaways(
                (
                    "Build links with the institution, not just one official.",
                    "Бо муассиса пайванд созед, на танҳо бо як мансабдор.",
                ),
                (
                    "Keep shared records so relationships survive staff changes on both sides.",
                    "Сабтҳои умумӣ нигоҳ доред, то муносибатҳо ҳангоми ивазшавии кормандон "
                    "дар ҳар ду ҷониб боқӣ монанд.",
                ),
            ),
        ],
        "quiz": [
            question(
                (
                    "Why is a relationship that rests on one personal friendship risky?",
                    "Чаро муносибате, ки ба як дӯстии шахсӣ такя мекунад, хатарнок аст?",
                ),
                [
                    choice(
                        (
                            "Officials change posts and the link can disappear",
                            "Мансабдорон вазифаро иваз мекунанд ва пайванд метавонад аз байн равад",
                        ),
                        correct=True,
                    ),
                    choice(
                        ("Friendships are not allowed by law", "Дӯстӣ аз ҷониби қонун манъ аст"),
                        feedback=("The lesson says nothing of the kind.", "Дарс чунин чизе намегӯяд."),
                    ),
                ],
            ),
            question(
                (
                    "Which actions help a relationship outlast one person?",
                    "Кадом амалҳо ба он кумак мекунанд, ки муносибат аз як шахс дарозтар давом кунад?",
                ),
                [
                    choice(("Meet more than one person", "Бо зиёда аз як нафар вохӯрдан"), correct=True),
                    choice(("Keep a shared list of contacts", "Рӯйхати умумии тамосҳоро нигоҳ доштан"), correct=True),
                    choice(
                        ("Let only the director know the officials", "Танҳо роҳбар бояд мансабдоронро шиносад"),
                        feedback=(
                            "Then the link is lost when the director leaves.",
                            "Он гоҳ бо рафтани роҳбар пайванд гум мешавад.",
                        ),
                    ),
                ],
                kind="multiple",
            ),
            question(
                (
                    "Professionalism means being equally reliable in formal and informal settings.",
                    "Касбият маънои дар вазъиятҳои расмӣ ва ғайрирасмӣ якхела боэътимод будан аст.",
                ),
                [choice(TRUE, correct=True), choice(FALSE)],
                kind="true_false",
            ),
            question(
                (
                    "What should you do after an informal agreement?",
                    "Пас аз мувофиқаи ғайрирасмӣ чӣ бояд кард?",
                ),
                [
                    choice(("Confirm it in writing", "Онро хаттӣ тасдиқ кардан"), correct=True),
                    choice(
                        ("Tell nobody about it", "Ба ҳеҷ кас нагуфтан"),
                        feedback=(
                            "Without a record, the agreement is easily forgotten.",
                            "Бе сабт мувофиқа зуд фаромӯш мешавад.",
                        ),
                    ),
                ],
            ),
        ],
    }
    return module, [lesson_a, lesson_b], ("tg",)


def session_5():
    module = t("Session 5: Developing project proposals", "Машғулияти 5: Таҳияи пешниҳодҳои лоиҳавӣ")
    lesson_a = {
        "slug": "developing-projects",
        "title": t("Developing a project and seeking buy-in", "Таҳияи лоиҳа ва ҷалби дастгирӣ"),
        "summary": t(
            "From a problem to a project, with support from the relevant state bodies.",
            "Аз мушкилот то лоиҳа, бо дастгирии мақомоти давлатии дахлдор.",
        ),
        "body": [
            paragraph(
                "A good project starts from a clear problem that affects real people, a realistic goal, and "
                "activities that lead to that goal. Write down what will change, for whom, by when, and how "
                "you will know that it has changed.",
                "Лоиҳаи хуб аз мушкилоти равшане оғоз мешавад, ки ба одамони воқеӣ таъсир мерасонад, аз ҳадафи "
                "воқеӣ ва аз фаъолиятҳое, ки ба он ҳадаф мебаранд. Нависед, ки чӣ тағйир меёбад, барои кӣ, то "
                "кай ва шумо чӣ тавр мефаҳмед, ки он тағйир ёфтааст.",
            ),
            paragraph(
                "Seek buy-in from the relevant state bodies early, while the project is still being shaped. "
                "Officials who helped shape a project are more likely to support it, and a letter of support "
                "from a state body strengthens a proposal to donors.",
                "Дастгирии мақомоти давлатии дахлдорро барвақт, вақте ки лоиҳа ҳанӯз шакл мегирад, ҷалб кунед. "
                "Мансабдороне, ки дар ташаккули лоиҳа кумак кардаанд, эҳтимоли бештар дорад, ки онро дастгирӣ "
                "кунанд ва мактуби дастгирӣ аз мақоми давлатӣ пешниҳодро барои донорҳо қавӣ мегардонад.",
            ),
            takeaways(
                (
                    "State what will change, for whom, by when, and how you will know.",
                    "Нависед, ки чӣ тағйир меёбад, барои кӣ, то кай ва чӣ тавр мефаҳмед.",
                ),
                (
                    "Seek buy-in from state bodies while the project is still being shaped.",
                    "Дастгирии мақомоти давлатиро вақте ҷалб кунед, ки лоиҳа ҳанӯз шакл мегирад.",
                ),
            ),
        ],
    }
    lesson_b = {
        "slug": "donor-perspectives",
        "title": t("Understanding donors' perspectives", "Фаҳмидани нуқтаи назари донорҳо"),
        "summary": t(
            "What international donors look for in a proposal.",
            "Донорҳои байналмилалӣ дар пешниҳод чиро меҷӯянд.",
        ),
        "body": [
            paragraph(
                "International donors have their own priorities and rules. Read the call for proposals closely: "
                "who may apply, what is funded, what is not, and how proposals are judged. A proposal that "
                "answers the donor's questions in the donor's order is easier to score.",
                "Донорҳои байналмилалӣ афзалиятҳо ва қоидаҳои худро доранд. Эълони озмунро бодиққат хонед: кӣ "
                "ариза дода метавонад, чӣ маблағгузорӣ мешавад, чӣ не ва пешниҳодҳо чӣ гуна баҳо дода мешаванд. "
                "Пешниҳоде, ки ба саволҳои донор бо тартиби худи донор ҷавоб медиҳад, осонтар баҳо дода мешавад.",
            ),
            paragraph(
                "Donors want to know that the money will be well used and that the results will last. Show your "
                "track record, a realistic budget, how you will report, and what will continue after the "
                "project ends.",
                "Донорҳо мехоҳанд донанд, ки маблағ дуруст истифода мешавад ва натиҷаҳо пойдор мемонанд. Таҷрибаи "
                "кории худ, буҷаи воқеӣ, тарзи ҳисоботдиҳӣ ва он чиро, ки пас аз анҷоми лоиҳа идома меёбад, нишон "
                "диҳед.",
            ),
            takeaways(
                (
                    "Answer the donor's questions in the donor's order.",
                    "Ба саволҳои донор бо тартиби худи донор ҷавоб диҳед.",
                ),
                (
                    "Show what will last after the project ends.",
                    "Нишон диҳед, ки пас аз анҷоми лоиҳа чӣ боқӣ мемонад.",
                ),
            ),
        ],
        "quiz": [
            question(
                ("Where does a good project start?", "Лоиҳаи хуб аз куҷо оғоз мешавад?"),
                [
                    choice(
                        (
                            "From a clear problem that affects real people",
                            "Аз мушкилоти равшане, ки ба одамони воқеӣ таъсир мерасонад",
                        ),
                        correct=True,
                    ),
                    choice(
                        ("From the size of the budget", "Аз андозаи буҷа"),
                        feedback=(
                            "The budget follows from the project, not the other way round.",
                            "Буҷа аз лоиҳа бармеояд, на баръакс.",
                        ),
                    ),
                ],
            ),
            question(
                (
                    "When should you seek buy-in from state bodies?",
                    "Дастгирии мақомоти давлатиро кай бояд ҷалб кард?",
                ),
                [
                    choice(
                        ("While the project is still being shaped", "Вақте ки лоиҳа ҳанӯз шакл мегирад"), correct=True
                    ),
                    choice(
                        ("Only after the donor has paid", "Танҳо пас аз пардохти донор"),
                        feedback=(
                            "By then it is too late to shape the project together.",
                            "То он вақт барои якҷоя шакл додани лоиҳа дер мешавад.",
                        ),
                    ),
                ],
            ),
            question(
                (
                    "What do donors want to see in a proposal?",
                    "Донорҳо дар пешниҳод чиро дидан мехоҳанд?",
                ),
                [
                    choice(("A realistic budget", "Буҷаи воқеӣ"), correct=True),
                    choice(("What will continue after the project", "Он чӣ пас аз лоиҳа идома меёбад"), correct=True),
                    choice(
                        ("As many pages as possible", "Ҳарчи бештар саҳифа"),
                        feedback=("Length is not quality.", "Дарозӣ сифат нест."),
                    ),
                ],
                kind="multiple",
            ),
            question(
                (
                    "A proposal that follows the donor's order of questions is easier to score.",
                    "Пешниҳоде, ки тартиби саволҳои донорро риоя мекунад, осонтар баҳо дода мешавад.",
                ),
                [choice(TRUE, correct=True), choice(FALSE)],
                kind="true_false",
            ),
        ],
    }
    return module, [lesson_a, lesson_b], ("tg",)
