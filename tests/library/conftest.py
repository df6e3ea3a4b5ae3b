import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from home.models import MemberProfile, Organisation
from library.access import MEMBERS_GROUP, MODERATORS_GROUP
from library.models import LibraryIndexPage
from library.pdf import text_to_pdf

SINO = 'Public Organization "Sino"'
FIDOKOR = 'Public Organization "Fidokor"'
TOMIRIS = 'Public Organization "Tomiris"'


@pytest.fixture
def library(db):
    """library("tg") is the library index page in that language."""

    def find(language_code="en"):
        return LibraryIndexPage.objects.get(locale__language_code=language_code)

    return find


@pytest.fixture
def make_user(db):
    def create(username, organisation_name=None, groups=(), language="en", **extra):
        user = get_user_model().objects.create_user(
            username=username, email=username, password="pw-for-tests-only", **extra
        )
        organisation = Organisation.objects.get(name=organisation_name) if organisation_name else None
        MemberProfile.objects.create(user=user, organisation=organisation, preferred_language=language)
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        return user

    return create


@pytest.fixture
def sino_member(db):
    """The demo member whose organisation has an approved contribution."""
    return get_user_model().objects.get(username="sino.member@hamkori.local")


@pytest.fixture
def fidokor_member(db):
    """The demo member whose organisation has only a pending submission."""
    return get_user_model().objects.get(username="fidokor.member@hamkori.local")


@pytest.fixture
def moderator(db):
    return get_user_model().objects.get(username="moderator@hamkori.local")


@pytest.fixture
def tomiris_member(make_user):
    """A member of an organisation that has contributed nothing."""
    return make_user("lola@tomiris.example", TOMIRIS)


@pytest.fixture
def members_group(db):
    return Group.objects.get(name=MEMBERS_GROUP)


@pytest.fixture
def moderators_group(db):
    return Group.objects.get(name=MODERATORS_GROUP)


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
