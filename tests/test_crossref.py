"""Cross-references on small documents: each kind of drift, and no noise."""

from __future__ import annotations

from pathlib import Path

from auditor.audit import audit_document, load_ruleset
from auditor.readers.text_export import read_text_export

REPORT = """# LAPORAN KINERJA TAHUN 2022

# RINGKASAN EKSEKUTIF

SASARAN STRATEGIS\tINDIKATOR\tTARGET\tREALISASI\tCAPAIAN
Menurunkan kemiskinan\tPersentase penurunan penduduk miskin\t0,80\t1,58\t197,50%
\tPersentase Penurunan Penduduk Rentan\t0,80\t2,59\t323,75%
Kesejahteraan sosial\tPersentase SDM Kesos yang tersertifikasi\t20\t15,18\t75,90%

# BAB III AKUNTABILITAS KINERJA

INDIKATOR KINERJA\tTARGET 2022\tREALISASI\tCAPAIAN
Persentase penurunan jumlah penduduk miskin\t0,80\t1,58\t197,50
Persentase penurunan jumlah penduduk rentan\t0,80\t2,59\t323,75
Persentase Sumber Daya Manusia (SDM) Kesejahteraan Sosial yang Tersertifikasi\t20%\t15,18\t75,90

#### 1. Persentase penurunan penduduk miskin

Target indikator ini pada tahun 2022 adalah 0,8% dan realisasi dari indikator ini adalah 1,58% sehingga didapatkan angka capaian sebesar 197,50%.

# LAMPIRAN

INDIKATOR\tREALISASI 2022\tTARGET 2023\t%
Persentase penurunan penduduk miskin\t1,58\t1,00\t158
Persentase penurunan penduduk rentan\t2,59\t1,00\t259
Persentase SDM Kesos yang tersertifikasi\t15,18\t30,00\t50,60
"""


def _xrf(text: str, tmp_path: Path) -> list:
    doc = read_text_export(tmp_path / "r.md", text, "0")
    rules = load_ruleset()
    return audit_document(doc, rules, rules.selected(["XRF"], None))


def test_consistent_report_has_no_cross_reference_finding(tmp_path: Path) -> None:
    assert _xrf(REPORT, tmp_path) == []


def test_narrative_copy_that_drifted(tmp_path: Path) -> None:
    text = REPORT.replace("realisasi dari indikator ini adalah 1,58%", "realisasi dari indikator ini adalah 1,61%")
    (f,) = _xrf(text, tmp_path)
    assert (f.rule, f.printed, f.expected) == ("XRF001", "1,61%", "1,58")
    assert f.locations[0].line == 19 and f.locations[0].table is None
    # every copy is listed: summary, Bab III, appendix
    assert sorted(loc.table for loc in f.locations[1:]) == ["T1", "T2", "T3"]
    assert "1,58 (3x" in f.message and "1,61% (1x" in f.message


def test_table_copy_that_drifted_is_decided_by_majority_and_recomputation(tmp_path: Path) -> None:
    text = REPORT.replace("\t20\t15,18\t75,90%", "\t20\t16,18\t75,90%")
    (f,) = _xrf(text, tmp_path)
    assert (f.printed, f.expected) == ("16,18", "15,18")
    assert f.locations[0].table == "T1" and f.locations[0].row == 4
    assert "mendukung 15,18" in f.message


PK_2023 = """
# PERJANJIAN KINERJA TAHUN 2023

INDIKATOR\tTARGET
Persentase penurunan penduduk miskin\t1,00
Persentase penurunan penduduk rentan\t1,00
Persentase SDM Kesos yang tersertifikasi\t30

# RENCANA KINERJA TAHUNAN 2023

INDIKATOR KINERJA\tTARGET
Persentase penurunan penduduk miskin\t1,0
Persentase penurunan penduduk rentan\t1,0
Persentase SDM Kesos yang tersertifikasi\t30,0
"""


def test_header_that_does_not_fit_its_values(tmp_path: Path) -> None:
    swapped = REPORT.replace("INDIKATOR\tREALISASI 2022\tTARGET 2023\t%", "INDIKATOR\tTARGET 2023\tREALISASI 2022\t%")
    swapped += PK_2023
    findings = _xrf(swapped, tmp_path)
    assert [(f.rule, f.locations[0].table, f.locations[0].column) for f in findings] == [
        ("XRF002", "T3", 2),
        ("XRF002", "T3", 3),
    ]
    assert "realisasi 2022" in findings[0].message


