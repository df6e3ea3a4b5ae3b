"""Issue 16 item 5: every upload check is bounded (zip entries, compression ratio, total size, time);
macros, embedded programs and external templates are refused; over-size bodies are refused before
they are read, for anonymous posts too; no temporary file is left behind."""

import time
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import FakePayload

from library.validators import validate_library_file
from tests.library.conftest import submission_data
from tests.office_files import RELS, docx, odt, ole_file, zip_file

SUBMIT = "/en/library/submit/"
EXTERNAL_TEMPLATE = RELS.format(
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'attachedTemplate" Target="http://evil.example/t.dotm" TargetMode="External"/>'
)
EXTERNAL_LINK = RELS.format(
    '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'hyperlink" Target="https://moj.tj/" TargetMode="External"/>'
)
VBA_TYPE = '<Override PartName="/word/settings2.bin" ContentType="application/vnd.ms-office.vbaProject"/>'
MACRO_MAIN = '<Default Extension="xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/>'


def refusal(name, content):
    with pytest.raises(ValidationError) as error:
        validate_library_file(SimpleUploadedFile(name, content))
    return error.value.error_list[0].code


HONEST = {
    "doc": ("a.doc", ole_file({"WordDocument": b"text" * 2000, "\x01CompObj": b"c"})),
    "xls": ("a.xls", ole_file({"Workbook": b"cells" * 2000})),
    "ppt": ("a.ppt", ole_file({"PowerPoint Document": b"slides" * 2000, "Pictures": b"p"})),
    "docx": ("a.docx", docx()),
    "docx with a web link": ("a.docx", docx({"word/_rels/document.xml.rels": EXTERNAL_LINK})),
    "odt": ("a.odt", odt()),
}


@pytest.mark.parametrize("name,content", HONEST.values(), ids=HONEST.keys())
def test_honest_office_files_pass(name, content):
    assert validate_library_file(SimpleUploadedFile(name, content)) == name.rsplit(".", 1)[1]


HOSTILE = {
    "doc with macros": ("a.doc", ole_file({"WordDocument": b"t", "Macros/VBA": b"Sub AutoOpen()"}), "macros"),
    "xls with macros": ("a.xls", ole_file({"Workbook": b"c", "_VBA_PROJECT_CUR/VBA": b"Sub"}), "macros"),
    "ppt with macros": ("a.ppt", ole_file({"PowerPoint Document": b"s", "_VBA_PROJECT": b"v"}), "macros"),
    "doc with an embedded package": (
        "a.doc",
        ole_file({"WordDocument": b"t", "ObjectPool/\x01Ole10Native": b"MZ payload"}),
        "embedded",
    ),
    "doc carrying a program": (
        "a.doc",
        ole_file({"WordDocument": b"MZ\x90\x00" + b"This program cannot be run in DOS mode." + b"\0" * 64}),
        "embedded",
    ),
    "doc whose body is a program": (
        "a.doc",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"MZ\x90\x00" + b"\x00" * 5000,
        "content_mismatch",
    ),
    "doc that is really a spreadsheet": ("a.doc", ole_file({"Workbook": b"c"}), "content_mismatch"),
    "docx with a renamed macro part": (
        "a.docx",
        docx({"word/settings2.bin": b"\xd0\xcf\x11\xe0macro"}, content_types_extra=VBA_TYPE),
        "macros",
    ),
    "docx declared macro-enabled": ("a.docx", docx(content_types_extra=MACRO_MAIN), "macros"),
    "docx with ActiveX": ("a.docx", docx({"word/activeX/activeX1.bin": b"x"}), "macros"),
    "docx with a remote template": ("a.docx", docx({"word/_rels/settings.xml.rels": EXTERNAL_TEMPLATE}), "external"),
    "odt with Basic macros": ("a.odt", odt({"Basic/Standard/Module1.xml": "<script/>"}), "macros"),
    "odt with scripts": ("a.odt", odt({"Scripts/python/run.py": "import os"}), "macros"),
}


