"""Words and the lines they form, as the PDF reader takes them from pdfplumber."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from auditor.model import BBox


@dataclass
class Word:
    """One word as printed, with how many of its characters are bold."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    nchars: int = 1
    nbold: int = 0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class Line:
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
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bold(self) -> bool:
        return is_mostly_bold(self.words)


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
        text = line.text
        if not out:
            out = text
        elif out.endswith("-") and len(out) > 1 and out[-2] != " " and text[:1].isalnum():
            out += text
        else:
            out += " " + text
    return out


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


def word_bbox(words: Iterable[Word]) -> BBox | None:
    return union_bbox((w.x0, w.top, w.x1, w.bottom) for w in words)


# a cell or piece that is a bare figure: figures never wrap
FIGURE = re.compile(r"^[\s(]*[-+]?(rp\.?\s*)?[\d.,]+\s*%?[)\s]*$", re.IGNORECASE)
