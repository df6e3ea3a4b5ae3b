"""The demo programme: the five training sessions, the Bokhtar consultation, the 2021 forum, 25 recommendations."""

import re

import pytest
from django.utils.html import escape

from demo.data import SEEDS_DIR
from home.models import Organisation
from programme.models import ConsultationPage, ForumPage, RecommendationPage, TrainingProgrammePage, TrainingSessionPage

from .conftest import LANGUAGES

pytestmark = pytest.mark.django_db

FORUM = "eu-central-asia-forum-2021"
CONSULTATION = "world-bank-cpf-bokhtar-2026"
SESSION_TITLES = {
    "tg": ["Қонунҳое, ки", "Сохторҳои расмӣ", "Боварбахшӣ ва муошират", "Бунёди муносибатҳои", "Таҳияи пешниҳодҳои"],
    "ru": [
        "Законы, регулирующие",
        "Формальные и неформальные",
        "Убеждение и коммуникация",
        "Построение долгосрочных",
        "Разработка проектных",
    ],
}


def test_demo_content_has_everything_the_seeds_describe():
    assert TrainingProgrammePage.objects.filter(locale__language_code="en").count() == 1
    sessions = TrainingSessionPage.objects.filter(locale__language_code="en").order_by("number")
    assert [s.number for s in sessions] == [1, 2, 3, 4, 5]
    consultation = ConsultationPage.objects.get(locale__language_code="en")
    assert len(consultation.key_topics) == 5
    assert consultation.attending_organisations.count() == 28
    forum = ForumPage.objects.get(locale__language_code="en")
    assert len(forum.sessions) == 4
    assert RecommendationPage.objects.filter(locale__language_code="en", source=forum).count() == 23
    assert RecommendationPage.objects.filter(locale__language_code="en", source=consultation).count() == 2
    assert not RecommendationPage.objects.filter(thematic_area__isnull=True).exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_five_sessions_are_listed_in_order(client, content, language):
    sessions = content("programme")["sessions"]
    titles = SESSION_TITLES.get(language) or [session["title"] for session in sessions]
    html = client.get(f"/{language}/training/").content.decode()
    found = [html.find(title) for title in titles]
    assert -1 not in found, [title for title, index in zip(titles, found, strict=True) if index < 0]
    assert found == sorted(found)
    for session in sessions:
        assert f'href="/{language}/training/{session["slug"]}/"' in html


def test_programme_page_shows_its_facts_in_each_language(client):
    html = client.get("/en/training/").content.decode()
    for fact in ("140", "70", "35", "Eurasia Foundation of Central Asia", "Accountability Fund"):
        assert fact in html
    tajik = client.get("/tg/training/").content.decode()
    assert "Бунёди Авруосиёи Осиёи Марказӣ" in tajik
    assert "Accountability Fund" not in tajik


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_session_links_to_the_previous_and_next(client, language):
    middle = client.get(f"/{language}/training/persuasion-and-communication/").content.decode()
    assert re.search(rf'rel="prev"[^>]*href="/{language}/training/power-structures/"', middle)
    assert re.search(rf'rel="next"[^>]*href="/{language}/training/long-term-relationships/"', middle)
    assert 'rel="prev"' not in client.get(f"/{language}/training/laws-and-csos/").content.decode()
    assert 'rel="next"' not in client.get(f"/{language}/training/project-proposals/").content.decode()