@pytest.mark.parametrize("name,content,code", HOSTILE.values(), ids=HOSTILE.keys())
def test_macros_programs_and_remote_templates_are_refused(name, content, code):
    assert refusal(name, content) == code


def test_a_zip_with_a_huge_number_of_entries_is_refused_at_once():
    buffer = {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}
    buffer.update({f"word/media/{n}.xml": "" for n in range(60_000)})
    content = zip_file(buffer, compression=zipfile.ZIP_STORED)
    started = time.monotonic()
    assert refusal("a.docx", content) == "too_complex"
    assert time.monotonic() - started < 1


def test_a_zip_bomb_is_refused_without_unpacking_it():
    content = docx({"word/media/image1.xml": b"\0" * (60 * 1024 * 1024)})
    assert len(content) < 200 * 1024
    started = time.monotonic()
    assert refusal("a.docx", content) == "too_complex"
    assert time.monotonic() - started < 1


def test_checks_that_take_too_long_are_refused(settings):
    settings.UPLOAD_CHECK_SECONDS = 0
    assert refusal("a.docx", docx()) == "too_complex"


def huge_post(client, length):
    """A multipart POST that says it is `length` bytes long: reading it would fail the test."""
    payload = FakePayload(b"--x\r\n")
    return client.generic(
        "POST",
        SUBMIT,
        CONTENT_TYPE="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": payload},
    )


def test_an_anonymous_over_size_post_is_refused_before_it_is_read(client, db):
    response = huge_post(client, 50 * 1024 * 1024)
    assert response.status_code == 413


def test_a_made_up_session_cookie_gets_only_the_anonymous_limit(client, db, settings):
    client.cookies[settings.SESSION_COOKIE_NAME] = "x" * 32
    response = huge_post(client, 50 * 1024 * 1024)
    assert response.status_code == 413
    assert "larger than 5 MB" in response.content.decode()


def test_a_members_over_size_post_is_refused_before_it_is_read(client, newcomer, settings):
    client.force_login(newcomer)
    response = huge_post(client, (5 * settings.LIBRARY_MAX_UPLOAD_MB + 2) * 1024 * 1024)
    assert response.status_code == 413
    assert "larger than 101 MB" in response.content.decode()
    response = client.generic("POST", "/tg/library/submit/", CONTENT_TYPE="multipart/form-data; boundary=x",
                              CONTENT_LENGTH=str(200 * 1024 * 1024), **{"wsgi.input": FakePayload(b"")})  # fmt: skip
    assert response.status_code == 413
    assert "МБ" in response.content.decode()  # in the reader's language


def test_a_refused_large_upload_leaves_no_temporary_file(client, newcomer, settings, tmp_path):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024  # every upload goes through a temporary file
    client.force_login(newcomer)
    bomb = docx({"word/media/image1.xml": b"\0" * (20 * 1024 * 1024)})
    response = client.post(SUBMIT, submission_data(files=[SimpleUploadedFile("a.docx", bomb)]))
    assert response.status_code == 400
    assert list(tmp_path.iterdir()) == []


def test_a_killed_workers_partial_uploads_are_removed(monkeypatch, tmp_path):
    """gunicorn.conf.py: each worker receives uploads in a folder of its own, removed when it ends, even killed."""
    import importlib.util
    import os
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("gunicorn_conf", Path(__file__).parents[2] / "gunicorn.conf.py")
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    monkeypatch.setattr(conf, "UPLOAD_TEMP_ROOT", str(tmp_path))
    monkeypatch.setenv("FILE_UPLOAD_TEMP_DIR", "")  # put back as it was after the test

    class Worker:
        pid = os.getpid()

    conf.post_fork(None, Worker())
    folder = Path(os.environ["FILE_UPLOAD_TEMP_DIR"])
    assert folder.parent == tmp_path and folder.is_dir()
    (folder / "tmpab12.upload.docx").write_bytes(b"half a file")
    conf.child_exit(None, Worker())
    assert list(tmp_path.iterdir()) == []
