"""Counts of recommendations by response, implementation, addressee and thematic area, for a chart drawn in CSS.

Each bar links to the ledger filtered by that value, so every view of the chart is a shareable URL.
One query for the counts and one for the area names, whatever the number of recommendations.
"""

from collections import Counter

from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from home.models import ThematicArea

from .models import Addressee, ImplementationStatus, ResponseStatus

# (query-string name, the recommendation's field, heading, choices); areas come last, from the database.
GROUPS = [
    ("response", "response_status", _("Addressee's response"), ResponseStatus.choices),
    (
        "reported",
        "implementation_reported",
        _("Implementation as reported by the addressee"),
        ImplementationStatus.choices,
    ),
    ("assessed", "implementation_assessed", _("Implementation as assessed by CSOs"), ImplementationStatus.choices),
    ("addressee", "addressee", _("Addressed to"), Addressee.choices),
]
AREA_KEY = "thematic_area__slug"  # an area keeps its slug in every language


def overview(recommendations, locale_id, base_url, query=None, area_names=None):
    """The chart's groups for these recommendations (a queryset of live pages).

    ``query`` is the filter the bars keep ({name: value}); a bar adds its own value to it and links
    to ``base_url``. ``area_names`` ({slug: name} in the reader's language) saves a query when the caller
    has them already. Returns (total, groups): each group has its heading and rows of label, count,
    the bar's width in steps of 5 % and the URL of the filtered ledger.
    """
    query = {name: value for name, value in (query or {}).items() if value}
    fields = [field for _name, field, _heading, _choices in GROUPS] + [AREA_KEY]
    if isinstance(recommendations, list):  # pages already fetched, with their thematic_area
        rows = [
            [getattr(page, field) for field in fields[:-1]] + [page.thematic_area.slug if page.thematic_area else None]
            for page in recommendations
        ]
        if area_names is None and all(
            page.thematic_area is None or page.thematic_area.locale_id == locale_id for page in recommendations
        ):
            area_names = {
                page.thematic_area.slug: page.thematic_area.name for page in recommendations if page.thematic_area
            }
    else:
        rows = list(recommendations.order_by().values_list(*fields))
    total = len(rows)
    counters = [Counter(row[index] for row in rows) for index in range(len(fields))]
    groups = []
    for index, (name, _field, heading, choices) in enumerate(GROUPS):
        values = [(value, label) for value, label in choices if counters[index][value]]
        groups.append(_group(name, heading, values, counters[index], total, base_url, query))
    area_counts = counters[-1]
    slugs = [slug for slug in area_counts if slug]
    if area_names is None:
        areas = ThematicArea.objects.filter(locale_id=locale_id, slug__in=slugs).values_list("slug", "name")
        area_names = dict(areas)
    area_values = sorted(((slug, area_names[slug]) for slug in slugs if slug in area_names), key=lambda item: item[1])
    groups.append(_group("area", _("Thematic area"), area_values, area_counts, total, base_url, query))
    return total, groups


def _group(name, heading, values, counts, total, base_url, query):
    rows = []
    for value, label in values:
        count = counts[value]
        step = round(count * 20 / total) * 5 if total else 0
        url = f"{base_url}?{urlencode(query | {name: value})}"
        rows.append(
            {
                "value": value,
                "label": label,
                "count": count,
                "step": max(step, 5),
                "url": url,
                "selected": query.get(name) == value,
            }
        )
    return {"name": name, "heading": heading, "rows": rows}
