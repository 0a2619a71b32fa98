"""One defect, one finding: a wrong figure reported where it is wrong.

A realisasi printed 82,92 in one table and 81,59 in four others breaks two
checks on its row: XRF001 (the copies differ) and CAP001 (its capaian,
98,30 = 81,59 / 83 x 100, no longer follows). Reported apart, CAP001 would
advise "capaian should be 99,90", which contradicts the real fix. After all
engines ran, a formula finding is merged into the cross-reference finding of
one of its inputs when the value most copies print makes the formula hold:
the input is the defect, and the formula is its evidence.
"""

from __future__ import annotations

from dataclasses import replace

from auditor.checks.row_formula import formula_bindings
from auditor.findings.records import Finding
from auditor.meaning.numbers import Number, parse_number, role_interval
from auditor.meaning.semantics import TableView
from auditor.model import Location
from auditor.rulesets.loader import RuleSet

_CROSSREF = "XRF001"
_Cell = tuple[str | None, int | None, int | None]


def _cell(loc: Location) -> _Cell:
    return (loc.table, loc.row, loc.column)


def _holds_with(ruleset: RuleSet, f: Finding, view: TableView, cell: _Cell, value: Number) -> str | None:
    """The formula of ``f``'s rule (any it accepts) that fits the printed
    output of its row once the input at ``cell`` is replaced by ``value``."""
    rule = ruleset.get(f.rule)
    out_loc = f.locations[0]
    if rule is None or rule.formula is None or out_loc.row is None or out_loc.column is None:
        return None
    r, out_col, in_col = out_loc.row - 1, out_loc.column - 1, (cell[2] or 0) - 1
    out = view.number(r, out_col)
    if out is None:
        return None
    for col, expr, binding in formula_bindings(rule, view, r):
        if col != out_col or in_col not in binding.values():
            continue
        env = {}
        for name, c in binding.items():
            num = value if c == in_col else view.number(r, c)
            if num is None:
                break
            env[name] = role_interval(num, view.columns[c].role)
        else:
            try:
                if expr.evaluate(env).overlaps(out.interval()):
                    return f"{rule.output} = {expr.text}".replace("*", "x")
            except ZeroDivisionError:
                continue
    return None


def merge_evidence(findings: list[Finding], views: list[TableView], ruleset: RuleSet, lang: str) -> list[Finding]:
    """Findings with every formula finding that a cross-reference finding
    explains folded into it (its cells and message added as evidence)."""
    by_id = {v.table.id: v for v in views}
    xrf = [f for f in findings if f.rule == _CROSSREF and f.expected]
    merged: dict[int, Finding] = {}
    dropped: set[int] = set()
    for i, f in enumerate(findings):
        rule = ruleset.get(f.rule)
        if rule is None or rule.engine != "row-formula" or not f.locations:
            continue
        view = by_id.get(f.locations[0].table or "")
        inputs = {_cell(loc) for loc in f.locations[1:]}
        for x in xrf:
            value = parse_number(x.expected or "")
            wrong = [_cell(loc) for loc in x.locations if _cell(loc) in inputs and loc.text.strip() != x.expected]
            formula = view and value and wrong and _holds_with(ruleset, f, view, wrong[0], value)
            if not formula:
                continue
            j = findings.index(x)
            wrong_text = next(loc.text for loc in f.locations if _cell(loc) == wrong[0])
            merged[j] = _with_evidence(merged.get(j, x), f, (wrong_text, formula), ruleset, lang)
            dropped.add(i)
            break
    return [merged.get(i, f) for i, f in enumerate(findings) if i not in dropped]


def _with_evidence(x: Finding, f: Finding, wrong: tuple[str, str], ruleset: RuleSet, lang: str) -> Finding:
    """``x`` with the formula finding ``f`` as evidence: its cells, and a
    note that names the wrong input (its text, the formula that then holds)
    instead of ``f``'s own advice."""
    rule = ruleset.get(_CROSSREF)
    notes = rule.params.get("evidence_note", {}) if rule else {}
    template = str(notes.get(lang) or notes.get("id") or "{output} ({rule}) follows from {value}, not {wrong}.")
    text, formula = wrong
    note = template.format(output=f.printed, rule=f.rule, formula=formula, value=x.expected, wrong=text.strip())
    seen = {_cell(loc) for loc in x.locations}
    extra = tuple(loc for loc in f.locations if _cell(loc) not in seen)
    return replace(x, message=f"{x.message} {note}", locations=x.locations + extra)
