"""Findings on figures read from pixels (OCR) are capped at a warning.

OCR misreads digits ("3,000" as "3,006") and separators, so a figure read
from an image of a table, or from a scanned page, is never the ground for
an error: its findings keep their arithmetic but become warnings with low
confidence, and say that the figures must be checked on the page itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from auditor.findings.records import SEVERITY_ORDER, Finding
from auditor.model import Document

NOTE = {
    "id": "(Angka dibaca dari gambar dengan OCR; periksa pada halaman aslinya.)",
    "en": "(Figures read from an image by OCR; verify them on the page.)",
}


def cap_pixel_findings(findings: Iterable[Finding], doc: Document, ocr_tables: set[str], lang: str) -> list[Finding]:
    """``findings`` with those touching an OCR table or page capped."""
    ocr_pages = {p.number for p in doc.pages if p.ocr}
    note = NOTE.get(lang, NOTE["id"])
    out: list[Finding] = []
    for f in findings:
        touched = any(
            (loc.table is not None and loc.table in ocr_tables) or (loc.page is not None and loc.page in ocr_pages)
            for loc in f.locations
        )
        if not touched:
            out.append(f)
            continue
        severity = f.severity if SEVERITY_ORDER[f.severity] <= SEVERITY_ORDER["warning"] else "warning"
        out.append(replace(f, severity=severity, confidence="low", message=f"{f.message} {note}"))
    return out
