"""The whole-document rules (DOC) on the real reports beyond Jombang (whose
findings test_jombang_findings.py holds): the defects a reviewer found, and
silence on the sentences that name their years and periods correctly."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.audit import load_ruleset
from tests.corpus_cache import audited_cached

RULES = load_ruleset()


def _doc_findings(path: Path) -> set[tuple[str, int | None, str | None, str | None]]:
    # DOC009 lists pages not read (scanned covers), not a defect of the text
    found = audited_cached(path, RULES.selected(["DOC"], ["DOC009"])).findings
    return {(f.rule, f.locations[0].page, f.printed, f.expected) for f in found}


def test_cianjur_first_year_of_the_renstra(corpus_dir: Path) -> None:
    # p29 "Tahun 2011 adalah tahun pertama dari implementasi Renstra ... 2012-2016"
    assert ("DOC003", 29, "2011", "2012") in _doc_findings(corpus_dir / "cianjur-dkp-lakip-2015.pdf")


def test_cianjur_list_of_parks_across_a_page_break(corpus_dir: Path) -> None:
    # p28-29: 26 parks and monuments "N. name : area", closed by "JUMLAH : 92.685 M2";
    # the areas add to 91.685 (the page number and footer of p28 stand between items 20 and 21)
    assert ("DOC006", 29, "92.685", "91.685") in _doc_findings(corpus_dir / "cianjur-dkp-lakip-2015.pdf")


@pytest.mark.parametrize(
    "name",
    [
        # "tahun 2021 merupakan tahun ketiga periode RPJMD ... Tahun 2019 – 2023" is right
        "sumut-lkjip-2021.pdf",
        "jombang-inspektorat-renstra-2018-2023.pdf",
        "jombang-inspektorat-rkt-2020.pdf",
    ],
)
def test_reports_without_such_defects_stay_quiet(corpus_dir: Path, name: str) -> None:
    assert _doc_findings(corpus_dir / name) == set()


def test_kemensos_only_the_verified_structure_findings(corpus_dir: Path) -> None:
    # line 1364: the Perjanjian Kinerja 2019 appendix puts the SDM Kesos indicator
    # under sasaran 1; every other table of sasaran and indicators under sasaran 2.
    # line 119: "pelaksanaan 8 program" while Bab II and Bab III list 7 programmes
    assert _doc_findings(corpus_dir / "kemensos-lakip-2018.md") == {
        ("DOC008", None, "8", "7"),
        (
            "DOC007",
            None,
            "Menurunkan jumlah penduduk miskin dan rentan",
            "Penyelenggaraan kesejahteraan sosial yang profesional",
        )
    }
