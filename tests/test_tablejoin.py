"""A total printed as its own one-row table below the table it closes."""

from __future__ import annotations

from pathlib import Path

from auditor.audit import audit_document, load_ruleset
from auditor.readers.text_export import read_text_export

SOURCE = """Tabel 2.3 Anggaran Program

PROGRAM\tANGGARAN
Program A\tRp. 1.000.000
Program B\tRp. 2.000.000

<b>JUMLAH</b>\t<b>Rp. {total}</b>

Paragraf sesudah tabel.
"""


def _findings(total: str, tmp_path: Path, between: str = ""):
    text = SOURCE.format(total=total)
    if between:
        text = text.replace("\n\n<b>JUMLAH", f"\n\n{between}\n\n<b>JUMLAH")
    doc = read_text_export(tmp_path / "r.md", text, "0")
    rules = load_ruleset()
    return doc, audit_document(doc, rules, rules.selected(["SUM"], None))


def test_stray_total_table_is_checked_against_the_table_above(tmp_path: Path) -> None:
    doc, findings = _findings("3.500.000", tmp_path)
    assert len(doc.tables) == 2
    assert [(f.rule, f.printed, f.expected) for f in findings] == [("SUM001", "Rp. 3.500.000", "3.000.000")]
    assert findings[0].locations[0].line == 7
    assert [loc.line for loc in findings[0].locations[1:]] == [4, 5]


def test_consistent_stray_total_passes(tmp_path: Path) -> None:
    assert _findings("3.000.000", tmp_path)[1] == []


def test_text_between_keeps_tables_apart(tmp_path: Path) -> None:
    assert _findings("3.500.000", tmp_path, between="Sumber: DIPA 2018")[1] == []
