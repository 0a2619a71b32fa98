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
