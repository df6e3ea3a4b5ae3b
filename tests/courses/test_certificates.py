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


# --- Verification by people holding paper ------------------------------------------------------


def test_a_code_typed_in_small_letters_with_spaces_verifies(client, certificate):
    typed = "  " + certificate.code.lower().replace("-", " - ").replace("hmk", "h m k") + " "
    response = client.get("/tg/certificates/verify/", {"code": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Шаҳодатномаи {certificate.code} эътибор дорад." in html
    assert TAJIK_NAME in html and "Ҳамкорӣ бо мақомоти давлатӣ" in html
    # Only the name, the course and the date: nothing else about the learner.
    assert certificate.learner.email not in html and certificate.learner.username not in html


def test_an_unknown_code_is_not_found_and_a_wrong_shape_is_explained(client):
    response = client.get("/ru/certificates/verify/", {"code": "hmk 00000 00000"})
    assert response.status_code == 404
    assert "Сертификат с кодом HMK-00000-00000 не найден" in response.content.decode()
    response = client.get("/ru/certificates/verify/", {"code": "<script>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Это не код сертификата" in html and "<script>" not in html.split("<main", 1)[-1]


def test_guessing_codes_is_slowed_down_but_a_real_code_still_checks_after_a_few_misses(client, certificate):
    from courses import verification

    for number in range(verification.MISS_LIMIT):
        assert client.get("/en/certificates/verify/", {"code": f"HMK-00000-{number:05d}"}).status_code == 404
    response = client.get("/en/certificates/verify/", {"code": certificate.code})
    assert response.status_code == 429
    assert "Please wait 15 minutes" in response.content.decode()
    # Another address is not held back.
    assert client.get("/en/certificates/verify/", {"code": certificate.code}, REMOTE_ADDR="10.0.0.9").status_code == 200


def test_a_revoked_certificate_shows_as_revoked_at_once_in_the_page_and_the_qr_target(client, certificate):
    qr_target = f"/tg/certificates/verify/{certificate.code}/"
    assert "эътибор дорад" in client.get(qr_target).content.decode()
    assert "эътибор дорад" in client.get(qr_target).content.decode()  # a second read, as a cache would keep it

    certificate.revoke("Issued by mistake")

    for response in (client.get(qr_target), client.get("/tg/certificates/verify/", {"code": certificate.code})):
        html = response.content.decode()
        assert "бекор карда шуд" in html and "эътибор дорад" not in html
        assert "Issued by mistake" not in html  # the reason stays with staff
    english = client.get(f"/en/certificates/verify/{certificate.code}/").content.decode()
    assert "was revoked on" in english and "no longer valid" in english


def test_a_revoked_certificate_offers_no_pdf(learner_client, certificate):
    certificate.revoke("Issued by mistake")
    response = learner_client.get(f"/en/my-learning/certificates/{certificate.code}/pdf/")
    assert response.status_code == 302
    page = learner_client.get(response["Location"]).content.decode()
    assert "This certificate was revoked on" in page and "/pdf/" not in page


# --- Staff revoke in the admin -------------------------------------------------------------------


def test_staff_with_the_permission_find_and_revoke_a_certificate_with_a_reason(client, certificate):
    from django.contrib.auth.models import Group, Permission

    staff = UserFactory(is_staff=True)
    group = Group.objects.create(name="Certificate staff")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="revoke_certificate")
    )
    staff.groups.add(group)
    client.force_login(staff)

    listing = client.get("/admin/certificates/", {"q": certificate.code})
    assert listing.status_code == 200
    html = listing.content.decode()
    assert TAJIK_NAME in html and "Engaging government" in html
    revoke_url = f"/admin/certificates/revoke/{certificate.pk}/"
    assert revoke_url in html
    assert client.get("/admin/certificates/new/").status_code in (302, 403)  # nobody types certificates in

    assert client.post(revoke_url, {"reason": ""}).status_code == 200  # a reason is required
    certificate.refresh_from_db()
    assert not certificate.is_revoked
    response = client.post(revoke_url, {"reason": "The learner shared quiz answers."})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revocation_reason == "The learner shared quiz answers."


def test_revoking_is_refused_without_the_permission(client, certificate):
    from django.contrib.auth.models import Permission

    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.post(f"/admin/certificates/revoke/{certificate.pk}/", {"reason": "x"}).status_code in (302, 403)
    assert client.get("/admin/certificates/").status_code in (302, 403)
    certificate.refresh_from_db()
    assert not certificate.is_revoked
