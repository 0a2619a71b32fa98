"""The batch summary: one line per document, as CSV and JSON, in document order."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

from auditor.batch.store import Outcome

COLUMNS = ("document", "pages", "errors", "warnings", "infos", "seconds", "status", "sha256", "output", "message")


def write_summary(outdir: Path, outcomes: list[Outcome]) -> None:
    """``summary.csv`` and ``summary.json`` in ``outdir``."""
    rows = [o.as_row() for o in sorted(outcomes, key=lambda o: o.document)]
    with open(outdir / "summary.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    totals = {"documents": len(rows), "status": dict(sorted(Counter(o.status for o in outcomes).items()))}
    with open(outdir / "summary.json", "w", encoding="utf-8") as fh:
        json.dump({"documents": rows, "totals": totals}, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def status_line(outcome: Outcome, done: int, total: int, reused: bool = False) -> str:
    """The progress line of one finished document."""
    if outcome.status in ("ok", "findings"):
        what = f"{outcome.errors} error, {outcome.warnings} warning"
    else:
        what = outcome.message
    status = f"{outcome.status}, reused" if reused else outcome.status
    return f"[{done}/{total}] {Path(outcome.document).name}: {status} ({what}; {outcome.seconds:.1f} s)"
