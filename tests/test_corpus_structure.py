"""Structure of real tables, checked against the printed pages.

Every expectation here was written by hand from the rendered page image
(pdftoppm), not copied from the reader's output: the number of leaf
columns and their roles, the kinds of chosen rows (found by their label),
the pages a joined table covers, and the rows a parent or a total closes.
Tables are found by page and a caption or header word, never by table id.

Where the reader misreads the page, the test is a strict xfail carrying the
correct expectation, so it documents the gap and fails once it is fixed.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from auditor.audit import load_ruleset
from auditor.meaning.semantics import TableView
from tests.corpus_cache import read_cached

JOMBANG = "jombang-inspektorat-lkjip-2022.pdf"
SUMUT = "sumut-lkjip-2021.pdf"
CIANJUR = "cianjur-dkp-lakip-2015.pdf"


def _views(path: Path) -> list[TableView]:
    vocab = load_ruleset().vocabulary
    return [TableView(t, vocab) for t in read_cached(path).tables]


@pytest.fixture(scope="module")
def jombang(corpus_dir: Path) -> list[TableView]:
    return _views(corpus_dir / JOMBANG)


@pytest.fixture(scope="module")
def sumut(corpus_dir: Path) -> list[TableView]:
    return _views(corpus_dir / SUMUT)


@pytest.fixture(scope="module")
def cianjur(corpus_dir: Path) -> list[TableView]:
    return _views(corpus_dir / CIANJUR)


def table(views: list[TableView], page: int, word: str) -> TableView:
    """The one table starting on ``page`` whose caption or header has ``word``."""
    found = []
    for v in views:
        if v.table.page != page:
            continue
        text = " ".join([v.table.title or ""] + [c.header for c in v.columns]).lower()
        if word.lower() in text:
            found.append(v)
    assert len(found) == 1, f"{len(found)} tables on page {page} with {word!r}"
    return found[0]


def row(v: TableView, label: str):
    """The first row whose label starts with ``label``."""
    for r in v.rows:
        if r.label.startswith(label):
            return r
    raise AssertionError(f"no row labelled {label!r}: {[r.label[:30] for r in v.rows]}")


def kind(v: TableView, label: str) -> str:
    return row(v, label).kind


def closes(v: TableView, label: str) -> list[str]:
    """The labels of the rows the row labelled ``label`` closes."""
    return [v.rows[k].label for k in row(v, label).closes]


def roles(v: TableView) -> list[str | None]:
    return [c.role for c in v.columns]


def starts(labels: list[str], prefixes: list[str]) -> bool:
    return len(labels) == len(prefixes) and all(a.startswith(b) for a, b in zip(labels, prefixes, strict=True))


# -- Jombang: ruled Word export --------------------------------------------
def test_jombang_tabel_3_1_scale_criteria_are_rows(jombang):
    """p22: Tabel 3.1 Skala Nilai Peringkat Kinerja: five intervals, each with
    its criterion (Sangat Tinggi ... Sangat Rendah), all data rows."""
    v = table(jombang, 22, "Interval")
    assert [r.kind for r in v.rows] == ["header"] + ["body"] * 5
    assert [v.table.rows[r][2].text for r in range(1, 6)] == [
        "Sangat Tinggi",
        "Tinggi",
        "Sedang",
        "Rendah",
        "Sangat Rendah",
    ]


def test_jombang_tabel_3_1_scale_columns_hold_no_figures(jombang):
    """p22: Tabel 3.1's "Interval Nilai Realisasi Kinerja" and "Kriteria
    Penilaian Realisasi Kinerja" describe the rating scale, not realised
    figures: both are scale columns and none of their cells is a number."""
    v = table(jombang, 22, "Interval")
    assert roles(v) == ["number", "scale", "scale"]
    assert not any(v.number(r, c) for r in range(len(v.table.rows)) for c in (1, 2))


def test_jombang_tabel_1_1_golongan_and_its_jumlah(jombang):
    """p7: No | Golongan | A | B | C | D | Jumlah; JUMLAH (74) closes IV..I."""
    v = table(jombang, 7, "Golongan")
    assert roles(v) == ["number", "label", None, None, None, None, "total"]
    assert [kind(v, g) for g in ("IV", "III", "II", "I")] == ["body"] * 4
    assert kind(v, "JUMLAH") == "total"
    assert closes(v, "JUMLAH") == ["IV", "III", "II", "I"]


def test_jombang_tabel_1_2_joined_over_pages_7_8(jombang):
    """p7-8: the table breaks after Diploma III, the header printed again on p8."""
    v = table(jombang, 7, "Pendidikan")
    assert v.table.pages == [7, 8]
    assert roles(v) == ["number", "label", "total"]
    assert kind(v, "JUMLAH") == "total"


def test_jombang_tabel_1_2_dash_rows_are_body(jombang):
    """p7-8: SMA, SMP, SD print '-' as their Jumlah: data rows, which JUMLAH closes."""
    v = table(jombang, 7, "Pendidikan")
    assert [kind(v, x) for x in ("SMA", "SMP", "SD")] == ["body"] * 3
    assert len(closes(v, "JUMLAH")) == 6


def test_jombang_tabel_1_3_jabatan_hierarchy(jombang):
    """p8: bold numbered Jabatan Struktural (7) over four eselon rows, Jabatan
    Fungsional (62) over six auditor rows; 3. Jabatan Fungsional Umum has none."""
    v = table(jombang, 8, "Jabatan")
    assert roles(v) == ["number", "label", "total"]
    assert kind(v, "Jabatan Struktural") == "subtotal"
    assert starts(
        closes(v, "Jabatan Struktural"), ["Inspektur (Eselon II)", "Sekretaris", "Inspektur Pembantu", "Kasubag"]
    )
    assert kind(v, "Jabatan Fungsional") == "subtotal"
    assert starts(
        closes(v, "Jabatan Fungsional"),
        ["Auditor Ahli Madya", "Auditor Ahli Muda", "Auditor Ahli Pertama", "Auditor Pelaksana", "P2UPD", "Perencana"],
    )
    assert kind(v, "Jabatan Fungsional Umum") == "body"


def test_jombang_tabel_3_2_multiline_sasaran(jombang):
    """p24: sasaran 1 (a multi-line cell) spans two indicators."""
    v = table(jombang, 24, "Tabel 3.2")
    assert roles(v) == ["number", "label", "label", "target", "realisasi", "capaian", "label"]
    assert len([r for r in v.rows if r.kind == "body"]) == 3
    assert kind(v, "Kapabilitas APIP") == "body"


def test_jombang_tabel_3_4_spanned_realisasi_years(jombang):
    """p31: Realisasi spans 2022 | 2021 | 2020 over a second header row."""
    v = table(jombang, 31, "Tabel 3.4")
    assert v.header_rows == 2
    assert roles(v) == ["number", "label", "number", "label", "target", "realisasi", "realisasi", "realisasi"]
    assert [c.year for c in v.columns[4:]] == [2022, 2022, 2021, 2020]


def test_jombang_tabel_3_4_indicator_rows_are_body(jombang):
    """p31: Kapabilitas APIP prints Level 3 | Level 3 | Level 3 | N/A: an indicator, not a heading."""
    v = table(jombang, 31, "Tabel 3.4")
    assert [r.kind for r in v.rows[v.header_rows :]] == ["body"] * 7


def test_jombang_tabel_3_8_kinerja_and_anggaran_groups(jombang):
    """p39-40: Kinerja (Target | Realisasi | Capaian %) beside Anggaran
    (Anggaran | Realisasi | Capaian %), the same words under two groups."""
    v = table(jombang, 39, "Tabel 3.8")
    assert v.table.pages == [39, 40]
    assert v.header_rows == 2
    assert roles(v) == ["label", "label", "target", "realisasi", "capaian", "anggaran", "realisasi_anggaran", "pct"]
    assert kind(v, "Rata-rata capaian Indikator Utama (Sasaran)") == "average"
    assert len(closes(v, "Rata-rata capaian Indikator Utama (Sasaran)")) == 3
    assert kind(v, "Rata-rata capaian Indikator Utama (Program)") == "average"
    assert kind(v, "JUMLAH TOTAL") == "total"


def test_jombang_tabel_3_8_jumlah_total_closes_programmes(jombang):
    """p39-40: JUMLAH TOTAL (13.353.153.913) adds the anggaran of the three programmes,
    the budget beside a programme's second indicator counted once."""
    v = table(jombang, 39, "Tabel 3.8")
    assert starts(closes(v, "JUMLAH TOTAL"), ["Program Penunjang", "Program Penyelenggaraan", "Program Perumusan"])


