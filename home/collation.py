"""Alphabetical order as a reader of each language expects it, for every list and choice sorted by name.

Code-point order puts the Tajik letters (ғ ӣ қ ӯ ҳ ҷ) after я, and a database sorts by its own
collation, which differs between SQLite and PostgreSQL deployments. So names are sorted in Python
with ``sort_key``; the lists concerned (organisations, thematic areas) are short.

Tajik and Russian share one Cyrillic order: the Tajik alphabet with the Russian-only letters at
their Russian places (ц after ҳ, щ after ш, ы and ь after ъ), which is also the Russian alphabet with
each Tajik letter after its base letter. A Tajik or Russian reader sees Cyrillic before Latin; an
English reader sees Latin first.
"""

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import get_language

CYRILLIC = "абвгғдеёжзиӣйкқлмнопрстуӯфхҳцчҷшщъыьэюя"
LATIN = "abcdefghijklmnopqrstuvwxyz"


def _ranks(first, second):
    ranks = {}
    for offset, letters in ((0, first), (100, second)):
        for position, letter in enumerate(letters):
            ranks[letter] = offset + position + 1
    return ranks


RANKS = {"latin_first": _ranks(LATIN, CYRILLIC), "cyrillic_first": _ranks(CYRILLIC, LATIN)}


def sort_key(text, language=None):
    """A key that orders names alphabetically in the language (the active one by default).

    Case and punctuation (quotes, dashes) are ignored except to break ties; digits come first,
    other letters last in code-point order.
    """
    language = (language or get_language() or "en").split("-")[0]
    ranks = RANKS["latin_first" if language == "en" else "cyrillic_first"]
    folded = str(text).casefold()
    letters = []
    for character in folded:
        if character in ranks:
            letters.append(ranks[character])
        elif character.isdigit():
            letters.append(ord(character) - ord("0") - 10)  # before every letter
        elif character.isalpha():
            letters.append(1000 + ord(character))
        elif character.isspace() and letters and letters[-1] != 0:
            letters.append(0)  # a word ends before any longer word with the same start
    return (tuple(letters), folded)


def sorted_by_name(items, key=str, language=None):
    """The items in the language's alphabetical order of ``key(item)`` (their name as shown by default)."""
    return sorted(items, key=lambda item: sort_key(key(item), language))


class AlphabeticalChoiceIterator(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in sorted(self.queryset, key=self.field.order_key):
            yield self.choice(obj)


class AlphabeticalModelChoiceField(forms.ModelChoiceField):
    """A model choice list in the reader's alphabetical order of the labels it shows."""

    iterator = AlphabeticalChoiceIterator

    def order_key(self, obj):
        return sort_key(self.label_from_instance(obj))
