"""A checklist a reviewer ticks off: one line per finding, room for a decision."""

from __future__ import annotations

from typing import TextIO

from auditor.findings.records import Finding
from auditor.findings.result import AuditResult
from auditor.reporters.labels import describe_location, labels, summary_line


def report(result: AuditResult, out: TextIO) -> None:
    lab = labels(result.lang)
    doc = result.document
    out.write(f"# {lab['checklist']}: {doc.path}\n\n")
    out.write(f"SHA-256 `{doc.sha256}` · {summary_line(result.summary)}\n\n")
    if not result.findings:
        out.write(f"{lab['no_findings']}\n")
    numbered = iter(range(1, len(result.findings) + 1))
    chapter: str | None = ""
    for group in result.groups:
        if group.chapter != chapter:
            chapter = group.chapter
            out.write(f"\n## {chapter or lab['front_matter']}\n\n")
        for f in group.findings:
            _item(out, next(numbered), f, result)
    if result.warnings:
        out.write(f"\n## {lab['warnings']}\n\n")
        for w in result.warnings:
            out.write(f"- {w}\n")


def _item(out: TextIO, i: int, f: Finding, result: AuditResult) -> None:
    """One checklist line with its input cells and room for the decision."""
    lab = labels(result.lang)
    where = describe_location(f.locations[0], result.lang, layout=result.layout)
    out.write(f"- [ ] **{i}. {f.rule}** ({f.severity}) {where}: {f.message}")
    if f.printed is not None:
        out.write(f" {lab['printed']}: `{f.printed}`")
    if f.expected is not None:
        out.write(f"; {lab['expected']}: `{f.expected}`")
    out.write("\n")
    if len(f.locations) > 1:
        inputs = "; ".join(
            f"{describe_location(loc, result.lang, layout=result.layout)} `{loc.text}`" for loc in f.locations[1:6]
        )
        more = f" (+{len(f.locations) - 6})" if len(f.locations) > 6 else ""
        out.write(f"  - {lab['inputs']}: {inputs}{more}\n")
    out.write(f"  - {lab['decision']}: \n")
