"""Upload checks: the extension must be on the allowlist AND the content must match it.

No system libmagic: signatures are checked here (``filetype`` helps spot disguised files). Every check
is bounded: a zip's entries are counted from its last bytes before it is opened, its sizes and
compression ratios are read from its directory and never unpacked beyond MAX_PART_READ, and all of it
must finish within UPLOAD_CHECK_SECONDS. Macros (VBA in Office files old and new, Basic and scripts in
ODF), embedded programs and packages, and references to files elsewhere (a remote template) are refused.
"""

import io
import re
import struct
import time
import zipfile

import filetype
import olefile
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
# The stream an old-style Office file of each kind must have (any of them).
OLE_MAIN_STREAM = {"doc": {"worddocument"}, "xls": {"workbook", "book"}, "ppt": {"powerpoint document"}}
# Storages and streams that hold macros (Word, Excel, PowerPoint) or embedded packages (any file).
OLE_MACRO_NAMES = {"macros", "vba", "_vba_project_cur", "_vba_project", "vbaproject"}
OLE_EMBEDDED_NAMES = {"\x01ole10native", "package"}
PROGRAM_MARKERS = (b"This program cannot be run in DOS mode", b"This program must be run under Win32")
# Bounds on a zip-based file (a real document has tens to a few hundred parts, compressed at most
# about 20 to 1): more than this is a decompression bomb or made to hold a worker, not a document.
MAX_ZIP_ENTRIES = 5000
MAX_ZIP_RATIO = 200
MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024
MAX_PART_READ = 2 * 1024 * 1024  # the most we unpack of one part we look inside
# Parts and content types that mean macros or ActiveX in Office Open XML, whatever the part is named.
OOXML_MACRO_HINTS = re.compile(rb"vbaproject|vbadata|macroenabled|activex|ms-office\.vbaproject", re.IGNORECASE)
RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>", re.IGNORECASE)
EXTERNAL_TARGET = re.compile(rb"""TargetMode\s*=\s*["']External["']""", re.IGNORECASE)
HYPERLINK_TYPE = re.compile(rb"""Type\s*=\s*["'][^"']*/hyperlink["']""", re.IGNORECASE)
ODF_MACRO_FOLDERS = ("basic/", "scripts/")
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


def _refused(code, message, name):
    return ValidationError(message, code=code, params={"name": name})


def _macros(name):
    return _refused(
        "macros", _("“%(name)s” contains macros, which we do not accept. Save it without macros and try again."), name
    )


def _embedded(name):
    return _refused(
        "embedded",
        _(
            "“%(name)s” has a program or another file hidden inside it, which we do not accept. "
            "Save it again as a plain document."
        ),
        name,
    )


def _external(name):
    return _refused(
        "external",
        _(
            "“%(name)s” loads parts of itself from the internet (a remote template). "
            "Save it as a plain document and try again."
        ),
        name,
    )


def _too_complex(name):
    return _refused(
        "too_complex",
        _(
            "“%(name)s” is built in a way we cannot check (too many parts, or parts packed too tightly). "
            "Save it again as a plain document."
        ),
        name,
    )


class _Deadline:
    def __init__(self, name):
        self.name = name
        self.at = time.monotonic() + getattr(settings, "UPLOAD_CHECK_SECONDS", 5)

    def check(self):
        if time.monotonic() >= self.at:
            raise _too_complex(self.name)


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

    deadline = _Deadline(name)
    upload.seek(0)
    data = upload.read(max_upload_bytes() + 1)
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
    elif ext in OLE_MAIN_STREAM:
        _check_ole(data, name, ext, deadline)
    elif ext in OOXML_MAIN_PART:
        _check_ooxml(data, name, ext, deadline)
    elif ext in ODF_MIMETYPES:
        _check_odf(data, name, ext, deadline)
    elif ext in {"csv", "txt"}:
        _check_plain_text(data, name)
    elif ext in IMAGE_SIGNATURES:
        _check_image(data, name, ext)
    deadline.check()
    return ext


