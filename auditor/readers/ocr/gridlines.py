"""Ruling lines in a grey image, and the cheap test of whether it is a table.

A table printed as an image keeps its ruling lines: long, straight, thin
runs of pixels darker than the pixels a few rows (or columns) to either
side. Photos, charts and logos have edges but hardly ever several long
straight lines in both directions that cross, so the test needs no OCR and
costs one pass of numpy over a small rendering. Boundaries between two
background fills are not lines (the boundary pixel is not darker than both
sides), so shaded rows do not fake a grid.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

CONTRAST = 30
"""Grey levels a line pixel is darker than the pixels beside it."""
MIN_TABLE_LINES = 3
"""Long lines needed in each direction to call an image a table."""


@dataclass(frozen=True)
class Segment:
    """A straight line in pixels: ``pos`` is its row (horizontal) or column
    (vertical), ``start``/``end`` its extent along the other axis."""

    pos: float
    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class Rulings:
    """The lines of one image, in pixels of that image."""

    width: int
    height: int
    horizontal: list[Segment] = field(default_factory=list)
    vertical: list[Segment] = field(default_factory=list)

    def looks_like_table(self) -> bool:
        """At least three long lines each way, the horizontal ones crossing
        the vertical ones: a grid, not a frame or a chart's gridlines."""
        long_h = [s for s in self.horizontal if s.length >= 0.4 * self.width]
        long_v = [s for s in self.vertical if s.length >= 0.25 * self.height]
        if len(long_h) < MIN_TABLE_LINES or len(long_v) < MIN_TABLE_LINES:
            return False
        crossing = [v for v in long_v if sum(v.start - 2 <= h.pos <= v.end + 2 for h in long_h) >= MIN_TABLE_LINES]
        return len(crossing) >= MIN_TABLE_LINES


def _line_mask(gray: NDArray[np.int16], reach: int) -> NDArray[np.bool_]:
    """Pixels darker by CONTRAST than the brightest pixel within ``reach``
    rows above, and than the brightest within ``reach`` rows below.

    The brightest, not the farthest: a row of text set tight under a line
    darkens the pixels a few rows below it, but not all of them.
    """
    h = gray.shape[0]
    mask = np.zeros(gray.shape, dtype=bool)
    if h <= 2 * reach:
        return mask
    mid = gray[reach : h - reach]
    above = np.max([gray[reach - k : h - reach - k] for k in range(1, reach + 1)], axis=0)
    below = np.max([gray[reach + k : h - reach + k] for k in range(1, reach + 1)], axis=0)
    mask[reach : h - reach] = (mid + CONTRAST < above) & (mid + CONTRAST < below)
    return mask


def _runs(mask: NDArray[np.bool_], piece: int, max_gap: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of the runs of True, each at least ``piece`` long,
    joined across gaps of up to ``max_gap`` pixels.

    A line breaks where another crosses it (beside a crossing the background
    is that line) and where anti-aliasing makes it faint; short runs (the
    strokes of letters) are dropped before joining, so that the tops of a
    row of digits never join into a line.
    """
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    diff = np.diff(padded, axis=1)
    rows, starts = np.nonzero(diff == 1)
    _, ends = np.nonzero(diff == -1)
    keep = ends - starts >= piece
    out: list[tuple[int, int, int]] = []
    for row, s, e in zip(rows[keep].tolist(), starts[keep].tolist(), ends[keep].tolist(), strict=True):
        if out and out[-1][0] == row and s - out[-1][2] <= max_gap:
            out[-1] = (row, out[-1][1], e)
        else:
            out.append((row, s, e))
    return out


def _merge(runs: list[tuple[int, int, int]], tol: int) -> list[Segment]:
    """Runs on neighbouring rows that overlap are one (thick or anti-aliased) line."""
    groups: list[list[tuple[int, int, int]]] = []
    for run in sorted(runs):
        for g in reversed(groups[-4:]):
            last = g[-1]
            if run[0] - last[0] <= tol and run[1] < max(r[2] for r in g) and run[2] > min(r[1] for r in g):
                g.append(run)
                break
        else:
            groups.append([run])
    segments = [
        Segment(pos=sum(r[0] for r in g) / len(g), start=min(r[1] for r in g), end=max(r[2] for r in g)) for g in groups
    ]
    return sorted(segments, key=lambda s: (s.pos, s.start))


def _lines(g: NDArray[np.int16], min_len: int, reach: int) -> list[Segment]:
    """The horizontal lines of ``g`` (transpose it for the vertical ones)."""
    runs = _runs(_line_mask(g, reach), min(min_len, 3 * reach), 2 * reach + 4)
    return [s for s in _merge(runs, 2) if s.length >= min_len]


def find_rulings(gray: NDArray[np.uint8], min_len: int, reach: int = 3) -> Rulings:
    """Horizontal and vertical lines at least ``min_len`` pixels long.

    ``reach``: how far beside a line its background is looked for (more than
    the thickest line expected, in pixels).
    """
    g = gray.astype(np.int16)
    height, width = g.shape
    out = Rulings(width=width, height=height)
    out.horizontal = _lines(g, min_len, reach)
    out.vertical = _lines(np.ascontiguousarray(g.T), min_len, reach)
    return out


def erase_lines(gray: NDArray[np.uint8], rulings: Rulings, scale: float = 1.0, width: int = 2) -> NDArray[np.uint8]:
    """A copy of ``gray`` with the lines (found at ``scale`` times smaller)
    painted white: a ruling line touching a digit reads as "1" or "|"."""
    out = gray.copy()
    pad = round(width * scale)
    for s in rulings.horizontal:
        y = round(s.pos * scale)
        out[max(0, y - pad) : y + pad + 1, int(s.start * scale) : int(s.end * scale) + 1] = 255
    for s in rulings.vertical:
        x = round(s.pos * scale)
        out[int(s.start * scale) : int(s.end * scale) + 1, max(0, x - pad) : x + pad + 1] = 255
    return out
