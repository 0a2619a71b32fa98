"""Pictures of the place of a finding: a crop of the rendered page around
its cells, the checked cell outlined thick and its inputs thin, in the
severity colour. Used by the HTML report so a reviewer sees the figure
without opening the PDF.

Pages are rendered with pypdfium2 (it comes with pdfplumber) once each;
bounding boxes are pdfplumber's (top-left origin, measured on the media
box), so a crop box that does not start at the media box's corner shifts
them by its offset.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

from auditor.findings.records import Finding
from auditor.model import BBox

SCALE = 1.5
"""Pixels per point: 108 dpi, enough to read a 9 pt figure."""

PAD = 28.0
"""Points of page shown around the cells, so a row's label is in view."""

MAX_HEIGHT = 420.0
"""A crop taller than this is centred on the checked cell instead."""

COLOURS = {"error": (220, 0, 0), "warning": (235, 130, 0), "info": (30, 100, 255)}


class PageCropper:
    """Renders each page of one PDF once and cuts crops from it."""

    def __init__(self, path: str | Path) -> None:
        import pypdfium2 as pdfium

        self._pdf = pdfium.PdfDocument(str(path))
        self._pages: dict[int, tuple[object, tuple[float, float]]] = {}

    def close(self) -> None:
        self._pdf.close()

    def _page(self, number: int) -> tuple[object, tuple[float, float]]:
        if number not in self._pages:
            page = self._pdf[number - 1]
            image = page.render(scale=SCALE).to_pil().convert("RGB")
            offset = (0.0, 0.0)
            if page.get_rotation() == 0:
                mb, cb = page.get_mediabox(), page.get_cropbox()
                offset = (cb[0] - mb[0], mb[3] - cb[3])
            self._pages[number] = (image, offset)
        return self._pages[number]

    def crop(self, f: Finding) -> str | None:
        """A PNG ``data:`` URI of the finding's first page around its cells,
        or None when the finding has no box on a page of this file."""
        first = f.locations[0] if f.locations else None
        if first is None or first.page is None or first.bbox is None or first.page > len(self._pdf):
            return None
        image, (dx, dy) = self._page(first.page)
        boxes = [(i, loc.bbox) for i, loc in enumerate(f.locations) if loc.page == first.page and loc.bbox]
        region = _region([b for _, b in boxes], first.bbox, image.width / SCALE, image.height / SCALE, dx, dy)
        return _encode(_draw(image, boxes, region, (dx, dy), COLOURS.get(f.severity, COLOURS["info"])))


def _region(boxes: list[BBox], first: BBox, width: float, height: float, dx: float, dy: float) -> BBox:
    """The band of the page (rendered points) to show: every box with a margin."""
    top = min(b[1] for b in boxes) - dy - PAD
    bottom = max(b[3] for b in boxes) - dy + PAD
    if bottom - top > MAX_HEIGHT:
        middle = (first[1] + first[3]) / 2 - dy
        top, bottom = middle - MAX_HEIGHT / 2, middle + MAX_HEIGHT / 2
    # the page's full width: the row's label and its other figures are in view
    return 0.0, max(top, 0.0), width, min(bottom, height)


def _draw(image, boxes: list[tuple[int, BBox]], region: BBox, offset: tuple[float, float], colour):
    from PIL import ImageDraw

    piece = image.crop(tuple(round(v * SCALE) for v in region))
    draw = ImageDraw.Draw(piece)
    for i, (x0, top, x1, bottom) in reversed(boxes):
        box = [
            (x0 - offset[0] - region[0] - 1.5) * SCALE,
            (top - offset[1] - region[1] - 1.5) * SCALE,
            (x1 - offset[0] - region[0] + 1.5) * SCALE,
            (bottom - offset[1] - region[1] + 1.5) * SCALE,
        ]
        draw.rectangle(box, outline=colour, width=3 if i == 0 else 1)
    return piece


def _encode(image) -> str:
    buf = io.BytesIO()
    image.convert("P", palette=1, colors=64).save(buf, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
