"""Pictures of what the auditor read: each table cell drawn on its page.

A reviewer who doubts a finding can tell at a glance whether the table was
read right (an extraction fault) or the report itself is wrong. Cells a
spanning cell covers are drawn in another colour than the cells that own
their text. Marks given by the caller (a leaf column's role, where a part
continued from the previous page starts) are written over their boxes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pdfplumber

from auditor.model import BBox, Table

OWN = (220, 30, 30)
SPAN = (30, 90, 220)
MARK = (0, 130, 0)

Mark = tuple[int, BBox, str]
"""(page, box, label) to write over the box."""


def _write_marks(image: pdfplumber.display.PageImage, marks: Sequence[Mark], resolution: int) -> None:
    scale = resolution / 72
    for _, bbox, label in marks:
        image.draw_rect(bbox, fill=(0, 0, 0, 0), stroke=MARK, stroke_width=2)
        # a role inside its cell's top; a join's evidence above its row
        above = label.startswith("joined")
        x, y = bbox[0] * scale + 2, max(0.0, bbox[1] * scale + (-11 if above else 2))
        image.draw.text((x, y), label, fill=(*MARK, 255))


def draw_tables(
    pdf_path: Path, tables: list[Table], out_dir: Path, resolution: int = 80, marks: Sequence[Mark] = ()
) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    by_page: dict[int, list[tuple[tuple[float, float, float, float], bool]]] = {}
    for table in tables:
        for row in table.rows:
            for cell in row:
                if cell.bbox is not None and cell.page is not None:
                    by_page.setdefault(cell.page, []).append((cell.bbox, cell.is_span_copy))
    written = []
    with pdfplumber.open(pdf_path) as pdf:
        for number in sorted(by_page):
            image = pdf.pages[number - 1].to_image(resolution=resolution)
            for bbox, copy in by_page[number]:
                image.draw_rect(bbox, fill=(0, 0, 0, 0), stroke=SPAN if copy else OWN, stroke_width=1)
            _write_marks(image, [m for m in marks if m[0] == number], resolution)
            path = out_dir / f"page-{number:03d}.png"
            image.save(path)
            written.append(path)
    return written
