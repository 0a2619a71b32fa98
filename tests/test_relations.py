"""Relations discovered from the figures (REL001), on small constructed tables.

Each table is read as the text export of a report, so the header vocabulary,
the row kinds and the numbers are those of a real audit.
"""

from __future__ import annotations

import random
from pathlib import Path

from auditor.audit import table_views
from auditor.meaning.relations import discover
from tests.built_tables import RULESET, audit_rows, table_doc

BUDGET = [
    "PROGRAM | PAGU | REALISASI | Persen (%)",
    "Program A | 1.000.000 | 900.000 | 90,00",
    "Program B | 2.000.000 | 1.500.000 | 75,00",
    "Program C | 4.000.000 | 3.000.000 | 75,00",
    "Program D | 5.000.000 | 4.500.000 | 90,00",
    "Program E | 3.000.000 | 2.400.000 | 85,00",
]


def test_budget_percent_column_is_checked_from_its_figures(tmp_path: Path) -> None:
    # "Persen (%)" names no role ANG001 knows: nothing else checks the column
    assert audit_rows(BUDGET, tmp_path, ("ANG001", "CAP001")) == []
    (f,) = audit_rows(BUDGET, tmp_path)
    loc = f.locations[0]
    assert (loc.row, loc.column, f.printed, f.expected, f.severity) == (6, 4, "85,00", "80,00", "error")
    assert f.confidence == "medium"
    assert "4 other rows satisfy Persen (%) = REALISASI / PAGU x 100" in f.message


def test_consistent_budget_table_is_quiet(tmp_path: Path) -> None:
    rows = [*BUDGET[:-1], "Program E | 3.000.000 | 2.400.000 | 80,00"]
    assert audit_rows(rows, tmp_path) == []


def test_unknown_headers_difference_and_sum(tmp_path: Path) -> None:
    # headers that name no role: only the figures say K3 = K1 - K2, K4 = K1 + K2
    rows = [
        "Nama | K1 | K2 | K3 | K4",
        "a | 120 | 45 | 75 | 165",
        "b | 310 | 12 | 298 | 322",
        "c | 87 | 40 | 47 | 127",
        "d | 560 | 130 | 430 | 690",
        "e | 242 | 17 | 225 | 295",
    ]
    (f,) = audit_rows(rows, tmp_path)
    loc = f.locations[0]
    assert (loc.row, loc.column, f.printed, f.expected) == (6, 5, "295", "259")
    assert "K4 = K1 + K2" in f.message


def test_two_breaking_rows_are_warnings(tmp_path: Path) -> None:
    rows = [
        "Indikator | Target | Realisasi | Rasio K",
        "A | 80,00 | 76,42 | 95,53",
        "B | 60,00 | 63,10 | 105,17",
        "C | 90,00 | 81,00 | 90,00",
        "D | 50,00 | 47,50 | 95,00",
        "E | 75,00 | 69,00 | 92,00",
        "F | 40,00 | 38,00 | 97,00",
        "G | 70,00 | 56,00 | 85,00",
        "H | 20,00 | 17,00 | 85,00",
    ]
    found = audit_rows(rows, tmp_path)
    assert [(f.locations[0].row, f.printed, f.expected, f.severity) for f in found] == [
        (7, "97,00", "95,00", "warning"),
        (8, "85,00", "80,00", "warning"),
    ]


def test_three_breaking_rows_are_no_relation(tmp_path: Path) -> None:
    rows = [
        *BUDGET[:3],
        "Program C | 4.000.000 | 3.000.000 | 70,00",
        "Program D | 5.000.000 | 4.500.000 | 80,00",
        "Program E | 3.000.000 | 2.400.000 | 85,00",
    ]
    assert audit_rows(rows, tmp_path) == []


def test_vocabulary_cells_are_left_to_their_rule(tmp_path: Path) -> None:
    # "%" beside ANGGARAN / REALISASI is ANG001's: one defect, one finding
    rows = [BUDGET[0].replace("Persen (%)", "%").replace("PAGU", "ANGGARAN"), *BUDGET[1:]]
    found = audit_rows(rows, tmp_path, ("ANG001", "REL001"))
    assert [f.rule for f in found] == ["ANG001"]


