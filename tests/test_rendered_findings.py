"""The same rules on the same report, read from its text export and from PDFs
rendered from it (ruled and borderless): the findings must be the same, so a
reviewer's result does not depend on the format the report arrives in."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

from render_pdf import render

from auditor.audit import audit_document
from auditor.readers import read_document
from auditor.ruleset import load_ruleset

RULES = load_ruleset()


def _findings(path: Path) -> set[tuple[str, str, str | None]]:
    doc = read_document(path)
    return {(f.rule, (f.printed or "").replace(" ", ""), f.expected) for f in audit_document(doc, RULES, RULES.rules)}


@pytest.mark.parametrize("layout", ["ruled", "borderless"])
def test_rendered_corpus_gives_the_text_findings(corpus_dir: Path, layout: str, tmp_path: Path) -> None:
    source = corpus_dir / "kemensos-lakip-2018.md"
    pdf = tmp_path / f"kemensos-{layout}.pdf"
    render(source.read_text(encoding="utf-8"), pdf, layout)
    from_text = _findings(source)
    from_pdf = _findings(pdf)
    assert len(from_text) >= 20
    assert from_pdf == from_text
