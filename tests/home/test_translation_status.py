"""Reports → Translations: what Tajik and Russian readers do not see, or see out of date."""

import csv
import io
import uuid

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from home.translation import publish_translation
from tests.factories import (
    StandardPageFactory,
    ThematicAreaFactory,
    TrainingSessionPageFactory,
    UserFactory,
    locale,
    translate,
)

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/translations/"
TAJIK = {
    "Water for every village": "Об барои ҳар деҳа",
    "How water committees work.": "Кумитаҳои об чӣ тавр кор мекунанд.",
}
RUSSIAN = {
    "Water for every village": "Вода для каждого села",
    "How water committees work.": "Как работают комитеты по воде.",
}


@pytest.fixture
def editor(client):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


def published_page(factory=StandardPageFactory, **fields):
    fields.setdefault("title", "Water for every village")
    if factory is StandardPageFactory:
        fields.setdefault("intro", "How water committees work.")
    page = factory(**fields)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def lookup(catalogue):
    return lambda english: catalogue.get(english, f"[{catalogue['Water for every village'][:3]}] {english}")


def sync_and_translate(page, language_code):
    """What a translator does in wagtail-localize: sync from the source, translate every segment, publish."""
    return publish_translation(page, language_code, lookup(TAJIK if language_code == "tg" else RUSSIAN))