def test_jombang_tabel_3_9_capaian_and_efisiensi(jombang):
    """p40: % Capaian Kinerja | % Realisasi Anggaran | % Tingkat Efisiensi."""
    v = table(jombang, 40, "Tabel 3.9")
    assert roles(v) == ["number", "label", "label", "realisasi_kinerja", "realisasi_anggaran", "efficiency"]
    assert len([r for r in v.rows if r.kind == "body"]) == 3


def test_jombang_tabel_3_12_spanned_sarpras(jombang):
    """p43: one sasaran, three indicators; Ketersediaan and Efisiensi span all three."""
    v = table(jombang, 43, "Tabel 3.12")
    assert v.table.ncols == 6
    assert [c.role for c in v.columns][:4] == ["number", "label", "label", "capaian"]
    assert v.columns[5].role == "efficiency"
    assert len([r for r in v.rows if r.kind == "body"]) == 3


def test_jombang_tabel_3_13_program_kegiatan_over_pages(jombang):
    """p43-44: Alokasi Biaya over Anggaran (Rp) | Realisasi (Rp); header printed
    again on p44; three PROGRAM rows over their kegiatan; JUMLAH over the programmes."""
    v = table(jombang, 43, "Tabel 3.13")
    assert v.table.pages == [43, 44]
    assert roles(v) == ["number", "label", "anggaran", "realisasi", "pct"]
    assert kind(v, "PROGRAM PENUNJANG") == "subtotal"
    assert len(closes(v, "PROGRAM PENUNJANG")) == 8
    assert starts(
        closes(v, "PROGRAM PENYELENGGARAAN"),
        ["Penyelenggaraan Pengawasan Internal", "Penyelenggaraan Pengawasan dengan"],
    )
    assert starts(closes(v, "PROGRAM PERUMUSAN"), ["Perumusan Kebijakan", "Pendampingan dan Asistensi"])
    assert [r.kind for r in v.rows if r.label == "Program / Kegiatan"] == ["header"]
    assert starts(closes(v, "JUMLAH"), ["PROGRAM PENUNJANG", "PROGRAM PENYELENGGARAAN", "PROGRAM PERUMUSAN"])


