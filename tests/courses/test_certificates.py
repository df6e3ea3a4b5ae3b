"""Certificates on paper and online: the PDF with its QR code, public verification by code, revocation,
and the Open Badges 3.0 credential. A learner only ever reaches their own."""

import io

import pytest
import zxingcpp
from django.conf import settings
from django.test import Client
from pypdf import PdfReader

from courses.models import Certificate
from tests.factories import CoursePageFactory, UserFactory, translate

pytestmark = pytest.mark.django_db

TAJIK_NAME = "Ҷамшед Ғуломов Ӯрунбоев Ҳақназарова Қодирӣ"


@pytest.fixture
def course():
    course = CoursePageFactory(title="Engaging government")
    translate(course, "tg", title="Ҳамкорӣ бо мақомоти давлатӣ", slug=course.slug)
    translate(course, "ru", title="Взаимодействие с государственными органами", slug=course.slug)
    return course


@pytest.fixture
def learner():
    return UserFactory(first_name="Ҷамшед", last_name="Ғуломов")


@pytest.fixture
def certificate(course, learner):
    return Certificate.objects.create(learner=learner, course_key=course.translation_key, learner_name=TAJIK_NAME)


@pytest.fixture
def learner_client(learner):
    client = Client()
    client.force_login(learner)
    return client


def read_pdf(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    return reader


def test_the_tajik_pdf_carries_the_tajik_name_course_and_every_tajik_letter(learner_client, certificate):
    reader = read_pdf(learner_client.get(f"/tg/my-learning/certificates/{certificate.code}/pdf/"))
    text = reader.pages[0].extract_text()
    assert TAJIK_NAME in " ".join(text.split())
    assert "Ҳамкорӣ бо мақомоти давлатӣ" in text
    assert "Шаҳодатнома дар бораи хатми курс" in text
    assert certificate.code in text
    for letter in "ҷғӯҳқӣ":
        assert letter in text.lower(), letter
    width, height = (float(value) for value in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("tg", "Ҳамкорӣ бо мақомоти давлатӣ"),
        ("ru", "Взаимодействие с государственными органами"),
        ("en", "Engaging government"),
    ],
    ids=["tg", "ru", "en"],
)
def test_the_qr_code_decodes_to_the_public_verification_address_in_that_language(
    learner_client, certificate, language, title
):
    reader = read_pdf(learner_client.get(f"/{language}/my-learning/certificates/{certificate.code}/pdf/"))
    assert title in reader.pages[0].extract_text()
    (image,) = reader.pages[0].images
    (decoded,) = zxingcpp.read_barcodes(image.image)
    expected = f"{settings.WAGTAILADMIN_BASE_URL}/{language}/certificates/verify/{certificate.code}/"
    assert decoded.text == expected
    assert expected in " ".join(reader.pages[0].extract_text().split())


def test_another_learner_gets_404_for_the_pdf(certificate):
    other = Client()
    other.force_login(UserFactory())
    assert other.get(f"/tg/my-learning/certificates/{certificate.code}/pdf/").status_code == 404
    anonymous = Client().get(f"/tg/my-learning/certificates/{certificate.code}/pdf/")
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]


def test_the_certificate_page_and_my_learning_offer_the_pdf(learner_client, certificate, course):
    from courses.models import Enrolment

    Enrolment.objects.create(learner=certificate.learner, course_key=course.translation_key)
    pdf_url = f"/tg/my-learning/certificates/{certificate.code}/pdf/"
    page = learner_client.get(f"/tg/my-learning/certificates/{certificate.code}/").content.decode()
    assert f'href="{pdf_url}"' in page and "Боргирии PDF" in page
    assert f'href="/ru/my-learning/certificates/{certificate.code}/pdf/"' in page
    dashboard = learner_client.get("/tg/my-learning/").content.decode()
    assert f'href="{pdf_url}"' in dashboard
