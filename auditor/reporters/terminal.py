"""The default report: findings grouped by page, one table each, then a summary."""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from tabulate import tabulate

from auditor.findings.result import AuditResult
from auditor.reporters.labels import describe_location, labels, summary_line


def report(result: AuditResult, out: TextIO) -> None:
    lab = labels(result.lang)
    doc = result.document
    pages = f", {doc.page_count} {lab['page'].lower()}" if doc.page_count else ""
    out.write(f"{lab['document']}: {doc.path}{pages}, {len(doc.tables)} {lab['table'].lower()}\n")
    for w in result.warnings:
        out.write(f"  ! {w}\n")
    if not result.findings:
        out.write(f"\n{lab['no_findings']}\n")
    for page, group in groupby(result.findings, key=lambda f: f.page):
        title = f"{lab['page']} {page}" if page is not None else lab["no_page"]
        out.write(f"\n== {title} ==\n")
        rows = []
        for f in group:
            loc = f.locations[0]
            rows.append(
                [
                    describe_location(loc, result.lang, with_page=False),
                    f"{f.rule}\n{f.severity}",
                    f.message,
                    f.printed or "",
                    f.expected or "",
                ]
            )
        out.write(
            tabulate(
                rows,
                headers=[lab["where"], lab["rule"], lab["message"], lab["printed"], lab["expected"]],
                tablefmt="simple_grid",
                maxcolwidths=[30, 8, 60, 18, 18],
            )
        )
        out.write("\n")
    out.write("\n")
    if result.baselined:
        out.write(f"({result.baselined} {lab['baselined']})\n")
    out.write(summary_line(result.summary) + "\n")
