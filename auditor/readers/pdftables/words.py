"""Words and the lines they form, as the PDF reader takes them from pdfplumber."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter

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
    """Words sharing one baseline band, left to right.

    Its box is worked out once, from its words as given: table finding asks
    a line for its edges tens of thousands of times a report, and no line's
    words change once it is made (a line with other words is a new line)."""

    words: list[Word]
    x0: float = field(init=False, repr=False, compare=False)
    top: float = field(init=False, repr=False, compare=False)
    x1: float = field(init=False, repr=False, compare=False)
    bottom: float = field(init=False, repr=False, compare=False)
    segments: tuple[float, list[tuple[float, float]]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    """The line's runs of words for the last gap asked (see
    ``blocks.line_segments``): a line is tried in several blocks, and each
    asks again with the page's one gap."""

    def __post_init__(self) -> None:
        self.segments = None
        box = word_bbox(self.words)
        if box is None:
            self.x0 = self.top = self.x1 = self.bottom = float("nan")
            return
        self.x0, self.top, self.x1, self.bottom = box

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


_TOP_X0 = attrgetter("top", "x0")
_X0 = attrgetter("x0")


def group_lines(words: Iterable[Word]) -> list[Line]:
    """Group words into visual lines, top to bottom.

    A word joins the line above when it overlaps that line's vertical band by
    at least half its own height; this tolerates mixed font sizes and
    superscripts without merging two consecutive lines.

    Every table cell's text is grouped so, thousands of times a report: the
    bands' ``min`` and ``max`` are written as the comparisons the builtins
    make (the first of equals kept), and each line is made once its words
    are all in, in order.
    """
    groups: list[list[Word]] = []
    tops: list[float] = []
    bottoms: list[float] = []
    for w in sorted(words, key=_TOP_X0):
        wtop, wbottom = w.top, w.bottom
        height = wbottom - wtop
        n = len(groups)
        for k in range(n - 1, max(-1, n - 4), -1):
            top, bottom = tops[k], bottoms[k]
            band = bottom - top
            overlap = (wbottom if wbottom < bottom else bottom) - (wtop if wtop > top else top)
            if overlap >= 0.5 * (band if band < height else height):
                groups[k].append(w)
                if wtop < top:
                    tops[k] = wtop
                if wbottom > bottom:
                    bottoms[k] = wbottom
                break
        else:
            groups.append([w])
            tops.append(wtop)
            bottoms.append(wbottom)
    lines = []
    for group in groups:
        group.sort(key=_X0)
        lines.append(Line(group))
    lines.sort(key=_TOP_X0)
    return lines


def join_text(words: Sequence[Word]) -> str:
    """Text of a cell: its lines joined with single spaces.

    A line that ends with a hyphen is joined to the next without a space and
    keeps the hyphen ("rata-" + "rata" -> "rata-rata"): in these reports a
    line-end hyphen is nearly always a real one (reduplication, "D-IV").

    Most cells hold no word or one (a figure, a code), whose text is at
    hand without grouping lines.
    """
    if len(words) < 2:
        return words[0].text if words else ""
    return join_lines(group_lines(words))


def join_lines(lines: Iterable[Line]) -> str:
    """:func:`join_text` of words already grouped into ``lines``."""
    out = ""
    for line in lines:
        text = rejoined_line_text(line.words)
        if not out:
            out = text
        elif out.endswith("-") and len(out) > 1 and out[-2] != " " and text[:1].isalnum():
            out += text
        else:
            out += " " + text
    return out


class CellLines:
    """The lines and text of word lists, grouped once per list.

    A ruled table groups each cell's words into lines to find stacked
    records, then joins the same words into the cell's text; candidate
    borderless blocks that overlap fill the same cells again. The result of
    :func:`group_lines` depends only on the words and their order, so a list
    of the same words in the same order (the same objects: keyed on their
    ids, the list kept so no id is reused) takes the first grouping. Words
    are not changed while a page's tables are read.
    """

    __slots__ = ("_seen",)

    def __init__(self) -> None:
        self._seen: dict[tuple[int, ...], tuple[list[Word], list[Line], list[str]]] = {}

    def _entry(self, words: Sequence[Word]) -> tuple[list[Word], list[Line], list[str]]:
        key = tuple(map(id, words))
        entry = self._seen.get(key)
        if entry is None:
            kept = list(words)
            entry = self._seen[key] = (kept, group_lines(kept), [])
        return entry

    def lines(self, words: Sequence[Word]) -> list[Line]:
        """:func:`group_lines` of ``words``."""
        return self._entry(words)[1]

    def text(self, words: Sequence[Word]) -> str:
        """:func:`join_text` of ``words``."""
        if len(words) < 2:
            return words[0].text if words else ""
        _, lines, text = self._entry(words)
        if not text:
            text.append(join_lines(lines))
        return text[0]


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
    letters = False  # whether the last run is all single letters
    for w in words:
        letter = len(w.text) == 1 and w.text.isalpha()
        if runs and letter and letters and w.x0 - runs[-1][-1].x1 < max(w.height, 1.0):
            runs[-1].append(w)
        else:
            runs.append([w])
            letters = letter
    out: list[list[Word]] = []
    for run in runs:
        if len(run) == 1 or len(run) >= LETTER_SPACED_RUN:
            out.append(run)
        else:
            out.extend([w] for w in run)
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
    """:func:`union_bbox` of the words' boxes, in one pass (every table cell
    asks for it): a later word replaces an extreme only when strictly beyond
    it, as ``min`` and ``max`` compare."""
    it = iter(words)
    first = next(it, None)
    if first is None:
        return None
    x0, top, x1, bottom = first.x0, first.top, first.x1, first.bottom
    for w in it:
        if w.x0 < x0:
            x0 = w.x0
        if w.top < top:
            top = w.top
        if w.x1 > x1:
            x1 = w.x1
        if w.bottom > bottom:
            bottom = w.bottom
    return (x0, top, x1, bottom)


# a cell or piece that is a bare figure: figures never wrap
FIGURE = re.compile(r"^[\s(]*[-+]?(rp\.?\s*)?[\d.,]+\s*%?[)\s]*$", re.IGNORECASE)
