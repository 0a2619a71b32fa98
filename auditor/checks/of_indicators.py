"""``N dari M indikator`` against the capaian tables (DOC011).

"5 dari 7 indikator kinerja telah mencapai target" states two counts: M,
the indicators measured, and N, those that reached their target. Both are
checked against the document's capaian tables (an indicator column and a
capaian column), but only where the sentence's scope can be established:

* a sentence naming one sasaran of a capaian table speaks of that
  sasaran's indicators: M is their number, N those whose capaian reaches
  100 (exceeds it, for "melebihi"; stays below, for "belum mencapai");
* a sentence naming no sasaran speaks of the whole report when some
  capaian table lists M indicators: N is checked against every such table
  (they must agree), and M itself only in a sentence that says it speaks of
  all of them ("seluruh", a Ringkasan) while every capaian table lists one
  other number.

The capaian is the report's own, computed for each indicator's polarity
(a lower-is-better indicator that met its target has capaian >= 100), and a
capaian whose printed rounding leaves it either side of 100 counts either
way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.common import text_finding
from auditor.checks.narrative.claims import (
    ClaimWords,
    Described,
    capaian_column,
    listed_items,
    noun_column,
    verdict_counts,
    verdict_test,
)
from auditor.checks.narrative.common import rule_param
from auditor.checks.run import Run
from auditor.checks.same_set import caption, same_sasaran
from auditor.findings.records import Finding
from auditor.meaning.context import Sentence
from auditor.meaning.enumeration import items_in_cell
from auditor.meaning.figures import pattern
from auditor.meaning.locations import cell_location
from auditor.rulesets.loader import Rule


@dataclass(frozen=True)
class Scope:
    """The indicators a sentence counts: rows of one capaian table."""

    table: Described
    capaian: int
    rows: tuple[int, ...]
    sasaran: str | None

    @property
    def count(self) -> int:
        """The indicators the rows hold (a cell numbering three is three)."""
        view, c = self.table.view, self.table.column
        return sum(items_in_cell(view.cell(r, c).text) for r in self.rows)


def _claims(cw: ClaimWords) -> tuple[re.Pattern[str], ...]:
    """ "5 dari 7 indikator telah mencapai target" and "Dari 7 indikator
    yang ditetapkan, 5 indikator telah mencapai target"."""
    verbs = "|".join(f"(?:{v})" for v in cw.verbs.values())
    tail = (
        rf"(?P<mid>(?:\s+(?!target\b)[\w/%()-]+){{0,6}}?)"
        rf"\s+(?P<neg>(?:{cw.negation})\s+)?(?:(?:berhasil|dapat|telah|sudah|bisa)\s+)*(?P<verb>{verbs})\s+(?:[^\W\d]+\s+){{0,2}}?target\b"
    )
    m = rf"(?:total\s+|seluruh\s+)?(?P<m>{cw.count})\s+(?:{cw.subject})\b"
    return (
        pattern(rf"(?<![\w.,])(?P<n>{cw.count})\s+(?:indikator\s+)?dari\s+{m}{tail}"),
        pattern(rf"\bdari\s+{m}[^.;:]{{0,80}}?,\s*(?P<n>{cw.count})\s+(?:{cw.subject})\b{tail}"),
    )


def _capaian_tables(run: Run, cw: ClaimWords) -> list[tuple[Described, int]]:
    noun = cw.headers.get("indikator") or pattern(cw.subject)
    others = [v for k, v in cw.headers.items() if k != "indikator"]
    out = []
    for view in run.context.views:
        d, col = listed_items(view, noun, others), capaian_column(view)
        if d is not None and d.rows and col is not None:
            out.append((d, col))
    return out


def _sasaran_rows(d: Described, group: re.Pattern[str], item: re.Pattern[str]) -> dict[str, list[int]]:
    """The table's indicator rows by the sasaran they stand under."""
    sc = noun_column(d.view, group, [item])
    out: dict[str, list[int]] = {}
    if sc is None:
        return out
    for r in d.rows:
        name = " ".join(d.view.cell(r, sc).text.split())
        if name:
            out.setdefault(name, []).append(r)
    return out


