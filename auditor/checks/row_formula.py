"""Engine for row formulas: ``capaian = realisasi / target * 100`` per row.

A row is checked when the table has a column for every name of the formula
and the row prints a number in each. The check fails only when no rounding
of the printed inputs gives the printed result; a result that fits only when
the report truncates instead of rounding is reported at lower severity.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from auditor.checks.checked import CheckedRelation, Form, grouped, row_form
from auditor.checks.common import make_finding
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.formula import Expr
from auditor.meaning.intervals import Interval
from auditor.meaning.numbers import Number, format_number, role_interval
from auditor.meaning.semantics import TableView
from auditor.rulesets.loader import Rule

# subtotal rows (A. Program ..., summing its kegiatan) print their own ratio too
CHECKED_KINDS = ("body", "total", "summary", "subtotal")
NOTES = {
    "truncated": {
        "id": "Nilai tercetak hanya cocok jika hasil dipotong (bukan dibulatkan).",
        "en": "The printed value fits only if the result was truncated instead of rounded.",
    }
}


def bind_column(view: TableView, r: int, roles: list[str], out_col: int, year_hint: int | None = None) -> int | None:
    """Pick the input column for a role: one that prints a number in this
    row, of the year the checked column's header names for it (or the same
    year as the checked column), nearest to its left."""
    out_year = view.columns[out_col].year if year_hint is None else year_hint
    cands = [
        col.index
        for col in view.columns
        if col.role in roles and col.index != out_col and view.number(r, col.index) is not None
    ]
    if not cands:
        return None
    same = [c for c in cands if view.columns[c].year == out_year]
    if not same and year_hint is not None:
        return None  # the header names a year the table does not have
    if not same:
        same = [c for c in cands if view.columns[c].year is None] or cands
    left = [c for c in same if c < out_col]
    return max(left) if left else min(same)


def year_hints(view: TableView, rule: Rule, out_col: int) -> dict[str, int]:
    """Years a header gives its inputs: "realisasi 2018 dibanding target 2019"."""
    header = view.columns[out_col].header.lower()
    if not _YEAR.search(header):
        return {}
    hints: dict[str, int] = {}
    names = {n for f in (rule.formula, *rule.alternatives) if f for n in f.names}
    for name in names:
        roles = set(rule.roles_for(name))
        for role, pat in view.vocab.columns:
            if role not in roles:
                continue
            m = _hint_pattern(pat.pattern).search(header)
            if m:
                hints[name] = int(m.group(1))
                break
    return hints


_YEAR = re.compile(r"\b(19|20)\d\d\b")


@lru_cache(maxsize=1024)
def _hint_pattern(role_pattern: str) -> re.Pattern[str]:
    """A role's header pattern followed by a year, compiled once (asked for
    every output cell of every row)."""
    return re.compile(rf"(?:{role_pattern})\W*((?:19|20)\d\d)", re.IGNORECASE)


def bind_names(
    view: TableView, rule: Rule, r: int, out_col: int, names: tuple[str, ...], hints: dict[str, int]
) -> dict[str, int] | None:
    binding: dict[str, int] = {}
    for name in names:
        roles = rule.roles_for(name)
        if roles and roles[0] in YEAR_ROLES:
            c = bind_year_column(view, r, roles[0], out_col)
        else:
            c = bind_column(view, r, roles, out_col, hints.get(name))
        if c is None:
            return None
        binding[name] = c
    return binding if len(set(binding.values())) == len(binding) else None


YEAR_ROLES = ("@year_latest", "@year_previous")
"""Pseudo-roles for change columns: of the year columns left of the checked
one (same role, e.g. REALISASI 2017 | REALISASI 2018 | KENAIKAN), the latest
year and the year before it."""


def bind_year_column(view: TableView, r: int, role: str, out_col: int) -> int | None:
    cols = [
        c
        for c in view.columns[:out_col]
        if c.year is not None and c.role not in ("number", "label") and view.number(r, c.index) is not None
    ]
    if len(cols) < 2:
        return None
    latest = max(cols, key=lambda c: (c.year, c.index))
    if role == "@year_latest":
        return latest.index
    earlier = [c for c in cols if c.role == latest.role and c.year is not None and c.year < latest.year]
    if not earlier:
        return None
    return max(earlier, key=lambda c: (c.year, c.index)).index


def input_interval(view: TableView, r: int, c: int) -> Interval:
    """The values the input at (r, c) stands for: an integer target is
    exact, every other figure its rounding interval (see DECLARED_ROLES)."""
    num = view.number(r, c)
    assert num is not None
    return role_interval(num, view.columns[c].role)


def mixed_units(nums: list[Number]) -> bool:
    """An amount or count (2.483, Rp. 630.395.770) beside a percentage or a
    small decimal (11,60%, 86,71): two quantities that do not divide.

    A grouped figure with decimals (1.125,86 in a "Rp juta" column) is a
    measured or scaled quantity, not a count: 879,69 beside it is the same
    kind of figure, only below a thousand."""
    amount = any(n.currency or (n.grouped and not n.percent and n.decimals == 0) for n in nums)
    share = any(n.percent or (n.decimals > 0 and not n.grouped and not n.currency) for n in nums)
    return amount and share


def _inputs_text(expr_text: str, printed: dict[str, Number]) -> str:
    out = expr_text
    for name, num in printed.items():
        out = re.sub(rf"\b{re.escape(name)}\b", num.text.replace("%", "").strip(), out)
    return out.replace("*", "x")


def formula_bindings(
    rule: Rule, view: TableView, r: int, *, primary_only: bool = False
) -> Iterator[tuple[int, Expr, dict[str, int]]]:
    """Every (output column, formula, {name: input column}) the rule can check
    in row r. The first formula whose inputs the table has is the one checked;
    the others may still explain the printed value."""
    assert rule.formula is not None and rule.output is not None
    formulas = [rule.formula] if primary_only else [rule.formula, *rule.alternatives]
    # the first output role the table has: beside a "Capaian" column, a
    # budget "%" column is not a capaian
    present = {col.role for col in view.columns}
    out_role = next((role for role in rule.roles_for(rule.output) if role in present), None)
    if out_role is None:
        return
    for col in view.columns:
        if col.role != out_role or view.number(r, col.index) is None:
            continue
        hints = year_hints(view, rule, col.index)
        for expr in formulas:
            binding = bind_names(view, rule, r, col.index, expr.names, hints)
            if binding is not None:
                yield col.index, expr, binding
                break


def check_row_formula(rule: Rule, view: TableView, run: Run) -> Iterator[Finding]:
    """A row's result that no rounding of its printed inputs gives.

    A cell that another formula rule of the rule set explains (a "Capaian %"
    under an "Anggaran" header is realisasi / anggaran, not realisasi /
    target) is not reported by this one."""
    lang, peers = run.lang, run.formula_rules
    for row in view.rows:
        if row.kind not in CHECKED_KINDS:
            continue
        for out_col, expr, binding in formula_bindings(rule, view, row.index):
            finding = _check_one(rule, view, lang, row.index, out_col, expr, binding)
            if finding and not any(_explains(peer, view, row.index, out_col) for peer in peers if peer is not rule):
                yield finding


def _explains(rule: Rule, view: TableView, r: int, out_col: int) -> bool:
    out = view.number(r, out_col)
    if out is None:
        return False
    # every formula of the rule is tried (checked=None excludes none)
    return any(
        col == out_col and _alternative_fits(rule, view, r, out_col, None, out.interval())
        for col, _, _ in formula_bindings(rule, view, r)
    )


def _check_one(
    rule: Rule, view: TableView, lang: str, r: int, out_col: int, expr: Expr, binding: dict[str, int]
) -> Finding | None:
    out = view.number(r, out_col)
    nums = {name: view.number(r, c) for name, c in binding.items()}
    assert out is not None and all(nums.values())
    printed_inputs: dict[str, Number] = {k: v for k, v in nums.items() if v is not None}
    if rule.same_units and mixed_units([printed_inputs[n] for n in rule.same_units if n in printed_inputs]):
        return None
    env = {k: input_interval(view, r, binding[k]) for k in printed_inputs}
    try:
        computed = expr.evaluate(env)
        point = expr.evaluate_point({k: v.value for k, v in printed_inputs.items()})
    except ZeroDivisionError:
        return None
    printed_iv = out.interval()
    if computed.overlaps(printed_iv):
        return None
    if _alternative_fits(rule, view, r, out_col, expr, printed_iv):
        return None
    severity, note, habit = None, "", ""
    if _fits_truncation(computed, out):
        severity, note, habit = "warning", NOTES["truncated"].get(lang, NOTES["truncated"]["id"]), "truncated"
    # amounts are shown as printed; ratios with at least two decimals
    decimals = out.decimals if out.grouped or out.currency else max(out.decimals, 2)
    expected = format_number(point, decimals, out.decimal_sep)
    cells = [(r, out_col)] + [(r, c) for c in binding.values()]
    return make_finding(
        rule,
        view,
        lang,
        cells=cells,
        printed=out.text,
        expected=expected,
        severity=severity,
        note=note,
        habit=habit,
        inputs=_inputs_text(expr.text, printed_inputs),
    )


def _alternative_fits(
    rule: Rule, view: TableView, r: int, out_col: int, checked: Expr | None, printed: Interval
) -> bool:
    """Does another formula the rule accepts (lower-is-better ...) explain the cell?"""
    hints = year_hints(view, rule, out_col)
    for alt in (rule.formula, *rule.alternatives):
        if alt is None or alt is checked:
            continue
        binding = bind_names(view, rule, r, out_col, alt.names, hints)
        if binding is None:
            continue
        env = {name: input_interval(view, r, c) for name, c in binding.items()}
        try:
            if alt.evaluate(env).overlaps(printed):
                return True
        except ZeroDivisionError:
            continue
    return False


def _fits_truncation(computed: Interval, out: Number) -> bool:
    """Could the printed value be the computed one cut (not rounded) to its decimals?"""
    unit = out.unit
    cut = Interval(out.value, out.value + unit) if out.value >= 0 else Interval(out.value - unit, out.value)
    return computed.overlaps(cut) and not computed.overlaps(Interval(out.value - unit / 2, out.value + unit / 2))


def derived_cells(rules: list[Rule], view: TableView) -> set[tuple[int, int]]:
    """Cells that some ratio rule recomputes: totals leave them to that rule."""
    out: set[tuple[int, int]] = set()
    for rule in rules:
        if rule.engine != "row-formula":
            continue
        for row in view.rows:
            if row.kind in CHECKED_KINDS:
                out.update((row.index, c) for c, _, _ in formula_bindings(rule, view, row.index))
    return out


def checked_row_formula(rule: Rule, view: TableView, run: Run) -> Iterator[CheckedRelation]:
    """The relations :func:`check_row_formula` judges: per output column and
    binding, its formula, the rule's alternatives and the formulas of the
    peer rules that may explain the cell (a budget ratio under "Capaian")."""
    judged = []
    for row in view.rows:
        if row.kind not in CHECKED_KINDS:
            continue
        for out_col, expr, binding in formula_bindings(rule, view, row.index):
            if not _judged(rule, view, row.index, expr, binding):
                continue
            forms = [row_form(expr.text, binding)]
            forms += _accepted_forms(rule, view, row.index, out_col, expr)
            for peer in run.formula_rules:
                if peer is not rule and any(c == out_col for c, _, _ in formula_bindings(peer, view, row.index)):
                    forms += _accepted_forms(peer, view, row.index, out_col, None)
            text = f"{view.column_header(out_col)} = {_inputs_text(expr.text, {})}"
            for name, c in binding.items():
                text = re.sub(rf"\b{re.escape(name)}\b", view.column_header(c), text)
            judged.append((row.index, out_col, tuple(dict.fromkeys(forms)), text))
    yield from grouped(rule.code, view.table.id, judged)


def _judged(rule: Rule, view: TableView, r: int, expr: Expr, binding: dict[str, int]) -> bool:
    """Does :func:`_check_one` judge the row (inputs of one kind, no zero divisor)?"""
    nums = {name: view.number(r, c) for name, c in binding.items()}
    printed = {k: v for k, v in nums.items() if v is not None}
    if rule.same_units and mixed_units([printed[n] for n in rule.same_units if n in printed]):
        return False
    try:
        expr.evaluate({k: v.interval() for k, v in printed.items()})
    except ZeroDivisionError:
        return False
    return True


def _accepted_forms(rule: Rule, view: TableView, r: int, out_col: int, checked: Expr | None) -> list[Form]:
    """The forms of :func:`_alternative_fits`: every other formula the rule accepts."""
    hints = year_hints(view, rule, out_col)
    forms = []
    for alt in (rule.formula, *rule.alternatives):
        if alt is None or alt is checked:
            continue
        binding = bind_names(view, rule, r, out_col, alt.names, hints)
        if binding is not None:
            forms.append(row_form(alt.text, binding))
    return forms
