"""PDF documents the site prints (certificates, study packs): the bundled font and QR codes.

The font is a subset of Noto Sans (OFL 1.1, home/fonts/OFL.txt) with Latin, Cyrillic and the Cyrillic
Supplement, so every Tajik letter (ғ ӣ қ ӯ ҳ ҷ) prints; the core PDF fonts and Liberation 1.x have
none of them. fpdf2 embeds only the glyphs a document uses, so a one-page certificate stays small.

    from home.pdf import FONT_FAMILY, add_qr_code, new_document

    pdf = new_document(title="…", lang="tg")
    pdf.add_page()
    pdf.set_font(FONT_FAMILY, "B", 24)          # styles: "" (regular) and "B" (bold)
    pdf.cell(text="Шаҳодатнома", new_x="LMARGIN", new_y="NEXT")
    add_qr_code(pdf, "https://…/tg/certificates/verify/?code=…", x=20, y=200, size=35)
    data = bytes(pdf.output())
"""

import datetime
import io
import logging
from pathlib import Path

import segno
from fpdf import FPDF

# fontTools reports every subset it makes at INFO level; that is noise in the site's logs.
logging.getLogger("fontTools").setLevel(logging.WARNING)

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FAMILY = "NotoSans"
_FONT_FILES = {
    "": "NotoSans-Regular.ttf",
    "B": "NotoSans-Bold.ttf",
    # No italic is bundled: <em> in rich text prints upright rather than failing.
    "I": "NotoSans-Regular.ttf",
    "BI": "NotoSans-Bold.ttf",
}


def register_fonts(pdf: FPDF) -> None:
    """Make the bundled font available to `pdf` as FONT_FAMILY, in styles "", "B", "I" and "BI"."""
    for style, name in _FONT_FILES.items():
        pdf.add_font(FONT_FAMILY, style=style, fname=FONT_DIR / name)


def new_document(*, title: str, lang: str, orientation: str = "P", created: datetime.datetime | None = None) -> FPDF:
    """An A4 document with the bundled font registered and selected, and its metadata set.

    `created` fixes the creation date (so a rebuild of the same content gives the same bytes);
    it defaults to now.
    """
    pdf = FPDF(orientation=orientation, unit="mm", format="A4")
    register_fonts(pdf)
    pdf.set_font(FONT_FAMILY, size=11)
    pdf.set_title(title)
    pdf.set_lang(lang)
    pdf.set_creator("Hamkori")
    pdf.set_producer("Hamkori")
    pdf.set_creation_date(created or datetime.datetime.now(datetime.timezone.utc))
    return pdf


def qr_png(data: str, *, scale: int = 8) -> bytes:
    """A PNG of a QR code for `data` (medium error correction, the standard four-module quiet zone).

    A raster of whole pixels per module stays sharp when the PDF scales it, and tests can take it
    back out of the PDF (pypdf) and decode it (zxing-cpp) without rendering the page.
    """
    buffer = io.BytesIO()
    segno.make(data, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def add_qr_code(pdf: FPDF, data: str, *, x: float, y: float, size: float, alt_text: str = "") -> None:
    """Draw a QR code for `data` on the current page, `size` millimetres square, top-left at (x, y)."""
    pdf.image(io.BytesIO(qr_png(data)), x=x, y=y, w=size, h=size, alt_text=alt_text or data)
