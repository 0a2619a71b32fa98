"""Status words and ticks against the figures (STS001).

A column of marks ("Tercapai/Tidak": `√` / `X`, "tercapai" / "tidak
tercapai") says of each indicator whether it reached its target. The
figures say it too: a capaian of at least 100, or (with the indicator's
direction known) a realisasi at or beyond the target. A mark the figures
contradict is reported: as an error when the row's own capaian says
otherwise, else as a warning with the figures used (the capaian of the same
indicator in the year's table; the row's realisasi and target).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.common import text_finding
from auditor.checks.narrative.common import rule_param
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.context import DocContext, table_order
from auditor.meaning.locations import cell_location
from auditor.meaning.names import NameIndex
from auditor.meaning.numbers import Number
from auditor.meaning.semantics import TableView
from auditor.meaning.year_rows import YearRow, matching_rows, row_name, year_rows
from auditor.model import Location
from auditor.rulesets.loader import Rule

MARKED_ROWS = ("body", "subtotal", "group")
"""Row kinds that carry a mark: a row with a mark and no figure reads as a group row."""


@dataclass(frozen=True)
class Marks:
    """The words of a status column: what says achieved, what says not."""

    achieved: re.Pattern[str]
    missed: re.Pattern[str]

    def said(self, text: str) -> bool | None:
        """True (achieved), False (not achieved) or None (no status)."""
        t = " ".join(text.lower().split())
        if not t:
            return None
        if self.missed.fullmatch(t):
            return False
        if self.achieved.fullmatch(t):
            return True
        return None


@dataclass(frozen=True)
class Evidence:
    """What the figures say of one row, and from where."""

    achieved: bool
    capaian: Number | None
    realisasi: Number | None
    target: Number | None
    locations: list[Location]
    own_row: bool


def _reached(n: Number) -> bool | None:
    """A capaian at or above 100 reached the target; None when rounding
    leaves it open (99,995 printed as 100,00)."""
    iv = n.interval()
    if iv.lo >= 100:
        return True
    if iv.hi < 100:
        return False
    return None


def status_columns(view: TableView, marks: Marks) -> list[int]:
    """Columns most of whose filled body cells are status marks (two at least)."""
    out = []
    body = [r.index for r in view.rows if r.kind in MARKED_ROWS]
    for col in view.columns:
        texts = [view.cell(r, col.index).text.strip() for r in body]
        filled = [t for t in texts if t]
        said = [t for t in filled if marks.said(t) is not None]
        if len(said) >= 2 and len(said) * 3 >= len(filled) * 2:
            out.append(col.index)
    return out


def _own_capaian(view: TableView, r: int) -> Evidence | None:
    caps = [c.index for c in view.columns if c.role in ("capaian", "pct") and view.number(r, c.index) is not None]
    if len(caps) != 1:
        return None
    n = view.number(r, caps[0])
    assert n is not None
    reached = _reached(n)
    if reached is None:
        return None
    return Evidence(reached, n, None, None, [cell_location(view, r, caps[0])], True)


def _elsewhere(name: str, rows: list[YearRow], index: NameIndex) -> Evidence | None:
    """The capaian the year's tables give the same indicator, if they all say the same."""
    found = []
    for yr in matching_rows(name, rows, index):
        n = yr.number("capaian")
        reached = _reached(n) if n is not None else None
        if n is not None and reached is not None:
            found.append((reached, n, yr))
    if not found or len({f[0] for f in found}) > 1:
        return None
    reached, n, yr = found[0]
    locs = [cell_location(yr.view, yr.row, c) for m, c in yr.cols.items() if m in ("capaian", "realisasi", "target")]
    return Evidence(reached, n, yr.number("realisasi"), yr.number("target"), locs, False)