def test_lower_is_better_row_is_not_a_break(tmp_path: Path) -> None:
    # row D follows t / r x 100 (a lower-is-better indicator): not a break
    rows = [
        "Indikator | Target | Realisasi | Nilai",
        "A | 80,00 | 76,42 | 95,53",
        "B | 60,00 | 63,10 | 105,17",
        "C | 90,00 | 81,00 | 90,00",
        "D | 5,40 | 6,33 | 85,31",
        "E | 75,00 | 69,00 | 92,00",
    ]
    assert audit_rows(rows, tmp_path) == []


def test_coincidences_are_not_relations(tmp_path: Path) -> None:
    # a constant input and ratios of 100 say nothing; nor do coarse figures
    rows = [
        "Nama | A | B | C",
        "a | 100 | 100 | 100",
        "b | 50 | 100 | 50",
        "c | 70 | 100 | 70",
        "d | 3 | 4 | 1",
        "e | 2 | 3 | 1",
    ]
    view = table_views(table_doc(rows, tmp_path), RULESET)[0]
    body = [row.index for row in view.rows if row.kind == "body"]
    assert discover(view, body) == []


def test_column_numbering_row_is_not_data(tmp_path: Path) -> None:
    rows = [BUDGET[0], "(1) | (2) | (3) | (4)", *BUDGET[1:-1], "Program E | 3.000.000 | 2.400.000 | 80,00"]
    assert audit_rows(rows, tmp_path) == []


def test_figures_win_over_header_words(tmp_path: Path) -> None:
    # "Capaian" names realisasi / target, but every row prints realisasi / pagu:
    # CAP001's findings become notes naming the relation the figures follow
    rows = [
        "Indikator | Target | Realisasi | Pagu | Capaian",
        "A | 90 | 900.000 | 1.000.000 | 90,00",
        "B | 80 | 1.500.000 | 2.000.000 | 75,00",
        "C | 70 | 3.000.000 | 4.000.000 | 75,00",
        "D | 95 | 4.500.000 | 5.000.000 | 90,00",
        "E | 85 | 2.400.000 | 3.000.000 | 80,00",
    ]
    alone = audit_rows(rows, tmp_path, ("CAP001",))
    assert alone and {f.severity for f in alone} == {"error"}
    found = audit_rows(rows, tmp_path, ("CAP001", "REL001"))
    assert [(f.rule, f.locations[0].row) for f in found] == [(f.rule, f.locations[0].row) for f in alone]
    assert {f.severity for f in found} == {"info"}
    assert all("Capaian = Realisasi / Pagu x 100" in f.message for f in found)


def test_the_percentage_column_is_the_output_of_its_twin_relations(tmp_path: Path) -> None:
    # % = Nilai / Bobot x 100 and Bobot = Nilai / % x 100 both hold; the
    # column marked as a percentage is the derived one, so the break is its
    rows = [
        "Komponen | Nilai | % Capaian | Bobot",
        "A | 26,41 | 88,03 | 30,00",
        "B | 28,75 | 95,83 | 30,00",
        "C | 7,80 | 52,00 | 15,00",
        "D | 18,63 | 74,52 | 25,00",
        "E | 9,00 | 95,00 | 10,00",
    ]
    (f,) = audit_rows(rows, tmp_path)
    assert (f.locations[0].row, f.locations[0].column, f.printed, f.expected) == (6, 3, "95,00", "90,00")


def test_unrelated_small_counts_give_no_relation(tmp_path: Path) -> None:
    # small whole numbers add up by chance (2 + 3 = 5): 300 random tables
    # of unrelated counts must yield no relation, hence no finding
    rng = random.Random(7)
    found = []
    for t in range(300):
        ncols, nrows = rng.randint(4, 6), rng.randint(4, 6)
        rows = [" | ".join(["Nama", *(f"K{c}" for c in range(ncols))])]
        rows += [" | ".join([f"baris {r}", *(str(rng.randint(1, 20)) for _ in range(ncols))]) for r in range(nrows)]
        view = table_views(table_doc(rows, tmp_path), RULESET)[0]
        body = [row.index for row in view.rows if row.kind == "body"]
        found += [(t, rel.kind) for rel in discover(view, body)]
    assert found == []


