"""The documents the page-level identity tests read: every real PDF of the
corpus (by name, under the ``corpus_dir`` fixture, which skips or fails
where the corpus is absent) and every shipped example."""

from __future__ import annotations

from pathlib import Path

import pypdfium2

from auditor.readers.pdfium_page import PdfiumPage

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_PDFS = sorted((ROOT / "fixtures" / "examples").glob("*.pdf"))
CORPUS_PDFS = [
    "cianjur-dkp-lakip-2015.pdf",
    "jombang-inspektorat-lkjip-2022.pdf",
    "jombang-inspektorat-renstra-2018-2023.pdf",
    "jombang-inspektorat-rkt-2020.pdf",
    "sumut-lkjip-2021.pdf",
]


def pdfium_pages(path: Path) -> list[PdfiumPage]:
    """Every page of ``path`` as the PDFium reader reads it."""
    doc = pypdfium2.PdfDocument(path.read_bytes())
    try:
        pages = []
        for i in range(len(doc)):
            page = doc[i]
            pages.append(PdfiumPage.read(page))
            page.close()
        return pages
    finally:
        doc.close()
