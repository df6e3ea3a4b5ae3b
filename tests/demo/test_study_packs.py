"""The demo's study packs: every session in every language has one, built while the demo loaded, light and local."""

import re

import pytest

from programme.models import StudyPack, TrainingSessionPage

from .conftest import LANGUAGES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_demo_session_has_a_light_pack_with_its_lessons_quiz_and_library_resource(client, language):
    sessions = TrainingSessionPage.objects.live().filter(locale__language_code=language)
    assert sessions.count() == 5
    for session in sessions:
        pack = StudyPack.objects.get(session=session)
        response = client.get(f"/{language}/study-packs/{session.pk}.html")
        html = b"".join(response.streaming_content).decode()
        assert len(html.encode()) == pack.html_size < 150 * 1024
        assert f'<html lang="{language}">' in html and "<script" not in html and "<img" not in html
        assert not re.search(r"""(src|href)="(?!#)""", html)
        assert html.count('<article class="lesson"') == 2  # the demo course teaches each session in two lessons
        assert html.count('class="question"') >= 3 and 'class="resources"' in html
        pdf = client.get(f"/{language}/study-packs/{session.pk}.pdf")
        assert pdf.status_code == 200 and int(pdf["Content-Length"]) == pack.pdf_size
