"""Totals of lists printed in running text (DOC006).

Reports list areas, counts or amounts as numbered lines rather than as a
ruled table ("1. Hutan Kota : 20.000", "2. Alun-alun : 6.000", ...,
"JUMLAH : 92.685 M2"), so no table check ever adds them up. This engine
reads the text lines, finds each run of list items that closes with a total
line and recomputes the total with the printed precision of every item.

Only an unambiguous list is judged: every line of the run parsed as an
item, one unit throughout, numbering consecutive from 1 (or bullets), and
the total line directly after the last item. Page furniture (a page number,
a running footer) may stand between two items only where the list crosses a
page break. Anything else yields nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from auditor.checks.common import text_finding
from auditor.checks.narrative.common import rule_param
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.figures import pattern
from auditor.meaning.intervals import Interval, interval_sum
from auditor.meaning.numbers import Number, format_number, parse_number
from auditor.model import Location, TextLine
from auditor.rulesets.loader import Rule

_BULLETS = "-•*▪●◦–"


@dataclass(frozen=True)
class Entry:
    """One line of a list, or its total line: the amount as printed."""

    line: TextLine
    marker: str
    name: str
    amount: str
    unit: str
    start: int
    """Where the amount starts in the line's text."""


@dataclass(frozen=True)
class Patterns:
    item: re.Pattern[str]
    total: re.Pattern[str]
    not_amount: re.Pattern[str]
    max_gap: int
    min_items: int

    @staticmethod
    def of(rule: Rule) -> Patterns:
        return Patterns(
            item=pattern(str(rule_param(rule, "item"))),
            total=pattern(str(rule_param(rule, "total"))),
            not_amount=pattern(str(rule_param(rule, "not_amount", r"(?!x)x"))),
            max_gap=int(rule_param(rule, "max_page_gap_lines", 4)),
            min_items=int(rule_param(rule, "min_items", 3)),
        )


def _entry(ln: TextLine, rx: re.Pattern[str], not_amount: re.Pattern[str]) -> Entry | None:
    m = rx.match(ln.text)
    if m is None:
        return None
    groups = m.groupdict()
    name = (groups.get("name") or "").strip()
    if not_amount.search(ln.text[: m.start("amount")]):
        return None  # "Nomor 12", "Tahun 2014": a reference, not an amount
    return Entry(
        line=ln,
        marker=(groups.get("marker") or "").strip(),
        name=name,
        amount=m.group("amount").strip(),
        unit=_unit(groups.get("unit") or ""),
        start=m.start("amount"),
    )


def _unit(text: str) -> str:
    """A unit as compared: "M2", "m²" and "m2." are one ("m")."""
    return re.sub(r"[\s.²]+", "", text.lower()).replace("2", "") if text else ""


def _consecutive(markers: list[str]) -> bool:
    """1., 2., 3. ... from one; a., b., c. from a; or the same bullet throughout."""
    if all(m and m[0] in _BULLETS for m in markers):
        return len({m for m in markers}) == 1
    keys = [m.rstrip(".)").lstrip("(") for m in markers]
    if all(k.isdigit() for k in keys):
        return [int(k) for k in keys] == list(range(1, len(keys) + 1))
    if all(len(k) == 1 and k.isalpha() for k in keys):
        return [ord(k.lower()) - ord("a") for k in keys] == list(range(len(keys)))
    return False


def _page_break_between(prev: TextLine, nxt: TextLine, gap: list[TextLine], max_gap: int) -> bool:
    """Lines between two list lines are page furniture only when the list
    goes on on the next page: a page number, a running header or footer."""
    if not gap:
        return True
    if prev.page is None or nxt.page is None or nxt.page != prev.page + 1 or len(gap) > max_gap:
        return False
    return all(len(g.text) <= 90 and not g.text.rstrip().endswith(":") for g in gap)


def _lists(lines: list[TextLine], pats: Patterns) -> Iterator[tuple[list[Entry], Entry]]:
    """Each run of item lines closed by a total line (page furniture allowed
    across a page break)."""
    run: list[Entry] = []
    gap: list[TextLine] = []
    for ln in lines:
        total = _entry(ln, pats.total, pats.not_amount)
        item = None if total else _entry(ln, pats.item, pats.not_amount)
        entry = total or item
        if entry is not None and run and not _page_break_between(run[-1].line, ln, gap, pats.max_gap):
            run = []
        if total is not None:
            if len(run) >= pats.min_items:
                yield run, total
            run, gap = [], []
        elif item is not None:
            run, gap = [*run, item], []
        elif run:
            gap.append(ln)
            if len(gap) > pats.max_gap:
                run, gap = [], []


def _numbers(entries: list[Entry], dot_decimal: bool | None) -> list[Number] | None:
    out = []
    for e in entries:
        n = parse_number(e.amount, dot_decimal)
        if n is None or n.qualitative:
            return None
        out.append(n)
    return out


def _same_unit(items: list[Entry], total: Entry) -> bool:
    units = {e.unit for e in items}
    if len(units) != 1:
        return False
    unit = units.pop()
    currency = {bool(re.match(r"rp", e.amount, re.I)) for e in [*items, total]}
    percent = {e.amount.endswith("%") for e in [*items, total]}
    return (not unit or not total.unit or unit == total.unit) and len(currency) == 1 and len(percent) == 1


def _reading(items: list[Entry], total: Entry) -> tuple[list[Number], Number, Interval] | None:
    """The items, the total and the items' sum in the first way of reading
    their numbers that parses them all; None when some reading (dot as
    thousands, or as decimals) makes the total fit."""
    first: tuple[list[Number], Number, Interval] | None = None
    for dot_decimal in (None, True):
        nums = _numbers([*items, total], dot_decimal)
        if nums is None:
            continue
        got = interval_sum([n.interval() for n in nums[:-1]])
        if got.overlaps(nums[-1].interval()):
            return None
        first = first or (nums[:-1], nums[-1], got)
    return first


def _location(e: Entry) -> Location:
    ln = e.line
    return Location(page=ln.page, line=ln.line, table=None, row=None, column=None, text=e.amount, bbox=ln.bbox)


def _expected(total: Number, got: Interval) -> str:
    value = got.mid if got.lo != got.hi else got.lo
    return format_number(Fraction(value), total.decimals, total.decimal_sep)


def check_list_totals(rule: Rule, run: Run) -> Iterator[Finding]:
    """A numbered or bulleted list in running text whose items each end in an
    amount, closed by a JUMLAH / Total line: the items add up to the total
    (within the rounding their printed precision allows)."""
    pats = Patterns.of(rule)
    for items, total in _lists(run.context.doc.lines, pats):
        if not _consecutive([e.marker for e in items]) or not _same_unit(items, total):
            continue
        reading = _reading(items, total)
        if reading is None:
            continue
        _, printed, got = reading
        if printed.value == len(items):
            continue  # "Jumlah : 5 lokasi" counts the items, it does not add them
        yield text_finding(
            rule,
            run.lang,
            locations=[_location(total), *(_location(e) for e in items)],
            printed=total.amount,
            expected=_expected(printed, got),
            meaning=("list-total", items[0].name.lower(), items[-1].name.lower(), str(len(items))),
            confidence="high",
            count=len(items),
            first=items[0].name,
            last=items[-1].name,
        )
