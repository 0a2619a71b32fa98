"""Confidence: how sure a finding is of the figures it read, and --min-confidence.

Tables are read as text exports (the surest reading) and then marked as
another reader would have found them, so only the reading changes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.audit import audit_document, load_ruleset
from auditor.cli import main
from auditor.findings.confidence import at_least, lowest, source_confidence
from auditor.findings.records import Finding
from auditor.readers.text_export import read_text_export

RULESET = load_ruleset()

CAPAIAN = [
    "No | Indikator | Target | Realisasi | Capaian (%)",
    "1 | Indeks kepuasan | 70 | 90,03 | 141,47",
    "2 | Persentase layanan | 80 | 84,00 | 105,00",
]

# "Persen (%)" names no role: only REL001 checks it, from three other rows
FEW_ROWS = [
    "PROGRAM | PAGU | REALISASI | Persen (%)",
    "Program A | 1.000.000 | 900.000 | 90,00",
    "Program B | 2.000.000 | 1.500.000 | 75,00",
    "Program C | 4.000.000 | 3.000.000 | 75,00",
    "Program D | 5.000.000 | 4.000.000 | 90,00",
]


def _text(*tables: list[str]) -> str:
    parts = ["\n".join("\t".join(c.strip() for c in r.split("|")) for r in rows) for rows in tables]
    return "\n\n".join(f"Tabel {i + 1}\n\n{p}" for i, p in enumerate(parts)) + "\n"


def _audit(rows: list[str], tmp_path: Path, source: str = "text") -> list[Finding]:
    doc = read_text_export(tmp_path / "t.md", _text(rows), "0")
    for table in doc.tables:
        table.source = source
    return audit_document(doc, RULESET, RULESET.rules, lang="en")


def test_levels() -> None:
    assert lowest("high", "low", "medium") == "low"
    assert source_confidence("ruled") == source_confidence("text") == "high"
    assert source_confidence("text-aligned") == "medium"
    assert source_confidence("ocr") == "low"
    assert source_confidence("some-new-reader") == "medium"


@pytest.mark.parametrize(
    ("source", "level"), [("text", "high"), ("ruled", "high"), ("text-aligned", "medium"), ("ocr", "low")]
)
def test_a_table_finding_is_as_sure_as_the_tables_reading(tmp_path: Path, source: str, level: str) -> None:
    (f,) = [f for f in _audit(CAPAIAN, tmp_path, source) if f.rule == "CAP001"]
    assert f.printed == "141,47"
    assert f.confidence == level


def test_a_relation_few_rows_support_is_low(tmp_path: Path) -> None:
    (f,) = [f for f in _audit(FEW_ROWS, tmp_path) if f.rule == "REL001"]
    assert (f.printed, f.expected, f.severity, f.confidence) == ("90,00", "80,00", "warning", "low")


def test_a_relation_many_rows_support_is_medium(tmp_path: Path) -> None:
    rows = [*FEW_ROWS[:-1], "Program E | 3.000.000 | 2.400.000 | 80,00", FEW_ROWS[-1]]
    (f,) = [f for f in _audit(rows, tmp_path) if f.rule == "REL001"]
    assert (f.printed, f.severity, f.confidence) == ("90,00", "error", "medium")
    # on a borderless table it stays medium, on an OCR'd one it drops to low
    (g,) = [f for f in _audit(rows, tmp_path, "ocr") if f.rule == "REL001"]
    assert g.confidence == "low"


def test_at_least_filters(tmp_path: Path) -> None:
    findings = _audit(CAPAIAN, tmp_path) + _audit(FEW_ROWS, tmp_path)
    assert {f.confidence for f in findings} >= {"high", "low"}
    assert all(f.confidence == "high" for f in at_least(findings, "high"))
    assert at_least(findings, "low") == findings
    assert len(at_least(findings, "medium")) < len(findings)


def test_cli_min_confidence(tmp_path: Path) -> None:
    report = tmp_path / "r.md"
    report.write_text(_text(CAPAIAN, FEW_ROWS), encoding="utf-8")

    def rules(*extra: str) -> list[tuple[str, str]]:
        out = CliRunner().invoke(main, [str(report), "--format", "json", "--fail-on", "never", *extra])
        assert out.exit_code == 0, out.output
        return sorted((f["rule"], f["confidence"]) for f in json.loads(out.output)["findings"])

    everything = rules()
    assert ("CAP001", "high") in everything and ("REL001", "low") in everything
    assert rules("--min-confidence", "low") == everything
    assert ("REL001", "low") not in rules("--min-confidence", "medium")
    assert rules("--min-confidence", "high") == [f for f in everything if f[1] == "high"]
    bad = CliRunner().invoke(main, [str(report), "--min-confidence", "sure"])
    assert bad.exit_code == 2
