"""One population split two ways (DOC012).

Bab I counts the staff several times: "Sumber Daya Aparatur berdasarkan
Golongan", "... berdasarkan Pendidikan", "... berdasarkan Jabatan". Each
table splits the same people along another line, so each must come to the
same total (and the same number of men and of women, where both split by
sex). This engine reads the tables whose caption says "POPULATION
menurut/berdasarkan DIMENSION", takes each one's total per column (its
printed total row, else the sum of its top-level rows: a wrong total row is
SUM001's), and compares the tables of one population (same words, same
years) split along different dimensions. A table that disagrees with the
total two others agree on is named; between two tables that disagree, the
later one, with the earlier's total expected.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from auditor.checks.common import text_finding
from auditor.checks.narrative.common import rule_param
from auditor.checks.run import Run
from auditor.checks.same_set import caption
from auditor.findings.records import Finding
from auditor.meaning.figures import pattern
from auditor.meaning.locations import cell_location
from auditor.meaning.numbers import format_number
from auditor.meaning.semantics import TableView
from auditor.rulesets.loader import Rule

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DASH = re.compile(r"[-–—]*")


@dataclass(frozen=True)
class Breakdown:
    """One table splitting a population: its totals per column key."""

    view: TableView
    population: tuple[str, ...]
    dimension: str
    named: str
    """The population as the caption names it."""
    totals: dict[str, tuple[Fraction, int, int]]
    """column key -> (total, the row and column where it is printed, or the last item row)."""


def _words(text: str, stop: frozenset[str]) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"\W+", text.lower()) if w and w not in stop and not w.isdigit())


def _column_keys(view: TableView, names: dict[str, str]) -> dict[int, str]:
    out = {}
    for col in view.columns:
        key = names.get(" ".join(re.split(r"\W+", view.column_header(col.index).lower())).strip())
        if key and col.role not in ("number", "label"):
            out[col.index] = key
    return out


def _item_rows(view: TableView) -> list[int]:
    """Top-level rows: items and subtotals not closed by a subtotal."""
    closed = {view.rows[k].index for r in view.rows if r.kind == "subtotal" for k in r.closes}
    return [r.index for r in view.rows if r.kind in ("body", "subtotal") and r.index not in closed]


def _total(view: TableView, c: int, items: list[int]) -> tuple[Fraction, int] | None:
    """The printed total of column c (its last total row), else the sum of the items."""
    for row in reversed(view.rows):
        if row.kind == "total":
            n = view.number(row.index, c)
            return (Fraction(n.value), row.index) if n is not None and n.decimals == 0 else None
    got = Fraction(0)
    for r in items:
        n = view.number(r, c)
        if n is None and not _DASH.fullmatch(view.cell(r, c).text.strip()):
            return None
        if n is not None and n.decimals:
            return None
        got += Fraction(n.value) if n is not None else 0
    return (got, items[-1]) if items else None


def breakdowns(rule: Rule, views: list[TableView]) -> list[Breakdown]:
    rx = pattern(str(rule_param(rule, "caption", r"(?!x)x")))
    stop = frozenset(str(w).lower() for w in rule_param(rule, "population_stop", []) or [])
    not_partition = pattern(str(rule_param(rule, "not_partition", r"(?!x)x")))
    names = {str(k).lower(): str(v) for k, v in (rule_param(rule, "columns", {}) or {}).items()}
    out = []
    for view in views:
        m = rx.search(" ".join((view.table.title or "").split()))
        if m is None or not_partition.search(m.group("dim")):
            continue
        items = _item_rows(view)
        totals = {}
        for c, key in _column_keys(view, names).items():
            t = _total(view, c, items)
            if t is not None:
                totals[key] = (t[0], t[1], c)
        if totals:
            years = tuple(sorted(set(_YEAR.findall(view.table.title or ""))))
            dim = _words(m.group("dim"), stop)[:1]
            pop = _words(m.group("pop"), stop) + years
            out.append(Breakdown(view, pop, " ".join(dim), m.group("pop").strip(), totals))
    return out


def _odd(values: list[tuple[Breakdown, Fraction]]) -> Iterator[tuple[Breakdown, Fraction, Breakdown]]:
    """(the table that disagrees, the total expected, a table that gives it)."""
    counts = Counter(v for _, v in values)
    if len(counts) < 2:
        return
    (top, n_top), (_, n_second) = counts.most_common(2)
    if n_top >= 2 and n_top > n_second:
        ref = next(b for b, v in values if v == top)
        yield from ((b, top, ref) for b, v in values if v != top)
    elif len(values) == 2:
        (a, va), (b, _) = values
        yield b, va, a


def check_breakdowns(rule: Rule, run: Run) -> Iterator[Finding]:
    """Tables that split one population by two dimensions (staff by
    golongan and by pendidikan) come to the same totals."""
    groups: dict[tuple[str, ...], list[Breakdown]] = {}
    for b in breakdowns(rule, run.context.views):
        groups.setdefault(b.population, []).append(b)
    for group in groups.values():
        if len({b.dimension for b in group}) < 2:
            continue
        keys = sorted({k for b in group for k in b.totals})
        for key in keys:
            values = [(b, b.totals[key][0]) for b in group if key in b.totals]
            for odd, expected, ref in _odd(values):
                yield _finding(rule, run, key, odd, expected, ref)


def _finding(rule: Rule, run: Run, key: str, odd: Breakdown, expected: Fraction, ref: Breakdown) -> Finding:
    total, r, c = odd.totals[key]
    _, rr, rc = ref.totals[key]
    return text_finding(
        rule,
        run.lang,
        locations=[cell_location(odd.view, r, c), cell_location(ref.view, rr, rc)],
        printed=format_number(total, 0, ","),
        expected=format_number(expected, 0, ","),
        meaning=("breakdown", " ".join(odd.population), odd.dimension, key),
        table=caption(odd.view),
        other=caption(ref.view),
        column=odd.view.column_header(c),
        population=odd.named,
    )
