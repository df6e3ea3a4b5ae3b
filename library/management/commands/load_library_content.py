"""Fill the library from the seed documents. Idempotent: a second run changes nothing."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import ensure_child_page, ensure_translations, t
from home.models import HomePage, MemberProfile, Organisation, ThematicArea
from library.access import MODERATORS_GROUP, ensure_library_setup, ensure_moderation, grant_organisation
from library.models import (
    Access,
    Coverage,
    LibraryIndexPage,
    ResourceFile,
    ResourceMaterialLanguage,
    ResourcePage,
    ResourceThematicArea,
    ResourceType,
    Submission,
)
from library.pdf import text_to_pdf
from library.submissions import create_submission, store_document

SEEDS = Path(__file__).resolve().parents[2] / "demo_seeds"

PUBLISHERS = [
    # English name, Tajik, Russian, type
    (
        "Eurasia Foundation of Central Asia (EFCA)",
        "Бунёди Авруосиёи Осиёи Марказӣ (EFCA)",
        "Фонд Евразия Центральной Азии (EFCA)",
        "international",
    ),
    ("World Bank Group", "Гурӯҳи Бонки Ҷаҳонӣ", "Группа Всемирного банка", "international"),
    ("European Union", "Иттиҳоди Аврупо", "Европейский союз", "international"),
    (
        "TACSO: Technical Assistance for Civil Society Organisations",
        "TACSO: Кумаки техникӣ ба ташкилотҳои ҷомеаи шаҳрвандӣ",
        "TACSO: Техническая помощь организациям гражданского общества",
        "international",
    ),
    (
        "Regional Environmental Centre for Central Asia (CAREC)",
        "Маркази минтақавии экологии Осиёи Марказӣ (CAREC)",
        "Региональный экологический центр Центральной Азии (CAREC)",
        "international",
    ),
]

DEMO_PASSWORD = "hamkori-member"  # noqa: S105 (demo only, never with production settings)
DEMO_MEMBERS = [
    # username/email, first, last, organisation
    ("sino.member@hamkori.local", "Dilnoza", "Rahimova", 'Public Organization "Sino"'),
    ("fidokor.member@hamkori.local", "Farrukh", "Nazarov", 'Public Organization "Fidokor"'),
]
DEMO_MODERATOR = ("moderator@hamkori.local", "Malika", "Saidova")


def seed_text(prefix):
    for path in sorted(SEEDS.glob(f"{prefix}_*.txt")):
        return path.read_text(encoding="utf-8")
    return ""


def resources():
    """The five seed documents as resources."""
    return [
        {
            "seed": "000",
            "slug": "stronger-civil-society-tajikistan",
            "title": t(
                "A stronger civil society in Tajikistan through new trainings and technology",
                "Ҷомеаи шаҳрвандии қавӣ дар Тоҷикистон тавассути омӯзиш ва технологияҳои нав",
                "Сильное гражданское общество в Таджикистане благодаря новым тренингам и технологиям",
            ),
            "summary": t(
                "How the Eurasia Foundation of Central Asia trained 140 staff of 70 civil society organisations "
                "in seven locations across Tajikistan to influence state decisions at local and national level. "
                "The report describes the five training sessions (laws on CSOs, power structures, persuasion and "
                "communication, long-term relationships with state bodies, project proposals) and the online "
                "resource centre built so that CSOs can keep sharing materials after the project.",
                "Чӣ тавр Бунёди Авруосиёи Осиёи Марказӣ 140 корманди 70 ташкилоти ҷомеаи шаҳрвандиро дар ҳафт "
                "макони Тоҷикистон омӯзонд, то онҳо ба қарорҳои давлатӣ дар сатҳи маҳаллӣ ва миллӣ таъсир "
                "расонанд. Ҳисобот панҷ машғулияти омӯзиширо (қонунҳо дар бораи ташкилотҳои ҷамъиятӣ, сохторҳои "
                "ҳокимият, боварбахшӣ ва муошират, муносибатҳои дарозмуддат бо мақомоти давлатӣ, пешниҳодҳои "
                "лоиҳавӣ) ва маркази захираҳои онлайнро тасвир мекунад, ки барои мубодилаи минбаъдаи мавод "
                "сохта шудааст.",
                "Как Фонд Евразия Центральной Азии обучил 140 сотрудников 70 организаций гражданского общества "
                "в семи населённых пунктах Таджикистана влиять на государственные решения на местном и "
                "национальном уровне. В отчёте описаны пять учебных сессий (законы об ОГО, структуры власти, "
                "убеждение и коммуникация, долгосрочные отношения с госорганами, проектные предложения) и "
                "онлайн-ресурсный центр, созданный, чтобы ОГО продолжали делиться материалами после проекта.",
            ),
            "keywords": t(
                "training, advocacy, CSO law, project proposals",
                "омӯзиш, ҳимоят, қонун дар бораи ташкилотҳои ҷамъиятӣ, пешниҳодҳои лоиҳавӣ",
                "обучение, адвокация, закон об ОГО, проектные предложения",
            ),
            "type": ResourceType.TRAINING,
            "access": Access.PUBLIC,
            "publisher": "Eurasia Foundation of Central Asia (EFCA)",
            "year": 2021,
            "coverage": Coverage.TAJIKISTAN,
            "languages": ["en"],
            "areas": ["capacity-building", "cso-government", "cso-law"],
            "format": "pdf",
        },
        {
            "seed": "001",
            "slug": "world-bank-consultations-khatlon-2026",
            "title": t(
                "World Bank country partnership 2026–2031: consultations with CSOs, youth and academia of Khatlon",
                "Шарикии кишварии Бонки Ҷаҳонӣ барои солҳои 2026–2031: машварат бо ташкилотҳои ҷамъиятӣ, "
                "ҷавонон ва олимони Хатлон",
                "Рамочная программа партнёрства Всемирного банка на 2026–2031 годы: консультации с ОГО, "
                "молодёжью и академическими кругами Хатлона",
            ),
            "summary": t(
                "Summary of the consultation held in Bokhtar on 11 February 2026 with 37 participants from 28 "
                "organisations. CSOs asked for a fair share of contracts and procurement lots reserved for local "
                "roles such as community mobilisation and training, and raised stable funding for shelters and "
                "social services, youth employment and returning migrants.",
                "Хулосаи машварате, ки 11 феврали соли 2026 дар шаҳри Бохтар бо иштироки 37 нафар аз 28 "
                "ташкилот баргузор шуд. Ташкилотҳои ҷамъиятӣ хоҳиш карданд, ки ба онҳо ҳиссаи одилонаи "
                "шартномаҳо ва қисмҳои алоҳидаи харид барои нақшҳои маҳаллӣ, аз қабили сафарбаркунии аҳолӣ ва "
                "омӯзиш, ҷудо карда шавад. Онҳо инчунин масъалаҳои маблағгузории устувори паноҳгоҳҳо ва "
                "хизматрасониҳои иҷтимоӣ, шуғли ҷавонон ва муҳоҷирони баргаштаро бардоштанд.",
                "Итоги консультации, прошедшей в Бохтаре 11 февраля 2026 года: 37 участников из 28 организаций. "
                "ОГО просили справедливую долю контрактов и отдельные лоты закупок для местных задач, таких как "
                "мобилизация сообществ и обучение, и говорили о стабильном финансировании кризисных центров и "
                "социальных услуг, занятости молодёжи и вернувшихся мигрантов.",
            ),
            "keywords": t(
                "World Bank, consultation, procurement, Khatlon, funding",
                "Бонки Ҷаҳонӣ, машварат, харид, Хатлон, маблағгузорӣ",
                "Всемирный банк, консультация, закупки, Хатлон, финансирование",
            ),
            "type": ResourceType.REPORT,
            "access": Access.MEMBERS,
            "publisher": "World Bank Group",
            "year": 2026,
            "coverage": Coverage.TAJIKISTAN,
            "languages": ["en"],
            "areas": ["funding-procurement", "cso-government", "migration-employment"],
            "format": "pdf",
        },
        {
            "seed": "002",
            "slug": "eu-central-asia-forum-2021",
            "title": t(
                "EU–Central Asia Civil Society Forum 2021: discussion points and recommendations",
                "Форуми ҷомеаи шаҳрвандии ИА – Осиёи Марказӣ 2021: масъалаҳои муҳокимашуда ва тавсияҳо",
                "Форум гражданского общества ЕС – Центральная Азия 2021: итоги обсуждений и рекомендации",
            ),
            "summary": t(
                "The main points and recommendations of the forum held in Almaty on 6 October 2021, “Building "
                "forward better: engaging for a sustainable post-COVID recovery”. Four sessions covered the EU "
                "strategy for Central Asia, resilience through inclusion, green prosperity with women and youth, "
                "and regional cooperation on environmental challenges.",
                "Масъалаҳои асосӣ ва тавсияҳои форуме, ки 6 октябри соли 2021 дар Алмато бо номи «Беҳтар "
                "барқарор кунем: ҳамкорӣ барои барқароршавии устувор пас аз COVID» гузашт. Чор ҷаласа ба "
                "стратегияи ИА дар Осиёи Марказӣ, устуворӣ тавассути фарогирӣ, шукуфоии сабз бо иштироки занон "
                "ва ҷавонон ва ҳамкории минтақавӣ дар ҳалли мушкилоти экологӣ бахшида шуда буданд.",
                "Основные итоги и рекомендации форума, прошедшего в Алматы 6 октября 2021 года под названием "
                "«Восстановиться лучше: сотрудничество ради устойчивого восстановления после COVID». Четыре "
                "сессии были посвящены стратегии ЕС в Центральной Азии, устойчивости через инклюзию, зелёному "
                "процветанию с участием женщин и молодёжи и региональному сотрудничеству в экологии.",
            ),
            "keywords": t(
                "EU strategy, forum, recovery, women and youth",
                "стратегияи ИА, форум, барқароршавӣ, занон ва ҷавонон",
                "стратегия ЕС, форум, восстановление, женщины и молодёжь",
            ),
            "type": ResourceType.REPORT,
            "access": Access.PUBLIC,
            "publisher": "European Union",
            "year": 2021,
            "coverage": Coverage.CENTRAL_ASIA,
            "languages": ["en"],
            "areas": ["regional-cooperation", "green-economy", "women-youth"],
            "format": "pdf",
        },
        {
            "seed": "003",
            "slug": "tacso-2-technical-assistance",
            "title": t(
                "TACSO 2: technical assistance to civil society organisations",
                "TACSO 2: кумаки техникӣ ба ташкилотҳои ҷомеаи шаҳрвандӣ",
                "TACSO 2: техническая помощь организациям гражданского общества",
            ),
            "summary": t(
                "How an EU programme strengthens the capacity and accountability of CSOs in the Western Balkans "
                "and Turkey: people-to-people events, training for smaller CSOs, training of trainers, and the "
                "gradual handover of its services to national resource centres. A model for building a "
                "resource centre that lasts.",
                "Чӣ тавр барномаи ИА иқтидор ва ҳисоботдиҳии ташкилотҳои ҷомеаи шаҳрвандиро дар Балкани Ғарбӣ ва "
                "Туркия таҳким мебахшад: чорабиниҳои «аз одам ба одам», омӯзиш барои ташкилотҳои хурд, омӯзиши "
                "омӯзгорон ва супоридани тадриҷии хизматҳо ба марказҳои миллии захираҳо. Намунае барои сохтани "
                "маркази захираҳое, ки дер боқӣ мемонад.",
                "Как программа ЕС укрепляет потенциал и подотчётность ОГО на Западных Балканах и в Турции: "
                "мероприятия «от людей к людям», обучение небольших ОГО, подготовка тренеров и постепенная "
                "передача услуг национальным ресурсным центрам. Пример того, как создать долговечный "
                "ресурсный центр.",
            ),
            "keywords": t(
                "capacity building, resource centre, training of trainers",
                "рушди иқтидор, маркази захираҳо, омӯзиши омӯзгорон",
                "развитие потенциала, ресурсный центр, подготовка тренеров",
            ),
            "type": ResourceType.GUIDE,
            "access": Access.MEMBERS,
            "publisher": "TACSO: Technical Assistance for Civil Society Organisations",
            "year": 2013,
            "coverage": Coverage.WESTERN_BALKANS,
            "languages": ["en"],
            "areas": ["capacity-building", "accountability"],
            "format": "txt",
        },
        {
            "seed": "004",
            "slug": "carec-civil-society-concept-2020-2025",
            "title": t(
                "Concept of interaction between CAREC and civil society organisations in Central Asia, 2020–2025",
                "Консепсияи ҳамкории CAREC бо ташкилотҳои ҷомеаи шаҳрвандӣ дар Осиёи Марказӣ, 2020–2025",
                "Концепция взаимодействия CAREC и организаций гражданского общества Центральной Азии на 2020–2025 годы",
            ),
            "summary": t(
                "The Regional Environmental Centre for Central Asia sets out how it works with CSOs on climate "
                "change, water, disaster risk, clean energy, waste and environmental education, and how CSOs "
                "can take part in decisions on sustainable development in the region.",
                "Маркази минтақавии экологии Осиёи Марказӣ шарҳ медиҳад, ки чӣ тавр бо ташкилотҳои ҷамъиятӣ дар "
                "соҳаҳои тағйирёбии иқлим, об, хатари офатҳо, энергияи тоза, партовҳо ва маърифати экологӣ "
                "ҳамкорӣ мекунад ва ташкилотҳо чӣ тавр метавонанд дар қабули қарорҳо оид ба рушди устувори "
                "минтақа иштирок кунанд.",
                "Региональный экологический центр Центральной Азии описывает, как он работает с ОГО в сферах "
                "изменения климата, водных ресурсов, рисков бедствий, чистой энергии, отходов и экологического "
                "просвещения и как ОГО могут участвовать в решениях об устойчивом развитии региона.",
            ),
            "keywords": t(
                "environment, climate, water, concept",
                "муҳити зист, иқлим, об, консепсия",
                "окружающая среда, климат, вода, концепция",
            ),
            "type": ResourceType.LEGAL,
            "access": Access.PUBLIC,
            "publisher": "Regional Environmental Centre for Central Asia (CAREC)",
            "year": 2020,
            "coverage": Coverage.CENTRAL_ASIA,
            "languages": ["en", "ru"],
            "areas": ["climate-change", "water-resources", "civic-education"],
            "format": "txt",
        },
    ]


def library_index_fields():
    return {
        "title": t("Library", "Китобхона", "Библиотека"),
        "intro": t(
            "Reports, databases, training modules and guides shared by civil society organisations, "
            "international organisations and government agencies.",
            "Ҳисоботҳо, пойгоҳҳои иттилоотӣ, модулҳои омӯзишӣ ва дастурҳое, ки ташкилотҳои ҷомеаи шаҳрвандӣ, "
            "созмонҳои байналмилалӣ ва мақомоти давлатӣ пешниҳод кардаанд.",
            "Отчёты, базы данных, учебные модули и руководства от организаций гражданского общества, "
            "международных организаций и государственных органов.",
        ),
        "contribute_text": t(
            "Everyone can read the descriptions. Members-only files open for organisations that have shared "
            "a resource: contribute one of your organisation's reports or training materials to unlock the "
            "whole library for all your colleagues.",
            "Тавсифҳоро ҳама хонда метавонанд. Файлҳои махсуси аъзоён барои ташкилотҳое кушода мешаванд, ки "
            "маводе пешниҳод кардаанд: яке аз ҳисоботҳо ё маводи омӯзишии ташкилоти худро пешниҳод кунед, то "
            "тамоми китобхона барои ҳамаи ҳамкорони шумо кушода шавад.",
            "Описания доступны всем. Файлы только для участников открываются организациям, которые поделились "
            "материалом: предложите отчёт или учебный материал своей организации, и вся библиотека откроется "
            "для всех ваших коллег.",
        ),
    }


PENDING_TEXT = (
    "Volunteer recruitment checklist\n\n"
    "1. Describe the task, the time it takes and who the volunteer will work with.\n"
    "2. Ask the mahalla committee and schools to share the call.\n"
    "3. Meet each volunteer, explain the rules on child protection and privacy.\n"
    "4. Agree a short trial period and a contact person.\n"
    "5. Thank volunteers in public and give them a certificate.\n"
)


class Command(BaseCommand):
    help = "Load the library's demo resources, members and one pending submission. Idempotent."

    @transaction.atomic
    def handle(self, *args, **options):
        english_home = HomePage.objects.filter(depth=2, locale__language_code="en").first()
        if english_home is None:
            self.stderr.write("No English home page: run load_demo_content.")
            return
        setup = ensure_library_setup()
        index, _created = ensure_child_page(
            english_home, LibraryIndexPage, "library", show_in_menus=True, **library_index_fields()
        )
        ensure_translations(index)
        publishers = self.load_publishers()
        pages = {}
        for spec in resources():
            pages[spec["seed"]] = self.load_resource(index, spec, publishers, setup)
        ensure_moderation(setup)
        members = self.load_accounts()
        self.load_submissions(index, pages, members)
        self.stdout.write(f"Library: {ResourcePage.objects.filter(locale=index.locale).count()} resources.")

    def load_publishers(self):
        publishers = {}
        for name, name_tg, name_ru, org_type in PUBLISHERS:
            organisation, _created = Organisation.objects.get_or_create(
                name=name, defaults={"name_tg": name_tg, "name_ru": name_ru, "type": org_type, "region": "other"}
            )
            publishers[name] = organisation
        return publishers

    def load_resource(self, index, spec, publishers, setup):
        existing = index.get_children().filter(slug=spec["slug"]).first()
        if existing:
            page = existing.specific
        else:
            text = seed_text(spec["seed"])
            if spec["format"] == "pdf":
                data = text_to_pdf(spec["title"], text)
            else:
                data = f"{spec['title']}\n\n{text}".encode()
            upload = SimpleUploadedFile(f"{spec['slug']}.{spec['format']}", data)
            document = store_document(upload, spec["title"], None, setup["submissions"])
            areas = ThematicArea.objects.filter(locale__language_code="en", slug__in=spec["areas"])
            page, _created = ensure_child_page(
                index,
                ResourcePage,
                spec["slug"],
                title=spec["title"],
                summary=spec["summary"],
                keywords=spec["keywords"],
                resource_type=spec["type"],
                access=spec["access"],
                organisation=publishers[spec["publisher"]],
                year=spec["year"],
                coverage=spec["coverage"],
                material_languages=[ResourceMaterialLanguage(language=code) for code in spec["languages"]],
                thematic_area_links=[ResourceThematicArea(thematic_area=area) for area in areas],
                files=[ResourceFile(document=document)],
            )
        ensure_translations(page)
        return page

    def load_accounts(self):
        User = get_user_model()
        demo = not (settings.SETTINGS_MODULE or "").endswith("production")
        members = {}
        for email, first, last, organisation_name in DEMO_MEMBERS:
            user, created = User.objects.get_or_create(
                username=email, defaults={"email": email, "first_name": first, "last_name": last}
            )
            if created:
                if demo:
                    user.set_password(DEMO_PASSWORD)
                else:
                    user.set_unusable_password()
                user.save()
            profile, _created = MemberProfile.objects.get_or_create(user=user)
            if profile.organisation_id is None:
                profile.organisation = Organisation.objects.get(name=organisation_name)
                profile.save()
            members[organisation_name] = user
        email, first, last = DEMO_MODERATOR
        moderator, created = User.objects.get_or_create(
            username=email, defaults={"email": email, "first_name": first, "last_name": last}
        )
        if created:
            if demo:
                moderator.set_password("hamkori-moderator")
            else:
                moderator.set_unusable_password()
            moderator.save()
        moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
        MemberProfile.objects.get_or_create(user=moderator)
        return members

    def load_submissions(self, index, pages, members):
        sino_member = members['Public Organization "Sino"']
        sino = sino_member.profile.organisation
        # Sino uploaded the World Bank consultation summary it took part in; a moderator approved it.
        world_bank = pages["001"]
        if not Submission.objects.filter(page=world_bank).exists():
            Submission.objects.create(
                page=world_bank, submitter=sino_member, organisation=sino, status=Submission.Status.APPROVED
            )
        grant_organisation(sino, note="Contribution approved (demo)")

        fidokor_member = members['Public Organization "Fidokor"']
        if not Submission.objects.filter(submitter=fidokor_member).exists():
            upload = SimpleUploadedFile("volunteer-checklist.txt", PENDING_TEXT.encode())
            create_submission(
                fidokor_member,
                fidokor_member.profile.organisation,
                index,
                {
                    "title": "Volunteer recruitment checklist",
                    "summary": "A one-page checklist our volunteers' school uses to recruit and keep volunteers.",
                    "resource_type": ResourceType.GUIDE,
                    "access": Access.MEMBERS,
                    "year": 2025,
                    "coverage": Coverage.TAJIKISTAN,
                    "keywords": "volunteers, recruitment",
                    "external_url": "",
                    "material_languages": ["en"],
                    "thematic_areas": ["capacity-building", "women-youth"],
                    "files": [upload],
                },
            )
