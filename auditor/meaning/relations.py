"""Relations between the columns of a table, discovered from its figures.

The header vocabulary names the roles a rule needs ("Capaian", "Realisasi",
"Target"); a table headed ``Persen (%)``, ``Capai-an`` or with no header
words at all is then not checked. Its figures still say what they are: when
on nearly every row one column is another divided by a third (x 100), their
difference or their sum, that relation is the table's, and a row that breaks
it is suspect. A column that is the change from one year's column to the
next in percent ((b - a) / a x 100) is found the same way.

Discovery is bounded (at most ``max_columns`` numeric columns, three columns
per relation) and guarded against coincidence: a relation counts only rows
where it says something (inputs not zero, a ratio not 100, the computed
interval narrow against the value), it needs inputs and outputs that vary,
and of several relations over the same columns only one is kept. Every
decision uses the interval arithmetic of printed precision; floats serve
only as a quick pre-filter that never rejects what the exact test accepts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import pairwise, permutations

from auditor.meaning.formula import Expr, parse_expression
from auditor.meaning.intervals import Interval
from auditor.meaning.numbers import Number
from auditor.meaning.semantics import TableView

KINDS: dict[str, str] = {
    # kind -> expression over the inputs a, b; the order is the preference
    # between relations of equal support (simplest first)
    "difference": "a - b",
    "sum": "a + b",
    "percent": "a / b * 100",
    "ratio": "a / b",
    # a year-on-year change in percent, b the earlier figure
    "change": "(a - b) / b * 100",
}
LINEAR = ("difference", "sum")
_EXPRS: dict[str, Expr] = {k: parse_expression(v) for k, v in KINDS.items()}
# lower-is-better capaian: t/r x 100 and (2t - r)/t x 100 (the vocabulary's
# alternatives of CAP001), accepted for a row that breaks a / b x 100
LOWER_IS_BETTER = (parse_expression("b / a * 100"), parse_expression("(2 * b - a) / b * 100"))


@dataclass(frozen=True)
class Limits:
    """How much evidence makes a relation the table's."""

    min_support: int = 3
    max_breaks: int = 2
    min_share: float = 0.75
    max_columns: int = 10
    max_width: float = 0.02
    """A supporting row's computed and printed intervals may together be at
    most this share of its value wide."""


@dataclass
class Relation:
    """``out = kind(a, b)`` on the rows of one table."""

    kind: str
    out: int
    a: int
    b: int
    support: list[int] = field(default_factory=list)
    """Rows where the relation holds and says something."""
    breaks: list[int] = field(default_factory=list)
    """Rows where no rounding of the printed inputs gives the printed output."""
    exact: bool = False
    """Read as whole counts or amounts, which stand for themselves."""

    @property
    def expr(self) -> Expr:
        return _EXPRS[self.kind]

    @property
    def columns(self) -> frozenset[int]:
        return frozenset((self.out, self.a, self.b))

    def render(self, a: str, b: str) -> str:
        """The right-hand side with ``a`` and ``b`` put in (names or figures)."""
        return re.sub(r"\b[ab]\b", lambda m: a if m.group(0) == "a" else b, self.expr.text.replace("*", "x"))

    def text(self, name: dict[int, str]) -> str:
        """The relation in the table's own words: ``% = Realisasi / Anggaran x 100``."""
        return f"{name[self.out]} = {self.render(name[self.a], name[self.b])}"


@dataclass(frozen=True)
class Verdict:
    """One row read against a relation."""

    fits: bool
    informative: bool
    computed: Interval | None


def is_numbering_row(view: TableView, r: int) -> bool:
    """A row that numbers the columns ("(1) | (2) | (3)" under the header):
    its figures are 1, 2, 3 ... in order, not data."""
    values = [n.value for c in range(view.table.ncols) if (n := view.number(r, c)) is not None]
    return len(values) >= 3 and all(b - a == 1 for a, b in pairwise(values))


def numeric_columns(view: TableView, rows: list[int], limits: Limits) -> list[int]:
    """Columns printing a figure in at least ``min_support`` of ``rows`` (not
    the numbering); none when there are more than ``max_columns``."""
    cols = [
        col.index
        for col in view.columns
        if col.role != "number" and sum(view.number(r, col.index) is not None for r in rows) >= limits.min_support
    ]
    return cols if len(cols) <= limits.max_columns else []


def _exact(view: TableView, rows: list[int], cols: Iterable[int]) -> bool:
    """Whole numbers without a percent sign in every row of every column:
    counts or amounts, which add up exactly."""
    nums = [view.number(r, c) for r in rows for c in cols]
    return all(n is None or (n.decimals == 0 and not n.percent and not n.ratio) for n in nums)


def judge(rel: Relation, view: TableView, r: int, exact: bool, limits: Limits) -> Verdict | None:
    """Does row ``r`` fit ``rel``? None when it prints no figure in one of
    its columns or an input divides by zero."""
    nums = (view.number(r, rel.out), view.number(r, rel.a), view.number(r, rel.b))
    if any(n is None for n in nums):
        return None
    out, a, b = (n.interval(exact_integers=exact) for n in nums if n is not None)
    try:
        computed = rel.expr.evaluate({"a": a, "b": b})
    except ZeroDivisionError:
        return None
    fits = computed.overlaps(out)
    return Verdict(fits, fits and _informative(rel, nums, computed, out, limits), computed)  # type: ignore[arg-type]


