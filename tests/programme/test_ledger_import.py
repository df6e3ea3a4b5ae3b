"""Bulk updates in the admin: the CSV export and the import take the same columns; an import is all or nothing."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.users.models import UserProfile

from programme.models import ConsultationPromise, RecommendationPage, TimelineEntry
from tests.factories import ConsultationPageFactory, ForumPageFactory, RecommendationPageFactory, UserFactory, translate

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 5, 10)


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    monkeypatch.setattr("programme.models.today", lambda: TODAY)
    monkeypatch.setattr("programme.ledger_import.today", lambda: TODAY)


@pytest.fixture
def ledger():
    forum = ForumPageFactory(slug="forum-2021")
    forum.save_revision().publish()
    pages = []
    for number in (1, 2, 3):
        page = RecommendationPageFactory(slug=f"rec-{number}", title=f"Recommendation {number}", source=forum)
        page.save_revision().publish()
        pages.append(page)
    translate(pages[0], "tg", title="Тавсияи 1")
    return pages


@pytest.fixture
def editor(client):
    user = UserFactory(is_superuser=True, is_staff=True, username="importer")
    client.force_login(user)
    return user


def exported(client):
    response = client.get("/admin/recommendations/export/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel keeps Cyrillic only with it
    reader = csv.DictReader(io.StringIO(text[1:]))
    return reader.fieldnames, list(reader)


def upload(client, fieldnames, rows, bom=True):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fieldnames)
    writer.writeheader()
    writer.writerows(rows)
    data = out.getvalue().encode("utf-8-sig" if bom else "utf-8")
    return client.post(
        "/admin/recommendations/import/", {"file": SimpleUploadedFile("ledger.csv", data, content_type="text/csv")}
    )


def entries():
    return list(TimelineEntry.objects.filter(page__locale__language_code="en").order_by("pk"))


def test_an_import_of_three_changes_makes_three_timeline_entries_by_the_importing_user(client, ledger, editor):
    fieldnames, rows = exported(client)
    assert len(rows) == 3  # one row per recommendation, not one per language
    by_slug = {row["slug"]: row for row in rows}
    by_slug["rec-1"] |= {"response": "accepted", "response_date": "2026-05-01", "author_role": "addressee"}
    by_slug["rec-2"] |= {
        "implementation_assessed": "in_progress",
        "assessed_date": "2026-04-20",
        "author_role": "cso",
        "note": "Work has started in two districts.",
    }
    by_slug["rec-3"] |= {"implementation_reported": "implemented", "reported_date": TODAY.isoformat()}
    by_slug["rec-3"]["author_role"] = "addressee"
    response = upload(client, fieldnames, rows, bom=False)
    assert response.status_code == 302, response.content.decode()[-3000:]
    made = entries()
    assert len(made) == 3
    assert {entry.imported_by for entry in made} == {"importer"}
    assert {(entry.page.slug, entry.track, entry.status, entry.author_role) for entry in made} == {
        ("rec-1", "response", "accepted", "addressee"),
        ("rec-2", "assessed", "in_progress", "cso"),
        ("rec-3", "reported", "implemented", "addressee"),
    }
    # Published, as an editor's change: public in every language, and nothing changes a second time.
    assert 'status--accepted">Accepted' in client.get("/en/recommendations/rec-1/").content.decode()
    assert "status--accepted" in client.get("/tg/recommendations/rec-1/").content.decode()
    assert "Work has started in two districts." in client.get("/en/recommendations/rec-2/").content.decode()
    assert RecommendationPage.objects.get(slug="rec-1", locale__language_code="tg").response_status == "accepted"
    fieldnames, rows = exported(client)
    assert upload(client, fieldnames, rows).status_code == 302
    assert len(entries()) == 3


def test_an_import_with_one_bad_row_writes_nothing_and_names_the_line(client, ledger, editor):
    fieldnames, rows = exported(client)
    rows[0] |= {"response": "accepted", "response_date": "2026-05-01", "author_role": "addressee"}
    rows[1] |= {"implementation_assessed": "accepted", "assessed_date": "2026-05-01", "author_role": "cso"}
    rows[2] |= {"response": "noted", "response_date": "2026-06-01", "author_role": "cso"}
    response = upload(client, fieldnames, rows)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing was saved" in html
    assert "Line 3: “accepted” is not a status of the column implementation_assessed" in html
    assert "Line 4: response_date is in the future" in html
    assert "Line 2" not in html
    assert entries() == []
    assert not RecommendationPage.objects.filter(response_status="accepted").exists()


def test_an_unknown_key_is_reported_in_the_editors_language(client, ledger, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "ru"
    profile.save()
    fieldnames, rows = exported(client)
    rows[1]["key"] = "no-such-key"
    response = upload(client, fieldnames, rows)
    html = response.content.decode()
    assert "Ничего не сохранено" in html
    assert "Строка 3: нет рекомендации с ключом «no-such-key»" in html
    assert entries() == []


def test_the_listing_links_to_the_import(client, ledger, editor):
    html = client.get("/admin/recommendation_pages/", follow=True).content.decode()
    assert 'href="/admin/recommendations/import/"' in html


@pytest.mark.parametrize("admin_access", [False, True])
def test_a_learner_may_neither_export_nor_import(client, ledger, admin_access):
    learner = UserFactory()
    if admin_access:  # even one let into the admin (e.g. a library moderator) but who may not change recommendations
        learner.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(learner)
    assert client.get("/admin/recommendations/export/").status_code in (302, 403)
    assert client.get("/admin/recommendations/import/").status_code in (302, 403)
    response = client.post(
        "/admin/recommendations/import/",
        {"file": SimpleUploadedFile("l.csv", b"key,response,response_date,author_role\n", content_type="text/csv")},
    )
    assert response.status_code in (302, 403)
    assert entries() == []


def test_the_admin_listing_shows_one_language_copy_per_row_with_links_to_the_others(client, ledger, editor):
    response = client.get("/admin/recommendation_pages/")
    assert response.status_code == 302
    assert "locale=en" in response["Location"]
    html = client.get(response["Location"]).content.decode()
    assert "Recommendation 1" in html
    assert "Тавсияи 1" not in html
    tajik = RecommendationPage.objects.get(slug="rec-1", locale__language_code="tg")
    assert f'href="/admin/pages/{tajik.pk}/edit/" lang="tg"' in html
    assert "Тавсияи 1" in client.get("/admin/recommendation_pages/", {"locale": "tg"}).content.decode()


def test_the_admin_listing_marks_recommendations_whose_consultation_has_overdue_promises(client, editor):
    consultation = ConsultationPageFactory(slug="bokhtar")
    consultation.promises.add(ConsultationPromise(text="Follow-up meetings.", owner="Team", due_date=TODAY))
    consultation.save_revision().publish()
    RecommendationPageFactory(slug="from-bokhtar", title="From Bokhtar", source=consultation).save_revision().publish()
    url = "/admin/recommendation_pages/?locale=en"
    assert not re.search(r"<td[^>]*>\s*1\s*</td>", client.get(url).content.decode())  # due today: not yet overdue
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("programme.models.today", lambda: TODAY + datetime.timedelta(days=1))
        html = client.get(url).content.decode()
    assert "Overdue promises of the source" in html
    assert re.search(r"<td[^>]*>\s*1\s*</td>", html)
