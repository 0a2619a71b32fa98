"""PDF reader: pages, text lines and tables from a PDF's text layer.

The PDF is opened once with pdfplumber (and, with ``reader="pdfium"``, once
with PDFium, whose pages then give the characters and rules: see
:mod:`auditor.readers.pdfium_page`); each page is parsed once (its words
are extracted a single time and shared by table finding and text lines).
Ruled tables come from pdfplumber's ruling-line detection over the page's
rules (background shading is no rule), borderless ones from word alignment
(see :mod:`auditor.readers.pdftables`). Words that no
table takes become text lines. A page that fails is recorded in the warnings
and skipped; a file that cannot be used at all raises :class:`InputError`.

Pages are independent until tables continued over a page break are joined,
so a long document is read by worker processes where they pay (see
:mod:`auditor.readers.workers`; each opens the PDF once, see
:func:`_read_pages_parallel`), page results gathered by page number; running banners, joining, titling and running headers follow
in this process.
The document is the same whichever way it was read.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException
from pdfminer.pdfpage import PDFPage
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from auditor.errors import InputError
from auditor.model import BBox, Document, Join, Page, Table, TextLine
from auditor.readers.limits import DEFAULT_LIMITS, PageLimitError, ReadLimits, page_limits, quiet_pdf_loggers
from auditor.readers.ocr.image_tables import PageImage, table_images
from auditor.readers.ocr.scanned import is_scanned
from auditor.readers.ocr.settings import DEFAULT_OCR, OcrSettings
from auditor.readers.pdfium_page import PdfiumPage, open_document, page_source
from auditor.readers.pdftables.blocks import shaded_bands, vertical_rules
from auditor.readers.pdftables.borderless import find_text_tables
from auditor.readers.pdftables.continuation import append_continuation, continuation_header_rows, join_evidence
from auditor.readers.pdftables.grid import PageTable
from auditor.readers.pdftables.ruled import ruled_grid
from auditor.readers.pdftables.unruled import box_area, is_shading
from auditor.readers.pdftables.wordrun import page_words
from auditor.readers.pdftables.words import PrintedLine, Word, group_lines, is_bold_font
from auditor.readers.supervised import SKIPPED, TIMED_OUT, Lost, supervised_map
from auditor.readers.workers import worker_count

_TITLE_START = re.compile(r"^(tabel|table)\b", re.IGNORECASE)
_NOT_TITLE = re.compile(r"^(gambar|grafik|figure|sumber|source|keterangan|ket\.|catatan)\b", re.IGNORECASE)
"""Lines that close the element above (a figure caption, a source note)."""
_MAX_TITLE_CHARS = 160
_MAX_CAUSE_CHARS = 80
"""A parser's message is cut here: it may dump a whole object."""

quiet_pdf_loggers()


@dataclass
class _PageResult:
    """What one page contributed, before page-break joining and titling."""

    number: int
    height: float
    tables: list[PageTable] = field(default_factory=list)
    lines: list[PrintedLine] = field(default_factory=list)
    word_count: int = 0
    images: list[PageImage] = field(default_factory=list)
    """Images that may hold a table printed as pixels (see the OCR pass)."""
    scanned: bool = False


def read_pdf(
    path: Path,
    data: bytes,
    digest: str,
    *,
    workers: int | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
    ocr: OcrSettings = DEFAULT_OCR,
    password: str | None = None,
) -> Document:
    """Read a PDF into a Document, or raise InputError for unusable input.

    ``workers``: processes reading pages in parallel (default: see
    :func:`_worker_count`); the result is the same for any number.
    ``limits``: pages, time and memory a page may take (see
    :mod:`auditor.readers.limits`); a page past them is skipped with a warning.
    ``ocr``: what may be read from pixels (see :mod:`auditor.readers.ocr`);
    ``password``: to open an encrypted PDF.
    """
    doc, results = _read_pages(path, data, digest, workers, limits, password)
    if ocr.mode != "off":
        from auditor.readers.ocr_pass import add_image_tables, ocr_scanned_pages

        redone = ocr_scanned_pages(
            doc, data, results, ocr, password, lambda new: _read_pages(path, new, digest, workers, limits, None)
        )
        if redone is not None:
            data, doc, results = redone
        add_image_tables(doc, data, password, results, ocr)
    _check_text(path, doc, results, ocr)
    _drop_running_tables(results)
    running = _running_lines(results)
    _build_lines(doc, results)
    doc.tables = _assemble_tables(results, running)
    for table in doc.tables:
        if any(doc.pages[p - 1].ocr for p in table.pages or [table.page] if p):
            table.source = "ocr"
    return doc


