"""The annotated PDF, read back with pdfplumber: one mark per finding
location with a bounding box, placed over its cell, the page content untouched."""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Rectangle
from pypdf.generic import NameObject, NumberObject, RectangleObject

from auditor.findings.result import AuditResult
from auditor.reporters.annotate_pdf import COLOURS, annotate, to_pdf_space
from tests.test_outputs import CORPUS_DOCS, audit, audited

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "fixtures" / "examples" / "broken-report-ruled.pdf"


@functools.cache
def example_result() -> AuditResult:
    return audit(EXAMPLE)


def annotated(result: AuditResult, source: Path) -> tuple[bytes, int]:
    buf = io.BytesIO()
    added = annotate(result, source, buf)
    return buf.getvalue(), added


def _marks(data: bytes) -> dict[int, list[dict]]:
    """Our marks per page (a report may carry links or notes of its own)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return {
            p.page_number: [a for a in p.annots if (a["title"] or "").startswith("lakip-auditor")] for p in pdf.pages
        }


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """The share of box ``b`` that box ``a`` covers."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    area = (b[2] - b[0]) * (b[3] - b[1])
    return max(w, 0) * max(h, 0) / area if area else 0.0


def _check_marks(result: AuditResult, data: bytes) -> None:
    marks = _marks(data)
    located = [(f, loc) for f in result.findings for loc in f.locations if loc.bbox and loc.page]
    assert sum(len(m) for m in marks.values()) == len(located)
    for f, loc in located:
        on_page = [m for m in marks[loc.page] if m["contents"].startswith(f"{f.rule} ({f.severity})")]
        assert any(_overlap((m["x0"], m["top"], m["x1"], m["bottom"]), loc.bbox) > 0.95 for m in on_page), (
            f.rule,
            loc,
        )


def test_every_location_is_marked_over_its_cell() -> None:
    result = example_result()
    assert result.findings
    data, added = annotated(result, EXAMPLE)
    _check_marks(result, data)
    assert added == sum(1 for f in result.findings for loc in f.locations if loc.bbox)


def test_marks_carry_the_message_and_the_severity_colour() -> None:
    result = example_result()
    data, _ = annotated(result, EXAMPLE)
    marks = [m for page in _marks(data).values() for m in page]
    f = result.findings[0]
    first = next(m for m in marks if m["data"]["Subtype"].name == "Highlight" and f.message in m["contents"])
    red = tuple(int(COLOURS[f.severity][i : i + 2], 16) / 255 for i in (0, 2, 4))
    assert tuple(first["data"]["C"]) == pytest.approx(red)
    # the inputs are outlined, not highlighted
    assert {m["data"]["Subtype"].name for m in marks} == {"Highlight", "Square"}


def test_the_page_content_is_untouched() -> None:
    data, _ = annotated(example_result(), EXAMPLE)
    before, after = PdfReader(str(EXAMPLE)), PdfReader(io.BytesIO(data))
    assert len(before.pages) == len(after.pages)
    for a, b in zip(before.pages, after.pages, strict=True):
        assert a.get_contents().get_data() == b.get_contents().get_data()
        assert a.extract_text() == b.extract_text()


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
@pytest.mark.parametrize("mediabox", [(0, 0, 595, 842), (30, 40, 642, 832)])
def test_boxes_land_where_pdfplumber_measures_them(rotation: int, mediabox: tuple[int, ...]) -> None:
    """Rotated pages and media boxes away from the origin: the top-left box
    a reader measured comes back as the same box."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    page.mediabox = RectangleObject(mediabox)
    page[NameObject("/Rotate")] = NumberObject(rotation)
    buf = io.BytesIO()
    writer.write(buf)
    with pdfplumber.open(io.BytesIO(buf.getvalue())) as pdf:
        width, height = float(pdf.pages[0].width), float(pdf.pages[0].height)
    box = (100.0, 50.0, 180.0, 70.0)
    writer.add_annotation(0, Rectangle(rect=to_pdf_space(box, width, height, rotation)))
    out = io.BytesIO()
    writer.write(out)
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        (mark,) = pdf.pages[0].annots
    assert (mark["x0"], mark["top"], mark["x1"], mark["bottom"]) == pytest.approx(box, abs=0.01)


@pytest.mark.parametrize("name", [n for n in CORPUS_DOCS if n.endswith(".pdf")])
def test_every_corpus_report_is_annotated_over_its_cells(name: str, corpus_dir: Path) -> None:
    source = corpus_dir / name
    result = audited(source)
    data, _ = annotated(result, source)
    _check_marks(result, data)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_the_annotated_page_renders(tmp_path: Path) -> None:
    data, _ = annotated(example_result(), EXAMPLE)
    path = tmp_path / "annotated.pdf"
    path.write_bytes(data)
    page = example_result().findings[0].page
    subprocess.run(["pdftoppm", "-r", "40", "-f", str(page), "-l", str(page), "-png", path, tmp_path / "p"], check=True)
    assert list(tmp_path.glob("p*.png"))