def test_tajik_session_shows_topics_and_objectives_in_tajik(client):
    html = client.get("/tg/training/power-structures/").content.decode()
    assert "Харитасозии ҷонибҳои манфиатдор" in html  # a topic
    assert "харитаи ҷонибҳои манфиатдорро кашидан" in html  # an objective
    assert "Stakeholder mapping" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_consultation_shows_topics_responses_and_organisations(client, language):
    response = client.get(f"/{language}/consultations/{CONSULTATION}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="key-topic"') == 5
    assert html.count('class="key-topic__response"') == 3
    attendees = Organisation.objects.filter(consultations__page__locale__language_code="en").distinct()
    assert attendees.count() == 28
    for organisation in attendees:
        shown = {"en": organisation.name, "tg": organisation.name_tg, "ru": organisation.name_ru}[language]
        assert escape(shown or organisation.name) in html
    assert "37" in html


def test_consultation_in_tajik_and_russian(client):
    tajik = client.get(f"/tg/consultations/{CONSULTATION}/").content.decode()
    assert "Гурӯҳи Бонки Ҷаҳонӣ" in tajik
    assert "Бохтар" in tajik
    assert "procurement" not in re.sub(r"<[^>]*>", " ", tajik)  # the text; filter links keep their codes
    russian = client.get("/ru/consultations/").content.decode()
    assert f'href="/ru/consultations/{CONSULTATION}/"' in russian
    assert "Консультация Группы Всемирного банка" in russian


@pytest.mark.parametrize("language", LANGUAGES)
def test_forum_shows_its_sessions_with_their_recommendations(client, language):
    html = client.get(f"/{language}/forums/{FORUM}/").content.decode()
    assert html.count('class="forum-session"') == 4
    # 23 recommendations, each linked from its session
    assert html.count(f'href="/{language}/recommendations/{FORUM}-') == 23


def test_forum_titles_in_each_language(client):
    assert "Форуми ҷомеаи шаҳрвандии ИА" in client.get("/tg/forums/").content.decode()
    assert "Форум гражданского общества ЕС" in client.get("/ru/forums/").content.decode()


def listed(client, language, **params):
    response = client.get(f"/{language}/recommendations/", params)
    assert response.status_code == 200
    html = response.content.decode()
    return set(re.findall(rf'class="entry__title"><a href="/{language}/recommendations/([a-z0-9-]+)/"', html)), html


@pytest.fixture
def recommendations(content):
    """Each demo recommendation's facets, by slug, from the data file."""
    return {
        spec["slug"]: {"area": spec["thematic_area"], "addressee": spec["addressee"], "source": spec["source"]}
        for spec in content("programme")["recommendations"]
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_recommendation_is_listed_in_every_language(client, recommendations, language):
    shown, html = listed(client, language)
    assert "25" in html
    assert len(shown) == 20  # first page
    page_two, _html = listed(client, language, page=2)
    assert shown | page_two == set(recommendations)
    assert len(recommendations) == 25


FACETS = [
    ("area", "digitalisation"),
    ("area", "gender-equality"),
    ("addressee", "eu"),
    ("addressee", "business"),
    ("source", CONSULTATION),
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_filter_by_each_facet_in_every_language(client, recommendations, language):
    for facet, value in FACETS:
        shown, html = listed(client, language, **{facet: value})
        assert shown == {slug for slug, facets in recommendations.items() if facets[facet] == value}, (facet, value)
        assert f'value="{value}" selected' in html  # the form keeps the choice
    combined, _html = listed(client, language, source=FORUM, addressee="governments", area="rule-of-law")
    assert combined == {f"{FORUM}-10", f"{FORUM}-16"}


def test_only_the_consultation_recommendations_have_follow_up(client):
    assert listed(client, "en", response="noted")[0] == {f"{CONSULTATION}-01", f"{CONSULTATION}-02"}
    assert listed(client, "en", assessed="partly")[0] == {f"{CONSULTATION}-02"}
    assert listed(client, "en", reported="in_progress")[0] == {f"{CONSULTATION}-02"}
    assert len(listed(client, "en", response="none")[0]) == 20  # the first page of the 23 forum ones


def test_recommendation_page_names_its_source_in_the_readers_language(client):
    html = client.get(f"/tg/recommendations/{CONSULTATION}-01/").content.decode()
    assert f'href="/tg/consultations/{CONSULTATION}/"' in html
    assert "Машварати Гурӯҳи Бонки Ҷаҳонӣ" in html


def test_search_finds_programme_pages_in_the_readers_language(client):
    tajik = client.get("/tg/search/", {"q": "харитасозии"}).content.decode()
    assert 'href="/tg/training/power-structures/"' in tajik
    for language in ("en", "ru"):
        other = client.get(f"/{language}/search/", {"q": "харитасозии"}).content.decode()
        assert "/training/power-structures/" not in other
    assert f"/en/recommendations/{FORUM}-21/" in client.get("/en/search/", {"q": "biodiversity"}).content.decode()
    assert f"/ru/consultations/{CONSULTATION}/" in client.get("/ru/search/", {"q": "Бохтар"}).content.decode()
    html = client.get("/en/search/", {"q": "stakeholder mapping"}).content.decode()
    assert 'class="badge">Training session' in html
    assert "township, district, provincial" in html


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
def test_programme_pages_stay_under_30_kb_and_load_nothing_from_elsewhere(client, path):
    for language in LANGUAGES:
        html = client.get(f"/{language}{path}").content.decode()
        assert len(html.encode()) < 30_000
        assert 'src="http' not in html  # nothing loaded from another host


def forum_recommendations_in_the_seed():
    """Every bullet under "Main recommendations" in the forum's seed document, whitespace folded."""
    text = (SEEDS_DIR / "002_cd78ac17fe64abf2.txt").read_text(encoding="utf-8")
    bullets = []
    for part in text.split("## Main recommendations:")[1:]:
        part = part.split("## **Session")[0].split("## Conclusions")[0]
        bullets += [" ".join(line.strip()[2:].split()) for line in part.splitlines() if line.strip().startswith("- ")]
    return bullets


def test_the_verbatim_text_of_every_forum_recommendation_in_the_seed_is_on_the_site(client):
    bullets = forum_recommendations_in_the_seed()
    assert len(bullets) == 23
    shown = ""
    for page in RecommendationPage.objects.live().filter(locale__language_code="en", source_slug=FORUM):
        shown += client.get(page.url).content.decode()
    missing = [bullet for bullet in bullets if escape(bullet) not in shown]
    assert not missing


@pytest.mark.parametrize("language", ["tg", "ru"])
def test_a_recommendation_with_a_timeline_in_tajik_and_russian(client, language):
    html = client.get(f"/{language}/recommendations/{CONSULTATION}-02/").content.decode()
    assert html.count('class="timeline__entry') == 4
    assert html.count('class="timeline__note" lang="en"') == 1  # added after the translation, so marked
    assert "The project supports unemployed returning migrants" not in html  # translated
