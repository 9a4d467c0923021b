"""toolkit.annual.stats: small counts hidden, and no hidden count recoverable from what is printed."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.annual.stats import FEWER_THAN, NOT_SHOWN, NOTE, SMALL, Cell, Table, count_list, headline, percentage, suppress


def column(values: Sequence[int]) -> Table:
    rows = [f"row{i}" for i in range(len(values))]
    return count_list("t", dict(zip(rows, values)), rows, column="n")


def texts(table: Table) -> list[str]:
    return [row[0].text for row in table.cells]


def grid(values: Sequence[Sequence[int]], *, row_totals: bool = True, column_totals: bool = True) -> Table:
    rows = [f"r{i}" for i in range(len(values))]
    cols = [f"c{j}" for j in range(len(values[0]))]
    counts = {(rows[i], cols[j]): v for i, line in enumerate(values) for j, v in enumerate(line)}
    return suppress("t", rows, cols, counts, row_totals=row_totals, column_totals=column_totals)


# -- an independent check: every table consistent with what is printed ----------------------
def printed(table: Table) -> dict[tuple[int, int], Cell]:
    """Every cell of the table and its margins, keyed like the module's grid."""
    n, m = len(table.rows), len(table.columns)
    cells = {(i, j): table.cells[i][j] for i in range(n) for j in range(m)}
    if table.row_totals is not None:
        cells.update({(i, m): c for i, c in enumerate(table.row_totals)})
    if table.column_totals is not None:
        cells.update({(n, j): c for j, c in enumerate(table.column_totals)})
    if table.grand_total is not None:
        cells[(n, m)] = table.grand_total
    return cells


def consistent_tables(table: Table, cap: int) -> list[dict[tuple[int, int], int]]:
    """Brute force: every table a reader could believe in, given the labels' meaning.

    A "fewer than 5" is 1-4, a "not shown" complement is 5 or more (zeros are printed),
    a withheld cell is anything up to ``cap``. Rows are enumerated one at a time (each
    against its printed total), then the columns and margins are checked.
    """
    n, m = len(table.rows), len(table.columns)
    cells = printed(table)

    def options(cell: Cell, limit: int) -> range:
        if cell.shown:
            return range(cell.value, cell.value + 1)  # type: ignore[arg-type]
        if cell.hidden == "small":
            return range(1, SMALL)
        if cell.hidden == "secondary":
            return range(SMALL, limit + 1)
        return range(limit + 1)

    def fits(key: tuple[int, int], value: int) -> bool:
        return key not in cells or value in options(cells[key], max(cap, value))

    def row_choices(i: int) -> list[tuple[int, ...]]:
        total = cells.get((i, m))
        limit = total.value if total is not None and total.shown else cap
        return [
            combo for combo in itertools.product(*(options(cells[(i, j)], limit) for j in range(m)))
            if table.row_totals is None or fits((i, m), sum(combo))
        ]

    found = []
    for rows in itertools.product(*(row_choices(i) for i in range(n))):
        values = {(i, j): rows[i][j] for i in range(n) for j in range(m)}
        if table.row_totals is not None:
            values.update({(i, m): sum(rows[i]) for i in range(n)})
        if table.column_totals is not None:
            values.update({(n, j): sum(rows[i][j] for i in range(n)) for j in range(m)})
        if table.grand_total is not None:
            values[(n, m)] = sum(sum(r) for r in rows)
        if all(fits(k, v) for k, v in values.items() if k[0] == n or k[1] == m):
            found.append(values)
    return found


def assert_protected(table: Table, cap: int = 16) -> None:
    """No count below 5 is printed, and every hidden cell takes two values among the readings."""
    cells = printed(table)
    for key, cell in cells.items():
        assert not (cell.shown and 0 < (cell.value or 0) < SMALL), f"{key} prints a small count"
    readings = consistent_tables(table, cap)
    assert readings, "the true table must itself be consistent with what is printed"
    for key, cell in cells.items():
        if not cell.shown:
            seen = {r[key] for r in readings}
            assert len(seen) > 1, f"hidden cell {key} can be worked out: it must be {seen}"


