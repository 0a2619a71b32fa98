"""Forked worker processes that read pages under a watchdog.

The per-page time limit of :mod:`auditor.readers.limits` is a signal, and a
signal handler runs only between Python bytecodes: a page on which native
code (PDFium) loops never returns to Python, and the timer never fires. So
pages are read in child processes, handed out one at a time, and this
process watches the child's CPU time (read from ``/proc``, so that a
loaded machine does not change which pages are read): a child that has
spent ``deadline`` CPU seconds on its page, or ``WALL_FACTOR`` times that in
wall time (a hang that does not use the CPU), is killed, the page recorded as :data:`TIMED_OUT`, and a fresh child takes the
remaining pages. A child that dies on a page (a crash in native code) costs
that page only (:data:`CRASHED`). After ``max_lost`` pages past their time
the rest are not read (:data:`SKIPPED`): they usually share the object that
hangs, and each would cost the full time again.

Results are kept by item, so they do not depend on which child read what.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

WALL_FACTOR = 10
"""A child on one page this many times its CPU deadline in wall time is
killed too, whatever its CPU time says."""
_MIN_NAP = 0.02
TIMED_OUT = "timed-out"
CRASHED = "crashed"
SKIPPED = "skipped"


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass(frozen=True)
class Lost:
    """An item no child returned a result for, and why (one of the constants above)."""

    reason: str


class PoolUnavailable(Exception):
    """No child could be started or made ready; the caller reads the items itself."""


@dataclass
class _Child:
    process: Any
    conn: Connection
    item: int | None = None
    since: float = field(default_factory=time.monotonic)
    cpu_since: float = 0.0

    def cpu(self) -> float:
        """CPU seconds the child has used (its wall time if /proc cannot say)."""
        try:
            with open(f"/proc/{self.process.pid}/stat", encoding="ascii") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / _TICKS
        except (OSError, ValueError, IndexError):
            return time.monotonic()

    def spent(self) -> tuple[float, float]:
        """CPU and wall seconds on the current item."""
        return self.cpu() - self.cpu_since, time.monotonic() - self.since


def _serve(conn: Connection, init: Callable[[], None], work: Callable[[int], Any]) -> None:
    """A child's life: get ready, then answer one item at a time until told to stop."""
    try:
        init()
    except BaseException:  # noqa: BLE001 - the parent learns it from the missing "ready"
        conn.close()
        return
    conn.send("ready")
    while (item := conn.recv()) is not None:
        conn.send_bytes(pickle.dumps(work(item), protocol=pickle.HIGHEST_PROTOCOL))


def _start(init: Callable[[], None], work: Callable[[int], Any], ready_seconds: float | None) -> _Child:
    """A forked child, ready to read (or PoolUnavailable)."""
    ctx = multiprocessing.get_context("fork")
    ours, theirs = ctx.Pipe()
    process = ctx.Process(target=_serve, args=(theirs, init, work), daemon=True)
    process.start()
    theirs.close()
    child = _Child(process, ours)
    try:
        if ours.poll(ready_seconds) and ours.recv() == "ready":
            return child
    except (EOFError, OSError):
        pass
    _stop(child)
    raise PoolUnavailable


def _stop(child: _Child) -> None:
    with contextlib.suppress(Exception):
        child.process.kill()
    with contextlib.suppress(Exception):
        child.process.join(5)
    with contextlib.suppress(Exception):
        child.conn.close()


def supervised_map(
    init: Callable[[], None],
    work: Callable[[int], Any],
    items: list[int],
    workers: int,
    deadline: float | None,
    *,
    ready_seconds: float | None = None,
    max_lost: int = 3,
) -> dict[int, Any]:
    """``work(item)`` for every item, in up to ``workers`` forked children
    (each runs ``init`` once first); an item past ``deadline`` seconds, or
    whose child died, maps to a :class:`Lost`.

    Raises PoolUnavailable when no child gets ready (within
    ``ready_seconds``) before any item is read.
    """
    pending = deque(items)
    results: dict[int, Any] = {}
    children = [_start(init, work, ready_seconds) for _ in range(max(1, min(workers, len(items))))]
    lost = 0
    try:
        for child in children:
            _hand_out(child, pending)
        while busy := [c for c in children if c.item is not None]:
            for child in _wait(busy, deadline):
                answer = _answer(child)
                results[child.item] = answer
                if not isinstance(answer, Lost):
                    _hand_out(child, pending)
                    continue
                lost += answer.reason == TIMED_OUT
                _stop(child)
                children.remove(child)
                if lost >= max_lost:
                    results.update({item: Lost(SKIPPED) for item in pending})
                    pending.clear()
                elif pending and (fresh := _replacement(init, work, ready_seconds)) is not None:
                    _hand_out(fresh, pending)
                    children.append(fresh)
    finally:
        for child in children:
            with contextlib.suppress(Exception):
                child.conn.send(None)
            _stop(child)
    return _unpacked(results)


def _unpacked(results: dict[int, Any]) -> dict[int, Any]:
    """The answers as objects, built once every child has stopped.

    Answers are kept as the bytes the child sent until then: a page's
    pickled words and tables are a fraction of their size as objects, and
    while the children live their memory adds to this process's. Each
    answer's bytes are let go as it is built."""
    for item, answer in results.items():
        if isinstance(answer, _Packed):
            results[item] = pickle.loads(answer.data)  # bytes from our own forked child
    return results


def _replacement(init: Callable[[], None], work: Callable[[int], Any], ready: float | None) -> _Child | None:
    """A new child in place of a killed one; None if none starts (the items
    left are then the caller's to read: it reads whatever has no result)."""
    try:
        return _start(init, work, ready)
    except PoolUnavailable:
        return None


def _hand_out(child: _Child, pending: deque) -> None:
    """Give ``child`` the next item, or mark it idle."""
    child.item = pending.popleft() if pending else None
    child.since, child.cpu_since = time.monotonic(), child.cpu()
    if child.item is not None:
        child.conn.send(child.item)


def _wait(busy: list[_Child], deadline: float | None) -> list[_Child]:
    """Children with an answer (or dead), or past their deadline.

    CPU time never runs faster than the clock, so sleeping until the
    nearest remaining CPU budget is spent wakes in time to look again.
    """
    timeout = None if deadline is None else max(_MIN_NAP, min(_left(c, deadline) for c in busy))
    ready = set(wait([c.conn for c in busy], timeout))
    return [c for c in busy if c.conn in ready or (deadline is not None and _left(c, deadline) <= 0)]


def _left(child: _Child, deadline: float) -> float:
    """Seconds the child may still spend on its item, by CPU or by wall time."""
    cpu, wall = child.spent()
    return min(deadline - cpu, deadline * WALL_FACTOR - wall)


@dataclass(frozen=True)
class _Packed:
    """A child's answer as the bytes it sent (see :func:`_unpacked`)."""

    data: bytes


def _answer(child: _Child) -> Any:
    """The child's result for its item, still packed; Lost if it died or
    is still on it."""
    try:
        return _Packed(child.conn.recv_bytes()) if child.conn.poll() else Lost(TIMED_OUT)
    except (EOFError, OSError):
        return Lost(CRASHED)
