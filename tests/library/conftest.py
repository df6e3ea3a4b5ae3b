"""The library's test data, built with tests/factories.py on the database `setup_site` makes.

- `resource(...)`: a resource an editor published, with its files, languages and thematic areas.
- `submit(user, ...)`: a member's contribution, through the real submission form and `create_submission`.
- the `moderate` fixture: a moderator's action in Wagtail's admin (the workflow action view), emails included.
- people: `newcomer` (an organisation that has contributed nothing), `contributor` (an organisation whose
  contribution a moderator approved), `pending_submission` (an organisation whose contribution waits),
  `moderator`.
"""

import io
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from wagtail.documents import get_document_model
from wagtail.models import Collection, TaskState

from home.models import ThematicArea
from library.access import MEMBERS_GROUP, MODERATORS_GROUP
from library.forms import SubmissionForm
from library.models import ResourceFile, ResourceMaterialLanguage, ResourcePage, ResourceThematicArea
from library.pdf import text_to_pdf
from library.submissions import create_submission
from tests.factories import OrganisationFactory, ResourcePageFactory, ThematicAreaFactory, UserFactory, section

TOMIRIS = 'Public Organization "Tomiris"'
SINO = 'Public Organization "Sino"'
FIDOKOR = 'Public Organization "Fidokor"'

# The thematic areas the library's tests file resources under: slug -> (English, Tajik, Russian).
AREAS = {
    "water-resources": ("Water resources", "Захираҳои об", "Водные ресурсы"),
    "climate-change": ("Climate change", "Тағйирёбии иқлим", "Изменение климата"),
    "capacity-building": (
        "Education, leadership and capacity building",
        "Маориф, роҳбарӣ ва рушди иқтидор",
        "Образование, лидерство и развитие потенциала",
    ),
    "regional-cooperation": ("Regional cooperation", "Ҳамкории минтақавӣ", "Региональное сотрудничество"),
    "health": ("Health", "Тандурустӣ", "Здравоохранение"),
}


def thematic_area(slug):
    """The English thematic area with this slug, with its Tajik and Russian translations (made once)."""
    existing = ThematicArea.objects.filter(locale__language_code="en", slug=slug).first()
    if existing:
        return existing
    english, tajik, russian = AREAS[slug]
    return ThematicAreaFactory(name=english, slug=slug, translations={"tg": tajik, "ru": russian})


@pytest.fixture(autouse=True)
def thematic_areas(db):
    """Every library test has the thematic areas its resources and submissions are filed under."""
    return [thematic_area(slug) for slug in AREAS]


# --- Files ---------------------------------------------------------------------------------------


def pdf_upload(name="report.pdf", text="A short report about community water committees."):
    return SimpleUploadedFile(name, text_to_pdf("Report", text), content_type="application/pdf")


def docx_bytes(with_macros=False, main_part="word/document.xml"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main_part, "<w:document/>")
        if with_macros:
            archive.writestr("word/vbaProject.bin", b"\x00macro")
    return buffer.getvalue()


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


# --- Resources an editor published ---------------------------------------------------------------


def resource(
    title="Report on water committees",
    *,
    languages=("en",),
    areas=(),
    files=(("report.pdf", None),),
    parent=None,
    publish=True,
    **fields,
):
    """A resource page with files, published the way an editor publishes it (so the publish signals run).

    `files` are (name, content) pairs; content None is a real PDF. The documents start in the root
    collection: publishing files them in the public or members-only library collection.
    """
    page = ResourcePageFactory(title=title, parent=parent or section("library"), **fields)
    for code in languages:
        page.material_languages.add(ResourceMaterialLanguage(language=code))
    for slug in areas:
        page.thematic_area_links.add(ResourceThematicArea(thematic_area=thematic_area(slug)))
    Document = get_document_model()
    for name, content in files:
        content = text_to_pdf(title, f"{title}. {page.summary}") if content is None else content
        document = Document(title=title, collection=Collection.get_first_root_node(), file_size=len(content))
        document.file.save(name, ContentFile(content), save=False)
        document.save()
        page.files.add(ResourceFile(document=document))
    if publish:
        page.save_revision().publish()  # saves the page with its files, languages and areas
    else:
        page.save()
    return ResourcePage.objects.get(pk=page.pk)  # fresh from the database, child relations included


def document_of(page):
    """The one file of a resource, as stored now (not as a page object in memory remembers it)."""
    return ResourceFile.objects.select_related("document__collection").get(page=page).document


# --- Submissions and moderation ------------------------------------------------------------------


def submission_data(**overrides):
    data = {
        "title": "Water committee handbook",
        "summary": "How to run a village water committee: meetings, fees and repairs.",
        "resource_type": "guide",
        "material_languages": ["tg", "ru"],
        "thematic_areas": ["water-resources"],
        "year": "2024",
        "coverage": "tajikistan",
        "keywords": "water, committees",
        "access": "members",
        "external_url": "",
    }
    data.update(overrides)
    return data


def submit(user, organisation=None, language="en", files=None, **fields):
    """A contribution sent through the submission form, as the view does it: the Submission, pending."""
    organisation = organisation or user.profile.organisation
    form = SubmissionForm(
        submission_data(**fields), MultiValueDict({"files": files or [pdf_upload()]}), organisation=organisation
    )
    assert form.is_valid(), form.errors
    return create_submission(user, organisation, section("library", language), form.cleaned_data)


def _act(moderator, submission, action, comment=""):
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(submission.page_id), status=TaskState.STATUS_IN_PROGRESS
    )
    admin = Client()
    admin.force_login(moderator)
    url = reverse("wagtailadmin_pages:workflow_action", args=[submission.page_id, action, task_state.pk])
    response = admin.post(url, {"comment": comment})
    assert response.status_code in (200, 302), response.content[:500]
    submission.refresh_from_db()
    return response


@pytest.fixture
def moderate(django_capture_on_commit_callbacks):
    """moderate(moderator, submission, "approve" | "reject" | "decline", comment) in Wagtail's admin.

    "reject" is Wagtail's "Request changes"; "decline" is the library's "Reject for good". The emails
    the site sends once the moderator's action is committed are sent too.
    """

    def run(moderator, submission, action, comment=""):
        with django_capture_on_commit_callbacks(execute=True):
            return _act(moderator, submission, action, comment)

    return run


# --- People --------------------------------------------------------------------------------------


@pytest.fixture
def moderator(db):
    return UserFactory(
        email="moderator@example.org", first_name="Farrukh", last_name="Nazarov", groups=[MODERATORS_GROUP]
    )


@pytest.fixture
def newcomer(db):
    """A member of an organisation that has contributed nothing."""
    return UserFactory(email="lola@tomiris.example", profile__organisation=OrganisationFactory(name=TOMIRIS))


@pytest.fixture
def contributor(db, moderator, moderate):
    """A member of an organisation whose contribution a moderator approved: a library member."""
    user = UserFactory(email="member@sino.example", profile__organisation=OrganisationFactory(name=SINO))
    submission = submit(user, title="Sino's annual report", access="public")
    moderate(moderator, submission, "approve")
    assert submission.status == "approved"
    return user


@pytest.fixture
def pending_submission(db, moderator):
    """A contribution from another organisation, waiting for a moderator."""
    user = UserFactory(email="member@fidokor.example", profile__organisation=OrganisationFactory(name=FIDOKOR))
    return submit(user, title="Volunteer recruitment checklist", access="public")


@pytest.fixture
def members_group(db):
    return Group.objects.get(name=MEMBERS_GROUP)


@pytest.fixture
def moderators_group(db):
    return Group.objects.get(name=MODERATORS_GROUP)
