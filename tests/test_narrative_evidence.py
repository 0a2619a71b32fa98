"""Numbers in sentences are attributed only with evidence.

Each case is a sentence of the kind real reports print (beside the table it
speaks of, where it needs one) that a reading by proximity would misread: a
point change read as a percentage change, a gap read as a target, a formula
number or a count read as a capaian, a count compared with a percentage, a
share of something that is not its base. All rules run; the misread number
must not be reported, and the truly wrong variant, where there is one, must.
"""

from __future__ import annotations

from pathlib import Path

from auditor.audit import audit_document, load_ruleset
from auditor.findings.records import Finding
from auditor.readers.text_export import read_text_export

RULES = load_ruleset()


def _table(rows: list[str]) -> str:
    return "\n".join("\t".join(c.strip() for c in r.split("|")) for r in rows) + "\n"


def _audit(text: str, tmp_path: Path) -> list[Finding]:
    doc = read_text_export(tmp_path / "r.md", text, "0")
    return audit_document(doc, RULES, RULES.rules, "id")


def _about(findings: list[Finding], printed: str) -> list[Finding]:
    return [f for f in findings if f.printed and f.printed.replace("%", "").strip() == printed]


def test_a_point_change_is_the_difference_of_the_two_figures(tmp_path: Path) -> None:
    text = (
        "Indeks Gini perkotaan menurun sebesar 0,005 poin dari 0,344 pada tahun 2020 menjadi 0,339 pada tahun 2021.\n\n"
        "Indeks Gini perdesaan meningkat 0,007 poin dari 0,250 pada tahun 2020 menjadi 0,257 pada tahun 2021.\n"
    )
    assert _audit(text, tmp_path) == []
    wrong = text.replace("0,005 poin", "0,050 poin")
    assert _about(_audit(wrong, tmp_path), "0,050")


TARGETS = _table(
    [
        "No | Indikator | Target | Realisasi | Capaian (%)",
        "1 | Persentase kemantapan jalan provinsi | 86,29 | 76,37 | 88,50",
        "2 | Persentase jaringan irigasi kondisi baik | 70,00 | 72,10 | 103,00",
    ]
)


def test_a_gap_between_target_and_realisasi_is_not_the_target(tmp_path: Path) -> None:
    text = (
        "Tabel 3.2 Capaian Kinerja\n\n" + TARGETS + "\n"
        "Target kemantapan jalan provinsi tahun 2021 sebesar 86,29% sedangkan realisasinya 76,37%, "
        "sehingga terjadi penurunan target kinerja sebesar 9,92%.\n"
    )
    assert _audit(text, tmp_path) == []


def test_a_formula_number_and_a_count_of_areas_are_not_capaian(tmp_path: Path) -> None:
    table = _table(
        [
            "No | Indikator | Target | Realisasi | Capaian (%)",
            "1 | Jumlah sampah per TPST (ton per hari) | 18 | 25 | 61,11",
            "2 | Persentase wilayah kecamatan terlayani persampahan | 5 | 4,23 | 84,60",
        ]
    )
    text = (
        "Tabel 3.1 Capaian Kinerja\n\n" + table + "\n"
        "Capaian indikator jumlah sampah per TPST dihitung dengan rumus ke 2, karena semakin tinggi "
        "realisasi makin rendah capaian.\n\n"
        "Pelayanan persampahan baru mencakup 11 wilayah kecamatan dari target Renstra yaitu 13 kecamatan.\n"
    )
    findings = _audit(text, tmp_path)
    assert not _about(findings, "2") and not _about(findings, "13") and not _about(findings, "11")
    assert [f for f in findings if f.severity == "error"] == []


def test_a_count_is_never_compared_with_a_percentage(tmp_path: Path) -> None:
    table = _table(
        [
            "No | Indikator | Target | Realisasi | Capaian (%)",
            "1 | Persentase desa mandiri | 15,00 | 16,50 | 110,00",
        ]
    )
    text = (
        "Tabel 3.1 Capaian Kinerja\n\n" + table + "\n"
        "Realisasi indikator persentase desa mandiri pada tahun 2021 sebanyak 33 desa dari 200 desa.\n"
    )
    findings = _audit(text, tmp_path)
    assert [f for f in findings if f.severity == "error"] == []
    assert not _about(findings, "33")


def test_a_share_is_checked_only_against_its_base(tmp_path: Path) -> None:
    # "dari 4.000 orang" is the base of 450 orang: a share that is wrong
    wrong = "Sebanyak 450 orang atau 9,20% dari 4.000 orang peserta telah dilatih.\n"
    (f,) = _about(_audit(wrong, tmp_path), "9,20")
    assert f.expected and f.expected.startswith("11,25")
    # "dari tahun 2020", "dari 12 kabupaten" are no base of the 450 orang
    for text in (
        "Sebanyak 450 orang atau meningkat 9,20% dari tahun 2020 telah dilatih.\n",
        "Sebanyak 450 orang atau 9,20% dari seluruh peserta berasal dari 12 kabupaten.\n",
        "Jumlah peserta 450 orang, naik 9,20% dari 412 orang pada tahun sebelumnya.\n",
    ):
        assert _about(_audit(text, tmp_path), "9,20") == [], text
