"""Open Badges 3.0 credentials (W3C Verifiable Credentials) for finished courses, and their revocation list.

Everything cryptographic and every document shape comes from openbadgeslib (OB 3.0 VC-JWT, signed with
the site's Ed25519 key as EdDSA); nothing here signs or hashes on its own.

- The issuer is the site's `did:key`, derived from its public key, so anyone can check a credential
  offline: `OB3Verifier.for_issuer_did(credential issuer).verify(token)`.
- The recipient is a salted SHA-256 of their email (`credentialSubject.identifier`), with the name as
  printed on the certificate.
- The achievement is described in the learner's language, with `related` links to the same
  achievement in the other languages (public JSON at /credentials/achievements/<course>/<lang>/).
- Revocation: bit `certificate.pk` of a Bitstring Status List, published signed at
  /credentials/status/revocation/.

The private key is a PEM file whose path is CREDENTIAL_SIGNING_KEY_FILE; it is never stored in the
repository or the database. Development and test settings create one when it is missing.
"""

import datetime
import logging
import os
import secrets
import uuid
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from openbadgeslib.ob3 import (
    Achievement,
    IdentityObject,
    Issuer,
    OB3Signer,
    OpenBadgeCredential,
    build_status_list_credential,
    did_key_from_pem,
    sign_status_list_credential,
    status_entry,
)
from openbadgeslib.ob3.status_list import DEFAULT_SIZE_BITS

from home.addresses import public_url

from . import learning_state
from .models import Certificate, CoursePage, RevokedStatusIndex

logger = logging.getLogger(__name__)

ALGORITHM = "EdDSA"
STATUS_LIST_HOURS = 24  # the published list says it is good for a day; it is signed afresh on each request


class CredentialsUnavailable(Exception):
    """The site has no signing key (CREDENTIAL_SIGNING_KEY_FILE is unset or missing)."""


# --- The site's key ------------------------------------------------------------------------------


def _key_path():
    path = getattr(settings, "CREDENTIAL_SIGNING_KEY_FILE", "")
    return Path(path) if path else None


def create_key_if_allowed():
    """Write a new Ed25519 key to CREDENTIAL_SIGNING_KEY_FILE when it is missing and the settings allow it
    (development and tests). Returns the path when a key was made."""
    path = _key_path()
    if path is None or path.exists() or not getattr(settings, "CREDENTIAL_SIGNING_KEY_CREATE", False):
        return None
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:  # O_EXCL: two processes starting at once keep the first key, never a mix
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return None
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    return path


def check_signing_key(app_configs=None, **kwargs):
    """A deployment check: CREDENTIAL_SIGNING_KEY_FILE names a file the app cannot read. (Unset, the site
    offers no digital credentials, only the PDF, as the README says.)"""
    from django.core.checks import Warning

    path = _key_path()
    if path is None or getattr(settings, "CREDENTIAL_SIGNING_KEY_CREATE", False) or os.access(path, os.R_OK):
        return []
    return [
        Warning(
            f"CREDENTIAL_SIGNING_KEY_FILE names {path}, which cannot be read: no digital credential can be signed.",
            hint="Point it at an Ed25519 private key in PEM, readable by the app only "
            "(make one with: openssl genpkey -algorithm ed25519 -out credential-signing-key.pem).",
            id="courses.W001",
        )
    ]


def _private_pem():
    return _signing_key()[0]


def _signing_key():
    """(PEM bytes, loaded key) of the site's Ed25519 key, read from its file."""
    path = _key_path()
    if path is None:
        raise CredentialsUnavailable("CREDENTIAL_SIGNING_KEY_FILE is not set")
    create_key_if_allowed()
    try:
        pem = path.read_bytes()
        key = serialization.load_pem_private_key(pem, password=None)
    except OSError as error:
        raise CredentialsUnavailable(f"cannot read the signing key: {error}") from error
    except (ValueError, TypeError, UnsupportedAlgorithm) as error:
        raise CredentialsUnavailable(f"the signing key is not a private key in PEM: {error}") from error
    if not isinstance(key, Ed25519PrivateKey):
        raise CredentialsUnavailable("the signing key is not an Ed25519 key")
    return pem, key


def public_key_pem():
    _pem, key = _signing_key()
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def issuer_did():
    return did_key_from_pem(public_key_pem())


def _issuer():
    return Issuer(id=issuer_did(), name=settings.WAGTAIL_SITE_NAME, url=public_url("/"))