def _read_pages(
    path: Path, data: bytes, digest: str, workers: int | None, limits: ReadLimits, password: str | None
) -> tuple[Document, list[_PageResult]]:
    global _slow_pages, _pdfium_doc
    _slow_pages = 0
    doc = Document(path=str(path), sha256=digest, kind="pdf")
    pdf, plumber_pages = _open_pages(path, data, limits, password)
    _pdfium_doc = None
    try:
        doc.pages = [
            Page(number=number, width=_size(pp, "width"), height=_size(pp, "height"))
            for number, pp in enumerate(plumber_pages, start=1)
        ]
        n = _in_children(len(plumber_pages), workers, limits)
        outcomes = _read_pages_parallel(data, plumber_pages, n, limits, password) if n else {}
        if limits.reader == "pdfium" and len(outcomes) < len(plumber_pages):
            _pdfium_doc = open_document(data, password)
        for number, ppage in enumerate(plumber_pages, start=1):
            if isinstance(ppage, str):
                outcomes[number] = ppage
            elif number not in outcomes:
                outcomes[number] = _read_page_safely(ppage, number, limits)
            else:
                ppage.close()
    finally:
        _close(pdf)
        if _pdfium_doc is not None:
            _quietly(_pdfium_doc.close)
            _pdfium_doc = None

    results: list[_PageResult] = []
    failed = 0
    for number in range(1, len(doc.pages) + 1):
        outcome = outcomes[number]
        if isinstance(outcome, _PageResult):
            results.append(outcome)
        else:
            failed += 1
            doc.pages[number - 1].unread = outcome
            _warn(
                doc,
                doc.pages[number - 1],
                f"Page {number} could not be read (halaman {number} tidak terbaca: {outcome}); it is skipped.",
            )

    if doc.pages and failed == len(doc.pages):
        raise InputError(f"{path.name} is damaged: none of its pages could be read.", kind="corrupt")
    return doc, results


NO_TEXT = "has no text layer (it looks scanned)"


def _check_text(path: Path, doc: Document, results: list[_PageResult], ocr: OcrSettings) -> None:
    """Refuse a document without any text; note the pages without it."""
    if sum(r.word_count for r in results) == 0:
        if any(p.unread and p.unread != "scanned" for p in doc.pages):
            raise InputError(f"{path.name} is damaged: the pages that could be read have no text.", kind="corrupt")
        from auditor.readers.ocr_pass import no_text_advice

        raise InputError(f"{path.name} {NO_TEXT}; {no_text_advice(ocr)}.", kind="no-text")
    for r in results:
        page = doc.pages[r.number - 1]
        if r.scanned and not page.ocr:
            page.unread = "scanned"
        if (r.scanned and not page.ocr) or (r.word_count == 0 and not r.tables):
            _warn(doc, page, f"Page {r.number} has no text layer (scanned or image only); it is not checked.")


# --------------------------------------------------------------------------
# Pages in parallel

_PageOutcome = _PageResult | str
"""A page's result, or why it could not be read."""

WATCHDOG_GRACE = 2.0
"""Seconds a page worker gets past the page time limit before it is killed:
the limit's own signal ends a page stuck in Python first."""


def _in_children(npages: int, requested: int | None, limits: ReadLimits) -> int:
    """Child processes to read the pages in (0: this process reads them).

    PDFium's pages are always read in a child when there is a time limit:
    a page on which native code hangs can only be stopped by killing the
    process reading it (see :mod:`auditor.readers.supervised`).
    """
    n = worker_count(npages, requested)
    if n > 1:
        return n
    return 1 if limits.reader == "pdfium" and limits.page_seconds > 0 else 0