def test_jombang_tabel_3_13_header_is_two_rows(jombang):
    """p43: 'Inspektorat Kabupaten Jombang' under Program / Kegiatan opens the body."""
    v = table(jombang, 43, "Tabel 3.13")
    assert v.header_rows == 2
    assert kind(v, "Inspektorat Kabupaten Jombang") == "group"


# -- Sumut: ruled grids, multi-level headers, tables over pages --------------


def test_sumut_tabel_3_2_joined_with_misi_groups(sumut):
    """p24-25: Misi rows (I, II, ...) head the indicators."""
    v = table(sumut, 24, "Tabel 3.2")
    assert v.table.pages == [24, 25]
    assert roles(v) == ["number", "label", "unit", "target", "realisasi", "capaian"]
    assert kind(v, "Misi 1") == "group"
    assert kind(v, "Misi 5") == "group"
    assert kind(v, "Indeks Kerukunan") == "body"
    assert kind(v, "Jumlah kunjungan wisatawan") == "body"


def test_sumut_tabel_3_2_qualitative_indicators_are_body(sumut):
    """p24: Opini BPK (target WTP) and SAKIP (target BB) are indicators."""
    v = table(sumut, 24, "Tabel 3.2")
    assert kind(v, "Opini BPK") == "body"
    assert kind(v, "Nilai sistem akuntabilitas") == "body"


