"""Years that are not the report's own, in sentences about its own period.

A LAKIP is rewritten every year from last year's file, and sentences that
describe the report's own period keep last year's number: "pertanggung-
jawaban kinerja selama Tahun 2021" in a report on 2022. Sentences that name
other years on purpose (comparisons with last year, Renstra periods,
regulations "Nomor 53 Tahun 2014", future targets) are left alone: only the
phrases listed in the rule's params, which always speak of the report's own
year, are read, and a sentence that also names the report's year or
compares is skipped.

The place of a year inside a stated period is checked too: "Tahun 2011
adalah tahun pertama ... Renstra 2012-2016" (the first year is 2012).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.checks.common import text_finding
from auditor.checks.narrative.common import rule_param
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.context import DocContext, Sentence
from auditor.meaning.figures import pattern
from auditor.rulesets.loader import Rule

_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")


def _years_named(text: str) -> set[int]:
    return {int(y) for y in _YEAR.findall(text)}


def _own_year_slips(rule: Rule, ctx: DocContext, s: Sentence) -> Iterator[tuple[re.Match[str], int]]:
    """(the phrase, the year it should name) for each own-period phrase of a
    sentence that names another year than the section's."""
    expected = ctx.context_year(s.order)
    if expected is None:
        return
    if _years_named(s.text) & {expected, ctx.report_year}:
        return  # the sentence names the report's year too: a comparison
    exclude = pattern(rule_param(rule, "exclude", r"(?!x)x"))
    if exclude.search(s.text) or (s.heading and exclude.search(s.heading)):
        return
    for key, later_only in (("own_period", False), ("achieved", True)):
        for text in rule_param(rule, key, []) or []:
            for m in pattern(text).finditer(s.text):
                year = int(m.group("year"))
                if year != expected and (year > expected or not later_only):
                    yield m, expected


def _year_finding(rule: Rule, lang: str, s: Sentence, m: re.Match[str], expected: int, **args: object) -> Finding:
    """The finding at a year printed in a sentence, with the year it should be."""
    return text_finding(
        rule, lang, locations=[s.location(m.start(), m.end())], printed=m.group("year"), expected=str(expected), **args
    )


def check_own_period_year(rule: Rule, run: Run) -> Iterator[Finding]:
    """``kinerja selama Tahun 2021`` in a report (section) on 2022; a
    capaian of a later year than the report's cannot have been measured."""
    ctx, lang = run.context, run.lang
    for s in ctx.sentences:
        for m, expected in _own_year_slips(rule, ctx, s):
            yield _year_finding(
                rule, lang, s, m, expected,
                meaning=("own-period-year", (s.heading or "").lower(), m.group(0).lower()),
                phrase=s.text[m.start() : m.end()],
            )  # fmt: skip


_ORDINALS = {"pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6}


def _ordinal(word: str) -> int | None:
    """``ketiga`` / ``ke-3`` / ``terakhir`` (as 0: the period's last year)."""
    w = word.lower()
    if w == "terakhir":
        return 0
    if w in _ORDINALS:
        return _ORDINALS[w]
    digits = re.sub(r"\D", "", w)
    return int(digits) if digits else None


def _period(rule: Rule, text: str) -> tuple[int, int] | None:
    """The one period (first year, last year) a sentence names, if one."""
    ranges = {(int(a), int(b)) for a, b in pattern(rule_param(rule, "period", r"(?!x)x")).findall(text)}
    if len(ranges) != 1:
        return None
    first, last = next(iter(ranges))
    return (first, last) if first < last <= first + 25 else None


def check_period_ordinal(rule: Rule, run: Run) -> Iterator[Finding]:
    """``Tahun 2011 adalah tahun pertama ... 2012-2016``: the k-th year of a
    period that starts in A is A + k - 1."""
    ctx, lang = run.context, run.lang
    claim = pattern(rule_param(rule, "claim", r"(?!x)x"))
    for s in ctx.sentences:
        period = _period(rule, s.text)
        if period is None:
            continue
        for m in claim.finditer(s.text):
            k = _ordinal(m.group("ordinal"))
            if k is None:
                continue
            first, last = period
            expected = last if k == 0 else first + k - 1
            if expected > last or int(m.group("year")) == expected:
                continue
            yield _year_finding(
                rule,
                lang,
                s,
                m,
                expected,
                meaning=("period-ordinal", m.group(0).lower()),
                ordinal=m.group("ordinal"),
                period=f"{first}-{last}",
            )