def _read_page_safely(ppage: pdfplumber.page.Page, number: int, limits: ReadLimits = DEFAULT_LIMITS) -> _PageOutcome:
    """One page, with its failure described instead of raised.

    The page is read under the time and memory limits; running past them
    (a reference loop, a decompression bomb) is one more failure.
    """
    global _slow_pages
    if _slow_pages >= limits.max_slow_pages:
        _quietly(ppage.close)
        return f"{_slow_pages} earlier pages took longer than {limits.page_seconds:g} s"
    try:
        with page_limits(limits.page_seconds, limits.memory_mb):
            source = page_source(_pdfium_doc, number, ppage)
            count = _object_count(source)
            if 0 < limits.max_objects < count:
                return f"it holds {count} objects, more than --max-objects {limits.max_objects}"
            return _read_page(source, number)
    except PageLimitError:
        _slow_pages += 1
        return f"it took longer than {limits.page_seconds:g} s"
    # pdfminer raises many unrelated types on a malformed content stream;
    # one bad page must not cost the others.
    except Exception as exc:  # noqa: BLE001
        cause = _cause(exc)
        if isinstance(cause, MemoryError):
            return f"it needs more than {limits.memory_mb} MB of memory"
        if isinstance(cause, RecursionError):
            return "its objects are nested too deeply"
        return _describe(exc)
    finally:
        _quietly(ppage.close)


def _object_count(page: object) -> int:
    """Characters, rectangles, lines and curves on the page (parsed once:
    the page keeps them for the reading that follows)."""
    objects = page.objects
    return sum(len(objects.get(kind, ())) for kind in ("char", "rect", "line", "curve"))


_slow_pages = 0
"""Pages of the current document that ran past their time in this process."""
_pdfium_doc = None
"""The current document as opened by PDFium (``--reader pdfium``), in this
process or a worker; None reads with pdfplumber."""
_worker_pages: list[pdfplumber.page.Page | str] = []
"""The document's pages as opened once in a worker process."""
_worker_limits: ReadLimits = DEFAULT_LIMITS


def _init_worker(
    data: bytes,
    limits: ReadLimits = DEFAULT_LIMITS,
    password: str | None = None,
    pages: list[pdfplumber.page.Page | str] | None = None,
) -> None:
    """Prepare a forked worker: the page list it inherited (``pages``), or
    the file opened again, and the PDFium document if that reader is on."""
    global _worker_pages, _worker_limits, _slow_pages, _pdfium_doc
    _worker_limits = limits
    _slow_pages = 0
    _worker_pages = pages if pages is not None else _open_pages(Path("worker.pdf"), data, limits, password)[1]
    _pdfium_doc = open_document(data, password) if limits.reader == "pdfium" else None


def _read_in_worker(number: int) -> _PageOutcome:
    ppage = _worker_pages[number - 1]
    if isinstance(ppage, str):
        return ppage
    return _read_page_safely(ppage, number, _worker_limits)


def _read_pages_parallel(
    data: bytes,
    pages: list[pdfplumber.page.Page | str],
    workers: int,
    limits: ReadLimits = DEFAULT_LIMITS,
    password: str | None = None,
) -> dict[int, _PageOutcome]:
    """Read ``pages`` (the document as this process opened it) in forked
    worker processes.

    A worker inherits the opened page list with the fork instead of parsing
    the file's page tree again (0.1 s of pdfminer on a 48-page report); with
    ``--reader pdfium`` it opens the document in PDFium once.

    Pages are handed out one at a time (their cost varies a lot) and the
    outcomes kept by page number, so the result does not depend on which
    process read what. A worker still on its page past the time limit (a
    hang in native code, which the limit's signal cannot interrupt) is
    killed and the page reported as too slow; a worker that dies costs its
    page. Workers are forked (on Linux): a spawned worker would re-import
    the caller's main module, which a library cannot ask of its callers;
    elsewhere nothing is read here. If no worker can start (no process
    support, a daemon caller), the pages without an outcome are read in
    this process instead.
    """
    if not sys.platform.startswith("linux") or "fork" not in multiprocessing.get_all_start_methods():
        return {}
    deadline = limits.page_seconds + WATCHDOG_GRACE if limits.page_seconds > 0 else None
    ready = limits.open_seconds + WATCHDOG_GRACE if limits.open_seconds > 0 else None
    try:
        answers = supervised_map(
            lambda: _init_worker(data, limits, password, pages), _read_in_worker, list(range(1, len(pages) + 1)), workers,
            deadline, ready_seconds=ready, max_lost=limits.max_slow_pages,
        )  # fmt: skip
    # Whatever keeps the workers from starting, the pages can still be read here.
    except Exception:  # noqa: BLE001
        return {}
    return {number: _lost_page(a, limits) if isinstance(a, Lost) else a for number, a in answers.items()}


