"""The documents a batch runs over: a folder, a glob, or files, in a stable order."""

from __future__ import annotations

import glob
from pathlib import Path

from auditor.errors import InputError

SUFFIXES = (".pdf", ".md", ".txt")
"""What ``audit`` reads: PDFs and the text exports of them."""


def expand(patterns: tuple[str, ...]) -> list[Path]:
    """Every readable document named by ``patterns``, sorted, each once.

    A folder contributes its documents recursively; a glob its matches; a
    plain path itself (whatever its suffix, so a bad file is reported by the
    audit instead of silently dropped).
    """
    found: dict[Path, None] = {}
    for pattern in patterns:
        path = Path(pattern)
        if path.is_dir():
            hits = [p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES]
        elif path.is_file():
            hits = [path]
        else:
            hits = [Path(p) for p in glob.glob(pattern, recursive=True) if Path(p).is_file()]
        for hit in sorted(hits):
            found.setdefault(hit.resolve(), None)
    if not found:
        raise InputError(f"No report found in {', '.join(patterns)}.", kind="usage")
    return sorted(found)
