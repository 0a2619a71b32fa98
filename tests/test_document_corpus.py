"""The whole-document rules (DOC) on the real reports beyond Jombang (whose
findings test_jombang_findings.py holds): the defects a reviewer found, and
silence on the sentences that name their years and periods correctly."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.audit import audit_document, load_ruleset
from auditor.readers import read_document

RULES = load_ruleset()


def _doc_findings(path: Path) -> set[tuple[str, int | None, str | None, str | None]]:
    doc = read_document(path)
    # DOC006 lists pages not read (scanned covers), not a defect of the text
    found = audit_document(doc, RULES, RULES.selected(["DOC"], ["DOC006"]))
    return {(f.rule, f.locations[0].page, f.printed, f.expected) for f in found}


def test_cianjur_first_year_of_the_renstra(corpus_dir: Path) -> None:
    # p29 "Tahun 2011 adalah tahun pertama dari implementasi Renstra ... 2012-2016"
    assert ("DOC003", 29, "2011", "2012") in _doc_findings(corpus_dir / "cianjur-dkp-lakip-2015.pdf")


@pytest.mark.parametrize(
    "name",
    [
        # "tahun 2021 merupakan tahun ketiga periode RPJMD ... Tahun 2019 – 2023" is right
        "sumut-lkjip-2021.pdf",
        "jombang-inspektorat-renstra-2018-2023.pdf",
        "jombang-inspektorat-rkt-2020.pdf",
        "kemensos-lakip-2018.md",
    ],
)
def test_reports_without_such_defects_stay_quiet(corpus_dir: Path, name: str) -> None:
    assert _doc_findings(corpus_dir / name) == set()
