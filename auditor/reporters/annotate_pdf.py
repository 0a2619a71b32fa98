"""The reviewer's copy of the report: the original PDF with every finding's
cells and phrases highlighted and a note holding the message (viewers open it as a popup
on a click).

The page content is copied untouched; only annotations are added, so the
reviewer can hide them, reply to them or delete them in any PDF viewer. The
checked cell (a finding's first location) is highlighted, the cells it was
recomputed from are outlined, each in the colour of the finding's severity.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import BinaryIO

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Highlight, Rectangle
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from auditor.findings.records import Finding
from auditor.findings.result import AuditResult
from auditor.meaning.layout import Layout
from auditor.model import BBox
from auditor.reporters.labels import describe_location

COLOURS = {"error": "ff0000", "warning": "ff8c00", "info": "1e64ff"}
"""Red, orange and blue, as a reviewer expects them from a linter."""

PAD = 1.0
"""Points added around a cell so the mark covers its printed text fully."""


def to_pdf_space(bbox: BBox, width: float, height: float, rotation: int) -> tuple[float, float, float, float]:
    """A top-left based box (as pdfplumber measures the displayed page) in the
    page's own user space (bottom-left origin, before /Rotate).

    ``width`` and ``height`` are the displayed page's (swapped for 90/270);
    this is the exact inverse of how pdfplumber reads an annotation back.
    """
    x0, top, x1, bottom = bbox
    corners = [(x, height - y) for x in (x0, x1) for y in (top, bottom)]
    turn = rotation % 360
    if turn == 90:
        corners = [(height - yy, xx) for xx, yy in corners]
    elif turn == 180:
        corners = [(width - xx, height - yy) for xx, yy in corners]
    elif turn == 270:
        corners = [(yy, width - xx) for xx, yy in corners]
    xs = [c[0] for c in corners]
    ys = [c[1] for c in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _displayed_size(page) -> tuple[float, float, int]:
    box = page.mediabox
    rotation = int(page.get("/Rotate", 0) or 0) % 360
    w, h = float(box.width), float(box.height)
    return (h, w, rotation) if rotation in (90, 270) else (w, h, rotation)


def _note(f: Finding, lang: str, index: int, layout: Layout) -> str:
    """The text of a mark's note: what was found and where it was computed from."""
    lines = [f"{f.rule} ({f.severity}): {f.message}"]
    if index:
        lines.append(describe_location(f.locations[index], lang, layout=layout) + f": {f.locations[index].text}")
    return "\n".join(lines)


def _mark(f: Finding, index: int, rect: tuple[float, float, float, float]) -> Highlight | Rectangle:
    """A highlight for the checked cell, an outline for an input cell."""
    x0, y0, x1, y1 = (rect[0] - PAD, rect[1] - PAD, rect[2] + PAD, rect[3] + PAD)
    colour = COLOURS.get(f.severity, COLOURS["info"])
    if index == 0:
        quad = ArrayObject(FloatObject(v) for v in (x0, y1, x1, y1, x0, y0, x1, y0))
        annot = Highlight(rect=(x0, y0, x1, y1), quad_points=quad, highlight_color=colour)
        # see-through: viewers that paint it over the text keep the figure readable
        annot[NameObject("/CA")] = FloatObject(0.35)
    else:
        annot = Rectangle(rect=(x0, y0, x1, y1), border_color=colour)
        annot[NameObject("/BS")] = _border(1.2)
    annot[NameObject("/F")] = NumberObject(4)  # printed, like a reviewer's own notes
    annot[NameObject("/NM")] = TextStringObject(f"{f.fingerprint}-{index}")
    return annot


def _text(value: str) -> TextStringObject | ByteStringObject:
    """A PDF text string, as UTF-16 with its byte-order mark when it is not
    plain ASCII: every viewer and pdfplumber read that back exactly, where
    PDFDocEncoding bytes are taken for UTF-8 and garbled. (Bytes, because
    the writer copies a text string without its encoding choice.)"""
    if value.isascii():
        return TextStringObject(value)
    return ByteStringObject(codecs.BOM_UTF16_BE + value.encode("utf-16-be"))


def _border(width: float) -> DictionaryObject:
    return DictionaryObject({NameObject("/W"): FloatObject(width), NameObject("/S"): NameObject("/S")})


def annotate(result: AuditResult, source: Path, out: BinaryIO) -> int:
    """Write ``source`` with one annotation per finding location that has a
    page and a bounding box; returns how many were added."""
    writer = PdfWriter(clone_from=PdfReader(str(source)))
    added = 0
    for f in result.findings:
        for i, loc in enumerate(f.locations):
            if loc.bbox is None or loc.page is None or not 1 <= loc.page <= len(writer.pages):
                continue
            page = writer.pages[loc.page - 1]
            rect = to_pdf_space(loc.bbox, *_displayed_size(page))
            added_annot = writer.add_annotation(loc.page - 1, _mark(f, i, rect))
            # set after adding: the writer's copy would re-encode the strings
            added_annot[NameObject("/Contents")] = _text(_note(f, result.lang, i, result.layout))
            added_annot[NameObject("/T")] = _text(f"lakip-auditor {f.rule}")
            added += 1
    writer.write(out)
    return added
