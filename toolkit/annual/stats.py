"""Counting with small-count suppression, for what is published about cases.

The newsletter article and the monitoring report must not identify anyone (domain.md):
a count below 5 is printed as "fewer than 5", and no hidden count may be worked out
from a total or from the other cells of its table.

Why more than "hide the small numbers"
-----------------------------------------
Hiding a 3 in a column whose total is printed hides nothing: the reader subtracts the
other cells from the total. So a second cell (the *complement*) must be hidden too:
that is *secondary suppression*. And two hidden cells are not always enough, because a
reader knows more than the table shows. They know a "fewer than 5" is between 1 and 4,
and (if they know this rule) that a complement is at least 5, since zeros are always
printed and every count from 1 to 4 is already "fewer than 5". With a column of 1 and 5
and a total of 6, hiding both still gives the 1 away: 6 = x + y with x <= 4 and y >= 5
leaves only x = 1. Hidden cells can also be pinned down across rows *and* columns at once.

The rule, and how it is checked
-------------------------------
1. *Primary*: every count from 1 to 4 (totals included) is "fewer than 5". Zeros are
   printed: a zero says nothing about any person.
2. *Audit*: the table is read as an attacker would read it. Every printed number is
   known; every hidden one is an unknown bounded by its label (1 to 4, or at least 5);
   every printed line (a row with a row total, a column with a column total, the totals
   themselves with the grand total) is an equation. A hidden count is *safe* when some
   other table, consistent with everything printed and every bound, differs in that
   cell. Tables with margins are networks: a row and a column meet at each cell, so a
   change to one cell must be balanced around a cycle of hidden cells (up one, down the
   next), each staying within its bounds. :func:`_movable` looks for such a cycle with a
   graph search; any change at all decomposes into such cycles, so if there is none the
   cell is pinned down exactly.
3. *Secondary*: while some hidden count is pinned, hide one more: the smallest printed
   non-zero cell in a line through it (the least information lost), and audit again.
   Every step hides one more cell, so this ends.
4. Totals are never hidden to protect a cell, because the same totals (the number of
   cases in the year, of victims, of responses) are printed elsewhere in the same report,
   and hiding one in one table would protect nothing. If a hidden count cannot be
   protected by the cells of its lines, the whole table body is withheld ("not shown";
   zeros too) and only its totals are printed. (Only a degenerate table, where a line
   has a single cell and so a total *is* a cell, needs its totals withheld as well.)

The audit assumes the reader knows these rules, but not which cell was picked as a
complement; it is checked in the tests against brute-force enumeration of every table
consistent with what is printed.

The audit sees one table at a time. Two publications that print the same count in
differently grouped tables could still be subtracted from each other, so the same
figures are always grouped the same way: the newsletter's action figures and the
report's "action against perpetrators" have the same rows (``newsletter.ENFORCEMENT``),
and as columns without row totals do not interact, they print and hide the same cells.

Tables here are rows by columns, with row totals, column totals, both or neither: one
column with a total underneath is the usual list ("verbal warnings ... total").
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from collections.abc import Iterable, Mapping, Sequence

SMALL = 5
FEWER_THAN = f"fewer than {SMALL}"
NOT_SHOWN = "not shown"
FEWER_NOTE = f'"{FEWER_THAN}" stands for a count from 1 to {SMALL - 1}, hidden so that no one can be identified.'
NOT_SHOWN_NOTE = f'"{NOT_SHOWN}" marks a count hidden as well, so that a "{FEWER_THAN}" cannot be worked out from the totals.'
NOTE = f"{FEWER_NOTE} {NOT_SHOWN_NOTE}"  # a table with both markers; one with only one explains only that one
WITHHELD_NOTE = "The numbers in this table are too small to break down without identifying someone: only the totals are shown."

Key = tuple[int, int]  # (row, column); row == len(rows) is the totals row, column == len(cols) the totals column
_INF = 10**9


@dataclass(frozen=True)
class Cell:
    """One printed cell: ``value`` is ``None`` when hidden; ``text`` is what is printed."""

    value: int | None
    text: str
    hidden: str | None = None  # None, "small" (1-4), "secondary" or "withheld"

    @property
    def shown(self) -> bool:
        return self.hidden is None


def shown_cell(value: int) -> Cell:
    return Cell(value, f"{value:,}")


def headline(value: int) -> Cell:
    """A number printed on its own (no table): only the small-count rule applies."""
    return Cell(None, FEWER_THAN, "small") if 0 < value < SMALL else shown_cell(value)


@dataclass(frozen=True)
class Table:
    """A suppressed table, ready to print: every cell is a :class:`Cell`."""

    title: str
    row_header: str
    rows: list[str]
    columns: list[str]
    cells: list[list[Cell]]
    row_totals: list[Cell] | None = None
    column_totals: list[Cell] | None = None
    grand_total: Cell | None = None
    total_label: str = "Total"
    withheld: bool = False
    note: str | None = None

    @property
    def every_cell(self) -> list[Cell]:
        every = [c for row in self.cells for c in row] + (self.row_totals or []) + (self.column_totals or [])
        return every + ([self.grand_total] if self.grand_total else [])

    @property
    def any_hidden(self) -> bool:
        return any(not c.shown for c in self.every_cell)

    @property
    def marker_note(self) -> str | None:
        """What the markers the table prints mean: never a marker that does not appear."""
        printed = {c.text for c in self.every_cell}
        parts = [note for marker, note in ((FEWER_THAN, FEWER_NOTE), (NOT_SHOWN, NOT_SHOWN_NOTE)) if marker in printed]
        return NOTE if len(parts) == 2 else (parts[0] if parts else None)

    def cell(self, row: str, column: str) -> Cell:
        return self.cells[self.rows.index(row)][self.columns.index(column)]

    def column_total(self, column: str) -> Cell:
        assert self.column_totals is not None
        return self.column_totals[self.columns.index(column)]

    def as_context(self) -> dict[str, object]:
        """Plain strings for a template: ``header``, ``rows`` (label first), ``footer``, ``notes``."""
        has_row_totals = self.row_totals is not None
        header = [self.row_header, *self.columns] + ([self.total_label] if has_row_totals else [])
        body = []
        for n, label in enumerate(self.rows):
            line = [label, *(c.text for c in self.cells[n])]
            if self.row_totals is not None:
                line.append(self.row_totals[n].text)
            body.append(line)
        footer = None
        if self.column_totals is not None:
            footer = [self.total_label, *(c.text for c in self.column_totals)]
            if has_row_totals and self.grand_total is not None:
                footer.append(self.grand_total.text)
        notes = [n for n in (self.note, WITHHELD_NOTE if self.withheld else None, self.marker_note) if n]
        return {"title": self.title, "header": header, "rows": body, "footer": footer, "notes": notes}


# -- the network view of a table -----------------------------------------------------------
@dataclass
class _Grid:
    """Counts of a table and its margins, keyed (row, column); see the module docstring."""

    n_rows: int
    n_cols: int
    row_totals: bool
    col_totals: bool
    values: dict[Key, int] = field(default_factory=dict)

    def keys(self) -> list[Key]:
        return sorted(self.values)

    def interior(self, key: Key) -> bool:
        return key[0] < self.n_rows and key[1] < self.n_cols

    def sign(self, key: Key) -> int:
        """+1 for a cell and the grand total, -1 for a row or column total (each line sums to 0)."""
        margin_row, margin_col = key[0] == self.n_rows, key[1] == self.n_cols
        return -1 if margin_row != margin_col else 1

    def ends(self, key: Key) -> tuple[str, str]:
        """The line nodes a cell joins: its row's and its column's."""
        return (f"r{key[0]}", f"c{key[1]}")

    def constrained(self, node: str) -> bool:
        """Rows are printed lines when there are row totals; columns when there are column totals."""
        return self.row_totals if node[0] == "r" else self.col_totals

    def lines_through(self, key: Key) -> list[Key]:
        """Every other cell sharing a printed line with ``key``."""
        row_node, col_node = self.ends(key)
        found = []
        for other in self.keys():
            if other == key:
                continue
            o_row, o_col = self.ends(other)
            if (o_row == row_node and self.constrained(row_node)) or (o_col == col_node and self.constrained(col_node)):
                found.append(other)
        return found


def _bounds(value: int, label: str | None) -> tuple[int, int]:
    """What a reader who knows the rule can tell from a hidden cell's label."""
    if label == "small":
        return (1, SMALL - 1)
    if label == "secondary":
        return (SMALL, _INF)
    return (0, _INF)  # withheld: could be anything, zeros included


