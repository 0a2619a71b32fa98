"""The default report: findings grouped by chapter and page, one table each, then a summary."""

from __future__ import annotations

import textwrap
from typing import TextIO

from tabulate import tabulate

from auditor.findings.result import AuditResult
from auditor.reporters.labels import describe_location, labels, page_label, summary_line


def _wrapped(text: str, width: int) -> str:
    """A figure cell broken into lines of at most ``width`` characters."""
    return "\n".join(textwrap.wrap(text, width)) if text else ""


def report(result: AuditResult, out: TextIO) -> None:
    lab = labels(result.lang)
    doc = result.document
    pages = f", {doc.page_count} {lab['page'].lower()}" if doc.page_count else ""
    out.write(f"{lab['document']}: {doc.path}{pages}, {len(doc.tables)} {lab['table'].lower()}\n")
    for w in result.warnings:
        out.write(f"  ! {w}\n")
    if not result.findings:
        out.write(f"\n{lab['no_findings']}\n")
    chapter: str | None = ""
    for group in result.groups:
        if group.chapter != chapter:
            chapter = group.chapter
            out.write(f"\n### {chapter or lab['front_matter']} ###\n")
        page = group.page
        title = page_label(page, result.lang, result.layout) if page is not None else lab["no_page"]
        out.write(f"\n== {title} ==\n")
        rows = []
        for f in group.findings:
            loc = f.locations[0]
            rows.append(
                [
                    describe_location(loc, result.lang, with_page=False, layout=result.layout),
                    f"{f.rule}\n{f.severity}",
                    f.message,
                    _wrapped(f.printed or "", 18),
                    _wrapped(f.expected or "", 18),
                ]
            )
        out.write(
            tabulate(
                rows,
                headers=[lab["where"], lab["rule"], lab["message"], lab["printed"], lab["expected"]],
                tablefmt="simple_grid",
                # the figures are wrapped here: tabulate's own wrapping reads
                # "0,016" as the integer 16 thousand and fails
                maxcolwidths=[30, 8, 60, None, None],
                disable_numparse=True,
            )
        )
        out.write("\n")
    out.write("\n")
    if result.baselined:
        out.write(f"({result.baselined} {lab['baselined']})\n")
    out.write(summary_line(result.summary) + "\n")
