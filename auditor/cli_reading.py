"""The ``audit`` options about reading the input: OCR and the PDF password.

Kept apart from :mod:`auditor.cli` so that the main command only gains one
decorator and one argument.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import click

from auditor.readers.ocr.settings import DEFAULT_OCR, OCR_MODES, OcrSettings


@dataclass(frozen=True)
class ReadOptions:
    ocr: OcrSettings = DEFAULT_OCR
    password: str | None = None


def reading_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add --ocr, --ocr-max-images, --ocr-seconds and --password to ``command``."""
    options = [
        click.option(
            "--ocr",
            "ocr_mode",
            type=click.Choice(OCR_MODES),
            default=DEFAULT_OCR.mode,
            show_default=True,
            help=(
                "Read figures from pixels: auto reads tables printed as images (with Tesseract) and a fully "
                "scanned PDF (with OCRmyPDF); force also scanned pages of a PDF that has text; off reads none."
            ),
        ),
        click.option(
            "--ocr-max-images",
            type=click.IntRange(min=0),
            default=DEFAULT_OCR.max_images,
            show_default=True,
            help="Images that look like tables OCR'd per document, in page order.",
        ),
        click.option(
            "--ocr-seconds",
            type=click.FloatRange(min=0),
            default=DEFAULT_OCR.seconds,
            show_default=True,
            help="No table image is OCR'd after this many seconds of OCR on the document.",
        ),
        click.option("--password", default=None, help="Password of an encrypted PDF."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def read_options(ocr_mode: str, ocr_max_images: int, ocr_seconds: float, password: str | None) -> ReadOptions:
    """The options as the reader takes them."""
    ocr = OcrSettings(mode=ocr_mode, max_images=ocr_max_images, seconds=ocr_seconds)
    return ReadOptions(ocr=ocr, password=password)
