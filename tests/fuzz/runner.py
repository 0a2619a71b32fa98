"""Run ``audit`` on one case under a time and a memory limit, and judge it.

A case passes when the run ends by itself within the time limit with exit
0, 1 or 2 (the limit counts CPU seconds of the run and the processes it
waited for, like the auditor's own limits, so a loaded machine does not
turn a slow case into a hang; a run is killed after ``WALL_FACTOR`` times
the limit in wall time), nothing on stderr looks like a traceback or a log line, and an
exit 2 says why in one sentence on one line.
"""

from __future__ import annotations

import contextlib
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tests.fuzz.mutate import Case

REPO = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 1536 * 1024 * 1024
"""Address space allowed to the audit process (each worker inherits it)."""
WALL_FACTOR = 5
"""Wall time a case may take, in multiples of its CPU limit, before it is killed."""
_LOG_LINE = re.compile(r"^(WARNING|ERROR|INFO|DEBUG|CRITICAL)[: ]|^Traceback|^\s+File \"", re.MULTILINE)


@dataclass
class Outcome:
    """How one run ended."""

    case: Case
    exit_code: int | None
    """None: killed at the time limit."""
    seconds: float
    max_rss_mb: float
    stderr: str
    cpu_seconds: float = 0.0
    limit: float = 60.0

    @property
    def problem(self) -> str | None:
        """Why this run fails the harness, or None."""
        if self.exit_code is None:
            return "hang (killed at the time limit)"
        if self.cpu_seconds > self.limit:
            return f"hang ({self.cpu_seconds:.0f} CPU seconds)"
        if self.exit_code not in (0, 1, 2):
            return f"exit {self.exit_code}"
        if _LOG_LINE.search(self.stderr):
            return "traceback or log line on stderr"
        if self.exit_code == 2 and not _one_sentence(self.stderr):
            return "exit 2 without a one-sentence message"
        return None


def _one_sentence(stderr: str) -> bool:
    """One line, starting ``audit: ``, short enough to read."""
    lines = stderr.strip().splitlines()
    return len(lines) == 1 and lines[0].startswith("audit: ") and len(lines[0]) <= 400


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_case(case: Case, timeout: float = 60.0, extra: tuple[str, ...] = ()) -> Outcome:
    """Run ``audit`` on ``case`` (with ``extra`` options); the whole process
    group is killed at ``WALL_FACTOR`` x ``timeout`` wall seconds."""
    cmd = [sys.executable, "-c", "from auditor.cli import main; main()", *case.args, "--format", "json", *extra]
    with tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(
            cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL,
            preexec_fn=_limits, start_new_session=True,
        )  # fmt: skip
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout * WALL_FACTOR, kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    code = None if killed.is_set() else proc.returncode
    cpu = usage.ru_utime + usage.ru_stime
    return Outcome(case, code, seconds, usage.ru_maxrss / 1024, stderr, cpu, timeout)


def summary(outcomes: list[Outcome], top: int = 5) -> str:
    """Exit-code counts, the slowest and largest cases, and every failure."""
    counts = Counter("hang" if o.exit_code is None else str(o.exit_code) for o in outcomes)
    lines = [f"{len(outcomes)} cases; exit codes: " + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))]
    lines.append("slowest:")
    lines += [
        f"  {o.seconds:7.1f} s  ({o.cpu_seconds:.1f} s CPU)  {o.case.name}"
        for o in sorted(outcomes, key=lambda o: -o.seconds)[:top]
    ]
    lines.append("largest (max RSS):")
    lines += [f"  {o.max_rss_mb:7.0f} MB {o.case.name}" for o in sorted(outcomes, key=lambda o: -o.max_rss_mb)[:top]]
    failures = [o for o in outcomes if o.problem]
    lines.append(f"failures: {len(failures)}")
    for o in failures:
        tail = o.stderr.strip().splitlines()[-1:] or [""]
        lines.append(f"  {o.case.name}: {o.problem}: {tail[0][:300]}")
    return "\n".join(lines)
