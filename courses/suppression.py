"""Small-count suppression: no figure in a report identifies fewer than k people, not even by subtraction.

A table is a list of rows of counts, column by column, with a total for each column. The total of a
column is shown (unless it is under k itself), so the rule works column by column:

1. Primary: every count under k (zero included) is hidden and shown as "<k".
2. Complementary: while someone who knows the rule could still work out a hidden count exactly from
   the column total, the smallest count still shown is hidden too (shown as "–"); when no count is
   left to hide, the total is hidden. A reader knows a "<k" count lies in [0, k-1] and a "–" count in
   [k, ∞), and that the hidden counts add up to the total minus the counts shown; a hidden count is
   safe when those facts allow it more than one value.

Screen, CSV and XLSX all show the result of `suppress`, so they agree cell for cell.
"""

from dataclasses import dataclass

PRIMARY = "primary"
COMPLEMENTARY = "complementary"


@dataclass
class Column:
    """One column of counts, its total, and which of them are hidden (index -> PRIMARY or COMPLEMENTARY)."""

    values: list
    total: int
    hidden: dict
    total_hidden: str | None = None


def suppress_column(values, total, k):
    """Which counts of one column (and whether its total) must be hidden for a threshold of k."""
    hidden = {index: PRIMARY for index, value in enumerate(values) if value < k}
    if total < k:
        # Every count in the column is at most the total, so all are already hidden as primary.
        return Column(list(values), total, hidden, PRIMARY)
    while _some_hidden_count_is_exact(values, hidden, k):
        shown = [index for index in range(len(values)) if index not in hidden]
        if not shown:
            return Column(list(values), total, hidden, COMPLEMENTARY)
        smallest = min(shown, key=lambda index: (values[index], index))
        hidden[smallest] = COMPLEMENTARY
    return Column(list(values), total, hidden, None)


def bounds(kind, k):
    """What a reader knows of a hidden count from the way it is shown: (lowest, highest)."""
    return (0, k - 1) if kind == PRIMARY else (k, None)


def _some_hidden_count_is_exact(values, hidden, k):
    """Whether a hidden count under k has only one value consistent with the column total shown."""
    if not hidden:
        return False
    remainder = sum(values[index] for index in hidden)  # the total minus every count shown
    for index, kind in hidden.items():
        if kind != PRIMARY:
            continue
        others = [bounds(other_kind, k) for other, other_kind in hidden.items() if other != index]
        if any(high is None for _low, high in others):
            lowest = 0
        else:
            lowest = max(0, remainder - sum(high for _low, high in others))
        highest = min(k - 1, remainder - sum(low for low, _high in others))
        if lowest >= highest:
            return True
    return False


def suppress(rows, totals, columns, k):
    """{column: Column} for a table: `rows` are dicts of counts, `totals` a dict with each column's total."""
    return {column: suppress_column([row[column] for row in rows], totals[column], k) for column in columns}


def shown(value, kind, k):
    """A count as the reader sees it: the number, "<k" or "–"."""
    if kind == PRIMARY:
        return f"<{k}"
    if kind == COMPLEMENTARY:
        return "–"
    return value
