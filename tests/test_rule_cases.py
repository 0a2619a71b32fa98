"""Per-rule cases (tests/rule_cases/CODE.yaml), run by one harness.

Each case is a small table as printed plus the findings the rule must give:
none for consistent tables, exactly the listed ones for broken variants.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from auditor.audit import audit_document
from auditor.readers.text_export import read_text_export
from auditor.ruleset import load_ruleset

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


@pytest.mark.parametrize(("code", "case"), _cases())
def test_rule_case(code: str, case: dict, tmp_path: Path) -> None:
    text = table_to_export(case["table"])
    doc = read_text_export(tmp_path / "case.md", text, "0")
    rule = RULESET.get(code)
    assert rule is not None
    findings = audit_document(doc, RULESET, [rule])
    got = [
        {
            "row": f.locations[0].row,
            "column": f.locations[0].column,
            "printed": f.printed,
            "expected": f.expected,
            "severity": f.severity,
        }
        for f in findings
    ]
    want = [{"severity": rule.severity, **w} for w in case["findings"]]
    assert got == want


def test_every_rule_has_a_passing_and_a_failing_case() -> None:
    have: dict[str, set[bool]] = {}
    for param in _cases():
        code, case = param.values
        have.setdefault(code, set()).add(bool(case["findings"]))
    for rule in RULESET.rules:
        assert have.get(rule.code) == {True, False}, f"{rule.code} needs a passing and a failing case"
