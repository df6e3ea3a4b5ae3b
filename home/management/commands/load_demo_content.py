"""Load Hamkori's demo content from the seed documents. Safe to run again: it changes nothing."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale, Page, Site

from home.demo import ensure_child_page, ensure_translations, list_items, t, translate
from home.demo_directory import ORGANISATIONS, thematic_area_names
from home.models import FooterText, HomePage, MemberProfile, Organisation, Region, StandardPage, ThematicArea

# Each app loads its own content; this command runs them by name (apps never import each other).
APP_LOADERS = ["load_programme_content", "load_course_content", "load_library_content"]
# Sections featured on the home page, when the app that owns them has loaded them.
FEATURED_SLUGS = ["training", "courses", "library", "consultations", "forums", "recommendations"]

DEMO_EDITOR = {"username": "editor", "password": "hamkori-editor", "email": "editor@hamkori.local"}


def home_intro():
    return t(
        "Courses, training materials and a shared library for civil society organisations "
        "in Tajikistan and Central Asia, in Tajik, Russian and English.",
        "Курсҳо, маводи таълимӣ ва китобхонаи умумӣ барои ташкилотҳои ҷомеаи шаҳрвандӣ "
        "дар Тоҷикистон ва Осиёи Марказӣ, ба забонҳои тоҷикӣ, русӣ ва англисӣ.",
        "Курсы, учебные материалы и общая библиотека для организаций гражданского общества "
        "Таджикистана и Центральной Азии на таджикском, русском и английском языках.",
    )


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def home_body(featured_pages):
    body = [
        {
            "type": "key_figures",
            "value": {
                "heading": t("Where Hamkori comes from", "Ҳамкорӣ аз куҷо сар шуд", "Откуда появился Хамкори"),
                "figures": list_items(
                    [
                        {
                            "figure": "140",
                            "label": t("staff trained", "корманд омӯзиш гирифтанд", "сотрудников обучено"),
                        },
                        {
                            "figure": "70",
                            "label": t(
                                "civil society organisations",
                                "ташкилоти ҷомеаи шаҳрвандӣ",
                                "организаций гражданского общества",
                            ),
                        },
                        {
                            "figure": "7",
                            "label": t(
                                "locations across Tajikistan",
                                "макон дар саросари Тоҷикистон",
                                "населённых пунктов Таджикистана",
                            ),
                        },
                        {"figure": "35", "label": t("training days", "рӯзи омӯзиш", "дней обучения")},
                    ]
                ),
            },
        },
    ]
    if featured_pages:
        body.append(
            {
                "type": "featured_pages",
                "value": {
                    "heading": t("Start here", "Аз ин ҷо оғоз кунед", "С чего начать"),
                    "pages": list_items([page.pk for page in featured_pages]),
                },
            }
        )
    body += [
        heading(t("What you can do here", "Дар ин ҷо шумо чӣ кор карда метавонед", "Что здесь можно сделать")),
        paragraph(
            t(
                "Learn to engage government. Five training sessions, first given to 140 staff of 70 CSOs "
                "in seven locations, are now a self-paced course you can take on your phone: the laws that "
                "govern CSOs, power structures, persuasion and communication, long-term relationships with "
                "state institutions, and project proposals.",
                "Ҳамкорӣ бо давлатро омӯзед. Панҷ машғулияти омӯзишӣ, ки аввал барои 140 корманди 70 "
                "ташкилот дар ҳафт макон гузаронида шуданд, акнун курси мустақилона мебошанд, ки онро дар "
                "телефон гузаштан мумкин аст: қонунҳое, ки фаъолияти ташкилотҳои ҷамъиятиро танзим мекунанд, "
                "сохторҳои ҳокимият, боварбахшӣ ва муошират, муносибатҳои дарозмуддат бо муассисаҳои давлатӣ "
                "ва таҳияи пешниҳодҳои лоиҳавӣ.",
                "Научитесь взаимодействовать с государством. Пять учебных сессий, которые сначала прошли "
                "140 сотрудников 70 организаций в семи населённых пунктах, теперь стали курсом для "
                "самостоятельного изучения, который можно пройти с телефона: законы, регулирующие "
                "деятельность ОГО, структуры власти, убеждение и коммуникация, долгосрочные отношения "
                "с государственными учреждениями и разработка проектных предложений.",
            )
        ),
        paragraph(
            t(
                "Share what you know. The library collects reports, databases and training modules from CSOs, "
                "international organisations and government agencies. Upload your organisation's materials and, "
                "once an editor approves them, you get access to the whole resource centre.",
                "Донишҳои худро бо дигарон мубодила кунед. Китобхона ҳисоботҳо, пойгоҳҳои иттилоотӣ ва "
                "модулҳои омӯзиширо аз ташкилотҳои ҷамъиятӣ, созмонҳои байналмилалӣ ва мақомоти давлатӣ "
                "ҷамъ меоварад. Маводи ташкилоти худро бор кунед ва пас аз тасдиқи муҳаррир шумо ба тамоми "
                "маркази захираҳо дастрасӣ пайдо мекунед.",
                "Делитесь знаниями. Библиотека собирает отчёты, базы данных и учебные модули от ОГО, "
                "международных организаций и государственных органов. Загрузите материалы своей организации, "
                "и после одобрения редактором вы получите доступ ко всему ресурсному центру.",
            )
        ),
        paragraph(
            t(
                "Follow the dialogue. Read what CSOs raised in consultations with donors and at regional forums, "
                "the answers they received, and what happened next.",
                "Муколамаро пайгирӣ кунед. Бихонед, ки ташкилотҳои ҷамъиятӣ дар машваратҳо бо донорҳо ва "
                "форумҳои минтақавӣ кадом масъалаҳоро бардоштанд, чӣ ҷавоб гирифтанд ва баъд чӣ шуд.",
                "Следите за диалогом. Читайте, какие вопросы ОГО поднимали на консультациях с донорами и на "
                "региональных форумах, какие ответы получили и что было дальше.",
            )
        ),
        {
            "type": "quote",
            "value": {
                "text": t(
                    "It is important for the governments, civil society and private sector to learn to "
                    "dialogue with each other.",
                    "Муҳим аст, ки ҳукуматҳо, ҷомеаи шаҳрвандӣ ва бахши хусусӣ муколама бо якдигарро омӯзанд.",
                    "Важно, чтобы правительства, гражданское общество и частный сектор учились вести диалог "
                    "друг с другом.",
                ),
                "attribution": t(
                    "EU-Central Asia Civil Society Forum, 2021",
                    "Форуми ҷомеаи шаҳрвандии ИА – Осиёи Марказӣ, 2021",
                    "Форум гражданского общества ЕС – Центральная Азия, 2021",
                ),
            },
        },
    ]
    return body


def about_body():
    return [
        paragraph(
            t(
                "Hamkori grew out of a training programme by the Eurasia Foundation of Central Asia (EFCA) in "
                "Tajikistan, supported by the Accountability Fund administered by the Embassy of the Netherlands "
                "in Astana. Its aim: help CSOs, especially those working with vulnerable communities, influence "
                "decisions at local and national level, so that government becomes more accountable and laws "
                "and services improve.",
                "Ҳамкорӣ аз барномаи омӯзишии Бунёди Авруосиёи Осиёи Марказӣ (EFCA) дар Тоҷикистон ба вуҷуд "
                "омадааст, ки аз ҷониби Фонди ҳисоботдиҳӣ, ки Сафорати Нидерланд дар Остона идора мекунад, "
                "дастгирӣ ёфтааст. Ҳадафи он ба ташкилотҳои ҷамъиятӣ, махсусан онҳое, ки бо ҷамоатҳои "
                "осебпазир кор мекунанд, кумак расонидан аст, то ба қабули қарорҳо дар сатҳи маҳаллӣ ва миллӣ "
                "таъсир расонанд, ҳукумат ҳисоботдеҳтар гардад ва қонунҳо ва хизматрасониҳо беҳтар шаванд.",
                "Хамкори вырос из учебной программы Фонда Евразия Центральной Азии (EFCA) в Таджикистане "
                "при поддержке Фонда подотчётности, которым управляет Посольство Нидерландов в Астане. Её "
                "цель — помочь ОГО, особенно работающим с уязвимыми сообществами, влиять на решения на местном "
                "и национальном уровне, чтобы государство стало более подотчётным, а законы и услуги — лучше.",
            )
        ),
        paragraph(
            t(
                "The programme had two parts. First, 140 staff from 70 CSOs took intensive five-day training "
                "courses in seven locations across Tajikistan, with priority for CSOs that represent under-served "
                "and vulnerable groups. Second, an online platform was built to host the training materials and "
                "let other CSOs upload their own, so that the resource centre stays useful after the project ends.",
                "Барнома аз ду қисм иборат буд. Аввал, 140 корманди 70 ташкилоти ҷамъиятӣ дар ҳафт макони "
                "Тоҷикистон курсҳои панҷрӯзаи омӯзиширо гузаштанд; афзалият ба ташкилотҳое дода шуд, ки "
                "манфиати гурӯҳҳои осебпазир ва камтаъминро ифода мекунанд. Дуюм, платформаи онлайн сохта шуд, "
                "то маводи омӯзишӣ дар он ҷой гиранд ва ташкилотҳои дигар маводи худро бор кунанд ва маркази "
                "захираҳо пас аз анҷоми лоиҳа низ муфид бимонад.",
                "Программа состояла из двух частей. Сначала 140 сотрудников 70 ОГО прошли интенсивные "
                "пятидневные курсы в семи населённых пунктах Таджикистана; приоритет отдавался организациям, "
                "представляющим интересы уязвимых и малообеспеченных групп. Затем была создана онлайн-платформа, "
                "где размещены учебные материалы и другие ОГО могут загружать свои, чтобы ресурсный центр "
                "оставался полезным и после окончания проекта.",
            )
        ),
    ]


FOOTER = (
    "Hamkori is a shared platform for civil society organisations in Tajikistan and Central Asia. Materials "
    "are shared by their authors for learning and non-commercial use."
)


class Command(BaseCommand):
    help = "Load the demo content from the seed documents. Idempotent: a second run changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-demo-accounts",
            action="store_true",
            help="Also create a demo editor account and print its login (refused with production settings).",
        )

    def handle(self, *args, with_demo_accounts=False, **options):
        with transaction.atomic():
            home = self.load_site()
            self.load_directory()
        for loader in APP_LOADERS:
            if loader in get_commands():
                self.stdout.write(f"Running {loader}…")
                call_command(loader, stdout=self.stdout, stderr=self.stderr)
        with transaction.atomic():
            self.finish_home_page(home)
        if with_demo_accounts:
            self.create_demo_editor()
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))

    def load_site(self):
        for code, _name in settings.LANGUAGES:
            Locale.objects.get_or_create(language_code=code)
        english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)

        root = Page.get_first_root_node()
        if root is None:  # a database emptied by a transactional test: rebuild what migrations made
            root = Page.add_root(instance=Page(title="Root", slug="root", locale=english))
        home = HomePage.objects.filter(depth=2, locale=english).first()
        if home is None:
            # Replace Wagtail's "Welcome" placeholder with our home page.
            home = HomePage(
                title=t(
                    "Hamkori: learning and resources for civil society",
                    "Ҳамкорӣ: омӯзиш ва маводҳо барои ҷомеаи шаҳрвандӣ",
                    "Хамкори: обучение и ресурсы для гражданского общества",
                ),
                slug="hamkori",
                locale=english,
                intro=home_intro(),
                body=home_body([]),
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            Site.objects.update_or_create(
                is_default_site=True,
                defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Hamkori"},
            )
            Page.objects.filter(depth=2).exclude(pk=home.pk).not_type(HomePage).delete()
        else:
            home_intro()  # registers the translations of the existing content
            home_body([])

        # Translate the home page before anything below it, so localize never copies it untranslated.
        ensure_translations(home)
        about, _created = ensure_child_page(
            home,
            StandardPage,
            "about",
            title=t("About Hamkori", "Дар бораи Ҳамкорӣ", "О Хамкори"),
            intro=t(
                "Why this platform exists and who it is for.",
                "Чаро ин платформа вуҷуд дорад ва барои кист.",
                "Зачем существует эта платформа и для кого она.",
            ),
            body=about_body(),
            show_in_menus=True,
        )
        ensure_translations(about)

        footer = FooterText.objects.filter(locale=english).first()
        t(
            FOOTER,
            "Ҳамкорӣ платформаи умумӣ барои ташкилотҳои ҷомеаи шаҳрвандии Тоҷикистон ва Осиёи Марказӣ "
            "мебошад. Маводҳоро муаллифонашон барои омӯзиш ва истифодаи ғайритиҷоратӣ пешниҳод кардаанд.",
            "Хамкори — общая платформа для организаций гражданского общества Таджикистана и Центральной "
            "Азии. Материалы предоставлены авторами для обучения и некоммерческого использования.",
        )
        if footer is None:
            footer = FooterText.objects.create(locale=english, body=f"<p>{FOOTER}</p>")
        ensure_translations(footer)
        return home

    def load_directory(self):
        """Thematic areas (translated) and organisations, shared by every app."""
        english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        for slug, name in thematic_area_names():
            area, _created = ThematicArea.objects.get_or_create(locale=english, slug=slug, defaults={"name": name})
            ensure_translations(area)
        for name, name_tg, name_ru, org_type, city in ORGANISATIONS:
            Organisation.objects.get_or_create(
                name=name,
                defaults={
                    "name_tg": name_tg,
                    "name_ru": name_ru,
                    "type": org_type,
                    "city": city,
                    "region": Region.DUSHANBE if city == "Dushanbe" else Region.KHATLON,
                },
            )

    def finish_home_page(self, home):
        """Feature the sections the apps have loaded, once, and carry that into the translations."""
        home = HomePage.objects.get(pk=home.pk)
        featured = [page for slug in FEATURED_SLUGS for page in home.get_children().live().filter(slug=slug)]
        has_featured = any(block.block_type == "featured_pages" for block in home.body)
        if featured and not has_featured:
            home.body = home_body(featured)
            home.save_revision().publish()
            for code, _name in settings.LANGUAGES:
                if code != settings.LANGUAGE_CODE:
                    translate(home, code)

    def create_demo_editor(self):
        if settings.SETTINGS_MODULE.endswith("production"):
            raise CommandError("Demo accounts are never created with production settings.")
        User = get_user_model()
        editor, created = User.objects.get_or_create(
            username=DEMO_EDITOR["username"],
            # A superuser, so the demo shows every part of the admin: moderation, reports, translation.
            defaults={
                "email": DEMO_EDITOR["email"],
                "first_name": "Demo",
                "last_name": "Editor",
                "is_staff": True,
                "is_superuser": True,
            },
        )
        if created:
            editor.set_password(DEMO_EDITOR["password"])
            editor.save()
        MemberProfile.objects.get_or_create(user=editor)
        self.stdout.write(
            self.style.WARNING(
                f"Demo editor: log in at /admin/ as {DEMO_EDITOR['username']} / {DEMO_EDITOR['password']}"
            )
        )
