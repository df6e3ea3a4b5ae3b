"""Reports → Translation status: every page and snippet by language, the interface catalogue, the editors' badges.

The states and how they are computed live in home/translation_status.py; this module shows them.
Anyone who can use the admin sees the report (editors and moderators work on translations).
"""

import datetime
from functools import cache
from pathlib import Path

import polib
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.components import Component
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from . import translation_status as status


def _choice(request, name, allowed):
    value = request.GET.get(name, "")
    return value if value in allowed else ""


class TranslationReportView(ReportView):
    page_title = gettext_lazy("Translation status")
    header_icon = "wagtail-localize-language"
    template_name = "home/admin/translation_report.html"
    results_template_name = "home/admin/translation_report_results.html"
    index_url_name = "home_translation_report"
    index_results_url_name = "home_translation_report_results"
    paginate_by = 100

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.all_rows = status.status_rows()
        self.all_languages = status.target_languages()
        self.language = _choice(request, "language", self.all_languages)
        self.languages = [self.language] if self.language else self.all_languages
        self.sections = {row.section_key: row.section_label for row in self.all_rows}
        self.types = sorted({row.type_label for row in self.all_rows})
        self.section = _choice(request, "section", self.sections)
        self.type = _choice(request, "type", self.types)
        self.state = _choice(request, "state", status.STATES)
        self.list_export = ["section", "type", "title", *(f"lang_{code}" for code in self.languages)]
        self.export_headings = {
            "section": _("Section"),
            "type": _("Type"),
            "title": _("Title"),
            **{f"lang_{code}": status.language_name(code) for code in self.languages},
        }

    def get_filename(self):
        return f"translations-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        rows = self.all_rows
        if self.section:
            rows = [row for row in rows if row.section_key == self.section]
        if self.type:
            rows = [row for row in rows if row.type_label == self.type]
        if self.state:
            rows = [row for row in rows if any(row.cells[code].state == self.state for code in self.languages)]
        return rows

    def to_row_dict(self, item):
        return {
            "section": item.section_label,
            "type": item.type_label,
            "title": item.title,
            **{f"lang_{code}": item.cells[code].label for code in self.languages},
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filtered = self.get_queryset()
        for row in context["object_list"]:
            row.shown_cells = [row.cells[code] for code in self.languages]
        context.update(
            languages=[(code, status.language_name(code)) for code in self.languages],
            all_languages=[(code, status.language_name(code)) for code in self.all_languages],
            rollups=status.rollups(filtered, self.languages),
            sections=self.sections.items(),
            types=self.types,
            states=status.STATES.items(),
            selected={"section": self.section, "type": self.type, "language": self.language, "state": self.state},
            catalogues=catalogue_summaries(),
        )
        return context


# --- Interface strings (the locale/ catalogue) -----------------------------------------------------


def catalogue_summary(code):
    """How much of locale/<code>/LC_MESSAGES/django.po is translated (fuzzy is not), and what is not."""
    path = Path(settings.BASE_DIR) / "locale" / code / "LC_MESSAGES" / "django.po"
    summary = {"language": code, "name": status.language_name(code), "total": 0, "translated": 0, "untranslated": []}
    if path.exists():
        summary.update(_read_catalogue(str(path), path.stat().st_mtime))
    summary["percent"] = round(100 * summary["translated"] / summary["total"]) if summary["total"] else 0
    return summary


@cache
def _read_catalogue(path, mtime):
    """Read once per process, and again when the file changes (compilemessages after new strings)."""
    entries = [entry for entry in polib.pofile(path) if not entry.obsolete]
    missing = [entry.msgid for entry in entries if not entry.translated()]
    return {"total": len(entries), "translated": len(entries) - len(missing), "untranslated": missing}


def catalogue_summaries():
    return [catalogue_summary(code) for code in status.target_languages()]


def interface_strings(request):
    return render(
        request,
        "home/admin/interface_strings.html",
        {"catalogues": catalogue_summaries(), "page_title": _("Interface strings"), "header_icon": "doc-full"},
    )


# --- Where editors work --------------------------------------------------------------------------


def editor_languages(user):
    """The target languages an editor works in: their admin or profile language, or all of them."""
    languages = status.target_languages()
    own = set()
    for profile_name in ("wagtail_userprofile", "profile"):
        profile = getattr(user, profile_name, None)
        language = (getattr(profile, "preferred_language", "") or "").split("-")[0]
        if language in languages:
            own.add(language)
    return [code for code in languages if code in own] or languages


class TranslationPanel(Component):
    name = "translation_status"
    template_name = "home/admin/translation_panel.html"
    order = 110

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        languages = editor_languages(self.user)
        counts = status.counts_by_language(status.status_rows(), languages)
        return {
            "languages": [{"code": code, "name": status.language_name(code), **counts[code]} for code in languages],
            "request": parent_context.get("request"),
        }


def page_cells_needing_work(page, request=None):
    """The cells of a page that editors should see flagged: missing or out-of-date translations.

    For a page in the source language, every language whose translation is missing or out of date;
    for a translation, its own language when it is out of date. In a listing, the statuses of a
    page and its siblings are computed together, once per request (a fixed number of queries).
    """
    parent_path = page.path[: -Page.steplen]
    computed = getattr(request, "_translation_status_rows", None)
    if computed is None:
        computed = {}
        if request is not None:
            request._translation_status_rows = computed
    if parent_path not in computed:
        keys = Page.objects.filter(path__startswith=parent_path, depth=page.depth).values_list(
            "translation_key", flat=True
        )
        rows = status.status_rows(translation_keys=set(keys), with_snippets=False)
        computed[parent_path] = {row.translation_key: row for row in rows}
    row = computed[parent_path].get(page.translation_key)
    if row is None:
        return []
    if row.pk == page.pk:
        return [cell for cell in row.cells.values() if cell.state in (status.MISSING, status.OUTDATED)]
    own = row.cells.get(page.locale.language_code)
    return [own] if own and own.state == status.OUTDATED else []


def badge_label(cell):
    return _("%(language)s: %(state)s") % {
        "language": status.language_name(cell.language),
        "state": status.STATES[cell.state],
    }
