"""The site's own search index: live, public pages by language, read by home.search_text.

Indexing: `index_pages(pages)` replaces the entries of those pages (and of nothing else) with what
their rows in the database hold now, so a draft held in memory never reaches the index; a page that
is not live or sits under a view restriction (login, password, groups) gets no entry.

Searching: `search(query, language_code)` matches every query word through any of its keys with plain
indexed `IN` / `startswith` lookups, and the database ranks by how exactly each word matched and
whether it is in the title, so only a page of ids reaches Python even for a word in every page. The
number of queries does not grow with the number of pages. The first page of ids and the number of
matches are kept in the cache until the index next changes (`index_changed`, called by every
function here that writes to it).
"""

import hashlib
import html
from dataclasses import dataclass, field
from functools import lru_cache

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search import index as wagtail_index

from . import versions
from .models import SearchEntry, SearchTerm
from .search_text import WORD, edit_distance, keys, normalise, words

MAX_QUERY_WORDS = 8
MAX_TEXT_LENGTH = 20_000
TYPO_MIN_LENGTH = 5
BATCH_SIZE = 200
TITLE_BONUS = 5
SNIPPET_WORDS = 30


# Indexing ---------------------------------------------------------------------------------------


def _text_of(value):
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [part for item in value for part in _text_of(item)]
    if hasattr(value, "all"):  # a related manager
        return [str(item) for item in value.all()]
    return [html.unescape(strip_tags(str(value)))]


def page_text(page):
    """The text of a page's search fields other than its title (no markup), in declared order."""
    parts = []
    for search_field in page.search_fields:
        if search_field.field_name == "title":
            continue
        if isinstance(search_field, wagtail_index.SearchField):
            parts.extend(_text_of(search_field.get_value(page)))
        elif isinstance(search_field, wagtail_index.RelatedFields):
            related = getattr(page, search_field.field_name, None)
            items = related.all() if hasattr(related, "all") else [related] if related else []
            for item in items:
                for sub_field in search_field.fields:
                    if isinstance(sub_field, wagtail_index.SearchField):
                        parts.extend(_text_of(sub_field.get_value(item)))
    seen, unique = set(), []
    for part in parts:
        part = " ".join(part.split())
        if part and part not in seen:
            seen.add(part)
            unique.append(part)
    return "\n".join(unique)[:MAX_TEXT_LENGTH]


def _terms_for(entry, language):
    found = {}
    for in_title, text in ((True, entry.title), (False, entry.text)):
        for word in words(text):
            for key in keys(word, language):
                key = key[:64]
                found[key] = found.get(key, False) or in_title
    return [
        SearchTerm(
            entry=entry,
            locale_id=entry.locale_id,
            term=key,
            reversed_term=key[::-1],
            length=len(key),
            in_title=in_title,
        )
        for key, in_title in found.items()
    ]


def _restricted_paths():
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def _is_public(page, restricted_paths):
    return not any(page.path.startswith(path) for path in restricted_paths)


def index_pages(page_ids):
    """Bring the entries of these pages in line with the pages as stored now."""
    page_ids = list(page_ids)
    if not page_ids:
        return
    restricted = _restricted_paths()
    with transaction.atomic():
        SearchEntry.objects.filter(page_id__in=page_ids).delete()
        for start in range(0, len(page_ids), BATCH_SIZE):
            batch = page_ids[start : start + BATCH_SIZE]
            pages = Page.objects.filter(pk__in=batch, live=True, depth__gt=1).select_related("locale").specific()
            entries, terms = [], []
            for page in pages:
                if not _is_public(page, restricted):
                    continue
                text = page_text(page)
                entry = SearchEntry(
                    page_id=page.pk,
                    locale_id=page.locale_id,
                    title=page.title,
                    text=text,
                    size=len(page.title) + len(text),
                )
                entries.append(entry)
                terms.extend(_terms_for(entry, page.locale.language_code))
            SearchEntry.objects.bulk_create(entries)
            SearchTerm.objects.bulk_create(terms, batch_size=2000)
    index_changed()


def forget_page(page_id):
    SearchEntry.objects.filter(page_id=page_id).delete()
    index_changed()


VERSION_KEY = "search:index-version"
RESULTS_SECONDS = 600


def index_changed():
    """Every change to the index moves its version, so the kept first pages of results are not used again."""
    versions.bump(VERSION_KEY)


def index_version():
    return versions.current(VERSION_KEY)


def index_subtree(page):
    index_pages(Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True))


