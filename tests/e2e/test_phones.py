"""Phones (issue 10, point 10), in Tajik and Russian.

On main the navigation was a 1,276 px strip in a 328 px viewport with Search as its last item; a quiz
question that wrapped onto two lines was crossed by its card's top border; at 200 % text on a 320 px
screen the header ran off-screen (WCAG 1.4.10); after enrolling the lesson title started about 500 px
down the screen.
"""

import pytest
from wagtail.models import Page

from tests import factories
from tests.e2e.conftest import DESKTOP, PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.e2e

LANGUAGES = ["tg", "ru"]
BROWSER_LOCALE = {"tg": "tg-TJ", "ru": "ru-RU"}
WORDS = {
    "tg": {"main": "Асосӣ", "menu": "Меню", "search": "Ҷустуҷӯ", "log_in": "Ворид шудан",
           "enrol": "Ба ин курс сабти ном кунед"},
    "ru": {"main": "Главное", "menu": "Меню", "search": "Поиск", "log_in": "Войти", "enrol": "Записаться на курс"},
}  # fmt: skip
# A 360 x 640 screen, less the phone's status bar and the browser's address bar.
SMALL_PHONE = {"width": 360, "height": 560}
NARROW = {"width": 320, "height": 640}
# One page of each kind a reader meets, and the lesson with a quiz.
PAGES = [
    "/",
    "/training/laws-and-csos/",
    "/consultations/world-bank-cpf-bokhtar-2026/",
    "/forums/eu-central-asia-forum-2021/",
    "/recommendations/",
    "/courses/",
    "/courses/engaging-government/",
    "/courses/engaging-government/role-and-constraints/",
    "/library/",
    "/library/stronger-civil-society-tajikistan/",
    "/search/?q=ҳамкорӣ",
    "/accounts/signup/",
]
QUIZ_LESSON = "/courses/engaging-government/role-and-constraints/"

OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
# Every element of the header that sticks out of the window on either side.
HEADER_OFF_SCREEN = """() => [...document.querySelectorAll('.site-header a, .site-header summary, .site-header button')]
    .filter((el) => el.getClientRects().length)
    .filter((el) => { const r = el.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth + 0.5; })
    .map((el) => el.textContent.trim())"""


def sections(language):
    """The main menu's sections in that language, as the site's home page lists them."""
    home = Page.objects.get(depth=2, locale__language_code=language)
    return [(p.title, p.url) for p in home.get_children().live().public().in_menu()]


def large_text(page):
    """The browser's text size at 200 % (Chrome's "Font size" setting), as a reader with low vision sets it."""
    session = page.context.new_cdp_session(page)
    session.send("Page.enable")
    session.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})


