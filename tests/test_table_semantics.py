"""Table semantics on grids built in code: title rows, spanned headers,
hierarchies of parent rows, the way a ruled PDF table reaches the rules."""

from __future__ import annotations

import pytest

from auditor.audit import audit_document, load_ruleset
from auditor.meaning.semantics import TableView
from auditor.model import Cell, Document, Table

RULES = load_ruleset()

SPAN = "^"
"""In a grid spec, a slot covered by the spanning cell to its left."""
VSPAN = "^^"
"""In a grid spec, a slot covered by the spanning cell above it."""


def grid(spec: list[list[str]], bold_rows: frozenset[int] = frozenset()) -> Table:
    """A ruled table from rows of texts; ``^`` copies the cell on the left
    (or, in the first column, above) as a span copy, as the PDF reader does."""
    rows: list[list[Cell]] = []
    for r, texts in enumerate(spec):
        row: list[Cell] = []
        for c, text in enumerate(texts):
            if text in (SPAN, VSPAN):
                src = row[c - 1] if c and text == SPAN else rows[r - 1][c]
                origin = src.span_origin or (src.row, src.col)
                row.append(Cell(r, c, src.text, page=1, span_origin=origin, bold=src.bold))
            else:
                row.append(Cell(r, c, text, page=1, bold=r in bold_rows))
        rows.append(row)
    return Table(index=1, rows=rows, page=1, source="ruled", pages=[1])


def audit(table: Table, codes: list[str]) -> list:
    doc = Document(path="t.pdf", sha256="0", kind="pdf", tables=[table])
    return audit_document(doc, RULES, [r for r in RULES.rules if r.code in codes])


BUDGET = [
    ["PAGU DAN REALISASI BELANJA PER OPD", SPAN, SPAN, SPAN, SPAN],
    ["TAHUN ANGGARAN 2021", SPAN, SPAN, SPAN, SPAN],
    ["NO.", "OPD", "PAGU", "REALISASI", "PERSEN"],
    ["1", "Biro Umum", "1,000.00", "900.00", "90,00"],
    ["2", "Biro Hukum", "3,000.00", "2,400.00", "80,00"],
    ["", "JUMLAH", "4,000.00", "3,300.00", "82.50"],
]


def test_caption_rows_inside_the_grid_are_not_the_header() -> None:
    view = TableView(grid(BUDGET), RULES.vocabulary)
    assert view.title_rows == 2 and view.header_rows == 3
    assert [c.role for c in view.columns] == ["number", "label", "anggaran", "realisasi", "pct"]
    assert [r.kind for r in view.rows[3:]] == ["body", "body", "total"]


def test_percentage_column_under_a_caption_is_not_summed() -> None:
    assert audit(grid(BUDGET), ["SUM001", "SUM002"]) == []
    broken = [row[:] for row in BUDGET]
    broken[5][2] = "4,100.00"
    assert [(f.rule, f.printed) for f in audit(grid(broken), ["SUM001"])] == [("SUM001", "4,100.00")]


@pytest.mark.parametrize(
    "second",
    [
        ["Biro Umum", "1,000.00", "900.00", "90,00", "x"],  # figures: the caption is the only header
        ["Catatan", SPAN, SPAN, SPAN, SPAN],  # a second caption and no header words
    ],
)
def test_a_lone_wide_first_row_without_header_words_under_it_stays_the_header(second: list[str]) -> None:
    view = TableView(grid([["REALISASI ANGGARAN", SPAN, SPAN, SPAN, SPAN], second]), RULES.vocabulary)
    assert view.title_rows == 0


