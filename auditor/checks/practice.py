"""The report's own lower-is-better formula: which one it uses, and why.

A lower-is-better indicator (pengangguran, inflasi, kemiskinan) has two
accepted capaian formulas, (2 x target - realisasi) / target x 100 and
target / realisasi x 100. When such a row fits neither, the expected value
must be the one the report would have printed, so it is taken from the
report itself, in order of how directly it speaks of the row:

1. the indicator's other copies (the same indicator in another table whose
   capaian fits exactly one formula);
2. a formula the text states ("rumus: (2 x target - realisasi) / target",
   "target / realisasi x 100");
3. the other rows of the table that fit exactly one formula;
4. the other rows of the whole report.

A level with a tie says nothing and the next one is asked. The finding's
message names the formula and where it comes from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from auditor.checks.engine import Setting
from auditor.checks.row_formula import (
    CHECKED_KINDS,
    bind_names,
    check_row_formula,
    formula_bindings,
    input_interval,
    year_hints,
)
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.formula import Expr
from auditor.meaning.names import tokens
from auditor.meaning.numbers import format_number
from auditor.meaning.semantics import TableView
from auditor.rulesets.loader import Rule

LOWER_MESSAGE = Setting(
    "lower_message",
    dict,
    {},
    "Per language: the message for a lower-is-better row that fits no formula, "
    "naming the report's own formula ({formula}) and its basis ({basis}).",
)
BASIS_NAMES = Setting("basis_names", dict, {}, "Per language: how messages name each basis of the formula.")


@dataclass(frozen=True)
class Use:
    """A row whose capaian fits exactly one of the lower-is-better formulas."""

    table: str
    row: int
    subject: tuple[str, ...]
    formula: str


@dataclass(frozen=True)
class Practice:
    formula: Expr
    basis: str
    """"copies", "stated", "table" or "document"."""
    count: int


def _subject(view: TableView, r: int) -> tuple[str, ...]:
    """The indicator's own name (the last part of the label), as words."""
    return tuple(tokens(view.label(r).split(" | ")[-1]))


def _fits(expr: Expr, view: TableView, r: int, binding: dict[str, int], out_col: int) -> bool:
    out = view.number(r, out_col)
    if out is None:
        return False
    try:
        return expr.evaluate({n: input_interval(view, r, c) for n, c in binding.items()}).overlaps(out.interval())
    except ZeroDivisionError:
        return False


def row_fits(rule: Rule, view: TableView, r: int) -> list[tuple[int, list[str]]]:
    """Per capaian column of row r: the alternatives its printed value fits,
    empty when the main formula fits (the row says nothing of a habit)."""
    assert rule.formula is not None
    out: list[tuple[int, list[str]]] = []
    for out_col, _, binding in formula_bindings(rule, view, r, primary_only=True):
        if _fits(rule.formula, view, r, binding, out_col):
            out.append((out_col, []))
            continue
        hints = year_hints(view, rule, out_col)
        fits = []
        for alt in rule.alternatives:
            alt_binding = bind_names(view, rule, r, out_col, alt.names, hints)
            if alt_binding and _fits(alt, view, r, alt_binding, out_col):
                fits.append(alt.text)
        out.append((out_col, fits))
    return out


def lower_uses(rule: Rule, run: Run) -> list[Use]:
    """Every row of the report that fits exactly one lower-is-better formula
    (and not the main one), unless its name says higher is better."""
    key = f"lower-uses:{rule.code}"
    if key in run.cache:
        return run.cache[key]  # type: ignore[no-any-return]
    uses = []
    for view in run.context.views:
        for row in view.rows:
            if row.kind not in CHECKED_KINDS or view.vocab.label_polarity(view.label(row.index)) == "higher":
                continue
            for _, fits in row_fits(rule, view, row.index):
                if len(fits) == 1:
                    uses.append(Use(view.table.id, row.index, _subject(view, row.index), fits[0]))
    run.cache[key] = uses
    return uses


_STATED = (
    (re.compile(r"\(\s*2\s*[x×*]\s*target\s*[-–]\s*realisasi\s*\)\s*[:/]\s*target", re.I), 0),
    (re.compile(r"\btarget\s*(?:[:/]|dibagi(?: dengan)?)\s*realisasi\b", re.I), 1),
)
"""Formula statements in running text, with the index of the alternative
each states (CAP001's order: the PermenPAN-RB formula, then its variant)."""


def stated_formulas(run: Run) -> Counter[int]:
    """How often the text states each lower-is-better formula."""
    if "stated" in run.cache:
        return run.cache["stated"]  # type: ignore[no-any-return]
    counts: Counter[int] = Counter()
    for sentence in run.context.sentences:
        for pattern, index in _STATED:
            counts[index] += len(pattern.findall(sentence.text))
    run.cache["stated"] = counts
    return counts


_DECLARED_LOWER = re.compile(
    r"semakin (?:rendah|kecil|sedikit)\b.{0,60}\bsemakin baik"
    r"|(?:semakin|makin) tinggi realisasi.{0,40}(?:semakin|makin) rendah capaian"
    r"|indikator (?:negatif|yang bersifat negatif)|polaritas negatif",
    re.IGNORECASE,
)
"""Sentences that declare an indicator lower-is-better."""


