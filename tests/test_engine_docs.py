"""Engine documentation is generated from the engine list and must not drift from it."""

from __future__ import annotations

from pathlib import Path

from auditor.checks.engine_docs import engines_markdown
from auditor.checks.registry import ENGINE_NAMES, ENGINES

DOCS = Path(__file__).resolve().parents[1] / "docs" / "engines.md"


def test_docs_are_generated_from_the_engine_list() -> None:
    expected = engines_markdown(ENGINES) + "\n"
    assert DOCS.read_text(encoding="utf-8") == expected, "regenerate: audit engines --format markdown > docs/engines.md"


def test_every_engine_is_named_once_and_documented() -> None:
    assert len(set(ENGINE_NAMES)) == len(ENGINE_NAMES)
    for engine in ENGINES:
        assert engine.scope in ("table", "document"), engine.name
        assert engine.doc, engine.name
