"""Cells for CSV and XLSX files that people open in Excel or LibreOffice."""

import csv
import io

BYTE_ORDER_MARK = "\ufeff"  # without it, Excel on Windows opens UTF-8 as the local code page: Cyrillic garbled
# A cell starting with one of these is read as a formula by Excel and LibreOffice (CSV formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value):
    """A value for a spreadsheet cell: text that would start a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(columns, rows):
    """A CSV file of these dict rows under a header of their columns, as Excel opens it."""
    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([as_text(row[name]) for name in columns])
    return out.getvalue()