def _lost_page(lost: Lost, limits: ReadLimits) -> str:
    """Why a page read by a worker has no result."""
    if lost.reason == TIMED_OUT:
        return f"it took longer than {limits.page_seconds:g} s"
    if lost.reason == SKIPPED:
        return f"{limits.max_slow_pages} earlier pages took longer than {limits.page_seconds:g} s"
    return "the PDF library stopped while reading it"


# --------------------------------------------------------------------------
# Opening and errors


def _open(path: Path, data: bytes, password: str | None = None) -> pdfplumber.PDF:
    """Open the PDF, translating pdfminer's failures into one-sentence errors.

    A PDF with only an owner password (printing or copying restricted)
    opens with the empty user password, as in any viewer.
    """
    try:
        return pdfplumber.open(io.BytesIO(data), password=password or "")
    except PdfminerException as exc:
        raise _input_error(path, exc, password) from None
    except (PDFException, PSException) as exc:  # pragma: no cover - pdfplumber wraps these
        raise _input_error(path, exc, password) from None


def _open_pages(
    path: Path, data: bytes, limits: ReadLimits, password: str | None = None
) -> tuple[pdfplumber.PDF, list[pdfplumber.page.Page | str]]:
    """Open the file and list its pages within the opening limits.

    A broken xref, page tree or object stream can loop or inflate as well as
    a page can, so opening has a time and memory limit of its own; past it,
    or past ``limits.max_pages``, the file is refused with one sentence.
    """
    try:
        with page_limits(limits.open_seconds, limits.memory_mb):
            pdf = _open(path, data, password)
            try:
                return pdf, _pages(pdf, path, limits.max_pages)
            except BaseException:
                _close(pdf)
                raise
    except PageLimitError:
        raise InputError(
            f"{path.name} cannot be read: opening it took longer than {limits.open_seconds:g} s.", kind="corrupt"
        ) from None
    except MemoryError:
        raise InputError(
            f"{path.name} cannot be read: opening it needs more than {limits.memory_mb} MB of memory.", kind="corrupt"
        ) from None
    except RecursionError:
        raise InputError(f"{path.name} is damaged: its objects are nested too deeply.", kind="corrupt") from None


def _pages(pdf: pdfplumber.PDF, path: Path, max_pages: int = DEFAULT_LIMITS.max_pages) -> list:
    """The page list: a page whose own dictionary is broken (a MediaBox of
    names, say) is kept as the reason it cannot be read; a broken page
    tree, or more than ``max_pages`` pages, means the file is unusable."""
    pages: list[pdfplumber.page.Page | str] = []
    doctop = 0.0
    try:
        for number, pdfpage in enumerate(PDFPage.create_pages(pdf.doc), start=1):
            if number > max_pages:
                raise InputError(
                    f"{path.name} has more than {max_pages} pages; raise --max-pages to audit it.", kind="too-large"
                )
            try:
                ppage = pdfplumber.page.Page(pdf, pdfpage, page_number=number, initial_doctop=doctop)
                doctop += float(ppage.height)
            except (PageLimitError, MemoryError, RecursionError):
                raise
            except Exception as exc:  # noqa: BLE001 - any broken page dictionary
                ppage = _describe(exc)
            pages.append(ppage)
    except (PdfminerException, PDFException, PSException, MalformedPDFException) as exc:
        raise _input_error(path, exc) from None
    except (InputError, PageLimitError, MemoryError, RecursionError):
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises plain types on a broken tree
        raise _input_error(path, exc) from None
    return pages


def _size(ppage: pdfplumber.page.Page | str, attr: str) -> float:
    """A page's width or height; 0 for a page that cannot be read."""
    return 0.0 if isinstance(ppage, str) else float(getattr(ppage, attr))


def _quietly(close: Callable[[], object]) -> None:
    """Call ``close``; a broken file may fail again while closing, which must
    not hide the first, reported, failure."""
    with contextlib.suppress(Exception):
        close()


