"""Tables printed as an image inside a text page, read back with OCR.

A report often pastes a table from a spreadsheet as a picture: its figures
are in no text layer. Each large image with no text over it is rendered
small and tested for a grid of ruling lines (:mod:`.gridlines`, a few
milliseconds); only a grid is rendered again at 300 dpi, its lines erased
and its words read by Tesseract. The lines become the cell boxes and the
words the cell text of the same reader that reads ruled tables from the
text layer (:func:`~auditor.readers.pdftables.ruled.ruled_grid`), so the
result is an ordinary table marked ``source="ocr"``.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

from auditor.model import BBox
from auditor.readers.ocr.gridlines import Rulings, Segment, erase_lines, find_rulings
from auditor.readers.ocr.tesseract import OcrWord, ocr_words
from auditor.readers.pdftables.grid import PageTable
from auditor.readers.pdftables.ruled import ruled_grid
from auditor.readers.pdftables.words import Word

Renderer = Callable[[int, BBox, float], NDArray[np.uint8]]
"""(page number, box in points, pixels per point) -> grey pixels of that box."""

TEST_DPI = 100
"""Resolution of the cheap grid test: hairlines still show, text barely costs."""
OCR_DPI = 300
"""Resolution Tesseract reads best at for body text."""
MIN_WIDTH_SHARE = 0.25
MIN_HEIGHT_PT = 60.0
"""An image smaller than this (a quarter of the page wide, 60 pt high) holds
no table worth checking: logos, signatures, icons."""
MAX_WORDS_OVER = 3
"""An image with more text-layer words over it is already read (a scan with
a text layer, a background picture)."""
MIN_DPI = 120.0
"""Below this resolution an image's small print is a guess (a 3 and an 8,
a comma and a dot look alike): such an image is not read."""
MIN_FIGURE_CONFIDENCE = 85.0
"""Mean Tesseract confidence (0-100) the figures of a table must reach;
below it the OCR is too unsure for its arithmetic to mean anything."""
MIN_PAPER = 96
"""A cell darker than this overall is ink (a filled block), not shading."""


@dataclass(frozen=True)
class PageImage:
    """An image as drawn on a page: where, and at what resolution."""

    bbox: BBox
    dpi: float
    """Pixels of the image per inch of the page (the smaller of the two axes)."""


def table_images(images: Sequence[PageImage], words: Sequence[Word], page_width: float) -> list[PageImage]:
    """The images of a page that may hold a table, overlaps merged."""
    out: list[PageImage] = []
    for im in sorted(images, key=lambda i: (i.bbox[1], i.bbox[0])):
        box = im.bbox
        if box[2] - box[0] < MIN_WIDTH_SHARE * page_width or box[3] - box[1] < MIN_HEIGHT_PT:
            continue
        if sum(box[0] <= w.cx <= box[2] and box[1] <= w.cy <= box[3] for w in words) > MAX_WORDS_OVER:
            continue
        if any(_overlap(box, k.bbox) > 0.5 for k in out):
            continue
        out.append(im)
    return out


def _overlap(a: BBox, b: BBox) -> float:
    """Share of the smaller box covered by the other."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w * h / smaller if smaller > 0 else 0.0


def looks_like_table(render: Renderer, page: int, box: BBox) -> bool:
    """The cheap test, on a small rendering: a grid of long lines."""
    scale = TEST_DPI / 72
    gray = render(page, box, scale)
    return find_rulings(gray, min_len=int(30 * scale)).looks_like_table()


def read_image_table(render: Renderer, page: int, box: BBox, languages: str, timeout: float) -> PageTable | str | None:
    """The table in the image at ``box``; None if no grid of cells is found,
    or why it is not trusted (the OCR too unsure of its figures)."""
    scale = OCR_DPI / 72
    gray = render(page, box, scale)
    rulings = find_rulings(gray, min_len=int(16 * scale), reach=5)
    cells = cell_boxes(rulings, box, scale)
    if len(cells) < 4:
        return None
    clean = flatten_shading(erase_lines(gray, rulings, width=3), cells, box, scale)
    from PIL import Image

    image = Image.fromarray(clean)
    image.info["dpi"] = (OCR_DPI, OCR_DPI)
    read = ocr_words(image, languages, timeout)
    figures = [w.confidence for w in read if any(ch.isdigit() for ch in w.text)]
    if not figures:
        return None
    if statistics.mean(figures) < MIN_FIGURE_CONFIDENCE:
        return f"OCR is unsure of its figures (confidence {statistics.mean(figures):.0f} of 100)"
    words = [to_word(w, box, scale) for w in read]
    x0 = min(c[0] for c in cells)
    top = min(c[1] for c in cells)
    x1 = max(c[2] for c in cells)
    bottom = max(c[3] for c in cells)
    table_box: BBox = (x0, top, x1, bottom)
    inside = [w for w in words if x0 <= w.cx <= x1 and top <= w.cy <= bottom]
    grid = ruled_grid(cells, table_box, inside, page)
    if grid is None:
        return None
    grid.source = "ocr"
    fix_separators(grid)
    return grid


