"""Row kinds, column roles and hierarchy on grids built in code: data rows
that print no number, the body starting under a header cell that spans down,
a grand total under an average, unit leaves under a group header, the label
column whatever its header, parents told by indent, and budget qualifiers."""

from __future__ import annotations

import pytest

from auditor.meaning.context import is_heading
from auditor.meaning.rowshape import is_value_text
from auditor.meaning.semantics import TableView
from auditor.model import Cell, Table, TextLine
from tests.test_table_semantics import RULES, SPAN, VSPAN, audit, grid


def view(spec: list[list[str]]) -> TableView:
    return TableView(grid(spec), RULES.vocabulary)


def kinds(v: TableView) -> list[str]:
    return [r.kind for r in v.rows]


# -- rows that print a value of their own are data --------------------------


@pytest.mark.parametrize(
    "text", ["-", "N/A", "12", "Level 3", "Level 3 (3,35)", "A (83)", "Nilai A (81,59)", "WTP", "BB"]
)
def test_printed_values(text: str) -> None:
    assert is_value_text(text, RULES.vocabulary)


@pytest.mark.parametrize(
    "text", ["", "Meningkatnya kualitas", "2: Meningkatnya", "Program Peningkatan Kapasitas", "98.81 % 91.30 %"]
)
def test_running_text_is_no_value(text: str) -> None:
    assert not is_value_text(text, RULES.vocabulary)


EDUCATION = [
    ["No", "Pendidikan", "Jumlah"],
    ["1", "Sarjana", "11"],
    ["2", "Diploma III", "27"],
    ["3", "SMA", "-"],
    ["4", "SD", "-"],
    ["JUMLAH", SPAN, "38"],
]


def test_a_row_whose_figure_is_a_dash_is_data_and_the_total_closes_it() -> None:
    v = view(EDUCATION)
    assert kinds(v) == ["header", "body", "body", "body", "body", "total"]
    assert v.rows[5].closes == [1, 2, 3, 4]
    assert audit(grid(EDUCATION), ["SUM001"]) == []
    broken = [row[:] for row in EDUCATION]
    broken[5][2] = "40"
    assert [(f.rule, f.printed) for f in audit(grid(broken), ["SUM001"])] == [("SUM001", "40")]