def test_sumut_tabel_3_10_three_level_header(sumut):
    """p51: Tahun 2021 over Target / Realisasi Kinerja, each over Volume | Satuan."""
    v = table(sumut, 51, "Tabel 3.10")
    assert v.header_rows == 3
    assert v.table.ncols == 6
    assert [c.year for c in v.columns[1:5]] == [2021] * 4
    assert kind(v, "Rasio Elektrifikasi") == "body"


def test_sumut_tabel_3_10_satuan_leaves_are_units(sumut):
    """p51: the Satuan leaves under Target and Realisasi Kinerja hold units."""
    v = table(sumut, 51, "Tabel 3.10")
    assert roles(v) == ["label", "target", "unit", "realisasi", "unit", "capaian"]


def test_sumut_tabel_3_18_total_kunjungan(sumut):
    """p65: twelve months, Total Kunjungan 240 (Desember printed NA)."""
    v = table(sumut, 65, "Tabel 3.18")
    assert v.table.ncols == 4
    assert kind(v, "Januari") == "body"
    assert kind(v, "Total Kunjungan") in ("total", "summary")
    assert len(closes(v, "Total Kunjungan")) >= 11


def test_sumut_perbandingan_over_three_pages(sumut):
    """p65-67: Perbandingan Kinerja over Realisasi / Capaian (%) over 2019 | 2020 | 2021;
    Misi and Sasaran Strategis rows are headings."""
    v = table(sumut, 65, "Perbandingan Kinerja")
    assert v.table.pages == [65, 66, 67]
    assert v.header_rows == 3
    assert roles(v) == ["number", "label", "realisasi", "realisasi", "realisasi", "capaian", "capaian", "capaian"]
    assert [c.year for c in v.columns[2:]] == [2019, 2020, 2021, 2019, 2020, 2021]
    assert kind(v, "Misi 1") == "group"
    assert kind(v, "Sasaran Strategis 1 : Meningkatnya kerukunan") == "group"
    assert kind(v, "Indeks kerukunan") == "body"
    assert kind(v, "Jumlah kunjungan wisatawan") == "body"


def test_sumut_pagu_realisasi_english_numbers(sumut):
    """p79-81: two title rows above NO. | OPD | PAGU | REALISASI | PERSEN; amounts
    printed 2,684,886,550.00 (English) beside percentages 97,43 (Indonesian);
    JUMLAH closes the 49 OPD."""
    v = table(sumut, 79, "PAGU")
    assert v.table.pages == [79, 80, 81]
    assert v.title_rows == 2
    assert [c.role for c in v.columns][2:] == ["anggaran", "realisasi", "pct"]
    r = row(v, "Biro Perekonomian").index
    assert v.number(r, 2).value == Fraction(268488655000, 100)
    assert v.number(r, 4).value == Fraction(9743, 100)
    total = row(v, "JUMLAH")
    assert total.kind == "total"
    assert len(total.closes) == 49
    assert v.number(total.index, 2).value == Fraction(1395331829383000, 100)
    assert v.number(total.index, 4).value == Fraction(9475, 100)


def test_sumut_pagu_realisasi_opd_is_label(sumut):
    """p79: the OPD column names the rows."""
    v = table(sumut, 79, "PAGU")
    assert roles(v) == ["number", "label", "anggaran", "realisasi", "pct"]


