"""The shared PDF pieces: the bundled font prints every Tajik letter, and QR codes decode."""

import io

import zxingcpp
from pypdf import PdfReader

from home.pdf import FONT_DIR, FONT_FAMILY, add_qr_code, new_document

TAJIK_LETTERS = "ҷғӯҳқӣҶҒӮҲҚӢ"


def make_pdf(text, qr_data=None):
    pdf = new_document(title=text, lang="tg")
    pdf.add_page()
    for style in ("B", ""):
        pdf.set_font(FONT_FAMILY, style, 11)
        pdf.multi_cell(0, text=text, new_x="LMARGIN", new_y="NEXT")
    if qr_data:
        add_qr_code(pdf, qr_data, x=20, y=150, size=35)
    return PdfReader(io.BytesIO(bytes(pdf.output())))


def test_tajik_russian_and_english_text_survives_into_the_pdf():
    text = f"Шаҳодатнома {TAJIK_LETTERS} — Свидетельство «ёж» № 5 — Certificate naïve"
    reader = make_pdf(text)
    extracted = reader.pages[0].extract_text()
    assert extracted.count(text) == 2  # regular and bold
    fonts = {str(font["/BaseFont"]) for font in _page_fonts(reader.pages[0])}
    assert all("NotoSans" in name for name in fonts) and len(fonts) == 2


def test_the_bundled_font_and_its_licence_are_in_the_repository():
    assert {path.name for path in FONT_DIR.iterdir()} >= {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "OFL.txt"}
    assert "SIL OPEN FONT LICENSE" in (FONT_DIR / "OFL.txt").read_text()


def test_a_qr_code_in_the_pdf_decodes_to_its_address():
    address = "https://hamkori.example/tg/certificates/verify/?code=ABCD-2345"
    reader = make_pdf("QR", qr_data=address)
    (image,) = reader.pages[0].images
    assert [result.text for result in zxingcpp.read_barcodes(image.image)] == [address]


def _page_fonts(page):
    return [font.get_object() for font in page["/Resources"]["/Font"].values()]
