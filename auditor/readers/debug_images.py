"""Pictures of what the auditor read: each table cell drawn on its page.

A reviewer who doubts a finding can tell at a glance whether the table was
read right (an extraction fault) or the report itself is wrong. Cells a
spanning cell covers are drawn in another colour than the cells that own
their text.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from auditor.model import Table

OWN = (220, 30, 30)
SPAN = (30, 90, 220)


def draw_tables(pdf_path: Path, tables: list[Table], out_dir: Path, resolution: int = 80) -> list[Path]:
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
            path = out_dir / f"page-{number:03d}.png"
            image.save(path)
            written.append(path)
    return written