# -- primary suppression --------------------------------------------------------------------------
def test_counts_below_five_are_fewer_than_five_and_zeros_are_printed() -> None:
    table = column([0, 1, 4, 5, 12, 30])
    assert texts(table)[0] == "0"
    assert texts(table)[1:3] == [FEWER_THAN, FEWER_THAN]
    assert table.column_totals is not None and table.column_totals[0].text == "52"
    assert_protected(table)


def test_a_headline_number_is_only_hidden_when_small() -> None:
    assert headline(3).text == "fewer than 5"
    assert headline(0).text == "0"
    assert headline(1234).text == "1,234"


def test_a_small_total_is_fewer_than_five_too() -> None:
    table = column([1, 2, 0])
    assert table.column_totals is not None and table.column_totals[0].text == FEWER_THAN
    assert_protected(table)


# -- secondary suppression --------------------------------------------------------------------------
def test_a_total_would_reveal_a_lone_hidden_cell_so_a_second_is_hidden() -> None:
    # 3 + 10 + 20 = 33: printing 10, 20 and 33 would give the 3 away
    table = column([3, 10, 20])
    assert texts(table) == [FEWER_THAN, NOT_SHOWN, "20"]  # the smallest other cell is the complement
    assert table.column_totals is not None and table.column_totals[0].text == "33"
    assert_protected(table)


def test_two_hidden_cells_are_not_enough_when_bounds_pin_them() -> None:
    # 1 + 5 = 6: "fewer than 5" (1-4) plus "not shown" (5 or more) = 6 leaves only 1 and 5
    table = column([1, 5])
    assert table.withheld
    assert texts(table) == [NOT_SHOWN, NOT_SHOWN]
    assert table.column_totals is not None and table.column_totals[0].text == "6"
    assert_protected(table)


def test_two_small_cells_with_a_small_remainder_need_a_third() -> None:
    # 2 + 5 + 5 = 12 with a complement of 5: x + y = 7, x in 1-4, y >= 5 -> x 1 or 2: safe
    table = column([2, 5, 5])
    assert texts(table).count(NOT_SHOWN) == 1
    assert_protected(table)


def test_rows_and_columns_are_protected_together() -> None:
    table = grid([[3, 12, 9], [20, 2, 11], [7, 9, 14]])
    assert_protected(table)
    context = table.as_context()
    assert context["header"] == ["", "c0", "c1", "c2", "Total"]
    assert context["footer"][0] == "Total"
    assert NOTE in context["notes"]


def test_a_two_year_trend_table_has_column_totals_only() -> None:
    table = grid([[3, 12], [20, 7], [8, 0], [6, 9]], row_totals=False)
    assert table.row_totals is None and table.grand_total is None
    assert table.cells[3][0].text == NOT_SHOWN  # the smallest printed cell in the 3's column
    assert_protected(table)


def test_a_table_without_totals_needs_no_complement() -> None:
    table = grid([[3, 12], [20, 7]], row_totals=False, column_totals=False)
    assert [c.text for row in table.cells for c in row] == [FEWER_THAN, "12", "20", "7"]


def test_nothing_small_means_nothing_hidden_and_no_note() -> None:
    table = grid([[5, 12], [20, 7]])
    assert not table.any_hidden
    assert table.as_context()["notes"] == []


def test_percentages_only_from_printed_numbers() -> None:
    table = column([3, 10, 20])
    assert table.column_totals is not None
    total = table.column_totals[0]
    assert percentage(table.cells[2][0], total) == "61%"
    assert percentage(table.cells[0][0], total) is None
    assert percentage(table.cells[1][0], total) is None


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        column([-1, 5])


# -- property: any small table comes out protected --------------------------------------------------
@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=9), min_size=1, max_size=4))
def test_any_list_is_protected(values: list[int]) -> None:
    assert_protected(column(values))


@settings(max_examples=120, deadline=None)
@given(
    st.integers(min_value=1, max_value=3).flatmap(
        lambda width: st.lists(st.lists(st.integers(min_value=0, max_value=8), min_size=width, max_size=width), min_size=1, max_size=3)
    ).filter(lambda rows: len(rows) * len(rows[0]) <= 4),
    st.booleans(),
)
def test_any_small_grid_is_protected(values: list[list[int]], row_totals: bool) -> None:
    assert_protected(grid(values, row_totals=row_totals), cap=12)
