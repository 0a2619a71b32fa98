"""Engine for capaian against a range target (``75,70-76,20``).

A target printed as a range is met by any realisasi inside it: the capaian
is then 100 (or "tercapai"). Outside it the capaian is the realisasi
relative to the range, and reports differ on which point of the range they
divide by, so any point of it is accepted (and, for a lower-is-better
indicator, either lower-is-better formula). Only a printed capaian that
none of these readings gives is reported. Row formulas skip such rows, since
a range is not one number.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from auditor.checks.common import make_finding
from auditor.checks.row_formula import CHECKED_KINDS, input_interval
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.intervals import Interval
from auditor.meaning.numbers import Number, format_number, parse_range, role_interval
from auditor.meaning.semantics import TableView
from auditor.rulesets.loader import Rule

HUNDRED = Interval.point(Fraction(100))


def _column(view: TableView, r: int, roles: list[str], out_col: int, ranged: bool) -> int | None:
    """The nearest column left of the capaian (else right) with one of
    ``roles`` that prints a range (``ranged``) or a number in row r."""
    cands = [
        c.index
        for c in view.columns
        if c.role in roles
        and c.index != out_col
        and (parse_range(view.cell(r, c.index).text) is not None if ranged else view.number(r, c.index) is not None)
    ]
    left = [c for c in cands if c < out_col]
    return max(left) if left else min(cands, default=None)


def _readings(rule: Rule, lo: Interval, hi: Interval, real: Interval) -> list[Interval]:
    """Every capaian a report may print for this realisasi and range: the
    rule's formulas with any point of the range as the target, and 100 when
    the realisasi is inside it."""
    span = Interval(lo.lo, hi.hi)
    env = {"target": span, "realisasi": real}
    out = [HUNDRED] if real.overlaps(span) else []
    for expr in (rule.formula, *rule.alternatives):
        if expr is not None:
            out.append(expr.evaluate(env))
    return out


def _expected(lo: Number, hi: Number, real: Number, out: Number) -> str:
    """What a higher-is-better capaian would be: 100 inside the range,
    else the realisasi relative to the nearer end."""
    if lo.value <= real.value <= hi.value:
        point = Fraction(100)
    else:
        end = lo if real.value < lo.value else hi
        point = real.value / end.value * 100
    return format_number(point, max(out.decimals, 2), out.decimal_sep)


def check_range_targets(rule: Rule, view: TableView, run: Run) -> Iterator[Finding]:
    """A capaian that no reading of its range target gives: not 100 with
    the realisasi inside the range, not the realisasi relative to any point
    of it."""
    out_roles, target_roles = rule.roles_for("capaian"), rule.roles_for("target")
    real_roles = rule.roles_for("realisasi")
    for row in view.rows:
        if row.kind not in CHECKED_KINDS:
            continue
        for col in view.columns:
            out = view.number(row.index, col.index)
            if col.role not in out_roles or out is None:
                continue
            t_col = _column(view, row.index, target_roles, col.index, ranged=True)
            r_col = _column(view, row.index, real_roles, col.index, ranged=False)
            if t_col is None or r_col is None:
                continue
            ends = parse_range(view.cell(row.index, t_col).text)
            real = view.number(row.index, r_col)
            assert ends is not None and real is not None
            lo, hi = (role_interval(n, "target") for n in ends)
            try:
                readings = _readings(rule, lo, hi, input_interval(view, row.index, r_col))
            except ZeroDivisionError:
                continue
            if any(iv.overlaps(out.interval()) for iv in readings):
                continue
            yield make_finding(
                rule,
                view,
                run.lang,
                cells=[(row.index, col.index), (row.index, t_col), (row.index, r_col)],
                printed=out.text,
                expected=_expected(*ends, real, out),
                target=view.cell(row.index, t_col).text,
                realisasi=real.text,
            )
