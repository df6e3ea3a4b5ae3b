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
    credential_url = f"/tg/my-learning/certificates/{certificate.code}/credential/"
    assert f'href="{credential_url}"' in page and "Боргирии шаҳодатномаи рақамӣ" in page
    dashboard = learner_client.get("/tg/my-learning/").content.decode()
    assert f'href="{pdf_url}"' in dashboard and f'href="{credential_url}"' in dashboard


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


def test_behind_a_load_balancer_the_brake_counts_each_person_not_the_balancer(client, certificate, settings):
    from courses import verification

    settings.TRUSTED_PROXY_COUNT = 1

    def check(code, person):
        return client.get(
            "/en/certificates/verify/", {"code": code}, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=person
        ).status_code

    for number in range(verification.MISS_LIMIT):
        check(f"HMK-00000-{number:05d}", "203.0.113.7")
    assert check(certificate.code, "203.0.113.7") == 429  # the guesser waits
    assert check(certificate.code, "198.51.100.4") == 200  # someone else behind the same balancer does not


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


# --- The Open Badges 3.0 credential ----------------------------------------------------------------


def fetch_with(client):
    """A downloader for openbadgeslib that reads the site through the test client (no network)."""

    def download(url):
        response = client.get(url.removeprefix(settings.WAGTAILADMIN_BASE_URL))
        assert response.status_code == 200, url
        return response.content

    return download


def download_credential(learner_client, certificate, language="tg"):
    response = learner_client.get(f"/{language}/my-learning/certificates/{certificate.code}/credential/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="credential-{certificate.code}.jwt"'
    return response.content.decode()


def test_finishing_a_course_issues_a_signed_credential_that_verifies_offline(learner_client, course, learner):
    from hashlib import sha256

    from openbadgeslib.ob3 import OB3Verifier

    from courses.models import Enrolment, complete_course

    enrolment = Enrolment.objects.create(learner=learner, course_key=course.translation_key)
    with translation_override("tg"), transaction_committed():
        complete_course(learner, enrolment)
    certificate = Certificate.objects.get(learner=learner)
    assert certificate.credential  # issued on completion, not on download

    token = download_credential(learner_client, certificate)
    assert token == certificate.credential
    credential = OB3Verifier.for_issuer_did(certificate_issuer(token)).verify(token)  # did:key: no network
    assert credential.issuer.name == "Hamkori"
    assert credential.achievement.name == "Ҳамкорӣ бо мақомоти давлатӣ"
    achievement = credential.raw["credentialSubject"]["achievement"]
    assert achievement["inLanguage"] == "tg"
    assert {related["inLanguage"] for related in achievement["related"]} == {"en", "ru"}
    # The recipient: a salted hash of the email, never the address itself.
    email_id, name_id = credential.identifiers
    assert email_id.hashed and email_id.identity_type == "emailAddress" and email_id.salt
    assert email_id.identity_hash == "sha256$" + sha256((learner.email + email_id.salt).encode()).hexdigest()
    assert learner.email not in token and learner.email not in str(credential.raw)
    assert name_id.identity_hash == certificate.learner_name


def test_changing_one_byte_of_the_credential_breaks_it(learner_client, certificate):
    from openbadgeslib.ob3 import OB3VerificationError, OB3Verifier

    token = download_credential(learner_client, certificate)
    verifier = OB3Verifier.for_issuer_did(certificate_issuer(token))
    verifier.verify(token)
    header, payload, signature = token.split(".")
    for tampered in (
        ".".join([header, payload[:40] + ("A" if payload[40] != "A" else "B") + payload[41:], signature]),
        ".".join([header, payload, signature[:10] + ("A" if signature[10] != "A" else "B") + signature[11:]]),
    ):
        with pytest.raises(OB3VerificationError):
            verifier.verify(tampered)


def test_revocation_shows_in_the_published_status_list(client, learner_client, certificate):
    from openbadgeslib.ob3 import OB3VerificationError, OB3Verifier

    token = download_credential(learner_client, certificate)
    verifier = OB3Verifier.for_issuer_did(certificate_issuer(token))
    verifier.verify(token, check_status=True, download=fetch_with(client))  # not revoked: passes

    certificate.revoke("Issued by mistake")

    with pytest.raises(OB3VerificationError, match=f"'revocation' is set at index {certificate.pk} "):
        verifier.verify(token, check_status=True, download=fetch_with(client))
    response = client.get("/credentials/status/revocation/")
    assert response["Content-Type"] == "application/vc+jwt"
    assert "no-cache" in response["Cache-Control"]


def test_another_learner_cannot_fetch_the_credential(certificate):
    other = Client()
    other.force_login(UserFactory())
    assert other.get(f"/en/my-learning/certificates/{certificate.code}/credential/").status_code == 404
    assert Client().get(f"/en/my-learning/certificates/{certificate.code}/credential/").status_code == 302


def test_the_achievement_is_described_in_english_tajik_and_russian(client, course):
    titles = {
        "en": "Engaging government",
        "tg": "Ҳамкорӣ бо мақомоти давлатӣ",
        "ru": "Взаимодействие с государственными органами",
    }
    for language, title in titles.items():
        response = client.get(f"/credentials/achievements/{course.translation_key}/{language}/")
        assert response.status_code == 200
        document = response.json()
        assert document["name"] == title and document["inLanguage"] == language
        assert document["type"] == ["Achievement"] and document["criteria"]["narrative"]
    assert client.get(f"/credentials/achievements/{course.translation_key}/de/").status_code in (302, 404)


def test_the_signing_key_is_a_file_outside_the_repository_and_the_database(learner_client, certificate):
    from pathlib import Path

    key_file = Path(settings.CREDENTIAL_SIGNING_KEY_FILE)
    download_credential(learner_client, certificate)
    assert key_file.exists() and oct(key_file.stat().st_mode & 0o777) == "0o600"
    assert settings.BASE_DIR not in key_file.parents
    private = key_file.read_text()
    assert "PRIVATE KEY" in private
    body = "".join(private.splitlines()[1:-1])
    assert not Certificate.objects.filter(credential__contains=body).exists()


def certificate_issuer(token):
    import base64
    import json

    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["issuer"]["id"]


def translation_override(language):
    from django.utils import translation

    return translation.override(language)


def transaction_committed():
    """Run the on-commit callbacks of the test's transaction, as the end of a request would."""
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


def test_a_signing_key_path_that_cannot_be_read_fails_the_deployment_check(tmp_path):
    from tests.home.test_health_and_settings import run_manage

    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="z" * 64,
        ALLOWED_HOSTS="hamkori.example",
        CREDENTIAL_SIGNING_KEY_FILE=str(tmp_path / "missing.pem"),
    )
    assert result.returncode != 0
    assert "courses.W001" in result.stdout + result.stderr


