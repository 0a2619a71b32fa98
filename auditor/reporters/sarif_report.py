"""SARIF 2.1.0, for code-scanning dashboards and CI annotations.

PDF places have no text lines: the page, table, row and column go into each
location's properties and the printed text into the region's snippet.
"""

from __future__ import annotations

import json
from typing import TextIO

from auditor import __version__
from auditor.findings.result import AuditResult
from auditor.model import Location

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _location(path: str, loc: Location) -> dict[str, object]:
    region: dict[str, object] = {"snippet": {"text": loc.text}}
    if loc.line is not None:
        region["startLine"] = loc.line
    props = {k: v for k, v in loc.to_dict().items() if k not in ("line", "text") and v is not None}
    return {"physicalLocation": {"artifactLocation": {"uri": path}, "region": region}, "properties": props}


def report(result: AuditResult, out: TextIO) -> None:
    path = result.document.path
    rules = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.title.get(result.lang, r.title["id"])},
            "fullDescription": {"text": r.explain or r.title["id"]},
            "defaultConfiguration": {"level": LEVELS[r.severity]},
        }
        for r in result.rules
    ]
    results = [
        {
            "ruleId": f.rule,
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [_location(path, loc) for loc in f.locations[:1]],
            "relatedLocations": [_location(path, loc) for loc in f.locations[1:]],
            "partialFingerprints": {"lakipFingerprint/v1": f.fingerprint},
            "properties": {"printed": f.printed, "expected": f.expected, "confidence": f.confidence},
        }
        for f in result.findings
    ]
    sarif = {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [
            {
                "tool": {"driver": {"name": "lakip-auditor", "version": __version__, "rules": rules}},
                "results": results,
            }
        ],
    }
    json.dump(sarif, out, ensure_ascii=False, indent=2)
    out.write("\n")