def flatten_shading(gray: NDArray[np.uint8], cells: Sequence[BBox], box: BBox, scale: float) -> NDArray[np.uint8]:
    """Each cell's grey levels divided by its own background (its median),
    so that black text on an orange header row reads as on white paper and
    the anti-aliased tail of a comma keeps its weight."""
    out = gray.astype(np.float32)
    for c in cells:
        x0, y0 = int((c[0] - box[0]) * scale), int((c[1] - box[1]) * scale)
        x1, y1 = int((c[2] - box[0]) * scale), int((c[3] - box[1]) * scale)
        region = out[max(0, y0) : y1, max(0, x0) : x1]
        if region.size == 0:
            continue
        paper = float(np.median(region))
        if paper >= MIN_PAPER:
            region *= 255.0 / paper
    return np.clip(out, 0, 255).astype(np.uint8)


def to_word(w: OcrWord, box: BBox, scale: float) -> Word:
    """An OCR word in PDF points (the image's pixels start at the box's corner)."""
    return Word(
        text=w.text,
        x0=box[0] + w.left / scale,
        top=box[1] + w.top / scale,
        x1=box[0] + w.right / scale,
        bottom=box[1] + w.bottom / scale,
        nchars=len(w.text),
    )


def _edges(segments: Sequence[Segment], orientation: str, box: BBox, scale: float) -> list[dict]:
    out = []
    for s in segments:
        pos = s.pos / scale + (box[1] if orientation == "h" else box[0])
        a = s.start / scale + (box[0] if orientation == "h" else box[1])
        b = s.end / scale + (box[0] if orientation == "h" else box[1])
        if orientation == "h":
            out.append({"x0": a, "x1": b, "top": pos, "bottom": pos, "width": b - a, "height": 0, "orientation": "h"})
        else:
            out.append({"x0": pos, "x1": pos, "top": a, "bottom": b, "width": 0, "height": b - a, "orientation": "v"})
    return out


def cell_boxes(rulings: Rulings, box: BBox, scale: float) -> list[BBox]:
    """Cell boxes (PDF points) of the largest grid the lines form, found the
    way pdfplumber finds them between vector rulings."""
    edges = _edges(rulings.horizontal, "h", box, scale) + _edges(rulings.vertical, "v", box, scale)
    if not edges:
        return []
    edges = merge_edges(edges, 2, 2, 3, 3)
    cells = intersections_to_cells(edges_to_intersections(edges, 2, 2))
    tables = cells_to_tables(cells)
    if not tables:
        return []
    best = max(tables, key=len)
    return [tuple(float(v) for v in c) for c in best]  # type: ignore[misc]


_PERCENT_MISREAD = re.compile(r"^(?P<num>\d[\d.,]*\d|\d)\s?(?:Yo|Ya|%o|o/o|9/o)$")
"""Tesseract's usual readings of a bold "%" after a figure."""
_PERCENT_IN_BRACKETS = re.compile(r"\((?:Yo|Ya|%o|o/o)\)")
"""... and in a header's unit: "Capaian (Yo)"."""
_ONE_SEP = re.compile(r"^(?P<int>\d{1,3})(?P<sep>[.,])(?P<frac>\d{3})(?P<tail>%?)$")


def fix_separators(table: PageTable) -> None:
    """Undo Tesseract's usual confusions in figures: a bold "%" read as "Yo",
    and a comma read as a dot (or the reverse).

    Tesseract often confuses "," and "." in small print; in "0.842" that
    turns a decimal into eight hundred and forty-two. A figure of the shape
    ``d.ddd`` / ``d,ddd`` in a column where at least two thirds of the
    figures of that shape use the other separator, and at least two do,
    takes the column's separator.
    """
    for row in table.rows:
        for cell in row:
            m = _PERCENT_MISREAD.match(cell.text.strip())
            if m:
                cell.text = f"{m.group('num')}%"
            cell.text = _PERCENT_IN_BRACKETS.sub("(%)", cell.text)
    ncols = table.ncols
    for c in range(ncols):
        cells = [row[c] for row in table.rows if c < len(row) and not row[c].span_origin]
        shaped = [(cell, m) for cell in cells if (m := _ONE_SEP.match(cell.text.strip()))]
        for sep, other in ((",", "."), (".", ",")):
            same = sum(m.group("sep") == sep for _, m in shaped)
            odd = [(cell, m) for cell, m in shaped if m.group("sep") == other]
            if same >= 2 and odd and same >= 2 * len(odd):
                for cell, m in odd:
                    cell.text = f"{m.group('int')}{sep}{m.group('frac')}{m.group('tail')}"
    for row in table.rows:
        for cell in row:
            if cell.span_origin:
                origin = table.rows[cell.span_origin[0]][cell.span_origin[1]]
                cell.text = origin.text
