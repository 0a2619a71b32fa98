"""How many processes read a document's pages.

Worker processes pay only when the document is long enough to amortise
starting them (each opens the PDF again) and when there are idle cores for
them: on a busy machine (a batch auditing two documents at once on two
cores, a CI runner shared with other jobs) a second worker only competes
with the first for the same core and costs its memory (1.4-1.8 times the
single-process peak, measured). The decision is made from the page count,
the cores this process may run on (``os.sched_getaffinity``) and how many
of them are busy (the one-minute load average); the document read is the
same for any count, so the choice changes the time, never the output.
"""

from __future__ import annotations

import math
import os

PAGES_PER_WORKER = 4
"""Each worker needs more than this many pages: a document of up to four
pages is read in this process, starting the workers would eat most of the
gain (five pages in two workers already gain a third)."""
MAX_WORKERS = 2
"""Measured on two cores; more workers have not been measured to pay."""
WORKERS_ENV = "AUDIT_PDF_WORKERS"
"""Environment variable fixing the number of page-reading processes
(1 reads in this process only)."""


def usable_cores() -> int:
    """Cores this process may be scheduled on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def busy_cores() -> float:
    """Cores kept busy by runnable processes (the one-minute load average)."""
    try:
        return os.getloadavg()[0]
    except OSError:  # pragma: no cover - no load average on this system
        return 0.0


def free_cores(cores: int | None = None, busy: float | None = None) -> int:
    """Idle cores, rounded to the nearest whole one, at least one (the
    document is read somewhere)."""
    cores = usable_cores() if cores is None else cores
    busy = busy_cores() if busy is None else busy
    return max(1, math.floor(cores - min(max(busy, 0.0), cores) + 0.5))


def requested_workers(requested: int | None = None) -> int | None:
    """An explicit worker count: the argument, else ``AUDIT_PDF_WORKERS``,
    else None (decide from the machine)."""
    if requested is not None:
        return requested
    env = os.environ.get(WORKERS_ENV, "").strip()
    return int(env) if env.isdigit() else None


def worker_count(npages: int, requested: int | None = None, free: int | None = None) -> int:
    """Processes to read ``npages`` pages with; 1 means this process alone.

    An explicit request (argument or environment) is followed for documents
    long enough to split; otherwise one worker per started block of
    ``PAGES_PER_WORKER`` pages, no more than the free cores and
    ``MAX_WORKERS``.
    """
    if npages <= PAGES_PER_WORKER:
        return 1
    wanted = requested_workers(requested)
    if wanted is not None:
        return max(1, wanted)
    by_pages = math.ceil(npages / PAGES_PER_WORKER)
    return max(1, min(MAX_WORKERS, by_pages, free_cores() if free is None else free))