def _close(pdf: pdfplumber.PDF) -> None:
    """Close the document without re-listing its pages (pdfplumber's close
    does, and a broken page tree raises there again)."""
    for ppage in getattr(pdf, "_pages", []):
        _quietly(ppage.close)
    _quietly(pdf.stream.close)


def _cause(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's exception as the first argument."""
    if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], BaseException):
        return exc.args[0]
    return exc


def _describe(exc: BaseException) -> str:
    """A short cause: the exception type and the start of its first line
    (pdfminer messages can carry a whole object's dump)."""
    cause = _cause(exc)
    lines = str(cause).strip().splitlines()
    text = lines[0].strip().rstrip(".") if lines else ""
    if len(text) > _MAX_CAUSE_CHARS:
        text = text[: _MAX_CAUSE_CHARS - 3].rstrip() + "..."
    return f"{type(cause).__name__}: {text}" if text else type(cause).__name__


def _input_error(path: Path, exc: BaseException, password: str | None = None) -> InputError:
    cause = _cause(exc)
    if isinstance(cause, PDFPasswordIncorrect):
        if password:
            return InputError(f"The password given for {path.name} is not correct.", kind="encrypted")
        return InputError(
            f"{path.name} is encrypted (password-protected); give its password with --password.", kind="encrypted"
        )
    if isinstance(cause, PDFEncryptionError):
        return InputError(
            f"{path.name} is encrypted (password-protected); save an unprotected copy and audit that.",
            kind="encrypted",
        )
    return InputError(
        f"{path.name} is damaged or truncated and cannot be read as a PDF ({_describe(cause)}).",
        kind="corrupt",
    )


def _warn(doc: Document, page: Page, message: str) -> None:
    doc.warnings.append(message)
    page.warnings.append(message)


# --------------------------------------------------------------------------
# One page


def _words(ppage: pdfplumber.page.Page | PdfiumPage) -> list[Word]:
    """Every word on the page, with its bold character count (one extraction).

    A PDFium page takes :func:`page_words`, which gives the same words as
    pdfplumber's extractor below in a fraction of its time."""
    if isinstance(ppage, PdfiumPage):
        return page_words(ppage.chars)
    return _extracted_words(ppage)


def _extracted_words(ppage: pdfplumber.page.Page | PdfiumPage) -> list[Word]:
    """The words of pdfplumber's default ``extract_words``, as :class:`Word`."""
    words: list[Word] = []
    for w in ppage.extract_words(return_chars=True):
        text = w["text"].strip()
        if not text:
            continue
        chars = w.get("chars") or []
        words.append(
            Word(
                text=text,
                x0=float(w["x0"]),
                top=float(w["top"]),
                x1=float(w["x1"]),
                bottom=float(w["bottom"]),
                nchars=len(chars) or len(text),
                nbold=sum(1 for c in chars if is_bold_font(c.get("fontname", ""))),
            )
        )
    return words


def _inside(w: Word, bbox: BBox) -> bool:
    return bbox[0] <= w.cx <= bbox[2] and bbox[1] <= w.cy <= bbox[3]


def _mostly_within(inner: BBox, outer: BBox) -> bool:
    x0, y0 = max(inner[0], outer[0]), max(inner[1], outer[1])
    x1, y1 = min(inner[2], outer[2]), min(inner[3], outer[3])
    return box_area((x0, y0, x1, y1)) >= 0.9 * box_area(inner) if x1 > x0 and y1 > y0 else False


def _ruled_tables(ppage: pdfplumber.page.Page | PdfiumPage, words: list[Word], number: int) -> list[PageTable]:
    """Ruled tables, largest first so that boxes drawn inside a table's cells
    (text frames pasted into a cell) do not become tables of their own.
    Only rules bound cells: background shading is left out."""
    rules = ppage.filter(lambda obj: not is_shading(obj))
    found = sorted(rules.find_tables(), key=lambda t: box_area(t.bbox), reverse=True)
    taken: set[int] = set()
    tables: list[PageTable] = []
    for t in found:
        bbox: BBox = tuple(float(v) for v in t.bbox)  # type: ignore[assignment]
        if any(_mostly_within(bbox, k.bbox) for k in tables):
            continue
        mine = [w for w in words if id(w) not in taken and _inside(w, bbox)]
        grid = ruled_grid([tuple(map(float, c)) for c in t.cells], bbox, mine, number)
        if grid is None:
            continue
        taken.update(id(w) for w in mine)
        tables.append(grid)
    return tables


