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
from dataclasses import replace

from auditor.checks.checked import CheckedRelation, row_form
from auditor.checks.column_sums import checked_sum, column_sums, sum_breaks
from auditor.checks.common import make_finding
from auditor.checks.engine import Setting
from auditor.checks.row_formula import mixed_units
from auditor.checks.run import Run
from auditor.findings.confidence import capped
from auditor.findings.records import Finding
from auditor.meaning.column_sums import judge_sum
from auditor.meaning.intervals import interval_mean, interval_sum
from auditor.meaning.numbers import Number, format_number
from auditor.meaning.relations import (
    LINEAR,
    LOWER_IS_BETTER,
    Limits,
    Relation,
    discover,
    is_numbering_row,
    judge,
    lower_is_better_fits,
)
from auditor.meaning.semantics import Row, TableView
from auditor.rulesets.loader import Rule

DISCOVERY_ROWS = ("body",)
"""Rows a relation is read on and reported in. Closing rows (JUMLAH, a
subtotal, a rata-rata) may print a mean where the body prints ratios, and
their sums are the closing-row rules' to check."""
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
    rows obey (``%`` = A / B x 100, A - B, A + B, or a column that is the
    sum of a run of three or more others), found from the figures.

    Cells a vocabulary rule already recomputes are left to it; a row with a
    blank or non-numeric figure in the relation is skipped; a row that fits
    a lower-is-better capaian formula is not a break."""
    if view.is_contents:
        return
    rows = [row.index for row in view.rows if row.kind in DISCOVERY_ROWS]
    derived = run.derived_cells(view)
    relations = discover(view, rows, _limits(rule))
    for rel in relations:
        if view.columns[rel.out].role == "total":
            continue  # SUM004 checks a JUMLAH column
        for r in rel.breaks:
            if (r, rel.out) in derived or _mixed(view, r, rel):
                continue
            others = len(rel.support)
            severity = "error" if others >= ERROR_SUPPORT.of(rule) and len(rel.breaks) == 1 else "warning"
            confidence = "medium" if others >= ERROR_SUPPORT.of(rule) else "low"
            yield _finding(rule, view, run.lang, rel, r, severity, confidence)
        yield from _closing_breaks(rule, view, run, rel, derived)
    for total in column_sums(view, rows, _limits(rule), {rel.out for rel in relations}):
        yield from sum_breaks(rule, view, run.lang, total, derived, ERROR_SUPPORT.of(rule))


CLOSING_ROWS = ("subtotal", "total")


def _closing_breaks(
    rule: Rule, view: TableView, run: Run, rel: Relation, derived: set[tuple[int, int]]
) -> Iterator[Finding]:
    """A subtotal or total row whose ratio follows neither the relation its
    body rows obey (sum of realisasi / sum of pagu x 100) nor the mean or
    sum of the ratios it closes: a warning, since closing rows print what
    they like more often than body rows.

    Only ratio relations without a break, on at least ERROR_SUPPORT rows."""
    if rel.kind in LINEAR or rel.breaks or len(rel.support) < ERROR_SUPPORT.of(rule):
        return
    for row in view.rows:
        r = row.index
        if row.kind not in CLOSING_ROWS or (r, rel.out) in derived or _mixed(view, r, rel):
            continue
        verdict = judge(rel, view, r, False, _limits(rule))
        if verdict is None or verdict.fits or lower_is_better_fits(view, r, rel) or _aggregates(view, row, rel.out):
            continue
        yield _finding(rule, view, run.lang, rel, r, "warning", "medium")


def _aggregates(view: TableView, row: Row, c: int) -> bool:
    """Is the closing figure the mean or the sum of the figures it closes?"""
    out = view.number(row.index, c)
    parts = [view.number(p, c) for p in row.closes]
    nums = [n.interval() for n in parts if n is not None]
    if out is None or not nums:
        return True  # nothing to compare with: leave it
    printed = out.interval()
    return interval_mean(nums).overlaps(printed) or interval_sum(nums).overlaps(printed)


def _mixed(view: TableView, r: int, rel: Relation) -> bool:
    """A count beside a percentage in the inputs of a ratio: not comparable."""
    if rel.kind in LINEAR:
        return False
    nums = [n for c in (rel.a, rel.b) if (n := view.number(r, c)) is not None]
    return mixed_units(nums)


def _finding(rule: Rule, view: TableView, lang: str, rel: Relation, r: int, severity: str, confidence: str) -> Finding:
    """A relation is inferred, never read from the header: at best medium
    confidence, low when few rows support it."""
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
        confidence=confidence,
        relation=rel.text(names),
        others=len(rel.support),
        inputs=inputs,
    )


def _bare(n: Number) -> str:
    return n.text.replace("%", "").strip()


def defer_to_figures(findings: list[Finding], views: list[TableView], run: Run, rules: list[Rule]) -> list[Finding]:
    """``findings`` with every row-formula finding that the figures explain
    turned into a note: where the header words say capaian = realisasi /
    target but the column follows another relation on the other rows (and
    on this one), the header words named the wrong inputs, and the figures
    win. Runs only when a column-relation rule is selected."""
    rule = next((r for r in rules if r.engine == "column-relation"), None)
    if rule is None:
        return findings
    by_id = {v.table.id: v for v in views}
    cache: dict[str, list[Relation]] = {}
    out: list[Finding] = []
    for f in findings:
        view = by_id.get((f.locations[0].table or "") if f.locations else "")
        peer = run.ruleset.get(f.rule)
        if view is None or peer is None or peer.engine != "row-formula" or f.severity == "info":
            out.append(f)
            continue
        if view.table.id not in cache:
            rows = [row.index for row in view.rows if row.kind in DISCOVERY_ROWS]
            cache[view.table.id] = discover(view, rows, _limits(rule))
        rel = _explaining(f, cache[view.table.id], ERROR_SUPPORT.of(rule))
        out.append(f if rel is None else _noted(f, rel, view, run.lang))
    return out


def _explaining(f: Finding, relations: list[Relation], min_support: int) -> Relation | None:
    """A relation with no break that gives ``f``'s cell from other columns."""
    loc = f.locations[0]
    if loc.row is None or loc.column is None:
        return None
    r, c = loc.row - 1, loc.column - 1
    inputs = {x.column - 1 for x in f.locations[1:] if x.column is not None}
    for rel in relations:
        others = len(rel.support) - 1  # this row is one of its supporting rows
        if rel.out == c and r in rel.support and not rel.breaks and others >= min_support and {rel.a, rel.b} != inputs:
            return rel
    return None