QUALITATIVE = [
    ["No.", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian"],
    ["I", "Misi 1 : Mewujudkan masyarakat yang sejahtera", SPAN, SPAN, SPAN, SPAN],
    ["1", "Indeks Kerukunan", "Poin", "83", "77,4", "93,25%"],
    ["II", "Misi 2 : Mewujudkan tata kelola", "", "", "", ""],
    ["1", "Opini BPK", "Opini", "WTP", "", ""],
    ["2", "Nilai SAKIP", "Predikat", "BB", "", ""],
    ["3", "Kapabilitas APIP", "Level", "Level 3", "Level 3", "N/A"],
]


def test_qualitative_targets_make_data_rows_and_headings_stay_groups() -> None:
    """A heading leaves the figure columns empty or spans across them; a row
    that prints WTP, BB or Level 3 in them is an indicator."""
    assert kinds(view(QUALITATIVE)) == ["header", "group", "body", "group", "body", "body", "body"]


def test_a_unit_cell_alone_does_not_make_a_heading_data() -> None:
    spec = [row[:] for row in QUALITATIVE]
    spec[3][2] = "%"  # only the unit column prints something
    assert view(spec).rows[3].kind == "group"


# -- the body starts under a header cell that spans down --------------------

PROGRAMMES = [
    ["No.", "Program / Kegiatan", "Alokasi Biaya", SPAN, "%"],
    [VSPAN, VSPAN, "Anggaran (Rp)", "Realisasi (Rp)", VSPAN],
    ["", "Dinas Contoh", "", "", ""],
    ["1.", "PROGRAM A", "300", "240", "80,00"],
    ["", "Kegiatan A1", "100", "90", "90,00"],
    ["", "Kegiatan A2", "200", "150", "75,00"],
]


def test_a_lone_name_under_a_header_cell_that_spans_down_opens_the_body() -> None:
    v = view(PROGRAMMES)
    assert v.header_rows == 2
    assert v.rows[2].kind == "group"
    assert v.rows[3].kind == "subtotal" and v.rows[3].closes == [4, 5]


def test_a_sub_header_under_a_group_header_stays_in_the_header() -> None:
    spec = [
        ["No", "Uraian", "Anggaran", SPAN],
        [VSPAN, VSPAN, "Pagu", "Realisasi"],
        [VSPAN, VSPAN, "(Rp)", ""],
        ["1", "Belanja A", "100", "90"],
    ]
    assert view(spec).header_rows == 3


# -- a grand total under an average: the programmes, each once --------------

KINERJA_ANGGARAN = [
    ["PROGRAM", "INDIKATOR", "Kinerja", SPAN, SPAN, "Anggaran", SPAN, SPAN],
    [VSPAN, VSPAN, "Target", "Realisasi", "Capaian %", "Anggaran", "Realisasi", "Capaian %"],
    ["Program A", "Indikator 1", "100", "100", "100,00", "1.000", "900", "90,00"],
    ["Program B", "Indikator 2", "90", "90", "100,00", "2.000", "1.000", "50,00"],
    ["", "Indikator 3", "80", "80", "100,00", VSPAN, VSPAN, VSPAN],
    ["", "Rata-rata capaian", "", "", "100,00", "", "", ""],
    ["", "", "", "", "", "", "", ""],
    ["", "JUMLAH TOTAL", SPAN, SPAN, SPAN, "3.000", "1.900", "63,33"],
]


def test_a_grand_total_under_an_average_closes_each_programme_once() -> None:
    """Indikator 3 shares Program B's budget (a cell spanning down): the sum
    counts that budget once."""
    v = view(KINERJA_ANGGARAN)
    assert v.rows[5].kind == "average" and v.rows[5].closes == [2, 3, 4]
    assert v.rows[7].kind == "total" and v.rows[7].closes == [2, 3]
    assert audit(grid(KINERJA_ANGGARAN), ["SUM001"]) == []
    broken = [row[:] for row in KINERJA_ANGGARAN]
    broken[7][5] = "3.100"
    assert [(f.rule, f.printed) for f in audit(grid(broken), ["SUM001"])] == [("SUM001", "3.100")]


def test_a_total_keeps_rows_that_print_their_own_figures() -> None:
    spec = [row[:] for row in KINERJA_ANGGARAN]
    spec[4][5:8] = ["500", "400", "80,00"]
    spec[7][5:8] = ["3.500", "2.300", "65,71"]
    assert view(spec).rows[7].closes == [2, 3, 4]


# -- column roles ------------------------------------------------------------

THREE_LEVELS = [
    ["Indikator Kinerja", "Tahun 2021", SPAN, SPAN, SPAN, SPAN],
    [VSPAN, "Target", SPAN, "Realisasi Kinerja", SPAN, "Capaian Kinerja (%)"],
    [VSPAN, "Volume", "Satuan", "Volume", "Satuan", VSPAN],
    ["Rasio Elektrifikasi", "100", "%", "99,82", "%", "99,82%"],
]


def test_a_unit_leaf_is_a_unit_column_under_any_group() -> None:
    v = view(THREE_LEVELS)
    assert [c.role for c in v.columns] == ["label", "target", "unit", "realisasi", "unit", "capaian"]
    assert [c.year for c in v.columns[1:5]] == [2021] * 4


@pytest.mark.parametrize("header", ["OPD", "Pelayanan DKP", "Kabupaten/Kota"])
def test_the_leftmost_column_of_names_is_the_label_column(header: str) -> None:
    spec = [
        ["No", header, "Satuan", "Target", "Realisasi", "Capaian"],
        ["1", "Rasio sampah terangkut", "M3", "100", "80", "80,00"],
        ["2", "Rasio cakupan layanan", "Kec.", "13", "11", "84,62"],
    ]
    assert [c.role for c in view(spec).columns] == ["number", "label", "unit", "target", "realisasi", "capaian"]


def test_a_column_of_figures_under_an_unknown_header_gets_no_label_role() -> None:
    spec = [["Kode", "Nilai Awal", "Target"], ["1.01", "80", "90"], ["1.02", "70", "75"]]
    assert [c.role for c in view(spec).columns] == [None, None, "target"]


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Target anggaran", "anggaran"),
        ("Target Anggaran 2015", "anggaran"),
        ("Rencana keuangan", "anggaran"),
        ("Realisasi anggaran", "realisasi_anggaran"),
        ("Realisasi keuangan", "realisasi_anggaran"),
        ("Target", "target"),
    ],
)
def test_a_role_word_qualified_by_the_budget_is_a_budget_column(header: str, role: str) -> None:
    spec = [["No", "Kegiatan", header], ["1", "Penyediaan jasa surat", "900.000"]]
    assert view(spec).columns[2].role == role


