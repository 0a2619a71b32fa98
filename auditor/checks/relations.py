"""Engine for relations discovered from the figures (REL001).

The header vocabulary is the prior: a cell that a row-formula rule already
recomputes (``run.derived``) or a column that the total-column rule checks is
left to those rules, so one defect gives one finding. What the vocabulary
missed (a ``Persen (%)`` or ``Capai-an`` column, headers that name no role)
is checked against the relation its own rows obey; a row that breaks it is
reported at the relation's output cell with the evidence: how many other
rows satisfy it.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.common import make_finding
from auditor.checks.engine import Setting
from auditor.checks.row_formula import mixed_units
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.numbers import Number, format_number
from auditor.meaning.relations import LINEAR, Limits, Relation, discover
from auditor.meaning.semantics import TableView
from auditor.rulesets.loader import Rule

DISCOVERY_ROWS = ("body",)
CHECKED_ROWS = ("body", "subtotal")
MIN_SUPPORT = Setting("min_support", int, 3, "Rows that must satisfy a relation for it to be the table's.")
MAX_BREAKS = Setting("max_breaks", int, 2, "Rows that may break it (each one a finding).")
MIN_SHARE = Setting("min_share", float, 0.75, "Share of the rows read that must satisfy it.")
MAX_COLUMNS = Setting("max_columns", int, 10, "Tables with more numeric columns are not searched.")
ERROR_SUPPORT = Setting("error_support", int, 4, "Other rows satisfying it for a break to be an error.")
SETTINGS = (MIN_SUPPORT, MAX_BREAKS, MIN_SHARE, MAX_COLUMNS, ERROR_SUPPORT)


def _limits(rule: Rule) -> Limits:
    return Limits(
        min_support=MIN_SUPPORT.of(rule),
        max_breaks=MAX_BREAKS.of(rule),
        min_share=float(MIN_SHARE.of(rule)),
        max_columns=MAX_COLUMNS.of(rule),
    )


def check_relations(rule: Rule, view: TableView, run: Run) -> Iterator[Finding]:
    """A row that breaks a relation between columns that the table's other
    rows obey (``%`` = A / B x 100, A - B, A + B), found from the figures.

    Cells a vocabulary rule already recomputes are left to it; a row with a
    blank or non-numeric figure in the relation is skipped; a row that fits
    a lower-is-better capaian formula is not a break."""
    if view.is_contents:
        return
    rows = [row.index for row in view.rows if row.kind in DISCOVERY_ROWS]
    checked = {row.index for row in view.rows if row.kind in CHECKED_ROWS}
    derived = run.derived_cells(view)
    for rel in discover(view, rows, _limits(rule)):
        if view.columns[rel.out].role == "total":
            continue  # SUM004 checks a JUMLAH column
        for r in rel.breaks:
            if r not in checked or (r, rel.out) in derived or _mixed(view, r, rel):
                continue
            others = len(rel.support)
            severity = "error" if others >= ERROR_SUPPORT.of(rule) and len(rel.breaks) == 1 else "warning"
            yield _finding(rule, view, run.lang, rel, r, severity)


def _mixed(view: TableView, r: int, rel: Relation) -> bool:
    """A count beside a percentage in the inputs of a ratio: not comparable."""
    if rel.kind in LINEAR:
        return False
    nums = [n for c in (rel.a, rel.b) if (n := view.number(r, c)) is not None]
    return mixed_units(nums)


def _finding(rule: Rule, view: TableView, lang: str, rel: Relation, r: int, severity: str) -> Finding:
    out, a, b = (view.number(r, c) for c in (rel.out, rel.a, rel.b))
    assert out is not None and a is not None and b is not None
    names = {c: view.column_header(c) for c in rel.columns}
    point = rel.expr.evaluate_point({"a": a.value, "b": b.value})
    decimals = out.decimals if rel.kind in LINEAR or out.grouped or out.currency else max(out.decimals, 2)
    inputs = rel.render(_bare(a), _bare(b))
    return make_finding(
        rule,
        view,
        lang,
        cells=[(r, rel.out), (r, rel.a), (r, rel.b)],
        printed=out.text,
        expected=format_number(point, decimals, out.decimal_sep),
        severity=severity,
        confidence="medium",
        relation=rel.text(names),
        others=len(rel.support),
        inputs=inputs,
    )


def _bare(n: Number) -> str:
    return n.text.replace("%", "").strip()