def _by_direction(view: TableView, r: int, name: str, ctx: DocContext) -> Evidence | None:
    """The row's own realisasi against its own target, when the indicator's
    name says its direction."""
    year = ctx.report_year
    default = ctx.context_year(table_order(view))

    def one(roles: tuple[str | None, ...], want_year: bool) -> int | None:
        cs = [
            c.index
            for c in view.columns
            if c.role in roles
            and (c.year or default) == year
            and (c.year is not None or not want_year)
            and view.number(r, c.index) is not None
        ]
        return cs[0] if len(cs) == 1 else None

    t_col = one(("target",), False)
    r_col = one(("realisasi",), False)
    if r_col is None:
        r_col = one((None,), True)  # a result column of the year ("Hasil Th 2015")
    direction = view.vocab.polarity(name)
    if t_col is None or r_col is None or direction is None:
        return None
    t, real = view.number(r, t_col), view.number(r, r_col)
    assert t is not None and real is not None
    ti, ri = t.interval(), real.interval()
    if ti.overlaps(ri):
        return None
    better = ri.lo > ti.hi if direction == "higher" else ri.hi < ti.lo
    return Evidence(better, None, real, t, [cell_location(view, r, r_col), cell_location(view, r, t_col)], True)


def _say(rule: Rule, lang: str, key: str, **args: object) -> str:
    words = rule_param(rule, "words", {}) or {}
    text = (words.get(key) or {}).get(lang) or (words.get(key) or {}).get("id") or key
    return text.format(**args)


def _figures(rule: Rule, lang: str, ev: Evidence) -> str:
    parts = []
    if ev.capaian is not None:
        parts.append(_say(rule, lang, "capaian", value=ev.capaian.text))
    if ev.realisasi is not None and ev.target is not None:
        parts.append(_say(rule, lang, "against", realisasi=ev.realisasi.text, target=ev.target.text))
    where = ev.locations[0]
    if not ev.own_row and where.table:
        parts.append(_say(rule, lang, "where", table=where.table, page=where.page))
    return ", ".join(parts)


def _marks(rule: Rule) -> Marks:
    return Marks(
        re.compile(rule_param(rule, "achieved", r"(?!x)x"), re.IGNORECASE),
        re.compile(rule_param(rule, "missed", r"(?!x)x"), re.IGNORECASE),
    )


def check_status_marks(rule: Rule, run: Run) -> Iterator[Finding]:
    """A tick or status word whose row's figures say the opposite."""
    ctx = run.context
    marks = _marks(rule)
    year = ctx.report_year
    rows = year_rows(ctx, year) if year is not None else []
    index = NameIndex(sorted({yr.label for yr in rows} | {row_name(v, r.index) for v in ctx.views for r in v.rows}))
    for view in ctx.views:
        for c in status_columns(view, marks):
            for row in view.rows:
                said = marks.said(view.cell(row.index, c).text) if row.kind in MARKED_ROWS else None
                if said is None:
                    continue
                own_year = ctx.context_year(table_order(view)) == year
                others = [yr for yr in rows if yr.view is not view]
                ev = (
                    _own_capaian(view, row.index)
                    or (_elsewhere(row_name(view, row.index, c), others, index) if own_year else None)
                    or _by_direction(view, row.index, row_name(view, row.index, c), ctx)
                )
                if ev is None or ev.achieved == said:
                    continue
                yield _finding(rule, run.lang, view, row.index, c, said, ev)


def _finding(rule: Rule, lang: str, view: TableView, r: int, c: int, said: bool, ev: Evidence) -> Finding:
    """At the mark, with the figures that contradict it as the other places."""
    error = ev.own_row and ev.capaian is not None
    mark = view.cell(r, c).text.strip()
    return text_finding(
        rule,
        lang,
        locations=[cell_location(view, r, c), *ev.locations],
        printed=mark,
        expected=_say(rule, lang, "achieved" if ev.achieved else "missed"),
        meaning=(view.table.title or "", row_name(view, r, c).lower(), "status"),
        severity=None if error else "warning",
        confidence="high" if error else "medium",
        mark=mark,
        column=view.column_header(c),
        table=view.table.id,
        mark_says=_say(rule, lang, "achieved" if said else "missed"),
        figures=_figures(rule, lang, ev),
        subject=row_name(view, r, c),
    )