def _named_sasaran(text: str, tables: list[tuple[Described, int]], rule: Rule) -> list[Scope]:
    group = pattern(str(rule_param(rule, "group_header", r"\bsasaran\b")))
    item = pattern(str(rule_param(rule, "item_header", r"\bindikator\b")))
    out = []
    for d, col in tables:
        for name, rows in _sasaran_rows(d, group, item).items():
            if len(name.split()) >= 3 and same_sasaran(name, text, share=0.9):
                out.append(Scope(d, col, tuple(rows), name))
    return out


def _scopes(s: Sentence, m: int, tables: list[tuple[Described, int]], rule: Rule) -> tuple[list[Scope], bool]:
    """(the scopes the sentence may speak of, whether it names a sasaran)."""
    named = _named_sasaran(s.text, tables, rule)
    if named:
        return named, True
    return [Scope(d, col, tuple(d.rows), None) for d, col in tables if d.count == m], False


def _whole(rule: Rule, s: Sentence) -> bool:
    rx = pattern(str(rule_param(rule, "whole_report", r"(?!x)x")))
    return bool(rx.search(s.text) or rx.search(s.heading or ""))


def check_of_indicators(rule: Rule, run: Run) -> Iterator[Finding]:
    """``5 dari 7 indikator telah mencapai target``: the sasaran (or the
    report) has 7 indicators, and 5 of them have capaian >= 100."""
    words_rule = run.ruleset.get(str(rule_param(rule, "claims_of", "CLM002"))) or rule
    cw = ClaimWords.of(words_rule)
    claims = _claims(cw)
    tables: list[tuple[Described, int]] | None = None
    for s in run.context.sentences:
        for mt in (mt for rx in claims for mt in rx.finditer(s.text)):
            n, m = cw.value(mt.group("n")), cw.value(mt.group("m"))
            test = verdict_test(mt.group("verb"), bool(mt.group("neg")), cw.verbs)
            if n is None or m is None or test is None or n > m:
                continue
            tables = _capaian_tables(run, cw) if tables is None else tables
            yield from _judge(rule, run, s, mt, (n, m, test), tables)


def _judge(
    rule: Rule, run: Run, s: Sentence, mt: re.Match[str], claim: tuple[int, int, str], tables: list
) -> Iterator[Finding]:
    n, m, test = claim
    scopes, named = _scopes(s, m, tables, rule)
    if named and len({sc.count for sc in scopes}) == 1 and scopes[0].count != m:
        yield _finding(rule, run, s, mt, "m", str(scopes[0].count), scopes[0], scopes[0].rows)
        return
    if not scopes and not named and _whole(rule, s):
        counts = {d.count for d, _ in tables}
        if len(tables) >= 2 and len(counts) == 1:
            d, col = tables[0]
            yield _finding(rule, run, s, mt, "m", str(counts.pop()), Scope(d, col, tuple(d.rows), None), d.rows)
        return
    if any(sc.count != len(sc.rows) for sc in scopes):
        return  # a cell of several indicators has one capaian cell for all
    verdicts = [(sc, verdict_counts(sc.table.view, list(sc.rows), sc.capaian, test)) for sc in scopes]
    if not verdicts or any(v is None for _, v in verdicts):
        return
    certain = max(v[0] for _, v in verdicts if v)
    possible = min(v[1] for _, v in verdicts if v)
    if certain > possible or certain <= n <= possible:
        return  # the tables disagree, or the count fits
    sc = verdicts[0][0]
    yield _finding(rule, run, s, mt, "n", str(certain if n < certain else possible), sc, sc.rows)


def _finding(
    rule: Rule, run: Run, s: Sentence, mt: re.Match[str], which: str, expected: str, sc: Scope, rows
) -> Finding:
    view = sc.table.view
    kinds = rule_param(rule, "kinds", {}) or {}
    how = kinds.get(which, {})
    return text_finding(
        rule,
        run.lang,
        locations=[
            s.location(mt.start(which), mt.end(which)),
            *(cell_location(view, r, sc.capaian if which == "n" else sc.table.column) for r in rows),
        ],
        printed=mt.group(which),
        expected=expected,
        meaning=("of-indicators", (s.heading or "").lower(), which, mt.group(0).lower()),
        claim=mt.group(0),
        how=how.get(run.lang, how.get("id", "")),
        table=caption(view),
        scope=sc.sasaran or "-",
    )
