"""Truncation as a report's habit: one warning for every figure that was cut
off instead of rounded, rather than one warning per figure.

A report that prints 3,79 for 3,796 usually does so throughout (a
spreadsheet format that cuts digits, a habit of the writer). Reported figure
by figure, the same explanation fills the list many times over and hides
the real errors; a reviewer needs it once, with every place it happened.
The figures are found by the arithmetic engines (row formulas, sentence
arithmetic), which mark such findings with ``habit="truncated"``; this
post-step gathers them after every engine has run.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.common import text_finding
from auditor.checks.run import Run
from auditor.findings.confidence import lowest
from auditor.findings.records import Finding
from auditor.model import Location
from auditor.rulesets.loader import Rule

HABIT = "truncated"
ENGINE = "truncation-habit"
MIN_FIGURES = 2
"""A single truncated figure stays its own rule's warning: one cut-off
figure is a slip at that place, not yet a habit of the report."""

WORDS = {
    "id": {"page": "hal.", "line": "baris teks", "row": "baris", "rounded": "dibulatkan"},
    "en": {"page": "p.", "line": "line", "row": "row", "rounded": "rounded"},
}


def check_truncation_habit(rule: Rule, run: Run) -> Iterator[Finding]:
    """Several figures of one report that fit only if the result was
    truncated, not rounded, reported once as the report's habit, naming every
    place with the printed and the rounded value.

    The engine itself yields nothing: :func:`gather_truncations` runs after
    every other engine and replaces their per-figure truncation warnings
    (from row formulas and sentence arithmetic selected in the same audit)
    with this rule's one finding, when there are at least two.
    """
    return iter(())


def gather_truncations(findings: list[Finding], rules: list[Rule], lang: str) -> list[Finding]:
    """``findings`` with the truncation warnings folded into one finding of
    the selected truncation-habit rule; unchanged when that rule is not
    selected or fewer than :data:`MIN_FIGURES` figures were truncated."""
    rule = next((r for r in rules if r.engine == ENGINE), None)
    cut = [f for f in findings if f.habit == HABIT and f.severity == "warning"]
    if rule is None or len(cut) < MIN_FIGURES:
        return findings
    cut.sort(key=_order)
    gathered = _habit_finding(rule, cut, lang)
    kept = [f for f in findings if not any(f is c for c in cut)]
    return [*kept, gathered]


def _habit_finding(rule: Rule, cut: list[Finding], lang: str) -> Finding:
    words = WORDS.get(lang, WORDS["id"])
    places = "; ".join(f"{f.printed} ({words['rounded']} {f.expected}, {_place(f, words)})" for f in cut)
    return text_finding(
        rule,
        lang,
        locations=[f.locations[0] for f in cut if f.locations],
        printed=", ".join(f.printed or "" for f in cut),
        expected=", ".join(f.expected or "" for f in cut),
        meaning=(HABIT,),
        confidence=lowest(*(f.confidence for f in cut)),
        count=len(cut),
        places=places,
        rules=", ".join(sorted({f.rule for f in cut})),
    )


def _place(f: Finding, words: dict[str, str]) -> str:
    """'hal. 12, T3 baris 4 (Maturitas SPIP)' or 'baris teks 7': enough to
    find the figure with the report open (the words the reporters use)."""
    loc: Location | None = f.locations[0] if f.locations else None
    if loc is None:
        return f.rule
    parts = [f"{words['page']} {loc.page}"] if loc.page is not None else []
    if loc.table:
        label = f" ({loc.row_label.split(' | ')[-1]})" if loc.row_label else ""
        parts.append(f"{loc.table} {words['row']} {loc.row}{label}")
    elif loc.line is not None:
        parts.append(f"{words['line']} {loc.line}")
    return ", ".join(parts) + f" [{f.rule}]"


def _order(f: Finding) -> tuple[int, int, int]:
    loc = f.locations[0] if f.locations else None
    if loc is None:
        return (0, 0, 0)
    return (loc.page or 0, loc.line or 0, loc.row or 0)
