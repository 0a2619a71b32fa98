"""SARIF 2.1.0, for code-scanning dashboards and CI annotations.

The schema demands that a ``region`` name a line, a character or a byte
offset. A text export has lines, so its findings get ``startLine``; a PDF has
none, so its findings carry no region at all (a file-level result) and the
page, bbox, table, row and column go into the location's ``properties``, a
``logicalLocations`` entry ("p24/T5/r3/c4") and a readable ``message``.
Inventing ``startLine = page`` would send a viewer to the wrong place.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from auditor import __version__
from auditor.findings.result import AuditResult
from auditor.model import Location
from auditor.reporters.labels import describe_location

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for ``path``: relative to the working directory when
    inside it (what code scanning wants: paths from the repository root),
    else an absolute ``file://`` URI. Never a bare Windows path, which is no URI."""
    p = Path(path)
    try:
        return quote(p.resolve().relative_to(Path.cwd().resolve()).as_posix())
    except ValueError:
        return p.resolve().as_uri()


def _logical_name(loc: Location) -> str | None:
    """'p24/T5/r3/c4': where in a PDF the cell is, as a stable path."""
    parts = [f"p{loc.page}" if loc.page is not None else None, loc.table]
    if loc.table:
        parts += [f"r{loc.row}" if loc.row is not None else None, f"c{loc.column}" if loc.column is not None else None]
    name = "/".join(p for p in parts if p)
    return name or None


def _location(uri: str, loc: Location, lang: str) -> dict[str, object]:
    physical: dict[str, object] = {"artifactLocation": {"uri": uri}}
    if loc.line is not None:
        physical["region"] = {"startLine": loc.line, "snippet": {"text": loc.text}}
    props = {k: v for k, v in loc.to_dict().items() if k != "line" and v is not None}
    out: dict[str, object] = {"physicalLocation": physical, "properties": props}
    name = _logical_name(loc)
    if name:
        kind = "element" if loc.table else "module"
        out["logicalLocations"] = [{"name": name, "fullyQualifiedName": name, "kind": kind}]
    where = describe_location(loc, lang)
    if where:
        out["message"] = {"text": where}
    return out


def _unique(items: list[dict[str, object]]) -> list[dict[str, object]]:
    """The schema wants distinct related locations; a cell named twice is one."""
    seen: set[str] = set()
    out = []
    for item in items:
        key = json.dumps(item, sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _rules(result: AuditResult) -> list[dict[str, object]]:
    return [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.title.get(result.lang, r.title["id"])},
            "fullDescription": {"text": r.explain or r.title["id"]},
            "defaultConfiguration": {"level": LEVELS[r.severity]},
        }
        for r in result.rules
    ]


def report(result: AuditResult, out: TextIO) -> None:
    uri = artifact_uri(result.document.path)
    lang = result.lang
    results = [
        {
            "ruleId": f.rule,
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [_location(uri, loc, lang) for loc in f.locations[:1]],
            "relatedLocations": _unique([_location(uri, loc, lang) for loc in f.locations[1:]]),
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
                "tool": {"driver": {"name": "lakip-auditor", "version": __version__, "rules": _rules(result)}},
                "artifacts": [{"location": {"uri": uri}, "hashes": {"sha-256": result.document.sha256}}],
                "results": results,
            }
        ],
    }
    json.dump(sarif, out, ensure_ascii=False, indent=2)
    out.write("\n")
