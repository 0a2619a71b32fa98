"""Output formats. Each is a module with one ``report(result, out)`` function;
all of them read the same list of findings (see auditor.findings.result)."""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO, TextIO

from auditor.findings.result import AuditResult
from auditor.reporters import (
    csv_report,
    github_report,
    html_report,
    json_report,
    junit_report,
    markdown_report,
    sarif_report,
    terminal,
)

Reporter = Callable[[AuditResult, TextIO], None]

REPORTERS: dict[str, Reporter] = {
    "text": terminal.report,
    "json": json_report.report,
    "markdown": markdown_report.report,
    "csv": csv_report.report,
    "sarif": sarif_report.report,
    "junit": junit_report.report,
    "github": github_report.report,
    "html": html_report.report,
}

BinaryReporter = Callable[[AuditResult, BinaryIO], None]


def _xlsx(result: AuditResult, out: BinaryIO) -> None:
    """The workbook, its module imported only when one is written: openpyxl
    (and numpy under it) takes longer to import than the rest of the CLI."""
    from auditor.reporters import xlsx_report

    xlsx_report.report(result, out)


BINARY_REPORTERS: dict[str, BinaryReporter] = {
    "xlsx": _xlsx,
}
"""Formats that write bytes (a workbook): they need ``-o FILE``."""