def _movable(grid: _Grid, hidden: Mapping[Key, str], key: Key) -> bool:
    """Whether another table consistent with everything printed differs at ``key``.

    A unit change along a cycle of hidden cells (or a path between two unprinted lines)
    keeps every printed line's sum. Direct each hidden cell's possible change as an arc:
    +1 from its row node to its column node, -1 the other way, each only if the cell
    stays within its bounds (a cell's sign flips that for totals). ``key`` can move iff
    one of its arcs closes a directed cycle.
    """
    arcs: dict[str, list[str]] = {}

    def add(a: str, b: str) -> None:
        arcs.setdefault(a, []).append(b)

    free = "*"  # lines that are not printed are joined through one free node
    nodes: set[str] = set()
    for other, label in hidden.items():
        nodes.update(grid.ends(other))
        if other == key:
            continue
        low, high = _bounds(grid.values[other], label)
        row_node, col_node = grid.ends(other)
        s, value = grid.sign(other), grid.values[other]
        if low <= value + s <= high:
            add(row_node, col_node)
        if low <= value - s <= high:
            add(col_node, row_node)
    for node in nodes:
        if not grid.constrained(node):
            add(node, free)
            add(free, node)

    def reaches(start: str, goal: str) -> bool:
        seen, queue = {start}, deque([start])
        while queue:
            node = queue.popleft()
            if node == goal:
                return True
            for nxt in arcs.get(node, []):
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
        return False

    low, high = _bounds(grid.values[key], hidden[key])
    row_node, col_node = grid.ends(key)
    s, value = grid.sign(key), grid.values[key]
    up = low <= value + s <= high and reaches(col_node, row_node)  # arc row -> col, back along others
    down = low <= value - s <= high and reaches(row_node, col_node)
    return up or down