def test_sumut_pembiayaan_english_numbers(sumut):
    """p82: TARGET | REALISASI | PERSEN with 476,782,631,305.00 and 104.73."""
    v = table(sumut, 82, "PEMBIAYAAN")
    assert v.table.ncols == 4
    r = row(v, "PENERIMAAN PEMBIAYAAN").index
    assert v.number(r, 1).value == Fraction(47678263130500, 100)
    assert v.number(r, 3).value == Fraction(10473, 100)


def test_sumut_pembiayaan_hierarchy(sumut):
    """p82: PENERIMAAN / PENGELUARAN PEMBIAYAAN (capitals) over their indented rows."""
    v = table(sumut, 82, "PEMBIAYAAN")
    assert kind(v, "PENERIMAAN PEMBIAYAAN") == "subtotal"
    assert starts(closes(v, "PENERIMAAN PEMBIAYAAN"), ["Sisa Lebih Perhitungan"])
    assert kind(v, "PENGELUARAN PEMBIAYAAN") == "subtotal"
    assert starts(closes(v, "PENGELUARAN PEMBIAYAAN"), ["Penyertaan Modal Daerah"])


def test_sumut_pagu_realisasi_joined_without_repeated_header(sumut):
    """p79-81: the header is not printed again; p80 opens with 9 after 8, p81
    with 34 after 33; the page numbers (. 73, . 74) stay out of the table;
    amounts in English groups, PERSEN in Indonesian decimals."""
    v = table(sumut, 79, "PAGU")
    assert [(j.page, j.header_rows) for j in v.table.joins] == [(80, 0), (81, 0)]
    assert "numbering continues 8 -> 9" in v.table.joins[0].evidence
    assert "numbering continues 33 -> 34" in v.table.joins[1].evidence
    assert not any(c.text.strip(". ") in ("73", "74") for r in v.table.rows for c in r)
    assert [c.dot_decimal for c in v.columns[2:]] == [True, True, False]
    r = row(v, "Biro Pemerintahan dan Otonom Daerah").index
    assert v.number(r, 3).value == Fraction(691691191300, 100)
    assert v.table.rows[r + 1][0].text == "9"


def test_sumut_tabel_3_13_column_numbers_and_join(sumut):
    """p55-56: Rata-rata Lama Sekolah (Tahun) over 2020 | 2021, the column
    numbers 1 2 3 4 under it; p56 opens with 20 after 19 and no header."""
    v = table(sumut, 55, "Tabel 3.13")
    assert v.table.pages == [55, 56]
    assert v.header_rows == 2
    assert [r.kind for r in v.rows[:3]] == ["header", "header", "numbering"]
    assert [c.year for c in v.columns[2:]] == [2020, 2021]
    assert [(j.page, j.header_rows) for j in v.table.joins] == [(56, 0)]
    assert "numbering continues 19 -> 20" in v.table.joins[0].evidence
    assert v.number(row(v, "Batu Bara").index, 3).value == Fraction(807, 100)
    assert v.number(row(v, "Padang Lawas Utara").index, 2).value == Fraction(937, 100)


# -- Cianjur: shaded rows, stacked records, Program > Kegiatan ---------------


def test_cianjur_rencana_strategis_one_framed_table(cianjur):
    """p20: Tabel Rencana Strategis, Tujuan | Sasaran (Uraian, Indikator) |
    Cara Mencapai Tujuan (Kebijakan, Program) | Keterangan over 1 ... 6; no
    figures anywhere. Framed on the left (in the Tujuan | Uraian gutter) and
    right by rules drawn cell by cell; Tujuan 2 stands a tall blank below
    Tujuan 1's last row and is still this table. The page number in its box
    beside the last line is no cell."""
    v = table(cianjur, 20, "Kebijakan")
    assert [c.header for c in v.columns] == [
        "Tujuan",
        "Sasaran Uraian",
        "Sasaran Indikator",
        "Cara Mencapai Tujuan Kebijakan",
        "Cara Mencapai Tujuan Program",
        "Keterangan",
    ]
    assert [r.kind for r in v.rows[:3]] == ["header", "header", "numbering"]
    body = v.rows[3:]
    assert body and all(r.kind == "body" for r in body)
    grid = v.table.rows
    tujuan = [grid[r.index][0].text for r in body if not grid[r.index][0].is_span_copy]
    assert [t[:16] for t in tujuan if t[:1].isdigit() and "." in t[:2]] == ["1. Terwujudnya p", "2. Berkembangnya"]
    assert grid[-1][1].text == "- Penataan pemakaman muslim dan non muslim (ha)"
    assert not any(c.text == "15" for row in grid for c in row)
    assert [x.table.page for x in cianjur].count(20) == 1