def _informative(
    rel: Relation, nums: tuple[Number, Number, Number], computed: Interval, printed: Interval, limits: Limits
) -> bool:
    """A fitting row that could not fit by accident: no figure is zero, no
    factor is one (100 %), and the computed and printed intervals are
    narrow against the value."""
    out, a, b = (n.value for n in nums)
    if a == 0 or b == 0 or out == 0:
        return False
    # out x b = a (x 100) is symmetric in out and b: a factor of one (100)
    # on either side says only that two columns print the same figure
    unit = {"percent": 100, "ratio": 1}.get(rel.kind)
    if unit is not None and (a in (b, out) or unit in (b, out)):
        return False
    # two intervals this wide overlap by chance about this often
    width = computed.hi - computed.lo + printed.hi - printed.lo
    return width <= abs(out) * Fraction(str(limits.max_width))


def lower_is_better_fits(view: TableView, r: int, rel: Relation) -> bool:
    """A row that breaks ``a / b x 100`` but follows one of the
    lower-is-better capaian formulas over the same two columns."""
    if rel.kind != "percent":
        return False
    nums = (view.number(r, rel.out), view.number(r, rel.a), view.number(r, rel.b))
    if any(n is None for n in nums):
        return False
    out, a, b = (n.interval() for n in nums if n is not None)
    for alt in LOWER_IS_BETTER:
        try:
            if alt.evaluate({"a": a, "b": b}).overlaps(out):
                return True
        except ZeroDivisionError:
            continue
    return False


def _float_fit(kind: str, o: float, a: float, b: float, slack: float) -> bool:
    """The quick pre-filter: a generous float test, only to skip triples
    that plainly do not relate (the exact test decides)."""
    if kind in ("percent", "ratio", "change") and b == 0:
        return False
    q = a / b if b else 0.0
    v = {"difference": a - b, "sum": a + b, "percent": q * 100, "ratio": q, "change": (q - 1) * 100}[kind]
    return abs(v - o) <= slack * max(1.0, abs(o)) + 1.0


def _candidates(view: TableView, rows: list[int], cols: list[int], limits: Limits) -> Iterable[Relation]:
    """Every (kind, out, a, b) the float pre-filter lets through on enough rows."""
    vals = {c: {r: float(n.value) for r in rows if (n := view.number(r, c)) is not None} for c in cols}
    for out, a, b in permutations(cols, 3):
        shared = [r for r in rows if r in vals[out] and r in vals[a] and r in vals[b]]
        if len(shared) < limits.min_support:
            continue
        for kind in KINDS:
            if kind == "sum" and a > b:
                continue  # a + b = b + a
            hits = sum(_float_fit(kind, vals[out][r], vals[a][r], vals[b][r], 0.05) for r in shared)
            if hits >= limits.min_support:
                yield Relation(kind, out, a, b)


def _read(rel: Relation, view: TableView, rows: list[int], limits: Limits) -> bool:
    """Fill ``rel``'s supporting and breaking rows; True when it is the table's."""
    rel.exact = exact = rel.kind in LINEAR and _exact(view, rows, rel.columns)
    for r in rows:
        v = judge(rel, view, r, exact, limits)
        if v is None:
            continue
        if v.informative:
            rel.support.append(r)
        elif not v.fits and not lower_is_better_fits(view, r, rel):
            rel.breaks.append(r)
            if len(rel.breaks) > limits.max_breaks:
                return False  # settled: the rest of the rows cannot change it
    n_sup, n_brk = len(rel.support), len(rel.breaks)
    if n_sup < limits.min_support or n_brk > limits.max_breaks or n_sup < limits.min_share * (n_sup + n_brk):
        return False
    return _varies(view, rel, rel.support)


def _varies(view: TableView, rel: Relation, rows: list[int]) -> bool:
    """The output and both inputs take several values on the supporting rows."""
    for c in rel.columns:
        values = {n.value for r in rows if (n := view.number(r, c)) is not None}
        if len(values) < 2:
            return False
    return True


def _marked_percent(view: TableView, rel: Relation, rows: list[int]) -> bool:
    """Is the output of ``a / b x 100`` (or of a change in percent) marked as
    a percentage, by a ``%`` in its header or on most of its figures? Of
    ``C = A / B x 100`` and its twin ``B = A / C x 100`` that one is the
    derived column."""
    if rel.kind not in ("percent", "change"):
        return False
    if "%" in view.columns[rel.out].header:
        return True
    nums = [n for r in rows if (n := view.number(r, rel.out)) is not None]
    return bool(nums) and sum(n.percent for n in nums) * 2 > len(nums)


def _rank(rel: Relation) -> tuple[int, int, int, int]:
    """Better first: more support, fewer breaks, simpler kind, nearer inputs."""
    spread = abs(rel.out - rel.a) + abs(rel.out - rel.b)
    return (-len(rel.support), len(rel.breaks), list(KINDS).index(rel.kind), spread)


def discover(view: TableView, rows: list[int], limits: Limits | None = None) -> list[Relation]:
    """The relations that hold on ``rows`` of ``view``: at most one per set
    of three columns (the one whose output is rightmost: reports print a
    derived figure after its inputs, and of ``a / b x 100`` the one whose
    output is marked as a percentage) and one per output column."""
    limits = limits or Limits()
    rows = [r for r in rows if not is_numbering_row(view, r)]
    cols = numeric_columns(view, rows, limits)
    if len(cols) < 3:
        return []
    found = [rel for rel in _candidates(view, rows, cols, limits) if _read(rel, view, rows, limits)]
    by_set: dict[frozenset[int], Relation] = {}
    for rel in sorted(found, key=lambda x: (-_marked_percent(view, x, rows), -x.out, _rank(x))):
        by_set.setdefault(rel.columns, rel)
    by_out: dict[int, Relation] = {}
    for rel in sorted(by_set.values(), key=_rank):
        by_out.setdefault(rel.out, rel)
    return sorted(by_out.values(), key=lambda x: x.out)
