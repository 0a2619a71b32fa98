"""The OCR pass over one document: which images are tables, within a budget.

Pages are read first (in worker processes); this pass runs afterwards in
the reading process, in page order, so that its budget (a number of images
and a number of seconds) is spent the same way whichever process read
which page. Every image is first put to the cheap grid test; only the ones
that pass cost an OCR run.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from auditor.model import BBox
from auditor.readers.ocr.image_tables import MIN_DPI, PageImage, looks_like_table, read_image_table
from auditor.readers.ocr.settings import INSTALL_HINT, OcrSettings, usable_languages
from auditor.readers.ocr.tesseract import OcrUnavailable
from auditor.readers.pdftables.grid import PageTable

MIN_TESSERACT_SECONDS = 5.0
"""An OCR run is given at least this long, even near the end of the budget."""


@dataclass
class ImageTables:
    """What the pass found: tables by page, and what the report should say."""

    tables: dict[int, list[PageTable]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    table_images: int = 0
    """Images that passed the grid test (OCR'd or not)."""


class PdfRenderer:
    """Renders boxes of a PDF's pages to grey pixels (pypdfium2, opened once)."""

    def __init__(self, data: bytes, password: str | None = None) -> None:
        import pypdfium2

        self._pdf = pypdfium2.PdfDocument(data, password=password)

    def __call__(self, page: int, box: BBox, scale: float) -> NDArray[np.uint8]:
        ppage = self._pdf[page - 1]
        try:
            width, height = ppage.get_size()
            x0, top = max(0.0, box[0]), max(0.0, box[1])
            x1, bottom = min(width, box[2]), min(height, box[3])
            crop = (x0, height - bottom, width - x1, top)
            bitmap = ppage.render(scale=scale, crop=crop, grayscale=True)
            return np.asarray(bitmap.to_pil().convert("L"))
        finally:
            ppage.close()

    def close(self) -> None:
        self._pdf.close()


def read_image_tables(
    data: bytes, password: str | None, candidates: Sequence[tuple[int, Sequence[PageImage]]], settings: OcrSettings
) -> ImageTables:
    """OCR the images of ``candidates`` ((page, image boxes), in page order)
    that look like tables, within ``settings``' budget."""
    out = ImageTables()
    if settings.mode == "off" or not any(boxes for _, boxes in candidates):
        return out
    languages = usable_languages(settings.languages)
    try:
        render = PdfRenderer(data, password)
    except Exception:  # noqa: BLE001 - pdfium refuses a file pdfminer read: its images stay unread
        out.notes.append("The images of this PDF could not be rendered; none was read by OCR.")
        return out
    skipped: list[int] = []
    start = time.monotonic()
    try:
        for page, images in candidates:
            for image in images:
                box = image.bbox
                if not _is_table(render, page, box):
                    continue
                out.table_images += 1
                if image.dpi < MIN_DPI:
                    out.notes.append(
                        f"The image on page {page} looks like a table, but at {image.dpi:.0f} dpi its figures "
                        "cannot be read reliably; they are not checked."
                    )
                    continue
                elapsed = time.monotonic() - start
                if languages is None or out.table_images > settings.max_images or elapsed > settings.seconds:
                    skipped.append(page)
                    continue
                try:
                    table = read_image_table(
                        render, page, box, languages, max(MIN_TESSERACT_SECONDS, settings.seconds - elapsed)
                    )
                except OcrUnavailable as exc:
                    out.notes.append(
                        f"The image on page {page} looks like a table but could not be read by OCR ({exc})."
                    )
                    continue
                except Exception as exc:  # noqa: BLE001 - one broken image must not stop the audit
                    out.notes.append(
                        f"The image on page {page} looks like a table but could not be read ({type(exc).__name__})."
                    )
                    continue
                if isinstance(table, str):
                    out.notes.append(f"The image on page {page} looks like a table but is not checked: {table}.")
                elif table is not None:
                    out.tables.setdefault(page, []).append(table)
    finally:
        render.close()
    if skipped:
        out.notes.append(_skipped_note(skipped, languages is None, settings))
    return out


def _is_table(render: PdfRenderer, page: int, box: BBox) -> bool:
    """The grid test; an image that cannot be rendered is no table."""
    try:
        return looks_like_table(render, page, box)
    except Exception:  # noqa: BLE001 - pdfium refuses a broken image: nothing to read there
        return False


def _skipped_note(pages: list[int], missing: bool, settings: OcrSettings) -> str:
    numbers = sorted(set(pages))
    where = ("page " if len(numbers) == 1 else "pages ") + ", ".join(str(p) for p in numbers)
    if missing:
        return (
            f"Images that look like tables ({where}) were not read: OCR needs Tesseract with the "
            f"Indonesian model ({INSTALL_HINT})."
        )
    return (
        f"Images that look like tables ({where}) were not read: the OCR budget "
        f"(--ocr-max-images {settings.max_images}, --ocr-seconds {settings.seconds:g}) was spent."
    )