def _image_boxes(ppage: pdfplumber.page.Page) -> list[PageImage]:
    """Where the page's images are drawn (points, top-left origin), and at
    what resolution."""
    boxes: list[PageImage] = []
    for im in ppage.images:
        try:
            box = (float(im["x0"]), float(im["top"]), float(im["x1"]), float(im["bottom"]))
            src_w, src_h = (float(v) for v in im["srcsize"])
        except (KeyError, TypeError, ValueError):
            continue
        if box[2] > box[0] and box[3] > box[1]:
            dpi = min(src_w / (box[2] - box[0]), src_h / (box[3] - box[1])) * 72
            boxes.append(PageImage(box, dpi))
    return boxes


def _read_page(ppage: pdfplumber.page.Page | PdfiumPage, number: int) -> _PageResult:
    """Tables first (ruled, then text-aligned), the rest as text lines."""
    result = _PageResult(number=number, height=float(ppage.height))
    words = _words(ppage)
    result.word_count = len(words)
    images = _image_boxes(ppage)
    result.scanned = is_scanned(len(words), [i.bbox for i in images], float(ppage.width), float(ppage.height))
    result.images = table_images(images, words, float(ppage.width))
    if not words:
        return result
    tables = _ruled_tables(ppage, words, number)
    taken = {id(w) for t in tables for w in t.words}
    lines = group_lines(w for w in words if id(w) not in taken)
    bands = shaded_bands(ppage.rects, float(ppage.height))
    rules = vertical_rules([*ppage.rects, *ppage.lines])
    text_tables = find_text_tables(lines, bands, number, rules)
    if text_tables:
        used = {id(w) for t in text_tables for w in t.words}
        lines = [ln for ln in lines if not any(id(w) in used for w in ln.words)]
        tables.extend(text_tables)
    tables.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
    result.tables = tables
    result.lines = [PrintedLine.of(ln) for ln in lines]
    return result


# --------------------------------------------------------------------------
# Whole document


def _line_key(text: str) -> str:
    return " ".join(re.sub(r"\d+", "#", text.lower()).split())


def _running_threshold(results: list[_PageResult]) -> int:
    """On how many pages a text must recur to be page furniture."""
    return max(2, int(0.3 * len(results)))


def _drop_running_tables(results: list[_PageResult]) -> None:
    """Turn running banners and footers found as tables back into lines.

    A ruled box around a running footer ("Dinas ... Kabupaten ..." beside
    the page number) is found as a small table on every page. A table whose
    text (digits ignored) recurs at the same place (within 10 pt) on many
    pages is page furniture: its words go back to the page's lines, where
    :func:`_running_lines` recognises them.
    """
    by_text: dict[str, list[tuple[_PageResult, PageTable]]] = {}
    for r in results:
        for t in r.tables:
            text = " ".join(c.text for row in t.rows for c in row if not c.span_origin)
            by_text.setdefault(_line_key(text), []).append((r, t))
    running: set[int] = set()
    for copies in by_text.values():
        x0, top = copies[0][1].bbox[:2]
        here = [t for _, t in copies if abs(t.bbox[0] - x0) <= 10 and abs(t.bbox[1] - top) <= 10]
        if len({t.page for t in here}) >= _running_threshold(results):
            running.update(id(t) for t in here)
    for r in results:
        dropped = [t for t in r.tables if id(t) in running]
        if dropped:
            r.tables = [t for t in r.tables if id(t) not in running]
            words = [w for t in dropped for w in t.words]
            lines = [*r.lines, *map(PrintedLine.of, group_lines(words))]
            r.lines = sorted(lines, key=lambda ln: (ln.top, ln.x0))


def _running_lines(results: list[_PageResult]) -> set[tuple[int, int]]:
    """(page, line index) of running headers/footers.

    A line near the top or bottom edge whose text (digits ignored) recurs on
    many pages is page furniture; it must not keep a table from continuing
    onto the next page or become a table's title.
    """

    def at_edge(r: _PageResult, ln: PrintedLine) -> bool:
        return ln.bottom < 0.12 * r.height or ln.top > 0.85 * r.height

    counts: Counter[str] = Counter()
    for r in results:
        counts.update({_line_key(ln.text) for ln in r.lines if at_edge(r, ln)})
    threshold = _running_threshold(results)
    return {
        (r.number, i)
        for r in results
        for i, ln in enumerate(r.lines)
        if at_edge(r, ln) and counts[_line_key(ln.text)] >= threshold
    }


