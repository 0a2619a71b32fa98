"""A checklist a reviewer ticks off: one line per finding, room for a decision."""

from __future__ import annotations

from typing import TextIO

from auditor.findings.result import AuditResult
from auditor.reporters.labels import describe_location, labels, summary_line


def report(result: AuditResult, out: TextIO) -> None:
    lab = labels(result.lang)
    doc = result.document
    out.write(f"# {lab['checklist']}: {doc.path}\n\n")
    out.write(f"SHA-256 `{doc.sha256}` · {summary_line(result.summary)}\n\n")
    if not result.findings:
        out.write(f"{lab['no_findings']}\n")
    for i, f in enumerate(result.findings, start=1):
        where = describe_location(f.locations[0], result.lang)
        out.write(f"- [ ] **{i}. {f.rule}** ({f.severity}) {where}: {f.message}")
        if f.printed is not None:
            out.write(f" {lab['printed']}: `{f.printed}`")
        if f.expected is not None:
            out.write(f"; {lab['expected']}: `{f.expected}`")
        out.write("\n")
        if len(f.locations) > 1:
            inputs = "; ".join(f"{describe_location(loc, result.lang)} `{loc.text}`" for loc in f.locations[1:6])
            more = f" (+{len(f.locations) - 6})" if len(f.locations) > 6 else ""
            out.write(f"  - {lab['inputs']}: {inputs}{more}\n")
        out.write(f"  - {lab['decision']}: \n")
    if result.warnings:
        out.write(f"\n## {lab['warnings']}\n\n")
        for w in result.warnings:
            out.write(f"- {w}\n")
