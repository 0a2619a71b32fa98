"""Generated reports (fixtures/generate_report.py): a consistent report gives
no finding, and a single wrong figure is found where the tables let it be
recomputed.

The mutation test changes one checked cell at a time the way figures go
wrong in real reports (a mistyped digit, two digits swapped, a decimal
shifted), keeps only the changes no rounding can explain (the relation the
cell takes part in no longer holds for any rounding of the printed
figures, judged with the auditor's own interval reading of a printed
number), audits the mutated report and counts a detection when a finding
names the changed cell (table, row and column).
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pytest

from auditor.audit import audit_document, load_ruleset
from auditor.checks.registry import TABLE_ENGINES
from auditor.findings.records import Finding
from auditor.meaning.numbers import parse_number
from auditor.model import Document
from auditor.readers.text_export import read_text_export
from auditor.rulesets.loader import Rule

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

from generate_report import (
    CheckedCell,
    GeneratedReport,
    change_digit,
    figure_span,
    generate,
    relation_holds,
    shift_decimal,
    swap_digits,
    with_figure,
)

RULESET = load_ruleset()
# Rules that recompute figures inside a table: the ones a checked cell names.
# (Rules over the whole document, such as cross-references, are run on the
# consistent reports; the mutation loop leaves them out to stay fast.)
TABLE_RULES = [r for r in RULESET.rules if r.engine in TABLE_ENGINES]

MUTATIONS = 300
DETECTION_FLOOR = 0.98


def audit(text: str, rules: list[Rule]) -> tuple[Document, list[Finding]]:
    doc = read_text_export(Path("generated.md"), text, "0")
    return doc, audit_document(doc, RULESET, rules)


def _describe(findings: list[Finding]) -> str:
    return "\n".join(
        f"{f.rule} {f.severity} {loc.table} r{loc.row} c{loc.column}: {f.printed} (expected {f.expected}) {f.message}"
        for f in findings
        for loc in f.locations[:1]
    )


# -- consistent reports ---------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_consistent_report_gives_no_finding(seed: int) -> None:
    report = generate(seed)
    assert report.logical_tables >= 30
    texts = report.texts()
    broken = [r for r in report.relations if relation_holds(r, texts) is not True]
    assert not broken, f"the generator printed an inconsistent figure: {broken[:3]}"

    doc, findings = audit(report.text, RULESET.rules)
    assert len(doc.tables) >= 30
    assert not doc.warnings
    errors = [f for f in findings if f.severity == "error"]
    assert not errors, _describe(errors)
    table_codes = {r.code for r in TABLE_RULES}
    from_tables = [f for f in findings if f.rule in table_codes]
    assert not from_tables, _describe(from_tables)
    if findings:
        print(f"seed {seed}: document-level findings\n{_describe(findings)}")


def test_generator_is_deterministic_and_seeded() -> None:
    a, b, c = generate(7), generate(7), generate(8)
    assert a.text == b.text and a.cells == b.cells and a.relations == b.relations
    assert a.text != c.text


def test_checked_cells_point_at_their_printed_text() -> None:
    report = generate(5)
    doc, _ = audit(report.text, [])
    lines = report.text.split("\n")
    for cell in report.cells:
        assert cell.text in lines[cell.line - 1].split("\t")[cell.column - 1]
        # the reader's own grid agrees with the generator's coordinates
        # (continuation pages and a total printed apart are joined back)
        owner = doc.tables[cell.table - 1]
        if cell.row <= len(owner.rows):
            grid_cell = owner.rows[cell.row - 1][cell.column - 1]
            if grid_cell.line == cell.line:
                assert grid_cell.text == cell.text


# -- mutations ----------------------------------------------------------------------


def _digit(figure: str, rng: random.Random) -> str | None:
    return change_digit(figure, rng.randrange(64), rng.choice("0123456789"))


def _transposition(figure: str, rng: random.Random) -> str | None:
    return swap_digits(figure, rng.randrange(64))


def _decimal_shift(figure: str, rng: random.Random) -> str | None:
    return shift_decimal(figure, up=rng.random() < 0.5)


MUTATORS = {"digit": _digit, "transposition": _transposition, "decimal-shift": _decimal_shift}


@dataclass
class Mutation:
    report: GeneratedReport
    cell: CheckedCell
    kind: str
    new_text: str
    broken: list[str]
    """Rules whose relation no longer holds for any rounding."""

    def __str__(self) -> str:
        c = self.cell
        return (
            f"seed {self.report.seed} T{c.table} r{c.row} c{c.column} (line {c.line}, {c.kind}) {self.kind}: "
            f"{c.text!r} -> {self.new_text!r}; broken: {', '.join(self.broken)}"
        )


def _half_open(text: str) -> tuple[Fraction, Fraction] | None:
    n = parse_number(text)
    if n is None:
        return None
    iv = n.interval()
    return iv.lo, iv.hi


def propose(report: GeneratedReport, cell: CheckedCell, rng: random.Random) -> Mutation | None:
    """One random change of ``cell`` that no rounding explains, or None."""
    span = figure_span(cell.text)
    if span is None:
        return None
    kind = rng.choice(list(MUTATORS))
    figure = MUTATORS[kind](cell.text[span[0] : span[1]], rng)
    if figure is None:
        return None
    new_text = with_figure(cell.text, figure)
    old, new = _half_open(cell.text), _half_open(new_text)
    if old is None or new is None or (new[0] < old[1] and old[0] < new[1]):
        return None  # the printed value did not move beyond its own rounding
    texts = report.texts()
    texts[cell.key] = new_text
    broken = [report.relations[i].rule for i in cell.relations if relation_holds(report.relations[i], texts) is False]
    if not broken:
        return None  # the change still fits every relation: nothing to find
    return Mutation(report, cell, kind, new_text, broken)


def detected(mutation: Mutation, findings: list[Finding]) -> list[str]:
    c = mutation.cell
    table = f"T{c.table}"
    return [
        f.rule
        for f in findings
        if any(loc.table == table and loc.row == c.row and loc.column == c.column for loc in f.locations)
    ]


def test_single_wrong_figures_are_found() -> None:
    rng = random.Random(20240601)
    reports = [generate(seed) for seed in (101, 102, 103)]
    mutations: list[Mutation] = []
    while len(mutations) < MUTATIONS:
        report = rng.choice(reports)
        m = propose(report, rng.choice(report.checked()), rng)
        if m is not None:
            mutations.append(m)

    start = time.perf_counter()
    missed: list[Mutation] = []
    by_rule: dict[str, int] = {}
    for m in mutations:
        _, findings = audit(m.report.with_cell(m.cell, m.new_text), TABLE_RULES)
        rules = detected(m, findings)
        if not rules:
            missed.append(m)
        for code in set(rules):
            by_rule[code] = by_rule.get(code, 0) + 1
    elapsed = time.perf_counter() - start

    share = 1 - len(missed) / len(mutations)
    print(
        f"\n{len(mutations)} mutations, detected {len(mutations) - len(missed)} ({share:.1%}) "
        f"in {elapsed:.1f} s; findings naming the cell by rule: {dict(sorted(by_rule.items()))}"
    )
    for m in missed:
        print(f"  undetected: {m}")
    assert share >= DETECTION_FLOOR