def _build_lines(doc: Document, results: list[_PageResult]) -> None:
    for r in results:
        page = doc.pages[r.number - 1]
        for ln in r.lines:
            page.lines.append(TextLine(text=ln.text, page=r.number, bbox=ln.bbox, bold=ln.bold))
        doc.lines.extend(page.lines)


def _content_lines(r: _PageResult, running: set[tuple[int, int]]) -> list[PrintedLine]:
    return [ln for i, ln in enumerate(r.lines) if (r.number, i) not in running]


def _ends_page(r: _PageResult, table: PageTable, running: set[tuple[int, int]]) -> bool:
    """No text but page furniture below the table: it may run on."""
    return not any(ln.top >= table.bbox[3] - 1 for ln in _content_lines(r, running))


def _opens_page(r: _PageResult, table: PageTable, running: set[tuple[int, int]]) -> bool:
    """No text but page furniture above the table: it may be a continuation."""
    return not any(ln.bottom <= table.bbox[1] + 1 for ln in _content_lines(r, running))


def _assemble_tables(results: list[_PageResult], running: set[tuple[int, int]]) -> list[Table]:
    """Join tables continued over page breaks, then index and title them.

    A page's first table continues the previous page's last table when
    nothing but running headers/footers separates them and the columns
    match (see :func:`continuation_header_rows`).
    """
    tables: list[Table] = []
    current: Table | None = None  # the table that ended the previous page, if any
    first_part: PageTable | None = None
    for r in results:
        for k, part in enumerate(r.tables):
            skip = None
            joinable = current is not None and first_part is not None and "ocr" not in (part.source, current.source)
            if k == 0 and joinable and _opens_page(r, part, running):
                skip = continuation_header_rows(first_part, part)
            if skip is not None and current is not None:
                start, evidence = len(current.rows), join_evidence(current.rows, part, skip)
                evidence += append_continuation(current.rows, part, skip)
                current.joins.append(Join(page=r.number, row=start, header_rows=skip, evidence=tuple(evidence)))
                current.pages.append(r.number)
                continue
            current = Table(
                index=len(tables) + 1,
                rows=part.rows,
                page=part.page,
                bbox=part.bbox,
                title=_title(part, _content_lines(r, running)),
                source=part.source,
                pages=[part.page],
            )
            first_part = part
            tables.append(current)
        last = r.tables[-1] if r.tables else None
        if last is None or not _ends_page(r, last, running) or current is None or current.pages[-1] != r.number:
            current = None
    return tables


def _title(table: PageTable, lines: list[PrintedLine]) -> str | None:
    """The caption just above the table, if any.

    Captions often wrap or stack ("Tabel 2.1" / "Sumber Daya ..." /
    "Tahun 2021"): walking up through closely spaced lines, the first one
    starting with "Tabel" opens the caption and everything below it is
    joined. Without one, the nearest short line is used unless it is the
    tail of a lead-in sentence (ends with ":" or starts in lower case).
    """
    if not lines:
        return None
    lh = statistics.median(ln.height for ln in lines) or 12.0
    x0, top, x1, _ = table.bbox
    above = sorted(
        (ln for ln in lines if ln.bottom <= top + 2 and ln.x1 > x0 and ln.x0 < x1),
        key=lambda ln: ln.bottom,
        reverse=True,
    )
    if not above or above[0].bottom < top - 3.5 * lh:
        return None
    stack = [above[0]]
    for ln in above[1:6]:
        if stack[-1].top - ln.bottom > 1.2 * lh:
            break
        stack.append(ln)
    for k, ln in enumerate(stack):
        if _TITLE_START.match(ln.text):
            text = " ".join(x.text for x in reversed(stack[: k + 1]))
            return text if len(text) <= 2 * _MAX_TITLE_CHARS else ln.text
    text = stack[0].text
    if len(text) > _MAX_TITLE_CHARS or text.rstrip().endswith(":") or text[:1].islower() or _NOT_TITLE.match(text):
        return None
    return text
