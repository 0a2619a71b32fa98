"""Claims in words about tables (CLM001-CLM003): "semua indikator telah
mencapai target", "3 indikator melebihi target", "diukur melalui 2
indikator".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from auditor.checks.common import text_finding
from auditor.checks.narrative.common import (
    alternatives_of,
    rule_param,
)
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.context import DocContext, Sentence
from auditor.meaning.enumeration import items_in_cell
from auditor.meaning.figures import pattern
from auditor.meaning.locations import cell_location
from auditor.meaning.semantics import HEADING_KINDS, TableView
from auditor.model import Location
from auditor.rulesets.loader import Rule

# -- claims in words about tables ------------------------------------------------


def number_words_pattern(p: dict[str, Any]) -> tuple[str, dict[str, int]]:
    """A regex for a count in digits or Indonesian words, and the word values."""
    words = {str(k).lower(): int(v) for k, v in (p.get("number_words") or {}).items()}
    units = alternatives_of([w for w, v in words.items() if v < 10])
    tens = str(p.get("tens_word", "puluh"))
    teens = str(p.get("teens_word", "belas"))
    pattern = (
        rf"\d{{1,3}}(?:\s+\((?:[^\W\d]+\s?){{1,3}}\))?"
        rf"|(?:{units})\s+{tens}(?:\s+(?:{units}))?|(?:{units})\s+{teens}|{alternatives_of(list(words))}"
    )
    return pattern, words


def count_value(text: str, words: dict[str, int], tens: str = "puluh", teens: str = "belas") -> int | None:
    t = " ".join(text.lower().split())
    m = re.match(r"\d+", t)
    if m:
        return int(m.group(0))
    parts = t.split()
    if len(parts) == 1:
        return words.get(parts[0])
    if len(parts) >= 2 and parts[1] == teens and parts[0] in words:
        return 10 + words[parts[0]]
    if len(parts) >= 2 and parts[1] == tens and parts[0] in words:
        return 10 * words[parts[0]] + (words.get(parts[2], 0) if len(parts) > 2 else 0)
    return None


@dataclass(frozen=True)
class Described:
    """The table a sentence describes and the rows that list its items."""

    view: TableView
    column: int
    rows: list[int]

    @cached_property
    def count(self) -> int:
        """The items the rows list: a cell numbering five indicators is five
        (kept: a document-wide claim compares it once per sentence)."""
        return sum(items_in_cell(self.view.cell(r, self.column).text) for r in self.rows)

    @property
    def one_per_row(self) -> bool:
        return self.count == len(self.rows)


def _section_of(ctx: DocContext, order: tuple[float, float, float]) -> int:
    return bisect_right(ctx.section_starts, order)


def noun_column(view: TableView, noun: re.Pattern[str], others: list[re.Pattern[str]]) -> int | None:
    """The column of names whose header names the noun (and no other listed
    noun: a "PROGRAM/KEGIATAN" column lists both); not a column of figures
    such as "JUMLAH SASARAN"."""
    body = [r.index for r in view.rows if r.kind not in (*HEADING_KINDS, "empty")]
    for col in view.columns:
        header = col.header.lower()
        if col.role not in ("label", None) or not noun.search(header) or any(o.search(header) for o in others):
            continue
        figures = sum(1 for r in body if view.number(r, col.index) is not None)
        if figures * 2 <= len(body):
            return col.index
    return None


def item_rows(view: TableView, c: int) -> list[int]:
    """Rows that list one item each in column c: its own (not span-copied)
    text, with something more in the row than that text (a group title row
    holds nothing else). Totals and averages are not items."""
    out: list[int] = []
    seen: set[str] = set()
    for row in view.rows:
        if row.kind in (*HEADING_KINDS, "total", "average", "summary", "empty"):
            continue
        cells = view.table.rows[row.index]
        cell = cells[c]
        text = cell.text.strip()
        if cell.is_span_copy or not text or re.fullmatch(r"[-–]+", text):
            continue
        more = any(o.text.strip() and not o.is_span_copy for o in cells[c + 1 :])
        if not more and row.kind != "body":
            continue
        key = re.sub(r"\W+", " ", text.lower()).strip()
        if key in seen:
            continue
        seen.add(key)
        out.append(row.index)
    return out


def described_table(
    ctx: DocContext,
    sentence: Sentence,
    noun: re.Pattern[str],
    others: list[re.Pattern[str]],
    need_capaian: bool = False,
) -> Described | None:
    """The nearest following table (else the nearest preceding one) in the
    sentence's section whose header names the noun."""
    section = _section_of(ctx, sentence.order)
    own = ctx.section_tables.get(section, [])
    after = [v for o, v in own if o > sentence.order]
    before = [v for o, v in own if o < sentence.order][::-1]
    for view in [*after, *before]:
        listed = listed_items(view, noun, others)
        if listed is None or (need_capaian and capaian_column(view) is None):
            continue
        return listed
    return None


