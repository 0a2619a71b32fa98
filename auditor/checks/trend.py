"""A trend table against the year's own table (XRF003).

Reports show each indicator's results over the Renstra years in a table by
year ("Hasil Th 2012 | 2013 | 2014 | 2015"). Its column for the report year
repeats the realisasi of the year's performance table. Where one row's copy
differs while other rows (or the row's target) agree, the two tables print
one measure and the differing copy is a slip: a transposed digit, or a
figure from another column (the capaian printed as the result).

Columns the cross-reference rule already reads as a realisasi (a header
saying "Realisasi 2015") are left to it.
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
from auditor.meaning.digits import digit_slip
from auditor.meaning.locations import cell_location
from auditor.meaning.names import NameIndex
from auditor.meaning.numbers import Number
from auditor.meaning.quantities import table_quantities
from auditor.meaning.semantics import TableView
from auditor.meaning.year_rows import YearRow, capaian_fits, matching_rows, row_name, year_rows
from auditor.rulesets.loader import Rule

_RESULT_ROLES = (None, "realisasi")


@dataclass(frozen=True)
class TrendColumns:
    """The report year's result column of a trend table, and its target column."""

    result: int
    target: int | None


def trend_columns(view: TableView, year: int, cumulative: re.Pattern[str]) -> TrendColumns | None:
    """The columns of a table by year: results of at least ``3`` years, one
    of them ``year`` (a cumulative "s/d 2015" column is not a year's result)."""
    results = [c for c in view.columns if c.year and c.role in _RESULT_ROLES and not cumulative.search(c.header)]
    if len({c.year for c in results}) < 3:
        return None
    own = [c.index for c in results if c.year == year]
    if len(own) != 1:
        return None
    targets = [c.index for c in view.columns if c.role == "target" and c.year in (None, year)]
    return TrendColumns(own[0], targets[0] if len(targets) == 1 else None)


@dataclass(frozen=True)
class Pair:
    """A trend row and the year table's row of the same indicator."""

    row: int
    year_row: YearRow
    printed: Number
    copy: Number
    target_agrees: bool | None


def _pairs(view: TableView, cols: TrendColumns, rows: list[YearRow], index: NameIndex) -> dict[int, list[Pair]]:
    """Per year table (by ``id``): the trend rows matched to one of its rows."""
    out: dict[int, list[Pair]] = {}
    for row in view.rows:
        if row.kind not in ("body", "subtotal"):
            continue
        printed = view.number(row.index, cols.result)
        if printed is None:
            continue
        for yr in matching_rows(row_name(view, row.index), rows, index):
            copy = yr.number("realisasi")
            if copy is None:
                continue
            t_here = view.number(row.index, cols.target) if cols.target is not None else None
            t_there = yr.number("target")
            agrees = None if t_here is None or t_there is None else _same(t_here, t_there)
            out.setdefault(id(yr.view), []).append(Pair(row.index, yr, printed, copy, agrees))
    return out


def _same(a: Number, b: Number) -> bool:
    return a.interval().overlaps(b.interval())


def _equal_column(p: Pair) -> tuple[str, int] | None:
    """The other column of the year row printing exactly the trend's value."""
    for header, c, n in p.year_row.other_columns("realisasi"):
        if n.value == p.printed.value:
            return header, c
    return None


def _conflicts(pairs: list[Pair]) -> Iterator[tuple[Pair, list[Pair]]]:
    """The disagreeing pairs, each with the evidence that the columns are one
    measure: other rows that agree, or the row's own target agreeing."""
    agreeing = [p for p in pairs if _same(p.printed, p.copy)]
    wrong = [p for p in pairs if not _same(p.printed, p.copy)]
    if not agreeing and not any(p.target_agrees for p in wrong):
        return
    # every differing copy printing another column's value: the column holds
    # another measure (a header slip), not single slips
    if len(wrong) >= 2 and not agreeing and all(_equal_column(p) for p in wrong):
        return
    for p in wrong:
        if agreeing or p.target_agrees:
            yield p, agreeing


def _where(view: TableView) -> str:
    return f"{view.table.id} hal. {view.table.page}" if view.table.page is not None else view.table.id


def _notes(rule: Rule, lang: str, p: Pair) -> str:
    notes = rule_param(rule, "notes", {}) or {}

    def say(key: str, **args: object) -> str:
        text = (notes.get(key) or {}).get(lang) or (notes.get(key) or {}).get("id") or ""
        return text.format(**args)

    out = []
    slip = digit_slip(p.printed, p.copy)
    if slip:
        out.append(say(slip, printed=p.printed.text, copy=p.copy.text))
    same = _equal_column(p)
    if same:
        out.append(say("other_column", printed=p.printed.text, header=same[0]))
    t, c = p.year_row.number("target"), p.year_row.number("capaian")
    if t is not None and c is not None and capaian_fits(t, p.copy, c):
        out.append(say("confirmed", copy=p.copy.text, capaian=c.text))
    return " ".join(x for x in out if x)


def _finding(rule: Rule, lang: str, view: TableView, cols: TrendColumns, p: Pair, agreeing: list[Pair]) -> Finding:
    yr = p.year_row
    real_col = yr.cols["realisasi"]
    evidence = [row_name(view, a.row) for a in agreeing[:3]]
    if p.target_agrees:
        evidence.append(rule_param(rule, "target_word", {}).get(lang, "target"))
    locations = [cell_location(view, p.row, cols.result), cell_location(yr.view, yr.row, real_col)]
    locations += [cell_location(yr.view, yr.row, c) for m, c in yr.cols.items() if m != "realisasi"]
    return text_finding(
        rule,
        lang,
        locations=locations,
        printed=p.printed.text,
        expected=p.copy.text,
        meaning=("trend-table", row_name(view, p.row).lower(), view.column_header(cols.result).lower()),
        subject=row_name(view, p.row),
        column=view.column_header(cols.result),
        table=_where(view),
        year_table=_where(yr.view),
        evidence=", ".join(e for e in evidence if e),
        note=_notes(rule, lang, p),
    )


def _index(ctx: DocContext) -> NameIndex:
    names = [row_name(v, r.index) for v in ctx.views for r in v.rows if r.kind in ("body", "subtotal")]
    return NameIndex(sorted(set(names)))


def _covered(ctx: DocContext, view: TableView, col: int) -> bool:
    """Is the column already a quantity the cross-reference rule compares?"""
    return any(q.origin == f"{view.table.id}:{col}" for q in table_quantities(ctx, view))


def check_trend_tables(rule: Rule, run: Run) -> Iterator[Finding]:
    """The report year's column of a table by year against the year's table."""
    ctx = run.context
    year = ctx.report_year
    if year is None:
        return
    cumulative = re.compile(rule_param(rule, "cumulative", r"(?!x)x"), re.IGNORECASE)
    index: NameIndex | None = None
    for view in ctx.views:
        cols = trend_columns(view, year, cumulative)
        if cols is None or _covered(ctx, view, cols.result):
            continue
        index = index or _index(ctx)
        rows = year_rows(ctx, year, exclude=view)
        for pairs in _pairs(view, cols, rows, index).values():
            for p, agreeing in _conflicts(pairs):
                yield _finding(rule, run.lang, view, cols, p, agreeing)
