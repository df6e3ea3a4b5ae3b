"""The training programme, consultation and forum pages, as a reader and an editor see them."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.utils.html import escape
from wagtail.models import Locale, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from home.models import HomePage
from home.translation import publish_translation
from programme.models import (
    ConsultationIndexPage,
    ConsultationPage,
    ForumIndexPage,
    ForumPage,
    RecommendationIndexPage,
    RecommendationPage,
    TrainingProgrammePage,
    TrainingSessionPage,
)
from tests.factories import StandardPageFactory, TrainingSessionPageFactory, UserFactory, list_items, translate

from .conftest import (
    CONSULTATION,
    FORUM,
    FORUM_RECOMMENDATIONS,
    FORUM_SESSIONS,
    FORUM_TITLES,
    LANGUAGES,
    ORGANISATIONS,
    PROGRAMME_FACTS,
    SESSIONS,
)


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
def test_the_five_sessions_are_listed_in_order(client, programme, language):
    response = client.get(f"/{language}/training/")
    assert response.status_code == 200
    html = response.content.decode()
    found = positions(html, [escape(titles[language]) for _slug, _number, titles in SESSIONS])
    assert found == sorted(found)
    for slug, _number, _titles in SESSIONS:
        assert f'href="/{language}/training/{slug}/"' in html


def test_programme_page_shows_its_facts(client, programme):
    html = client.get("/en/training/").content.decode()
    for number in (140, 73, 35):
        assert f'<span class="key-figures__figure">{number}</span>' in html
    assert "Eurasia Foundation of Central Asia" in html
    assert "Accountability Fund" in html


def test_tajik_programme_page_is_in_tajik(client, programme):
    html = client.get("/tg/training/").content.decode()
    assert PROGRAMME_FACTS["tg"]["implementer"] in html
    assert "Accountability Fund" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_session_links_to_the_previous_and_next(client, programme, language):
    middle = client.get(f"/{language}/training/persuasion-and-communication/").content.decode()
    assert f'rel="prev" class="prev-next__prev" href="/{language}/training/power-structures/"' in middle
    assert f'rel="next" class="prev-next__next" href="/{language}/training/long-term-relationships/"' in middle
    first = client.get(f"/{language}/training/laws-and-csos/").content.decode()
    assert 'rel="prev"' not in first
    last = client.get(f"/{language}/training/project-proposals/").content.decode()
    assert 'rel="next"' not in last


def test_session_shows_topics_objectives_and_duration(client, programme, page_in):
    session = page_in("en", "/training/power-structures/")
    session.duration_days = 2
    session.save_revision().publish()
    translate(session, "tg", duration_days=2)
    html = client.get("/tg/training/power-structures/").content.decode()
    assert "Харитасозии ҷонибҳои манфиатдор" in html  # a topic
    assert "харитаи ҷонибҳои манфиатдорро кашидан" in html  # an objective
    assert "Stakeholder mapping" not in html
    assert "Duration: 2 days" in client.get("/en/training/power-structures/").content.decode()


def test_learn_more_lists_only_live_pages_in_the_readers_language(client, programme, page_in):
    about = StandardPageFactory(title="About Hamkori", slug="about")
    translate(about, "tg", title="Дар бораи Ҳамкорӣ")
    draft = StandardPageFactory(parent=about, title="Unfinished lesson", slug="unfinished-lesson", live=False)
    session = page_in("en", "/training/laws-and-csos/")
    session.learn_more = [{"type": "page", "value": about.pk}, {"type": "page", "value": draft.pk}]
    session.save_revision().publish()
    translate(session, "tg", learn_more=session.learn_more)

    english = client.get("/en/training/laws-and-csos/").content.decode()
    assert 'href="/en/about/">About Hamkori' in english
    assert "Unfinished lesson" not in english
    tajik = client.get("/tg/training/laws-and-csos/").content.decode()
    assert 'href="/tg/about/">Дар бораи Ҳамкорӣ' in tajik


def test_unpublished_and_private_sessions_are_not_listed(client, programme):
    TrainingSessionPageFactory(title="Draft session on budgets", slug="draft-budgets", number=6, live=False)
    private = TrainingSessionPageFactory(title="Private session on budgets", slug="private-budgets", number=7)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    html = client.get("/en/training/").content.decode()
    assert "Developing project proposals" in html
    assert "Draft session on budgets" not in html
    assert "Private session on budgets" not in html
    # ...nor linked as the "next session" of the last public one.
    assert "budgets" not in client.get("/en/training/project-proposals/").content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_consultation_shows_topics_responses_and_organisations(client, programme, language):
    response = client.get(f"/{language}/consultations/{CONSULTATION}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="key-topic"') == 5
    assert html.count('class="key-topic__response"') == 3
    for name, name_tg, name_ru in ORGANISATIONS:
        shown = {"en": name, "tg": name_tg, "ru": name_ru}[language] or name
        assert f"<li>{escape(shown)}</li>" in html
    assert "<dd>37</dd>" in html  # participants


def test_consultation_counts_its_attending_organisations(client, programme):
    assert (
        f"{len(ORGANISATIONS)} organisations attended"
        in client.get(f"/en/consultations/{CONSULTATION}/").content.decode()
    )


def test_consultation_in_tajik_is_in_tajik(client, programme):
    html = client.get(f"/tg/consultations/{CONSULTATION}/").content.decode()
    assert "Гурӯҳи Бонки Ҷаҳонӣ" in html
    assert "Бохтар" in html
    assert "Хариди давлатӣ" in html
    assert "procurement" not in html


def test_consultation_list_links_the_consultation(client, programme):
    html = client.get("/ru/consultations/").content.decode()
    assert f'href="/ru/consultations/{CONSULTATION}/"' in html
    assert "Консультация Группы Всемирного банка" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_forum_shows_its_sessions_with_their_recommendations(client, programme, language):
    html = client.get(f"/{language}/forums/{FORUM}/").content.decode()
    assert html.count('class="forum-session"') == len(FORUM_SESSIONS)
    # Each recommendation is linked from its session, in the reader's language.
    assert html.count(f'href="/{language}/recommendations/{FORUM}-') == len(FORUM_RECOMMENDATIONS)
    sessions = html.split('class="forum-session"')[1:]
    assert sessions[1].count(f"/recommendations/{FORUM}-") == 1  # session 2 made one recommendation
    assert f'href="/{language}/recommendations/{FORUM}-03/"' in sessions[1]
    assert sessions[3].count(f"/recommendations/{FORUM}-") == 2  # session 4 made two


def test_forum_list_and_titles_in_each_language(client, programme):
    assert FORUM_TITLES["tg"] in client.get("/tg/forums/").content.decode()
    assert FORUM_TITLES["ru"] in client.get("/ru/forums/").content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/training/",
        "/training/laws-and-csos/",
        "/consultations/",
        f"/consultations/{CONSULTATION}/",
        "/forums/",
        f"/forums/{FORUM}/",
        "/recommendations/",
        f"/recommendations/{FORUM}-01/",
    ],
)
def test_pages_stay_under_30_kb_and_load_nothing_from_elsewhere(client, programme, path):
    for language in LANGUAGES:
        response = client.get(f"/{language}{path}")
        assert response.status_code == 200
        html = response.content.decode()
        assert len(html.encode()) < 30_000
        assert 'src="http' not in html  # nothing loaded from another host


def test_sections_are_in_the_main_menu(client):
    html = client.get("/tg/").content.decode()
    menu = html.split('class="main-nav__list"')[1].split("</ul>")[0]
    for slug in ("training", "consultations", "forums", "recommendations"):
        assert f'href="/tg/{slug}/"' in menu


def test_editor_can_translate_a_session_page_in_the_admin(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    session = TrainingSessionPageFactory(
        title="Laws that govern CSOs", summary="The law on public associations.", topics=list_items(["Registration"])
    )
    session.save_revision().publish()
    words = {
        "Laws that govern CSOs": "Қонунҳое, ки фаъолияти ТҶШ-ро танзим мекунанд",
        "The law on public associations.": "Қонун дар бораи иттиҳодияҳои ҷамъиятӣ.",
        "Registration": "Бақайдгирӣ",
    }
    tajik = publish_translation(session, "tg", words.get)
    assert client.get(f"/admin/pages/{session.pk}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{tajik.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Translation of" in html  # wagtail-localize's translation editor, not a plain page form
    assert "Қонунҳое" in html


def test_editor_creates_a_russian_translation_of_a_new_session_and_publishes_it(
    client, django_capture_on_commit_callbacks
):
    editor = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(editor)
    session = TrainingSessionPageFactory(
        title="Budget advocacy", slug="budget-advocacy", number=6, summary="Read a budget.", topics=[]
    )
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


def test_a_session_is_rendered_once_for_readers_until_it_or_a_neighbour_changes(
    client, programme, page_in, uncached_pages
):
    """What a session shows every anonymous reader is rendered once (no cache call for its content on the
    next request), in each language, and a published change to the session or to a neighbour shows at once."""
    url = "/en/training/persuasion-and-communication/"
    client.get(url)
    with mock.patch.object(cache, "get", wraps=cache.get) as get:
        html = client.get(url).content.decode()
    assert not [call for call in get.call_args_list if "session-content" in str(call.args[0])]
    assert 'rel="prev" class="prev-next__prev" href="/en/training/power-structures/"' in html
    tajik = client.get("/tg/training/persuasion-and-communication/").content.decode()
    assert SESSIONS[2][2]["tg"] in tajik and SESSIONS[2][2]["en"] not in tajik

    session = page_in("en", "/training/persuasion-and-communication/")
    session.title = "Persuasion, renamed"
    session.save_revision().publish()
    assert "<h1>Persuasion, renamed</h1>" in client.get(url).content.decode()
    previous = page_in("en", "/training/power-structures/")
    previous.title = "Power structures, renamed"
    previous.save_revision().publish()
    assert "</span> Power structures, renamed</a>" in client.get(url).content.decode()
    # A signed-in reader gets the page rendered for them (a trainer may see more), with the same content.
    client.force_login(UserFactory())
    assert "<h1>Persuasion, renamed</h1>" in client.get(url).content.decode()