def rebuild():
    """Index every page again; returns the number of entries."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        index_changed()
        index_pages(Page.objects.filter(live=True, depth__gt=1).order_by("path").values_list("pk", flat=True))
    return SearchEntry.objects.count()


# Searching --------------------------------------------------------------------------------------


@dataclass
class SearchResult:
    page_ids: list
    words: list
    suggestion: str = ""  # a better query, when the one typed found nothing or had a typo
    corrected: bool = False  # True when the results are those of the suggestion
    suggestion_terms: list = field(default_factory=list)  # the suggestion as index terms
    match_keys: set = field(default_factory=set)
    ranked_keys: list = field(default_factory=list)  # the keys of each word the results match
    language: str = ""

    def matching(self, outer_ref="pk"):
        """A filter for pages (by `outer_ref`) that match every word of the results, in no order: the
        library narrows its own list with it instead of reading every id of a common word."""
        return _matching(self.ranked_keys, self.language, outer_ref)


def _matching(word_keys, language, outer_ref="pk"):
    """Pages (by `outer_ref`) with every word, through any of its keys: one EXISTS per word, served by
    the (locale, term) index (the locale as a subquery, so PostgreSQL knows it when it plans)."""
    if not word_keys:
        return Q(pk__in=[])
    condition = Q()
    for levels in word_keys:
        terms = SearchTerm.objects.filter(locale_id=_locale_id(language), term__in=list(levels))
        condition &= Q(Exists(terms.filter(entry_id=OuterRef(outer_ref))))
    return condition


def _any_match(word_keys, language):
    """Whether any entry has every word (stops at the first)."""
    return SearchEntry.objects.filter(_matching(word_keys, language, "page_id")).exists()


def _query_words(query):
    unique = []
    for word in words(query):
        if word not in unique:
            unique.append(word)
    return unique[:MAX_QUERY_WORDS]


def _score_columns(word_keys):
    """Per query word, the SQL of its best level (ten times the most exact key matched, 0 if none)
    and of its title bonus, with their parameters."""
    columns, params = [], []
    for position, levels in enumerate(word_keys):
        ordered = sorted(levels.items(), key=lambda item: -item[1])
        whens = " ".join(f"WHEN %s THEN {int(level) * 10}" for _key, level in ordered)
        columns.append(f"MAX(CASE term {whens} ELSE 0 END) AS w{position}")
        params.extend(key for key, _level in ordered)
        marks = ", ".join("%s" for _key in ordered)
        columns.append(f"MAX(CASE WHEN in_title AND term IN ({marks}) THEN {TITLE_BONUS} ELSE 0 END) AS t{position}")
        params.extend(key for key, _level in ordered)
    return columns, params


def _ranked_sql(word_keys, language):
    """The entries matching every word, best first, with how many match (one statement, ranked by the
    database): per entry and query word, ten times the most exact key matched plus a bonus if it is
    in the title; on a tie, a page that says it in fewer words comes first (as BM25's length norm
    does), then the lower id. Only the rows asked for leave the database."""
    all_keys = sorted({key for levels in word_keys for key in levels})
    columns, params = _score_columns(word_keys)
    marks = ", ".join("%s" for _key in all_keys)
    matched = " AND ".join(f"m.w{position} > 0" for position in range(len(word_keys)))
    score = " + ".join(f"m.w{position} + m.t{position}" for position in range(len(word_keys)))
    sql = (
        f"SELECT m.entry_id, COUNT(*) OVER () FROM ("  # noqa: S608 (table names from the models; values are parameters)
        f"SELECT entry_id, {', '.join(columns)} FROM {SearchTerm._meta.db_table} "
        f"WHERE locale_id = (SELECT id FROM {Locale._meta.db_table} WHERE language_code = %s) "
        f"AND term IN ({marks}) GROUP BY entry_id) m "
        f"JOIN {SearchEntry._meta.db_table} e ON e.page_id = m.entry_id "
        f"WHERE {matched} ORDER BY {score} DESC, e.size, m.entry_id"
    )
    return sql, [*params, language, *all_keys]


_UNREAD = object()


def _kept_key(kind, word_keys, language, version=None):
    """The cache key of what is kept for these query keys in this language, in this version of the index."""
    words = repr([sorted(levels.items()) for levels in word_keys])
    digest = hashlib.sha256(words.encode()).hexdigest()[:32]
    return f"search:{kind}:{index_version() if version is None else version}:{language}:{digest}"


class RankedPages:
    """The page ids matching every query word, best first, read from the database a page at a time.

    Behaves as a sequence for Paginator (len, slices); the first rows and the number of matches come
    in one query, so a first page of results costs one statement however many pages match.
    """

    FIRST = 20

    def __init__(self, word_keys, language, version=None):
        self.word_keys, self.language, self.version = word_keys, language, version
        self._first = None
        self._count = None
        self._kept = _UNREAD  # what the cache keeps for these words, once read

    def _fetch(self, limit=None, offset=0):
        sql, params = _ranked_sql(self.word_keys, self.language)
        if limit is not None:
            sql += " LIMIT %s OFFSET %s"
            params += [limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if rows:
            self._count = rows[0][1]
        elif not offset:
            self._count = 0
        return [entry_id for entry_id, _count in rows]

    def count(self):
        if self._count is None:
            # The first page and the count are the same for every reader until the index changes: kept
            # (a word in every page is then ranked once per change, not once per search).
            key = _kept_key("ranked", self.word_keys, self.language, self.version)
            self.use(cache.get(key) if self._kept is _UNREAD else self._kept)
            if self._count is None:
                self._first = self._fetch(self.FIRST)
                if self._count:  # a search that found nothing is not kept: made-up words cannot fill the cache
                    cache.set(key, self.kept(), RESULTS_SECONDS)
        return self._count

    def kept(self):
        """What the cache keeps of these results: the number of matches and the first ids."""
        return (self._count, self._first)

    def use(self, kept):
        """Take the number of matches and the first ids from the cache (None: not kept)."""
        self._kept = kept
        if kept is not None:
            self._count, self._first = kept

    def __len__(self):
        return self.count()

    def __bool__(self):
        return self.count() > 0

    def __getitem__(self, index):
        if isinstance(index, int):
            found = self[index : index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        start, stop, step = index.indices(self.count())
        if step != 1:
            return list(self)[index]
        if stop <= len(self._first):
            return self._first[start:stop]
        return self._fetch(stop - start, start) if stop > start else []

    def __iter__(self):
        return iter(self[0 : self.count()])

    def __eq__(self, other):
        return list(self) == list(other)

    def __repr__(self):
        return f"<RankedPages {self.word_keys!r}>"


def _unmatched(word_keys, language):
    """The positions of the query words that match no entry of this language (one query)."""
    locale = f"(SELECT id FROM {Locale._meta.db_table} WHERE language_code = %s)"  # noqa: S608
    parts, params = [], []
    for position, levels in enumerate(word_keys):
        marks = ", ".join("%s" for _key in levels)
        parts.append(
            f"SELECT {position} WHERE EXISTS (SELECT 1 FROM {SearchTerm._meta.db_table} "  # noqa: S608
            f"WHERE locale_id = {locale} AND term IN ({marks}))"
        )
        params.extend([language, *levels])
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        matched = {row[0] for row in cursor.fetchall()}
    return [position for position in range(len(word_keys)) if position not in matched]


def _locale_id(language):
    return Subquery(Locale.objects.filter(language_code=language).values("id")[:1])


def _nearest_terms(targets, language):
    """For each (word, furthest distance) the closest indexed term, the most used one on a tie."""
    condition = Q()
    for word, _limit in targets:
        condition |= Q(term__startswith=word[:2]) | Q(reversed_term__startswith=word[::-1][:2])
    if not condition:
        return {}
    lengths = [length for word, limit in targets for length in range(len(word) - limit, len(word) + limit + 1)]
    candidates = (
        # The locale as a subquery, not a join: PostgreSQL then reads only the two prefixes' index ranges.
        SearchTerm.objects.filter(condition, locale_id=_locale_id(language), length__in=set(lengths))
        .values("term")
        .annotate(uses=Count("id"))
        .values_list("term", "uses")
    )
    candidates = list(candidates[:5000])
    nearest = {}
    for word, limit in targets:
        best = None
        for term, uses in candidates:
            distance = edit_distance(word, term, limit)
            if 0 < distance <= limit and (best is None or (distance, -uses) < best[0]):
                best = ((distance, -uses), term)
        if best:
            nearest[word] = best[1]
    return nearest


def display_forms(terms, language, entries=None):
    """Each term of the index as the content spells it, read from `entries` or from a few entries that
    hold the terms (one query for all of them)."""
    if entries is None:
        entries = SearchEntry.objects.filter(locale__language_code=language, terms__term__in=terms).distinct()[:20]
    found = {}
    for entry in entries:
        for text in (entry.title, entry.text):
            for match in WORD.finditer(text):
                for term in set(terms) - set(found):
                    if term in _keys_of_written(match.group(0), language):
                        found[term] = match.group(0)
        if len(found) == len(set(terms)):
            break
    return found


def search(query, language, ranked=True):
    """The page ids matching the query in this language's locale, best first, with a suggestion if useful.

    `ranked=False` for a caller that orders the pages itself and filters with `result.matching()`:
    whether anything matches is then asked with EXISTS, without ranking every match."""
    query_words = _query_words(query)
    if not query_words:
        return SearchResult(page_ids=[], words=[])
    word_keys = [keys(word, language) for word in query_words]
    version = index_version() if ranked else None
    page_ids = RankedPages(word_keys, language, version)
    result = SearchResult(page_ids=page_ids, words=query_words, ranked_keys=word_keys, language=language)
    result.match_keys = {key for levels in word_keys for key in levels}

    # What is kept for these words, in one round trip: their results, or the correction of a typo that
    # found nothing as typed (kept only when the correction finds pages: a word the index can correct,
    # never a random string).
    if ranked:
        ranked_key, corrected_key = (_kept_key(kind, word_keys, language, version) for kind in ("ranked", "corrected"))
        kept = cache.get_many([ranked_key, corrected_key])
        if corrected_key in kept and ranked_key not in kept:
            return _corrected(result, language, version, *kept[corrected_key])
        page_ids.use(kept.get(ranked_key))

    if page_ids if ranked else _any_match(word_keys, language):
        return result
    # Nothing found: a one-letter typo in a long word is corrected at once; otherwise suggest.
    # (One word that found nothing is the word that matched nothing: no query needed to say so.)
    to_fix = (len(query_words) > 1 and _unmatched(word_keys, language)) or list(range(len(query_words)))
    targets = [(_bridged(word_keys[position]), _typo_limit(query_words[position])) for position in to_fix]
    targets = [(word, limit) for word, limit in targets if limit]
    nearest = _nearest_terms(targets, language)
    if not nearest:
        return result
    corrected_keys = list(word_keys)
    corrected_words = list(query_words)
    for position in to_fix:
        term = nearest.get(_bridged(word_keys[position]))
        if term:
            corrected_keys[position] = {key: min(level, 3) for key, level in keys(term, language).items()}
            corrected_words[position] = term
    result.suggestion_terms = corrected_words
    one_letter = all(
        edit_distance(_bridged(word_keys[position]), nearest.get(_bridged(word_keys[position]), ""), 1) <= 1
        for position in to_fix
    )
    if one_letter and all(len(query_words[position]) >= TYPO_MIN_LENGTH for position in to_fix):
        corrected_ids = RankedPages(corrected_keys, language, version)
        if corrected_ids if ranked else _any_match(corrected_keys, language):
            kept = None
            if ranked:
                kept = corrected_ids.kept()
                cache.set(corrected_key, (corrected_words, corrected_keys, kept), RESULTS_SECONDS)
            return _corrected(result, language, version, corrected_words, corrected_keys, kept)
    if ranked:  # (the library shows no suggestion)
        spell_suggestion(result, language)
    return result


def _corrected(result, language, version, corrected_words, corrected_keys, kept=None):
    """The result of the corrected query (the caller spells the suggestion from the entries it shows,
    spell_suggestion)."""
    result.page_ids = RankedPages(corrected_keys, language, version)
    if kept is not None:
        result.page_ids.use(kept)
    result.suggestion_terms = corrected_words
    result.ranked_keys = corrected_keys
    result.corrected = True
    result.match_keys |= {key for levels in corrected_keys for key in levels}
    return result


def spell_suggestion(result, language, entries=None):
    """Set result.suggestion: the corrected query, each word as the content spells it."""
    fixed = [word for word in result.suggestion_terms if word not in result.words]
    forms = display_forms(fixed, language, entries) if fixed else {}
    result.suggestion = " ".join(forms.get(word, word) for word in result.suggestion_terms)


def _bridged(levels):
    """The loosest whole-word key of a query word (its bridged form), used to look for neighbours."""
    whole = [key for key, level in levels.items() if level >= 2]
    return min(whole, key=lambda key: levels[key])


def _typo_limit(word):
    if len(word) >= TYPO_MIN_LENGTH:
        return 2
    if len(word) >= 3:
        return 1
    return 0


# Showing ----------------------------------------------------------------------------------------


@lru_cache(maxsize=50_000)
def _keys_of_written(word, language):
    """The keys of a word as a text writes it (normalised once per process, not once per snippet)."""
    return frozenset(keys(normalise(word), language))


def highlight(text, match_keys, language, max_words=None):
    """The text escaped, with the words that match the query in <mark>; cut around the first one."""
    matches = list(WORD.finditer(text))
    hits = [
        index
        for index, match in enumerate(matches)
        if not _keys_of_written(match.group(0), language).isdisjoint(match_keys)
    ]
    start, end = 0, len(text)
    prefix = suffix = ""
    if max_words and len(matches) > max_words:
        first = max((hits[0] if hits else 0) - max_words // 3, 0)
        last = min(first + max_words, len(matches)) - 1
        start = matches[first].start() if first else 0
        end = matches[last].end()
        prefix = "… " if first else ""
        suffix = " …" if end < len(text) else ""
    hit_spans = {matches[index].span() for index in hits}
    pieces, position = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        if match.span() in hit_spans:
            pieces.append(escape(text[position : match.start()]))
            pieces.append(f"<mark>{escape(match.group(0))}</mark>")
            position = match.end()
    pieces.append(escape(text[position:end]))
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 (every piece is escaped)
