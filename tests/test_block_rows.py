"""Unlabelled closing rows found from the figures (REL002), on tables read
as text exports: rows that are the sum of the rows above them in several
columns close them, and a column where one of them is not is reported."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from auditor.audit import table_views
from auditor.checks.aggregates import exact_column
from auditor.meaning.block_rows import find_block_rows
from tests.built_tables import RULESET, audit_rows, table_doc

DISTRICTS = [
    "Wilayah | Penduduk | Rumah Tangga | Penerima",
    "Kec A1 | 12.400 | 3.100 | 240",
    "Kec A2 | 8.750 | 2.210 | 133",
    "Kec A3 | 5.020 | 1.380 | 97",
    "Kab A | 26.170 | 6.690 | 470",
    "Kec B1 | 9.310 | 2.450 | 180",
    "Kec B2 | 7.640 | 1.920 | 151",
    "Kab B | 16.950 | 4.370 | 331",
    "Kec C1 | 11.200 | 2.800 | 205",
    "Kec C2 | 4.480 | 1.090 | 64",
    "Kec C3 | 6.330 | 1.660 | 120",
    "Kab C | 22.010 | 5.550 | 389",
]


def _block_rows(rows: list[str], tmp_path: Path):
    view = table_views(table_doc(rows, tmp_path), RULESET)[0]
    return find_block_rows(view, exact_column)


def test_rows_that_add_up_in_every_column_close_their_block(tmp_path: Path) -> None:
    found = _block_rows(DISTRICTS, tmp_path)
    assert [(b.row, b.block, sorted(b.fits.values()), b.breaks) for b in found] == [
        (4, [1, 2, 3], ["sum", "sum", "sum"], []),
        (7, [5, 6], ["sum", "sum", "sum"], []),
        (11, [8, 9, 10], ["sum", "sum", "sum"], []),
    ]
    assert audit_rows(DISTRICTS, tmp_path, ("REL002",)) == []


def test_a_column_where_one_closing_row_does_not_add_up_is_reported(tmp_path: Path) -> None:
    rows = [*DISTRICTS[:7], "Kab B | 16.950 | 4.370 | 313", *DISTRICTS[8:]]
    (f,) = audit_rows(rows, tmp_path, ("REL002",))
    loc = f.locations[0]
    assert (f.rule, loc.row, loc.column, f.printed, f.expected, f.severity) == ("REL002", 8, 4, "313", "331", "error")
    assert [x.row for x in f.locations[1:]] == [6, 7]
    assert "sum or mean of the 2 rows above it in Penduduk, Rumah Tangga" in f.message
    assert "2 other closing rows" in f.message


def test_one_closing_row_alone_is_no_evidence_for_its_other_columns(tmp_path: Path) -> None:
    rows = [*DISTRICTS[:4], "Kab A | 26.170 | 6.690 | 407"]
    assert audit_rows(rows, tmp_path, ("REL002",)) == []


def test_a_row_matching_in_one_column_only_closes_nothing(tmp_path: Path) -> None:
    # 240 + 133 = 373 by chance in one column: the other columns say otherwise
    rows = [
        "Wilayah | Penduduk | Rumah Tangga | Penerima",
        "Kec A1 | 12.400 | 3.100 | 240",
        "Kec A2 | 8.750 | 2.210 | 133",
        "Kec A3 | 5.020 | 1.380 | 373",
        "Kec A4 | 6.100 | 1.500 | 90",
    ]
    assert _block_rows(rows, tmp_path) == []


def test_percentages_are_never_summed(tmp_path: Path) -> None:
    # 40 % + 35 % = 75 %, 20 % + 30 % = 50 %: shares do not add up to a row
    rows = [
        "Wilayah | Laki-laki | Perempuan | K",
        "A | 40% | 20% | 11",
        "B | 35% | 30% | 12",
        "C | 75% | 50% | 13",
    ]
    assert _block_rows(rows, tmp_path) == []


def test_mean_rows_close_their_block_and_a_break_is_reported(tmp_path: Path) -> None:
    rows = [
        "Indikator | Target | Realisasi | Nilai",
        "A1 | 80,00 | 76,40 | 95,50",
        "A2 | 60,00 | 63,10 | 105,17",
        "Sasaran A | 70,00 | 69,75 | 100,34",
        "B1 | 90,00 | 81,00 | 90,00",
        "B2 | 50,00 | 47,50 | 95,00",
        "Sasaran B | 70,00 | 64,25 | 92,50",
        "C1 | 40,00 | 38,00 | 95,00",
        "C2 | 20,00 | 17,00 | 85,00",
        "Sasaran C | 30,00 | 27,50 | 95,00",
    ]
    found = _block_rows(rows, tmp_path)
    assert [(b.row, b.fits, b.breaks) for b in found] == [
        (3, {1: "mean", 2: "mean", 3: "mean"}, []),
        (6, {1: "mean", 2: "mean", 3: "mean"}, []),
        (9, {1: "mean", 2: "mean"}, [3]),
    ]
    (f,) = audit_rows(rows, tmp_path, ("REL002",))
    assert (f.locations[0].row, f.printed, f.expected, f.severity) == (10, "95,00", "90,00", "error")
    assert "print the mean of this column" in f.message


@pytest.mark.parametrize("top", [30, 500])
def test_unrelated_counts_close_no_block(tmp_path: Path, top: int) -> None:
    # 300 random tables of unrelated counts, small and large: no row is
    # taken for a closing row
    rng = random.Random(11)
    found = []
    for t in range(300):
        ncols, nrows = rng.randint(3, 5), rng.randint(4, 8)
        rows = [" | ".join(["Nama", *(f"K{c}" for c in range(ncols))])]
        rows += [" | ".join([f"baris {r}", *(str(rng.randint(1, top)) for _ in range(ncols))]) for r in range(nrows)]
        found += [(t, b.row) for b in _block_rows(rows, tmp_path)]
    assert found == []


PARENTS = [
    "Program / Kegiatan | Pagu | Realisasi | Sisa",
    "Program Pelayanan | 1.500.000 | 1.320.000 | 180.000",
    "Kegiatan A1 | 1.000.000 | 900.000 | 100.000",
    "Kegiatan A2 | 500.000 | 420.000 | 80.000",
    "Program Pengawasan | 2.750.000 | 2.480.000 | 270.000",
    "Kegiatan B1 | 2.000.000 | 1.850.000 | 150.000",
    "Kegiatan B2 | 750.000 | 630.000 | 120.000",
    "Program Kapasitas | 900.000 | 810.000 | 90.000",
    "Kegiatan C1 | 400.000 | 370.000 | 30.000",
    "Kegiatan C2 | 300.000 | 260.000 | 40.000",
    "Kegiatan C3 | 200.000 | 180.000 | 20.000",
]


def test_parents_printed_over_their_children_close_them(tmp_path: Path) -> None:
    found = _block_rows(PARENTS, tmp_path)
    assert [(b.row, b.block, b.breaks) for b in found] == [(1, [2, 3], []), (4, [5, 6], []), (7, [8, 9, 10], [])]
    assert audit_rows(PARENTS, tmp_path, ("REL002",)) == []


def test_a_parent_breaking_one_column_is_reported(tmp_path: Path) -> None:
    rows = [*PARENTS[:4], "Program Pengawasan | 2.750.000 | 2.840.000 | 270.000", *PARENTS[5:]]
    (f,) = audit_rows(rows, tmp_path, ("REL002",))
    loc = f.locations[0]
    assert (loc.row, loc.column, f.printed, f.expected, f.severity) == (5, 3, "2.840.000", "2.480.000", "error")
    assert [x.row for x in f.locations[1:]] == [6, 7]


def test_the_float_prefilter_never_skips_a_narrow_fit() -> None:
    """``_may_fit`` only skips blocks whose exact sum and mean cannot fit:
    on blocks built to fit (and to miss) by a little, at every printed
    precision, whenever the exact test finds a narrow fit the prefilter let
    it through."""
    from fractions import Fraction

    from auditor.meaning.block_rows import _may_fit, _narrow_fit
    from auditor.meaning.intervals import Interval, interval_mean, interval_sum

    rng = random.Random(7)
    fitted = 0
    for _ in range(4000):
        decimals = rng.choice([0, 1, 2, 3])
        half = Fraction(1, 2 * 10**decimals)
        parts = [Fraction(rng.randint(-50, 5000), 10**decimals) for _ in range(rng.randint(2, 6))]
        exact = sum(parts) if rng.random() < 0.5 else sum(parts) / len(parts)
        spread = rng.choice([0.0, 0.0005, 0.03])  # printed as computed, a slip, a miss
        out = Fraction(round(float(exact) * (1 + rng.uniform(-spread, spread)), decimals))
        out = out.limit_denominator(10**decimals)
        if out == 0:
            continue
        ivs = [Interval(p - half, p + half) for p in parts]
        printed = Interval(out - half, out + half)
        fits = _narrow_fit(interval_sum(ivs), printed, out) or _narrow_fit(interval_mean(ivs), printed, out)
        if fits:
            fitted += 1
            assert _may_fit(out, parts), (out, parts)
    assert 500 < fitted < 3500  # both fitting and missing blocks were tried