# --- Achievements, credentials, the status list ----------------------------------------------------


def status_list_url():
    return public_url(reverse("credentials:status_list"))


def achievement_url(course_key, language):
    return public_url(reverse("credentials:achievement", args=[course_key, language]))


def course_translations(course_key, public=False):
    """{language: live CoursePage} for a course; only those anyone may see with `public`."""
    pages = CoursePage.objects.live().filter(translation_key=course_key).select_related("locale")
    if public:
        pages = pages.public()
    return {page.locale.language_code: page for page in pages}


def achievement(course_key, language, translations=None):
    """The Open Badges Achievement for finishing the course, described in `language` (or the nearest
    language the course has), with `related` links to its other languages. None for an unknown course."""
    translations = translations if translations is not None else course_translations(course_key)
    if not translations:
        return None
    if language not in translations:
        language = settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in translations else next(iter(translations))
    course = translations[language]
    with translation.override(language):
        result = _LanguageAchievement(
            id=achievement_url(course_key, language),
            name=course.title,
            description=course.summary or course.title,
            criteria_narrative=_("Complete every lesson of the course and pass its quizzes."),
            achievement_type="Certificate",
        )
    result.language = language
    result.related = [
        {"id": achievement_url(course_key, code), "type": ["Related"], "inLanguage": code}
        for code, _name in settings.LANGUAGES
        if code in translations and code != language
    ]
    return result


class _LanguageAchievement(Achievement):
    """An Achievement that says its language (`inLanguage`) and links its other languages (`related`),
    both OB 3.0 Achievement properties the library's model does not carry."""

    language = ""
    related = ()

    def to_dict(self):
        document = super().to_dict()
        document["inLanguage"] = self.language
        if self.related:
            document["related"] = list(self.related)
        return document


def issue(certificate, language):
    """Sign the certificate's credential and keep it on the certificate (once: a later call changes nothing)."""
    if certificate.credential:
        return certificate.credential
    learner = certificate.learner
    found = achievement(certificate.course_key, language)
    if found is None:
        raise CredentialsUnavailable("the course is not live in any language")
    identifiers = [IdentityObject(identity_hash=certificate.learner_name, identity_type="name", hashed=False)]
    if learner.email:
        identifiers.insert(0, IdentityObject.create(learner.email.strip().lower(), salt=secrets.token_hex(16)))
    credential = OpenBadgeCredential(
        issuer=_issuer(),
        recipient_id=None,  # identified by the hashed email below, not by an address anyone can read
        achievement=found,
        id=f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, public_url('/certificates/' + certificate.code))}",
        issuance_date=certificate.issued_at,
        identifiers=identifiers,
        credential_status=[status_entry(status_list_url(), "revocation", certificate.pk)],
    )
    token = OB3Signer(_private_pem(), algorithm=ALGORITHM).sign(credential)
    Certificate.objects.filter(pk=certificate.pk, credential="").update(credential=token)
    learning_state.changed(certificate.learner_id)
    certificate.refresh_from_db(fields=["credential"])
    return certificate.credential


def issue_quietly(certificate_pk, language):
    """Issue on completion; a missing key must never stop a learner finishing a course (the credential is
    then issued on its first download)."""
    try:
        certificate = Certificate.objects.select_related("learner").get(pk=certificate_pk)
        issue(certificate, language)
    except (CredentialsUnavailable, Certificate.DoesNotExist) as error:
        logger.warning("Open Badges credential not issued for certificate %s: %s", certificate_pk, error)


def status_list_token():
    """The signed Bitstring Status List credential: the bits of every revoked certificate set."""
    revoked = list(Certificate.objects.filter(revoked_at__isnull=False).values_list("pk", flat=True))
    revoked += RevokedStatusIndex.objects.values_list("index", flat=True)
    size = DEFAULT_SIZE_BITS * (1 + max(revoked, default=0) // DEFAULT_SIZE_BITS)
    now = datetime.datetime.now(datetime.timezone.utc)
    document = build_status_list_credential(
        issuer_id=issuer_did(),
        url=status_list_url(),
        purpose="revocation",
        set_indices=revoked,
        size_bits=size,
        issued=now,
        valid_until=now + datetime.timedelta(hours=STATUS_LIST_HOURS),
    )
    return sign_status_list_credential(document, _private_pem(), ALGORITHM)
