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
from auditor.meaning.numbers import Number, format_number, parse_number
from auditor.meaning.relations import Relation, discover
from auditor.meaning.semantics import TableView
from auditor.model import Document, Table
from auditor.readers.text_export import read_text_export
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


# -- unlabelled closing rows, change and sum columns, built on real figures ---
#
# Few real tables print a closing row with no label, or a change column no
# header names, on all rows and consistently: these tables are made from the
# figures of real ones. Rows of real amount columns are grouped in blocks of
# two or three, each closed by a row labelled only "Kelompok N" that prints
# the block's sums (REL002); a change column (B - A) / A x 100 is computed
# from two real columns (REL001); a sum column is added after three or four
# real ones (REL001, or SUM004 when headed Jumlah). Every figure of a closing
# row or the change or sum column, and the first figure of each block or input
# pair (a different part on each row of a sum), is then
# changed beyond rounding, with the real header words kept (every table rule
# runs) or replaced by K1, K2 ... (the relation rule alone).

BLOCK_RULE = RULESET.get("REL002")
MAX_BUILT_ROWS = 9


def _amount(n: Number | None) -> bool:
    return n is not None and not n.percent and not n.ratio and not n.qualitative and n.value >= 100


def _amounts(view: TableView, want: int) -> tuple[list[int], list[int]]:
    """Up to ``want`` columns printing an amount of at least 100 (no %), and
    the body rows (at most MAX_BUILT_ROWS) printing one in each of them."""
    body = [row.index for row in view.rows if row.kind == "body"]
    cols = [
        col.index
        for col in view.columns
        if col.role not in ("number", "label", "unit") and sum(_amount(view.number(r, col.index)) for r in body) >= 5
    ][:want]
    rows = [r for r in body if all(_amount(view.number(r, c)) for c in cols)][:MAX_BUILT_ROWS]
    return cols, rows


def _decimals(view: TableView, rows: list[int], c: int) -> int:
    return max(view.number(r, c).decimals for r in rows)  # type: ignore[union-attr]


def _text_table(header: list[str], rows: list[list[str]]) -> Table:
    text = "Tabel uji\n\n" + "\n".join("\t".join(r) for r in [header, *rows]) + "\n"
    (table,) = read_text_export(Path("built.md"), text, "0").tables
    return table


