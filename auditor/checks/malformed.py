"""NUM001: a figure printed in neither number convention.

``2.807.870.000.00`` is valid neither as ``1.234.567,89`` nor as
``1,234,567.89``. The parser refuses it, so no total or ratio uses it; this
rule says so, with the readings it could have had, so that the reviewer
knows why the figure was not checked and can ask for the right one.

Only cells of numeric columns (a data column whose other cells are numbers)
and amounts in sentences marked with ``Rp`` are read: outline codes, dates,
phone and version numbers in labels and running text are never amounts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.checks.common import make_finding, text_finding
from auditor.checks.engine import Setting
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.numbers import malformed_readings
from auditor.meaning.semantics import TableView
from auditor.rulesets.loader import Rule

_NOT_DATA = {None, "label", "number", "unit"}
_RP_AMOUNT = re.compile(r"\bRp\.?\s?(\d+(?:[.,]\d+)+)(?:,-)?(?![\w.,])", re.IGNORECASE)


def _numeric_column(view: TableView, c: int, min_share: float) -> bool:
    """A data column (its header names a target, realisasi, amount ...) whose
    other filled body cells are, mostly, numbers; the malformed cells
    themselves do not count either way."""
    if c >= len(view.columns) or view.columns[c].role in _NOT_DATA:
        return False
    filled = numbers = 0
    for row in view.rows:
        if row.kind in ("header", "group", "empty", "garbled") or c >= len(view.table.rows[row.index]):
            continue
        cell = view.table.rows[row.index][c]
        if cell.is_span_copy or not cell.text.strip() or malformed_readings(cell.text):
            continue
        filled += 1
        numbers += view.number(row.index, c) is not None
    return numbers >= min_share * filled


def _table_cells(rule: Rule, view: TableView, lang: str, min_share: float) -> Iterator[Finding]:
    numeric = {c for c in range(len(view.columns)) if _numeric_column(view, c, min_share)}
    for row in view.rows:
        if row.kind in ("header", "group", "empty", "garbled"):
            continue
        for c in sorted(numeric):
            if c >= len(view.table.rows[row.index]):
                continue
            cell = view.table.rows[row.index][c]
            readings = None if cell.is_span_copy else malformed_readings(cell.text)
            if readings:
                yield make_finding(
                    rule, view, lang, cells=[(row.index, c)], printed=cell.text.strip(), expected=None,
                    readings=" / ".join(readings),
                )  # fmt: skip


MIN_NUMERIC_SHARE = Setting(
    "min_numeric_share", float, 0.6, "share of a column's filled body cells that must be numbers for it to be read"
)


def check_malformed_numbers(rule: Rule, run: Run) -> Iterator[Finding]:
    """Amounts valid in neither number convention, in numeric table columns and ``Rp`` amounts in sentences.

    The parser refuses them, so no check uses them; the finding says why.
    """
    ctx, lang = run.context, run.lang
    min_share = float(MIN_NUMERIC_SHARE.of(rule))
    for view in ctx.views:
        yield from _table_cells(rule, view, lang, min_share)
    for sentence in ctx.sentences:
        for m in _RP_AMOUNT.finditer(sentence.text):
            readings = malformed_readings(m.group(1))
            if not readings:
                continue
            yield text_finding(
                rule, lang, locations=[sentence.location(m.start(), m.end())], printed=m.group(0),
                expected=None, meaning=(sentence.heading or "", m.group(0)), readings=" / ".join(readings),
            )  # fmt: skip