def test_cianjur_rencana_strategis_records(cianjur):
    """p20: seven Sasaran records (Penataan RTH, Data base, Rencana Tata Ruang
    Hijau, operasi TPA, operasi sarana, lampu, pemakaman), Tujuan 1 spanning
    the first five, Tujuan 2 the last two."""
    v = table(cianjur, 20, "Kebijakan")
    body = [r for r in v.rows if r.kind == "body"]
    grid = v.table.rows
    uraian = [grid[r.index][1].text for r in body]
    assert [u[:18] for u in uraian] == [
        "Penataan RTH",
        "- Data base",
        "- Rencana Tata Rua",
        "- Peningkatan oper",
        "- Peningkatan oper",
        "- Pemeliharaan rut",
        "- Penataan pemakam",
    ]
    first, sixth = body[0].index, body[5].index
    assert grid[first][0].text.startswith("1. Terwujudnya")
    assert [grid[r.index][0].span_origin for r in body[1:5]] == [(first, 0)] * 4
    assert grid[sixth][0].text.startswith("2. Berkembangnya")
    assert grid[body[6].index][0].span_origin == (sixth, 0)
    assert grid[first][2].text == "Terpeliharanya Ruang terbuka hijau"
    assert grid[body[3].index][2].text == "Terpeliharanya kawasan TPA"


def test_cianjur_rencana_kinerja_column_numbers(cianjur):
    """p21: No | Sasaran Strategis | Indikator Kinerja | Satuan | Target over 1 2 3 4 5."""
    v = table(cianjur, 21, "Indikator")
    assert roles(v) == ["number", "label", "label", "unit", "target"]
    assert [r.kind for r in v.rows[:2]] == ["header", "numbering"]


def test_cianjur_rencana_kinerja_stacked_indicators(cianjur):
    """p21: rules only at the frame and between columns; sasaran 1 printed once
    beside three indicators (the third after a blank four lines tall), sasaran
    2 beside one. Four indicator rows, the sasaran cell spanning its own."""
    v = table(cianjur, 21, "Indikator")
    assert roles(v) == ["number", "label", "label", "unit", "target"]
    body = [r for r in v.rows if r.kind == "body"]
    assert len(body) == 4
    assert v.hierarchy is None
    assert [r.kind for r in v.rows] == ["header", "numbering", "body", "body", "body", "body"]
    grid = v.table.rows
    indicators = [grid[r.index][2].text.split()[1] for r in body]
    assert indicators == ["3.10.4", "3.10.5", "3.10.6", "3.11.19"]
    assert [grid[r.index][4].text for r in body] == ["0.820", "5", "18", "0"]
    first = body[0].index
    assert grid[first][1].text.endswith("Lingkungan Hidup yang handal.")
    assert [grid[r.index][1].span_origin for r in body[1:3]] == [(first, 1), (first, 1)]
    assert grid[body[3].index][1].text.startswith("Berkembangnya")


