"""``--statistics``: how many findings each rule made, most frequent first.

Printed on standard error so that it can accompany any format, JSON or SARIF
on standard output included, without breaking what a parser reads.
"""

from __future__ import annotations

from auditor.findings.result import AuditResult
from auditor.reporters.labels import summary_line
from auditor.reporters.worksheet import rule_counts

HEADING = {"id": "Jumlah temuan per aturan", "en": "Findings per rule"}


def statistics(result: AuditResult) -> str:
    """'  3  SUM001  Baris JUMLAH ...' lines under a heading, then the totals."""
    lines = [f"{HEADING.get(result.lang, HEADING['id'])}:"]
    counts = rule_counts(result)
    width = max((len(str(n)) for _, _, n in counts), default=1)
    lines += [f"  {n:>{width}}  {code}  {title}" for code, title, n in counts]
    lines.append(summary_line(result.summary))
    return "\n".join(lines)
