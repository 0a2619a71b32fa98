"""A table found on one page, and the edge arithmetic its finders share."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from auditor.model import BBox, Cell
from auditor.readers.pdftables.words import Word


@dataclass(slots=True)
class PageTable:
    """One table as found on one page, before page-break joining."""

    rows: list[list[Cell]]
    bbox: BBox
    page: int
    source: str
    col_gaps: list[tuple[float, float]]
    """Where each column boundary may lie (x0, x1), to recognise a continuation:
    a ruling line give or take 2 pt (with the thin slivers between doubled
    rulings or a cell and a frame inside it, which are dropped), or the white
    gutter of a borderless table."""
    words: list[Word] = field(default_factory=list)
    """The words this table took from the page (kept out of the text lines)."""

    @property
    def ncols(self) -> int:
        return len(self.rows[0]) if self.rows else 0


def cluster_edges(values: Iterable[float], tol: float) -> list[float]:
    """Sorted distinct values, merging those closer than ``tol``."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def nearest_edge(edges: Sequence[float], v: float) -> int:
    i = bisect.bisect_left(edges, v)
    if i == 0:
        return 0
    if i == len(edges):
        return len(edges) - 1
    return i if edges[i] - v < v - edges[i - 1] else i - 1


def edge_band(edges: Sequence[float], v: float) -> int:
    """Index of the band [edges[i], edges[i+1]) holding ``v``, clamped."""
    i = bisect.bisect_right(edges, v) - 1
    return min(max(i, 0), len(edges) - 2)
