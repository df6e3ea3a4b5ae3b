"""The training programme, consultation, forum and partner pages, as a reader and an editor see them."""

import pytest
from django.utils.html import escape
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from home.demo_programme import SESSIONS
from home.models import (
    ConsultationIndexPage,
    ConsultationPage,
    ForumIndexPage,
    ForumPage,
    HomePage,
    Organisation,
    RecommendationIndexPage,
    RecommendationPage,
    StandardPage,
    TrainingProgrammePage,
    TrainingSessionPage,
)

LANGUAGES = ["en", "tg", "ru"]
SESSION_TITLES = {
    "en": [s["title"] for s in SESSIONS],
    "tg": ["Қонунҳое, ки", "Сохторҳои расмӣ", "Боварбахшӣ ва муошират", "Бунёди муносибатҳои", "Таҳияи пешниҳодҳои"],
    "ru": [
        "Законы, регулирующие",
        "Формальные и неформальные",
        "Убеждение и коммуникация",
        "Построение долгосрочных",
        "Разработка проектных",
    ],
}


class ProgrammeTreeRulesTest(WagtailPageTestCase):
    def test_sections_sit_under_the_home_page(self):
        for model in (TrainingProgrammePage, ConsultationIndexPage, ForumIndexPage, RecommendationIndexPage):
            self.assertAllowedParentPageTypes(model, {HomePage})

    def test_each_section_holds_only_its_own_pages(self):
        self.assertAllowedSubpageTypes(TrainingProgrammePage, {TrainingSessionPage})
        self.assertAllowedSubpageTypes(ConsultationIndexPage, {ConsultationPage})
        self.assertAllowedSubpageTypes(ForumIndexPage, {ForumPage})
        self.assertAllowedSubpageTypes(RecommendationIndexPage, {RecommendationPage})
        for leaf in (TrainingSessionPage, ConsultationPage, ForumPage, RecommendationPage):
            self.assertAllowedSubpageTypes(leaf, set())


pytestmark = pytest.mark.django_db


def positions(html, needles):
    found = [html.find(needle) for needle in needles]
    assert all(index >= 0 for index in found), [n for n, i in zip(needles, found, strict=True) if i < 0]
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_five_sessions_are_listed_in_order(client, language):
    response = client.get(f"/{language}/training/")
    assert response.status_code == 200
    html = response.content.decode()
    found = positions(html, SESSION_TITLES[language])
    assert found == sorted(found)
    for session in SESSIONS:
        assert f'href="/{language}/training/{session["slug"]}/"' in html


def test_programme_page_shows_its_facts(client):
    html = client.get("/en/training/").content.decode()
    for fact in ("140", "70", "35", "Eurasia Foundation of Central Asia", "Accountability Fund"):
        assert fact in html


def test_tajik_programme_page_is_in_tajik(client):
    html = client.get("/tg/training/").content.decode()
    assert "Бунёди Авруосиёи Осиёи Марказӣ" in html
    assert "Accountability Fund" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_session_links_to_the_previous_and_next(client, language):
    middle = client.get(f"/{language}/training/persuasion-and-communication/").content.decode()
    assert f'rel="prev" class="prev-next__prev" href="/{language}/training/power-structures/"' in middle
    assert f'rel="next" class="prev-next__next" href="/{language}/training/long-term-relationships/"' in middle
    first = client.get(f"/{language}/training/laws-and-csos/").content.decode()
    assert 'rel="prev"' not in first
    last = client.get(f"/{language}/training/project-proposals/").content.decode()
    assert 'rel="next"' not in last


def test_session_shows_topics_objectives_and_duration(client):
    html = client.get("/tg/training/power-structures/").content.decode()
    assert "Харитасозии ҷонибҳои манфиатдор" in html  # a topic
    assert "харитаи ҷонибҳои манфиатдорро кашидан" in html  # an objective
    assert "Stakeholder mapping" not in html


def test_learn_more_lists_only_live_pages_in_the_readers_language(client, page_in):
    session = page_in("en", "/training/laws-and-csos/")
    about = page_in("en", "/about/")
    draft = StandardPage(title="Unfinished lesson", slug="unfinished-lesson", live=False)
    about.add_child(instance=draft)
    session.learn_more = [{"type": "page", "value": about.pk}, {"type": "page", "value": draft.pk}]
    session.save_revision().publish()
    tajik_session = page_in("tg", "/training/laws-and-csos/")
    tajik_session.learn_more = session.learn_more
    tajik_session.save_revision().publish()

    english = client.get("/en/training/laws-and-csos/").content.decode()
    assert 'href="/en/about/">About Hamkori' in english
    assert "Unfinished lesson" not in english
    tajik = client.get("/tg/training/laws-and-csos/").content.decode()
    assert 'href="/tg/about/">Дар бораи Ҳамкорӣ' in tajik


