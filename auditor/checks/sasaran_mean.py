"""A sasaran's capaian in a summary table against the mean of its indicators (XRF006).

Many reports print, besides the capaian of every indicator (the detailed
tables list indicators under their sasaran), one capaian per sasaran in a
summary (ringkasan) table. How that figure is made is the report's own
practice; the usual one is the mean of the sasaran's indicators. When at
least two other sasaran of the summary agree with the mean of their
indicators, the report follows that practice, and a sasaran whose printed
capaian no rounding of its indicators' capaian gives is a slip: one of the
two places was not updated. A report whose summary follows no such
practice (no two sasaran agree) is not judged: its figure may be weighted,
or measured on its own.

Only sasaran with at least two indicators count, for and against: the
mean of one indicator is its copy, which the cross-reference rule reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.common import text_finding
from auditor.checks.narrative.claims import noun_column
from auditor.checks.narrative.common import rule_param
from auditor.checks.run import Run
from auditor.checks.same_set import Placement, caption, placements, same_sasaran
from auditor.findings.records import Finding
from auditor.meaning.context import DocContext
from auditor.meaning.figures import pattern
from auditor.meaning.intervals import Interval, interval_mean
from auditor.meaning.locations import cell_location
from auditor.meaning.names import tokens
from auditor.meaning.numbers import Number, format_number
from auditor.meaning.semantics import TableView
from auditor.model import Location
from auditor.rulesets.loader import Rule

_SUMMARY_ROWS = ("body", "subtotal")
_MAX_NAME_WORDS = 25


@dataclass(frozen=True)
class Patterns:
    """The header words of the sasaran and indicator columns, and a label prefix."""

    group: re.Pattern[str]
    item: re.Pattern[str]
    prefix: re.Pattern[str]


@dataclass(frozen=True)
class Indicator:
    """One indicator of a detailed table with its printed capaian."""

    placement: Placement
    capaian: Number
    column: int


@dataclass(frozen=True)
class Group:
    """The indicators one detailed table lists under one sasaran."""

    view: TableView
    sasaran: str
    indicators: tuple[Indicator, ...]

    def mean(self) -> Interval:
        """Every value the mean may take, given the rounding of each printed capaian."""
        return interval_mean([i.capaian.interval() for i in self.indicators])


@dataclass(frozen=True)
class Summary:
    """A sasaran's own capaian printed apart from its indicators: a row of
    a table without indicators, or a sentence."""

    sasaran: str
    capaian: Number
    location: Location
    scope: str
    """The summary it belongs to (a table's id, or the text): the practice
    is judged per summary."""


def _capaian_column(view: TableView) -> int | None:
    """The table's one capaian column (a table with several, by year or by
    measure, leaves unsure which one the summary copies)."""
    cols = [c.index for c in view.columns if c.role == "capaian"]
    return cols[0] if len(cols) == 1 else None


def _groups(view: TableView, pats: Patterns) -> list[Group]:
    """The sasaran of a detailed table with their indicators' capaian; a
    sasaran with an indicator whose capaian is not a figure gives no mean."""
    col = _capaian_column(view)
    if col is None:
        return []
    by_name: dict[str, list[Indicator | None]] = {}
    for p in placements(view, pats.group, pats.item, pats.prefix):
        num = view.number(p.row, col)
        key = next((k for k in by_name if same_sasaran(k, p.sasaran)), p.sasaran)
        by_name.setdefault(key, []).append(Indicator(p, num, col) if num is not None else None)
    return [
        Group(view, name, tuple(i for i in items if i is not None))
        for name, items in by_name.items()
        if len(items) >= 2 and all(i is not None for i in items)
    ]


def _summary_rows(view: TableView, pats: Patterns) -> list[Summary]:
    """Rows of a table that lists sasaran with a capaian and no indicators."""
    col = _capaian_column(view)
    sc = noun_column(view, pats.group, [pats.item])
    if col is None or sc is None or noun_column(view, pats.item, [pats.group]) is not None:
        return []
    out: list[Summary] = []
    for row in view.rows:
        if row.kind not in _SUMMARY_ROWS:
            continue
        name = pats.prefix.sub("", " ".join(view.cell(row.index, sc).text.split()))
        num = view.number(row.index, col)
        if num is not None and name:
            out.append(Summary(name, num, cell_location(view, row.index, col), view.table.id))
    return out


def _summary_sentences(ctx: DocContext, lead: re.Pattern[str], link: re.Pattern[str]) -> list[Summary]:
    """Sentences "capaian sasaran <name> sebesar N%": the name is the text
    between the lead and the link word, the figure the percentage right
    after the link word."""
    out: list[Summary] = []
    for sent in ctx.sentences:
        for m in lead.finditer(sent.text):
            tail = link.search(sent.text, m.end())
            if tail is None:
                continue
            name = sent.text[m.end() : tail.start()].strip(" :\"'“”,")
            num = next((n for n in sent.numbers if n.start == tail.end()), None)
            # a sasaran is named in a few words; a long stretch is a sentence about something else
            if num is not None and num.number.percent and 2 <= len(tokens(name)) <= _MAX_NAME_WORDS:
                out.append(Summary(name, num.number, num.location, "text"))
    return out


@dataclass(frozen=True)
class Verdict:
    """A summary row and the detailed groups of its sasaran."""

    row: Summary
    groups: tuple[Group, ...]

    @property
    def agrees(self) -> bool:
        printed = self.row.capaian.interval()
        return any(g.mean().overlaps(printed) for g in self.groups)


def _verdicts(rows: list[Summary], groups: list[Group]) -> list[Verdict]:
    """Each summary row matched, by sasaran name, to the detailed groups of
    that sasaran (a name matching several sasaran of one table is unsure)."""
    out: list[Verdict] = []
    for row in rows:
        found = [g for g in groups if same_sasaran(row.sasaran, g.sasaran)]
        per_view = [id(g.view) for g in found]
        if found and len(per_view) == len(set(per_view)):
            out.append(Verdict(row, tuple(found)))
    return out


def _patterns(rule: Rule) -> Patterns:
    return Patterns(
        pattern(str(rule_param(rule, "group_header", r"\bsasaran\b"))),
        pattern(str(rule_param(rule, "item_header", r"\bindikator\b"))),
        pattern(str(rule_param(rule, "label_prefix", r"^(?!x)x"))),
    )


def _summaries(rule: Rule, run: Run, pats: Patterns) -> dict[str, list[Summary]]:
    """Every summary of the document, per scope (each table; the text)."""
    lead = pattern(str(rule_param(rule, "sentence_lead", r"(?!x)x")))
    link = pattern(str(rule_param(rule, "sentence_link", r"(?!x)x")))
    found = [s for view in run.context.views for s in _summary_rows(view, pats)]
    found += _summary_sentences(run.context, lead, link)
    out: dict[str, list[Summary]] = {}
    for s in found:
        out.setdefault(s.scope, []).append(s)
    return out


def check_sasaran_mean(rule: Rule, run: Run) -> Iterator[Finding]:
    """Per summary (a table, or the report's sentences) whose sasaran agree
    with the mean of their indicators (at least ``min_agree`` of them): the
    sasaran that do not."""
    pats = _patterns(rule)
    min_agree = int(rule_param(rule, "min_agree", 2))
    groups = [g for view in run.context.views for g in _groups(view, pats)]
    captions = {v.table.id: caption(v) for v in run.context.views}
    for scope, summaries in _summaries(rule, run, pats).items():
        verdicts = _verdicts(summaries, groups)
        agreeing = sum(1 for v in verdicts if v.agrees)
        if agreeing < min_agree:
            continue
        for v in verdicts:
            if not v.agrees:
                yield _finding(rule, run, v, agreeing, captions.get(scope))


_TEXT_PLACE = {"id": ("kalimat di {where}", "teks laporan"), "en": ("the sentence on {where}", "the report's text")}


def _places(lang: str, loc: Location, table: str | None) -> tuple[str, str]:
    """Where the summary figure is printed, and the summary it belongs to."""
    if table is not None:
        return table, table
    sentence, text = _TEXT_PLACE.get(lang, _TEXT_PLACE["id"])
    page = "hal." if lang == "id" else "p."
    where = (
        f"{page} {loc.page}" if loc.page is not None else f"line {loc.line}" if lang != "id" else f"baris {loc.line}"
    )
    return sentence.format(where=where), text


def _finding(rule: Rule, run: Run, v: Verdict, agreeing: int, table: str | None) -> Finding:
    group, printed = v.groups[0], v.row.capaian
    expected = format_number(group.mean().mid, max(printed.decimals, 2), printed.decimal_sep)
    items = "; ".join(f"{i.placement.indicator} {i.capaian.text}" for i in group.indicators)
    place, scope = _places(run.lang, v.row.location, table)
    return text_finding(
        rule,
        run.lang,
        locations=[
            v.row.location,
            *(cell_location(group.view, i.placement.row, i.column) for i in group.indicators),
        ],
        printed=printed.text,
        expected=expected,
        meaning=("sasaran-mean", v.row.scope, v.row.sasaran.lower()),
        place=place,
        scope=scope,
        sasaran=v.row.sasaran,
        other=caption(group.view),
        count=len(group.indicators),
        items=items,
        agree=agreeing,
    )
