"""Differences stated in words: "lebih unggul 0,13 poin", "selisih 7,45".

A report compares two figures in a sentence ("realisasi ... 81,59,
sedangkan ... 72,14") and then says by how much one exceeds the other, in
that sentence or the next ("Hal ini berarti ... lebih unggul 7,45 poin").
The stated difference must be what the two figures give: their difference
in points, or (for a claim in percent) their relative difference. A claim
is checked only when exactly two figures are compared, so that which two
is never a guess.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.narrative.common import conventions, figures, rule_param, sentence_finding
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.context import DocContext, Sentence
from auditor.meaning.figures import Conventions, Figure, pattern
from auditor.meaning.intervals import Interval
from auditor.meaning.numbers import format_number
from auditor.rulesets.loader import Rule

_HUNDRED = Interval.point(100)


def _in_parentheses(text: str, at: int) -> bool:
    """``1,157 (Level 3)``: the 3 is a label of the figure, not a figure."""
    before = text[:at]
    return before.count("(") > before.count(")")


def _claim(rule: Rule, s: Sentence, figs: list[Figure], key_end: int) -> Figure | None:
    """The figure that states the difference: right after the keyword
    ("selisih 7,45"), after "sebesar" ("lebih tinggi dari target 80% sebesar
    5%") or followed by "poin" ("lebih unggul dari Pemkab 7,45 poin")."""
    low = s.text.lower()
    direct = pattern(rule_param(rule, "claim_link", r"^\s*(?:sebesar\s+)?$"))
    marked = pattern(rule_param(rule, "claim_before", r"\bsebesar\s+$"))
    points = pattern(rule_param(rule, "points_after", r"^\s*(?:poin|point)\b"))
    max_words = int(rule_param(rule, "max_words", 6))
    for f in figs:
        if f.start < key_end:
            continue
        gap = low[key_end : f.start]
        if len(gap.split()) > max_words:
            return None
        if direct.match(gap) or marked.search(gap) or points.match(low[f.end :]):
            return f
    return None


def _compared(conv: Conventions, s: Sentence, figs: list[Figure], claim: Figure | None) -> list[Figure] | None:
    """The two figures a sentence compares, or None when it has not exactly two."""
    rest = [f for f in figs if f is not claim and not _in_parentheses(s.text, f.start)]
    if len(rest) != 2:
        return None
    a, b = rest
    if a.num.percent != b.num.percent or (a.unit == "rp") != (b.unit == "rp") or conv.different_counts(a, b):
        return None
    return rest


def _previous(ctx: DocContext, i: int) -> Sentence | None:
    """The sentence before, if it is of the same paragraph's page and section."""
    if i == 0:
        return None
    prev, cur = ctx.sentences[i - 1], ctx.sentences[i]
    if prev.heading != cur.heading or prev.lines[-1].page != cur.lines[0].page:
        return None
    if cur.lines[0].page is None and prev.lines[-1].line != cur.lines[0].line:
        return None  # a text export keeps one paragraph per line
    return prev


def _fits(claim: Figure, a: Figure, b: Figure) -> bool:
    """Some rounding of the figures gives the claim as points or, for a
    percentage claim, as a relative difference to either figure."""
    x = Interval(abs(claim.iv.lo), abs(claim.iv.hi)) if claim.iv.lo >= 0 else claim.iv
    hi, lo = (a, b) if a.value >= b.value else (b, a)
    diff = hi.iv - lo.iv
    if x.overlaps(diff):
        return True
    if not claim.num.percent:
        return False
    return any(base.iv.lo > 0 and x.overlaps(diff * _HUNDRED / base.iv) for base in (lo, hi))


def _difference_claims(rule: Rule, run: Run) -> Iterator[tuple[Sentence, Figure, Figure, Figure]]:
    ctx = run.context
    conv = conventions(rule)
    keyword = pattern(rule_param(rule, "keyword", r"\bselisih\b"))
    for i, s in enumerate(ctx.sentences):
        m = keyword.search(s.text)
        if m is None:
            continue
        figs = figures(run, s, conv)
        claim = _claim(rule, s, figs, m.end())
        if claim is None:
            continue
        pair = _compared(conv, s, figs, claim)
        if pair is None and len([f for f in figs if not _in_parentheses(s.text, f.start)]) == 1:
            prev = _previous(ctx, i)
            pair = _compared(conv, prev, figures(run, prev, conv), None) if prev else None
        if pair is not None:
            yield s, claim, pair[0], pair[1]


def check_difference(rule: Rule, run: Run) -> Iterator[Finding]:
    """``lebih unggul X poin`` / ``selisih X``: X = |A - B| of the two
    figures compared in the sentence or the one before it."""
    lang = run.lang
    for s, claim, a, b in _difference_claims(rule, run):
        if _fits(claim, a, b):
            continue
        decimals = max(a.num.decimals, b.num.decimals, claim.num.decimals)
        expected = format_number(abs(a.value - b.value), decimals, claim.num.decimal_sep)
        yield sentence_finding(
            rule, lang, s, [claim, a, b],
            printed=claim.text, expected=expected, kind="difference", first=a.text, second=b.text,
        )  # fmt: skip