def report(client, **params):
    """The report's table as {title: {language: (state, text)}}, plus the rollups and the raw soup."""
    response = client.get(REPORT, params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    rows = {}
    table = soup.find(id="translation-report-table")
    for tr in table.tbody.find_all("tr") if table else []:
        title = tr.th.a.get_text(strip=True)
        rows[title] = {
            td["data-language"]: (td["data-state"], td.find(class_="translation-state").get_text(strip=True))
            for td in tr.find_all("td", class_="translation-cell")
        }
    return rows, soup


def test_each_state_appears_for_a_page_built_to_be_in_it(client, editor):
    missing = published_page(title="Missing everywhere")
    draft = published_page(title="Draft in Tajik")
    translate(draft, "tg", title="Лоиҳа").unpublish()
    complete = published_page(title="Water for every village")
    sync_and_translate(complete, "tg")
    outdated = published_page(title="Changed in English", intro="How water committees work.")
    sync_and_translate(outdated, "tg")
    outdated.intro = "A new paragraph in English."
    outdated.save_revision().publish()
    unfinished = published_page(title="New sentence to translate")
    sync_and_translate(unfinished, "tg")
    unfinished.intro = "One more sentence to translate."
    unfinished.save_revision().publish()
    TranslationSource.objects.get(object_id=unfinished.translation_key).update_from_db()  # synced, not translated

    not_yet_published = StandardPageFactory(title="Still a draft in English", live=False)

    rows, _soup = report(client)

    assert not_yet_published.title not in rows  # nobody reads it yet, in any language
    assert rows[missing.title]["tg"][0] == "missing"
    assert rows[draft.title]["tg"][0] == "draft"
    assert rows[complete.title]["tg"] == ("complete", "Complete")
    assert rows[outdated.title]["tg"][0] == "outdated"
    assert "source published" in rows[outdated.title]["tg"][1]
    assert "last synced" in rows[outdated.title]["tg"][1]
    assert rows[unfinished.title]["tg"] == ("untranslated", "1 segment untranslated")
    assert rows[complete.title]["ru"][0] == "missing"


def test_publishing_english_turns_translations_out_of_date_and_translating_them_turns_them_back(client, editor):
    page = published_page()
    sync_and_translate(page, "tg")
    sync_and_translate(page, "ru")
    assert report(client)[0][page.title] == {"tg": ("complete", "Complete"), "ru": ("complete", "Complete")}

    page.intro = "Village water committees, explained again."
    page.save_revision().publish()
    after_publish = report(client)[0][page.title]
    assert after_publish["tg"][0] == after_publish["ru"][0] == "outdated"

    sync_and_translate(page, "tg")
    after_sync = report(client)[0][page.title]
    assert after_sync["tg"] == ("complete", "Complete")
    assert after_sync["ru"] == ("untranslated", "1 segment untranslated")  # the sync brought the new sentence

    sync_and_translate(page, "ru")
    assert report(client)[0][page.title]["ru"] == ("complete", "Complete")


def test_a_translation_made_by_copying_turns_out_of_date_and_back(client, editor):
    page = published_page()
    translate(page, "ru", title="Вода для каждого села")
    assert report(client)[0][page.title]["ru"][0] == "complete"
    page.save_revision().publish()
    assert report(client)[0][page.title]["ru"][0] == "outdated"
    translate(page, "ru", title="Вода для каждого села")
    assert report(client)[0][page.title]["ru"][0] == "complete"


def test_a_page_without_a_russian_version_counts_as_missing_in_its_sections_rollup(client, editor):
    session = published_page(TrainingSessionPageFactory, title="Session 3: budgets")
    translate(session, "tg", title="Ҷаласаи 3: буҷетҳо")

    _rows, soup = report(client)

    rollup = soup.find(id="translation-rollups").find("tr", attrs={"data-section": session.path})
    assert rollup.th.get_text(strip=True) == "Session 3: budgets"
    tajik = rollup.find("td", attrs={"data-language": "tg"})
    russian = rollup.find("td", attrs={"data-language": "ru"})
    assert tajik["data-missing"] == "0" and "100 %" in tajik.get_text()
    assert russian["data-missing"] == "1" and "0 %" in russian.get_text()


def test_filters_by_language_and_state(client, editor):
    both = published_page(title="Translated into both")
    sync_and_translate(both, "tg")
    sync_and_translate(both, "ru")
    only_tajik = published_page(title="Only in Tajik")
    sync_and_translate(only_tajik, "tg")

    rows, _soup = report(client, language="ru", state="missing")

    assert only_tajik.title in rows
    assert both.title not in rows
    assert set(rows[only_tajik.title]) == {"ru"}


def test_the_csv_export_equals_the_screen(client, editor):
    published_page(title="Missing everywhere")
    page = published_page()
    sync_and_translate(page, "tg")
    page.save_revision().publish()

    response = client.get(REPORT)
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.find(id="translation-report-table")
    screen = [[th.get_text(strip=True) for th in table.thead.find_all("th")]]
    for tr in table.tbody.find_all("tr"):
        section, kind = (td.get_text(strip=True) for td in tr.find_all("td", class_=False)[:2])
        cells = [
            td.find(class_="translation-state").get_text(strip=True) for td in tr.find_all(class_="translation-cell")
        ]
        screen.append([section, kind, tr.th.a.get_text(strip=True), *cells])

    export = client.get(REPORT, {"export": "csv"})
    assert export["Content-Type"] == "text/csv"
    exported = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))

    assert exported == screen
    assert any("Out of date" in cell for row in exported for cell in row)

    xlsx = client.get(REPORT, {"export": "xlsx"})
    assert xlsx["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def bulk_pages(parent, count):
    """`count` light English pages under `parent`, with a Tajik copy of every other one: rows, not page saves."""
    english, tajik = locale("en"), locale("tg")
    tajik_parent = parent.get_translation(tajik)
    pages, copies = [], []
    for number in range(parent.numchild + 1, parent.numchild + count + 1):
        key = uuid.uuid4()
        title = f"Bulk page {number}"
        pages.append(_row(parent, number, title, english, key))
        if number % 2:
            copies.append(_row(tajik_parent, tajik_parent.numchild + len(copies) + 1, title, tajik, key))
    Page.objects.bulk_create(pages + copies)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    Page.objects.filter(pk=tajik_parent.pk).update(numchild=tajik_parent.numchild + len(copies))
    parent.refresh_from_db()


def _row(parent, number, title, page_locale, key):
    return Page(
        title=title,
        slug=f"bulk-{number}",
        path=Page._get_path(parent.path, parent.depth + 1, number),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}bulk-{number}/",
        locale=page_locale,
        translation_key=key,
        live=True,
        content_type_id=parent.content_type_id,
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_report_costs_the_same_number_of_queries_for_50_and_2000_pages(client, editor):
    parent = published_page(title="Bulk parent")
    translate(parent, "tg", title="Саҳифаи асосӣ")
    client.get(REPORT)  # warm the content type cache
    bulk_pages(parent, 50)
    with_50 = count_queries(client, REPORT)
    assert "Bulk page 50" in client.get(REPORT, {"section": "standard"}).content.decode()
    bulk_pages(parent, 1950)
    with_2000 = count_queries(client, REPORT)
    assert Page.objects.filter(title__startswith="Bulk page", locale__language_code="en").count() == 2000
    assert with_50 == with_2000
    assert count_queries(client, REPORT + "?export=csv") <= with_2000


def test_the_interface_catalogue_coverage_lists_the_untranslated_messages(client, editor, settings, tmp_path):
    for code, translation in (("tg", "Ҳамкорӣ"), ("ru", "")):
        folder = tmp_path / "locale" / code / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "django.po").write_text(
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            f'msgid "Partnership"\nmsgstr "{translation}"\n\n'
            'msgid "Join the library"\nmsgstr ""\n',
            encoding="utf-8",
        )
    settings.BASE_DIR = tmp_path

    html = client.get("/admin/reports/translations/interface/").content.decode()

    soup = BeautifulSoup(html, "html.parser")
    tajik = soup.find(id="catalogue-tg").get_text(" ", strip=True)
    russian = soup.find(id="catalogue-ru").get_text(" ", strip=True)
    assert "50 %" in tajik and "Join the library" in tajik and "Partnership" not in tajik
    assert "0 %" in russian and "Partnership" in russian


