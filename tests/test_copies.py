"""Figures printed in two places beyond their rule cases: slips of the
digits, rows matched across tables, which column of a trend table is the
year's, status columns, and the sentence products XRF004 reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor.audit import audit_document, load_ruleset, table_views
from auditor.checks.sentence_copies import products
from auditor.checks.status_marks import Marks, status_columns
from auditor.checks.trend import trend_columns
from auditor.meaning.context import DocContext
from auditor.meaning.digits import CHANGED, DROPPED, SWAP, digit_slip
from auditor.meaning.figures import Conventions, read_figures
from auditor.meaning.numbers import parse_number
from auditor.meaning.year_rows import capaian_fits, year_rows
from auditor.readers.text_export import read_text_export

RULES = load_ruleset()


def _context(tmp_path: Path, text: str) -> DocContext:
    doc = read_text_export(tmp_path / "doc.md", text, "0")
    return DocContext(doc, RULES.vocabulary, table_views(doc, RULES))


def _audit(tmp_path: Path, text: str, *codes: str) -> list:
    doc = read_text_export(tmp_path / "doc.md", text, "0")
    return audit_document(doc, RULES, [r for r in RULES.rules if r.code in codes], "en")


@pytest.mark.parametrize(
    ("printed", "true", "kind"),
    [
        ("0.612", "0.162", SWAP),
        ("1,157", "3,157", CHANGED),
        ("79.912", "78.912", CHANGED),
        ("157", "3157", DROPPED),
        ("3,715", "3,157", None),  # a rotation is two changes
        ("31,57", "3,157", None),  # other decimals: a rounding or another figure
        ("0,16", "0,162", None),
        ("3,157", "3,157", None),
        ("6", "5", None),  # too few digits to tell a slip from chance
    ],
)
def test_digit_slip(printed: str, true: str, kind: str | None) -> None:
    a, b = parse_number(printed), parse_number(true)
    assert a is not None and b is not None
    assert digit_slip(a, b) == kind


def test_a_last_digit_changed_is_no_slip_when_asked() -> None:
    a, b = parse_number("1.733.981"), parse_number("1.733.980")
    assert a is not None and b is not None
    assert digit_slip(a, b) == CHANGED
    assert digit_slip(a, b, last_digit=False) is None


@pytest.mark.parametrize(
    ("t", "r", "c", "fits"),
    [("0,820", "0,162", "19,76", True), ("18", "25", "61", True), ("5", "5", "100", True), ("18", "25", "138,89", True),
     ("18", "25", "72", True), ("18", "25", "50", False), ("0", "5", "100", False)],
)  # fmt: skip
def test_capaian_fits_either_direction(t: str, r: str, c: str, fits: bool) -> None:
    nums = [parse_number(x) for x in (t, r, c)]
    assert all(nums)
    assert capaian_fits(*nums) is fits  # type: ignore[misc]


YEAR_TABLE = (
    "# LAPORAN KINERJA TAHUN 2023\n"
    "INDIKATOR KINERJA\tTARGET\tREALISASI\tCAPAIAN (%)\n"
    "3.10.4 RTH persatuan wilayah perkotaan (rata-rata)\t0,820\t0,162\t19,76\n"
    "3.10.5 Presentase penanganan sampah (%)\t5,00\t5,00\t100,00\n\n"
    "Perkembangan hasil disajikan pada tabel berikut.\n\n"
)
TREND = (
    "INDIKATOR KINERJA\tHASIL TH 2020\tHASIL TH 2021\tHASIL TH 2022\tHASIL TH 2023\tTERCAPAI/TIDAK\tTARGET TH 2023\tHASIL S/D 2023\n"
    "RTH Persatuan Wilayah Perkotaan\t47,121\t0,045\t0,094\t{rth}\t√\t0,820\t{sum}\n"
    "Persentase Penanganan Sampah\t7,20\t5,00\t5,00\t5,00\t√\t5,00\t22,20\n"
)


def test_the_trend_column_is_the_years_own_not_the_cumulative_one(tmp_path: Path) -> None:
    ctx = _context(tmp_path, YEAR_TABLE + TREND.format(rth="0,162", sum="47,422"))
    trend = ctx.views[-1]
    cols = trend_columns(trend, 2023, re.compile(r"s/d", re.IGNORECASE))
    assert cols is not None
    assert trend.column_header(cols.result) == "HASIL TH 2023"
    assert cols.target is not None and trend.column_header(cols.target) == "TARGET TH 2023"
    assert trend_columns(trend, 2019, re.compile("s/d")) is None  # no column of that year


def test_year_rows_match_names_with_notes_and_misspelt_words(tmp_path: Path) -> None:
    from auditor.checks.trend import _index
    from auditor.meaning.year_rows import matching_rows, row_name

    ctx = _context(tmp_path, YEAR_TABLE + TREND.format(rth="0,162", sum="47,422"))
    rows = year_rows(ctx, 2023, exclude=ctx.views[-1])
    assert [r.label for r in rows] == ["3.10.4 RTH persatuan wilayah perkotaan", "3.10.5 Presentase penanganan sampah"]
    index = _index(ctx)
    trend = ctx.views[-1]
    body = [r.index for r in trend.rows if r.kind == "body"]
    assert [[m.label for m in matching_rows(row_name(trend, r), rows, index)] for r in body] == [
        [rows[0].label],
        [rows[1].label],
    ]


def test_consistent_trend_table_gives_nothing(tmp_path: Path) -> None:
    assert _audit(tmp_path, YEAR_TABLE + TREND.format(rth="0,162", sum="47,422"), "XRF003") == []


def test_transposed_trend_copy_names_both_places_and_the_slip(tmp_path: Path) -> None:
    findings = _audit(tmp_path, YEAR_TABLE + TREND.format(rth="0,612", sum="47,872"), "XRF003")
    assert len(findings) == 1
    f = findings[0]
    assert (f.printed, f.expected, f.severity) == ("0,612", "0,162", "error")
    assert [loc.line for loc in f.locations[:2]] == [9, 3]
    assert "swapped" in f.message and "Penanganan Sampah" in f.message and "19,76" in f.message


def test_the_capaian_printed_as_the_result_is_named(tmp_path: Path) -> None:
    findings = _audit(tmp_path, YEAR_TABLE + TREND.format(rth="19,76", sum="67,02"), "XRF003")
    assert len(findings) == 1
    assert 'value of column "CAPAIAN (%)"' in findings[0].message


def test_a_tick_the_year_table_contradicts_is_a_warning_with_the_target(tmp_path: Path) -> None:
    findings = _audit(tmp_path, YEAR_TABLE + TREND.format(rth="0,162", sum="47,422"), "STS001")
    assert [(f.printed, f.severity, f.locations[0].line) for f in findings] == [("√", "warning", 9)]
    assert "0,820" in findings[0].message and "19,76" in findings[0].message


def test_status_columns_are_mostly_marks(tmp_path: Path) -> None:
    marks = Marks(re.compile("√|tercapai", re.I), re.compile("x|tidak tercapai", re.I))
    ctx = _context(
        tmp_path,
        "# LAPORAN 2023\nINDIKATOR\tTARGET\tREALISASI\tKET\tCATATAN\n"
        "Indikator satu dua\t5\t5\t√\tbaik sekali\nIndikator tiga empat\t5\t4\tX\tperlu ditingkatkan\n"
        "Indikator lima enam\t5\t6\ttercapai\t-\n",
    )
    view = ctx.views[0]
    assert [view.column_header(c) for c in status_columns(view, marks)] == ["KET"]


def test_products_are_read_with_units_that_hold_digits(tmp_path: Path) -> None:
    ctx = _context(tmp_path, "# LAPORAN 2023\n\nSampah sebesar 6.576 M3 /bulan x 12 = 78.912 m3 dan 5 x 3 = 25 unit.\n")
    conv = Conventions.of({})
    s = next(s for s in ctx.sentences if "78.912" in s.text)
    got = [(p.a.text, p.b.text, p.c.text) for p in products(s, read_figures(s, conv))]
    assert got == [("6.576", "12", "78.912")]  # 5 x 3 = 25 does not hold: the narrative rules' finding


def test_crossref_names_the_slip_of_a_drifted_copy(tmp_path: Path) -> None:
    text = (
        "# LAPORAN KINERJA TAHUN 2022\n"
        "INDIKATOR\tTARGET\tREALISASI\tCAPAIAN\n"
        "Persentase penurunan penduduk miskin\t0,8\t1,58\t197,50%\n"
        "Persentase penurunan penduduk rentan\t0,8\t2,59\t323,75%\n\n"
        "#### 1. Persentase penurunan penduduk miskin\n\n"
        "Target indikator ini pada tahun 2022 adalah 0,8% dan realisasi dari indikator ini adalah 1,85%.\n"
    )
    findings = _audit(tmp_path, text, "XRF001")
    assert len(findings) == 1
    assert "1,85% is 1,58 with two adjacent digits swapped" in findings[0].message


def test_the_planted_tables_printed_right_give_no_finding(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
    import plant

    text = plant.CONSISTENT.read_text(encoding="utf-8")
    for find, addition in (
        (plant.CHANGE_SENTENCE, plant.TREND_TABLE.format(anak="1.146")),
        (plant.ACHIEVERS_SENTENCE, plant.STATUS_TABLE.format(ikm="Tidak tercapai")),
        (plant.HIGHEST_SENTENCE, plant.PRODUCT_TEXT.format(porsi="52.272")),
        (plant.ACHIEVERS_SENTENCE, plant.SASARAN_TABLE.format(s1="96,74")),
    ):
        text = text.replace(find, find + addition)
    assert _audit(tmp_path, text, "XRF001", "XRF003", "XRF004", "STS001", "XRF006") == []
