"""`load_demo_content`: safe to run again, never publishes a half-translated page, no demo logins in production."""

import shutil

import polib
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.documents import get_document_model
from wagtail.models import Page, PageLogEntry, Revision, WorkflowState
from wagtail_localize.models import StringTranslation

import demo.data
from courses.models import Certificate, Enrolment, LessonCompletion, QuizAttempt
from home.models import FooterText, MemberProfile, Organisation, StandardPage, ThematicArea
from library.models import LibraryMembership, Submission

pytestmark = pytest.mark.django_db

COUNTED = {
    "pages": Page,
    "revisions": Revision,
    "page log entries": PageLogEntry,
    "string translations": StringTranslation,
    "users": get_user_model(),
    "profiles": MemberProfile,
    "documents": get_document_model(),
    "submissions": Submission,
    "library memberships": LibraryMembership,
    "workflow states": WorkflowState,
    "organisations": Organisation,
    "thematic areas": ThematicArea,
    "footers": FooterText,
    "enrolments": Enrolment,
    "lesson completions": LessonCompletion,
    "quiz attempts": QuizAttempt,
    "certificates": Certificate,
}


def snapshot():
    rows = {name: model.objects.count() for name, model in COUNTED.items()}
    rows["page tree"] = sorted(Page.objects.values_list("locale__language_code", "url_path", "live", "title"))
    rows["latest revisions"] = sorted(Page.objects.values_list("pk", "latest_revision_id"))
    return rows


def test_loading_the_demo_again_changes_nothing(django_capture_on_commit_callbacks):
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", "--with-demo-accounts", verbosity=0)
    assert snapshot() == before


# A leaf page of the demo (content/site.toml), under /partners/.
UNTRANSLATED = "carec-cso-concept"


def catalogues_without(tmp_path, language, english):
    """A copy of the demo's data directory whose `language` catalogue has lost the translation of `english`."""
    copy = tmp_path / "demo"
    shutil.copytree(demo.data.DEMO_DIR / "content", copy / "content")
    shutil.copytree(demo.data.DEMO_DIR / "translations", copy / "translations")
    catalogue = polib.pofile(str(copy / "translations" / f"{language}.po"))
    entries = [entry for entry in catalogue if entry.msgid == english and entry.msgstr]
    assert entries, f"the {language} catalogue has no translation of {english!r} to remove"
    for entry in entries:
        entry.msgstr = ""
    catalogue.save()
    return copy


def test_a_page_whose_translation_is_missing_is_refused_naming_the_string(tmp_path, monkeypatch):
    english = StandardPage.objects.get(slug=UNTRANSLATED, locale__language_code="en")
    title = english.title
    for page in english.get_translations(inclusive=True):  # as if the page were new to the demo
        page.delete()
    monkeypatch.setattr(demo.data, "DEMO_DIR", catalogues_without(tmp_path, "tg", title))

    with pytest.raises(CommandError) as refused:
        call_command("load_demo_content", verbosity=0)

    assert title in str(refused.value)
    assert "tg" in str(refused.value)
    # Nothing half-done is left: neither the Tajik page nor the English one it would have translated.
    assert not Page.objects.filter(slug=UNTRANSLATED).exists()


@pytest.fixture(params=["production", "staging", "switched off"])
def without_demo_opt_in(request, settings):
    """Settings that do not say DEMO_ACCOUNTS = True: production, any other module (a staging server), or False."""
    del settings.DEMO_ACCOUNTS
    if request.param == "production":
        settings.SETTINGS_MODULE = "cms.settings.production"
    elif request.param == "staging":
        settings.SETTINGS_MODULE = "cms.settings.staging"
    else:
        settings.DEMO_ACCOUNTS = False


def test_demo_accounts_are_created_only_where_the_settings_opt_in(without_demo_opt_in):
    User = get_user_model()
    User.objects.filter(username="learner2@hamkori.local").delete()  # a demo login the loader would make again
    users = User.objects.count()

    with pytest.raises(CommandError, match="DEMO_ACCOUNTS"):
        call_command("load_demo_content", "--with-demo-accounts", verbosity=0)

    assert User.objects.count() == users
    assert not User.objects.filter(username="learner2@hamkori.local").exists()
