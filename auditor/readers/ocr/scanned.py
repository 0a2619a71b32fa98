"""Scanned pages: found per page, and given a text layer by OCRmyPDF.

A scanned page has (almost) no text layer and an image covering most of it.
OCRmyPDF (with Tesseract's Indonesian model) renders such pages, reads them
and writes a copy of the PDF with an invisible text layer over each; that
copy is read like any other PDF, its OCR'd pages marked as such.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from auditor.model import BBox
from auditor.readers.ocr.settings import OcrSettings, usable_languages
from auditor.readers.ocr.tesseract import OcrUnavailable

MAX_SCAN_WORDS = 5
"""A page with more words than this has a text layer (a cover page's one
stray character, a page number stamped on a scan, do not count)."""
MIN_SCAN_AREA = 0.5
"""Share of the page an image must cover for a page without text to be a scan."""


def is_scanned(word_count: int, images: Sequence[BBox], width: float, height: float) -> bool:
    """No text to speak of, and images over most of the page."""
    if word_count > MAX_SCAN_WORDS or width <= 0 or height <= 0:
        return False
    covered = sum(
        max(0.0, min(b[2], width) - max(b[0], 0.0)) * max(0.0, min(b[3], height) - max(b[1], 0.0)) for b in images
    )  # a scan may come in strips: their areas add up
    return covered >= MIN_SCAN_AREA * width * height


def ocr_pages(data: bytes, pages: Sequence[int], settings: OcrSettings) -> bytes:
    """``data`` with a text layer OCR'd onto ``pages`` (1-based), by OCRmyPDF.

    Raises OcrUnavailable when OCRmyPDF or the language model is missing, or
    when it fails or runs past ``settings.scan_seconds``.
    """
    exe = shutil.which("ocrmypdf")
    languages = usable_languages(settings.languages)
    if exe is None or languages is None:
        raise OcrUnavailable("OCRmyPDF and Tesseract's Indonesian model are not installed")
    with tempfile.TemporaryDirectory(prefix="audit-ocr-") as tmp:
        src, dst = Path(tmp, "in.pdf"), Path(tmp, "out.pdf")
        src.write_bytes(data)
        cmd = [
            exe, "--quiet", "--force-ocr", "--pages", ",".join(str(p) for p in pages), "-l", languages,
            "--output-type", "pdf", "--optimize", "0", "--jobs", "1", str(src), str(dst),
        ]  # fmt: skip
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        try:
            out = subprocess.run(cmd, capture_output=True, timeout=settings.scan_seconds, env=env, check=False)
        except subprocess.TimeoutExpired:
            raise OcrUnavailable(f"OCRmyPDF took longer than {settings.scan_seconds:g} s") from None
        except OSError as exc:
            raise OcrUnavailable(f"OCRmyPDF could not run ({exc.strerror})") from None
        if out.returncode != 0 or not dst.exists():
            lines = out.stderr.decode("utf-8", "replace").strip().splitlines()
            raise OcrUnavailable(f"OCRmyPDF failed ({lines[-1][:80] if lines else out.returncode})")
        return dst.read_bytes()