def listed_items(view: TableView, noun: re.Pattern[str], others: list[re.Pattern[str]]) -> Described | None:
    """The rows of a table that list one item each of the noun its header names."""
    c = noun_column(view, noun, others)
    if c is None:
        return None
    rows = item_rows(view, c)
    # "Program A" over its "Kegiatan a.1" rows in one column: the programs
    starts = [r for r in rows if noun.match(view.cell(r, c).text.strip())]
    if starts and any(any(o.match(view.cell(r, c).text.strip()) for o in others) for r in rows):
        rows = starts
    return Described(view, c, rows)


def capaian_column(view: TableView) -> int | None:
    cols = [c for c in view.columns if c.role in ("capaian", "pct")]
    if not cols:
        return None
    own = [c for c in cols if c.role == "capaian"] or cols
    return own[-1].index


@dataclass(frozen=True)
class ClaimWords:
    count: str
    words: dict[str, int]
    nouns: dict[str, re.Pattern[str]]
    """How a sentence names the items: "sasaran strategis"."""
    headers: dict[str, re.Pattern[str]]
    """How a table header names them: "SASARAN"."""
    subject: str
    verbs: dict[str, str]
    negation: str
    tens: str
    teens: str

    @staticmethod
    def of(rule: Rule) -> ClaimWords:
        p = rule_param(rule, "claims", {}) or {}
        count, words = number_words_pattern(p)
        nouns = {str(k): v if isinstance(v, dict) else {"text": v} for k, v in (p.get("nouns") or {}).items()}
        verbs = {str(k): alternatives_of(v) for k, v in (p.get("verbs") or {}).items()}
        return ClaimWords(
            count=count,
            words=words,
            nouns={k: pattern(str(v["text"])) for k, v in nouns.items()},
            headers={k: pattern(str(v.get("header", v["text"]))) for k, v in nouns.items()},
            subject=str(p.get("subject", "indikator")),
            verbs=verbs,
            negation=str(p.get("negation", "belum|tidak")),
            tens=str(p.get("tens_word", "puluh")),
            teens=str(p.get("teens_word", "belas")),
        )

    def value(self, text: str) -> int | None:
        return count_value(text, self.words, self.tens, self.teens)


def _sentence_location(sentence: Sentence, start: int, end: int) -> Location:
    return sentence.location(start, end)


def verdict_counts(view: TableView, rows: list[int], col: int, test: str) -> tuple[int, int, list[int]] | None:
    """How many rows certainly and possibly pass ``test`` (reach: capaian >=
    100, exceed: > 100, below: < 100, not_exceed: <= 100), and the rows that
    certainly fail. None when a row has no capaian."""
    certain = possible = 0
    failing: list[int] = []
    for r in rows:
        n = view.number(r, col)
        if n is None:
            return None
        iv = n.interval()
        if test == "reach":
            yes, maybe = iv.lo >= 100, iv.hi >= 100
        elif test == "exceed":
            yes, maybe = iv.lo > 100, iv.hi > 100
        elif test == "below":
            yes, maybe = iv.hi < 100, iv.lo < 100
        else:
            yes, maybe = iv.hi <= 100, iv.lo <= 100
        certain += yes
        possible += maybe
        if not maybe:
            failing.append(r)
    return certain, possible, failing


