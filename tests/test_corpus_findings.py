"""The findings on the real Kementerian Sosial report, each checked by hand.

Every entry below was recomputed from the printed figures:
- line 108: 90,03 / 70 x 100 = 128,61, not 141,47 (Bab III prints 99,03).
- line 554: 0,53 + 6,04 + 1,21 = 7,78, not 7,33.
- line 571: 425.447 + 278.365 + 475.294 + 27.066.275 + 8.847.365 = 37.092.746.
- line 1379: the seven 2019 programme budgets add up to 58.544.609.036.000.
- line 1403: 47.054.091.791 / 47.693.365.000 x 100 = 98,66, not 98,68.
- line 1440: the 39 kegiatan realisations add up to 41.234.132.871.044
  (the printed TOTAL is 10.000.000.000 higher).
- line 1453: the appendix repeats 90,03 against 70 with capaian 141,47.
- line 777 (info): the LKS table prints counts (1.313, 2.483) and their
  percentages (3,79%, 7,18%) on two lines of one row, in the same columns.

Cross-references (each copy looked up by hand):
- line 357: the narrative of "Persentase penurunan penduduk miskin" gives
  realisasi 1,61% and capaian 201,24%; every table (summary, Bab III,
  appendix) and line 364 print 1,58 and 197,50 (1,58 / 0,80 = 197,50).
- line 548: "realisasi penurunan penduduk rentan sebesar 2.40"; tables and
  line 535 print 2,59.
- line 1326: the PK 2018 appendix budgets Program Pemberdayaan Sosial at
  Rp. 484.580.177.000; Bab II (line 285) and the Bab III budget table
  (line 980) print 498.505.882.000.
- line 1449: the appendix table headed REALISASI 2018 | TARGET 2019 prints
  the 2018 targets (0,8 ... 70) under REALISASI 2018 and the 2018
  realisations (1,58 ... 90,03) under TARGET 2019.
- line 975: "pagu anggaran sebesar Rp43.393.136.929.000 telah direalisasi
  sebesar Rp41.233.321.127.944"; the budget tables' TOTAL realisasi is
  41.234.142.871.044 (lines 985 and 1440).
- line 1467: the appendix prints realisasi 90,03 for the PSKS indicator;
  Bab III (line 745) prints 99,03, which its capaian 141,47 = 99,03 / 70
  confirms.

The sasaran of the indicators (DOC007):
- line 1364: the Perjanjian Kinerja 2019 appendix prints "Persentase SDM
  Kesejahteraan Sosial yang tersertifikasi" under sasaran 1 "Menurunkan
  jumlah penduduk miskin dan rentan"; the seven other tables of sasaran and
  indicators (lines 103, 247, 271, 330, 1313, 1448, 1462) put it under
  "Penyelenggaraan kesejahteraan sosial yang profesional".

Counts against the whole document (DOC008):
- line 119: the Ringkasan Eksekutif says "pelaksanaan 8 program dalam APBN
  Kementerian Sosial tahun 2018"; the programme table of Bab II (line 283,
  whose TOTAL is the pagu akhir 43.393.136.929.000) and the budget table of
  Bab III (line 978) both list 7 programmes.

A regulation cited two ways (DOC010):
- line 145: "Peraturan Presiden Nomor 46 tahun 2016 tentang Kementerian
  Sosial"; lines 154 and 164 cite the same title as "Nomor 46 tahun 2015"
  (Perpres 46/2015 is the one on the Kementerian Sosial).
"""

from __future__ import annotations

from pathlib import Path

from auditor.audit import audit_document, load_ruleset
from auditor.readers import read_document

VERIFIED = {
    ("CAP001", 108, "141,47%", "128,61"),
    ("SUM001", 554, "7,33", "7,78"),
    ("SUM002", 571, "37.092.747", "37.092.746"),
    ("SUM001", 1379, "Rp. 58.906.458.379.000", "58.544.609.036.000"),
    ("ANG001", 1403, "98,68", "98,66"),
    ("SUM001", 1440, "41.234.142.871.044", "41.234.132.871.044"),
    ("CAP001", 1453, "141,47", "77,75"),
    ("UNI004", 777, "3,79%", None),
    ("UNI004", 777, "7,18%", None),
    ("XRF001", 357, "1,61%", "1,58"),
    ("XRF001", 357, "201,24%", "197,50%"),
    ("XRF001", 548, "2.40", "2,59"),
    ("XRF001", 1326, "Rp. 484.580.177.000", "498.505.882.000"),
    ("XRF002", 1449, "0,8, 0,8, 20, 11,60, 70", None),
    ("XRF002", 1449, "1,58, 2,59, 15,18, 7,18, 90,03", None),
    ("XRF001", 975, "Rp41.233.321.127.944", "Rp. 41.234.142.871.044"),
    ("XRF001", 1467, "90,03", "99,03%"),
    ("DOC008", 119, "8", "7"),
    ("DOC010", 145, "Nomor 46 Tahun 2016", "Nomor 46 Tahun 2015"),
    (
        "DOC007",
        1364,
        "Menurunkan jumlah penduduk miskin dan rentan",
        "Penyelenggaraan kesejahteraan sosial yang profesional",
    ),
}


def test_kemensos_findings_are_the_verified_ones(corpus_dir: Path) -> None:
    rules = load_ruleset()
    doc = read_document(corpus_dir / "kemensos-lakip-2018.md")
    findings = audit_document(doc, rules, rules.selected(None, ["NAR", "CLM", "STR"]))
    got = {(f.rule, f.locations[0].line, f.printed, f.expected) for f in findings}
    assert got == VERIFIED
    assert not doc.warnings


def test_total_finding_lists_every_part(corpus_dir: Path) -> None:
    rules = load_ruleset()
    doc = read_document(corpus_dir / "kemensos-lakip-2018.md")
    f = next(f for f in audit_document(doc, rules, rules.rules) if f.locations[0].line == 1440)
    assert len(f.locations) == 40  # the total and its 39 parts, over both pages of the table
    assert {loc.line for loc in f.locations[1:]} >= {1392, 1439}
    assert f.locations[0].column_header == "REALISASI Rp."