def sign_in(page, site, language, unique):
    learner = factories.UserFactory(email=f"phone.{language}.{unique}@example.org")
    page.goto(f"{site.url}/{language}/accounts/login/")
    page.fill("#id_username", learner.username)
    page.fill("#id_password", factories.PASSWORD)
    page.get_by_role("main").get_by_role("button", name=WORDS[language]["log_in"]).click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_phone_menu_shows_every_section_and_search_without_javascript(site, new_page, language):
    words = WORDS[language]
    page = new_page(PHONE, locale=BROWSER_LOCALE[language], java_script_enabled=False)
    page.goto(f"{site.url}/{language}/")
    nav = page.get_by_role("navigation", name=words["main"])
    assert page.evaluate(OVERFLOW) <= 0
    assert page.evaluate("document.querySelector('.main-nav').scrollWidth") <= PHONE["width"]  # no hidden strip

    # Search is in view at once, beside the menu; the sections are folded into the menu.
    search = nav.get_by_role("link", name=words["search"])
    assert search.is_visible()
    box = search.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    menu = sections(language)
    assert len(menu) >= 7
    assert not nav.get_by_role("link", name=menu[0][0], exact=True).is_visible()

    nav.get_by_text(words["menu"], exact=True).click()  # <details>: opens without JavaScript
    for title, url in menu:
        link = nav.get_by_role("link", name=title, exact=True)
        assert link.is_visible(), title
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], title
        assert link.get_attribute("href") == url
    assert page.evaluate(OVERFLOW) <= 0
    screenshot(page, f"phone-menu-open-{language}")

    courses = next(title for title, url in menu if url.endswith("/courses/"))
    nav.get_by_role("link", name=courses, exact=True).click()
    assert page.url == f"{site.url}/{language}/courses/"
    search = page.get_by_role("navigation", name=words["main"]).get_by_role("link", name=words["search"])
    search.click()
    assert page.url == f"{site.url}/{language}/search/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_wide_screen_every_section_and_the_search_form_are_in_view(site, new_page, language):
    words = WORDS[language]
    page = new_page(DESKTOP, locale=BROWSER_LOCALE[language])
    page.goto(f"{site.url}/{language}/courses/")
    nav = page.get_by_role("navigation", name=words["main"])
    assert not nav.get_by_text(words["menu"], exact=True).is_visible()
    for title, _url in sections(language):
        assert nav.get_by_role("link", name=title, exact=True).is_visible(), title
    assert nav.get_by_role("searchbox").is_visible()
    assert not nav.get_by_role("link", name=words["search"]).is_visible()
    screenshot(page, f"wide-courses-{language}")
    assert_accessible(page)
    for name, path in (("home", "/"), ("lesson", QUIZ_LESSON)):
        page.goto(f"{site.url}/{language}{path}")
        screenshot(page, f"wide-{name}-{language}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_reflow_at_320_px_with_200_percent_text(site, new_page, language, unique):
    """WCAG 1.4.10: nothing scrolls sideways, and the whole header stays on the screen."""
    page = new_page(NARROW, locale=BROWSER_LOCALE[language])
    sign_in(page, site, language, unique)  # the header of a signed-in learner, and the quiz
    page.goto(f"{site.url}/{language}/courses/engaging-government/")
    page.get_by_role("button", name=WORDS[language]["enrol"]).click()
    large_text(page)
    problems = []
    for path in [*PAGES, "/my-learning/"]:
        page.goto(f"{site.url}/{language}{path}")
        assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"
        if (overflow := page.evaluate(OVERFLOW)) > 0:
            problems.append(f"{path}: {overflow} px too wide")
        if off_screen := page.evaluate(HEADER_OFF_SCREEN):
            problems.append(f"{path}: header off-screen: {off_screen}")
    page.goto(f"{site.url}/{language}/")
    page.get_by_text(WORDS[language]["menu"], exact=True).click()
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"
    assert page.evaluate(OVERFLOW) <= 0
    assert not page.evaluate(HEADER_OFF_SCREEN)
    # The first screen only: a full-page screenshot resets the browser's text size.
    page.screenshot(path=_shot(f"phone-large-text-menu-{language}-320"))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_scrolls_sideways_on_a_360_px_phone(site, new_page, language):
    page = new_page(PHONE, locale=BROWSER_LOCALE[language])
    too_wide = []
    for path in PAGES:
        page.goto(f"{site.url}/{language}{path}")
        if page.evaluate(OVERFLOW) > 0 or page.evaluate(HEADER_OFF_SCREEN):
            too_wide.append(path)
    assert not too_wide


@pytest.mark.parametrize("language", LANGUAGES)
def test_after_enrolling_the_lesson_title_is_in_the_first_screen(site, new_page, language, unique):
    page = new_page(SMALL_PHONE, locale=BROWSER_LOCALE[language])
    sign_in(page, site, language, unique)
    page.goto(f"{site.url}/{language}/courses/engaging-government/")
    page.get_by_role("button", name=WORDS[language]["enrol"]).click()
    assert "/courses/engaging-government/laws-and-registration/" in page.url
    assert page.locator(".message").is_visible()  # the welcome stays
    title = page.get_by_role("heading", level=1).bounding_box()
    # The whole title, with room below it for the first line of the lesson, without scrolling.
    assert title["y"] + title["height"] <= SMALL_PHONE["height"] - 80, title
    screenshot(page, f"phone-enrolled-{language}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_quiz_question_on_two_lines_is_never_crossed_by_its_cards_border(site, new_page, language, unique):
    page = new_page(PHONE, locale=BROWSER_LOCALE[language])
    sign_in(page, site, language, unique)
    page.goto(f"{site.url}/{language}/courses/engaging-government/")
    page.get_by_role("button", name=WORDS[language]["enrol"]).click()
    page.goto(f"{site.url}/{language}{QUIZ_LESSON}")
    questions = page.evaluate("""() => [...document.querySelectorAll('fieldset.question')].map((box) => {
        const legend = box.querySelector('legend');
        const border = parseFloat(getComputedStyle(box).borderTopWidth);
        const text = legend.getBoundingClientRect();
        const lineHeight = parseFloat(getComputedStyle(legend).lineHeight);
        const top = box.getBoundingClientRect().top + border;
        return {top: top, text: text.top, lines: Math.round(text.height / lineHeight)};
    })""")
    assert len(questions) == 4
    assert any(question["lines"] >= 2 for question in questions)  # the case that was crossed
    for question in questions:
        assert question["text"] >= question["top"], question  # the legend starts below the top border
    page.locator("#quiz").screenshot(path=_shot(f"phone-quiz-{language}-360"))
    assert_accessible(page)


def _shot(name):
    from tests.e2e.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS / f"{name}.png"
