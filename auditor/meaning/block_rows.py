"""Rows that close a block of rows without saying so, found from the figures.

A table may print the sum (or the mean) of a block of rows in a row with no
JUMLAH, TOTAL or RATA-RATA label and no emphasis: a kabupaten line under
its kecamatan, a programme under its kegiatan. Its figures still say what
it is: when a body row is the sum of the body rows below it (a parent
printed over its children) or above it (back to the previous such row or
the start of the block) in at least two columns at once, and not by
accident, it closes that block. A column where it breaks
the aggregate that the table's other closing rows obey is then suspect.

Coincidence guards: a block has at least two rows with at least two
non-zero parts, every part and the closing figure are printed, the
recomputed interval is narrow against the value (or exact for whole
counts of at least ``MIN_COUNT``), percentages never count as sums, and a mean needs parts that
differ. Every decision uses the interval arithmetic of printed precision.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction

from auditor.meaning.intervals import Interval, interval_mean, interval_sum
from auditor.meaning.numbers import Number
from auditor.meaning.semantics import RATIO_ROLES, TableView

MIN_COLUMNS = 2
"""Columns in which a row must be its block's aggregate to close it."""
MAX_WIDTH = Fraction(1, 50)
"""The recomputed and printed intervals together at most this share of the value."""
MIN_COUNT = 100
"""Whole numbers below this add up by chance too often (2 + 3 = 5) to count."""
AGGREGATES = ("sum", "mean")

ExactFn = Callable[[TableView, int], bool]


@dataclass
class BlockRow:
    """A body row found to close ``block`` (the body rows above it)."""

    row: int
    block: list[int]
    fits: dict[int, str] = field(default_factory=dict)
    """Column -> the aggregate ("sum" or "mean") the row prints there."""
    breaks: list[int] = field(default_factory=list)
    """Columns of figures where the row is neither aggregate of its block."""


def figure_columns(view: TableView) -> list[int]:
    """Columns that may hold amounts, counts or indicator values."""
    return [c.index for c in view.columns if c.role not in ("number", "label", "unit")]


def _figures(view: TableView, rows: list[int], c: int) -> list[Number] | None:
    nums = [view.number(r, c) for r in rows]
    if any(n is None or n.qualitative for n in nums):
        return None
    return [n for n in nums if n is not None]


def aggregate_of(view: TableView, r: int, block: list[int], c: int, exact: bool) -> str | None:
    """Which aggregate of ``block`` row ``r`` prints in column ``c``, when it
    could not print it by accident; None otherwise."""
    out = view.number(r, c)
    parts = _figures(view, block, c)
    if out is None or out.qualitative or parts is None or out.value == 0:
        return None
    if sum(n.value != 0 for n in parts) < 2 or not _may_fit(out.value, [n.value for n in parts]):
        return None
    printed = out.interval(exact_integers=exact)
    ivs = [n.interval(exact_integers=exact) for n in parts]
    percent = out.percent or any(n.percent or n.ratio for n in parts) or view.columns[c].role in RATIO_ROLES
    if not percent and _narrow_fit(interval_sum(ivs), printed, out.value):
        return "sum"
    if len({n.value for n in parts}) > 1 and _narrow_fit(interval_mean(ivs), printed, out.value):
        return "mean"
    return None


def _may_fit(value: Fraction, parts: list[Fraction]) -> bool:
    """Could the parts' sum or mean fit ``value`` narrowly at all? Every
    printed interval is centred on its value, so a narrow fit puts the sum
    (or mean) of the values within ``|value| x MAX_WIDTH / 2`` of it; in
    floats, with twice that margin, this only skips what cannot fit, before
    the exact intervals are built (a block is compared with every row
    under it)."""
    floats = [float(v) for v in parts]
    total, out = sum(floats), float(value)
    bound = abs(out) * float(MAX_WIDTH) + 1e-9 * sum(map(abs, floats))
    return abs(total - out) <= bound or abs(total / len(parts) - out) <= bound


def _narrow_fit(computed: Interval, printed: Interval, value: Fraction) -> bool:
    width = computed.hi - computed.lo + printed.hi - printed.lo
    if width == 0 and abs(value) < MIN_COUNT:
        return False
    return computed.overlaps(printed) and width <= abs(value) * MAX_WIDTH


def breaks_aggregate(view: TableView, r: int, block: list[int], c: int, exact: bool) -> bool:
    """Row ``r`` prints a figure in ``c`` that no rounding of its block's
    figures gives as their sum or their mean (every part printed)."""
    out = view.number(r, c)
    parts = _figures(view, block, c)
    if out is None or out.qualitative or parts is None or not parts:
        return False
    printed = out.interval(exact_integers=exact)
    ivs = [n.interval(exact_integers=exact) for n in parts]
    return not (interval_sum(ivs).overlaps(printed) or interval_mean(ivs).overlaps(printed))


def find_block_rows(view: TableView, exact: ExactFn) -> list[BlockRow]:
    """Body rows that close the run of body rows below them (a parent over
    its children), then those that close the run above them (a sum under
    its block), in table order. A closing row ends its block, and any row
    that is not a body row (a heading, a labelled total) starts a new one."""
    body = [row.index for row in view.rows if row.kind == "body"]
    below = _scan(view, list(reversed(body)), set(), exact)
    above = _scan(view, body, {b.row for b in below}, exact)
    return sorted(below + above, key=lambda b: b.row)


def _scan(view: TableView, order: list[int], taken: set[int], exact: ExactFn) -> list[BlockRow]:
    """Read ``order`` (body rows, top down or bottom up): a row that closes
    the rows read since the last break closes them; rows in ``taken`` (found
    in the other direction) and gaps between body rows end a block."""
    cols = figure_columns(view)
    found: list[BlockRow] = []
    block: list[int] = []
    previous: int | None = None
    for r in order:
        if r in taken or (previous is not None and abs(r - previous) != 1):
            block = []
        previous = r
        if r in taken:
            continue
        closing = _closing(view, r, sorted(block), cols, exact) if len(block) >= 2 else None
        if closing is None:
            block.append(r)
        else:
            found.append(closing)
            block = []
    return found


def _closing(view: TableView, r: int, block: list[int], cols: list[int], exact: ExactFn) -> BlockRow | None:
    fits = {c: how for c in cols if (how := aggregate_of(view, r, block, c, exact(view, c))) is not None}
    if len(fits) < MIN_COLUMNS:
        return None
    breaks = [c for c in cols if c not in fits and breaks_aggregate(view, r, block, c, exact(view, c))]
    if len(breaks) >= len(fits):
        return None  # the row is more unlike its block than like it
    return BlockRow(r, list(block), fits, breaks)
