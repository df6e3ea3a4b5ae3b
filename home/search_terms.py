import re

# Double quotes and control characters break SQLite's full-text query syntax (and NUL PostgreSQL's
# strings); nobody needs them to find a page.
_UNSAFE = re.compile(r'["\x00-\x1f\x7f]')


def search_terms(raw, max_length=200):
    """The reader's query made safe for every search backend, spaces collapsed, at most max_length."""
    return " ".join(_UNSAFE.sub(" ", raw).split())[:max_length]
