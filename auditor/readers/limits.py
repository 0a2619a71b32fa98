"""Limits on reading one PDF: pages, seconds per page, memory per page,
objects per page.

A hostile or broken PDF can make pdfminer loop on a reference cycle, inflate
a FlateDecode stream to gigabytes or describe millions of pages. The reader
runs each page under :func:`page_limits`: a page past its time or memory is
abandoned (it raises :class:`PageLimitError` or ``MemoryError``, which the
reader turns into a skipped-page warning) and the audit goes on. Both
limits work the same in this process and in the forked page workers: the
timer is SIGPROF (the reading thread is each process's main thread) and the
memory ceiling is the soft RLIMIT_AS, lowered for the page and put back.

The time is CPU time (``ITIMER_PROF``), not wall time: on a loaded machine
(a batch, a shared CI runner) a page that needs 2 s of CPU may take 20 s of
wall time, and a wall-clock limit would then skip it in one run and read it
in the next: the findings would depend on the load. A loop or a bomb burns
CPU, so the CPU limit ends it all the same.
"""

from __future__ import annotations

import logging
import resource
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType


@dataclass(frozen=True)
class ReadLimits:
    """What one document may cost; the CLI flags set these, the defaults are safe."""

    max_pages: int = 2000
    """More pages than this: the file is refused (a real report has a few hundred)."""
    page_seconds: float = 10.0
    """CPU seconds to read one page (the slowest corpus page takes about 2 s)."""
    max_slow_pages: int = 3
    """After this many pages past their time, a process reads no more pages:
    they usually share the broken object (a font, a resource dictionary),
    and each would cost the full time again."""
    max_objects: int = 100_000
    """Characters, rectangles, lines and curves one page may hold; a page
    with more is skipped with a warning (0: no limit). The densest corpus
    page holds about 20,000; word grouping and table finding grow faster
    than linearly in them, so a page of hundreds of thousands (a generated
    or hostile file) would cost minutes for nothing a reviewer reads."""
    memory_mb: int = 1024
    """Address space one page (or opening the file) may add to its process."""
    open_seconds: float = 20.0
    """CPU seconds to open the file and list its pages (a corpus PDF takes under 1 s;
    a reference loop in the xref can take minutes)."""
    reader: str = "pdfium"
    """Which library reads the pages' characters and rules (see ``READERS``);
    the document is meant to be the same with either."""


READERS = ("pdfplumber", "pdfium")
"""The page sources a PDF can be read with: pdfplumber (pdfminer's parser)
or pypdfium2 (PDFium's, several times faster)."""

DEFAULT_LIMITS = ReadLimits()


class PageLimitError(BaseException):
    """A page (or the opening) ran past its time limit.

    A BaseException, like KeyboardInterrupt: pdfminer and pdfplumber catch
    ``Exception`` in places and would swallow the timer and loop on.
    """


def quiet_pdf_loggers() -> None:
    """pdfminer logs warnings about every malformed object; the reader reports
    problems itself, in one sentence, so nothing of pdfminer's may reach
    stderr (a NullHandler keeps logging's last-resort handler away)."""
    for name in ("pdfminer", "pdfplumber"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
        logger.setLevel(logging.CRITICAL + 1)


def _address_space() -> int:
    """Bytes of address space this process uses now (Linux), 0 if unknown."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


@contextmanager
def memory_ceiling(megabytes: int) -> Iterator[None]:
    """Allow the process ``megabytes`` more address space for the block:
    an allocation beyond it raises MemoryError instead of taking the machine.

    An already lower limit (set by whoever started us) is kept.
    """
    used = _address_space()
    if megabytes <= 0 or not used:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = used + megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    if soft != resource.RLIM_INFINITY and soft <= ceiling:
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _raise_timeout(signum: int, frame: FrameType | None) -> None:
    raise PageLimitError


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise PageLimitError in the block after ``seconds`` of this process's
    CPU time (main thread only: elsewhere, and for ``seconds <= 0``, there is
    no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGPROF, _raise_timeout)
    # The alarm repeats every half second after the deadline: raised deep in
    # a recursion, the handler itself may fail (RecursionError, which
    # pdfminer catches and retries), and one alarm would then be lost.
    signal.setitimer(signal.ITIMER_PROF, seconds, 0.5)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


@contextmanager
def page_limits(seconds: float, megabytes: int) -> Iterator[None]:
    """Both limits around one page."""
    with memory_ceiling(megabytes), time_limit(seconds):
        yield
