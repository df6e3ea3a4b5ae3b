"""How the site search reads words: one normaliser for indexing and for queries, in Python only.

A word becomes a few *keys*, from the most exact to the loosest:

1. the normalised word (NFC, Latin look-alikes inside Cyrillic words made Cyrillic, ``һ`` read as
   ``ҳ``, combining macrons joined to ``ӣ``/``ӯ``, stress marks dropped, lower case);
2. the folded word: ``ғ ӣ қ ӯ ҳ ҷ ё`` read as ``г и к у х ч е``, as on a Russian keyboard;
3. the bridged word (Tajik and Russian only): a Latin spelling transliterated to Cyrillic and the
   Russian ``дж`` read as ``ч`` (for ``ҷ``), so ``Khujand``, ``Худжанд`` and ``Хуҷанд`` meet;
4. the stem: Snowball's English or Russian stemmer, or for Tajik a small rule that takes off
   plural, case and possessive endings.

The index stores every key of every word of a page; a query word matches a page through any of its
keys and ranks by the most exact one. Nothing here depends on the database, so SQLite and
PostgreSQL give the same answers.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

MIN_WORD_LENGTH = 2
MAX_WORD_LENGTH = 60

# Latin letters that look like Cyrillic ones, read as Cyrillic inside a word that has Cyrillic in it.
_LOOKALIKES = str.maketrans(
    {
        "a": "а",
        "c": "с",
        "e": "е",
        "h": "һ",
        "k": "к",
        "o": "о",
        "p": "р",
        "x": "х",
        "y": "у",
        "A": "А",
        "B": "В",
        "C": "С",
        "E": "Е",
        "H": "Н",
        "K": "К",
        "M": "М",
        "O": "О",
        "P": "Р",
        "T": "Т",
        "X": "Х",
        "Y": "У",
    }
)
_FOLD = str.maketrans({"ғ": "г", "ӣ": "и", "қ": "к", "ӯ": "у", "ҳ": "х", "ҷ": "ч", "ё": "е"})
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z]")
WORD = re.compile(r"[^\W_]+(?:[\u0300-\u036f]+[^\W_]*)*")

# Latin spellings of Tajik and Russian names (after lower case), longest first.
_LATIN_TO_CYRILLIC = [
    ("shch", "щ"),
    ("dzh", "ч"),
    ("kh", "х"),
    ("zh", "ж"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("gh", "г"),
    ("ts", "ц"),
    ("yo", "е"),
    ("yu", "ю"),
    ("ya", "я"),
    ("ye", "е"),
    ("dj", "ч"),
]
_LATIN_SINGLE = str.maketrans(
    {
        "a": "а",
        "b": "б",
        "c": "к",
        "d": "д",
        "e": "е",
        "f": "ф",
        "g": "г",
        "h": "х",
        "i": "и",
        "j": "ч",
        "k": "к",
        "l": "л",
        "m": "м",
        "n": "н",
        "o": "о",
        "p": "п",
        "q": "к",
        "r": "р",
        "s": "с",
        "t": "т",
        "u": "у",
        "v": "в",
        "w": "в",
        "x": "х",
        "y": "й",
        "z": "з",
    }
)
_LATIN_PAIRS = re.compile("|".join(latin for latin, _cyrillic in _LATIN_TO_CYRILLIC))
_LATIN_PAIR_MAP = dict(_LATIN_TO_CYRILLIC)

# Tajik endings, folded, taken off the end of a word one layer at a time (object marker, then
# izofat or indefinite -и, then possessives, then the plural). A stem keeps at least 3 letters.
TAJIK_ENDING_LAYERS = [
    ("ро",),
    ("и", "е"),
    ("амон", "атон", "ашон", "ямон", "ятон", "яшон", "ам", "ат", "аш", "ям", "ят", "яш"),
    ("хо", "гон", "ён", "он", "вон"),
]
MIN_STEM_LENGTH = 3

_STEMMERS = {"en": snowballstemmer.stemmer("english"), "ru": snowballstemmer.stemmer("russian")}


def normalise(text):
    """NFC, look-alikes, ``һ``, macrons, no stress marks, lower case; letters are not folded."""
    text = unicodedata.normalize("NFC", text)
    text = WORD.sub(_normalise_word, text)
    return text


def _normalise_word(match):
    word = match.group(0)
    if _CYRILLIC.search(word) and _LATIN.search(word):
        word = word.translate(_LOOKALIKES)
    word = word.replace("һ", "ҳ").replace("Һ", "Ҳ")
    word = unicodedata.normalize("NFC", word.replace("и\u0304", "ӣ").replace("у\u0304", "ӯ"))
    word = "".join(char for char in word if not unicodedata.combining(char))
    return word.lower()


def fold(word):
    return word.translate(_FOLD)


def bridge(folded):
    """A folded word as Russian keyboards and Latin spellings meet it: Cyrillic, ``дж`` read as ``ч``."""
    if _LATIN.search(folded):
        folded = _LATIN_PAIRS.sub(lambda match: _LATIN_PAIR_MAP[match.group(0)], folded)
        folded = folded.translate(_LATIN_SINGLE)
    return folded.replace("дж", "ч")


def tajik_stem(word):
    """The folded Tajik word without its plural, case and possessive endings."""
    for layer in TAJIK_ENDING_LAYERS:
        for ending in layer:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM_LENGTH:
                word = word[: -len(ending)]
                break
    return word


def stem(word, language):
    if language == "tg":
        return tajik_stem(word)
    stemmer = _STEMMERS.get(language)
    return stemmer.stemWord(word) if stemmer else word


def words(text):
    """The normalised words of a text, in order, one- and overlong words left out."""
    return [
        word
        for word in (match.group(0) for match in WORD.finditer(normalise(text)))
        if MIN_WORD_LENGTH <= len(word) <= MAX_WORD_LENGTH
    ]


@lru_cache(maxsize=50_000)
def keys(word, language):
    """The keys of one normalised word, each with its exactness (4 exact ... 1 stem)."""
    found = {}
    folded = fold(word)
    bridged = bridge(folded) if language in ("tg", "ru") else folded
    for key, level in ((word, 4), (folded, 3), (bridged, 2), (stem(bridged, language), 1)):
        if key and key not in found:
            found[key] = level
    return found


def edit_distance(first, second, limit=2):
    """Damerau-Levenshtein distance (adjacent swaps count once), or limit + 1 when it is larger."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous_row = None
    row = list(range(len(second) + 1))
    for i, char in enumerate(first, 1):
        before, previous_row, row = previous_row, row, [i] + [0] * len(second)
        for j, other in enumerate(second, 1):
            row[j] = min(previous_row[j] + 1, row[j - 1] + 1, previous_row[j - 1] + (char != other))
            if before is not None and i > 1 and j > 1 and char == second[j - 2] and first[i - 2] == other:
                row[j] = min(row[j], before[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
    return row[-1]


def title_score(query_words, title, language):
    """How well a title matches every query word as an editor types it (0: it does not).

    Each query word counts its most exact key shared with a word of the title; a word still being
    typed matches the start of a title word in its bridged form (``хок`` and ``Khuj`` find
    ``Ҳокимият`` and ``Хуҷанд``).
    """
    title_keys = [keys(word, language) for word in words(title)]
    score = 0
    for query_word in query_words:
        query_keys = keys(query_word, language)
        query_bridged = min(query_keys, key=lambda key: (query_keys[key] < 2, query_keys[key]))
        best = 0
        for word_keys in title_keys:
            shared = [level for key, level in query_keys.items() if key in word_keys]
            best = max(best, *shared, 0)
            if not best and any(key.startswith(query_bridged) for key, level in word_keys.items() if level >= 2):
                best = 2
        if not best:
            return 0
        score += best
    return score
