"""Cross-references: one quantity printed in several places.

Every figure that names a quantity (subject x measure x year: the realisasi
2018 of "Persentase penurunan penduduk miskin") is collected from the tables
and the narrative. Where the copies cannot be reconciled by rounding, one
finding lists every place and value and says which value most places, and
the recomputation from the figures beside it, support.

A column whose values are, row after row, another quantity than its header
says (a "TARGET 2019" column holding the realisations of 2018) is reported
once, and its figures are not used as copies of the header's quantity.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from auditor.checks.common import text_finding
from auditor.checks.engine import Setting
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.context import Sentence
from auditor.meaning.digits import digit_slip
from auditor.meaning.intervals import Interval
from auditor.meaning.names import NameIndex, tokens
from auditor.meaning.quantities import (
    TOTAL_SUBJECT,
    Quantity,
    QuantityIndex,
    sentence_quantities,
    sentence_totals,
    table_quantities,
    total_quantities,
)
from auditor.meaning.semantics import TableView
from auditor.model import Location
from auditor.rulesets.loader import Rule


@dataclass
class Group:
    """Copies of one quantity, split into values no rounding reconciles."""

    subject: str
    measure: str
    year: int | None
    copies: list[Quantity] = field(default_factory=list)

    def value_clusters(self) -> list[list[Quantity]]:
        ordered = sorted(self.copies, key=lambda q: q.number.interval().lo)
        clusters: list[list[Quantity]] = []
        hi = None
        for q in ordered:
            iv = q.number.interval()
            if clusters and hi is not None and iv.lo <= hi:
                clusters[-1].append(q)
                hi = max(hi, iv.hi)
            else:
                clusters.append([q])
                hi = iv.hi
        return clusters


SHORT_MIN = Setting("short_min", float, 0.85, "How alike two short names must be to name one subject.")
LONG_MIN = Setting("long_min", float, 0.75, "How alike two long names must be to name one subject.")
MEASURE_NAMES = Setting("measure_names", dict, {}, "Per language: how messages name each measure.")
SUPPORT_NOTE = Setting("support_note", dict, {}, "Per language: the note naming the value recomputation supports.")
TOTAL_NAME = Setting("total_subject", dict, {}, "Per language: how messages name the whole budget.")
SLIP_NOTES = Setting(
    "slip_notes", dict, {}, "Per slip kind (swap, changed, dropped), per language: the note naming it."
)
SETTINGS = (SHORT_MIN, LONG_MIN, MEASURE_NAMES, SUPPORT_NOTE, TOTAL_NAME, SLIP_NOTES)


def _params(rule: Rule) -> tuple[float, float]:
    return float(SHORT_MIN.of(rule)), float(LONG_MIN.of(rule))


def _state(run: Run, rule: Rule) -> QuantityIndex:
    """The document's quantities, indexed once per audit (both rules of this
    module read them)."""
    if run.quantities is not None:
        return run.quantities
    ctx = run.context
    short_min, long_min = _params(rule)
    table_qs = [q for view in ctx.views for q in table_quantities(ctx, view)]
    index = NameIndex(sorted({q.subject for q in table_qs}))
    indicators = sorted({q.subject for q in table_qs if q.measure in ("target", "realisasi", "capaian")})
    text_qs: list[Quantity] = []
    by_heading: dict[str, str | None] = {}  # the sentences of one section share its heading
    spelled = _spelled(indicators)
    for i, sentence in enumerate(ctx.sentences):
        if not sentence.numbers:
            continue
        subject = _sentence_subject(sentence, indicators, spelled, index, (short_min, long_min), by_heading)
        if subject:
            text_qs.extend(sentence_quantities(ctx, sentence, subject, i))
    totals = [q for view in ctx.views for q in total_quantities(ctx, view)]
    totals += [q for i, s in enumerate(ctx.sentences) if s.numbers for q in sentence_totals(ctx, s, i)]
    quantities = _identified(table_qs, _table_families(ctx.views, ctx.sentences)) + text_qs
    cluster_of = _cluster_subjects(quantities, index, short_min, long_min)
    state = QuantityIndex(quantities, cluster_of, {}, totals)
    state.suspect_columns = _suspect_columns(state)
    run.quantities = state
    return state


def _table_families(views: list[TableView], sentences: list[Sentence]) -> dict[str, str]:
    """Table id -> id of the table it continues: a table at the head of the
    next page with the same column headers, no sentence between the two, is
    one table cut by a page break."""
    family: dict[str, str] = {}
    last: dict[frozenset[str], tuple[str, TableView]] = {}
    for view in views:
        # as a set: a column split in two by the reader repeats a header
        header = frozenset(f"{c.role}:{c.header.lower()}" for c in view.columns if c.header.strip())
        prev = last.get(header)
        first = prev[0] if prev and _continues(prev[1], view, sentences) else view.table.id
        family[view.table.id] = first
        last[header] = (first, view)
    return family


def _continues(a: TableView, b: TableView, sentences: list[Sentence]) -> bool:
    """Is ``b`` the rest of ``a`` after a page break: on the next page, and
    no sentence of several words (a running header or page number aside)
    printed between them?"""
    ta, tb = a.table, b.table
    if ta.page is None or tb.page is None or tb.page - ta.page != 1 or not ta.bbox or not tb.bbox:
        return False
    end, start = (ta.page, ta.bbox[3]), (tb.page, tb.bbox[1])
    return not any(len(s.text.split()) >= 5 and end < (s.order[0], s.order[1]) < start for s in sentences)


def _identified(table_qs: list[Quantity], family: dict[str, str]) -> list[Quantity]:
    """The table figures whose row label names one item.

    Rows of one table (and of its continuation on the next page) are
    different items: a label printed on two rows of one table ("Program" |
    "Program", the first line of two wrapped names) does not say which item
    it is, so neither row is a copy of anything (a repeated label is the
    structure rule's business)."""

    def key(q: Quantity) -> tuple[str, tuple[str, ...]]:
        table = q.origin.split(":")[0]
        return family.get(table, table), tuple(tokens(q.subject))

    rows: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    for q in table_qs:
        rows.setdefault(key(q), set()).add(q.row_key)
    repeated = {k for k, keys in rows.items() if len(keys) > 1}
    return [q for q in table_qs if key(q) not in repeated]


def _spelled(indicators: list[str]) -> list[tuple[str, frozenset[str]]]:
    """Each indicator of two words or more with the set of its words, in the
    order of ``indicators``: made once, as every sentence with a number is
    compared with all of them."""
    words = [(name, tokens(name)) for name in indicators]
    return [(name, frozenset(toks)) for name, toks in words if len(toks) >= 2]


def _sentence_subject(
    sentence: Sentence,
    indicators: list[str],
    spelled: list[tuple[str, frozenset[str]]],
    index: NameIndex,
    limits: tuple[float, float],
    by_heading: dict[str, str | None],
) -> str | None:
    """The indicator a sentence names (all its words among the sentence's,
    ``spelled`` as :func:`_spelled` gives them), else the one its section
    heading names (each heading matched once, in ``by_heading``)."""
    short_min, long_min = limits
    words = set(tokens(sentence.text))
    hits = [(name, toks) for name, toks in spelled if toks <= words]
    named = [name for name, _ in hits]
    by_heading_name = None
    if sentence.heading:
        if sentence.heading not in by_heading:
            by_heading[sentence.heading] = _heading_subject(sentence.heading, indicators, index, limits)
        by_heading_name = by_heading[sentence.heading]
    distinct = {toks for _, toks in hits}
    if len(distinct) == 1:
        return named[0]
    if named:
        # several subjects named: only the section's own indicator is safe
        if by_heading_name and any(index.matches(by_heading_name, n, short_min, long_min) for n in named):
            return by_heading_name
        return None
    return by_heading_name


_HEADING_NUMBER = re.compile(r"^\W*(\d{1,2}|[A-Za-z])[.)]\s+")
"""A section heading's number or letter ("3. ", "b) ")."""


def _heading_subject(heading: str, indicators: list[str], index: NameIndex, limits: tuple[float, float]) -> str | None:
    """The one indicator a section heading names (its number aside), if all
    the indicators it matches are one."""
    short_min, long_min = limits
    heading = _HEADING_NUMBER.sub("", heading)
    hits = [n for n in indicators if index.matches(heading, n, short_min, long_min)]
    if hits and all(index.matches(hits[0], h, short_min, long_min) for h in hits):
        return hits[0]
    return None


def _cluster_subjects(
    quantities: list[Quantity], index: NameIndex, short_min: float, long_min: float
) -> dict[str, int]:
    """Subject name -> cluster id. Rows of one table column are different
    subjects by construction, so they never join each other's cluster."""
    names = sorted({q.subject for q in quantities}, key=lambda n: (-len(tokens(n)), n))
    origins: dict[str, set[str]] = {}
    for q in quantities:
        origins.setdefault(q.subject, set()).add(q.origin.split(":")[0])
    members: list[list[str]] = []
    cluster_of: dict[str, int] = {}
    for name in names:
        best = None
        for cid, mem in enumerate(members):
            same_table = any(origins[name] & origins[m] - {"text"} for m in mem if tokens(m) != tokens(name))
            if not same_table and all(index.matches(name, m, short_min, long_min) for m in mem):
                best = cid
                break
        if best is None:
            members.append([name])
            best = len(members) - 1
        else:
            members[best].append(name)
        cluster_of[name] = best
    return cluster_of


def _key(state: QuantityIndex, q: Quantity) -> tuple[int, str, int | None]:
    return (state.cluster_of[q.subject], q.measure, q.year)


def _agrees(q: Quantity, others: list[Quantity]) -> bool:
    iv = q.number.interval()
    return any(iv.overlaps(o.number.interval()) for o in others)


def _suspect_columns(state: QuantityIndex) -> dict[str, tuple[str, int | None, list[Quantity]]]:
    """Columns holding another quantity than their header says.

    Two columns can accuse each other (a swapped pair); the column whose
    values are confirmed by the most other places is decided first, and its
    figures no longer count as references for the rest.
    """
    by_origin = {origin: qs for origin, qs in state.by_origin.items() if origin != "text"}
    out: dict[str, tuple[str, int | None, list[Quantity]]] = {}
    while True:
        # per subject cluster, its quantities by (measure, year): a copy's
        # references, and the other quantities of its own subject
        by_cluster: dict[int, dict[tuple[str, int | None], list[Quantity]]] = {}
        for q in state.quantities:
            if q.origin not in out:
                cid, measure, year = _key(state, q)
                by_cluster.setdefault(cid, {}).setdefault((measure, year), []).append(q)
        best: tuple[int, str, tuple[str, int | None]] | None = None
        for origin, col in by_origin.items():
            if origin in out:
                continue
            verdict = _column_verdict(state, origin, col, by_cluster)
            if verdict and (best is None or verdict[0] > best[0]):
                best = (verdict[0], origin, verdict[1])
        if best is None:
            return out
        _, origin, (measure, year) = best
        out[origin] = (measure, year, by_origin[origin])


def _column_verdict(
    state: QuantityIndex,
    origin: str,
    col: list[Quantity],
    by_cluster: dict[int, dict[tuple[str, int | None], list[Quantity]]],
) -> tuple[int, tuple[str, int | None]] | None:
    """(how many other places confirm it, the quantity the column really holds),
    or None when the column fits its header or cannot be judged."""
    comparable = mismatched = 0
    alternatives: Counter[tuple[str, int | None]] = Counter()
    witnesses: dict[tuple[str, int | None], set[str]] = {}
    for q in col:
        cid, measure, year = _key(state, q)
        cluster = by_cluster.get(cid, {})
        refs = [o for o in cluster.get((measure, year), []) if o.origin != origin]
        if not refs:
            continue
        comparable += 1
        if _agrees(q, refs):
            continue
        mismatched += 1
        for (m2, y2), others in cluster.items():
            if (m2, y2) == (measure, year):
                continue
            agreeing = [o for o in others if o.origin != origin and q.number.interval().overlaps(o.number.interval())]
            if agreeing:
                alternatives[(m2, y2)] += 1
                witnesses.setdefault((m2, y2), set()).update(o.origin for o in agreeing)
    if comparable < 2 or mismatched * 3 < comparable * 2 or not alternatives:
        return None
    alt, n = alternatives.most_common(1)[0]
    # one other table against this one decides nothing: two must agree
    if n * 3 < mismatched * 2 or len(witnesses[alt]) < 2:
        return None
    return len(witnesses[alt]), alt


def _recomputed(state: QuantityIndex, q: Quantity) -> bool | None:
    """Do the target and capaian printed beside a realisasi (or target and
    realisasi beside a capaian) confirm it? None when they are not there."""
    get = {o.measure: o for o in state.by_row.get((q.row_key, q.year), [])}
    if not {"target", "realisasi", "capaian"} <= set(get):
        return None
    t, r, c = (get[m].number.interval() for m in ("target", "realisasi", "capaian"))
    if t.lo <= 0 <= t.hi:
        return None
    computed = Interval(r.lo * 100, r.hi * 100) / t
    return computed.overlaps(c)


def _describe(loc: Location) -> str:
    if loc.table:
        where = f"{loc.table} baris {loc.row}"
    else:
        where = f"baris teks {loc.line}" if loc.line is not None else "teks"
    return f"hal. {loc.page} {where}" if loc.page is not None else where


def check_cross_references(rule: Rule, run: Run) -> Iterator[Finding]:
    """One quantity printed with values no rounding reconciles."""
    lang = run.lang
    state = _state(run, rule)
    yield from _total_conflicts(state, rule, lang)
    groups: dict[tuple[int, str, int | None], Group] = {}
    for q in state.quantities:
        if q.origin in state.suspect_columns:
            continue
        key = _key(state, q)
        groups.setdefault(key, Group(q.subject, q.measure, q.year)).copies.append(q)
    names = MEASURE_NAMES.of(rule).get(lang, {})
    for group in groups.values():
        clusters = group.value_clusters()
        if len(clusters) < 2 or _combined(state, clusters):
            continue
        support = {i: sum(1 for q in cl if _recomputed(state, q)) for i, cl in enumerate(clusters)}
        ranked = sorted(range(len(clusters)), key=lambda i: (-len(clusters[i]), -support[i]))
        top = ranked[0]
        tie = len(clusters[ranked[1]]) == len(clusters[top])
        undecided = tie and support[ranked[0]] == support[ranked[1]]
        top_value = None if undecided else clusters[top][0].number.text
        minority = [clusters[i] for i in ranked if i != top]
        subject = max((q.subject for q in group.copies), key=len)
        values = "; ".join(
            f"{cl[0].number.text} ({len(cl)}x: {', '.join(_describe(q.location) for q in cl[:4])}{'…' if len(cl) > 4 else ''})"
            for cl in (clusters[i] for i in ranked)
        )
        support_note = ""
        if any(support.values()):
            best = max(support, key=lambda i: support[i])
            support_note = SUPPORT_NOTE.of(rule).get(lang, "").format(value=clusters[best][0].number.text)
        if top_value is not None:
            support_note = " ".join(x for x in (support_note, _slip_note(rule, lang, minority, clusters[top])) if x)
        locations = [q.location for cl in minority for q in cl] + [q.location for q in clusters[top]]
        yield text_finding(
            rule,
            lang,
            locations=locations,
            printed=" / ".join(cl[0].number.text for cl in minority),
            expected=top_value,
            meaning=(subject.lower(), group.measure, str(group.year)),
            subject=subject,
            measure=names.get(group.measure, group.measure),
            year=group.year or "",
            values=values,
            note=support_note,
        )


COMBINED_MIN = 1000
"""Amounts from here up: below it a difference that equals some other row's
figure (a 5 among percentages) is too likely to be chance."""


def _combined(state: QuantityIndex, clusters: list[list[Quantity]]) -> bool:
    """Two values whose difference is printed as another row of a column that
    holds one of them: one place combines two rows the other lists apart (a
    programme and its "(Banprov)" share, 3.564.173.500 + 1.458.000.000 =
    5.022.173.500), which is a different scope, not a differing copy."""
    if len(clusters) != 2:
        return False
    low, high = (cl[0].number.interval() for cl in clusters)
    if low.lo < COMBINED_MIN:
        return False
    gap = high - low
    copies = [q for cl in clusters for q in cl if q.origin != "text"]
    origins = {q.origin for q in copies}
    rows = {(q.origin, q.row_key) for q in copies}
    return any(
        (q.origin, q.row_key) not in rows and _overlap(q.number.interval(), gap)
        for origin in origins
        for q in state.by_origin.get(origin, [])
    )


def _overlap(a: Interval, b: Interval) -> bool:
    return a.lo <= b.hi and b.lo <= a.hi


def _slip_note(rule: Rule, lang: str, minority: list[list[Quantity]], top: list[Quantity]) -> str:
    """Name the slip of the digits that makes a differing copy of the
    value most places print (0.612 for 0.162: two digits swapped)."""
    notes = SLIP_NOTES.of(rule)
    out = []
    for cl in minority:
        kind = digit_slip(cl[0].number, top[0].number)
        text = (notes.get(kind) or {}).get(lang) if kind else None
        if text:
            out.append(text.format(printed=cl[0].number.text, value=top[0].number.text))
    return " ".join(out)


def _total_conflicts(state: QuantityIndex, rule: Rule, lang: str) -> Iterator[Finding]:
    """A whole-budget figure in the narrative that no budget TOTAL prints.

    Tables may total different scopes (per program, per sasaran), so they
    are not compared with each other here; the narrative must match one."""
    names = MEASURE_NAMES.of(rule).get(lang, {})
    label = TOTAL_NAME.of(rule).get(lang, "total")
    for q in state.totals:
        if q.origin != "text":
            continue
        refs = [t for t in state.totals if t.origin != "text" and (t.measure, t.year) == (q.measure, q.year)]
        if not refs or _agrees(q, refs):
            continue
        clusters = Group(label, q.measure, q.year, [q, *refs]).value_clusters()
        values = "; ".join(
            f"{cl[0].number.text} ({len(cl)}x: {', '.join(_describe(x.location) for x in cl[:4])})" for cl in clusters
        )
        yield text_finding(
            rule,
            lang,
            locations=[q.location] + [t.location for t in refs],
            printed=q.number.text,
            expected=refs[0].number.text if len({t.number.text for t in refs}) == 1 else None,
            meaning=(TOTAL_SUBJECT, q.measure, str(q.year), q.number.text),
            subject=label,
            measure=names.get(q.measure, q.measure),
            year=q.year or "",
            values=values,
        )


def check_header_content(rule: Rule, run: Run) -> Iterator[Finding]:
    """A column holding, row after row, another quantity than its header says."""
    lang = run.lang
    state = _state(run, rule)
    names = MEASURE_NAMES.of(rule).get(lang, {})
    for _origin, (measure, year, col) in state.suspect_columns.items():
        first = col[0]
        header = first.location.column_header or ""
        yield text_finding(
            rule,
            lang,
            locations=[q.location for q in col],
            printed=", ".join(q.number.text for q in col[:6]),
            expected=None,
            meaning=(header.lower(), measure, str(year)),
            confidence="medium",
            header=header,
            table=first.location.table,
            holds=f"{names.get(measure, measure)} {year or ''}".strip(),
        )
