"""A column that is the sum of three or more others (REL001), on constructed tables."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from auditor.audit import table_views
from auditor.meaning.column_sums import discover_sums
from tests.built_tables import RULESET, audit_rows, table_doc

QUARTERS = [
    "Uraian | K1 | K2 | K3 | K4 | K5",
    "Kegiatan A | 120 | 340 | 560 | 780 | 1.800",
    "Kegiatan B | 200 | 150 | 310 | 95 | 765",
    "Kegiatan C | 410 | 390 | 120 | 330 | 1.250",
    "Kegiatan D | 75 | 640 | 220 | 105 | 1.040",
    "Kegiatan E | 330 | 210 | 180 | 460 | 1.180",
]


def _sums(rows: list[str], tmp_path: Path):
    view = table_views(table_doc(rows, tmp_path), RULESET)[0]
    return discover_sums(view, [row.index for row in view.rows if row.kind == "body"])


def test_sum_of_four_columns_is_found_and_the_breaking_row_reported(tmp_path: Path) -> None:
    (rel,) = _sums(QUARTERS, tmp_path)
    assert (rel.out, rel.parts, rel.breaks) == (5, (1, 2, 3, 4), [2])
    (f,) = audit_rows(QUARTERS, tmp_path)
    loc = f.locations[0]
    assert (loc.row, loc.column, f.printed, f.expected, f.severity) == (3, 6, "765", "755", "error")
    assert [(x.row, x.column) for x in f.locations[1:]] == [(3, 2), (3, 3), (3, 4), (3, 5)]
    assert "4 other rows satisfy K5 = K1 + K2 + K3 + K4; in this row 200 + 150 + 310 + 95 = 755" in f.message


def test_consistent_sum_table_is_quiet(tmp_path: Path) -> None:
    rows = [r.replace("| 765", "| 755") for r in QUARTERS]
    assert [(r.out, r.breaks) for r in _sums(rows, tmp_path)] == [(5, [])]
    assert audit_rows(rows, tmp_path) == []


def test_total_before_its_parts_with_decimals(tmp_path: Path) -> None:
    # a pagu split across sources, the total first: SUM004 looks only left of a JUMLAH
    rows = [
        "Program | Jumlah | APBD | APBN | DAK",
        "Program A | 1.250,50 | 700,25 | 300,00 | 250,25",
        "Program B | 980,00 | 410,50 | 320,25 | 249,25",
        "Program C | 2.105,75 | 1.200,00 | 605,50 | 300,25",
        "Program D | 600,00 | 250,00 | 150,00 | 200,00",
        "Program E | 1.400,00 | 800,00 | 400,00 | 200,00",
    ]
    assert audit_rows(rows, tmp_path, ("REL001", "SUM004")) == []
    broken = [*rows[:-1], "Program E | 1.410,00 | 800,00 | 400,00 | 200,00"]
    (f,) = audit_rows(broken, tmp_path, ("REL001", "SUM004"))
    assert (f.rule, f.locations[0].row, f.locations[0].column, f.expected) == ("REL001", 6, 2, "1.400,00")


def test_a_jumlah_column_summed_by_sum004_is_reported_once(tmp_path: Path) -> None:
    rows = [QUARTERS[0].replace("K5", "Jumlah"), *QUARTERS[1:]]
    (f,) = audit_rows(rows, tmp_path, ("REL001", "SUM004"))
    assert (f.rule, f.locations[0].row, f.locations[0].column) == ("SUM004", 3, 6)


def test_a_sum_on_too_few_rows_is_coincidence(tmp_path: Path) -> None:
    # two rows add up, three do not: no relation, no finding
    rows = [
        *QUARTERS[:3],
        "Kegiatan C | 410 | 390 | 120 | 330 | 1.900",
        "Kegiatan D | 75 | 640 | 220 | 105 | 2.040",
        "Kegiatan E | 330 | 210 | 180 | 460 | 1.990",
    ]
    assert _sums(rows, tmp_path) == []
    assert audit_rows(rows, tmp_path) == []


def test_small_counts_need_more_rows(tmp_path: Path) -> None:
    head = "Unit | K1 | K2 | K3 | K4"
    four = ["A | 3 | 5 | 2 | 10", "B | 1 | 4 | 6 | 11", "C | 7 | 2 | 3 | 12", "D | 2 | 2 | 5 | 9"]
    assert _sums([head, *four], tmp_path) == []
    five = [*four, "E | 4 | 6 | 1 | 11"]
    assert [(r.out, r.parts) for r in _sums([head, *five], tmp_path)] == [(4, (1, 2, 3))]


def test_percent_columns_are_never_summed(tmp_path: Path) -> None:
    rows = [
        "Indikator | K1 | K2 | K3 | K4",
        "A | 20,00% | 30,00% | 40,50% | 90,50%",
        "B | 10,00% | 25,00% | 30,25% | 65,25%",
        "C | 30,00% | 15,50% | 20,00% | 65,50%",
        "D | 12,25% | 40,00% | 35,00% | 87,25%",
        "E | 22,00% | 33,00% | 11,00% | 76,00%",
    ]
    assert _sums(rows, tmp_path) == []


@pytest.mark.parametrize("top", [30, 500, 100_000])
def test_random_tables_give_no_column_sum(tmp_path: Path, top: int) -> None:
    # 300 random tables of unrelated figures, small and large: no column is
    # taken for the sum of others, and nothing is reported
    rng = random.Random(7)
    found = []
    for t in range(300):
        ncols, nrows = rng.randint(4, 7), rng.randint(4, 9)
        rows = [" | ".join(["Nama", *(f"K{c}" for c in range(ncols))])]
        rows += [" | ".join([f"baris {r}", *(str(rng.randint(1, top)) for _ in range(ncols))]) for r in range(nrows)]
        found += [(t, s.out, s.parts) for s in _sums(rows, tmp_path)]
    assert found == []


def test_random_tables_with_a_planted_sum_on_half_the_rows_give_none(tmp_path: Path) -> None:
    # the last column is the sum of the three before it on at most half the
    # rows: too few for a relation, whatever the others print
    rng = random.Random(5)
    found = []
    for t in range(200):
        nrows = rng.randint(6, 9)
        rows = ["Nama | K1 | K2 | K3 | K4"]
        for r in range(nrows):
            parts = [rng.randint(100, 5000) for _ in range(3)]
            total = sum(parts) if r % 2 else rng.randint(300, 15000)
            rows.append(" | ".join([f"baris {r}", *map(str, parts), str(total)]))
        found += [(t, s.out, s.parts) for s in _sums(rows, tmp_path)]
    assert found == []
