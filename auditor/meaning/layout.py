"""Where a place in the report is, in the words a reviewer uses: its chapter
(BAB I ... BAB IV, Lampiran) and its page number as printed on the page.

A reviewer looks for "Tabel 3.2, hal. 19" in the printed report, while the
PDF viewer counts the cover as page 1; the two differ by the front matter.
The printed number is only trusted where it behaves as a page number: a
token at the edge of a header or footer line that increases with the PDF
page on at least three pages with the same offset (Roman numerals on two
pages for the front matter). Anything else (a year in the footer, a
section number) does not increment that way and is never taken for one.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from auditor.model import Document, Location, TextLine

MARGIN = 0.12
"""The share of the page height at its top and bottom where running headers
and footers (and their page numbers) are printed."""

MIN_ARABIC, MIN_ROMAN = 3, 2
"""Pages that must agree on one offset before their numbers are believed."""

_ROMAN = re.compile(r"^(?=[ivxlc]+$)(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_BAB = re.compile(r"^#*\s*BAB\s+([IVX]+|\d{1,2})\b[\s.:]*(.*)$", re.IGNORECASE)
_BAB_ALONE = re.compile(r"^#*\s*BAB\s*$", re.IGNORECASE)
_NUMERAL = re.compile(r"^#*\s*([IVX]+|\d{1,2})\s*$", re.IGNORECASE)
_APPENDIX = re.compile(r"^#*\s*LAMPIRAN\b", re.IGNORECASE)
_LEADER = re.compile(r"\.{4,}|…{2,}|\s\d+\s*$")
_CAPTION = re.compile(r"^\s*(Tabel|Table)\s+(\d+(?:\.\d+)*|[IVX]+(?:\.\d+)*)\b", re.IGNORECASE)

Order = tuple[int, float]
"""A place in reading order: (PDF page or 0, top in points or line number)."""


def roman_value(token: str) -> int | None:
    """The value of a Roman numeral (``iv`` -> 4), or None for other words."""
    t = token.lower()
    if not t or not _ROMAN.match(t):
        return None
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for a, b in zip(t, [*t[1:], ""], strict=True):
        v = values[a]
        total += -v if b and values[b] > v else v
    return total


def _edge_tokens(text: str) -> list[str]:
    words = re.findall(r"[0-9A-Za-z]+", text)
    return [words[0], words[-1]] if words else []


def _margin_lines(doc: Document) -> dict[int, list[TextLine]]:
    heights = {p.number: p.height for p in doc.pages}
    out: dict[int, list[TextLine]] = {}
    for ln in doc.lines:
        h = heights.get(ln.page or 0, 0.0)
        if ln.bbox is None or not h:
            continue
        if ln.bbox[1] < h * MARGIN or ln.bbox[3] > h * (1 - MARGIN):
            out.setdefault(ln.page or 0, []).append(ln)
    return out


def _candidates(doc: Document, roman: bool) -> dict[int, set[int]]:
    """Per PDF page, the offsets (PDF page - printed value) its margin tokens allow."""
    out: dict[int, set[int]] = {}
    for page, lines in _margin_lines(doc).items():
        for ln in lines:
            for tok in _edge_tokens(ln.text):
                value = roman_value(tok) if roman else (int(tok) if tok.isdigit() and len(tok) <= 4 else None)
                if value is not None and 0 < value <= page + 1000:
                    out.setdefault(page, set()).add(page - value)
    return out


def _runs(cands: dict[int, set[int]], minimum: int, taken: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(first page, last page, offset) of each offset enough pages agree on,
    most supported first, never overlapping a range already taken."""
    support = Counter(d for offsets in cands.values() for d in offsets)
    out: list[tuple[int, int, int]] = []
    for d, n in support.most_common():
        if n < minimum:
            break
        pages = sorted(p for p, offsets in cands.items() if d in offsets)
        lo, hi = pages[0], pages[-1]
        # most pages of the range must show the number: not a coincidence
        if n * 2 < hi - lo + 1 or any(lo <= b and a <= hi for a, b in [*taken, *((r[0], r[1]) for r in out)]):
            continue
        out.append((lo, hi, d))
    return out