def test_different_years_are_different_quantities(tmp_path: Path) -> None:
    assert _xrf(REPORT + PK_2023, tmp_path) == []


def test_rows_of_one_table_are_never_copies_of_each_other(tmp_path: Path) -> None:
    """A label printed on two rows of one table (two wrapped names cut to
    their first line) names two items, even when the table continues on
    another page: neither row is compared with the other."""
    text = """# LAPORAN KINERJA TAHUN 2015

# BAB III

NO\tPROGRAM\tTARGET\tREALISASI\t%
1\tProgram\t3.090.875.000,00\t3.073.563.517,00\t99,44
2\tPenyediaan Jasa\t46.500.000,00\t39.215.417,00\t84,33
3\tPenyediaan Jasa\t2.807.870.000,00\t2.807.870.000,00\t100,00
8\tProgram\t79.261.250,00\t72.811.250,00\t91,86
"""
    assert _xrf(text, tmp_path) == []
    # a row whose label is its own is still compared with another table
    other = (
        "\n# LAMPIRAN\n\nKEGIATAN\tTARGET\tREALISASI\tCAPAIAN\nRapat Koordinasi\t46.500.000,00\t39.215.471,00\t84,33\n"
    )
    drift = text.replace("2\tPenyediaan Jasa", "2\tRapat Koordinasi") + other
    assert [(f.rule, f.printed) for f in _xrf(drift, tmp_path)] == [("XRF001", "39.215.471,00")]


def _sentence_report(sentence: str) -> str:
    return REPORT.replace(
        "Target indikator ini pada tahun 2022 adalah 0,8% dan realisasi dari indikator ini adalah 1,58% "
        "sehingga didapatkan angka capaian sebesar 197,50%.",
        sentence,
    )


def test_a_count_with_its_own_noun_is_not_a_percentage(tmp_path: Path) -> None:
    text = _sentence_report(
        "Target pada dokumen Renstra yaitu 13 kecamatan, realisasi dari indikator ini adalah 1,58%."
    )
    assert _xrf(text, tmp_path) == []
    # without the noun the figure is the target, and it disagrees
    text = _sentence_report("Target pada dokumen Renstra yaitu 13, realisasi dari indikator ini adalah 1,58%.")
    assert [f.printed for f in _xrf(text, tmp_path)] == ["13"]


def test_an_ordinal_or_reference_is_not_a_figure(tmp_path: Path) -> None:
    for ref in ("rumus ke 2", "rumus ke-2", "Tabel 3", "Pasal 5", "nomor 2"):
        text = _sentence_report(f"Capaian indikator ini memakai {ref} yaitu 197,50%.")
        assert _xrf(text, tmp_path) == [], ref


def test_a_change_of_the_target_is_not_the_target(tmp_path: Path) -> None:
    text = _sentence_report("Terjadi penurunan target kinerja sebesar 0,2% dari target sebelum perubahan.")
    assert _xrf(text, tmp_path) == []
    text = _sentence_report("Terjadi target kinerja sebesar 0,2% dari target sebelum perubahan.")
    assert [f.printed for f in _xrf(text, tmp_path)] == ["0,2%"]


def test_capaian_of_the_indicator_itself_is_not_attributed(tmp_path: Path) -> None:
    """ "capaian penurunan penduduk miskin adalah 1,58%" is the level
    achieved (the realisasi), not the capaian ratio: no evidence which."""
    text = _sentence_report("Pada akhir tahun capaian penurunan penduduk miskin adalah sebesar 1,58%.")
    assert _xrf(text, tmp_path) == []
    text = _sentence_report("Pada akhir tahun capaian indikator ini adalah sebesar 1,58%.")
    assert [f.printed for f in _xrf(text, tmp_path)] == ["1,58%"]


def test_a_count_of_what_the_indicator_counts_is_its_value(tmp_path: Path) -> None:
    text = REPORT.replace("Persentase SDM Kesos yang tersertifikasi\t20\t", "Jumlah kecamatan terlayani\t20\t")
    text = text.replace(
        "Persentase Sumber Daya Manusia (SDM) Kesejahteraan Sosial yang Tersertifikasi", "Jumlah kecamatan terlayani"
    )
    text = text.replace("#### 1. Persentase penurunan penduduk miskin", "#### 1. Jumlah kecamatan terlayani")
    text = text.replace(
        "Target indikator ini pada tahun 2022 adalah 0,8% dan realisasi dari indikator ini adalah 1,58% "
        "sehingga didapatkan angka capaian sebesar 197,50%.",
        "Target jumlah kecamatan terlayani adalah 13 kecamatan.",
    )
    assert [f.printed for f in _xrf(text, tmp_path)] == ["13"]


