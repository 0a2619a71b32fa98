"""Words and the lines they form, as the PDF reader takes them from pdfplumber."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from auditor.model import BBox


@dataclass(slots=True)
class Word:
    """One word as printed, with how many of its characters are bold."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    nchars: int = 1
    nbold: int = 0
    cx: float = field(init=False, repr=False, compare=False)
    """The horizontal centre, kept: table reading asks for it millions of
    times on a long report (which cell a word is in), and a word's box never
    changes once read."""
    cy: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.cx = (self.x0 + self.x1) / 2
        self.cy = (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


class _Boxed:
    """The box of anything with ``x0``, ``top``, ``x1`` and ``bottom``."""

    __slots__ = ()
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(slots=True)
class Line(_Boxed):
    """Words sharing one baseline band, left to right."""

    words: list[Word]

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bold(self) -> bool:
        return is_mostly_bold(self.words)


@dataclass(slots=True, frozen=True)
class PrintedLine(_Boxed):
    """A line of running text as the document assembly reads it: its text,
    box and weight, without its words. Every page's lines are kept until
    the whole document is assembled (and sent back by the page readers), so
    they should cost a few hundred bytes a line, not a few kilobytes."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    bold: bool

    @classmethod
    def of(cls, line: Line) -> PrintedLine:
        return cls(line.text, line.x0, line.top, line.x1, line.bottom, line.bold)


def is_bold_font(fontname: str) -> bool:
    """Decide boldness from the font name: PDFs rarely carry a weight flag."""
    lower = fontname.lower()
    return "bold" in lower or "black" in lower or "heavy" in lower or ",B" in fontname


def is_mostly_bold(words: Iterable[Word]) -> bool:
    """True when more than half of the characters are set in a bold font."""
    total = bold = 0
    for w in words:
        total += w.nchars
        bold += w.nbold
    return total > 0 and bold * 2 > total


def group_lines(words: Iterable[Word]) -> list[Line]:
    """Group words into visual lines, top to bottom.

    A word joins the line above when it overlaps that line's vertical band by
    at least half its own height; this tolerates mixed font sizes and
    superscripts without merging two consecutive lines.
    """
    lines: list[Line] = []
    bands: list[tuple[float, float]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        placed = False
        for k in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            top, bottom = bands[k]
            overlap = min(bottom, w.bottom) - max(top, w.top)
            if overlap >= 0.5 * min(w.height, bottom - top):
                lines[k].words.append(w)
                bands[k] = (min(top, w.top), max(bottom, w.bottom))
                placed = True
                break
        if not placed:
            lines.append(Line([w]))
            bands.append((w.top, w.bottom))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


def join_text(words: Sequence[Word]) -> str:
    """Text of a cell: its lines joined with single spaces.

    A line that ends with a hyphen is joined to the next without a space and
    keeps the hyphen ("rata-" + "rata" -> "rata-rata"): in these reports a
    line-end hyphen is nearly always a real one (reduplication, "D-IV").
    """
    out = ""
    for line in group_lines(words):
        text = rejoined_line_text(line.words)
        if not out:
            out = text
        elif out.endswith("-") and len(out) > 1 and out[-2] != " " and text[:1].isalnum():
            out += text
        else:
            out += " " + text
    return out


LONE_DIGITS = re.compile(r"^\d{1,3}$")
GROUPED_TAIL = re.compile(r"^(\d{1,3})([.,]\d{3})+([.,]\d{1,2})?$")
SPLIT_GAP = 0.15
"""A gap narrower than this share of the font height is no space: the
extractor breaks words only at a wider gap (or where the text runs are
stored out of order), so two pieces this close were printed as one word."""


def _split_number(a: Word, b: Word) -> bool:
    """Whether ``a`` and ``b`` are the pieces of one number split by a stray gap.

    ``1`` + ``99,800,000`` -> ``199,800,000``: a lone 1-3 digit piece
    touching a piece of thousands groups, whose leading group it completes
    (together at most three digits, so the digit grouping stays valid).
    """
    tail = GROUPED_TAIL.match(b.text)
    if not LONE_DIGITS.match(a.text) or tail is None:
        return False
    if len(a.text) + len(tail.group(1)) > 3:
        return False
    height = min(a.height, b.height) or 1.0
    return b.x0 - a.x1 < SPLIT_GAP * height and abs(a.top - b.top) < 0.3 * height


LETTER_SPACED_RUN = 4
"""Single letters in a row that spell one letter-spaced word (``T a r g e t``)."""


def _letter_runs(words: Sequence[Word]) -> list[list[Word]]:
    """The line's words in runs: a run of ``LETTER_SPACED_RUN`` or more single
    letters, evenly close (each gap under the font height), is one word."""
    runs: list[list[Word]] = []
    for w in words:
        last = runs[-1] if runs else None
        if (
            last is not None
            and len(w.text) == 1
            and w.text.isalpha()
            and all(len(x.text) == 1 and x.text.isalpha() for x in last)
            and w.x0 - last[-1].x1 < max(w.height, 1.0)
        ):
            last.append(w)
        else:
            runs.append([w])
    out: list[list[Word]] = []
    for run in runs:
        out.extend([run] if len(run) >= LETTER_SPACED_RUN else [[w] for w in run])
    return out


def rejoined_line_text(words: Sequence[Word]) -> str:
    """A cell line's text with letter-spaced words (``T a r g e t``) and numbers
    split by a stray gap (see :func:`_split_number`) rejoined: a cell is read
    as printed to the eye, not as the extractor cut it."""
    out: list[str] = []
    prev: Word | None = None
    for run in _letter_runs(words):
        w = run[0]
        if len(run) > 1:
            out.append("".join(x.text for x in run))
        elif out and prev is not None and _split_number(prev, w):
            out[-1] += w.text
        else:
            out.append(w.text)
        prev = run[-1]
    return " ".join(out)


def union_bbox(boxes: Iterable[BBox]) -> BBox | None:
    boxes = list(boxes)
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def words_in(box: BBox, words: Iterable[Word]) -> list[Word]:
    """The words whose centre lies in ``box`` (edges included): which cell a
    word belongs to. Bound locally, as it runs for every cell of every table."""
    x0, top, x1, bottom = box
    return [w for w in words if x0 <= w.cx <= x1 and top <= w.cy <= bottom]


class WordIndex:
    """A table's words sorted by their centre's height, for the box look-ups
    of its cells: a ruled table asks which words lie in each of its cells,
    several times over, and scanning every word of the table for each cell
    grew with cells x words. ``within`` gives what :func:`words_in` gives,
    in the same (reading) order."""

    __slots__ = ("_cys", "_ordered", "_ranks", "_sorted", "_words")

    def __init__(self, words: Sequence[Word]) -> None:
        self._words = list(words)
        ranks = sorted(range(len(self._words)), key=lambda i: self._words[i].cy)
        self._sorted = [self._words[i] for i in ranks]
        self._ranks = ranks
        self._cys = [w.cy for w in self._sorted]
        self._ordered = all(c == c for c in self._cys)  # a NaN centre has no place in the order

    def within(self, box: BBox) -> list[Word]:
        """The words whose centre lies in ``box`` (edges included)."""
        if not self._ordered or any(v != v for v in box):
            return words_in(box, self._words)
        x0, top, x1, bottom = box
        lo, hi = bisect_left(self._cys, top), bisect_right(self._cys, bottom)
        sorted_words, ranks = self._sorted, self._ranks
        found = sorted(ranks[i] for i in range(lo, hi) if x0 <= sorted_words[i].cx <= x1)
        return [self._words[i] for i in found]


def word_bbox(words: Iterable[Word]) -> BBox | None:
    return union_bbox((w.x0, w.top, w.x1, w.bottom) for w in words)


# a cell or piece that is a bare figure: figures never wrap
FIGURE = re.compile(r"^[\s(]*[-+]?(rp\.?\s*)?[\d.,]+\s*%?[)\s]*$", re.IGNORECASE)
