"""Output formats. Each is a module with one ``report(result, out)`` function;
all of them read the same list of findings (see auditor.findings.result)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from auditor.findings.result import AuditResult
from auditor.reporters import csv_report, json_report, markdown_report, sarif_report, terminal

Reporter = Callable[[AuditResult, TextIO], None]

REPORTERS: dict[str, Reporter] = {
    "text": terminal.report,
    "json": json_report.report,
    "markdown": markdown_report.report,
    "csv": csv_report.report,
    "sarif": sarif_report.report,
}