def _all(text: str, tmp_path: Path) -> list:
    doc = read_text_export(tmp_path / "r.md", text, "0")
    rules = load_ruleset()
    return audit_document(doc, rules, rules.selected(["XRF", "CAP001"], None))


def test_a_wrong_input_is_one_finding_with_its_formula_as_evidence(tmp_path: Path) -> None:
    """Bab III prints realisasi 1,85 where every other place prints 1,58, and
    its capaian 197,50 = 1,58 / 0,80 x 100: the realisasi is the defect, so
    CAP001 ("capaian should be 231,25") is folded into the XRF001 finding."""
    text = REPORT.replace("jumlah penduduk miskin\t0,80\t1,58\t197,50", "jumlah penduduk miskin\t0,80\t1,85\t197,50")
    (f,) = _all(text, tmp_path)
    assert (f.rule, f.printed, f.expected) == ("XRF001", "1,85", "1,58")
    assert "231,25" not in f.message and "CAP001" in f.message and "yang keliru adalah 1,85" in f.message
    # the capaian cell is among the evidence
    assert ("T2", 2, 4) in {(loc.table, loc.row, loc.column) for loc in f.locations}
    # a capaian that the majority value does not explain either is its own defect
    text = text.replace("jumlah penduduk miskin\t0,80\t1,85\t197,50", "jumlah penduduk miskin\t0,80\t1,85\t150,00")
    assert sorted(f.rule for f in _all(text, tmp_path)) == ["CAP001", "XRF001", "XRF001"]


def test_a_table_continued_on_the_next_page_is_one_table(tmp_path: Path) -> None:
    """Same column headers at the head of the next page, nothing said in
    between: one table cut by the page break. A sentence between them, or a
    page in between, makes them two tables."""
    from dataclasses import replace

    from auditor.checks.crossref import _table_families
    from auditor.meaning.context import Sentence
    from auditor.meaning.semantics import TableView

    grid = "NO\tPROGRAM\tTARGET\tREALISASI\t%\n1\tProgram\t3.090.875.000,00\t3.073.563.517,00\t99,44\n"
    doc = read_text_export(tmp_path / "r.md", f"# BAB III\n\n{grid}\nTeks.\n\n{grid}\nTeks.\n\n{grid}", "0")
    vocab = load_ruleset().vocabulary
    pages = [(50, (50.0, 500.0, 550.0, 800.0)), (51, (50.0, 40.0, 550.0, 700.0)), (53, (50.0, 40.0, 550.0, 700.0))]
    views = [TableView(replace(t, page=p, bbox=b), vocab) for t, (p, b) in zip(doc.tables, pages, strict=True)]
    assert _table_families(views, []) == {"T1": "T1", "T2": "T1", "T3": "T3"}
    between = Sentence("Tabel berikut menyajikan realisasi program lainnya.", [], [0], (51, 20.0, 50.0))
    assert _table_families(views, [between])["T2"] == "T2"


BUDGETS = """# LAPORAN KINERJA TAHUN 2015

# BAB II PERENCANAAN KINERJA

NO\tPROGRAM\tANGGARAN 2015
1\tProgram Pengembangan Kinerja Pengelolaan Persampahan\t3.564.173.500
2\tProgram Pengembangan Kinerja Pengelolaan Persampahan (Banprov)\t1.458.000.000
3\tProgram Pengelolaan Ruang Terbuka Hijau\t5.294.409.800
\tJumlah\t10.316.583.300

# BAB III AKUNTABILITAS KINERJA

NO\tPROGRAM\tANGGARAN 2015\tREALISASI\t%
1\tProgram Pengembangan Kinerja Pengelolaan Persampahan\t{combined}\t4.979.049.500,00\t{pct}
2\tProgram Pengelolaan Ruang Terbuka Hijau\t5.294.409.800\t5.200.000.000\t98,22
"""


def test_a_copy_that_combines_two_rows_listed_apart_is_not_a_drift(tmp_path: Path) -> None:
    # 3.564.173.500 + 1.458.000.000: Bab III gives the programme with its Banprov share
    combined = BUDGETS.format(combined="5.022.173.500,00", pct="99,14")
    assert [f.rule for f in _xrf(combined, tmp_path)] == []
    drifted = BUDGETS.format(combined="3.664.173.500,00", pct="135,88")
    assert [(f.rule, f.printed) for f in _xrf(drifted, tmp_path)] == [("XRF001", "3.664.173.500,00")]