def verdict_test(verb: str, negated: bool, verbs: dict[str, str]) -> str | None:
    kind = next((k for k, alt in verbs.items() if re.fullmatch(alt, verb, re.IGNORECASE)), None)
    if kind is None:
        return None
    if negated:
        return {"reach": "below", "exceed": "not_exceed"}.get(kind)
    return kind


def _claim_regex(cw: ClaimWords, *, all_form: bool) -> re.Pattern[str]:
    verbs = "|".join(f"(?:{v})" for v in cw.verbs.values())
    middle = r"(?P<mid>(?:\s+(?!target\b)[\w/%()-]+){0,6}?)"
    tail = rf"\s+(?P<neg>(?:{cw.negation})\s+)?(?:(?:berhasil|dapat|telah|sudah|bisa)\s+)*(?P<verb>{verbs})\s+(?:[^\W\d]+\s+){{0,2}}?target"
    if all_form:
        head = rf"(?<!tidak\s)(?<!belum\s)\b(?:semua|seluruh)\s+(?:[^\W\d]+\s+){{0,2}}?(?:{cw.subject})\b"
    else:
        head = rf"(?<![\w.,])(?P<n>{cw.count})\s+(?:{cw.subject})\b"
    return pattern(head + middle + tail)


def _capaian_cells(d: Described, col: int, rows: list[int]) -> list[Location]:
    return [cell_location(d.view, r, col) for r in rows]


def check_all_indicators(rule: Rule, run: Run) -> Iterator[Finding]:
    """``semua indikator telah mencapai target``: every indicator of the
    described table has capaian >= 100 (> 100 for "melebihi")."""
    ctx, lang = run.context, run.lang
    cw = ClaimWords.of(rule)
    rx = _claim_regex(cw, all_form=True)
    noun = cw.headers.get("indikator") or pattern(cw.subject)
    others = [v for k, v in cw.headers.items() if k != "indikator"]
    for s in ctx.sentences:
        for m in rx.finditer(s.text):
            test = verdict_test(m.group("verb"), bool(m.group("neg")), cw.verbs)
            d = described_table(ctx, s, noun, others, need_capaian=True)
            if test is None or d is None or not d.rows:
                continue
            col = capaian_column(d.view)
            assert col is not None
            counts = verdict_counts(d.view, d.rows, col, test)
            if counts is None or not counts[2]:
                continue
            failing = counts[2]
            yield text_finding(
                rule, lang,
                locations=[_sentence_location(s, m.start(), m.end()), *_capaian_cells(d, col, failing)],
                printed=m.group(0), expected=None,
                meaning=("all", (s.heading or "").lower(), d.view.table.title or "", test),
                verb=m.group("verb"), table=d.view.table.id, count=len(failing),
                items="; ".join(f"{d.view.label(r)} ({d.view.cell(r, col).text})" for r in failing),
            )  # fmt: skip


def check_indicators_achieved(rule: Rule, run: Run) -> Iterator[Finding]:
    """``3 indikator melebihi target``, ``2 indikator belum memenuhi target``:
    the count of indicators of the described table whose capaian passes."""
    ctx, lang = run.context, run.lang
    cw = ClaimWords.of(rule)
    rx = _claim_regex(cw, all_form=False)
    noun = cw.headers.get("indikator") or pattern(cw.subject)
    others = [v for k, v in cw.headers.items() if k != "indikator"]
    for s in ctx.sentences:
        for m in rx.finditer(s.text):
            n = cw.value(m.group("n"))
            test = verdict_test(m.group("verb"), bool(m.group("neg")), cw.verbs)
            if n is None or test is None:
                continue
            d = described_table(ctx, s, noun, others, need_capaian=True)
            if d is None or not d.rows or not d.one_per_row:
                continue  # a cell of several indicators has one capaian cell for all
            col = capaian_column(d.view)
            assert col is not None
            counts = verdict_counts(d.view, d.rows, col, test)
            if counts is None:
                continue
            certain, possible, _ = counts
            if certain <= n <= possible:
                continue
            expected = certain if n < certain else possible
            passing = [r for r in d.rows if (verdict_counts(d.view, [r], col, test) or (0, 0, []))[1]]
            yield text_finding(
                rule, lang,
                locations=[_sentence_location(s, m.start("n"), m.end()), *_capaian_cells(d, col, d.rows)],
                printed=m.group("n"), expected=str(expected),
                meaning=("achieved", (s.heading or "").lower(), d.view.table.title or "", test, m.group("n")),
                verb=m.group("verb"), table=d.view.table.id,
                items="; ".join(f"{d.view.label(r)} ({d.view.cell(r, col).text})" for r in passing) or "-",
            )  # fmt: skip