def test_the_explorer_and_the_editor_flag_missing_and_out_of_date_translations(client, editor):
    page = published_page(title="Flagged page")
    sync_and_translate(page, "tg")
    page.save_revision().publish()  # tg out of date, ru missing
    quiet = published_page(title="Quiet page")
    sync_and_translate(quiet, "tg")
    sync_and_translate(quiet, "ru")

    explorer = BeautifulSoup(client.get(f"/admin/pages/{page.get_parent().pk}/").content, "html.parser")
    flagged = [b.get_text(strip=True) for b in explorer.select(".translation-badge") if _row_of(b, page.pk)]
    assert sorted(flagged) == ["Russian: Missing", "Tajik: Out of date"]
    assert not [b for b in explorer.select(".translation-badge") if _row_of(b, quiet.pk)]

    editor_html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Tajik: Out of date" in editor_html and "Russian: Missing" in editor_html


def _row_of(badge, page_id):
    row = badge.find_parent("tr")
    return row is not None and row.find(id=f"page_{page_id}_title") is not None


def test_the_dashboard_panel_counts_the_editors_own_languages(client, editor):
    published_page(title="Only in English")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "ru"
    profile.save()

    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")

    panel = soup.find(id="translation-status-section")
    assert panel is not None
    assert [row["data-language"] for row in panel.find_all("tr", attrs={"data-language": True})] == ["ru"]
    missing = int(panel.find("tr", attrs={"data-language": "ru"}).find_all("td")[0].get_text(strip=True))
    assert missing >= 1


def test_translatable_snippets_have_rows_too(client, editor):
    ThematicAreaFactory(name="Water resources", slug="water-resources", translations={"tg": "Захираҳои об"})

    rows, soup = report(client, type="Thematic area")

    assert rows["Water resources"]["tg"][0] == "complete"
    assert rows["Water resources"]["ru"][0] == "missing"
    assert (
        soup.find(id="translation-report-table")
        .find("a", string="Translate")["href"]
        .startswith("/admin/localize/submit/snippet/home/thematicarea/")
    )


def test_an_out_of_date_translation_is_flagged_in_its_own_language_tree(client, editor):
    page = published_page(title="Flagged in Tajik")
    tajik = sync_and_translate(page, "tg")
    page.save_revision().publish()

    explorer = BeautifulSoup(client.get(f"/admin/pages/{tajik.get_parent().pk}/").content, "html.parser")

    flagged = [b.get_text(strip=True) for b in explorer.select(".translation-badge") if _row_of(b, tajik.pk)]
    assert flagged == ["Tajik: Out of date"]
