"""The ``--ocr`` mode, its budget, and which OCR tools this machine has."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import cache

OCR_MODES = ("auto", "off", "force")


@dataclass(frozen=True)
class OcrSettings:
    """How much OCR one document may get.

    ``auto``: tables printed as images are OCR'd when Tesseract is installed,
    and a document whose every page is scanned is run through OCRmyPDF;
    ``off``: nothing is OCR'd; ``force``: also any scanned page of a document
    that has text elsewhere. The budget bounds what auto costs on a report
    full of photos: only images that look like a table are OCR'd, at most
    ``max_images`` of them and none started after ``seconds``.
    """

    mode: str = "auto"
    max_images: int = 8
    """Table images OCR'd per document, in page order (the rest are noted)."""
    seconds: float = 60.0
    """No table image is started after this many seconds of OCR."""
    scan_seconds: float = 900.0
    """Time OCRmyPDF may take for the scanned pages of one document."""
    languages: str = "ind+eng"


DEFAULT_OCR = OcrSettings()
OFF = OcrSettings(mode="off")

INSTALL_HINT = "install the Debian packages tesseract-ocr and tesseract-ocr-ind (and ocrmypdf for scanned pages)"


@cache
def tesseract_languages() -> frozenset[str]:
    """Languages the installed Tesseract has; empty when it is not installed."""
    exe = shutil.which("tesseract")
    if exe is None:
        return frozenset()
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    lines = out.stdout.splitlines()[1:]
    return frozenset(line.strip() for line in lines if line.strip())


def usable_languages(wanted: str) -> str | None:
    """``wanted`` ("ind+eng") cut to the installed languages; None if none is."""
    have = tesseract_languages()
    langs = [lang for lang in wanted.split("+") if lang in have]
    return "+".join(langs) if langs else None


def has_ocrmypdf() -> bool:
    return shutil.which("ocrmypdf") is not None
