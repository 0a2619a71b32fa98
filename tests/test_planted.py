"""Planted cross-document inconsistencies are found, with all their places,
in the text export and in PDFs rendered from it; the consistent report
yields no error."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "fixtures"))

from plant import CONSISTENT, PLANTS, Plant, line_of, planted  # noqa: E402
from render_pdf import render  # noqa: E402

from auditor.audit import audit_document, load_ruleset  # noqa: E402
from auditor.readers import read_document  # noqa: E402

RULES = load_ruleset()


def _audit(path: Path):
    doc = read_document(path)
    return doc, audit_document(doc, RULES, RULES.rules)


def test_consistent_report_has_no_error(tmp_path: Path) -> None:
    _, findings = _audit(CONSISTENT)
    assert [f for f in findings if f.severity == "error"] == []


@pytest.mark.parametrize("plant", PLANTS, ids=lambda p: p.name)
def test_planted_inconsistency_is_found_with_every_place(plant: Plant, tmp_path: Path) -> None:
    text = planted(plant.name)
    path = tmp_path / "planted.md"
    path.write_text(text, encoding="utf-8")
    _, findings = _audit(path)
    hits = [f for f in findings if f.rule == plant.rule and f.printed == plant.printed]
    assert len(hits) == 1, [(f.rule, f.printed) for f in findings]
    assert plant.expected in (None, hits[0].expected)
    lines = [loc.line for loc in hits[0].locations]
    want = [line_of(text, needle) for needle in plant.places]
    assert lines[0] == want[0]
    assert set(want) <= set(lines)


@pytest.mark.parametrize("layout", ["ruled", "borderless"])
@pytest.mark.parametrize("plant", PLANTS, ids=lambda p: p.name)
def test_planted_inconsistency_is_found_in_the_pdf(plant: Plant, layout: str, tmp_path: Path) -> None:
    pdf = tmp_path / f"{plant.name}-{layout}.pdf"
    render(planted(plant.name), pdf, layout)
    _, findings = _audit(pdf)
    hits = [
        f for f in findings if f.rule == plant.rule and f.printed.replace(" ", "") == plant.printed.replace(" ", "")
    ]
    assert len(hits) == 1, [(f.rule, f.printed) for f in findings]
    assert plant.expected in (None, hits[0].expected)
    assert all(loc.page is not None for loc in hits[0].locations)
    assert len(hits[0].locations) >= len(plant.places)
