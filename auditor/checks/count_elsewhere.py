"""Counts in words against what the whole document lists (DOC008).

CLM003 counts the table a sentence describes, in the sentence's own
section. A Ringkasan Eksekutif or an introduction has no table of its own
but still says "melaksanakan 8 program dan 33 kegiatan": those items are
listed in Bab II, in the budget tables, in the appendix. This engine takes
the counts CLM003 leaves (no table in the sentence's section names the
noun) and counts every table of the document that lists the noun. Only
when at least two tables list the noun and they all agree is the sentence
judged; a report whose tables list different numbers of programmes leaves
the count ambiguous, and nothing is said.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.checks.common import text_finding
from auditor.checks.narrative.claims import ClaimWords, Described, described_table, kept_count_claims, listed_items
from auditor.checks.narrative.common import rule_param
from auditor.checks.run import Run
from auditor.checks.same_set import caption
from auditor.findings.records import Finding
from auditor.meaning.context import DocContext
from auditor.meaning.locations import cell_location
from auditor.rulesets.loader import Rule


def _lists(ctx: DocContext, noun: re.Pattern[str], others: list[re.Pattern[str]]) -> list[Described]:
    out = []
    for view in ctx.views:
        d = listed_items(view, noun, others)
        if d is not None and d.rows:
            out.append(d)
    return out


def _agreed(lists: list[Described]) -> int | None:
    """The number of items every listing table gives, when at least two
    tables list the items and they all agree (one table alone may be
    misread, or list only some of them)."""
    counts = {d.count for d in lists}
    if len(lists) < 2 or len(counts) != 1:
        return None
    return counts.pop()


def check_counts_in_document(rule: Rule, run: Run) -> Iterator[Finding]:
    """``melaksanakan 8 program`` in a section without such a table: every
    table of the document that lists programmes lists that many."""
    words_rule = run.ruleset.get(str(rule_param(rule, "claims_of", "CLM003"))) or rule
    cw = ClaimWords.of(words_rule)
    ctx = run.context
    # per noun, once: the tables listing it and the count they agree on
    cache: dict[str, tuple[list[Described], int | None]] = {}
    for c in kept_count_claims(words_rule, run):
        others = [v for k, v in cw.headers.items() if k != c.key]
        noun = cw.headers[c.key]
        if described_table(ctx, c.sentence, noun, others) is not None:
            continue  # the sentence's own section lists them: CLM003's
        if c.key not in cache:
            found = _lists(ctx, noun, others)
            cache[c.key] = (found, _agreed(found))
        lists, got = cache[c.key]
        if got is None or got == c.count:
            continue
        s, m = c.sentence, c.match
        yield text_finding(
            rule,
            run.lang,
            locations=[
                s.location(m.start(), m.end()),
                *(cell_location(d.view, r, d.column) for d in lists for r in d.rows[:1] + d.rows[-1:]),
            ],
            printed=s.text[m.start("n") : m.end("n")],
            expected=str(got),
            meaning=("count-document", (s.heading or "").lower(), c.key, m.group("n")),
            noun=s.text[m.start("noun") : m.end("noun")],
            tables=", ".join(caption(d.view) for d in lists),
        )