def test_cianjur_rencana_kinerja_tahunan_justified_rows(cianjur):
    """p25: the same table as p21 without Satuan, its first row justified (as
    many runs of words as twice the columns), a box with the page number on
    the baseline of its last line. Four columns, four indicator rows."""
    v = table(cianjur, 25, "Indikator")
    assert [c.header for c in v.columns] == ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]
    assert roles(v) == ["number", "label", "label", "target"]
    assert [r.kind for r in v.rows] == ["header", "numbering", "body", "body", "body", "body"]
    assert v.hierarchy is None
    grid = v.table.rows
    assert [grid[r][3].text for r in range(2, 6)] == ["0.820%", "5%", "18%", "0 Ha"]
    assert [grid[r][2].text.split()[1] for r in range(2, 6)] == ["3.10.4", "3.10.5", "3.10.6", "3.11.19"]
    assert grid[5][1].text.endswith("infrastruktur yang handal")


def test_cianjur_anggaran_program_jumlah(cianjur):
    """p22: six programmes and Jumlah 10,924,024,550 (English separators)."""
    v = table(cianjur, 22, "Anggaran")
    assert roles(v) == ["number", "label", "anggaran"]
    assert kind(v, "Jumlah") == "total"
    assert len(closes(v, "Jumlah")) == 6
    r = row(v, "Program Pengelolaan Areal").index
    assert v.number(r, 2).value == 79261250


def test_cianjur_anggaran_program_amounts(cianjur):
    """p22: amounts whose first digit the PDF stores apart (1 99,800,000) are one
    number; programme 1's last line, printed over the rule, stays with it."""
    v = table(cianjur, 22, "Anggaran")
    assert v.number(row(v, "Program Pengendalian").index, 2).value == 199800000
    assert v.number(row(v, "Program Peningkatan Sarana").index, 2).value == 328380000
    assert v.number(row(v, "Jumlah").index, 2).value == 10924024550
    assert row(v, "Program Pengembangan Kinerja Pengolahan Persampahan (Banprov)")


def test_cianjur_pengukuran_kinerja_multiline(cianjur):
    """p26: sasaran 3.10 (multi-line, shaded) spans three indicators, 3.11 one."""
    v = table(cianjur, 26, "Realisasi")
    assert roles(v) == ["label", "label", "unit", "target", "realisasi", "capaian"]
    assert len([r for r in v.rows if r.kind == "body"]) == 4


def test_cianjur_pendapatan_jumlah(cianjur):
    """p46: column numbers 1..6, J u m l a h (letter-spaced) a total."""
    v = table(cianjur, 46, "pendapatan")
    assert v.table.ncols == 6
    assert v.rows[1].kind == "numbering"
    assert [r.kind for r in v.rows][-1] == "total"


def test_cianjur_pendapatan_stacked_records(cianjur):
    """p46: one ruled row stacks records 1, 2, 3 (numbers beside their figures);
    T a r g e t is letter-spaced."""
    v = table(cianjur, 46, "pendapatan")
    assert roles(v) == ["number", "label", "capaian", "target", "realisasi", "capaian"]
    assert [r.kind for r in v.rows[2:]] == ["body", "body", "body", "total"]


def test_cianjur_pelayanan_dkp(cianjur):
    """p48: numbers row, four rasio rows with units in the cells."""
    v = table(cianjur, 48, "Pelayanan DKP")
    assert [r.kind for r in v.rows] == ["header", "numbering", "body", "body", "body", "body"]
    assert [c.role for c in v.columns][2:] == ["unit", "target", "realisasi", "capaian"]
    assert [c.year for c in v.columns][3:5] == [2015, 2015]


def test_cianjur_pelayanan_dkp_label_role(cianjur):
    """p48: the column headed Pelayanan DKP names the rows."""
    v = table(cianjur, 48, "Pelayanan DKP")
    assert roles(v)[1] == "label"


