"""What Tajik and Russian readers do not see, or see out of date: a status per page, snippet and language.

Every live translatable page (below the root; a page English readers cannot see yet is left out)
and every translatable snippet in the default language (the source) gets one cell per other
language, in the first of these states that applies:

- **missing**: no page or snippet with the same translation key in that language;
- **draft only**: the translated page exists but is not live;
- **N untranslated**: wagtail-localize's copy of the source (its `TranslationSource`) has N string
  segments with no error-free translation in that language;
- **out of date**: the source was published after the translation was last synced. "Published" is
  the source's `last_published_at` (every publish of the English page moves it, so a new revision
  turns its translations out of date at once, with no manual step). "Last synced" is the last time
  wagtail-localize wrote the translation from its source (the newest `TranslationLog` for that
  source and language, made by "Sync translated pages" and by publishing in the translation
  editor); for a translation made without wagtail-localize, the last time it was itself published.
  Snippets that are not published (no `last_published_at`) are never out of date;
- **complete**.

Syncing (which re-reads the source) and translating every new segment, then publishing, writes a
new `TranslationLog`, which turns the cell complete again.

The whole report costs a fixed number of queries however many pages there are: pages, sources,
segment counts, translated segment counts, logs and translation records are read as flat, aggregated
rows, plus one query per translatable snippet model.
"""

import dataclasses
import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Max
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.translation import get_language_info, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, TranslationLog, TranslationSource

MISSING = "missing"
DRAFT = "draft"
UNTRANSLATED = "untranslated"
OUTDATED = "outdated"
COMPLETE = "complete"
STATES = {
    MISSING: gettext_lazy("Missing"),
    DRAFT: gettext_lazy("Draft only"),
    UNTRANSLATED: gettext_lazy("Untranslated segments"),
    OUTDATED: gettext_lazy("Out of date"),
    COMPLETE: gettext_lazy("Complete"),
}

# Top-level sections whose children are each a unit of their own in the rollups (each session,
# course, forum, consultation). Named by model label: `home` imports no other app.
SECTIONS_BY_CHILD = {
    "programme.trainingprogrammepage",
    "courses.courseindexpage",
    "programme.forumindexpage",
    "programme.consultationindexpage",
}
STEPLEN = Page.steplen


@dataclasses.dataclass
class Cell:
    language: str
    state: str
    untranslated: int = 0
    source_published_at: datetime.datetime | None = None
    synced_at: datetime.datetime | None = None
    url: str = ""

    @property
    def is_complete(self):
        return self.state == COMPLETE

    @property
    def label(self):
        """The cell as words: the same on the screen and in the exported file."""
        if self.state == UNTRANSLATED:
            return ngettext("%(count)d segment untranslated", "%(count)d segments untranslated", self.untranslated) % {
                "count": self.untranslated
            }
        if self.state == OUTDATED:
            return _("Out of date: source published %(published)s, last synced %(synced)s") % {
                "published": _date(self.source_published_at),
                "synced": _date(self.synced_at),
            }
        return str(STATES[self.state])


@dataclasses.dataclass
class Row:
    kind: str  # "page" or "snippet"
    pk: int
    translation_key: object
    title: str
    type_label: str
    section_key: str
    section_label: str
    order: str
    edit_url: str = ""
    sync_url: str = ""
    cells: dict = dataclasses.field(default_factory=dict)


def _date(value):
    return formats.date_format(timezone.localtime(value), "Y-m-d H:i") if value else "?"


def target_languages():
    """Every content language but the source one, in the order of settings (and any locale added later)."""
    default = settings.LANGUAGE_CODE
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != default]
    extra = sorted(set(Locale.objects.exclude(language_code=default).values_list("language_code", flat=True)))
    return [*codes, *(code for code in extra if code not in codes)] if extra else codes


