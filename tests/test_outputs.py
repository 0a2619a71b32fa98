"""Reviewer and CI outputs, parsed back from what each format wrote.

Real inputs: one text export and one PDF of the shared corpus, each audited
once in-process (auditing a PDF takes seconds) and rendered in every format.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

from auditor.audit import audit_document, load_ruleset
from auditor.findings.result import AuditResult
from auditor.readers import read_document
from auditor.reporters import sarif_report

SCHEMA = Path(__file__).resolve().parent / "schemas" / "sarif-schema-2.1.0.json"


def audit(path: Path, lang: str = "id") -> AuditResult:
    """What ``audit PATH`` computes before any reporter runs."""
    ruleset = load_ruleset()
    rules = ruleset.selected([], [])
    doc = read_document(path)
    findings = audit_document(doc, ruleset, rules, lang)
    return AuditResult(document=doc, findings=findings, lang=lang, warnings=doc.warnings, rules=rules)


@pytest.fixture(scope="module")
def pdf_result(corpus_dir: Path) -> AuditResult:
    return audit(corpus_dir / "jombang-inspektorat-lkjip-2022.pdf")


@pytest.fixture(scope="module")
def text_result(corpus_dir: Path) -> AuditResult:
    return audit(corpus_dir / "kemensos-lakip-2018.md")


def render(reporter, result: AuditResult) -> str:
    buf = io.StringIO()
    reporter(result, buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    return jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


@pytest.mark.parametrize("which", ["pdf_result", "text_result"])
def test_sarif_is_valid_against_the_2_1_0_schema(which: str, request, sarif_validator) -> None:
    result: AuditResult = request.getfixturevalue(which)
    assert result.findings, "a real report with no finding would not exercise the locations"
    data = json.loads(render(sarif_report.report, result))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_validator.iter_errors(data)]
    assert errors == []


def test_sarif_pdf_locations_name_the_page_without_inventing_lines(pdf_result: AuditResult) -> None:
    data = json.loads(render(sarif_report.report, pdf_result))
    results = data["runs"][0]["results"]
    assert len(results) == len(pdf_result.findings)
    for res, f in zip(results, pdf_result.findings, strict=True):
        loc = res["locations"][0]
        assert "region" not in loc["physicalLocation"]
        assert loc["properties"]["page"] == f.locations[0].page
        assert loc["logicalLocations"][0]["name"].startswith(f"p{f.locations[0].page}")
        assert loc["message"]["text"].startswith("Halaman ")
    assert data["runs"][0]["artifacts"][0]["hashes"]["sha-256"] == pdf_result.document.sha256


def test_sarif_text_export_regions_have_lines(text_result: AuditResult) -> None:
    data = json.loads(render(sarif_report.report, text_result))
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in data["runs"][0]["results"]]
    assert lines == [f.locations[0].line for f in text_result.findings]
    assert all(isinstance(n, int) and n >= 1 for n in lines)


def test_the_schema_rejects_a_region_without_a_line(sarif_validator) -> None:
    # the bug this guards against: a PDF region that had only a snippet
    bad = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "x"}},
                "results": [
                    {
                        "message": {"text": "m"},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": "a.pdf"},
                                    "region": {"snippet": {"text": "1"}},
                                }
                            }
                        ],
                    }
                ],
            }
        ],
    }
    assert not sarif_validator.is_valid(bad)
