"""The narrative, claim and structure rules on the real Kementerian Sosial
report: every finding they give there, each checked by hand.

Findings (line of the checked figure, printed, expected), recomputed:
- NAR007 line 465 (the sentence begins on line 461, before a page break):
  "sebanyak 43.800 orang atau meningkat 1,291% dibandingkan target 2018
  sebanyak 3.392 orang". 43.800 / 3.392 x 100 = 1.291,27, so "1,291%" is
  the new target as a percentage of the old one (a comma before three
  digits: 1.291); the increase is (43.800 - 3.392) / 3.392 x 100 = 1.191,27%.
  Read as 1,291 (a decimal) it fits neither the increase nor the ratio.
- NAR001 line 649: "jumlah masyarakat terdampak bencana ... adalah
  120.339.000 orang, dan dari jumlah tersebut ... adalah 618.519 jiwa atau
  6,04%": 618.519 / 120.339.000 x 100 = 0,514, not 6,04. The table below it
  (lines 652-654) prints the population 10.239.000, with which 618.519 /
  10.239.000 x 100 = 6,04: the sentence's population is wrong.
- NAR001 line 754: "2.538 orang atau 15,18% dari populasi sebanyak 393.916
  orang": 2.538 / 393.916 x 100 = 0,644, not 15,18 (15,18% of 393.916 would
  be 59.796 persons).
- STR002 line 837: the PSKS perorangan table prints "TKSK 7.160 100", "PSM
  1.585 100" and "TKSK 120 100"; the text above it (line 802) names TKSK, PSM
  and Pekerja Sosial, and 7.160 + 1.585 + 120 = 8.865 is the total of line
  832: the third row is Pekerja Sosial, mislabelled TKSK.
- STR001 line 1044: the Reformasi Birokrasi table prints the row
  "Kelembagaan" twice (lines 1043 and 1044), the texts differing only in
  "Kemensos." / "Kemensos" and "Lansia)." / "Lansia) .".

Sentences the rules check and find consistent (verified by the same hand
recomputation, and each made to fail by the mutations below):
- line 357 (NAR002): target 0,8%, realisasi 1,61%, capaian 201,24%:
  1,61 / 0,8 x 100 = 201,25; 201,24 is reached within the rounding of 0,8
  (1,61 / 0,80004 = 201,24).
- lines 119 and 280 (NAR003): 41.295.742.086.000 + 2.097.394.843.000 =
  43.393.136.929.000.
- line 170 (NAR004): 1.625 + 2.279 = 3.904 orang.
- line 791 (NAR005): (100 + 98,05) / 2 = 99,025 -> 99,03.
- line 975 (NAR001): 41.233.321.127.944 / 43.393.136.929.000 x 100 = 95,02.
- claims about tables (CLM002, CLM003): line 99 "2 sasaran strategis" and
  line 112 "Dari 5 indikator ... 2 indikator belum memenuhi target ... 3
  indikator lainnya melebihi target" (the summary table: 197,50, 323,75,
  141,47 above 100; 75,90 and 61,90 below); line 245 "2 Sasaran Strategis";
  line 269 "2 Sasaran Strategis dengan 5 Indikator"; line 280 "7 program"
  (the PROGRAM | ANGGARAN table; "33 kegiatan" has no table in its section);
  line 326 "3 indikator realisasinya sama dan/atau melebihi target ... 2
  indikator realisasinya belum sesuai"; line 343 "diukur melalui 2
  indikator" (the table below, without its Rata-rata row); line 740
  "didukung oleh 3 indikator".
- headings (STR003): every heading that states the year of the report's
  results names 2018 (line 1446 "CAPAIAN KINERJA KEMENTERIAN SOSIAL TAHUN
  2018"); "PERJANJIAN KINERJA TAHUN 2019" and the road-map headings "TAHUN
  2015 :" ... are about other years on purpose.
- "X KK atau Y jiwa" (NAR009, lines 409 and 701-708) is not checked: the
  report states no persons-per-household ratio ("maksimal 4 orang per
  keluarga", line 451, is a limit).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.audit import audit_document, load_ruleset
from auditor.readers import read_document
from auditor.readers.text_export import read_text_export

RULES = load_ruleset()
MINE = ["NAR", "CLM", "STR"]
REPORT = "kemensos-lakip-2018.md"

VERIFIED = {
    ("NAR007", 465, "1,291%", "1.191"),
    ("NAR001", 649, "6,04%", "0,51"),
    ("NAR001", 754, "15,18%", "0,64"),
    ("STR002", 837, "TKSK", None),
    ("STR001", 1044, "Kelembagaan", None),
}


def _findings(path: Path, text: str | None = None) -> list:
    doc = read_document(path) if text is None else read_text_export(path, text, "0")
    findings = audit_document(doc, RULES, RULES.selected(MINE, None))
    assert not doc.warnings
    return findings


def _keys(findings: list) -> set[tuple[str, int | None, str | None, str | None]]:
    return {(f.rule, f.locations[0].line, f.printed, f.expected) for f in findings}


def test_kemensos_narrative_findings_are_the_verified_ones(corpus_dir: Path) -> None:
    assert _keys(_findings(corpus_dir / REPORT)) == VERIFIED


def test_findings_point_at_the_sentence_and_the_cells(corpus_dir: Path) -> None:
    by_key = {(f.rule, f.locations[0].line): f for f in _findings(corpus_dir / REPORT)}
    share = by_key[("NAR001", 754)]
    assert [(loc.line, loc.text) for loc in share.locations] == [(754, "15,18%"), (754, "2.538"), (754, "393.916")]
    assert "2.538 / 393.916 x 100 = 0,64" in share.message
    ratio = by_key[("NAR007", 465)]
    assert ratio.severity == "warning" and [loc.text for loc in ratio.locations] == ["1,291%", "3.392", "43.800"]
    label = by_key[("STR002", 837)]
    assert {(loc.line, loc.table, loc.column) for loc in label.locations} >= {(837, "T23", 1), (835, "T23", 1)}


# (line, printed text, changed to, finding the change must give)
MUTATIONS = [
    (119, "Rp43.393.136.929.000,-", "Rp43.393.136.930.000,-", ("NAR003", 119, "Rp43.393.136.930.000,-", "43.393.136.929.000")),
    (170, "2.279 orang di kantor", "2.289 orang di kantor", ("NAR004", 170, "3.904", "3.914")),
    (357, "201,24%", "231,24%", ("NAR002", 357, "231,24%", "201,25")),
    (791, "99,03%", "98,03%", ("NAR005", 791, "98,03%", "89,35")),
    (975, "95,02%", "96,02%", ("NAR001", 975, "96,02%", "95,02")),
    (112, "3 indikator lainnya", "4 indikator lainnya", ("CLM002", 112, "4", "3")),
    (326, "2 indikator realisasinya", "tiga indikator realisasinya", ("CLM002", 326, "tiga", "2")),
    (343, "melalui 2 indikator", "melalui 3 indikator", ("CLM003", 343, "3", "2")),
    (280, "7 program", "8 program", ("CLM003", 280, "8", "7")),
    (269, "5 Indikator Kinerja Utama", "enam Indikator Kinerja Utama", ("CLM003", 269, "enam", "5")),
    (99, "ditetapkan 2 sasaran", "ditetapkan tiga sasaran", ("CLM003", 99, "tiga", "2")),
    (1446, "TAHUN 2018", "TAHUN 2017", ("STR003", 1446, "2017", "2018")),
]  # fmt: skip


@pytest.mark.parametrize(("line", "old", "new", "want"), MUTATIONS, ids=[m[3][0] + f"-{m[0]}" for m in MUTATIONS])
def test_consistent_sentences_are_checked(
    corpus_dir: Path, tmp_path: Path, line: int, old: str, new: str, want: tuple
) -> None:
    """Each consistent sentence of the report is really recomputed: changing
    one of its figures gives exactly one new finding, the expected one."""
    lines = (corpus_dir / REPORT).read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    got = _keys(_findings(tmp_path / REPORT, "\n".join(lines)))
    assert got - VERIFIED == {want}
