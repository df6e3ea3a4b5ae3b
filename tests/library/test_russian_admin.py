"""The Russian admin: plurals, column headers, the moderator's dialog, wagtail-localize's buttons (issue 10.6)."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState
from wagtail.users.models import UserProfile

from library.models import Submission
from tests.factories import RecommendationPageFactory, UserFactory
from tests.library.conftest import pdf_upload, submission_data

pytestmark = pytest.mark.django_db

ENGLISH_PLURAL = re.compile(r"[а-яё]s\b", re.I)  # "Рекомендацияs"


def in_russian(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ru"
    profile.save()
    admin = Client()
    admin.force_login(user)
    return admin


@pytest.fixture
def pending(client, newcomer):
    client.force_login(newcomer)
    assert client.post("/en/library/submit/", submission_data(files=[pdf_upload()])).status_code == 302
    return Submission.objects.get(submitter=newcomer)


def test_the_recommendations_list_has_russian_plurals_and_a_grammatical_add_button():
    RecommendationPageFactory()
    admin = in_russian(UserFactory(is_superuser=True, is_staff=True))
    html = admin.get(reverse("recommendation_pages:index"), follow=True).content.decode()  # to the default language
    assert "Рекомендации" in html
    assert "Добавить: рекомендация" in html
    assert "Добавить рекомендация" not in html
    assert not ENGLISH_PLURAL.search(html), ENGLISH_PLURAL.search(html).group()


def test_the_submissions_list_has_russian_column_headers(pending):
    admin = in_russian(UserFactory(is_superuser=True, is_staff=True))
    html = admin.get(reverse("wagtailsnippets_library_submission:list")).content.decode()
    headers = [re.sub(r"<[^>]+>|\s+", " ", h).strip() for h in re.findall(r"<th\b[^>]*>(.*?)</th>", html, re.S)]
    assert {"Материал", "Организация", "Отправитель", "Статус", "Дата отправки"} <= set(headers), headers
    assert not [h for h in headers if re.search(r"[A-Za-z]{3,}", h)], headers


def test_the_request_changes_dialog_asks_for_a_comment_in_russian(pending, moderator):
    task_state = TaskState.objects.get(workflow_state__object_id=str(pending.page_id), status="in_progress")
    admin = in_russian(moderator)
    url = reverse("wagtailadmin_pages:workflow_action", args=[pending.page_id, "reject", task_state.pk])
    html = admin.get(url).json()["html"]
    assert "Комментарий" in html
    assert ">Comment<" not in html


def test_wagtail_localize_buttons_are_distinct_and_spaced_in_russian():
    admin = in_russian(UserFactory(is_superuser=True, is_staff=True))
    catalogue = admin.get("/admin/localize/jsi18n/").content.decode().encode().decode("unicode_escape")
    assert '"Download PO file": "Скачать PO-файл"' in catalogue
    assert '"Upload PO file": "Загрузить PO-файл"' in catalogue
    assert '"Publish in ": "Опубликовать: "' in catalogue
