"""Machine-readable output; these field names are a stable interface."""

from __future__ import annotations

import json
from typing import TextIO

from auditor import __version__
from auditor.findings.result import AuditResult


def report(result: AuditResult, out: TextIO) -> None:
    payload = {
        "tool": {"name": "lakip-auditor", "version": __version__},
        "document": result.document_info(),
        "findings": [f.to_dict() for f in result.findings],
        "summary": {**result.summary, "baselined": result.baselined},
        "warnings": result.warnings,
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")