def _noted(f: Finding, rel: Relation, view: TableView, lang: str) -> Finding:
    names = {c: view.column_header(c) for c in rel.columns}
    note = NOTES["figures"].get(lang, NOTES["figures"]["id"]).format(relation=rel.text(names), others=len(rel.support))
    return replace(capped(f, "medium"), severity="info", message=f"{f.message} {note}")


NOTES = {
    "figures": {
        "id": "Namun angka-angka kolom ini mengikuti {relation} ({others} baris, termasuk baris ini): "
        "judul kolom menyebut masukan lain, dan angka-angkanya yang dipakai.",
        "en": "But the figures of this column follow {relation} ({others} rows, this one included): "
        "the header names other inputs, and the figures win.",
    }
}


def checked_relations(rule: Rule, view: TableView, run: Run) -> Iterator[CheckedRelation]:
    """What :func:`check_relations` judges: each relation the figures obey,
    on every row that prints its three figures, less the cells a vocabulary
    rule recomputes and the breaks of mixed units it passes over."""
    if view.is_contents:
        return
    rows = [row.index for row in view.rows if row.kind in DISCOVERY_ROWS]
    derived = run.derived_cells(view)
    limits = _limits(rule)
    relations = discover(view, rows, limits)
    for rel in relations:
        if view.columns[rel.out].role == "total":
            continue
        forms = [row_form(rel.expr.text, {"a": rel.a, "b": rel.b}, rel.exact)]
        if rel.kind == "percent":
            forms += [row_form(alt.text, {"a": rel.a, "b": rel.b}) for alt in LOWER_IS_BETTER]
        judged = [
            r
            for r in rows
            if not is_numbering_row(view, r)
            and judge(rel, view, r, rel.exact, limits) is not None
            and (r, rel.out) not in derived
            and not (r in rel.breaks and _mixed(view, r, rel))
        ]
        if judged:
            names = {c: view.column_header(c) for c in rel.columns}
            yield CheckedRelation(rule.code, view.table.id, rel.out, tuple(judged), tuple(forms), rel.text(names))
    for total in column_sums(view, rows, limits, {rel.out for rel in relations}):
        judged = [
            r
            for r in rows
            if not is_numbering_row(view, r)
            and judge_sum(total, view, r, limits) is not None
            and (r, total.out) not in derived
        ]
        if judged:
            yield checked_sum(rule, view, total, judged)
