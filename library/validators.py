"""Upload checks: the extension must be on the allowlist AND the content must match it.

No system libmagic: signatures are checked here (``filetype`` helps spot disguised files).
"""

import io
import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

# Photos of paper documents (JPG, PNG) are what a phone user has, so they are documents here too.
ALLOWED_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "odt",
    "ods",
    "csv",
    "txt",
    "jpg",
    "jpeg",
    "png",
]
IMAGE_SIGNATURES = {"jpg": b"\xff\xd8\xff", "jpeg": b"\xff\xd8\xff", "png": b"\x89PNG\r\n\x1a\n"}
# A photo of a page needs no more than this; more pixels than this is a decompression bomb, not a photo.
MAX_IMAGE_PIXELS = 50_000_000
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OOXML_MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
MARKUP_HINTS = (b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml", b"<body", b"<iframe", b"<object", b"javascript:")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "csv": "text/csv",
    "txt": "text/plain",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
}


def max_upload_bytes():
    return settings.LIBRARY_MAX_UPLOAD_MB * 1024 * 1024


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _wrong_content(name):
    return ValidationError(
        _("“%(name)s” is not really the kind of file its name says. Save it again in that format and upload it."),
        code="content_mismatch",
        params={"name": name},
    )


def validate_library_file(upload):
    """Raise ValidationError unless the upload is an allowed, honest, small enough document. Returns its extension."""
    name = upload.name or ""
    ext = extension_of(name)
    if ext not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("“%(name)s” cannot be uploaded. Allowed file types: %(types)s."),
            code="extension",
            params={"name": name, "types": ", ".join(ALLOWED_EXTENSIONS)},
        )
    if upload.size > max_upload_bytes():
        raise ValidationError(
            _("“%(name)s” is larger than %(limit)s MB. Make it smaller or split it into parts."),
            code="size",
            params={"name": name, "limit": settings.LIBRARY_MAX_UPLOAD_MB},
        )
    if upload.size == 0:
        raise ValidationError(_("“%(name)s” is empty."), code="empty", params={"name": name})

    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    head = data[:8192]

    kind = filetype.guess(head)
    if kind is not None and kind.mime.startswith(("application/x-executable", "application/x-msdownload")):
        raise _wrong_content(name)
    if head.startswith((b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")):
        raise _wrong_content(name)

    if ext == "pdf":
        if not data.startswith(b"%PDF-"):
            raise _wrong_content(name)
    elif ext in {"doc", "xls", "ppt"}:
        if not data.startswith(OLE2_SIGNATURE):
            raise _wrong_content(name)
    elif ext in OOXML_MAIN_PART:
        names = _zip_names(data, name)
        if "[Content_Types].xml" not in names or OOXML_MAIN_PART[ext] not in names:
            raise _wrong_content(name)
        if any(entry.lower().endswith("vbaproject.bin") for entry in names):
            raise ValidationError(
                _("“%(name)s” contains macros, which we do not accept. Save it without macros and try again."),
                code="macros",
                params={"name": name},
            )
    elif ext in ODF_MIMETYPES:
        _zip_names(data, name)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            try:
                mimetype = archive.read("mimetype").strip()
            except KeyError:
                raise _wrong_content(name) from None
        if mimetype != ODF_MIMETYPES[ext]:
            raise _wrong_content(name)
    elif ext in {"csv", "txt"}:
        _check_plain_text(data, name)
    elif ext in IMAGE_SIGNATURES:
        _check_image(data, name, ext)
    return ext


def _zip_names(data, name):
    if not data.startswith(b"PK\x03\x04"):
        raise _wrong_content(name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, ValueError):
        raise _wrong_content(name) from None


def _check_image(data, name, ext):
    """A real JPEG or PNG photo: the signature, then Pillow reads its header and checks its structure."""
    if not data.startswith(IMAGE_SIGNATURES[ext]):
        raise _wrong_content(name)
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in ("JPEG", "PNG") or image.width * image.height > MAX_IMAGE_PIXELS:
                raise _wrong_content(name)
            image.verify()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise _wrong_content(name) from None


def _check_plain_text(data, name):
    if b"\x00" in data:
        raise _wrong_content(name)
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _wrong_content(name)
    if any(ch in text for ch in "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x1b"):
        raise _wrong_content(name)
    sample = text[:4096].lstrip().lower().encode("utf-8", "ignore")
    if sample.startswith(b"<") or any(hint in sample for hint in MARKUP_HINTS):
        raise _wrong_content(name)