def language_name(code):
    """The language's name in the admin's language ("Tajik", "Таджикский")."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return dict(settings.WAGTAIL_CONTENT_LANGUAGES).get(code, code)


def status_rows(translation_keys=None, with_snippets=True):
    """The report's rows, in tree order then snippets; `translation_keys` limits it to some pages."""
    locales = {locale.pk: locale.language_code for locale in Locale.objects.all()}
    codes = {code: pk for pk, code in locales.items()}
    default = codes.get(settings.LANGUAGE_CODE)
    languages = [code for code in target_languages() if code in codes]

    pages = Page.objects.filter(depth__gte=2)
    if translation_keys is not None:
        pages = pages.filter(translation_key__in=list(translation_keys))
    page_rows = list(
        pages.values(
            "id",
            "translation_key",
            "locale_id",
            "content_type_id",
            "live",
            "last_published_at",
            "path",
            "depth",
            "title",
        )
    )
    sources = {
        (row["object_id"], row["locale_id"]): row
        for row in TranslationSource.objects.values("id", "object_id", "locale_id", "last_updated_at")
    }
    segments = dict(StringSegment.objects.values_list("source_id").annotate(n=Count("pk")).order_by())
    translated = {
        (row["source_id"], row["locale"]): row["n"]
        for row in StringSegment.objects.filter(
            string__translations__context_id=F("context_id"), string__translations__has_error=False
        )
        .values("source_id", locale=F("string__translations__locale_id"))
        .annotate(n=Count("pk"))
        .order_by()
    }
    logs = {
        (row["source_id"], row["locale_id"]): row["at"]
        for row in TranslationLog.objects.values("source_id", "locale_id").annotate(at=Max("created_at")).order_by()
    }
    facts = {"sources": sources, "segments": segments, "translated": translated, "logs": logs}

    by_key = {}
    for row in page_rows:
        by_key.setdefault(row["translation_key"], {})[row["locale_id"]] = row
    english = {row["path"]: row for row in page_rows if row["locale_id"] == default}
    if translation_keys is not None:  # the ancestors that name the sections
        ancestors = {path[: STEPLEN * depth] for path in english for depth in (2, 3, 4)} - set(english)
        for row in Page.objects.filter(path__in=ancestors, locale_id=default).values(
            "path", "title", "content_type_id", "depth"
        ):
            english.setdefault(row["path"], row)

    rows = []
    sources_shown = (r for r in page_rows if r["locale_id"] == default and r["live"])
    for row in sorted(sources_shown, key=lambda r: r["path"]):
        section_key, section_label = _section(row, english)
        model = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
        result = Row(
            kind="page",
            pk=row["id"],
            translation_key=row["translation_key"],
            title=row["title"],
            type_label=str(model._meta.verbose_name).capitalize() if model else "",
            section_key=section_key,
            section_label=section_label,
            order=row["path"],
            edit_url=reverse("wagtailadmin_pages:edit", args=[row["id"]]),
        )
        source = sources.get((row["translation_key"], default))
        if source:
            result.sync_url = _url("wagtail_localize:update_translations", source["id"])
        for code in languages:
            target = by_key[row["translation_key"]].get(codes[code])
            cell = _cell(code, codes[code], row, target, source, facts)
            if cell.state == MISSING:
                cell.url = _url("wagtail_localize:submit_page_translation", row["id"])
            else:
                cell.url = reverse("wagtailadmin_pages:edit", args=[target["id"]])
            result.cells[code] = cell
        rows.append(result)

    if with_snippets:
        for model in translatable_snippet_models():
            rows.extend(_snippet_rows(model, default, codes, languages, facts))
    return rows


def translatable_snippet_models():
    return sorted(
        (model for model in get_snippet_models() if issubclass(model, TranslatableMixin)),
        key=lambda model: model._meta.label,
    )


