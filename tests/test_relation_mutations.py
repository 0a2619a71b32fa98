"""Mutation test of relation discovery (REL001) on real tables.

Every table of the corpus reports in which discovery finds a relation that
holds on all its rows (with at least four rows to spare one) is taken with
its header words replaced by neutral names, so that only the figures speak.
The same tables are also mutated with their header words kept, audited by
every table rule: where the words name the roles, the vocabulary rules
(CAP001, ANG001 ...) check the cells and REL001 leaves them to them, and
the change must be found all the same.
One figure at a time is then changed beyond rounding (its magnitude
x 1,1 + 1, printed with the cell's own decimals and decorations): the
relation's output cell, which the audit must report, or one of its inputs,
which the finding at the output must name among its cells. The share found
is printed and must be at least 95 %.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path

import pytest

from auditor.audit import audit_document, load_ruleset, table_views
from auditor.checks.registry import TABLE_ENGINES
from auditor.meaning.numbers import Number, format_number
from auditor.meaning.relations import Relation, discover
from auditor.meaning.semantics import TableView
from auditor.model import Document, Table
from tests.corpus_cache import read_cached

RULESET = load_ruleset()
RULE = RULESET.get("REL001")
TABLE_RULES = [r for r in RULESET.rules if r.engine in TABLE_ENGINES]
REPORTS = (
    "jombang-inspektorat-lkjip-2022.pdf",
    "sumut-lkjip-2021.pdf",
    "cianjur-dkp-lakip-2015.pdf",
    "kemensos-lakip-2018.md",
)
ROWS_PER_RELATION = 12


@dataclass(frozen=True)
class Mutation:
    table: Table
    row: int
    col: int
    text: str
    output: bool
    """The relation's output cell (reported there) or one of its inputs
    (reported at the output, naming the input among its cells)."""
    headers: bool = False
    """The header words kept (every table rule runs) or stripped (REL001 alone)."""


def _stripped(view: TableView) -> Table:
    """The table as read, with every header cell renamed K1, K2 ... (first
    header row) or emptied (the others): no role can come from the words."""
    rows = []
    for r, row in enumerate(view.table.rows):
        if r >= view.header_rows:
            rows.append(list(row))
            continue
        rows.append([replace(cell, text=f"K{c + 1}" if r == 0 else "", span_origin=None) for c, cell in enumerate(row)])
    return replace(view.table, rows=rows)


def _mutated_text(n: Number) -> str:
    # x 1,1 + 1 in magnitude: a negative figure moves as far as a positive one
    text = format_number(n.value + abs(n.value) * Fraction(1, 10) + 1, n.decimals, n.decimal_sep)
    return ("Rp. " if n.currency else "") + text + ("%" if n.percent else "")


def _mutations(view: TableView, headers: bool = False) -> list[Mutation]:
    """Mutations of the cells of every relation that holds on all the rows
    of the stripped table (the same cells whether the words are kept or not)."""
    table = _stripped(view)
    bare = TableView(table, RULESET.vocabulary)
    body = [row.index for row in bare.rows if row.kind == "body"]
    out: list[Mutation] = []
    rel: Relation
    for rel in discover(bare, body):
        if rel.breaks or len(rel.support) < 4:
            continue
        for r in rel.support[:ROWS_PER_RELATION]:
            for c in (rel.out, rel.a, rel.b):
                n = bare.number(r, c)
                assert n is not None
                target = view.table if headers else table
                out.append(Mutation(target, r, c, _mutated_text(n), c == rel.out, headers))
    return out


def _found(m: Mutation) -> bool:
    rows = [list(row) for row in m.table.rows]
    rows[m.row][m.col] = replace(rows[m.row][m.col], text=m.text)
    doc = Document(path="mutated", sha256="0", kind="pdf", tables=[replace(m.table, rows=rows)])
    findings = audit_document(doc, RULESET, TABLE_RULES if m.headers else [RULE])
    cell = (m.row + 1, m.col + 1)
    if m.output:
        return any((f.locations[0].row, f.locations[0].column) == cell for f in findings)
    return any(cell in {(loc.row, loc.column) for loc in f.locations} for f in findings)


@pytest.fixture(scope="module")
def corpus_views(corpus_dir: Path) -> list[TableView]:
    # a private copy: building the views may note a table it could not read in the document's warnings
    return [view for name in REPORTS for view in table_views(copy.deepcopy(read_cached(corpus_dir / name)), RULESET)]


@pytest.mark.parametrize("headers", [False, True], ids=["headers-stripped", "headers-kept"])
def test_single_figure_changes_are_found_at_their_cell(corpus_views: list[TableView], headers: bool) -> None:
    assert RULE is not None
    mutations = [m for view in corpus_views for m in _mutations(view, headers)]
    assert len(mutations) >= 20, "too few real tables with a relation on all rows to measure"
    missed = [m for m in mutations if not _found(m)]
    share = 1 - len(missed) / len(mutations)
    outputs = [m for m in mutations if m.output]
    out_missed = [m for m in missed if m.output]
    print(
        f"\nREL001 mutation test ({'headers kept' if headers else 'headers stripped'}): {len(mutations) - len(missed)}/{len(mutations)} found ({share:.1%}); "
        f"output cells {len(outputs) - len(out_missed)}/{len(outputs)}"
    )
    detail = [(m.table.id, m.table.page, m.row + 1, m.col + 1, m.text, m.output) for m in missed]
    assert share >= 0.95, detail