def printed_pages(doc: Document) -> dict[int, str]:
    """PDF page -> its page number as printed ("19", "iv"), where detectable.

    Pages between two that show the same offset get it too (a full-page
    table without a footer is still counted by the report's pagination).
    """
    if doc.kind != "pdf":
        return {}
    arabic = _runs(_candidates(doc, roman=False), MIN_ARABIC, [])
    roman = _runs(_candidates(doc, roman=True), MIN_ROMAN, [(a, b) for a, b, _ in arabic])
    out: dict[int, str] = {}
    for runs, as_roman in ((arabic, False), (roman, True)):
        for lo, hi, d in runs:
            for page in range(lo, hi + 1):
                out[page] = _to_roman(page - d) if as_roman else str(page - d)
    return out


def _to_roman(n: int) -> str:
    parts = [(100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for value, word in parts:
        while n >= value:
            out, n = out + word, n - value
    return out


def line_place(ln: TextLine) -> Order:
    return (ln.page or 0, ln.bbox[1] if ln.bbox else float(ln.line or 0))


def location_place(loc: Location) -> Order:
    return (loc.page or 0, loc.bbox[1] if loc.bbox else float(loc.line or 0))


def _numeral(token: str) -> int | None:
    return int(token) if token.isdigit() else roman_value(token)


def _chapter_candidates(lines: list[TextLine]) -> list[tuple[Order, int, str]]:
    """Every line that opens a chapter (``BAB III``, or ``BAB`` over ``3``),
    with its number and title; table-of-contents lines (dot leaders, a page
    number at the end) are left out."""
    out: list[tuple[Order, int, str]] = []
    for i, ln in enumerate(lines):
        text = ln.text.strip()
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        m = _BAB.match(text)
        if m and not _LEADER.search(text):
            number, title = _numeral(m.group(1)), m.group(2).strip()
        elif _BAB_ALONE.match(text) and nxt is not None and _NUMERAL.match(nxt.text.strip()):
            number, title = _numeral(_NUMERAL.match(nxt.text.strip()).group(1)), ""
            nxt = lines[i + 2] if i + 2 < len(lines) else None
        else:
            continue
        if number is None:
            continue
        if not title and nxt is not None and _is_title(nxt, ln):
            title = nxt.text.strip().lstrip("# ")
        roman = _to_roman(number).upper()
        label = f"BAB {roman}" + (f" {title}" if title else "")
        out.append((line_place(ln), number, label[:80]))
    return out


def _is_title(nxt: TextLine, ln: TextLine) -> bool:
    t = nxt.text.strip().lstrip("# ")
    return bool(t) and len(t) <= 80 and nxt.page == ln.page and (nxt.bold or t.isupper())


def _increasing(cands: list[tuple[Order, int, str]]) -> list[tuple[Order, int, str]]:
    """The longest run of chapter openings whose numbers increase in reading
    order: a table of contents or a running header never breaks the order."""
    best: list[list[tuple[Order, int, str]]] = []
    for c in cands:
        chains = [b for b in best if b[-1][1] < c[1]]
        longest = max(chains, key=len, default=[])
        best.append([*longest, c])
    return max(best, key=len, default=[])


@dataclass
class Layout:
    """Chapters and printed page numbers of one document."""

    printed: dict[int, str] = field(default_factory=dict)
    starts: list[tuple[Order, str]] = field(default_factory=list)
    captions: dict[str, str] = field(default_factory=dict)
    """Table id -> its printed caption number ("Tabel 3.2")."""

    def chapter_at(self, place: Order) -> str | None:
        i = bisect.bisect_right([s[0] for s in self.starts], place)
        return self.starts[i - 1][1] if i else None

    def chapter_index(self, place: Order) -> int:
        """0 before the first chapter (front matter), then 1, 2, ..."""
        return bisect.bisect_right([s[0] for s in self.starts], place)


def layout_of(doc: Document) -> Layout:
    chapters = _increasing(_chapter_candidates(doc.lines))
    starts = [(order, label) for order, _, label in chapters]
    if starts:
        after = [
            ln
            for ln in doc.lines
            if line_place(ln) > starts[-1][0]
            and _APPENDIX.match(ln.text.strip())
            and len(ln.text.strip()) <= 40
            and (ln.bold or ln.text.isupper())
        ]
        if after:
            starts.append((line_place(after[0]), after[0].text.strip().lstrip("# ").upper()))
    captions = {}
    for t in doc.tables:
        m = _CAPTION.match(t.title or "")
        if m:
            captions[t.id] = f"{m.group(1).capitalize()} {m.group(2)}"
    return Layout(printed=printed_pages(doc), starts=starts, captions=captions)
