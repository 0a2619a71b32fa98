"""The same set of sasaran and indicators printed in several tables (DOC007).

A report lists its sasaran with their indicators many times: the Perjanjian
Kinerja, the capaian table of Bab III, the comparison and efficiency tables.
When one of them puts an indicator under another sasaran, or names a
sasaran differently, a reader cannot tell which structure was agreed. This
engine reads every table with a sasaran column and an indicator column,
finds each indicator printed in several of them (names matched as
:mod:`auditor.meaning.names` does) and, when most tables put it under one
sasaran and a few under another, names those few.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.common import text_finding
from auditor.checks.narrative.claims import noun_column
from auditor.checks.narrative.common import rule_param
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.context import DocContext, is_heading, line_order, table_order
from auditor.meaning.figures import pattern
from auditor.meaning.locations import cell_location
from auditor.meaning.names import NameIndex, tokens
from auditor.meaning.semantics import TableView
from auditor.model import Location
from auditor.rulesets.loader import Rule

_NOT_ITEMS = ("header", "numbering", "total", "average", "summary", "empty")


@dataclass(frozen=True)
class Placement:
    """One indicator row of a table and the sasaran it stands under."""

    view: TableView
    row: int
    sasaran_col: int
    indicator_col: int
    sasaran: str
    indicator: str


def placements(
    view: TableView, group: re.Pattern[str], item: re.Pattern[str], prefix: re.Pattern[str]
) -> list[Placement]:
    sc, ic = noun_column(view, group, [item]), noun_column(view, item, [group])
    if sc is None or ic is None:
        return []
    out: list[Placement] = []
    for row in view.rows:
        if row.kind in _NOT_ITEMS:
            continue
        sasaran = prefix.sub("", " ".join(view.cell(row.index, sc).text.split()))
        indicator = " ".join(view.cell(row.index, ic).text.split())
        if not _named(sasaran) or not indicator or _key(sasaran) == _key(indicator):
            continue  # "Sasaran 3" names no sasaran; a title row spans both columns
        out.append(Placement(view, row.index, sc, ic, sasaran, indicator))
    return out


def _named(sasaran: str) -> bool:
    """A cell that names its sasaran, not only numbers it ("Sasaran 3", "1.")."""
    return any(w not in ("sasaran", "strategis") for w in tokens(sasaran))


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


_AFFIX = re.compile(r"(?:nya|kan|lah)$")


def _stems(name: str) -> list[str]:
    """The words of a sasaran without the suffixes a re-typed name changes
    ("Meningkatnya" / "Meningkatkan")."""
    return [_AFFIX.sub("", w) if len(w) > 6 else w for w in tokens(name)]


def same_sasaran(a: str, b: str, share: float = 0.75) -> bool:
    """Two sasaran names are one when most words of the shorter (a cell cut
    short, a dropped word) are words of the longer."""
    wa, wb = _stems(a), _stems(b)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not short:
        return _key(a) == _key(b)
    found = sum(
        1
        for w in short
        if any(w == v or (len(w) >= 5 and v.startswith(w[:5]) and abs(len(w) - len(v)) <= 2) for v in long_)
    )
    return found >= share * len(short)


def _clusters(names: list[str], index: NameIndex | None) -> list[int]:
    """A cluster number per name: names that match a cluster's first name
    join it (indicator names as the cross-references match them, sasaran
    names by :func:`same_sasaran`)."""
    heads: list[str] = []
    seen: dict[str, int] = {}  # a name printed again exactly is matched once
    out: list[int] = []
    for n in names:
        k = seen.get(_key(n))
        if k is None:
            k = next((i for i, h in enumerate(heads) if _match(h, n, index)), None)
        if k is None:
            heads.append(n)
            k = len(heads) - 1
        seen[_key(n)] = k
        out.append(k)
    return out


def _match(a: str, b: str, index: NameIndex | None) -> bool:
    return index.matches(a, b) if index is not None else same_sasaran(a, b)


def caption(view: TableView) -> str:
    """ "Tabel 3.10" of its caption, else the table's id (a caption may be
    a whole sentence)."""
    m = re.match(r"\s*(tabel|table)\s+[\w.]*\w", view.table.title or "", re.IGNORECASE)
    return m.group(0).strip() if m else view.table.id


@dataclass(frozen=True)
class Moved:
    """Indicators one table puts under another sasaran than most tables do."""

    view: TableView
    placements: tuple[Placement, ...]
    usual: tuple[Placement, ...]
    """The same indicators in the tables that agree (one placement each)."""


def _agreed(clusters: list[int], reference: list[bool], min_agree: int) -> int | None:
    """The sasaran most tables give an indicator: at least ``min_agree``
    tables and twice as many as any other sasaran; or, between as many,
    the one of the agreed document (the Perjanjian Kinerja)."""
    counts = Counter(clusters)
    if len(counts) < 2:
        return None
    by_ref = {c for c, ref in zip(clusters, reference, strict=True) if ref}
    ranked = sorted(counts, key=lambda c: (counts[c], c in by_ref), reverse=True)
    top, second = ranked[0], ranked[1]
    if counts[top] >= min_agree and counts[second] * 2 <= counts[top]:
        return top
    if top in by_ref and second not in by_ref and counts[second] <= counts[top] and len(counts) == 2:
        return top
    return None


def _references(ctx: DocContext, reference: re.Pattern[str]) -> set[int]:
    """The tables (by ``id`` of their view) that print the agreed structure:
    their caption, or the heading of their section, names it."""
    heads = [(line_order(ln), ln.text) for ln in ctx.doc.lines if is_heading(ln, ctx.vocab)]
    heads.sort(key=lambda h: h[0])
    orders = [h[0] for h in heads]
    out: set[int] = set()
    for view in ctx.views:
        i = bisect.bisect_right(orders, table_order(view))
        heading = heads[i - 1][1] if i else ""
        if reference.search(view.table.title or "") or reference.search(heading):
            out.add(id(view))
    return out


def _moved(placements: list[Placement], min_agree: int, references: set[int]) -> list[Moved]:
    """Per indicator printed in several tables: the tables whose sasaran is
    not the one the tables agree on (:func:`_agreed`)."""
    indicators = NameIndex(p.indicator for p in placements)
    by_indicator: dict[int, list[Placement]] = {}
    for p, k in zip(placements, _clusters([p.indicator for p in placements], indicators), strict=True):
        by_indicator.setdefault(k, []).append(p)
    found: dict[tuple[int, int, int], tuple[list[Placement], list[Placement]]] = {}
    for group in by_indicator.values():
        one_each = list({id(p.view): p for p in group}.values())
        if len(one_each) != len(group):
            continue  # the indicator twice in one table: which one is meant?
        clusters = _clusters([p.sasaran for p in group], None)
        top = _agreed(clusters, [id(p.view) in references for p in group], min_agree)
        if top is None:
            continue
        usual = [p for p, c in zip(group, clusters, strict=True) if c == top]
        for p, c in zip(group, clusters, strict=True):
            if c != top:
                key = (id(p.view), c, top)
                found.setdefault(key, ([], usual))[0].append(p)
    return [Moved(ps[0].view, tuple(ps), tuple(u)) for ps, u in found.values()]


def _printed_at(view: TableView, r: int, c: int) -> Location:
    """The cell where a spanning sasaran name is printed, not its copy on the row."""
    origin = view.cell(r, c).span_origin
    return cell_location(view, *origin) if origin else cell_location(view, r, c)


def check_same_set(rule: Rule, run: Run) -> Iterator[Finding]:
    """Tables that list sasaran with their indicators agree on which sasaran
    each indicator belongs to (an indicator moved, a sasaran renamed)."""
    group = pattern(str(rule_param(rule, "group_header", r"\bsasaran\b")))
    item = pattern(str(rule_param(rule, "item_header", r"\bindikator\b")))
    prefix = pattern(str(rule_param(rule, "label_prefix", r"^(?!x)x")))
    min_agree = int(rule_param(rule, "min_agree", 2))
    reference = pattern(str(rule_param(rule, "reference_caption", r"(?!x)x")))
    placed = [p for view in run.context.views for p in placements(view, group, item, prefix)]
    for m in _moved(placed, min_agree, _references(run.context, reference)):
        first, usual = m.placements[0], m.usual[0]
        others = list(dict.fromkeys(caption(u.view) for u in m.usual))
        yield text_finding(
            rule,
            run.lang,
            locations=[
                _printed_at(m.view, first.row, first.sasaran_col),
                *(cell_location(m.view, p.row, p.indicator_col) for p in m.placements),
                _printed_at(usual.view, usual.row, usual.sasaran_col),
            ],
            printed=first.sasaran,
            expected=usual.sasaran,
            meaning=("same-set", m.view.table.title or "", first.sasaran.lower(), usual.sasaran.lower()),
            table=caption(m.view),
            items="; ".join(p.indicator for p in m.placements),
            others=", ".join(others),
        )
