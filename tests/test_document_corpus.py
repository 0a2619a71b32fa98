"""The whole-document rules (DOC) on the real reports beyond Jombang (whose
findings test_jombang_findings.py holds): the defects a reviewer found, and
silence on the sentences that name their years and periods correctly."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.audit import load_ruleset
from tests.corpus_cache import audited_cached, read_cached

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
        "jombang-inspektorat-rkt-2020.pdf",
    ],
)
def test_reports_without_such_defects_stay_quiet(corpus_dir: Path, name: str) -> None:
    assert _doc_findings(corpus_dir / name) == set()


def test_renstra_cites_one_regulation_with_two_years(corpus_dir: Path) -> None:
    # p7 "Permendagri Nomor 90 tahun 2019 tentang Klasifikasi, kodefikasi dan nomenklatur ...";
    # the list of regulations on p9 gives the same title as "Nomor 90 Tahun 2020 tentang tentang ..."
    assert _doc_findings(corpus_dir / "jombang-inspektorat-renstra-2018-2023.pdf") == {
        ("DOC010", 9, "Nomor 90 Tahun 2020", "Nomor 90 Tahun 2019")
    }


def test_kemensos_only_the_verified_structure_findings(corpus_dir: Path) -> None:
    # line 1364: the Perjanjian Kinerja 2019 appendix puts the SDM Kesos indicator
    # under sasaran 1; every other table of sasaran and indicators under sasaran 2.
    # line 119: "pelaksanaan 8 program" while Bab II and Bab III list 7 programmes
    # line 145: "Peraturan Presiden Nomor 46 tahun 2016 tentang Kementerian Sosial",
    # lines 154 and 164 cite it as "Nomor 46 tahun 2015" (the Perpres of 2015)
    assert _doc_findings(corpus_dir / "kemensos-lakip-2018.md") == {
        ("DOC008", None, "8", "7"),
        ("DOC010", None, "Nomor 46 Tahun 2016", "Nomor 46 Tahun 2015"),
        (
            "DOC007",
            None,
            "Menurunkan jumlah penduduk miskin dan rentan",
            "Penyelenggaraan kesejahteraan sosial yang profesional",
        ),
    }


def test_jombang_staff_tables_are_read_as_one_population(corpus_dir: Path) -> None:
    # Tabel 1.1 (golongan), 1.2 (pendidikan) and 1.3 (jabatan, 7 + 62 + 5) each come to 74:
    # the three are compared, and agree (DOC012 stays silent in the exact set of Jombang's findings)
    from auditor.audit import table_views
    from auditor.checks.breakdowns import breakdowns

    doc = read_cached(corpus_dir / "jombang-inspektorat-lkjip-2022.pdf")
    found = breakdowns(RULES.get("DOC012"), table_views(doc, RULES))
    assert [(b.dimension, b.totals["jumlah"][0]) for b in found] == [
        ("golongan", 74),
        ("pendidikan", 74),
        ("jabatan", 74),
    ]
    assert len({b.population for b in found}) == 1
