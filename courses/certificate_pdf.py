"""The certificate as a one-page A4 PDF in one language, with a QR code to its public verification page."""

from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from home.addresses import public_url
from home.pdf import FONT_FAMILY, add_qr_code, new_document

WIDTH, HEIGHT = 297, 210  # A4 landscape, millimetres
MARGIN = 22
INK = (33, 37, 41)
ACCENT = (11, 107, 79)  # the site's green
MUTED = (84, 96, 90)


def verification_url(certificate, language):
    """The public address that checks this certificate, in `language` (what the QR code holds)."""
    with translation.override(language):
        path = reverse("courses:verify", args=[certificate.code])
    return public_url(path)


def certificate_pdf(certificate, course_title, language):
    """The PDF bytes of `certificate` in `language`; `course_title` is the course's title in that language."""
    with translation.override(language):
        url = verification_url(certificate, language)
        date = formats.date_format(certificate.issued_at, "DATE_FORMAT")
        pdf = new_document(
            title=f"{_('Certificate of completion')}: {course_title}",
            lang=language,
            orientation="L",
            created=certificate.issued_at,
        )
        pdf.set_author(settings.WAGTAIL_SITE_NAME)
        pdf.set_auto_page_break(False)
        pdf.set_margins(MARGIN, MARGIN)
        pdf.add_page()
        _frame(pdf)
        text_width = WIDTH - 2 * MARGIN

        pdf.set_xy(MARGIN, 30)
        _line(pdf, settings.WAGTAIL_SITE_NAME.upper(), 12, "B", ACCENT, text_width)
        pdf.set_y(44)
        _line(pdf, _("Certificate of completion"), 28, "B", INK, text_width)
        pdf.ln(8)
        _line(pdf, _("This certifies that"), 13, "", MUTED, text_width)
        pdf.ln(3)
        _fitted(pdf, certificate.learner_name, 26, "B", INK, text_width)
        pdf.ln(4)
        _line(pdf, _("has completed the course"), 13, "", MUTED, text_width)
        pdf.ln(3)
        _fitted(pdf, course_title, 18, "B", ACCENT, text_width)
        pdf.ln(5)
        _line(pdf, _("Completed on %(date)s") % {"date": date}, 13, "", INK, text_width)

        # Bottom band: issuer and code on the left, the QR code on the right.
        qr_size = 38
        qr_x, qr_y = WIDTH - MARGIN - qr_size, HEIGHT - MARGIN - qr_size - 4
        left_width = qr_x - MARGIN - 8
        pdf.set_xy(MARGIN, qr_y + 2)
        pdf.set_text_color(*INK)
        pdf.set_font(FONT_FAMILY, "B", 11)
        pdf.multi_cell(left_width, 6, _("Issued by %(issuer)s") % {"issuer": issuer_name()}, align="L", **_NEXT)
        pdf.set_font(FONT_FAMILY, "", 10)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(left_width, 5, _("Civil-society learning platform, Tajikistan"), align="L", **_NEXT)
        pdf.ln(3)
        pdf.set_text_color(*INK)
        pdf.set_font(FONT_FAMILY, "", 11)
        pdf.multi_cell(left_width, 6, f"{_('Verification code')}: {certificate.code}", align="L", **_NEXT)
        pdf.set_font(FONT_FAMILY, "", 9)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(left_width, 5, f"{_('Check it at')} {url}", align="L", **_NEXT)
        add_qr_code(pdf, url, x=qr_x, y=qr_y, size=qr_size, alt_text=_("Verification code") + ": " + url)
        pdf.set_xy(qr_x - 10, qr_y + qr_size)
        pdf.set_font(FONT_FAMILY, "", 8)
        pdf.cell(qr_size + 20, 4, _("Scan to verify"), align="C")
        return bytes(pdf.output())


def issuer_name():
    return settings.WAGTAIL_SITE_NAME


_NEXT = {"new_x": "LMARGIN", "new_y": "NEXT"}


def _frame(pdf):
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, WIDTH - 20, HEIGHT - 20)
    pdf.set_line_width(0.3)
    pdf.rect(13, 13, WIDTH - 26, HEIGHT - 26)


def _line(pdf, text, size, style, colour, width):
    pdf.set_font(FONT_FAMILY, style, size)
    pdf.set_text_color(*colour)
    pdf.set_x(MARGIN)
    pdf.multi_cell(width, size * 0.5, text, align="C", **_NEXT)


def _fitted(pdf, text, size, style, colour, width, max_lines=2):
    """Centred text in at most `max_lines` lines, made smaller until it fits (long names, long titles)."""
    pdf.set_font(FONT_FAMILY, style, size)
    while size > 9 and len(pdf.multi_cell(width, size * 0.5, text, dry_run=True, output="LINES")) > max_lines:
        size -= 1
        pdf.set_font(FONT_FAMILY, style, size)
    _line(pdf, text, size, style, colour, width)