NAMES = ("Alfa", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet", "Kilo", "Lima")


def _name(i: int) -> str:
    """A row label that numbers nothing."""
    return f"Bagian {NAMES[i % len(NAMES)]} {NAMES[i // len(NAMES) % len(NAMES)]}"


def _fmt(value: Fraction, decimals: int = 0) -> str:
    return format_number(value, decimals, ",")


def _header(view: TableView, cols: list[int], headers: bool) -> list[str]:
    if not headers:
        return ["Nama", *(f"K{i + 1}" for i in range(len(cols)))]
    return ["Uraian", *(view.column_header(c).replace("\t", " ") for c in cols)]


@dataclass(frozen=True)
class Built:
    table: Table
    targets: list[tuple[int, int, bool]]
    """(row, column, output) of the cells to change, as in :class:`Mutation`."""
    headers: bool


def _blocks_table(view: TableView, headers: bool) -> Built | None:
    """Real amounts in blocks, each closed by an unlabelled row of sums."""
    cols, body = _amounts(view, 3)
    if len(cols) < 2 or len(body) < 6:
        return None
    decimals = {c: _decimals(view, body, c) for c in cols}
    # two real columns get a third, their row sum (Laki-laki | Perempuan | Jumlah)
    values = {r: [view.number(r, c).value for c in cols] for r in body}  # type: ignore[union-attr]
    if len(cols) == 2:
        values = {r: [*v, v[0] + v[1]] for r, v in values.items()}
        decimals[-1] = max(decimals.values())
    keys = [*cols, -1][:3]
    size = 3 if len(body) >= 9 else 2
    rows: list[list[str]] = []
    targets: list[tuple[int, int, bool]] = []
    for k in range(len(body) // size):
        block = body[k * size : (k + 1) * size]
        first = len(rows) + 1  # the header is row 0
        for r in block:
            rows.append([_name(r), *(_fmt(v, decimals[c]) for v, c in zip(values[r], keys, strict=True))])
        sums = [sum((values[r][i] for r in block), Fraction(0)) for i in range(len(keys))]
        rows.append([f"Kelompok {_name(k)}", *(_fmt(v, decimals[c]) for v, c in zip(sums, keys, strict=True))])
        for i in range(len(keys)):
            targets += [(len(rows), i + 1, True), (first, i + 1, False)]
    header = _header(view, cols, headers)
    if len(cols) == 2:
        header.append("Jumlah" if headers else "K3")
    return Built(_text_table(header, rows), targets, headers)


def _change_table(view: TableView, headers: bool) -> Built | None:
    """Two real amount columns and their change in percent, (B - A) / A x 100."""
    cols, body = _amounts(view, 2)
    if len(cols) < 2 or len(body) < 5:
        return None
    a, b = cols
    da, db = _decimals(view, body, a), _decimals(view, body, b)
    rows, targets = [], []
    for r in body:
        va, vb = view.number(r, a).value, view.number(r, b).value  # type: ignore[union-attr]
        change = (vb - va) / va * 100
        if abs(change) < 1:
            continue  # too small a change to tell from rounding
        rows.append([_name(r), _fmt(va, da), _fmt(vb, db), _fmt(change, 2)])
        targets += [(len(rows), 3, True), (len(rows), 2, False)]
    if len(rows) < 5:
        return None
    header = _header(view, cols, headers) + (["Perubahan (%)"] if headers else ["K3"])
    return Built(_text_table(header, rows), targets, headers)


def _sum_table(view: TableView, headers: bool) -> Built | None:
    """Real amount columns and their row sum in a last column (``Jumlah``
    when the words are kept, which SUM004 checks). Few real tables print
    three amount columns on five rows: where there are two, the first one's
    figures one row down serve as the third part (real figures all the same)."""
    cols, body = _amounts(view, 4)
    if len(cols) < 2 or len(body) < 5:
        return None
    decimals = [_decimals(view, body, c) for c in cols]
    values = [[view.number(r, c).value for c in cols] for r in body]  # type: ignore[union-attr]
    if len(cols) == 2:
        values = [[*v, values[(i + 1) % len(values)][0]] for i, v in enumerate(values)]
        decimals.append(decimals[0])
    names = _header(view, cols, headers)[1:] + (["Lainnya"] if headers else ["K3"])
    nparts = len(values[0])
    rows, targets = [], []
    for i, (r, v) in enumerate(zip(body, values, strict=True)):
        parts = [_fmt(x, d) for x, d in zip(v, decimals, strict=True)]
        rows.append([_name(r), *parts, _fmt(sum(v, Fraction(0)), max(decimals))])
        targets += [(len(rows), nparts + 1, True), (len(rows), 1 + i % nparts, False)]
    header = ["Uraian" if headers else "Nama", *names[:nparts], "Jumlah" if headers else f"K{nparts + 1}"]
    return Built(_text_table(header, rows), targets, headers)


BUILDERS = {"closing-rows": _blocks_table, "change-column": _change_table, "column-sum": _sum_table}


def _built_found(built: Built, rules: list) -> tuple[int, list[tuple]]:
    found, missed = 0, []
    for r, c, output in built.targets:
        rows = [list(row) for row in built.table.rows]
        n = parse_number(rows[r][c].text)
        assert n is not None
        rows[r][c] = replace(rows[r][c], text=_mutated_text(n))
        doc = Document(path="mutated", sha256="0", kind="text", tables=[replace(built.table, rows=rows)])
        findings = audit_document(doc, RULESET, rules)
        cell = (r + 1, c + 1)
        if output:
            hit = any((f.locations[0].row, f.locations[0].column) == cell for f in findings)
        else:
            hit = any(cell in {(loc.row, loc.column) for loc in f.locations} for f in findings)
        found += hit
        if not hit:
            missed.append((built.table.rows[r][0].text, r + 1, c + 1, rows[r][c].text, output))
    return found, missed


@pytest.mark.parametrize("headers", [False, True], ids=["headers-stripped", "headers-kept"])
@pytest.mark.parametrize("kind", list(BUILDERS))
def test_built_tables_changes_are_found_at_their_cell(corpus_views: list[TableView], headers: bool, kind: str) -> None:
    assert BLOCK_RULE is not None and RULE is not None
    make = BUILDERS[kind]
    rules = TABLE_RULES if headers else [BLOCK_RULE if kind == "closing-rows" else RULE]
    built = [b for view in corpus_views if (b := make(view, headers)) is not None]
    assert len(built) >= 3, "too few real tables with amount columns to build on"
    for b in built:  # the tables as built are consistent: nothing to report
        doc = Document(path="built", sha256="0", kind="text", tables=[b.table])
        assert [f for f in audit_document(doc, RULESET, rules) if f.severity != "info"] == [], b.table.rows[0]
    total = sum(len(b.targets) for b in built)
    results = [_built_found(b, rules) for b in built]
    found = sum(n for n, _ in results)
    missed = [m for _, ms in results for m in ms]
    print(f"\n{kind} mutation test ({'headers kept' if headers else 'headers stripped'}): {found}/{total} found")
    assert total >= 20
    assert found / total >= 0.95, missed
