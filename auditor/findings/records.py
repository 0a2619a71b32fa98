"""Findings: immutable records that every reporter reads.

Rules never print and reporters never compute; this is the one record type
in between. A finding's fingerprint is built from what it means (rule, the
table's and row's names, the values), never from page or line numbers, so a
baseline of accepted findings survives edits elsewhere in the report.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
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
    occurrence: int = field(default=0, compare=False)
    """Which of several distinct findings of one meaning this is (0: the
    first), so that distinct findings never share a fingerprint."""
    habit: str = field(default="", compare=False)
    """A writing habit the finding is one instance of ("truncated": the
    printed value fits only if the result was cut off, not rounded), so a
    report-wide habit can be reported once instead of figure by figure."""

    @property
    def page(self) -> int | None:
        return self.locations[0].page if self.locations else None

    @property
    def fingerprint(self) -> str:
        parts = (self.rule, *self.meaning, self.printed or "", self.expected or "")
        if self.occurrence:
            parts = (*parts, f"#{self.occurrence}")
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


def distinct_fingerprints(findings: list[Finding]) -> list[Finding]:
    """``findings`` (in reading order) with exact repeats dropped and the
    later of several distinct findings that share a meaning numbered.

    The meaning (rule, table, row and column names, values) is what keeps a
    fingerprint stable across edits; two rows printing the same duplicate
    ("row 11 = row 5", "row 17 = row 5") share it, and a baseline that
    accepts one must not silently accept the other. Numbering them in
    reading order keeps the first one's fingerprint unchanged.
    """
    out: list[Finding] = []
    seen: set[Finding] = set()
    count: dict[str, int] = {}
    for f in findings:
        if f in seen:
            continue
        seen.add(f)
        base = f.fingerprint
        n = count.get(base, 0)
        count[base] = n + 1
        out.append(replace(f, occurrence=n) if n else f)
    return out


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