def test_setup_site_makes_a_development_key_when_there_is_none():
    from pathlib import Path

    from django.core.management import call_command

    key_file = Path(settings.CREDENTIAL_SIGNING_KEY_FILE)
    key_file.unlink(missing_ok=True)
    call_command("setup_site", verbosity=0)
    assert key_file.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    before = key_file.read_bytes()
    call_command("setup_site", verbosity=0)
    assert key_file.read_bytes() == before  # never replaced once made


def test_the_learner_sees_a_revocation_and_its_reason_in_their_data_export(learner_client, certificate):
    certificate.revoke("The learner shared quiz answers.")
    data = learner_client.get("/en/accounts/profile/my-data/").json()
    (exported,) = data["certificates"]
    assert exported["code"] == certificate.code
    assert exported["revoked_at"] and exported["revocation_reason"] == "The learner shared quiz answers."


def test_a_revoked_credential_stays_revoked_after_its_learner_deletes_the_account(client, learner_client, certificate):
    from openbadgeslib.ob3 import OB3VerificationError, OB3Verifier

    token = download_credential(learner_client, certificate)
    certificate.revoke("Issued by mistake")
    certificate.learner.delete()
    assert not Certificate.objects.exists()

    verifier = OB3Verifier.for_issuer_did(certificate_issuer(token))
    with pytest.raises(OB3VerificationError, match=f"'revocation' is set at index {certificate.pk} "):
        verifier.verify(token, check_status=True, download=fetch_with(client))


def test_a_bad_signing_key_never_stops_a_learner_finishing_a_course(
    learner_client, course, learner, settings, tmp_path
):
    from courses.models import Enrolment, complete_course

    key_file = tmp_path / "key.pem"
    key_file.write_text("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n")
    settings.CREDENTIAL_SIGNING_KEY_FILE = str(key_file)
    enrolment = Enrolment.objects.create(learner=learner, course_key=course.translation_key)
    with transaction_committed():
        complete_course(learner, enrolment)
    certificate = Certificate.objects.get(learner=learner)
    assert certificate.credential == ""
    # The learner keeps the certificate and its PDF; the credential and the status list say they are unavailable.
    assert learner_client.get(f"/tg/my-learning/certificates/{certificate.code}/pdf/").status_code == 200
    assert learner_client.get(f"/tg/my-learning/certificates/{certificate.code}/credential/").status_code < 500
    assert Client().get("/credentials/status/revocation/").status_code == 503


def test_a_private_course_publishes_no_achievement(client, course):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(f"/credentials/achievements/{course.translation_key}/en/").status_code in (302, 404)
    assert client.get(f"/credentials/achievements/{course.translation_key}/tg/").status_code == 200
