"""'Translate this page' in the admin makes a draft: Tajik readers never get the English text at a Tajik address."""

import pytest
from wagtail.models import Locale, Page

from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_page_submitted_for_translation_into_tajik_stays_a_draft_until_the_translator_publishes_it(
    client, django_capture_on_commit_callbacks
):
    editor = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(editor)
    english = StandardPageFactory(title="Grant calendar", slug="grant-calendar", intro="Deadlines of open calls.")
    english.save_revision().publish()
    tajik_locale = Locale.objects.get(language_code="tg")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/localize/submit/page/{english.pk}/", {"locales": [tajik_locale.pk]})
    assert response.status_code == 302

    tajik = Page.objects.get(translation_key=english.translation_key, locale=tajik_locale)
    assert not tajik.live
    client.logout()
    assert client.get("/tg/grant-calendar/").status_code == 404
    assert "Grant calendar" not in client.get("/tg/").content.decode()

    # The translator publishes it from wagtail-localize's editor: now it is public.
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{tajik.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    tajik.refresh_from_db()
    assert tajik.live
    client.logout()
    assert client.get("/tg/grant-calendar/").status_code == 200