def _check_ole(data, name, ext, deadline):
    """An old-style Office file: a sound compound file with the main stream of its kind, no macros, no
    embedded package or program."""
    if not data.startswith(OLE2_SIGNATURE):
        raise _wrong_content(name)
    if any(marker in data for marker in PROGRAM_MARKERS):
        raise _embedded(name)
    try:
        with olefile.OleFileIO(data) as ole:
            paths = ole.listdir(streams=True, storages=True)
    except Exception:  # noqa: BLE001 - olefile raises many kinds of error on a broken file: all mean "not honest"
        raise _wrong_content(name) from None
    deadline.check()
    parts = {part.lower() for path in paths for part in path}
    if not {path[0].lower() for path in paths} & OLE_MAIN_STREAM[ext]:
        raise _wrong_content(name)
    if parts & OLE_MACRO_NAMES:
        raise _macros(name)
    if parts & OLE_EMBEDDED_NAMES:
        raise _embedded(name)


def _zip_directory(data):
    """(entries, directory size in bytes) as a zip's end record says, read without parsing its directory."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or len(data) < end + 22:
        return None, None
    return struct.unpack("<HI", data[end + 10 : end + 16])


def _open_zip(data, name, deadline):
    """The archive, once its size is known to be bounded: entries, total size, compression ratios."""
    if not data.startswith(b"PK\x03\x04"):
        raise _wrong_content(name)
    count, directory_size = _zip_directory(data)
    if count is None:
        raise _wrong_content(name)
    if count >= 0xFFFF or count > MAX_ZIP_ENTRIES:  # 0xFFFF: a zip64 count, never needed by a document
        raise _too_complex(name)
    if directory_size > MAX_ZIP_ENTRIES * 512:  # zipfile reads the directory by its size, whatever the count says
        raise _too_complex(name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, NotImplementedError, OSError):
        raise _wrong_content(name) from None
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise _too_complex(name)
    total = 0
    for entry in entries:
        total += entry.file_size
        if entry.file_size > 1024 * 1024 and entry.file_size > MAX_ZIP_RATIO * max(entry.compress_size, 1):
            raise _too_complex(name)
    if total > MAX_ZIP_UNCOMPRESSED:
        raise _too_complex(name)
    deadline.check()
    return archive


def _read_part(archive, entry_name, name):
    """At most MAX_PART_READ bytes of one part (whatever size its directory claims)."""
    try:
        with archive.open(entry_name) as part:
            return part.read(MAX_PART_READ)
    except KeyError:
        return None
    except (zipfile.BadZipFile, ValueError, NotImplementedError, OSError, EOFError, RuntimeError):
        raise _wrong_content(name) from None


def _check_ooxml(data, name, ext, deadline):
    """A .docx, .xlsx or .pptx: its main part, no macros or ActiveX (by part name or declared type), no
    external reference but web links (a remote template loads code and tells its owner who opened it)."""
    with _open_zip(data, name, deadline) as archive:
        names = archive.namelist()
        if "[Content_Types].xml" not in names or OOXML_MAIN_PART[ext] not in names:
            raise _wrong_content(name)
        if any(OOXML_MACRO_HINTS.search(entry.encode("utf-8", "replace")) for entry in names):
            raise _macros(name)
        if OOXML_MACRO_HINTS.search(_read_part(archive, "[Content_Types].xml", name) or b""):
            raise _macros(name)
        for entry in names:
            if not entry.lower().endswith(".rels"):
                continue
            deadline.check()
            rels = _read_part(archive, entry, name) or b""
            if OOXML_MACRO_HINTS.search(rels):
                raise _macros(name)
            for relationship in RELATIONSHIP.findall(rels):
                if EXTERNAL_TARGET.search(relationship) and not HYPERLINK_TYPE.search(relationship):
                    raise _external(name)


def _check_odf(data, name, ext, deadline):
    """An .odt or .ods: the right mimetype, and no Basic or script macros."""
    with _open_zip(data, name, deadline) as archive:
        if (_read_part(archive, "mimetype", name) or b"").strip() != ODF_MIMETYPES[ext]:
            raise _wrong_content(name)
        if any(entry.lower().startswith(ODF_MACRO_FOLDERS) for entry in archive.namelist()):
            raise _macros(name)


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
