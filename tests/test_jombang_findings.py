"""Findings on the real LKjIP Inspektorat Kabupaten Jombang 2022 (PDF), each
verified by hand against the printed pages:

- page 24, Tabel 3.2: Nilai Evaluasi AKIP PD is printed as realisasi
  "Nilai A (82,92)" with capaian 98,30%; 82,92 / 83 x 100 = 99,90, and every
  other table (pages 29, 31, 33, 39) prints the realisasi as 81,59, which
  gives 98,30 (82,92 is the 2021 value, page 31). One defect, one finding:
  the wrong realisasi (XRF001), with the capaian that CAP001 could not
  recompute from it as evidence, not a CAP001 "capaian should be 99,90".
- pages 43-44, Lampiran realisasi anggaran: the % of the three programmes is
  87,2 / 70,16 / 84,01, but 11.534.782.463 / 12.281.319.513 = 93,92,
  524.058.289 / 630.395.770 = 83,13 and 382.861.036 / 441.438.630 = 86,73
  (the values Bab III prints on pages 39-40).
- page 24, the sentence under Tabel 3.2: "semua realisasi indikator telah
  mencapai target ... 100% bahkan lebih" while the table prints capaian
  94,24% (Maturitas SPIP) and 98,30% (Nilai Evaluasi AKIP PD).
- page 24: "terdapat satu sasaran strategis dengan 3 indikator" while the
  table lists two sasaran strategis.
- page 35, after Tabel 3.6: "lebih unggul 0,13 poin" for Maturitas SPIP
  1,157 vs 1,141 (0,016; the table's 3,157 vs 3,141 also give 0,016), and
  "lebih unggul ... 7,45 poin" for AKIP PD 81,59 vs 72,14 (9,45).
- page 22, the Bab III opening of this 2022 report: "kinerja selama Tahun
  2021" and "diperjanjikan pada Tahun 2021"; page 40, after Tabel 3.8 (TA
  2022): "rata-rata capaian anggaran tahun 2023 sebesar 93,17%".
- page 25: "Hasil Nilai Evaluasi AKIP PD ... dengan nilai 3,157 (A)": every
  table gives AKIP PD 81,59; 3,157 is the Maturitas SPIP score.
- page 35: Maturitas SPIP "tercapai 1,157" and Jawa Timur "1,141", where
  Tabel 3.6 prints 3,157 and 3,141 (the first digit changed).
- page 4, Ringkasan Eksekutif: "1 (satu) sasaran dengan ... 3 (tiga)
  indikator ... dalam dokumen Perjanjian Kinerja", while Tabel 2.1 (the
  Perjanjian Kinerja, p20) numbers two sasaran (1. and 2.).
- page 28, SAKIP component weights: EVALUASI AKUNTABILITAS KINERJA INTERNAL
  is 25,00 while its criteria print 5,00 + 7,50 + 5,00 = 17,50; the three
  other components add up (6 + 9 + 15 = 30, 6 + 9 + 15 = 30, 3 + 4,5 + 7,5
  = 15).
- the sasaran of the indicators (DOC007): Tabel 2.1 (p20) names sasaran 1
  (Maturitas SPIP, Kapabilitas APIP) "Meningkatnya Akuntabilitas dan Kinerja
  Perangkat Daerah", the name of sasaran 2, where Tabel 3.2, 3.3, 3.4, 3.5,
  3.6, 3.8, 3.9, 3.10 and 3.12 call it "Meningkatnya hasil pengawasan yang
  berkualitas dan akuntabel"; Tabel 3.4 (p31), 3.10 (p41) and 3.12 (p43)
  print Nilai Evaluasi AKIP PD under sasaran 1, the seven others under
  sasaran 2 (seen on the page images).
- page 43, after Tabel 3.12: "dikurangi ketersediaan Sumber Daya Manusia
  sebanyak 329 unit atau 78,52%": page 42 gives 329 unit / 78,52% to the
  sarana dan prasarana, page 41 gives Sumber Daya Manusia 74 orang / 80,44%
  (DOC013).
- page 34, Tabel 3.6: the Keterangan of the Kapabilitas APIP row says
  "Dibandingkan dengan Nilai Maturitas SPIP Provinsi Jawa Timur", the
  remark of the Maturitas SPIP row above (STR005).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.audit import load_ruleset
from auditor.readers.ocr.settings import usable_languages
from tests.corpus_cache import audited_cached

VERIFIED = {
    ("XRF001", 24, "Nilai A (82,92)", "Nilai A (81,59)"),
    ("ANG001", 43, "87,2", "93,92"),
    ("ANG001", 44, "70,16", "83,13"),
    ("ANG001", 44, "84,01", "86,73"),
    ("CLM001", 24, "semua realisasi indikator telah mencapai target", None),
    ("CLM003", 24, "satu", "2"),
    ("DOC001", 35, "0,13", "0,016"),
    ("DOC001", 35, "7,45", "9,45"),
    ("DOC002", 22, "2021", "2022"),
    ("DOC002", 40, "2023", "2022"),
    ("DOC004", 25, "3,157", None),
    ("DOC004", 35, "1,157", "3,157"),
    ("DOC004", 35, "1,141", "3,141"),
    ("DOC005", 4, "1 (satu)", "2"),
    ("DOC013", 43, "329 unit atau 78,52%", None),
    ("STR005", 34, "Dibandingkan dengan Nilai Maturitas SPIP Provinsi Jawa Timur", None),
    # the sasaran of the indicators, printed in nine tables (DOC007)
    (
        "DOC007",
        20,
        "Meningkatnya Akuntabilitas dan Kinerja Perangkat Daerah",
        "Meningkatnya hasil pengawasan yang berkualitas dan akuntabel",
    ),
    (
        "DOC007",
        31,
        "Meningkatnya hasil pengawasan yang berkualitas Dan akuntabel",
        "Meningkatnya Akuntabilitas dan Kinerja Perangkat Daerah",
    ),
    (
        "DOC007",
        41,
        "Meningkatnya hasil pengawasan yang berkualitas dan akuntabel",
        "Meningkatnya Akuntabilitas dan Kinerja Perangkat Daerah",
    ),
    (
        "DOC007",
        43,
        "Meningkatnya hasil pengawasan yang berkualitas dan akuntabel",
        "Meningkatnya Akuntabilitas dan Kinerja Perangkat Daerah",
    ),
    # component weights: the three other bold components equal the sum of
    # their criteria, EVALUASI AKUNTABILITAS KINERJA INTERNAL does not
    ("SUM003", 28, "25,00", "17,50"),
    # the cover page is a scan: listed as not read (info)
    ("DOC009", 1, None, None),
}
if usable_languages("ind+eng") is not None:
    # page 26, the SPIP maturity table printed as an image (read by OCR, so
    # a warning): Lingkungan Pengendalian 30,00% x 2,850 is 0,855, printed
    # 0,842; every other row has Bobot = Nilai / Skor x 100
    VERIFIED.add(("REL001", 26, "30.00%", "29.54"))


@pytest.fixture(scope="module")
def findings(corpus_dir: Path):
    result = audited_cached(corpus_dir / "jombang-inspektorat-lkjip-2022.pdf", load_ruleset().rules)
    return result.document, result.findings


def test_jombang_findings_are_the_verified_ones(findings) -> None:
    _, found = findings
    assert {(f.rule, f.locations[0].page, f.printed, f.expected) for f in found} == VERIFIED


def test_the_wrong_realisasi_carries_its_capaian_as_evidence(findings) -> None:
    _, found = findings
    (xrf,) = [f for f in found if f.rule == "XRF001"]
    wrong = xrf.locations[0]
    capaian = [loc for loc in xrf.locations if loc.text.strip() == "98,30%"]
    assert [(c.page, c.table, c.row) for c in capaian] == [(wrong.page, wrong.table, wrong.row)]
    assert "CAP001" in xrf.message and "99,90" not in xrf.message


def test_a_pair_under_another_subject_names_both_subjects_and_the_own_figures(findings) -> None:
    _, found = findings
    (doc013,) = [f for f in found if f.rule == "DOC013"]
    assert [(loc.page, loc.text) for loc in doc013.locations] == [(43, "329"), (42, "329"), (41, "74")]
    assert "Sumber Daya Manusia" in doc013.message and "sarana dan prasarana" in doc013.message
    assert "74 orang atau 80,44%" in doc013.message


def test_a_remark_naming_another_indicator_points_at_both_rows(findings) -> None:
    _, found = findings
    (str005,) = [f for f in found if f.rule == "STR005"]
    remark, other = str005.locations
    assert remark.row != other.row and other.text == "Maturitas SPIP"
    assert "Kapabilitas APIP" in str005.message and "Maturitas SPIP Provinsi Jawa Timur" in str005.message


def test_pdf_findings_carry_page_and_bounding_box(findings) -> None:
    doc, found = findings
    for f in found:
        for loc in f.locations:
            assert loc.page is not None and loc.line is None
            assert loc.bbox is not None
            page = doc.pages[loc.page - 1]
            x0, top, x1, bottom = loc.bbox
            assert 0 <= x0 < x1 <= page.width + 1 and 0 <= top < bottom <= page.height + 1


@pytest.mark.parametrize("name", ["jombang-inspektorat-renstra-2018-2023.pdf", "jombang-inspektorat-rkt-2020.pdf"])
def test_planning_documents_run_quietly(corpus_dir: Path, name: str) -> None:
    """Planning documents (Renstra, RKT) hold targets, not results: the only
    finding allowed is the verified one in the Renstra's staff table (page 13:
    golongan III prints 8 + 10 + 6 + 10 under JUMLAH 38; the row adds to 34)
    and the Renstra's budget sentence on page 39, "Tahun Anggaran 2018 sebesar
    Rp. 15.902842.397,-", an amount with a six-digit group (NUM001), and a
    warning on the Renstra's Tabel 2.7 (page 19): its rasio capaian is
    realisasi / target x 100 on the other rows (91,55 / 95,20 = 96,17;
    55,89 / 60 = 93,15; 11,32 / 10,53 = 108), but for the Zona Integritas
    indicator 3,77 / 7,02 x 100 = 53,70 is printed 50% (REL001); and the
    Renstra's list of regulations (page 9) citing Permendagri Nomor 90
    "Tahun 2020" where page 7 cites the same title as "tahun 2019" (DOC010)."""
    found = audited_cached(corpus_dir / name, load_ruleset().rules).findings
    got = {(f.rule, f.locations[0].page, f.printed, f.expected) for f in found}
    allowed = {
        ("SUM004", 13, "38", "34"),
        ("NUM001", 39, "Rp. 15.902842.397,-", None),
        ("REL001", 19, "50%", "53,70"),
        ("DOC010", 9, "Nomor 90 Tahun 2020", "Nomor 90 Tahun 2019"),
        ("DOC009", 1, None, None),  # the Renstra's cover is a scan, listed as not read (info)
    }
    assert got <= allowed
