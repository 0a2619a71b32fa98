"""Engine for indicator polarity: is the capaian formula the right one for
the indicator's direction?

A higher-is-better indicator gets realisasi / target x 100; a lower-is-better
one gets (2 x target - realisasi) / target x 100 or target / realisasi x 100.
A row whose printed capaian fits only the formula of the other direction is
reported; the indicator's direction is read from its name (vocabulary).
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.common import make_finding
from auditor.checks.practice import practice_note, report_practice, row_polarity
from auditor.checks.row_formula import (
    CHECKED_KINDS,
    bind_names,
    formula_bindings,
    input_interval,
    mixed_units,
    year_hints,
)
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.formula import Expr
from auditor.meaning.intervals import Interval
from auditor.meaning.numbers import format_number
from auditor.meaning.semantics import TableView
from auditor.rulesets.loader import Rule


def _fits(expr: Expr, view: TableView, binding: dict[str, int], r: int, printed: Interval) -> bool | None:
    env = {}
    for name, c in binding.items():
        num = view.number(r, c)
        if num is None:
            return None
        env[name] = input_interval(view, r, c)
    try:
        return expr.evaluate(env).overlaps(printed)
    except ZeroDivisionError:
        return None


def _cross_year(view: TableView, binding: dict[str, int]) -> bool:
    """A realisasi of one year against another year's target ("REALISASI 2018 |
    TARGET 2019 | %") is a comparison, not a capaian: its formula says
    nothing about the indicator's direction."""
    years = {view.columns[c].year for c in binding.values()} - {None}
    return len(years) > 1


def _may_report(polarity: str | None, higher: bool | None, direction: str | None) -> bool:
    """Whether the row can be reported whatever the other direction's
    formulas give: a higher-is-better rule reports a row its own formula
    does not fit (unless the name says lower is better), a lower-is-better
    rule a row it fits whose name says lower is better. The alternatives
    are evaluated only then."""
    if polarity == "higher":
        return not higher and direction != "lower"
    if polarity == "lower":
        return bool(higher) and direction == "lower"
    return False


def check_polarity(rule: Rule, view: TableView, run: Run) -> Iterator[Finding]:
    """A capaian that fits only the formula of the other direction than the indicator's."""
    assert rule.formula is not None
    lang = run.lang
    for row in view.rows:
        if row.kind not in CHECKED_KINDS:
            continue
        direction: str | None = None
        for i, (out_col, _, binding) in enumerate(formula_bindings(rule, view, row.index, primary_only=True)):
            if i == 0:  # asked only of rows the formula binds in (most rows bind none)
                direction = row_polarity(view, row.index, run)
            out = view.number(row.index, out_col)
            assert out is not None
            nums = [view.number(row.index, c) for c in binding.values()]
            if mixed_units([n for n in nums if n is not None]):
                continue
            if _cross_year(view, binding):
                continue
            printed = out.interval()
            higher = _fits(rule.formula, view, binding, row.index, printed)
            if not _may_report(rule.polarity, higher, direction):
                continue
            hints = year_hints(view, rule, out_col)
            lower_fit: Expr | None = None
            for alt in rule.alternatives:
                alt_binding = bind_names(view, rule, row.index, out_col, alt.names, hints)
                if alt_binding and _fits(alt, view, alt_binding, row.index, printed):
                    lower_fit = alt
                    break
            if rule.polarity == "higher" and lower_fit and not higher and direction != "lower":
                used, should, note = lower_fit, rule.formula, ""
            elif rule.polarity == "lower" and higher and not lower_fit and direction == "lower":
                practice = report_practice(rule, run, view, row.index)
                used, should = rule.formula, practice.formula if practice else rule.alternatives[0]
                note = practice_note(rule, lang, practice)
            else:
                continue
            should_binding = bind_names(view, rule, row.index, out_col, should.names, hints) or binding
            env = {n: view.number(row.index, c).value for n, c in should_binding.items()}  # type: ignore[union-attr]
            try:
                expected = format_number(should.evaluate_point(env), max(out.decimals, 2), out.decimal_sep)
            except ZeroDivisionError:
                expected = None
            yield make_finding(
                rule,
                view,
                lang,
                cells=[(row.index, out_col)] + [(row.index, c) for c in binding.values()],
                printed=out.text,
                expected=expected,
                note=note,
                used=used.text.replace("*", "x"),
                should=should.text.replace("*", "x"),
            )