def test_unpublished_and_private_sessions_are_not_listed(client, page_in):
    programme = page_in("en", "/training/")
    draft = TrainingSessionPage(
        title="Draft session on budgets", slug="draft-budgets", number=6, summary="x", live=False
    )
    programme.add_child(instance=draft)
    private = TrainingSessionPage(title="Private session on budgets", slug="private-budgets", number=7, summary="x")
    programme.add_child(instance=private)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    html = client.get("/en/training/").content.decode()
    assert "Draft session on budgets" not in html
    assert "Private session on budgets" not in html
    # ...nor linked as the "next session" of the last public one.
    assert "budgets" not in client.get("/en/training/project-proposals/").content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_consultation_shows_topics_responses_and_organisations(client, language):
    response = client.get(f"/{language}/consultations/world-bank-cpf-bokhtar-2026/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="key-topic"') == 5
    assert html.count('class="key-topic__response"') == 3
    names = Organisation.objects.filter(consultations__page__locale__language_code="en").distinct()
    assert names.count() == 28
    for organisation in names:
        shown = {"en": organisation.name, "tg": organisation.name_tg, "ru": organisation.name_ru}[language]
        assert escape(shown or organisation.name) in html
    assert "37" in html


def test_consultation_in_tajik_is_in_tajik(client):
    html = client.get("/tg/consultations/world-bank-cpf-bokhtar-2026/").content.decode()
    assert "Гурӯҳи Бонки Ҷаҳонӣ" in html
    assert "Бохтар" in html
    assert "procurement" not in html


def test_consultation_list_links_the_consultation(client):
    html = client.get("/ru/consultations/").content.decode()
    assert 'href="/ru/consultations/world-bank-cpf-bokhtar-2026/"' in html
    assert "Консультация Группы Всемирного банка" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_forum_shows_its_sessions_with_their_recommendations(client, language):
    html = client.get(f"/{language}/forums/eu-central-asia-forum-2021/").content.decode()
    assert html.count('class="forum-session"') == 4
    # 23 recommendations, each linked from its session
    assert html.count(f'href="/{language}/recommendations/eu-central-asia-forum-2021-') == 23


def test_forum_list_and_titles_in_each_language(client):
    assert "Форуми ҷомеаи шаҳрвандии ИА" in client.get("/tg/forums/").content.decode()
    assert "Форум гражданского общества ЕС" in client.get("/ru/forums/").content.decode()


@pytest.mark.parametrize("path", ["/partners/", "/partners/tacso-2/", "/partners/carec-cso-concept/"])
def test_partner_pages_exist_in_each_language(client, path):
    for language in LANGUAGES:
        assert client.get(f"/{language}{path}").status_code == 200
    assert "TACSO" in client.get("/tg/partners/tacso-2/").content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/training/",
        "/training/laws-and-csos/",
        "/consultations/",
        "/consultations/world-bank-cpf-bokhtar-2026/",
        "/forums/",
        "/forums/eu-central-asia-forum-2021/",
        "/recommendations/",
        "/recommendations/eu-central-asia-forum-2021-01/",
    ],
)
def test_pages_stay_under_30_kb_and_load_nothing_from_elsewhere(client, path):
    for language in LANGUAGES:
        html = client.get(f"/{language}{path}").content.decode()
        assert len(html.encode()) < 30_000
        assert 'src="http' not in html  # nothing loaded from another host


def test_sections_are_in_the_main_menu(client):
    html = client.get("/tg/").content.decode()
    for slug in ("training", "consultations", "forums", "recommendations", "partners"):
        assert f'href="/tg/{slug}/"' in html


def test_editor_can_translate_a_session_page_in_the_admin(client, django_user_model, page_in):
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw")
    client.force_login(editor)
    session = page_in("en", "/training/laws-and-csos/")
    assert client.get(f"/admin/pages/{session.pk}/edit/").status_code == 200
    tajik = Page.objects.get(translation_key=session.translation_key, locale__language_code="tg")
    response = client.get(f"/admin/pages/{tajik.pk}/edit/")
    assert response.status_code == 200
    assert "Қонунҳое" in response.content.decode()  # wagtail-localize's translation editor


def test_editor_creates_a_russian_translation_of_a_new_session_and_publishes_it(
    client, django_user_model, page_in, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale
    from wagtail_localize.models import StringSegment, StringTranslation, Translation

    editor = django_user_model.objects.create_superuser("ed2", "ed2@example.org", "pw")
    client.force_login(editor)
    programme = page_in("en", "/training/")
    session = TrainingSessionPage(title="Budget advocacy", slug="budget-advocacy", number=6, summary="Read a budget.")
    programme.add_child(instance=session)
    session.save_revision().publish()

    russian = Locale.objects.get(language_code="ru")
    response = client.post(f"/admin/localize/submit/page/{session.pk}/", {"locales": [russian.pk]})
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=session.translation_key, target_locale=russian)
    words = {"Budget advocacy": "Бюджетная адвокация", "Read a budget.": "Читать бюджет."}
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string", "context"):
        if segment.string.data in words:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=russian,
                context=segment.context,
                data=words[segment.string.data],
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
    with django_capture_on_commit_callbacks(execute=True):  # localize publishes once the transaction commits
        translation.save_target(user=editor, publish=True)
    html = client.get("/ru/training/").content.decode()
    assert 'href="/ru/training/budget-advocacy/"' in html
    assert "Бюджетная адвокация" in client.get("/ru/training/budget-advocacy/").content.decode()
