"""How sure a finding is of the structure it stands on, and the filter on it.

Severity says how wrong the figures are if they were read right; confidence
says how likely they were read right. A table found from its ruling lines
(or given as a text export) is read as printed; one inferred from the
alignment of words may have merged or split a column; one read by OCR may
have misread a digit; a relation inferred from the figures of three rows is
weaker ground than one that twelve rows obey. ``--min-confidence`` lets a
reviewer look at the surest findings first.
"""

from __future__ import annotations

from dataclasses import replace

from auditor.findings.records import Finding

LEVELS = ("low", "medium", "high")
ORDER = {level: i for i, level in enumerate(LEVELS)}

SOURCE_CONFIDENCE = {"ruled": "high", "text": "high", "text-aligned": "medium", "ocr": "low"}
"""Confidence a table reader's output allows (``Table.source``); a reader
not listed here is trusted no more than text alignment."""


def source_confidence(source: str) -> str:
    """The highest confidence a finding in a table found by ``source`` may have."""
    return SOURCE_CONFIDENCE.get(source, "medium")


def lowest(*levels: str) -> str:
    """The weakest of ``levels``: a finding is as sure as its least sure ground."""
    return min(levels, key=lambda level: ORDER[level])


def capped(f: Finding, level: str) -> Finding:
    """``f`` with its confidence no higher than ``level``."""
    new = lowest(f.confidence, level)
    return f if new == f.confidence else replace(f, confidence=new)


def at_least(findings: list[Finding], level: str) -> list[Finding]:
    """The findings whose confidence is ``level`` or higher."""
    floor = ORDER[level]
    return [f for f in findings if ORDER.get(f.confidence, 0) >= floor]