def boxed(spec: list[list[tuple[str, float, float] | str]]) -> Table:
    """A ruled table whose cells carry x-ranges: (text, x0, x1); ``^`` is a
    span copy of the cell on the left (same row) or above (first column)."""
    rows: list[list[Cell]] = []
    for r, items in enumerate(spec):
        row: list[Cell] = []
        for c, item in enumerate(items):
            if item == SPAN:
                src = row[c - 1] if c else rows[r - 1][c]
                origin = src.span_origin or (src.row, src.col)
                row.append(Cell(r, c, src.text, bbox=src.bbox, page=1, span_origin=origin))
            else:
                text, x0, x1 = item  # type: ignore[misc]
                row.append(Cell(r, c, text, bbox=(x0, r * 10, x1, r * 10 + 10), page=1))
        rows.append(row)
    return Table(index=1, rows=rows, page=1, source="ruled", pages=[1])


# Target | Realisasi under "Tahun 2021", with a sliver rule at 356-369 from
# the target values and one at 418-425 from the realisasi values: the grid
# has 8 columns, the header 5 leaves.
SLIVERED = [
    [("No", 0, 30), ("Indikator", 30, 100), ("Tahun 2021", 100, 220), SPAN, SPAN, ("Capaian", 220, 290), SPAN, SPAN],
    [SPAN, SPAN, ("Target", 100, 156), ("Realisasi", 156, 220), SPAN, SPAN, SPAN, SPAN],
    [
        ("1", 0, 30),
        ("Indeks A", 30, 100),
        ("70", 100, 169),
        SPAN,
        ("71,5", 169, 225),
        SPAN,
        ("100,64%", 225, 290),
        ("", 288, 290),
    ],
    [
        ("2", 0, 30),
        ("Indeks B", 30, 100),
        ("80", 100, 169),
        SPAN,
        ("40", 169, 225),
        SPAN,
        ("8,50%", 225, 290),
        ("", 288, 290),
    ],
]


def test_values_are_bound_to_the_header_leaf_their_box_covers() -> None:
    view = TableView(boxed(SLIVERED), RULES.vocabulary)
    assert view.table.ncols == 5
    assert [(c.role, c.year) for c in view.columns[2:]] == [("target", 2021), ("realisasi", 2021), ("capaian", None)]
    assert [view.cell(2, c).text for c in range(5)] == ["1", "Indeks A", "70", "71,5", "100,64%"]
    codes = [(f.rule, f.printed) for f in audit(boxed(SLIVERED), ["CAP001"])]
    assert codes == [("CAP001", "100,64%"), ("CAP001", "8,50%")]


def test_a_grid_the_header_cannot_explain_is_kept() -> None:
    spec = [row[:] for row in SLIVERED]
    spec[3][7] = ("x", 288, 290)  # text in a sliver: no leaf covers it
    assert TableView(boxed(spec), RULES.vocabulary).table.ncols == 8


def weights(last_part: str) -> list[list[str]]:
    """Component weights in bold over their plain criteria, no numbering."""
    return [
        ["KOMPONEN", "BOBOT"],
        ["PERENCANAAN", "30,00"],
        ["Pemenuhan", "6,00"],
        ["Kualitas", "9,00"],
        ["Implementasi", "15,00"],
        ["PENGUKURAN", "30,00"],
        ["Pelaksanaan", "6,00"],
        ["Kualitas", "9,00"],
        ["Implementasi", "15,00"],
        ["PELAPORAN", "15,00"],
        ["Pemenuhan", "3,00"],
        ["Penyajian", "4,50"],
        ["Pemanfaatan", "7,50"],
        ["EVALUASI", "25,00"],
        ["Pelaksanaan", "5,00"],
        ["Kualitas", "7,50"],
        ["Pemanfaatan", last_part],
    ]


BOLD_PARENTS = frozenset({0, 1, 5, 9, 13})


def test_bold_parents_that_add_up_make_the_one_that_does_not_an_error() -> None:
    view = TableView(grid(weights("12,50"), BOLD_PARENTS), RULES.vocabulary)
    assert view.hierarchy == "emphasis"
    assert [r.index for r in view.rows if r.kind == "subtotal"] == [1, 5, 9, 13]
    assert view.rows[13].closes == [14, 15, 16]
    assert audit(grid(weights("12,50"), BOLD_PARENTS), ["SUM003"]) == []
    found = audit(grid(weights("5,00"), BOLD_PARENTS), ["SUM003"])
    assert [(f.rule, f.severity, f.printed, f.expected) for f in found] == [("SUM003", "error", "25,00", "17,50")]


