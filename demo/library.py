"""The library's resources and their files (content/library.toml), and the demo submissions."""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from library.access import collection_for
from library.models import (
    Access,
    LibraryMembership,
    ResourceFile,
    ResourceMaterialLanguage,
    ResourcePage,
    ResourceThematicArea,
    Submission,
)
from library.pdf import text_to_pdf
from library.submissions import create_submission, store_document

from .data import SEEDS_DIR, read_content
from .directory import organisations, thematic_areas
from .pages import child_page, section

CONTEXT = "library"  # msgctxt of the texts the library translates differently from the rest of the site


def load_library(home, translator):
    index = section(home, "library")
    for spec in read_content("library")["resources"]:
        page = index.get_children().filter(slug=spec["slug"]).first()
        if page is None:  # its file is made only with the page, so a second run stores no second copy
            (publisher,) = organisations([spec["publisher"]])
            page = child_page(
                index,
                ResourcePage,
                spec["slug"],
                title=spec["title"],
                summary=spec["summary"],
                keywords=spec.get("keywords", ""),
                resource_type=spec["type"],
                access=spec["access"],
                organisation=publisher,
                year=spec.get("year"),
                coverage=spec.get("coverage", ""),
                material_languages=[ResourceMaterialLanguage(language=code) for code in spec["material_languages"]],
                thematic_area_links=[
                    ResourceThematicArea(thematic_area=area) for area in thematic_areas(spec["thematic_areas"])
                ],
                files=[ResourceFile(document=_seed_document(spec))],
            )
        translator.translate(page.specific, CONTEXT)


def _seed_document(spec):
    """The resource's file, made from its seed document: a generated PDF, or the text itself."""
    text = (SEEDS_DIR / spec["seed_document"]).read_text(encoding="utf-8")
    if spec["file_format"] == "pdf":
        data = text_to_pdf(spec["title"], text)
    else:
        data = f"{spec['title']}\n\n{text}".encode()
    upload = SimpleUploadedFile(f"{spec['slug']}.{spec['file_format']}", data)
    collection = collection_for(members_only=spec["access"] == Access.MEMBERS)
    return store_document(upload, spec["title"], None, collection, spec["slug"])


def load_submissions(home, translator):
    """An approved contribution (which makes its organisation a library member) and one waiting for review."""
    data = read_content("library")
    User = get_user_model()
    index = section(home, "library")
    for spec in data["approved_submissions"]:
        submitter = User.objects.get(username=spec["submitter"])
        organisation = submitter.profile.organisation
        page = index.get_children().get(slug=spec["resource"]).specific
        _submission, created = Submission.objects.get_or_create(
            page=page,
            defaults={"submitter": submitter, "organisation": organisation, "status": Submission.Status.APPROVED},
        )
        if created:
            LibraryMembership.objects.grant_organisation(
                organisation, note=f"Contribution approved: {page.title}"[:255]
            )
    for spec in data["pending_submissions"]:
        submitter = User.objects.get(username=spec["submitter"])
        if Submission.objects.filter(submitter=submitter, page__title=spec["title"]).exists():
            continue
        upload = SimpleUploadedFile(spec["file_name"], spec["file_text"].encode())
        create_submission(
            submitter,
            submitter.profile.organisation,
            index,
            {
                "title": spec["title"],
                "summary": spec["summary"],
                "resource_type": spec["type"],
                "access": spec["access"],
                "year": spec.get("year"),
                "coverage": spec.get("coverage", ""),
                "keywords": spec.get("keywords", ""),
                "external_url": "",
                "material_languages": spec["material_languages"],
                "thematic_areas": spec["thematic_areas"],
                "files": [upload],
            },
        )