def test_a_closing_row_is_read_against_the_relation_of_its_rows(tmp_path: Path) -> None:
    # JUMLAH 11.900.000 / 15.000.000 x 100 = 79,33; the printed 91,33 is
    # neither that nor the mean (74,00) or the sum of the rows' percentages
    body = ["Program A | 1.000.000 | 500.000 | 50,00", *BUDGET[2:-1], "Program E | 3.000.000 | 2.400.000 | 80,00"]
    rows = [BUDGET[0], *body, "JUMLAH | 15.000.000 | 11.900.000 | 91,33"]
    found = [(f.locations[0].row, f.printed, f.expected, f.severity) for f in audit_rows(rows, tmp_path)]
    assert found == [(7, "91,33", "79,33", "warning")]
    for pct in ("79,33", "74,00"):
        ok = [*rows[:-1], f"JUMLAH | 15.000.000 | 11.900.000 | {pct}"]
        assert audit_rows(ok, tmp_path) == [], pct


GROWTH = [
    "Uraian | Semula | Menjadi | Persen",
    "Pendapatan asli | 1.250.000 | 1.400.000 | 12,00",
    "Dana transfer | 2.000.000 | 2.300.000 | 15,00",
    "Lain-lain | 400.000 | 380.000 | -5,00",
    "Retribusi | 800.000 | 1.000.000 | 25,00",
    "Pajak | 1.600.000 | 2.000.000 | 25,00",
]


def test_a_year_on_year_change_column_is_found_from_its_figures(tmp_path: Path) -> None:
    # (Menjadi - Semula) / Semula x 100 on every row: no header word names it
    assert audit_rows(GROWTH, tmp_path) == []
    view = table_views(table_doc(GROWTH, tmp_path), RULESET)[0]
    body = [row.index for row in view.rows if row.kind == "body"]
    (rel,) = discover(view, body)
    assert (rel.kind, rel.out, rel.a, rel.b, rel.breaks) == ("change", 3, 2, 1, [])


def test_a_row_breaking_the_change_column_is_reported(tmp_path: Path) -> None:
    rows = [*GROWTH[:-1], "Pajak | 1.600.000 | 2.000.000 | 20,00"]
    (f,) = audit_rows(rows, tmp_path)
    loc = f.locations[0]
    assert (loc.row, loc.column, f.printed, f.expected, f.severity) == (6, 4, "20,00", "25,00", "error")
    assert "Persen = (Menjadi - Semula) / Semula x 100" in f.message


def test_a_change_column_named_by_its_header_is_left_to_its_rule(tmp_path: Path) -> None:
    # "Kenaikan (%)" between year columns is DIF003's: one defect, one finding
    rows = ["Uraian | 2020 | 2021 | Kenaikan (%)", *GROWTH[1:-1], "Pajak | 1.600.000 | 2.000.000 | 20,00"]
    found = audit_rows(rows, tmp_path, ("DIF003", "REL001"))
    assert [(f.rule, f.locations[0].row, f.printed) for f in found] == [("DIF003", 6, "20,00")]


def test_a_decline_is_a_negative_change(tmp_path: Path) -> None:
    # a break in the falling row: -5,00 printed as 5,00 (the sign dropped)
    rows = [GROWTH[0], *GROWTH[1:3], "Lain-lain | 400.000 | 380.000 | 5,00", *GROWTH[4:]]
    (f,) = audit_rows(rows, tmp_path)
    assert (f.locations[0].row, f.printed, f.expected) == (4, "5,00", "-5,00")


def test_small_changes_of_coarse_figures_are_no_evidence(tmp_path: Path) -> None:
    # changes of 1 to 3 % between figures of three digits: the rounding of the
    # inputs leaves the change too loose to support a relation
    rows = [
        "Indikator | 2020 | 2021 | K",
        "A | 72,1 | 73,0 | 1,25",
        "B | 65,4 | 66,2 | 1,22",
        "C | 80,2 | 81,9 | 2,12",
        "D | 55,0 | 56,1 | 2,00",
    ]
    view = table_views(table_doc(rows, tmp_path), RULESET)[0]
    body = [row.index for row in view.rows if row.kind == "body"]
    assert [rel.kind for rel in discover(view, body)] == []
