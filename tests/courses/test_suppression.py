"""Small-count suppression: a count under k is never shown, nor can it be worked out from any total shown.

`possible_values` is the reader's side: from what a column shows ("<5", "–", numbers, the total), it
lists every value each hidden count could have. A count under k is safe when it could have more than one.
"""

import itertools
import random

import pytest

from courses.suppression import COMPLEMENTARY, PRIMARY, bounds, shown, suppress, suppress_column

K = 5


def possible_values(column, k=K):
    """{index: set of values consistent with what is shown}, for each hidden count of the column."""
    hidden = sorted(column.hidden)
    if column.total_hidden:
        return {index: set(range(*_range(column.hidden[index], k, column.total + k))) for index in hidden}
    remainder = column.total - sum(value for index, value in enumerate(column.values) if index not in column.hidden)
    ranges = [range(*_range(column.hidden[index], k, remainder)) for index in hidden]
    possible = {index: set() for index in hidden}
    for guess in itertools.product(*ranges):
        if sum(guess) == remainder:
            for index, value in zip(hidden, guess, strict=True):
                possible[index].add(value)
    return possible


def _range(kind, k, ceiling):
    low, high = bounds(kind, k)
    return low, (high if high is not None else max(ceiling, low)) + 1


def assert_safe(column, k=K):
    for index, value in enumerate(column.values):
        if value < k:
            assert column.hidden.get(index) == PRIMARY, f"count {value} at {index} is shown"
    for index, values in possible_values(column, k).items():
        assert column.values[index] in values  # the reader's reasoning is sound
        if column.hidden[index] == PRIMARY:
            assert len(values) > 1, f"count {column.values[index]} at {index} can be worked out: {column}"


def test_one_woman_in_a_column_shows_under_five_and_cannot_be_worked_out_from_the_total():
    # female, male, prefer not to say, not given
    column = suppress_column([1, 12, 7, 9], total=29, k=K)
    assert [shown(v, column.hidden.get(i), K) for i, v in enumerate(column.values)] == ["<5", 12, "–", 9]
    assert column.total_hidden is None
    # 29 - 12 - 9 = 8 is her count plus the "–" (at least 5): she could be 0, 1, 2 or 3.
    assert possible_values(column)[0] == {0, 1, 2, 3}
    assert_safe(column)


@pytest.mark.parametrize(
    ("values", "total"),
    [
        ([1, 12], 13),  # one other count: both hidden, the total still shown
        ([4, 4, 20], 28),  # two hidden fours sum to 8: one could be worked out, so 20 goes too
        ([1, 5, 5, 20], 31),  # a "–" is at least 5: 1 + 5 would give her away
        ([0, 20, 30], 50),  # a zero is a count under k too
        ([2, 2, 30], 34),  # two small counts protect each other
        ([3, 1], 4),  # a total under k is itself hidden
        ([4, 4], 8),  # nothing left to hide: the total goes
    ],
)
def test_complementary_suppression_leaves_no_count_under_k_exact(values, total):
    column = suppress_column(values, total, K)
    assert_safe(column)


def test_counts_are_shown_when_nothing_is_small():
    column = suppress_column([5, 12, 30], total=47, k=K)
    assert column.hidden == {} and column.total_hidden is None


def test_many_random_columns_are_safe_and_hide_no_more_than_needed():
    rng = random.Random(14)
    for _trial in range(300):
        values = [rng.choice([0, 1, 2, 3, 4, 5, 6, 9, 15, 40]) for _cell in range(rng.randint(1, 5))]
        total = sum(values)
        column = suppress_column(values, total, K)
        assert_safe(column)
        # Every complementary cell was needed: the column is unsafe without the last one added.
        complementary = [index for index, kind in column.hidden.items() if kind == COMPLEMENTARY]
        if complementary and not column.total_hidden:
            last = max(complementary, key=lambda index: (values[index], index))
            fewer = dict(column.hidden)
            del fewer[last]
            reduced = type(column)(values, total, fewer)
            with pytest.raises(AssertionError):
                assert_safe(reduced)


def test_a_table_is_suppressed_column_by_column_against_each_total():
    rows = [{"staff": 1, "organisations": 1}, {"staff": 30, "organisations": 9}, {"staff": 6, "organisations": 6}]
    totals = {"staff": 37, "organisations": 15}
    table = suppress(rows, totals, ["staff", "organisations"], K)
    for column in table.values():
        assert_safe(column)
    assert table["staff"].hidden == {0: PRIMARY, 2: COMPLEMENTARY}