def pinned(grid: _Grid, hidden: Mapping[Key, str]) -> list[Key]:
    """Hidden cells a reader could work out exactly."""
    return [k for k in sorted(hidden) if not _movable(grid, hidden, k)]


def _protect(grid: _Grid) -> tuple[dict[Key, str], bool]:
    """The hidden cells ({key: label}) and whether the body had to be withheld."""
    hidden = {k: "small" for k, v in grid.values.items() if 0 < v < SMALL}
    while True:
        exposed = pinned(grid, hidden)
        if not exposed:
            return hidden, False
        key = exposed[0]
        candidates = [
            k for k in grid.lines_through(key)
            if k not in hidden and grid.interior(k) and grid.values[k] > 0
        ]
        if not candidates:
            break
        hidden[min(candidates, key=lambda k: (grid.values[k], k))] = "secondary"
    # the body cannot be protected cell by cell: withhold all of it and print only the
    # totals; where a line has a single cell its total is that cell, so then withhold the
    # margins too, and at the last the grand total
    totals = {k: label for k, label in hidden.items() if not grid.interior(k)}
    hidden = {**totals, **{k: "withheld" for k in grid.keys() if grid.interior(k)}}  # noqa: SIM118 - a _Grid, not a dict
    grand = (grid.n_rows, grid.n_cols)
    for wider in (lambda k: k != grand, lambda k: True):
        if not pinned(grid, hidden):
            break
        hidden.update({k: "withheld" for k in grid.keys() if wider(k)})  # noqa: SIM118 - a _Grid, not a dict
    return hidden, True


def suppress(
    title: str,
    rows: Sequence[str],
    columns: Sequence[str],
    counts: Mapping[tuple[str, str], int],
    *,
    row_header: str = "",
    row_totals: bool = False,
    column_totals: bool = True,
    total_label: str = "Total",
    note: str | None = None,
) -> Table:
    """A table of ``counts`` (missing cells are 0) with the totals asked for, suppressed."""
    rows, columns = list(rows), list(columns)
    grid = _Grid(len(rows), len(columns), row_totals, column_totals)
    for i, r in enumerate(rows):
        for j, c in enumerate(columns):
            value = int(counts.get((r, c), 0))
            if value < 0:
                raise ValueError(f"a count cannot be negative ({r}, {c}: {value})")
            grid.values[(i, j)] = value
    if row_totals:
        for i in range(len(rows)):
            grid.values[(i, len(columns))] = sum(grid.values[(i, j)] for j in range(len(columns)))
    if column_totals:
        for j in range(len(columns)):
            grid.values[(len(rows), j)] = sum(grid.values[(i, j)] for i in range(len(rows)))
    if row_totals and column_totals:
        grid.values[(len(rows), len(columns))] = sum(grid.values[(i, len(columns))] for i in range(len(rows)))
    hidden, withheld = _protect(grid)

    def cell(key: Key) -> Cell:
        label = hidden.get(key)
        if label is None:
            return shown_cell(grid.values[key])
        return Cell(None, FEWER_THAN if label == "small" else NOT_SHOWN, label)

    n, m = len(rows), len(columns)
    return Table(
        title=title,
        row_header=row_header,
        rows=rows,
        columns=columns,
        cells=[[cell((i, j)) for j in range(m)] for i in range(n)],
        row_totals=[cell((i, m)) for i in range(n)] if row_totals else None,
        column_totals=[cell((n, j)) for j in range(m)] if column_totals else None,
        grand_total=cell((n, m)) if row_totals and column_totals else None,
        total_label=total_label,
        withheld=withheld,
        note=note,
    )


def count_list(
    title: str,
    counts: Mapping[str, int],
    order: Iterable[str],
    *,
    column: str,
    row_header: str = "",
    total: bool = True,
    total_label: str = "Total",
    note: str | None = None,
) -> Table:
    """A one-column table (``order`` gives the rows), with its total underneath."""
    rows = list(order)
    return suppress(
        title, rows, [column], {(r, column): counts.get(r, 0) for r in rows},
        row_header=row_header, column_totals=total, total_label=total_label, note=note,
    )


def percentage(part: Cell, whole: Cell) -> str | None:
    """``part`` of ``whole`` as a whole percentage, only when both are printed (else ``None``)."""
    if not (part.shown and whole.shown) or not whole.value:
        return None
    assert part.value is not None
    return f"{round(100 * part.value / whole.value)}%"
