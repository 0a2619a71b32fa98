"""Accepted findings: a CI gate passes once the team has looked at a finding
and decided to keep it. Matching is by meaning (fingerprint), so edits
elsewhere in the report do not revive accepted findings."""

from __future__ import annotations

import json
from pathlib import Path

from auditor.errors import InputError
from auditor.findings.records import Finding


def load_baseline(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(entry["fingerprint"]) for entry in data["accepted"]}
    except FileNotFoundError:
        raise InputError(f"Baseline file not found: {path}", kind="baseline") from None
    except (ValueError, KeyError, TypeError):
        raise InputError(
            f"{path} is not a baseline file (expected JSON with an 'accepted' list of fingerprints).",
            kind="baseline",
        ) from None


def write_baseline(path: Path, findings: list[Finding]) -> None:
    accepted = [
        {"fingerprint": f.fingerprint, "rule": f.rule, "printed": f.printed, "message": f.message} for f in findings
    ]
    path.write_text(json.dumps({"accepted": accepted}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def apply_baseline(findings: list[Finding], accepted: set[str]) -> tuple[list[Finding], int]:
    kept = [f for f in findings if f.fingerprint not in accepted]
    return kept, len(findings) - len(kept)