def _snippet_rows(model, default, codes, languages, facts):
    publishable = issubclass(model, DraftStateMixin)
    objects = list(model.objects.all())
    by_key = {}
    for obj in objects:
        by_key.setdefault(obj.translation_key, {})[obj.locale_id] = obj
    section_label = str(_("Snippets: %(type)s") % {"type": model._meta.verbose_name_plural})
    app, name = model._meta.app_label, model._meta.model_name
    for obj in sorted((o for o in objects if o.locale_id == default), key=lambda o: str(o)):
        facts_row = {
            "translation_key": obj.translation_key,
            "last_published_at": obj.last_published_at if publishable else None,
        }
        row = Row(
            kind="snippet",
            pk=obj.pk,
            translation_key=obj.translation_key,
            title=str(obj),
            type_label=str(model._meta.verbose_name).capitalize(),
            section_key=f"snippet:{model._meta.label_lower}",
            section_label=section_label,
            order=f"~{model._meta.label_lower}:{obj}",
            edit_url=_url(f"wagtailsnippets_{app}_{name}:edit", obj.pk),
        )
        source = facts["sources"].get((obj.translation_key, default))
        if source:
            row.sync_url = _url("wagtail_localize:update_translations", source["id"])
        for code in languages:
            target = by_key[obj.translation_key].get(codes[code])
            target_facts = None
            if target is not None:
                target_facts = {
                    "live": target.live if publishable else True,
                    "last_published_at": target.last_published_at if publishable else None,
                }
            cell = _cell(code, codes[code], facts_row, target_facts, source, facts)
            if target is None:
                cell.url = _url("wagtail_localize:submit_snippet_translation", app, name, obj.pk)
            else:
                cell.url = _url(f"wagtailsnippets_{app}_{name}:edit", target.pk)
            row.cells[code] = cell
        yield row


def _cell(code, locale_id, source_row, target, source, facts):
    """The state of one source object in one language (see the module docstring)."""
    cell = Cell(language=code, state=COMPLETE, source_published_at=source_row["last_published_at"])
    if target is None:
        cell.state = MISSING
        return cell
    if not target["live"]:
        cell.state = DRAFT
        return cell
    if source:
        total = facts["segments"].get(source["id"], 0)
        cell.untranslated = total - facts["translated"].get((source["id"], locale_id), 0)
        cell.synced_at = facts["logs"].get((source["id"], locale_id)) or target["last_published_at"]
    else:
        cell.synced_at = target["last_published_at"]
    if cell.untranslated > 0:
        cell.state = UNTRANSLATED
    elif cell.source_published_at and cell.synced_at and cell.source_published_at > cell.synced_at:
        cell.state = OUTDATED
    return cell


def _section(row, english):
    """The rollup a page belongs to: a top-level section, or one of its children (each session, course...)."""
    if row["depth"] <= 2:
        return "home", str(_("Home page"))
    top = english.get(row["path"][: STEPLEN * 3])
    if top is None:
        return "other", str(_("Other pages"))
    label = ContentType.objects.get_for_id(top["content_type_id"]).model_class()
    label = label._meta.label_lower if label else ""
    if label == "home.standardpage":
        return "standard", str(_("Standard pages"))
    if label in SECTIONS_BY_CHILD and row["depth"] > 3:
        child = english.get(row["path"][: STEPLEN * 4])
        if child is not None:
            return child["path"], child["title"]
    return top["path"], top["title"]


def _url(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def rollups(rows, languages):
    """Per section and language: how many items are in each state, and the share that is complete."""
    sections = {}
    for row in rows:
        section = sections.setdefault(
            row.section_key, {"key": row.section_key, "label": row.section_label, "total": 0, "languages": {}}
        )
        section["total"] += 1
        for code in languages:
            counts = section["languages"].setdefault(code, dict.fromkeys(STATES, 0))
            counts[row.cells[code].state] += 1
    for section in sections.values():
        for code, counts in section["languages"].items():
            counts["percent"] = round(100 * counts[COMPLETE] / section["total"]) if section["total"] else 100
            counts["language"] = code
    return list(sections.values())


def counts_by_language(rows, languages):
    """For the dashboard: per language, how many items are in each state."""
    result = {code: dict.fromkeys(STATES, 0) for code in languages}
    for row in rows:
        for code in languages:
            result[code][row.cells[code].state] += 1
    return result