def test_capitals_alone_give_the_hierarchy_when_nothing_is_bold() -> None:
    view = TableView(grid(weights("12,50")), RULES.vocabulary)
    assert [r.index for r in view.rows if r.kind == "subtotal"] == [1, 5, 9, 13]


def test_emphasis_is_no_hierarchy_where_the_figures_do_not_add_up() -> None:
    """Bold rows over plain rows that do not sum (bold marks the sasaran):
    no parent, so no finding."""
    spec = weights("12,50")
    for r in (2, 6):
        spec[r][1] = "60,00"
    view = TableView(grid(spec, BOLD_PARENTS), RULES.vocabulary)
    assert view.hierarchy is None and all(r.kind != "subtotal" for r in view.rows)
    assert audit(grid(spec, BOLD_PARENTS), ["SUM003"]) == []


GROUPS = [
    ["No", "Indikator", "KINERJA", SPAN, SPAN, "ANGGARAN", SPAN, SPAN],
    [VSPAN, VSPAN, "Target", "Realisasi", "Capaian", "Target", "Realisasi", "Capaian"],
    ["1", "Indeks A", "80", "72", "90,00", "1.000.000", "900.000", "90,00"],
    ["2", "Indeks B", "50", "40", "80,00", "2.000.000", "1.000.000", "60,00"],
]


def test_two_groups_with_the_same_leaf_words_keep_their_own_roles() -> None:
    view = TableView(grid(GROUPS), RULES.vocabulary)
    assert [c.role for c in view.columns[2:]] == [
        "target",
        "realisasi",
        "capaian",
        "anggaran",
        "realisasi_anggaran",
        "pct",
    ]
    found = audit(grid(GROUPS), ["CAP001", "ANG001"])
    assert [(f.rule, f.printed, f.expected) for f in found] == [("ANG001", "60,00", "50,00")]
    # each capaian is recomputed from its own group: the budget figures
    # say nothing of the performance capaian
    assert {loc.column for loc in found[0].locations} == {6, 7, 8}


@pytest.mark.parametrize(
    ("header", "role"),
    [("Targ et", "target"), ("Realisa si", "realisasi"), ("Capai-an", "capaian"), ("CAPAI- AN", "capaian")],
)
def test_header_words_broken_by_a_narrow_column_are_rejoined(header: str, role: str) -> None:
    view = TableView(grid([["No", "Indikator", header], ["1", "Indeks A", "80"]]), RULES.vocabulary)
    assert view.columns[2].role == role


@pytest.mark.parametrize("header", ["Nilai Awal", "Dasar Hukum", "Sumber Data"])
def test_whole_words_are_not_glued_into_a_role(header: str) -> None:
    view = TableView(grid([["No", "Indikator", header], ["1", "Indeks A", "80"]]), RULES.vocabulary)
    assert view.columns[2].role is None


def test_a_blank_slot_merged_down_over_a_sliver_does_not_stop_the_regrid() -> None:
    table = boxed(SLIVERED)
    # the sliver's header slots: a blank cell and its copy below (a merged
    # empty cell between two rules), as a ruled header often has
    table.rows[0][7] = Cell(0, 7, "", bbox=(288, 0, 290, 10), page=1)
    table.rows[1][7] = Cell(1, 7, "", bbox=(288, 10, 290, 20), page=1, span_origin=(0, 7))
    view = TableView(table, RULES.vocabulary)
    assert view.table.ncols == 5
    assert [view.cell(3, c).text for c in range(5)] == ["2", "Indeks B", "80", "40", "8,50%"]
