"""Rule documentation is generated from rules/ and must not drift from it."""

from __future__ import annotations

from pathlib import Path

from auditor.audit import load_ruleset
from auditor.rulesets.docs import rules_markdown

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def test_docs_are_generated_from_the_rule_files() -> None:
    expected = rules_markdown(load_ruleset().rules, "id") + "\n"
    assert DOCS.read_text(encoding="utf-8") == expected, "regenerate: audit rules --format markdown > docs/rules.md"


def test_every_rule_is_documented_in_both_languages() -> None:
    for rule in load_ruleset().rules:
        assert rule.explain, rule.code
        assert {"id", "en"} <= set(rule.messages), rule.code
        assert rule.title["en"] != rule.code, rule.code
