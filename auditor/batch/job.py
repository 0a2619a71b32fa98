"""One document audited by the ``audit`` command in a child process, with a time limit.

A child process is the isolation a batch needs: a document that hangs is
killed at its deadline, one that crashes or runs out of memory takes only
itself down, and the JSON it writes is byte for byte what ``audit --format
json`` writes for the same path, because it is that command. The function is
plain and picklable so a Dask worker can run it as well as a local thread.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass

from auditor.batch.store import Outcome

EXIT_STATUS = {2: "unreadable"}
"""Exit codes of ``audit`` other than 0 and 1, as batch statuses (else failed)."""


@dataclass(frozen=True)
class Job:
    """What a worker needs to audit one document."""

    document: str
    sha256: str
    output: str
    options: tuple[str, ...] = ()
    timeout: float = 600.0

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "auditor", "check", self.document,
            "--format", "json", "-o", self.output, "--fail-on", "never", *self.options,
        ]  # fmt: skip


def run(job: Job) -> Outcome:
    """Audit ``job.document``; never raises, whatever the document does."""
    started = time.perf_counter()
    try:
        done = subprocess.run(job.command(), capture_output=True, text=True, timeout=job.timeout, check=False)
    except subprocess.TimeoutExpired:
        return _outcome(job, "timeout", started, message=f"no result within {job.timeout:g} s")
    except OSError as exc:
        return _outcome(job, "failed", started, message=str(exc))
    if done.returncode != 0:
        status = EXIT_STATUS.get(done.returncode, "failed")
        message = _last_line(done.stderr).removeprefix("audit: ")
        return _outcome(job, status, started, message=message or f"exit {done.returncode}")
    return _read_result(job, started)


def _read_result(job: Job, started: float) -> Outcome:
    try:
        with open(job.output, encoding="utf-8") as fh:
            payload = json.load(fh)
    except (OSError, ValueError) as exc:
        return _outcome(job, "failed", started, message=f"unreadable output: {exc}")
    summary = payload.get("summary", {})
    errors = int(summary.get("error", 0))
    return _outcome(
        job,
        "findings" if errors else "ok",
        started,
        pages=int(payload.get("document", {}).get("pages") or 0),
        errors=errors,
        warnings=int(summary.get("warning", 0)),
        infos=int(summary.get("info", 0)),
        output=job.output,
    )


def _outcome(job: Job, status: str, started: float, **values: object) -> Outcome:
    seconds = round(time.perf_counter() - started, 3)
    return Outcome(document=job.document, sha256=job.sha256, status=status, seconds=seconds, **values)  # type: ignore[arg-type]


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""
