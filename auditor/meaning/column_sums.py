"""A column that is the sum of three or more others, discovered from the figures.

``Jumlah = TW I + TW II + TW III + TW IV``, ``Total = L + P + lainnya``, a
pagu split across APBD, APBN and DAK: the header may name no total, or name
it where the total-column rule (SUM004) does not look (before its parts).
When on nearly every row one column is the sum of a run of others, that sum
is the table's, and a row that breaks it is suspect.

Sums of many columns fit by coincidence more easily than a ratio, so the
search is narrow and the evidence strict: only runs of adjacent numeric
columns (a report prints the parts of a total side by side), at most
``MAX_PARTS`` of them; never a percentage or a ratio column; a row counts
only where at least two parts are not zero, the total is none of its parts
and the intervals are narrow against the total; totals below 100 need more
rows. Every decision uses the interval arithmetic of printed precision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from auditor.meaning.intervals import Interval, interval_sum
from auditor.meaning.numbers import Number
from auditor.meaning.relations import Limits, is_numbering_row, numeric_columns
from auditor.meaning.semantics import TableView

MIN_PARTS = 3
"""Two parts are the pairwise relations' (``a + b``)."""
MAX_PARTS = 6
SMALL = 100
"""Totals below this are small counts, which add up by chance more often."""
SMALL_SUPPORT = 5
"""Supporting rows needed when every total is small."""


@dataclass
class ColumnSum:
    """``out = parts[0] + parts[1] + ...`` on the rows of one table."""

    out: int
    parts: tuple[int, ...]
    support: list[int] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)
    exact: bool = False

    @property
    def columns(self) -> frozenset[int]:
        return frozenset((self.out, *self.parts))

    def text(self, name: dict[int, str]) -> str:
        """The relation in the table's own words: ``Jumlah = TW I + TW II + TW III``."""
        return f"{name[self.out]} = " + " + ".join(name[c] for c in self.parts)


def _additive(view: TableView, rows: list[int], c: int) -> bool:
    """No percentage or ratio in the header or the figures of column ``c``."""
    if "%" in view.columns[c].header:
        return False
    return not any((n := view.number(r, c)) is not None and (n.percent or n.ratio) for r in rows)


def _exact(view: TableView, rows: list[int], cols: frozenset[int]) -> bool:
    """Whole numbers in every row of every column: counts or amounts."""
    return all(n is None or n.decimals == 0 for r in rows for c in cols if (n := view.number(r, c)) is not None)


def _runs(cols: list[int], out: int) -> list[tuple[int, ...]]:
    """Runs of ``MIN_PARTS`` to ``MAX_PARTS`` adjacent numeric columns, ``out`` not among them."""
    others = [c for c in cols if c != out]
    segments: list[list[int]] = [[]]
    for c in others:
        # a run does not straddle the total
        if segments[-1] and (segments[-1][-1] < out < c):
            segments.append([])
        segments[-1].append(c)
    runs = []
    for seg in segments:
        for i in range(len(seg)):
            for k in range(MIN_PARTS, MAX_PARTS + 1):
                if i + k <= len(seg):
                    runs.append(tuple(seg[i : i + k]))
    return runs


def judge_sum(rel: ColumnSum, view: TableView, r: int, limits: Limits) -> tuple[bool, bool, Interval] | None:
    """(fits, informative, computed) for row ``r``; None when a figure is missing."""
    nums = [view.number(r, c) for c in (rel.out, *rel.parts)]
    if any(n is None for n in nums):
        return None
    out, *parts = (n for n in nums if n is not None)
    printed = out.interval(exact_integers=rel.exact)
    computed = interval_sum([p.interval(exact_integers=rel.exact) for p in parts])
    fits = computed.overlaps(printed)
    return fits, fits and _informative(out, parts, computed, printed, limits), computed


def _informative(out: Number, parts: list[Number], computed: Interval, printed: Interval, limits: Limits) -> bool:
    """A fitting row that could not fit by accident: two parts or more are
    not zero, the total is none of its parts, and the intervals are narrow."""
    if out.value == 0 or sum(p.value != 0 for p in parts) < 2 or any(p.value == out.value for p in parts):
        return False
    width = computed.hi - computed.lo + printed.hi - printed.lo
    return width <= abs(out.value) * Fraction(str(limits.max_width))


def _float_hits(view: TableView, rows: list[int], out: int, parts: tuple[int, ...]) -> int:
    """The quick pre-filter: rows where the float sum is near the total."""
    hits = 0
    for r in rows:
        nums = [view.number(r, c) for c in (out, *parts)]
        if any(n is None for n in nums):
            continue
        o, *ps = (float(n.value) for n in nums if n is not None)
        hits += abs(sum(ps) - o) <= 0.05 * max(1.0, abs(o)) + 1.0
    return hits


def _read(rel: ColumnSum, view: TableView, rows: list[int], limits: Limits) -> bool:
    """Fill the supporting and breaking rows; True when the sum is the table's."""
    rel.exact = _exact(view, rows, rel.columns)
    for r in rows:
        v = judge_sum(rel, view, r, limits)
        if v is None:
            continue
        if v[1]:
            rel.support.append(r)
        elif not v[0]:
            rel.breaks.append(r)
    n_sup, n_brk = len(rel.support), len(rel.breaks)
    if n_brk > limits.max_breaks or n_sup < limits.min_share * (n_sup + n_brk):
        return False
    totals = [abs(n.value) for r in rel.support if (n := view.number(r, rel.out)) is not None]
    need = SMALL_SUPPORT if totals and max(totals) < SMALL else limits.min_support
    return n_sup >= need and len(set(totals)) >= 2


def discover_sums(view: TableView, rows: list[int], limits: Limits | None = None) -> list[ColumnSum]:
    """The column sums of three or more parts that hold on ``rows``: at most
    one per total column (most support, fewest breaks, fewest parts), and
    none whose total is a part of another found sum."""
    limits = limits or Limits()
    rows = [r for r in rows if not is_numbering_row(view, r)]
    cols = [c for c in numeric_columns(view, rows, limits) if _additive(view, rows, c)]
    found: list[ColumnSum] = []
    for out in cols:
        best: ColumnSum | None = None
        for parts in _runs(cols, out):
            if _float_hits(view, rows, out, parts) < limits.min_support:
                continue
            rel = ColumnSum(out, parts)
            if _read(rel, view, rows, limits) and (best is None or _rank(rel) < _rank(best)):
                best = rel
        if best is not None:
            found.append(best)
    parts_of = {c for rel in found for c in rel.parts}
    return [rel for rel in found if rel.out not in parts_of]


def _rank(rel: ColumnSum) -> tuple[int, int, int]:
    return (-len(rel.support), len(rel.breaks), len(rel.parts))