@dataclass(frozen=True)
class CountClaim:
    """ "33 kegiatan" in a sentence: the count, the noun and its key."""

    sentence: Sentence
    match: re.Match[str]
    key: str
    """Which noun of the rule's ``claims.nouns`` (program, kegiatan ...)."""
    count: int


def count_claims(rule: Rule, ctx: DocContext) -> Iterator[CountClaim]:
    """Every count of listed items the rule's words recognise in the
    document's sentences ("dicapai melalui 7 program"), leaving out the
    counts that name only some items ("5 program prioritas")."""
    cw = ClaimWords.of(rule)
    p = rule_param(rule, "claims", {}) or {}
    before = pattern(str(p.get("count_before", r"(?!x)x")))
    not_after = pattern(str(p.get("not_after", r"(?!x)x")))
    not_before = pattern(str(p.get("not_before", r"(?!x)x")))
    by_noun = {k: pattern(rf"(?<![\w.,])(?P<n>{cw.count})\s+(?P<noun>{v.pattern})\b") for k, v in cw.nouns.items()}
    needs_verb = {str(k) for k in p.get("nouns_needing_verb") or []}
    for s in ctx.sentences:
        low = s.text.lower()
        for key, rx in by_noun.items():
            for m in rx.finditer(low):
                n = cw.value(m.group("n"))
                if n is None or n > 200:
                    continue
                if key in needs_verb and not before.search(low[max(0, m.start() - 40) : m.start()]):
                    continue
                if not_before.search(low[max(0, m.start() - 20) : m.start()]):
                    continue
                if not_after.match(low[m.end() : m.end() + 60]):
                    continue
                yield CountClaim(s, m, key, n)


def kept_count_claims(rule: Rule, run: Run) -> list[CountClaim]:
    """:func:`count_claims` of ``rule``, read once per audit: CLM003 and the
    count-in-document rule (which reads CLM003's words) scan every sentence
    with the same patterns."""
    key = f"count-claims:{id(rule)}"
    if key not in run.cache:
        run.cache[key] = list(count_claims(rule, run.context))
    return run.cache[key]  # type: ignore[return-value]


def check_counts(rule: Rule, run: Run) -> Iterator[Finding]:
    """``diukur melalui 2 indikator``, ``7 program``, ``33 kegiatan``, ``2
    sasaran strategis``: the described table lists that many items."""
    ctx, lang = run.context, run.lang
    cw = ClaimWords.of(rule)
    for c in kept_count_claims(rule, run):
        s, m, key, n = c.sentence, c.match, c.key, c.count
        others = [v for k, v in cw.headers.items() if k != key]
        d = described_table(ctx, s, cw.headers[key], others)
        if d is None or not d.rows or d.count == n:
            continue
        label_cells = [cell_location(d.view, r, d.column) for r in d.rows]
        yield text_finding(
            rule, lang,
            locations=[_sentence_location(s, m.start(), m.end()), *label_cells],
            printed=s.text[m.start("n") : m.end("n")], expected=str(d.count),
            meaning=("count", (s.heading or "").lower(), key, d.view.table.title or "", m.group("n")),
            noun=s.text[m.start("noun") : m.end("noun")], table=d.view.table.id,
        )  # fmt: skip
