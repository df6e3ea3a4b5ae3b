"""`setup_site` makes a working trilingual site on its own, twice changes nothing, and leaves editors' work alone.

The database these tests start from was made by `migrate` and `setup_site` only, as in production.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Revision,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowState,
)
from wagtail_localize.models import StringTranslation, Translation

from home.models import FooterText
from library.access import MEMBERS_COLLECTION, MODERATORS_GROUP, SUBMISSIONS_COLLECTION
from library.models import Submission
from library.pdf import text_to_pdf
from tests.factories import OrganisationFactory, UserFactory, section

pytestmark = pytest.mark.django_db

SECTIONS = {
    "training": {"en": "Training programme", "tg": "Барномаи омӯзишӣ", "ru": "Учебная программа"},
    "consultations": {"en": "Consultations", "tg": "Машваратҳо", "ru": "Консультации"},
    "forums": {"en": "Forums", "tg": "Форумҳо", "ru": "Форумы"},
    "recommendations": {"en": "Recommendations", "tg": "Тавсияҳо", "ru": "Рекомендации"},
    "courses": {"en": "Courses", "tg": "Курсҳо", "ru": "Курсы"},
    "library": {"en": "Library", "tg": "Китобхона", "ru": "Библиотека"},
}


def structure_counts():
    """Everything setup_site makes, counted."""
    models = [
        Locale,
        Page,
        Revision,
        Site,
        FooterText,
        Collection,
        CollectionViewRestriction,
        Group,
        GroupPagePermission,
        GroupCollectionPermission,
        Workflow,
        WorkflowPage,
        Translation,
        StringTranslation,
    ]
    counts = {model.__name__: model.objects.count() for model in models}
    counts["moderator permissions"] = Group.objects.get(name=MODERATORS_GROUP).permissions.count()
    return counts


@pytest.mark.parametrize("language", ["en", "tg", "ru"])
def test_every_section_is_served_in_every_language(client, language):
    home = client.get(f"/{language}/")
    assert home.status_code == 200
    for slug, titles in SECTIONS.items():
        response = client.get(f"/{language}/{slug}/")
        assert response.status_code == 200, slug
        assert f"<h1>{titles[language]}" in response.content.decode(), slug
        # Every section is in the menu, under its own name in this language.
        assert f'href="/{language}/{slug}/"' in home.content.decode()


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Verify a certificate"), ("tg", "Санҷиши шаҳодатнома"), ("ru", "Проверка сертификата")],
)
def test_the_certificate_verification_form_is_served_in_every_language(client, language, heading):
    """The public URL contract: /<lang>/certificates/verify/ is a form, on a site with no certificate yet."""
    response = client.get(f"/{language}/certificates/verify/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert f'action="/{language}/certificates/verify/"' in html and 'name="code"' in html
    assert client.get(f"/{language}/certificates/verify/", {"code": "HMK-00000-00000"}).status_code == 404


def test_no_wagtail_welcome_page_and_the_footer_is_translated(client):
    assert not Page.objects.filter(title__icontains="Welcome to your new Wagtail site").exists()
    assert "Тоҷикистон" in client.get("/tg/").content.decode()  # the Tajik footer
    assert FooterText.objects.count() == 3


def test_running_it_again_changes_nothing():
    before = structure_counts()
    call_command("setup_site", verbosity=0)
    assert structure_counts() == before


def test_it_never_overwrites_what_editors_changed(client):
    library = section("library")
    library.intro = "Our own words about the library."
    library.save_revision().publish()
    training_tg = section("training", "tg")
    training_tg.title = "Барномаи омӯзишии мо"
    training_tg.save_revision().publish()
    moderators = Group.objects.get(name=MODERATORS_GROUP)
    moderators.permissions.remove(Permission.objects.get(codename="view_downloadcount"))
    members_only = Collection.objects.get(name=MEMBERS_COLLECTION)
    restriction = members_only.view_restrictions.get()
    restriction.groups.remove(moderators)

    call_command("setup_site", verbosity=0)

    assert section("library").intro == "Our own words about the library."
    assert section("training", "tg").title == "Барномаи омӯзишии мо"
    assert not moderators.permissions.filter(codename="view_downloadcount").exists()
    assert moderators not in members_only.view_restrictions.get().groups.all()
    assert "Барномаи омӯзишии мо" in client.get("/tg/training/").content.decode()


def test_a_cso_submission_goes_into_moderation(client):
    """On a site with no demo content, a CSO member's upload waits for the moderators."""
    member = UserFactory(profile__organisation=OrganisationFactory(name="Public Organization Nur"))
    client.force_login(member)
    page = client.get("/tg/library/submit/")
    assert page.status_code == 200
    upload = text_to_pdf("Water committees", "How village water committees work.")

    response = client.post(
        "/tg/library/submit/",
        {
            "title": "Water committee handbook",
            "summary": "How to run a village water committee.",
            "resource_type": "guide",
            "material_languages": ["tg"],
            "year": "2024",
            "coverage": "tajikistan",
            "access": "members",
            "files": SimpleUploadedFile("handbook.pdf", upload, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    submission = Submission.objects.get(submitter=member)
    assert submission.status == Submission.Status.PENDING
    assert not submission.page.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(submission.page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    document = submission.page.files.get().document
    assert document.collection.name == SUBMISSIONS_COLLECTION
