"""Findings: immutable records that every reporter reads.

Rules never print and reporters never compute; this is the one record type
in between. A finding's fingerprint is built from what it means (rule, the
table's and row's names, the values), never from page or line numbers, so a
baseline of accepted findings survives edits elsewhere in the report.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from auditor.model import Location

SEVERITY_ORDER = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message: str
    expected: str | None
    printed: str | None
    locations: tuple[Location, ...]
    confidence: str = "high"
    title: str = ""
    meaning: tuple[str, ...] = field(default=(), compare=False)
    """What the fingerprint is made of: table title, row and column names."""

    @property
    def page(self) -> int | None:
        return self.locations[0].page if self.locations else None

    @property
    def fingerprint(self) -> str:
        parts = (self.rule, *self.meaning, self.printed or "", self.expected or "")
        return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "confidence": self.confidence,
            "title": self.title,
            "message": self.message,
            "expected": self.expected,
            "printed": self.printed,
            "fingerprint": self.fingerprint,
            "locations": [loc.to_dict() for loc in self.locations],
        }


def summarise(findings: list[Finding]) -> dict[str, int]:
    out = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        out[f.severity] += 1
    return out


def sort_key(f: Finding) -> tuple[Any, ...]:
    loc = f.locations[0] if f.locations else None
    return (
        loc.page if loc and loc.page is not None else 0,
        loc.line if loc and loc.line is not None else 0,
        loc.table or "" if loc else "",
        loc.row or 0 if loc else 0,
        loc.column or 0 if loc else 0,
        f.rule,
    )
