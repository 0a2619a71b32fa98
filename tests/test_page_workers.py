"""How many processes read the pages, and the watchdog over them.

The worker count is a pure decision (page count, free cores); whatever it
decides, the JSON output is the one of the single-process run. A page on
which native code hangs cannot be stopped by the time limit's signal; the
stand-in here blocks SIGALRM and sleeps, which is what such a page looks
like to the interpreter, and the watchdog must still end the read in time.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from auditor.cli import main
from auditor.readers import workers
from auditor.readers.limits import ReadLimits
from auditor.readers.supervised import CRASHED, SKIPPED, TIMED_OUT, Lost, supervised_map
from auditor.readers.workers import free_cores, worker_count
from tests.test_pdf_reader import _long_pdf

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "examples" / "broken-report-ruled.pdf"


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(workers.WORKERS_ENV, raising=False)


def test_short_documents_are_read_in_this_process() -> None:
    assert worker_count(4, free=8) == 1
    assert worker_count(4, requested=2) == 1


def test_workers_only_on_free_cores() -> None:
    assert worker_count(48, free=2) == 2
    assert worker_count(48, free=1) == 1
    assert worker_count(5, free=2) == 2
    assert worker_count(400, free=16) == workers.MAX_WORKERS


def test_free_cores_are_the_usable_ones_minus_the_load() -> None:
    assert free_cores(cores=2, busy=0.2) == 2
    assert free_cores(cores=2, busy=0.6) == 1
    assert free_cores(cores=2, busy=5.0) == 1  # the document is read somewhere
    assert free_cores(cores=8, busy=2.4) == 6


def test_an_explicit_count_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    assert worker_count(48, requested=1, free=2) == 1
    monkeypatch.setenv(workers.WORKERS_ENV, "1")
    assert worker_count(48, free=2) == 1


def _json(path: Path) -> bytes:
    res = CliRunner().invoke(main, [str(path), "--format", "json", "--fail-on", "never"])
    assert res.exit_code == 0, res.output
    return res.stdout_bytes


def test_the_decided_count_gives_the_single_process_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "free_cores", lambda: 2)
    assert worker_count(12) == 2
    decided = _json(EXAMPLE)
    monkeypatch.setenv(workers.WORKERS_ENV, "1")
    assert _json(EXAMPLE) == decided


def _init() -> None:
    pass


def _spin() -> None:
    """Burn CPU with the time limit's signal blocked, as a loop in C does."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPROF})
    signal.setitimer(signal.ITIMER_PROF, 0.1)
    while True:
        pass


def _stuck_on_3(item: int) -> int:
    """Item 3 never returns to the interpreter; item 5 kills its process."""
    if item == 3:
        _spin()
    if item == 5:
        os.kill(os.getpid(), signal.SIGKILL)
    return item * 10


def test_the_watchdog_kills_a_stuck_or_dead_worker_and_goes_on() -> None:
    start = time.monotonic()
    got = supervised_map(_init, _stuck_on_3, list(range(1, 8)), 2, deadline=1.0, ready_seconds=30)
    # The spinning item never ends by itself: returning at all is the kill.
    # Its 1 s is CPU time, so the wall time depends on the machine's load.
    assert time.monotonic() - start < 60
    assert got == {1: 10, 2: 20, 3: Lost(TIMED_OUT), 4: 40, 5: Lost(CRASHED), 6: 60, 7: 70}


def _spin_or_sleep(item: int) -> None:
    """Item 1 loops on the CPU; item 2 waits forever without using it."""
    if item == 1:
        _spin()
    time.sleep(60)


def test_after_max_lost_pages_the_rest_are_skipped() -> None:
    got = supervised_map(_init, _spin_or_sleep, [1, 2, 3], 1, deadline=0.2, max_lost=2)
    assert got == {1: Lost(TIMED_OUT), 2: Lost(TIMED_OUT), 3: Lost(SKIPPED)}


def test_a_native_hang_in_a_pdfium_page_ends_within_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.readers import pdf as pdf_reader

    real = pdf_reader._read_page

    def hangs_on_2(source, number):  # type: ignore[no-untyped-def]
        if number == 2:  # what PDFium looping in C looks like: no signal handler runs
            _spin()
        return real(source, number)

    monkeypatch.setattr(pdf_reader, "_read_page", hangs_on_2)  # the forked worker sees it
    path = _long_pdf(tmp_path / "three.pdf", 3)
    start = time.monotonic()
    doc = pdf_reader.read_pdf(path, path.read_bytes(), "x", limits=ReadLimits(page_seconds=1, reader="pdfium"))
    assert time.monotonic() - start < 60  # the page spins for ever; a second page of CPU is its limit
    assert doc.warnings == [
        "Page 2 could not be read (halaman 2 tidak terbaca: it took longer than 1 s); it is skipped."
    ]
    assert {ln.page for ln in doc.lines} == {1, 3}


class _Answer:
    """An answer that notes, when it is rebuilt from its bytes, how many
    children were still alive."""

    built_beside: ClassVar[list[int]] = []

    def __init__(self, item: int) -> None:
        self.item = item

    def __setstate__(self, state: dict) -> None:
        import multiprocessing

        self.__dict__.update(state)
        _Answer.built_beside.append(len(multiprocessing.active_children()))


def _answer(item: int) -> _Answer:
    return _Answer(item)


def test_answers_are_kept_as_bytes_until_the_children_have_stopped() -> None:
    """While the children live their memory adds to this process's; the
    answers (a page's words and tables) become objects only after."""
    _Answer.built_beside.clear()
    got = supervised_map(_init, _answer, list(range(1, 9)), 2, deadline=10.0, ready_seconds=30)
    assert sorted((k, v.item) for k, v in got.items()) == [(k, k) for k in range(1, 9)]
    assert _Answer.built_beside == [0] * 8


def test_a_page_result_keeps_its_lines_without_their_words() -> None:
    """What a page reader sends back for running text is its text, box and
    weight: the document's lines are made of exactly that."""
    import pypdfium2

    from auditor.readers import read_document
    from auditor.readers.pdf import _read_page
    from auditor.readers.pdfium_page import PdfiumPage

    pdf = pypdfium2.PdfDocument(EXAMPLE)
    try:
        result = _read_page(PdfiumPage.read(pdf[0]), 1)
    finally:
        pdf.close()
    assert result.lines and all(not hasattr(ln, "words") for ln in result.lines)
    doc_lines = [ln for ln in read_document(EXAMPLE).lines if ln.page == 1]
    assert [(ln.text, ln.bbox, ln.bold) for ln in result.lines][: len(doc_lines)] == [
        (ln.text, ln.bbox, ln.bold) for ln in doc_lines
    ]