def test_cianjur_realisasi_apbd_shaded_over_five_pages(cianjur):
    """p50-54: shaded rows without inner rules; Program > Kegiatan."""
    v = table(cianjur, 50, "Kegiatan")
    assert v.table.pages == [50, 51, 52, 53, 54]
    assert v.table.ncols == 6
    assert v.hierarchy == "numbering"
    assert kind(v, "Program Pelayanan Administrasi") == "subtotal"
    kids = closes(v, "Program Pelayanan Administrasi")
    assert kids[0].startswith("Penyediaan Jasa Surat Menyurat")
    assert kids[9].startswith("Rapat-Rapat Koordinasi dan Konsultasi Ke Luar")
    assert starts(closes(v, "Program Perencanaan dan Penganggaran"), ["Penyusunan Renja", "Penyusunan RKA"])
    # p54: 9 is printed in the No column of a kegiatan row, which belongs to programme 8
    assert starts(closes(v, "Program Pengelolaan Areal"), ["Koordinasi Pengelolaan Areal", "Penataan Tempat Pemakaman"])
    assert starts(
        closes(v, "Program Pengelolaan Ruang Terbuka Hijau"),
        [
            "Penataan RTH",
            "Pemeliharaan RTH",
            "Penataan Ruang Terbuka Hijau (Lapangan",
            "Penataan RTH (L)",
            "Penataan Ruang Terbuka Hijau ( Lapangan",
        ],
    )
    # programme and its only kegiatan printed on one row
    assert kind(v, "Program Peningkatan Sarana dan Prasarana Pema") == "body"


def test_cianjur_realisasi_apbd_roles(cianjur):
    """p50-54: Target anggaran is the pagu, Realisasi anggaran its realisation."""
    v = table(cianjur, 50, "Kegiatan")
    assert roles(v) == ["number", "label", "label", "anggaran", "realisasi_anggaran", "pct"]


def test_cianjur_realisasi_apbd_label_continued_over_page(cianjur):
    """p51-54: 'Aparatur' and 'Hidup' at the top of p52 and p54 end the programme
    labels broken by the page; each join names its evidence."""
    v = table(cianjur, 50, "Kegiatan")
    evidence = {j.page: j.evidence for j in v.table.joins}
    assert sorted(evidence) == [51, 52, 53, 54]
    assert all("same leaf geometry" in e and "repeated header (1 row)" in e for e in evidence.values())
    assert "numbering continues 3 -> 4" in evidence[52]
    assert "label continued: 'Aparatur'" in evidence[52]
    assert "label continued: 'Hidup'" in evidence[54]
    labels = [r.label for r in v.rows]
    assert "Aparatur" not in labels
    assert "Hidup" not in labels
    assert row(v, "Program Peningkatan Disiplin").label.endswith("Aparatur")


def test_cianjur_realisasi_apbd_footer_kept_out(cianjur):
    """p54: the page number 49 and the footer 'Dinas Kebersihan dan Pertamanan
    Kabupaten Cianjur' under the last row stay out of the table."""
    v = table(cianjur, 50, "Kegiatan")
    assert not any("Kabupaten Cianjur" in c.text for r in v.table.rows for c in r)
    last = [c.text for c in v.table.rows[-1]]
    assert last[0] == "15"
    assert last[2].startswith("Penataan Ruang Terbuka Hijau") and last[2].endswith("Prawatasari) (L)")
    assert last[3:] == ["182.975.350,00", "174.180.350,00", "95,19"]


def test_cianjur_number_convention_per_table(cianjur):
    """p22 prints English groups (10,924,024,550), p50 Indonesian (900.000,00)."""
    anggaran = table(cianjur, 22, "Anggaran")
    assert anggaran.columns[2].dot_decimal
    realisasi = table(cianjur, 50, "Kegiatan")
    assert [c.dot_decimal for c in realisasi.columns[3:]] == [False, False, False]
    r = row(realisasi, "Penyediaan Jasa Surat Menyurat").index
    assert realisasi.number(r, 3).value == 900000
    assert realisasi.number(row(realisasi, "Program Pelayanan Administrasi").index, 5).value == Fraction(9944, 100)
