"""Rows that are not additive are never summed, and repeated labels of an
inventory are not duplicates (all rules run on each small table)."""

from __future__ import annotations

from pathlib import Path

from auditor.audit import audit_document, load_ruleset
from auditor.findings.records import Finding
from auditor.readers.text_export import read_text_export

RULES = load_ruleset()


def _audit(rows: list[str], tmp_path: Path, title: str = "Tabel uji") -> list[Finding]:
    text = f"{title}\n\n" + "\n".join("\t".join(c.strip() for c in r.split("|")) for r in rows) + "\n"
    doc = read_text_export(tmp_path / "t.md", text, "0")
    return audit_document(doc, RULES, RULES.rules, "en")


def _errors(findings: list[Finding]) -> list[tuple[str, str | None]]:
    return [(f.rule, f.printed) for f in findings if f.severity == "error"]


def test_a_ratio_row_is_not_summed(tmp_path: Path) -> None:
    rows = [
        "Uraian | 2020 | 2021",
        "Pendapatan | 1.000.000 | 1.200.000",
        "Belanja | 800.000 | 900.000",
        "Rasio belanja terhadap pendapatan (%) | 80,00 | 75,00",
        "Jumlah | 1.800.000 | 2.100.000",
    ]
    assert _errors(_audit(rows, tmp_path)) == []
    # a total wrong even without the ratio row is still reported
    wrong = [*rows[:-1], "Jumlah | 1.900.000 | 2.100.000"]
    assert [p for r, p in _errors(_audit(wrong, tmp_path)) if r == "SUM001"] == ["1.900.000"]


def test_a_year_on_year_increase_row_is_not_summed(tmp_path: Path) -> None:
    rows = [
        "Uraian | 2019 | 2020 | 2021",
        "Kunjungan wisatawan | 1.000 | 1.100 | 1.320",
        "% PENINGKATAN | - | 10,00 | 20,00",
        "Jumlah kunjungan | 1.000 | 1.100 | 1.320",
    ]
    assert _errors(_audit(rows, tmp_path)) == []


def test_an_index_and_an_average_row_are_not_summed(tmp_path: Path) -> None:
    rows = [
        "Komponen | Bobot | Nilai",
        "Perencanaan | 30 | 25,00",
        "Pengukuran | 25 | 20,00",
        "Pelaporan | 15 | 12,00",
        "Evaluasi | 30 | 20,00",
        "Rata-rata | 25,00 | 19,25",
        "Indeks komposit | | 77,00",
        "Total | 100 | 77,00",
    ]
    assert _errors(_audit(rows, tmp_path)) == []


def test_the_last_row_before_a_total_is_a_body_row(tmp_path: Path) -> None:
    # "e. Capaian Kinerja" closes the list but is one of its items: 62,79 adds up
    rows = [
        "Komponen | Bobot | Nilai",
        "a. Perencanaan Kinerja | 35 | 22,43",
        "b. Pengukuran Kinerja | 20 | 16,72",
        "c. Pelaporan Kinerja | 15 | 9,11",
        "d. Evaluasi Internal | 10 | 6,06",
        "e. Capaian Kinerja | 20 | 8,47",
        "Nilai Hasil Evaluasi | 100 | 62,79",
    ]
    assert _errors(_audit(rows, tmp_path)) == []
    # under a JUMLAH label the same rows are checked, and a wrong total is found
    assert _errors(_audit([*rows[:-1], "Jumlah | 100 | 62,79"], tmp_path)) == []
    assert ("SUM001", "65,79") in _errors(_audit([*rows[:-1], "Jumlah | 100 | 65,79"], tmp_path))


def test_a_total_whose_label_repeats_the_column_header_is_the_total(tmp_path: Path) -> None:
    rows = [
        "Program | Anggaran | Realisasi",
        "Program A | 1.000.000 | 900.000",
        "Program B | 2.000.000 | 1.800.000",
        "Program C | 3.000.000 | 2.400.000",
        "Anggaran | 6.000.000 | 5.100.000",
    ]
    assert _errors(_audit(rows, tmp_path)) == []


def test_receipts_above_the_budget_are_not_over_spending(tmp_path: Path) -> None:
    rows = [
        "Uraian | Anggaran | Realisasi | %",
        "Pendapatan Asli Daerah | 1.000.000 | 1.050.000 | 105,00",
        "PENERIMAAN PEMBIAYAAN | 200.000 | 260.000 | 130,00",
        "SiLPA Tahun Sebelumnya | 200.000 | 260.000 | 130,00",
    ]
    findings = _audit(rows, tmp_path)
    assert _errors(findings) == []
    assert [f for f in findings if f.severity != "info"] == []
    # spending above its budget is still reported
    spent = [
        *rows[:1],
        "Belanja Pegawai | 1.000.000 | 1.050.000 | 105,00",
        "Belanja Barang | 500.000 | 400.000 | 80,00",
    ]
    assert [(f.rule, f.printed) for f in _audit(spent, tmp_path)] == [("UNI001", "105,00")]


def test_an_inventory_keyed_by_another_column_has_no_duplicates(tmp_path: Path) -> None:
    rows = [
        "No | Nama Barang | Tahun Perolehan | Jumlah | Nilai (Rp)",
        "1 | Laptop | 2018 | 2 | 24.000.000",
        "2 | Laptop | 2019 | 3 | 36.000.000",
        "3 | Laptop | 2020 | 1 | 13.000.000",
        "4 | Printer | 2018 | 2 | 6.000.000",
        "5 | Printer | 2020 | 2 | 6.000.000",
        "6 | Meja kerja | 2018 | 10 | 15.000.000",
    ]
    findings = _audit(rows, tmp_path)
    assert [f for f in findings if f.rule in ("STR001", "STR002")] == []


def test_repeated_labels_give_at_most_one_warning_per_table(tmp_path: Path) -> None:
    rows = [
        "No | Kegiatan | Target | Realisasi",
        "1 | Pembinaan | 10 | 9",
        "2 | Pembinaan | 12 | 11",
        "3 | Pembinaan | 14 | 13",
        "4 | Pengawasan | 50 | 45",
        "5 | Pengawasan | 60 | 40",
    ]
    repeated = [f for f in _audit(rows, tmp_path) if f.rule == "STR002"]
    assert len(repeated) <= 1
    if repeated:
        assert "Pembinaan" in repeated[0].message and "Pengawasan" in repeated[0].message
