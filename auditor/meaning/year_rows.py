"""The rows of the report year's own performance tables, by indicator.

A report measures each indicator of its year in a table with a target, a
realisasi and a capaian column (Pengukuran Kinerja, Capaian Indikator
Kinerja Tahun N). Other tables repeat those figures (a trend table by year,
a table of sasaran with ticks), and are checked against these rows, found
by the indicator's name (:mod:`auditor.meaning.names`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.meaning.context import DocContext, table_order
from auditor.meaning.intervals import Interval
from auditor.meaning.names import NameIndex
from auditor.meaning.numbers import Number
from auditor.meaning.quantities import table_kind
from auditor.meaning.semantics import TableView

_ROLES = {"target": "target", "realisasi": "realisasi", "capaian": "capaian", "pct": "capaian"}


@dataclass(frozen=True)
class YearRow:
    """One indicator's row of a table of the report year."""

    view: TableView
    row: int
    label: str
    cols: dict[str, int]
    """measure (target, realisasi, capaian) -> column index."""

    def number(self, measure: str) -> Number | None:
        c = self.cols.get(measure)
        return None if c is None else self.view.number(self.row, c)

    def other_columns(self, measure: str) -> list[tuple[str, int, Number]]:
        """(header, column, number) of the row's figures outside ``measure``'s column."""
        own = self.cols.get(measure)
        out = []
        for col in self.view.columns:
            n = self.view.number(self.row, col.index)
            if col.index != own and n is not None and col.role not in ("number", None):
                out.append((self.view.column_header(col.index), col.index, n))
        return out


_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def row_name(view: TableView, r: int, skip: int | None = None) -> str:
    """The row's own name: the last part of "Sasaran | Indikator", without a
    closing note in parentheses ("(%)", "(rata-rata)"), which one copy
    prints and the other drops. The text of column ``skip`` (a status word
    the label took in) is no part of it."""
    parts = [p.strip() for p in (view.label(r) or "").split(" | ")]
    if skip is not None:
        parts = [p for p in parts if p != view.cell(r, skip).text.strip()] or parts
    name = parts[-1]
    return _TRAILING_NOTE.sub("", name) or name


def _measure_columns(view: TableView, year: int, ctx: DocContext) -> dict[str, int] | None:
    """measure -> column for a table measuring ``year``: one column per
    measure, of that year (or of no year in a section of that year)."""
    default = ctx.context_year(table_order(view))
    found: dict[str, list[int]] = {}
    for col in view.columns:
        measure = _ROLES.get(col.role or "")
        if measure and (col.year or default) == year:
            found.setdefault(measure, []).append(col.index)
    if len(found.get("realisasi", [])) != 1 or any(len(v) > 1 for v in found.values()):
        return None
    return {m: cs[0] for m, cs in found.items()}


def year_rows(ctx: DocContext, year: int, exclude: TableView | None = None) -> list[YearRow]:
    """Every indicator row of the tables that measure ``year`` (not budget
    or coverage tables: their % is no indicator's capaian)."""
    out = []
    for view in ctx.views:
        if view is exclude:
            continue
        cols = _measure_columns(view, year, ctx) if table_kind(view) == "capaian" else None
        if cols is None:
            continue
        for row in view.rows:
            if row.kind in ("body", "subtotal") and len(row_name(view, row.index).split()) >= 2:
                out.append(YearRow(view, row.index, row_name(view, row.index), cols))
    return out


def matching_rows(name: str, rows: list[YearRow], index: NameIndex) -> list[YearRow]:
    """The rows naming the same indicator, at most one per table (a name
    that matches two rows of one table says neither)."""
    by_table: dict[int, list[YearRow]] = {}
    for yr in rows:
        if index.matches(name, yr.label):
            by_table.setdefault(id(yr.view), []).append(yr)
    return [hits[0] for hits in by_table.values() if len(hits) == 1]


def capaian_fits(target: Number, realisasi: Number, capaian: Number) -> bool:
    """Does the printed capaian follow from target and realisasi, by the
    formula of either direction (r / t, (2t - r) / t, t / r)?"""
    t, r, c = target.interval(), realisasi.interval(), capaian.interval()
    hundred = Interval.point(100)
    if t.lo <= 0 <= t.hi:
        return False
    candidates = [r * hundred / t, (t * Interval.point(2) - r) * hundred / t]
    if not r.lo <= 0 <= r.hi:
        candidates.append(t * hundred / r)
    return any(iv.overlaps(c) for iv in candidates)
