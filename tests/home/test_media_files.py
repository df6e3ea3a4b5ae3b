"""Issue 16 item 8: editors' images are served (originals and renditions) in production as in
development, and nothing else in the media folder is: members-only documents stay behind Wagtail's
document view (its access check). With S3, the bucket's host is allowed for images in the CSP."""

import importlib
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import clear_url_caches
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "green").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    image = get_image_model()(title="Water point")
    image.file.save("water.png", ImageFile(io.BytesIO(png_bytes()), name="water.png"), save=False)
    image.save()
    document = get_document_model()(title="Members only")
    document.file.save("budget.pdf", ContentFile(b"%PDF-1.4 members only"), save=False)
    document.save()
    return image, document


@pytest.fixture(params=[False, True], ids=["production", "development"])
def site_urls(request, settings):
    """The URLs as production (DEBUG off) and development (DEBUG on) build them."""
    import cms.urls

    settings.DEBUG = request.param
    importlib.reload(cms.urls)
    clear_url_caches()
    yield request.param
    settings.DEBUG = False
    importlib.reload(cms.urls)
    clear_url_caches()


def content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_images_are_served_and_documents_never_by_their_storage_name(client, media, site_urls):
    image, document = media
    original = client.get(image.file.url)
    assert original.status_code == 200
    assert content(original).startswith(b"\x89PNG")
    rendition = image.get_rendition("fill-20x20")
    assert client.get(rendition.url).status_code == 200
    assert document.file.name.startswith("documents/")
    for path in (
        f"/media/{document.file.name}",
        f"/media/images/../{document.file.name}",
        f"/media/original_images/%2e%2e/{document.file.name}",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert b"members only" not in content(response)


def test_the_s3_bucket_is_allowed_for_images_in_the_content_security_policy(client, settings, db):
    settings.AWS_STORAGE_BUCKET_NAME = "hamkori-media"
    settings.AWS_S3_ENDPOINT_URL = "https://minio.example.org:9000"
    policy = client.get("/en/").headers["Content-Security-Policy"]
    img_src = next(part for part in policy.split(";") if part.strip().startswith("img-src"))
    assert "https://minio.example.org:9000" in img_src
    assert "https://hamkori-media.s3.amazonaws.com" in img_src
    assert "default-src 'self'" in policy


def test_without_s3_images_come_from_the_site_only(client, db):
    policy = client.get("/en/").headers["Content-Security-Policy"]
    assert "img-src 'self' data:;" in policy
