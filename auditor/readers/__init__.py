"""Readers turn an input file into a :class:`auditor.model.Document`.

The reader is chosen from the file's content, not its name: a PDF starts with
``%PDF-``; anything that decodes as text is read as a text export.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from auditor.errors import InputError
from auditor.model import Document
from auditor.readers.limits import DEFAULT_LIMITS, ReadLimits
from auditor.readers.ocr.settings import DEFAULT_OCR, OcrSettings

MAX_BYTES = 500 * 1024 * 1024


def read_document(
    path: str | Path,
    limits: ReadLimits = DEFAULT_LIMITS,
    *,
    ocr: OcrSettings = DEFAULT_OCR,
    password: str | None = None,
) -> Document:
    """Read ``path`` into a Document, raising InputError for unusable input.

    ``limits`` bound what a PDF may cost (pages, time and memory per page);
    ``ocr`` says what may be read from pixels, ``password`` opens an
    encrypted PDF.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"File not found: {p}", kind="missing")
    if p.is_dir():
        raise InputError(f"{p} is a directory, not a document.", kind="missing")
    size = p.stat().st_size
    if size == 0:
        raise InputError(f"{p} is empty.", kind="empty")
    if size > MAX_BYTES:
        raise InputError(
            f"{p} is {size // (1024 * 1024)} MiB, above the {MAX_BYTES // (1024 * 1024)} MiB limit.",
            kind="too-large",
        )
    data = p.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        from auditor.readers.pdf import read_pdf

        return read_pdf(p, data, digest, limits=limits, ocr=ocr, password=password)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{p} is neither a PDF nor a UTF-8 text export.", kind="not-pdf") from None
    if "\x00" in text:
        raise InputError(f"{p} is neither a PDF nor a UTF-8 text export.", kind="not-pdf")
    from auditor.readers.text_export import read_text_export

    return read_text_export(p, text, digest)
