"""Per-rule cases (tests/rule_cases/CODE.yaml), run by one harness.

Each case is a small table as printed (`table:`, cells separated by " | ")
or a whole small text-export document (`text:`: paragraphs as lines, tables
as tab-separated lines, headings with '#'), plus the findings the rule must
give: none for consistent cases, exactly the listed ones for broken
variants. A listed finding names the fields it is matched on: `row` and
`column` of a table cell, `line` of the text, `printed`, `expected`,
`table`, and `severity` (the rule's own severity unless given). A rule
that gathers what other rules found (NUM002) names them in `with:`; they
are selected alongside it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from auditor.audit import audit_document, load_ruleset
from auditor.findings.records import Finding
from auditor.readers.text_export import read_text_export

CASE_DIR = Path(__file__).parent / "rule_cases"
RULESET = load_ruleset()


def table_to_export(table: str) -> str:
    rows = [line.split("|") for line in table.strip("\n").splitlines()]
    return "Tabel uji\n\n" + "\n".join("\t".join(c.strip() for c in row) for row in rows) + "\n"


def _cases() -> list[pytest.param]:
    out = []
    for path in sorted(CASE_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append(pytest.param(data["rule"], case, id=f"{data['rule']}-{case['name']}"))
    return out


def _document(case: dict) -> str:
    if "text" in case:
        return case["text"].replace("\\t", "\t")
    return table_to_export(case["table"])


def _fields(f: Finding) -> dict[str, object]:
    loc = f.locations[0]
    return {
        "row": loc.row,
        "column": loc.column,
        "line": loc.line,
        "table": loc.table,
        "printed": f.printed,
        "expected": f.expected,
        "severity": f.severity,
    }


@pytest.mark.parametrize(("code", "case"), _cases())
def test_rule_case(code: str, case: dict, tmp_path: Path) -> None:
    doc = read_text_export(tmp_path / "case.md", _document(case), "0")
    rule = RULESET.get(code)
    assert rule is not None
    peers = [RULESET.get(c) for c in case.get("with", [])]
    assert all(peers), case.get("with")
    findings = [f for f in audit_document(doc, RULESET, [rule, *peers]) if f.rule == code]
    assert not doc.warnings
    want = [{"severity": rule.severity, **w} for w in case["findings"]]
    got = [{k: v for k, v in _fields(f).items() if k in w} for f, w in zip(findings, want, strict=False)]
    assert len(findings) == len(want), [_fields(f) for f in findings]
    assert got == want


def test_every_rule_has_a_passing_and_a_failing_case() -> None:
    have: dict[str, set[bool]] = {}
    for param in _cases():
        code, case = param.values
        have.setdefault(code, set()).add(bool(case["findings"]))
    for rule in RULESET.rules:
        if rule.code in PDF_PAGE_RULES:
            continue
        assert have.get(rule.code) == {True, False}, f"{rule.code} needs a passing and a failing case"


PDF_PAGE_RULES = {"DOC009"}
"""Rules about PDF pages that could not be read: a text export has no pages,
so their failing cases are PDFs, in tests/test_ocr.py."""
