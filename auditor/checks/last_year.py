"""A table of the report year that carries last year's figures (XRF005).

A report built from last year's file sometimes keeps last year's figures
in a table headed with the new year: every realisasi of the year's table
equals, indicator by indicator, the previous year's result printed
elsewhere (a comparison table, a trend table). One indicator can repeat
its result; several indicators with different values all repeating theirs
is a table not updated, or a previous-year column filled with this year's
figures. Either way the two places cannot both be right, and the reviewer
must see both, so it is reported once per pair of tables, as a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.common import text_finding
from auditor.checks.narrative.common import rule_param
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.context import DocContext
from auditor.meaning.locations import cell_location
from auditor.meaning.names import NameIndex
from auditor.meaning.numbers import Number
from auditor.meaning.semantics import TableView
from auditor.meaning.year_rows import YearRow, matching_rows, row_name, year_rows
from auditor.rulesets.loader import Rule


@dataclass(frozen=True)
class Earlier:
    """A previous-year result column: its cells by row."""

    view: TableView
    col: int
    rows: list[YearRow]
    """Its rows, as :class:`YearRow` with the column as "realisasi"."""


def earlier_columns(ctx: DocContext, year: int, cumulative: re.Pattern[str]) -> list[Earlier]:
    """Columns holding the results of ``year`` - 1 (a realisasi column, or
    an unnamed one of a table by year), one column a table."""
    out = []
    for view in ctx.views:
        cols = [
            c.index
            for c in view.columns
            if c.year == year - 1 and c.role in (None, "realisasi") and not cumulative.search(c.header)
        ]
        if len(cols) != 1:
            continue
        rows = [
            YearRow(view, r.index, row_name(view, r.index), {"realisasi": cols[0]})
            for r in view.rows
            if r.kind in ("body", "subtotal") and view.number(r.index, cols[0]) is not None
        ]
        out.append(Earlier(view, cols[0], rows))
    return out


def _same(a: Number, b: Number) -> bool:
    return a.value == b.value and a.decimals == b.decimals


def _repeats(
    current: list[YearRow], earlier: Earlier, index: NameIndex, min_rows: int
) -> list[tuple[YearRow, YearRow]]:
    """The matched rows, when every one prints last year's value again."""
    pairs = []
    for yr in current:
        now = yr.number("realisasi")
        hits = matching_rows(yr.label, earlier.rows, index)
        if now is None or len(hits) != 1:
            continue
        before = hits[0].number("realisasi")
        if before is None or not _same(now, before):
            return []
        pairs.append((yr, hits[0]))
    values = {yr.number("realisasi").value for yr, _ in pairs}  # type: ignore[union-attr]
    return pairs if len(pairs) >= min_rows and len(values) >= 2 else []


def check_last_year_figures(rule: Rule, run: Run) -> Iterator[Finding]:
    """A year's table whose realisasi are, indicator by indicator, last year's."""
    ctx = run.context
    year = ctx.report_year
    if year is None:
        return
    cumulative = re.compile(rule_param(rule, "cumulative", r"(?!x)x"), re.IGNORECASE)
    min_rows = int(rule_param(rule, "min_rows", 3))
    rows = year_rows(ctx, year)
    by_table: dict[int, list[YearRow]] = {}
    for yr in rows:
        by_table.setdefault(id(yr.view), []).append(yr)
    earlier = earlier_columns(ctx, year, cumulative)
    index = NameIndex(sorted({yr.label for yr in rows} | {e.label for col in earlier for e in col.rows}))
    for current in by_table.values():
        view = current[0].view
        for col in earlier:
            if col.view is view:
                continue
            pairs = _repeats(current, col, index, min_rows)
            if pairs:
                yield _finding(rule, run.lang, view, col, pairs, year)


def _finding(
    rule: Rule, lang: str, view: TableView, col: Earlier, pairs: list[tuple[YearRow, YearRow]], year: int
) -> Finding:
    locations = [cell_location(view, yr.row, yr.cols["realisasi"]) for yr, _ in pairs]
    locations += [cell_location(col.view, e.row, col.col) for _, e in pairs]
    values = ", ".join(yr.number("realisasi").text for yr, _ in pairs[:6])  # type: ignore[union-attr]
    return text_finding(
        rule,
        lang,
        locations=locations,
        printed=values,
        expected=None,
        meaning=("last-year", view.table.title or view.table.id, col.view.table.title or col.view.table.id),
        table=view.table.id,
        page=view.table.page if view.table.page is not None else "-",
        column=view.column_header(pairs[0][0].cols["realisasi"]),
        other=col.view.table.id,
        other_page=col.view.table.page if col.view.table.page is not None else "-",
        other_column=col.view.column_header(col.col),
        count=len(pairs),
        year=year,
        previous=year - 1,
    )
