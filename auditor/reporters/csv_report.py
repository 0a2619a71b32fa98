"""One spreadsheet row per finding, with empty columns for the reviewer."""

from __future__ import annotations

import csv
from typing import TextIO

from auditor.findings.result import AuditResult

COLUMNS = [
    "no", "rule", "severity", "confidence", "page", "line", "table", "row", "column",
    "row_label", "column_header", "text", "printed", "expected", "message",
    "fingerprint", "decision", "note",
]  # fmt: skip


def report(result: AuditResult, out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for i, f in enumerate(result.findings, start=1):
        loc = f.locations[0]
        writer.writerow(
            {
                "no": i,
                "rule": f.rule,
                "severity": f.severity,
                "confidence": f.confidence,
                "page": loc.page,
                "line": loc.line,
                "table": loc.table,
                "row": loc.row,
                "column": loc.column,
                "row_label": loc.row_label,
                "column_header": loc.column_header,
                "text": loc.text,
                "printed": f.printed,
                "expected": f.expected,
                "message": f.message,
                "fingerprint": f.fingerprint,
                "decision": "",
                "note": "",
            }
        )