def test_the_budget_percentage_is_checked_against_a_target_anggaran_column() -> None:
    spec = [
        ["No", "Kegiatan", "Target anggaran", "Realisasi anggaran", "%"],
        ["1", "Penyediaan jasa surat", "1.000.000,00", "900.000,00", "90,00"],
        ["2", "Penyediaan alat tulis", "2.000.000,00", "1.000.000,00", "60,00"],
    ]
    found = audit(grid(spec), ["ANG001"])
    assert [(f.rule, f.printed, f.expected) for f in found] == [("ANG001", "60,00", "50,00")]


# -- parents told by capitals and indent -------------------------------------


def indented(rows: list[tuple[str, float, list[str]]]) -> Table:
    """A ruled table of name | target | realisasi | %, each name cell's box
    starting at its own x (an indented name starts further right)."""
    header = ["URAIAN", "TARGET", "REALISASI", "PERSEN"]
    out = [[Cell(0, c, t, bbox=(c * 100.0, 0, c * 100.0 + 100, 10), page=1) for c, t in enumerate(header)]]
    for r, (name, x, figures) in enumerate(rows, start=1):
        cells = [Cell(r, 0, name, bbox=(x, r * 10, 100, r * 10 + 10), page=1)]
        cells += [
            Cell(r, c, t, bbox=(c * 100.0, r * 10, c * 100.0 + 100, r * 10 + 10), page=1)
            for c, t in enumerate(figures, start=1)
        ]
        out.append(cells)
    return Table(index=1, rows=out, page=1, source="ruled", pages=[1])


FINANCING = [
    ("PENERIMAAN PEMBIAYAAN", 0.0, ["476.782", "499.350", "104,73"]),
    ("Sisa Lebih Perhitungan Anggaran", 16.0, ["476.782", "499.350", "104,73"]),
    ("PENGELUARAN PEMBIAYAAN", 0.0, ["210.500", "210.500", "100,00"]),
    ("Penyertaan Modal Daerah", 16.0, ["210.500", "210.500", "100,00"]),
    ("PEMBIAYAAN NETTO", 0.0, ["266.282", "288.850", "108,47"]),
]


def test_capitals_over_indented_rows_are_parents_even_of_one_row() -> None:
    v = TableView(indented(FINANCING), RULES.vocabulary)
    assert v.hierarchy == "emphasis"
    assert [(r.index, r.kind, r.closes) for r in v.rows if r.kind == "subtotal"] == [
        (1, "subtotal", [2]),
        (3, "subtotal", [4]),
    ]
    assert v.rows[5].kind == "body"


def test_indent_alone_gives_parents_of_several_rows() -> None:
    rows = [
        ("Belanja Operasi", 0.0, ["300", "240", "80,00"]),
        ("Belanja Pegawai", 16.0, ["100", "90", "90,00"]),
        ("Belanja Barang", 16.0, ["200", "150", "75,00"]),
        ("Belanja Modal", 0.0, ["50", "40", "80,00"]),
        ("Belanja Tanah", 16.0, ["20", "10", "50,00"]),
        ("Belanja Gedung", 16.0, ["30", "30", "100,00"]),
    ]
    v = TableView(indented(rows), RULES.vocabulary)
    assert [(r.index, r.closes) for r in v.rows if r.kind == "subtotal"] == [(1, [2, 3]), (4, [5, 6])]


def test_single_rows_without_indent_are_no_hierarchy() -> None:
    flat = [(name, 0.0, figures) for name, _, figures in FINANCING]
    v = TableView(indented(flat), RULES.vocabulary)
    assert v.hierarchy is None


def test_indented_parents_of_one_row_that_do_not_add_up_are_no_hierarchy() -> None:
    rows = [list(r) for r in FINANCING]
    rows[3][2] = ["210.500", "200.000", "95,01"]
    v = TableView(indented([tuple(r) for r in rows]), RULES.vocabulary)  # type: ignore[misc]
    assert v.hierarchy is None and all(r.kind != "subtotal" for r in v.rows)


