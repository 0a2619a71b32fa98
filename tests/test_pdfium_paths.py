"""PDFium paths read with the segment calls re-typed against the reading
they replace: the same rect, line and curve dicts, floats and key order.

The reference below is the path reading as it was before the segment
handles were passed as plain addresses and the operators kept as one
string; every path of the corpus and of the shipped examples must come
out of both the same (compared by ``repr``, so ``-0.0`` and key order count).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest

from auditor.readers import pdfium_page
from auditor.readers.pdfium_page import Matrix, _apply, _multiply, _object_matrix
from tests.corpus_files import CORPUS_PDFS, EXAMPLE_PDFS


def _ref_colour(getter: Callable, obj: object) -> tuple[float, ...] | None:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, r, g, b, a):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)


def _ref_segments(obj: object, matrix: Matrix) -> list[tuple[str, tuple[float, float]]]:
    """The path as pdfminer's operators with their end points, in page space:
    a Bezier curve is one ``c`` at its end point, a closed subpath ends in ``h``."""
    out: list[tuple[str, tuple[float, float]]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    pending_curve = 0
    start: tuple[float, float] | None = None
    for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        pt = _apply(matrix, x.value, y.value)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            out.append(("m", pt))
            start = pt
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            pending_curve += 1
            if pending_curve == 3:
                out.append(("c", pt))
                pending_curve = 0
        else:
            out.append(("l", pt))
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None and pending_curve == 0:
            out.append(("h", start))
    return out


def _ref_path(obj: object, outer: Matrix, height: float) -> Iterator[dict]:
    """A painted path as pdfplumber dicts, split into subpaths and classified
    as pdfminer's ``paint_path`` does (line, axis-aligned rect, or curve)."""
    fillmode, stroke_flag = ctypes.c_int(), ctypes.c_int()
    if pdfium_c.FPDFPath_GetDrawMode(obj, fillmode, stroke_flag):
        fill, stroke = fillmode.value != 0, bool(stroke_flag.value)
        if fill or stroke:  # else a clipping path ("W n"): nothing is painted
            yield from _ref_painted(obj, _multiply(_object_matrix(obj), outer), height, fill, stroke)


def _ref_painted(obj: object, matrix: Matrix, height: float, fill: bool, stroke: bool) -> Iterator[dict]:
    width = ctypes.c_float()
    linewidth = float(width.value) if pdfium_c.FPDFPageObj_GetStrokeWidth(obj, width) else 0.0
    style = {
        "fill": fill,
        "stroke": stroke,
        "linewidth": linewidth,
        "non_stroking_color": _ref_colour(pdfium_c.FPDFPageObj_GetFillColor, obj),
        "stroking_color": _ref_colour(pdfium_c.FPDFPageObj_GetStrokeColor, obj),
    }
    for sub in _ref_subpaths(_ref_segments(obj, matrix)):
        shaped = _ref_classify(sub, height, style)
        if shaped is not None:
            yield shaped


def _ref_subpaths(segments: list[tuple[str, tuple[float, float]]]) -> Iterator[list[tuple[str, tuple[float, float]]]]:
    current: list[tuple[str, tuple[float, float]]] = []
    for seg in segments:
        if seg[0] == "m" and current:
            yield current
            current = []
        current.append(seg)
    if current:
        yield current


def _ref_classify(sub: list[tuple[str, tuple[float, float]]], height: float, style: dict) -> dict | None:
    shape = "".join(op for op, _ in sub)
    pts = [pt for _, pt in sub]
    if shape[:1] != "m" or len(shape) < 2:
        return None
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in {"mlh", "ml"}:
        return _ref_shape("line", pts[:2], height, style)
    if shape in {"mlllh", "mllll"}:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        closed = pts[0] == pts[4]
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if closed and square:
            return _ref_shape("rect", pts, height, style)
    return _ref_shape("curve", pts, height, style)


def _ref_shape(kind: str, pts: list[tuple[float, float]], height: float, style: dict) -> dict:
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    obj = {
        "object_type": kind,
        "x0": x0,
        "x1": x1,
        "y0": y0,
        "y1": y1,
        "top": height - y1,
        "bottom": height - y0,
        "doctop": height - y1,
        "width": x1 - x0,
        "height": y1 - y0,
        **style,
    }
    if kind == "curve":
        obj["pts"] = [(x, height - y) for x, y in pts]
    return obj


def _assert_same_paths(path: Path) -> None:
    doc = pypdfium2.PdfDocument(path)
    try:
        for k in range(len(doc)):
            page = doc[k]
            try:
                height = float(page.get_height())
                for obj, kind, matrix in pdfium_page._page_objects(page.raw):
                    if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                        expected = list(_ref_path(obj, matrix, height))
                        assert repr(pdfium_page._path(obj, matrix, height)) == repr(expected), f"{path.name} p{k + 1}"
            finally:
                page.close()
    finally:
        doc.close()


@pytest.mark.parametrize("name", CORPUS_PDFS)
def test_corpus_paths_read_as_before(corpus_dir: Path, name: str) -> None:
    _assert_same_paths(corpus_dir / name)


@pytest.mark.parametrize("path", EXAMPLE_PDFS, ids=[p.name for p in EXAMPLE_PDFS])
def test_example_paths_read_as_before(path: Path) -> None:
    _assert_same_paths(path)


def test_typed_segment_calls_read_as_the_retyped_ones(corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fallback for a binding that cannot be re-typed reads the same."""
    monkeypatch.setattr(pdfium_page, "_SEGMENT_CALLS", None)
    _assert_same_paths(corpus_dir / "jombang-inspektorat-lkjip-2022.pdf")
