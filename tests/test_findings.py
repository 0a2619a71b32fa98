"""Fingerprints: stable across edits elsewhere, and never shared by two
distinct findings (a baseline accepting one must not accept the other)."""

from __future__ import annotations

from pathlib import Path

from auditor.audit import audit_document, load_ruleset
from auditor.findings.records import Finding, distinct_fingerprints
from auditor.model import Location
from auditor.readers.text_export import read_text_export


def _finding(row: int) -> Finding:
    loc = Location(page=3, line=None, table="T1", row=row, column=1, text="Taman")
    return Finding("STR001", "warning", f"row {row}", None, "Taman", (loc,), meaning=("Tabel", "Taman", "URAIAN"))


def test_distinct_findings_of_one_meaning_get_distinct_fingerprints() -> None:
    a, b = _finding(11), _finding(17)
    assert a.fingerprint == b.fingerprint  # the meaning alone does not tell them apart
    out = distinct_fingerprints([a, b, a])
    assert len(out) == 2  # an exact repeat is one finding
    assert out[0].fingerprint == a.fingerprint  # the first keeps its fingerprint
    assert out[1].fingerprint != out[0].fingerprint


def test_a_row_duplicated_twice_gives_two_fingerprints(tmp_path: Path) -> None:
    text = "Tabel uji\n\nURAIAN\tLUAS\n" + "".join(
        f"{label}\t{area}\n" for label, area in (("Taman Kota", "120"), ("Taman Hias", "80"), ("Taman Kota", "120"),
                                                 ("Alun-alun", "300"), ("Taman Kota", "120"))
    )  # fmt: skip
    rules = load_ruleset()
    doc = read_text_export(tmp_path / "r.md", text, "0")
    findings = audit_document(doc, rules, rules.selected(["STR001"], None))
    assert [f.locations[0].row for f in findings] == [4, 6]
    assert len({f.fingerprint for f in findings}) == 2