def test_a_label_column_known_only_from_its_cells_does_not_make_a_fragment_a_table() -> None:
    """The rest of a table after a page break, its header left behind: the
    names tell the label column, but nothing tells what the figures are, so
    its closing row is not checked against the few rows printed here."""
    spec = [
        ["3", "Biro Hukum", "1.000", "900"],
        ["4", "Biro Umum", "2.000", "1.000"],
        ["5", "Biro Organisasi", "500", "400"],
        ["", "JUMLAH", "9.000", "5.000"],
    ]
    v = view(spec)
    assert v.columns[1].role == "label" and v.is_fragment
    assert audit(grid(spec), ["SUM001"]) == []


# -- status words are values -------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Baik", "Sangat Baik", "Cukup", "Tinggi", "Tercapai", "Tidak Tercapai", "Memuaskan", "(Baik)", "BAIK."]
)
def test_status_words_are_values(text: str) -> None:
    assert RULES.vocabulary.is_status(text) and is_value_text(text, RULES.vocabulary)


@pytest.mark.parametrize(
    "text", ["Target", "Baik Hati Sekolah", "Meningkatnya kualitas layanan", "Tingginya angka", "Program Baik"]
)
def test_names_with_status_words_are_no_status(text: str) -> None:
    assert not RULES.vocabulary.is_status(text)


PREDIKAT = [
    ["No", "Indikator Kinerja", "Target", "Realisasi", "Predikat"],
    ["I", "Sasaran 1 : Meningkatnya akuntabilitas kinerja instansi pemerintah", SPAN, SPAN, SPAN],
    ["1", "Nilai SAKIP", "", "", "Baik"],
    ["2", "Indeks Kepuasan Masyarakat", "", "", "Sangat Baik"],
    ["3", "Tingkat Kepatuhan", "", "", "Tercapai"],
    ["II", "Sasaran 2 : Meningkatnya pelayanan", "", "", ""],
    ["1", "Indeks Pelayanan", "80", "82", "Tinggi"],
]


def test_rows_printing_only_a_status_word_are_data() -> None:
    """An indicator whose only value is its predikat (Baik, Tercapai) is a
    data row; the sasaran headings, printing nothing, stay groups."""
    assert kinds(view(PREDIKAT)) == ["header", "group", "body", "body", "body", "group", "body"]


def test_a_bold_status_word_makes_no_bold_heading_row() -> None:
    """A predikat set in bold is the value's emphasis: the row is no closing
    summary row and no emphasised parent."""
    spec = [
        ["No", "Indikator", "Realisasi", "Predikat"],
        ["1", "Indeks A", "70", "Cukup"],
        ["2", "Indeks B", "82", "Baik"],
        ["3", "Indeks C", "95", "Sangat Baik"],
    ]
    table = grid(spec)
    table.rows[3][3].bold = True
    v = TableView(table, RULES.vocabulary)
    assert kinds(v) == ["header", "body", "body", "body"]
    assert v.hierarchy is None


def test_a_bold_status_line_is_no_heading() -> None:
    assert not is_heading(TextLine("Sangat Baik", page=3, bold=True), RULES.vocabulary)
    assert not is_heading(TextLine("Tercapai", page=3, bold=True), RULES.vocabulary)
    assert is_heading(TextLine("Capaian Kinerja Organisasi", page=3, bold=True), RULES.vocabulary)


# -- a table of words only: every row with text of its own is a record -------

RENSTRA = [
    ["Tujuan", "Sasaran", "Kebijakan", "Program"],
    ["1. Terwujudnya ruang terbuka hijau", "Penataan RTH", "Pengendalian kawasan lindung", "Pemeliharaan RTH"],
    ["", "Data base", "", ""],
    ["2. Berkembangnya wilayah", "Pemeliharaan lampu hias", "Terpeliharanya lampu taman", "Pengelolaan Areal"],
]


def test_numbered_rows_of_a_table_without_figures_are_records() -> None:
    """A group row carries no figures where the other rows carry them; in a
    table with no figures at all (Tujuan | Sasaran | Kebijakan | Program) a
    numbered Tujuan starts a record, as does each Sasaran under it."""
    assert kinds(view(RENSTRA)) == ["header", "body", "body", "body"]


def test_a_numbered_heading_over_rows_with_figures_stays_a_group() -> None:
    spec = [
        ["Sasaran", "Indikator", "Target"],
        ["1. Terwujudnya ruang terbuka hijau", SPAN, SPAN],
        ["", "Luas RTH", "12"],
        ["", "Taman terpelihara", "4"],
    ]
    assert kinds(view(spec)) == ["header", "group", "body", "body"]
