"""The tuple table finder against pdfplumber's ``TableFinder``: the same cells.

``lattice.ruled_cells`` replays pdfplumber's default finder step by step;
a ruled table's grid is built from the cells it gives, so the cells (their
floats, their order, their grouping into tables) must be pdfplumber's.
Compared on every page of the corpus and the shipped examples, with and
without the shading the reader leaves out, and on random rules drawn to
meet, nearly meet, overlap and be snapped together.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.table import TableFinder, TableSettings

from auditor.readers.pdfium_page import PdfiumPage, plain_page
from auditor.readers.pdftables.lattice import ruled_cells
from auditor.readers.pdftables.unruled import is_shading

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "fixtures" / "examples").glob("*.pdf"))


def _pdfplumber_cells(page: PdfiumPage) -> list[list[tuple[float, ...]]]:
    return [t.cells for t in TableFinder(page, TableSettings.resolve(None)).tables]  # type: ignore[arg-type]


def _pages(path: Path) -> list[PdfiumPage]:
    doc = pypdfium2.PdfDocument(path)
    try:
        pages = []
        for k in range(len(doc)):
            page = doc[k]
            try:
                if plain_page(page):
                    pages.append(PdfiumPage.read(page))
            finally:
                page.close()
        return pages
    finally:
        doc.close()


def _assert_same_cells(page: PdfiumPage, where: str) -> None:
    for rules in (page, page.filter(lambda o: not is_shading(o))):
        assert ruled_cells(rules.lines, rules.rects, rules.curves) == _pdfplumber_cells(rules), where
        assert [t.cells for t in rules.find_tables()] == _pdfplumber_cells(rules), where


@pytest.mark.parametrize(
    "name",
    [
        "jombang-inspektorat-lkjip-2022.pdf",
        "sumut-lkjip-2021.pdf",
        "cianjur-dkp-lakip-2015.pdf",
        "jombang-inspektorat-renstra-2018-2023.pdf",
        "jombang-inspektorat-rkt-2020.pdf",
    ],
)
def test_corpus_pages_give_pdfplumbers_cells(corpus_dir: Path, name: str) -> None:
    for k, page in enumerate(_pages(corpus_dir / name)):
        _assert_same_cells(page, f"{name} p{k + 1}")


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_pages_give_pdfplumbers_cells(path: Path) -> None:
    for k, page in enumerate(_pages(path)):
        _assert_same_cells(page, f"{path.name} p{k + 1}")


HEIGHT = 200.0
# Coordinates on a coarse grid with small offsets: rules that meet exactly,
# fall within the snap, join and crossing tolerances, or just outside them.
_coord = st.builds(lambda g, d: g * 10.0 + d, st.integers(0, 15), st.sampled_from([0.0, 0.4, 1.0, 2.9, 3.0, 3.1, 6.5]))


def _shape(kind: str, x0: float, y0: float, x1: float, y1: float, **extra: object) -> dict:
    """A path dict as the PDFium page shapes it (PDF space y0/y1 given)."""
    return {
        "object_type": kind, "x0": x0, "x1": x1, "y0": y0, "y1": y1,
        "top": HEIGHT - y1, "bottom": HEIGHT - y0, "doctop": HEIGHT - y1,
        "width": x1 - x0, "height": y1 - y0, **extra,
    }  # fmt: skip


@st.composite
def _line(draw: st.DrawFn) -> dict:
    x, y, length = draw(_coord), draw(_coord), draw(_coord)
    diagonal = draw(st.sampled_from([0.0, 0.0, 0.0, 2.0]))
    if draw(st.booleans()):
        return _shape("line", x, min(y, y + diagonal), x + length, max(y, y + diagonal))
    return _shape("line", min(x, x + diagonal), y, max(x, x + diagonal), y + length)


@st.composite
def _rect(draw: st.DrawFn) -> dict:
    x, y, w, h = draw(_coord), draw(_coord), draw(_coord), draw(_coord)
    return _shape("rect", x, y, x + w, y + h)


@st.composite
def _curve(draw: st.DrawFn) -> dict:
    pts = draw(st.lists(st.tuples(_coord, _coord), min_size=2, max_size=5))
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return _shape("curve", min(xs), min(ys), max(xs), max(ys), pts=[(x, HEIGHT - y) for x, y in pts])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_line(), max_size=25),
    st.lists(_rect(), max_size=12),
    st.lists(_curve(), max_size=4),
)
def test_random_rules_give_pdfplumbers_cells(lines: list[dict], rects: list[dict], curves: list[dict]) -> None:
    page = PdfiumPage(400.0, HEIGHT, {"char": [], "rect": rects, "line": lines, "curve": curves, "image": []})
    assert ruled_cells(lines, rects, curves) == _pdfplumber_cells(page)


def test_unplain_coordinates_are_left_to_pdfplumber() -> None:
    nan = float("nan")
    lines = [_shape("line", 0.0, 10.0, 100.0, 10.0), _shape("line", 0.0, 50.0, 100.0, 50.0)]
    lines += [_shape("line", x, 10.0, x, 50.0) for x in (0.0, 50.0, 100.0)]
    lines.append(_shape("line", nan, 30.0, nan, 90.0))
    page = PdfiumPage(400.0, HEIGHT, {"char": [], "rect": [], "line": lines, "curve": [], "image": []})
    assert ruled_cells(lines, [], []) is None
    assert [t.cells for t in page.find_tables()] == _pdfplumber_cells(page)
