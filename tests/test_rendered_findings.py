"""The same rules on the same report, read from its text export and from PDFs
rendered from it (ruled and borderless): the findings must be the same, so a
reviewer's result does not depend on the format the report arrives in."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

from render_pdf import render

from auditor.audit import audit_document, load_ruleset
from auditor.readers import read_document
from tests.corpus_cache import audited_cached

RULES = load_ruleset()


def _findings(path: Path) -> set[tuple[str, str, str | None]]:
    found = audited_cached(path, RULES.rules).findings
    return {(f.rule, (f.printed or "").replace(" ", ""), f.expected) for f in found}


@pytest.mark.parametrize("layout", ["ruled", "borderless"])
def test_rendered_corpus_gives_the_text_findings(
    corpus_dir: Path, layout: str, rendered_pdf: Callable[[Path, str], Path]
) -> None:
    source = corpus_dir / "kemensos-lakip-2018.md"
    from_text = _findings(source)
    from_pdf = _findings(rendered_pdf(source, layout))
    assert len(from_text) >= 20
    assert from_pdf == from_text


@pytest.mark.parametrize("seed", [3, 5, 6, 9])
def test_generated_reports_rendered_borderless_raise_no_error(seed: int, tmp_path: Path) -> None:
    """Consistent generated reports, printed in the borderless layout, where
    extraction is hardest (centred group headers, wide grade cells that split
    a column, group labels printed once, totals cut off by a page break):
    none of it may surface as an error."""
    from generate_report import generate

    pdf = tmp_path / f"generated-{seed}.pdf"
    render(generate(seed).text, pdf, "borderless")
    doc = read_document(pdf)
    errors = [(f.rule, f.printed) for f in audit_document(doc, RULES, RULES.rules) if f.severity == "error"]
    assert errors == []
