"""A certificate on paper: the learner downloads the PDF on a phone; an employer types its code, or scans
its QR code, in Tajik; once revoked, both say so."""

import io

import pytest
import zxingcpp
from django.conf import settings
from django.test import Client
from pypdf import PdfReader

from courses.models import Certificate, CoursePage, Enrolment, complete_course
from tests import factories
from tests.e2e.conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.e2e


def test_a_learner_downloads_the_pdf_and_an_employer_checks_it_by_code_and_by_qr(site, new_page, unique):
    learner = factories.UserFactory(
        username=f"paper-{unique}", email=f"paper-{unique}@example.org", first_name="Ҷамшед", last_name="Ғуломов"
    )
    course = CoursePage.objects.live().filter(locale__language_code="en").first()
    enrolment = Enrolment.objects.create(learner=learner, course_key=course.translation_key)
    complete_course(learner, enrolment)
    certificate = Certificate.objects.get(learner=learner)
    try:
        page = new_page(PHONE)
        signed_in = Client()
        signed_in.force_login(learner)
        session = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site.url}])
        page.goto(site.url + f"/tg/my-learning/certificates/{certificate.code}/")
        screenshot(page, "certificate-page-tg")
        assert_accessible(page)
        with page.expect_download() as download:
            page.get_by_role("link", name="Боргирии PDF").click()
        pdf = PdfReader(io.BytesIO(open(download.value.path(), "rb").read()))  # noqa: SIM115
        assert "Ҷамшед Ғуломов" in pdf.pages[0].extract_text()
        (qr,) = zxingcpp.read_barcodes(pdf.pages[0].images[0].image)
        qr_path = qr.text.split("://", 1)[1].split("/", 1)[1]
        assert qr_path == f"tg/certificates/verify/{certificate.code}/"

        employer = new_page(PHONE)
        employer.goto(site.url + "/tg/certificates/verify/")
        employer.get_by_label("Рамзи шаҳодатнома").fill(" " + certificate.code.lower().replace("-", " ") + " ")
        employer.get_by_role("button", name="Санҷидан").click()
        assert employer.get_by_text("эътибор дорад").is_visible()
        assert "Ҷамшед Ғуломов" in employer.content() and learner.email not in employer.content()
        screenshot(employer, "certificate-verified-tg")
        assert_accessible(employer)

        certificate.revoke("Test of revocation")
        employer.goto(site.url + "/" + qr_path)  # the QR code's target, as a phone camera opens it
        assert employer.get_by_text("бекор карда шуд").is_visible()
        screenshot(employer, "certificate-revoked-tg")
        assert_accessible(employer)
    finally:
        learner.delete()
