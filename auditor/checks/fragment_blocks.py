"""Which closing rows of a table fragment its own figures vouch for.

A table whose header names no role, or whose numbering starts past 1, is
read as the rest of a table from an earlier page: its first closing row may
close rows printed before it, and its grand total rows the reader never
saw, so the closing-row rules leave such a table alone. Yet a long list of
sub-totals (one per kabupaten, per unit) shows on its own figures that its
blocks add up: when at least ``MIN_FITS`` sub-totals of a column are the
exact sum of their block, and at most one in ``FITS_PER_BREAK + 1`` is
not, the blocks are complete, and the sub-total that does not add up is a
defect. Only blocks of body rows count (a total of sub-totals may include
the previous page), and never the first closing row of the fragment.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from auditor.meaning.intervals import Interval, interval_sum
from auditor.meaning.numbers import is_nil
from auditor.meaning.semantics import RATIO_ROLES, Row, TableView

MIN_FITS = 3
"""Other sub-totals of the column that must add up exactly."""
FITS_PER_BREAK = 4
"""Sub-totals that add up for each one that does not."""
SUM_KINDS = ("subtotal", "total")
CLOSING_KINDS = ("subtotal", "total", "average", "summary")

ExactFn = Callable[[TableView, int], bool]


def _block_rows(view: TableView) -> list[Row]:
    """Closing rows of body rows only, less the fragment's first closing row."""
    closing = [row for row in view.rows if row.kind in CLOSING_KINDS and row.closes]
    blocks = []
    for row in closing[1:]:
        if row.kind not in SUM_KINDS or len(row.closes) < 2:
            continue
        if all(view.rows[p].kind == "body" for p in row.closes):
            blocks.append(row)
    return blocks


def _sum_fits(view: TableView, row: Row, c: int, exact: bool) -> bool | None:
    """Is the row's figure the sum of its block's? None when it cannot be
    told: a blank or textual part, a percentage, or no figure."""
    total = view.number(row.index, c)
    if total is None or total.percent or total.qualitative:
        return None
    parts: list[Interval] = []
    for p in row.closes:
        n = view.number(p, c)
        if n is not None and not n.percent and not n.qualitative:
            parts.append(n.interval(exact_integers=exact))
        elif n is None and is_nil(view.cell(p, c).text.strip()):
            parts.append(Interval.point(0))
        else:
            return None
    return interval_sum(parts).overlaps(total.interval(exact_integers=exact))


def _column_vouches(results: list[bool]) -> bool:
    fits = sum(results)
    breaks = len(results) - fits
    return fits >= MIN_FITS and fits >= FITS_PER_BREAK * breaks


@lru_cache(maxsize=32)
def vouched_cells(view: TableView, exact: ExactFn) -> frozenset[tuple[int, int]]:
    """The (row, column) cells of a fragment's sub-totals that its other
    sub-totals vouch for (see the module's docstring)."""
    blocks = _block_rows(view)
    out: set[tuple[int, int]] = set()
    for col in view.columns:
        if col.role in ("number", "label", "unit") or col.role in RATIO_ROLES:
            continue
        judged = {row.index: _sum_fits(view, row, col.index, exact(view, col.index)) for row in blocks}
        known = [fits for fits in judged.values() if fits is not None]
        if _column_vouches(known):
            out.update((r, col.index) for r, fits in judged.items() if fits is not None)
    return frozenset(out)
