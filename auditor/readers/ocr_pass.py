"""Where the PDF reader hands pixels to OCR: scanned pages and table images.

Two steps after the pages are read, both decided by ``--ocr``:

- scanned pages (no text, an image over the page) go to OCRmyPDF, and the
  OCR'd copy is read instead; ``auto`` does this only when every readable
  page is scanned (the document could not be audited at all otherwise),
  ``force`` whenever a page is; without it, the pages are listed as not
  checked;
- images that look like tables are read by Tesseract
  (:mod:`auditor.readers.ocr.document`) and join the page's tables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from auditor.model import Document
from auditor.readers.ocr.document import read_image_tables
from auditor.readers.ocr.image_tables import PageImage
from auditor.readers.ocr.settings import INSTALL_HINT, OcrSettings, has_ocrmypdf, usable_languages
from auditor.readers.ocr.tesseract import OcrUnavailable
from auditor.readers.pdftables.grid import PageTable


class PageRead(Protocol):
    """What the reader knows of one page after reading it."""

    number: int
    word_count: int
    scanned: bool
    images: list[PageImage]
    tables: list[PageTable]


P = TypeVar("P", bound=PageRead)


def scanned_to_ocr(doc: Document, results: Sequence[PageRead], ocr: OcrSettings) -> list[int]:
    """The scanned pages OCRmyPDF should read under ``ocr`` (may be none)."""
    scanned = [r.number for r in results if r.scanned]
    if not scanned or ocr.mode == "off":
        return []
    if ocr.mode == "force":
        return scanned
    # a damaged file is not sent to OCRmyPDF unasked: its pages that failed
    # may have been the text ones, and OCR of a broken file costs minutes
    damaged = any(p.unread for p in doc.pages)
    whole = all(r.scanned or r.word_count == 0 for r in results)
    return scanned if whole and not damaged else []


def ocr_scanned_pages(
    doc: Document,
    data: bytes,
    results: list[P],
    ocr: OcrSettings,
    password: str | None,
    reread: Callable[[bytes], tuple[Document, list[P]]],
) -> tuple[bytes, Document, list[P]] | None:
    """Read the scanned pages with OCRmyPDF and the document again from its
    output; None when there is nothing to do or it cannot be done (the
    reason is noted in the document's warnings)."""
    from auditor.readers.ocr.scanned import ocr_pages

    pages = scanned_to_ocr(doc, results, ocr)
    if not pages:
        return None
    if password:
        doc.warnings.append("Scanned pages of an encrypted PDF are not read by OCR; save an unprotected copy for that.")
        return None
    try:
        new = ocr_pages(data, pages, ocr)
    except OcrUnavailable as exc:
        doc.warnings.append(f"Scanned {_pages(pages)} not read by OCR: {exc} ({INSTALL_HINT}).")
        return None
    new_doc, new_results = reread(new)
    new_doc.warnings[:0] = doc.warnings
    for number in pages:
        new_doc.pages[number - 1].ocr = True
    new_doc.warnings.append(
        f"{_pages(pages).capitalize()} scanned: the text was read by OCR (OCRmyPDF); check the figures found there."
    )
    return new, new_doc, new_results


def add_image_tables(
    doc: Document, data: bytes, password: str | None, results: Sequence[PageRead], ocr: OcrSettings
) -> None:
    """Tables printed as images, read by OCR, added to their pages' tables."""
    candidates = [(r.number, r.images) for r in results if r.images and not doc.pages[r.number - 1].ocr]
    found = read_image_tables(data, password, candidates, ocr)
    for r in results:
        extra = found.tables.get(r.number)
        if extra:
            r.tables = sorted([*r.tables, *extra], key=lambda t: (t.bbox[1], t.bbox[0]))
    doc.warnings.extend(found.notes)


def no_text_advice(ocr: OcrSettings) -> str:
    """What to do with a document that has no text at all: one clause."""
    if ocr.mode == "off":
        return "run it with --ocr auto to read it by OCR"
    if not has_ocrmypdf() or usable_languages(ocr.languages) is None:
        return f"to read it by OCR, {INSTALL_HINT}"
    return "OCR found no text in it either"


def _pages(numbers: Sequence[int]) -> str:
    """ "page 3 was" / "pages 3, 5 were" (the verb agrees)."""
    if len(numbers) == 1:
        return f"page {numbers[0]} was"
    return "pages " + ", ".join(str(n) for n in numbers) + " were"