def declared_lower(run: Run) -> list[tuple[str, ...]]:
    """Indicator names (as words) that a sentence declares lower-is-better:
    every word of the indicator's own name (at least two) is in a sentence
    that says "semakin rendah ... semakin baik" or "semakin tinggi realisasi
    makin rendah capaian"."""
    if "declared" in run.cache:
        return run.cache["declared"]  # type: ignore[no-any-return]
    said = [set(tokens(s.text)) for s in run.context.sentences if _DECLARED_LOWER.search(s.text)]
    names = {_subject(v, row.index) for v in run.context.views for row in v.rows if row.kind in CHECKED_KINDS}
    found = sorted(n for n in names if len(set(n)) >= 2 and any(set(n) <= words for words in said))
    run.cache["declared"] = found
    return found


def row_polarity(view: TableView, r: int, run: Run) -> str | None:
    """The indicator's direction: its name's (vocabulary), else the one the
    report's text declares for it."""
    named = view.vocab.label_polarity(view.label(r))
    if named is not None:
        return named
    return "lower" if _subject(view, r) in declared_lower(run) else None


def _decided(counts: Counter[str]) -> tuple[str, int] | None:
    ranked = counts.most_common()
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0]


def report_practice(rule: Rule, run: Run, view: TableView, r: int) -> Practice | None:
    """The lower-is-better formula the report uses for the indicator of row r."""
    by_text = {alt.text: alt for alt in rule.alternatives}
    uses = [u for u in lower_uses(rule, run) if (u.table, u.row) != (view.table.id, r)]
    subject = _subject(view, r)
    stated = Counter(
        {rule.alternatives[i].text: n for i, n in stated_formulas(run).items() if n and i < len(rule.alternatives)}
    )
    levels = (
        ("copies", Counter(u.formula for u in uses if subject and u.subject == subject)),
        ("stated", stated),
        ("table", Counter(u.formula for u in uses if u.table == view.table.id)),
        ("document", Counter(u.formula for u in uses)),
    )
    for basis, counts in levels:
        decided = _decided(counts)
        if decided:
            return Practice(by_text[decided[0]], basis, decided[1])
    return None


PRACTICE_NOTE = Setting("practice_note", dict, {}, "Per language: the note naming the basis of the expected formula.")
SETTINGS = (LOWER_MESSAGE, BASIS_NAMES, PRACTICE_NOTE)


def basis_text(rule: Rule, lang: str, practice: Practice) -> str:
    names = BASIS_NAMES.of(rule).get(lang) or BASIS_NAMES.of(rule).get("id") or {}
    return str(names.get(practice.basis, practice.basis)).format(count=practice.count)


def practice_note(rule: Rule, lang: str, practice: Practice | None) -> str:
    """The note that says where the expected formula comes from."""
    notes = PRACTICE_NOTE.of(rule)
    template = notes.get(lang) or notes.get("id")
    return str(template).format(basis=basis_text(rule, lang, practice)) if practice and template else ""


def restated(f: Finding, rule: Rule, run: Run, view: TableView, r: int, out_col: int) -> Finding:
    """``f`` (a capaian of a lower-is-better indicator that fits no formula)
    with the expected value of the report's own formula, named in the message."""
    practice = report_practice(rule, run, view, r)
    templates = LOWER_MESSAGE.of(rule)
    template = templates.get(run.lang) or templates.get("id")
    if practice is None or not template:
        return f
    hints = year_hints(view, rule, out_col)
    binding = bind_names(view, rule, r, out_col, practice.formula.names, hints)
    out = view.number(r, out_col)
    if binding is None or out is None:
        return f
    nums = {n: view.number(r, c) for n, c in binding.items()}
    try:
        point = practice.formula.evaluate_point({n: v.value for n, v in nums.items() if v is not None})
    except ZeroDivisionError:
        return f
    expected = format_number(point, max(out.decimals, 2), out.decimal_sep)
    inputs = practice.formula.text
    for name, num in nums.items():
        if num is not None:
            inputs = re.sub(rf"\b{re.escape(name)}\b", num.text.replace("%", "").strip(), inputs)
    message = str(template).format(
        printed=f.printed,
        expected=expected,
        formula=practice.formula.text.replace("*", "x"),
        inputs=inputs.replace("*", "x"),
        basis=basis_text(rule, run.lang, practice),
    )
    return replace(f, message=message, expected=expected)


def check_row_formula_in_practice(rule: Rule, view: TableView, run: Run) -> Iterator[Finding]:
    """A row's result that no rounding of its printed inputs gives.

    A cell that another formula rule of the rule set explains (a "Capaian %"
    under an "Anggaran" header is realisasi / anggaran, not realisasi /
    target) is not reported by this one. A lower-is-better row that fits no
    formula is told the formula the report itself uses for such indicators."""
    for f in check_row_formula(rule, view, run):
        loc = f.locations[0]
        if (
            not rule.alternatives
            or loc.row is None
            or loc.column is None
            or row_polarity(view, loc.row - 1, run) != "lower"
        ):
            yield f
        else:
            yield restated(f, rule, run, view, loc.row - 1, loc.column - 1)
