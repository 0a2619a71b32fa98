"""REL001 for a column that is the sum of three or more others, found from the figures.

One defect, one finding: a total column that SUM004 sums (headed JUMLAH,
its parts just before it) is left to SUM004, a cell a row-formula rule
recomputes is left to that rule, and a column that a pairwise relation
already explains is left to the pairwise check.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.aggregates import total_part_columns
from auditor.checks.checked import CheckedRelation, sum_form
from auditor.checks.common import make_finding
from auditor.findings.records import Finding
from auditor.meaning.column_sums import ColumnSum, discover_sums
from auditor.meaning.numbers import format_number
from auditor.meaning.relations import Limits
from auditor.meaning.semantics import TableView
from auditor.rulesets.loader import Rule


def column_sums(view: TableView, rows: list[int], limits: Limits, pairwise_outs: set[int]) -> list[ColumnSum]:
    """The sums to check: not SUM004's and not an output of a pairwise relation."""
    return [
        rel
        for rel in discover_sums(view, rows, limits)
        if rel.out not in pairwise_outs
        and not (view.columns[rel.out].role == "total" and len(total_part_columns(view, rel.out)) >= 2)
    ]


def sum_breaks(
    rule: Rule, view: TableView, lang: str, rel: ColumnSum, derived: set[tuple[int, int]], error_support: int
) -> Iterator[Finding]:
    """Each row breaking ``rel``: an error when ``error_support`` other rows
    satisfy it and no other row breaks it, a warning otherwise."""
    for r in rel.breaks:
        if (r, rel.out) in derived:
            continue
        others = len(rel.support)
        sure = others >= error_support
        severity = "error" if sure and len(rel.breaks) == 1 else "warning"
        yield _finding(rule, view, lang, rel, r, severity, "medium" if sure else "low")


def _finding(rule: Rule, view: TableView, lang: str, rel: ColumnSum, r: int, severity: str, confidence: str) -> Finding:
    out = view.number(r, rel.out)
    parts = [view.number(r, c) for c in rel.parts]
    assert out is not None and all(p is not None for p in parts)
    total = sum((p.value for p in parts if p is not None), start=out.value * 0)
    names = {c: view.column_header(c) for c in rel.columns}
    return make_finding(
        rule,
        view,
        lang,
        cells=[(r, rel.out)] + [(r, c) for c in rel.parts],
        printed=out.text,
        expected=format_number(total, out.decimals, out.decimal_sep),
        severity=severity,
        confidence=confidence,
        relation=rel.text(names),
        others=len(rel.support),
        inputs=" + ".join(p.text.replace("%", "").strip() for p in parts if p is not None),
    )


def checked_sum(rule: Rule, view: TableView, rel: ColumnSum, judged: list[int]) -> CheckedRelation:
    """What :func:`sum_breaks` judges, for ``audit gx``."""
    names = {c: view.column_header(c) for c in rel.columns}
    form = sum_form([(None, c) for c in rel.parts], rel.exact)
    return CheckedRelation(rule.code, view.table.id, rel.out, tuple(judged), (form,), rel.text(names))
