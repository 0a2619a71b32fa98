"""Counts in a summary against the table the sentence names.

The Ringkasan Eksekutif has no tables of its own, but says what the report
measured: "Pengukuran kinerja dilakukan terhadap 1 (satu) sasaran dengan
menggunakan 3 (tiga) indikator kinerja yang ditetapkan dalam dokumen
Perjanjian Kinerja". CLM003 counts the table of a sentence's own section;
this rule follows the document the sentence names (Perjanjian Kinerja) to
the table whose caption names it, and counts its sasaran by their numbers.
The table is taken as the one meant only when it lists exactly as many
indicators as the sentence says.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.common import cell_location, text_finding
from auditor.checks.narrative.claims import count_value, item_rows, noun_column, number_words_pattern
from auditor.checks.narrative.common import rule_param
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.context import DocContext
from auditor.meaning.enumeration import items_in_cell
from auditor.meaning.figures import pattern
from auditor.meaning.semantics import TableView
from auditor.rulesets.loader import Rule


def _numbered_items(view: TableView, c: int, per_row: int) -> int | None:
    """How many items column c lists: by the numbers of the numbering
    column before it where there is one (two sasaran with the same name
    are still two: "1." and "2."), else by its distinct names. None when
    the numbers may count the ``per_row`` indicator rows instead."""
    rows = item_rows(view, c)
    numbering = [col.index for col in view.columns[:c] if col.role == "number"]
    if numbering:
        nums = {
            view.cell(row.index, numbering[-1]).text.strip().rstrip(".")
            for row in view.rows
            if row.kind not in ("header", "total", "average", "summary", "empty")
        }
        nums.discard("")
        if nums and len(nums) == per_row and len(nums) != len(rows):
            return None  # "1, 2, 3" beside 3 indicators: which column does it number?
        if nums:
            return len(nums)
    return len(rows)


def _indicators(view: TableView, ic: int) -> int:
    """The indicators the table lists (a cell numbering three is three)."""
    return sum(items_in_cell(view.cell(r, ic).text) for r in item_rows(view, ic))


def _named_tables(rule: Rule, ctx: DocContext, text: str) -> list[TableView]:
    """Tables whose caption names a document the sentence names."""
    documents = [str(d).lower() for d in rule_param(rule, "documents", []) or []]
    low = text.lower()
    named = [d for d in documents if d in low]
    return [v for v in ctx.views if any(d in (v.table.title or "").lower() for d in named)]


def check_summary_counts(rule: Rule, run: Run) -> Iterator[Finding]:
    """``N sasaran dengan M indikator ... dalam dokumen Perjanjian Kinerja``:
    the named table with M indicators lists N sasaran."""
    ctx, lang = run.context, run.lang
    p = rule_param(rule, "claims", {}) or {}
    count, words = number_words_pattern(p)
    claim = pattern(str(rule_param(rule, "claim", "")).replace("{count}", count))
    group, item = pattern(str(rule_param(rule, "group_header"))), pattern(str(rule_param(rule, "item_header")))
    for s in ctx.sentences:
        for m in claim.finditer(s.text):
            n, k = count_value(m.group("n"), words), count_value(m.group("m"), words)
            if n is None or k is None:
                continue
            for view in _named_tables(rule, ctx, s.text):
                gc, ic = noun_column(view, group, [item]), noun_column(view, item, [group])
                if gc is None or ic is None or _indicators(view, ic) != k:
                    continue
                got = _numbered_items(view, gc, k)
                if got is None or got == n:
                    break
                yield text_finding(
                    rule,
                    lang,
                    locations=[s.location(m.start("n"), m.end("n")), cell_location(view, item_rows(view, gc)[0], gc)],
                    printed=m.group("n"),
                    expected=str(got),
                    meaning=("summary-count", view.table.title or "", m.group(0).lower()),
                    table=view.table.title or view.table.id,
                    items=k,
                )
                break
