"""The demo content's data files: English in content/*.toml, Tajik and Russian in translations/*.po."""

from pathlib import Path

import polib

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

DEMO_DIR = Path(__file__).resolve().parent
SEEDS_DIR = DEMO_DIR / "seeds"
# Texts kept exactly as written, line breaks included: the content of a file, not a paragraph.
VERBATIM_KEYS = {"file_text"}


def read_content(name):
    """One content file (e.g. "programme"), with the line breaks of long texts folded into spaces."""
    with open(DEMO_DIR / "content" / f"{name}.toml", "rb") as file:
        return _fold(tomllib.load(file))


def _fold(value, key=None):
    if isinstance(value, dict):
        return {k: _fold(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_fold(v, key) for v in value]
    if isinstance(value, str) and key not in VERBATIM_KEYS:
        return " ".join(value.split())
    return value


class Translations:
    """The demo's Tajik and Russian texts, read from the PO files once for a run of the loader.

    A text is looked up by its English (the msgid). `context` names the content file whose
    msgctxt entries come first ("courses", "library"), for the few texts it translates differently.
    """

    def __init__(self, languages):
        self.languages = list(languages)
        self.catalogues = {code: _read_po(DEMO_DIR / "translations" / f"{code}.po") for code in languages}

    def get(self, language, english, context=None):
        catalogue = self.catalogues.get(language, {})
        return catalogue.get((context, english)) or catalogue.get((None, english))


def _read_po(path):
    if not path.exists():
        return {}
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr
        for entry in polib.pofile(str(path))
        if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
    }
