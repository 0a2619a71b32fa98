"""Unit sanity: figures whose size or company says something is off even
when no formula can be recomputed (a budget absorbed at 104 %, a capaian
printed without its realisasi, counts and percentages mixed in a column)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction

from auditor.checks.common import make_finding
from auditor.checks.engine import Setting
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.numbers import is_nil
from auditor.meaning.semantics import TableView
from auditor.rulesets.loader import Rule

FIGURE_ROWS = ("body", "total", "subtotal", "summary")
COLUMNS = Setting("columns", list, [], "The column roles checked.")
WHEN_TABLE_HAS = Setting("when_table_has", list, [], "Only tables with a column of one of these roles.")
WHEN_LABEL = Setting("when_label", re.Pattern, None, "Only rows whose label matches (a regex).")
UNLESS_LABEL = Setting(
    "unless_label",
    str,
    "",
    "Rows whose label matches (a regex, case-insensitive) are not checked: receipts may exceed their plan.",
)
LIMIT = Setting("limit", float, 100, "The cap a share may not exceed.")
NEEDS = Setting("needs", list, [], "The input column roles a ratio needs beside it.")
PERCENT_CAP = (COLUMNS, WHEN_TABLE_HAS, WHEN_LABEL, UNLESS_LABEL, LIMIT)
ORPHAN_RATIO = (COLUMNS, NEEDS)


def _table_has(view: TableView, roles: list[str]) -> bool:
    return not roles or any(col.role in roles for col in view.columns)


def check_percent_cap(rule: Rule, view: TableView, run: Run) -> Iterator[Finding]:
    """A share of a whole above its cap (100 by default)."""
    lang = run.lang
    if not _table_has(view, WHEN_TABLE_HAS.of(rule)):
        return
    limit = Fraction(str(LIMIT.of(rule)))
    label_pat = WHEN_LABEL.of(rule)
    unless = re.compile(UNLESS_LABEL.of(rule), re.IGNORECASE) if UNLESS_LABEL.of(rule) else None
    for row in view.rows:
        if row.kind not in FIGURE_ROWS:
            continue
        if label_pat is not None and not label_pat.search(view.label(row.index)):
            continue
        if unless is not None and unless.search(view.label(row.index)):
            continue
        for col in view.columns:
            if col.role not in COLUMNS.of(rule):
                continue
            n = view.number(row.index, col.index)
            if n is None or n.qualitative or n.interval().lo <= limit:
                continue
            yield make_finding(
                rule, view, lang, cells=[(row.index, col.index)], printed=n.text, expected=None, limit=str(limit)
            )


def check_orphan_ratio(rule: Rule, view: TableView, run: Run) -> Iterator[Finding]:
    """A ratio printed in a row whose inputs are blank: where does it come from?"""
    lang = run.lang
    needs = NEEDS.of(rule)
    figure_rows = [row.index for row in view.rows if row.kind in FIGURE_ROWS]
    # a column blank in every row says the table's layout, not this row, is odd
    need_cols = {
        name: [
            c.index
            for c in view.columns
            if c.role == name and (len(figure_rows) < 2 or any(not _blank(view, r, c.index) for r in figure_rows))
        ]
        for name in needs
    }
    if not all(need_cols.values()):
        return
    for row in view.rows:
        if row.kind not in FIGURE_ROWS:
            continue
        for col in view.columns:
            if col.role not in COLUMNS.of(rule) or view.number(row.index, col.index) is None:
                continue
            for cols in need_cols.values():
                blank = [c for c in cols if _blank(view, row.index, c)]
                if len(blank) == len(cols):
                    n = view.number(row.index, col.index)
                    assert n is not None
                    yield make_finding(
                        rule,
                        view,
                        lang,
                        cells=[(row.index, col.index), (row.index, blank[0])],
                        printed=n.text,
                        expected=None,
                        missing=view.column_header(blank[0]),
                    )
                    break


def _blank(view: TableView, r: int, c: int) -> bool:
    cell = view.cell(r, c)
    return not cell.is_span_copy and (not cell.text.strip() or is_nil(cell.text))


def check_mixed_units(rule: Rule, view: TableView, run: Run) -> Iterator[Finding]:
    """One column holding percentages in some rows and counts or rupiah in others."""
    lang = run.lang
    for col in view.columns:
        pct, amount = [], []
        for row in view.rows:
            if row.kind not in FIGURE_ROWS:
                continue
            n = view.number(row.index, col.index)
            if n is None or n.qualitative:
                continue
            if n.percent:
                pct.append(row.index)
            elif n.grouped or n.currency:
                amount.append(row.index)
        if pct and amount:
            first, other = (pct[0], amount[0]) if len(pct) <= len(amount) else (amount[0], pct[0])
            yield make_finding(
                rule,
                view,
                lang,
                cells=[(first, col.index), (other, col.index)],
                printed=view.cell(first, col.index).text,
                expected=None,
                other=view.cell(other, col.index).text,
            )
