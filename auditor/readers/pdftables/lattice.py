"""pdfplumber's ruled-table finder (``TableFinder`` with its default
settings: the "lines" strategy on both axes) over plain edge tuples.

The finder runs on every page. pdfplumber builds a dict per edge, copies
it at every snap and join, scans every later intersection for each one when
it looks for cells and rebuilds sets of edge boxes at each test; on a page
of many short rules (a form drawn as thousands of cell borders) that is
most of the page's table cost. This module takes the same steps in the same
order, on tuples, so it yields the same floats and the same cells: edges in
page order (lines, then each rectangle's top, bottom, left and right side,
then curve segments), snapped to their clusters' means, joined along their
line, kept at 3 pt or longer, then crossed, and cells found by the same
search over the crossings grouped by column and row. Grouping cells into
tables is pdfplumber's own function.

For merged edges with non-finite or astronomically large coordinates
:func:`ruled_cells` answers None: the caller then takes pdfplumber's finder.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence
from operator import itemgetter

from pdfplumber.table import cells_to_tables
from pdfplumber.utils.clustering import make_cluster_dict

from auditor.model import BBox

SNAP = 3.0
JOIN = 3.0
MIN_LENGTH = 3.0
PREFILTER_LENGTH = 1.0
CROSSING = 3.0
"""pdfplumber's defaults: snap, join and intersection tolerances, and the
edge lengths kept before and after merging."""

_LARGEST = 1e9
"""Coordinates beyond this (or not finite) are left to pdfplumber: the
crossing search below widens its bisection bounds by a point, which stays
wider than any rounding only while coordinates are moderate."""

Edge = tuple[float, float, float, float, float]
"""(x0, top, x1, bottom, length): length is the edge's ``height`` for a
vertical edge and its ``width`` for a horizontal one, as pdfplumber carries
them (not recomputed from the box, which may round differently)."""


def _plain(edges: Iterable[Edge]) -> bool:
    """Whether every coordinate of these (merged) edges is finite and moderate.

    Snapping and joining replay pdfplumber's arithmetic whatever the values;
    only the crossing search's bisection needs ordered, moderate tops. A
    non-finite value before merging is carried into the merged edge it
    belongs to (or dropped by the same length tests pdfplumber applies)."""
    return all(-_LARGEST < v < _LARGEST for e in edges for v in e[:4])


def page_edges(lines: Sequence[dict], rects: Sequence[dict], curves: Sequence[dict]) -> tuple[list[Edge], list[Edge]]:
    """The vertical and horizontal edges pdfplumber's ``Container.edges``
    gives, in its order, with its lengths, of at least the prefilter length."""
    vertical: list[Edge] = []
    horizontal: list[Edge] = []
    for line in lines:
        x0, top, x1, bottom = line["x0"], line["top"], line["x1"], line["bottom"]
        if top == bottom:
            horizontal.append((x0, top, x1, bottom, line["width"]))
        else:
            vertical.append((x0, top, x1, bottom, line["height"]))
    for r in rects:
        x0, top, x1, bottom, width, height = r["x0"], r["top"], r["x1"], r["bottom"], r["width"], r["height"]
        horizontal.append((x0, top, x1, top, width))
        horizontal.append((x0, top + height, x1, bottom, width))
        vertical.append((x0, top, x0, bottom, height))
        vertical.append((x1, top, x1, bottom, height))
    for curve in curves:
        pts = curve["pts"]
        for (ax, ay), (bx, by) in itertools.pairwise(pts):
            box = (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
            if ax == bx:
                vertical.append((*box, abs(ay - by)))
            elif ay == by:
                horizontal.append((*box, abs(ax - bx)))
    return (
        [e for e in vertical if e[4] >= PREFILTER_LENGTH],
        [e for e in horizontal if e[4] >= PREFILTER_LENGTH],
    )


def _snapped(edges: list[Edge], at: int) -> list[Edge]:
    """pdfplumber's ``snap_objects``: edges grouped by clusters of their
    coordinate ``at`` (x0 for vertical edges, top for horizontal), each moved
    onto its cluster's mean (``v + (mean - v)``, as pdfplumber moves it)."""
    if not edges:
        return []
    cluster_of = make_cluster_dict([e[at] for e in edges], SNAP)
    ordered = sorted(edges, key=lambda e: cluster_of[e[at]])
    out: list[Edge] = []
    for _, group in itertools.groupby(ordered, key=lambda e: cluster_of[e[at]]):
        members = list(group)
        mean = sum(e[at] for e in members) / len(members)
        for x0, top, x1, bottom, length in members:
            if at == 0:
                shift = mean - x0
                out.append((x0 + shift, top, x1 + shift, bottom, length))
            else:
                shift = mean - top
                out.append((x0, top + shift, x1, bottom + shift, length))
    return out


def _joined(edges: list[Edge], at: int, start: int, end: int) -> list[Edge]:
    """pdfplumber's ``merge_edges`` after snapping, for one orientation: the
    edges on each line (equal coordinate ``at``) joined where they overlap or
    lie within the join tolerance (``start``/``end``: the coordinates along
    the line), an extended edge's length grown as pdfplumber grows it."""
    out: list[Edge] = []
    for _, group in itertools.groupby(sorted(edges, key=itemgetter(at)), key=itemgetter(at)):
        line = sorted(group, key=itemgetter(start))
        joined = [list(line[0])]
        for e in line[1:]:
            last = joined[-1]
            if e[start] <= last[end] + JOIN:
                if e[end] > last[end]:
                    if end == 2:
                        last[4] = e[end] - last[0]
                    else:
                        last[4] = last[4] + (e[end] - last[end])
                    last[end] = e[end]
            else:
                joined.append(list(e))
        out.extend((e[0], e[1], e[2], e[3], e[4]) for e in joined)
    return [e for e in out if e[4] >= MIN_LENGTH]


def merged_edges(vertical: list[Edge], horizontal: list[Edge]) -> tuple[list[Edge], list[Edge]]:
    """The vertical and horizontal edges pdfplumber's ``get_edges`` keeps."""
    return (
        _joined(_snapped(vertical, 0), 0, 1, 3),
        _joined(_snapped(horizontal, 1), 1, 0, 2),
    )


Crossings = dict[tuple[float, float], tuple[set[BBox], set[BBox]]]


def crossings(vertical: list[Edge], horizontal: list[Edge]) -> Crossings:
    """pdfplumber's ``edges_to_intersections``: where a vertical edge meets a
    horizontal one (the tolerance's tests as pdfplumber writes them), with
    the boxes of the vertical and of the horizontal edges meeting there.
    Only horizontal edges near a vertical edge's span are tested: bisected
    on their tops with a margin of a point beyond the tolerance."""
    found: Crossings = {}
    rows = sorted(horizontal, key=itemgetter(1, 0))
    tops = [h[1] for h in rows]
    for v in sorted(vertical, key=itemgetter(0, 1)):
        vx, vtop, vbottom = v[0], v[1], v[3]
        lo = bisect.bisect_left(tops, vtop - CROSSING - 1.0)
        hi = bisect.bisect_right(tops, vbottom + CROSSING + 1.0)
        for h in rows[lo:hi]:
            htop = h[1]
            if (
                vtop <= htop + CROSSING
                and vbottom >= htop - CROSSING
                and vx >= h[0] - CROSSING
                and vx <= h[2] + CROSSING
            ):
                at = found.get((vx, htop))
                if at is None:
                    at = found[(vx, htop)] = (set(), set())
                at[0].add(v[:4])
                at[1].add(h[:4])
    return found


def crossing_cells(found: Crossings) -> list[BBox]:
    """pdfplumber's ``intersections_to_cells``: from each crossing, the
    first crossing below it and then the first to its right (each joined to
    it by a common edge) whose corner opposite is a crossing joined to both;
    the same search, over each column's and row's crossings in order."""
    points = sorted(found)
    below: dict[float, list[tuple[float, float]]] = {}
    right: dict[float, list[tuple[float, float]]] = {}
    for pt in points:
        below.setdefault(pt[0], []).append(pt)
    for pt in sorted(points, key=lambda p: (p[1], p[0])):
        right.setdefault(pt[1], []).append(pt)
    place_below = {pt: k for col in below.values() for k, pt in enumerate(col)}
    place_right = {pt: k for row in right.values() for k, pt in enumerate(row)}
    cells: list[BBox] = []
    for pt in points:
        v_edges, h_edges = found[pt]
        under = below[pt[0]][place_below[pt] + 1 :]
        beside = [r for r in right[pt[1]][place_right[pt] + 1 :] if not h_edges.isdisjoint(found[r][1])]
        cell = _smallest_cell(found, pt, v_edges, under, beside)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest_cell(
    found: Crossings,
    pt: tuple[float, float],
    v_edges: set[BBox],
    under: list[tuple[float, float]],
    beside: list[tuple[float, float]],
) -> BBox | None:
    for below_pt in under:
        below_v, below_h = found[below_pt]
        if v_edges.isdisjoint(below_v):
            continue
        for right_pt in beside:
            corner = found.get((right_pt[0], below_pt[1]))
            if (
                corner is not None
                and not corner[0].isdisjoint(found[right_pt][0])
                and not corner[1].isdisjoint(below_h)
            ):
                return (pt[0], pt[1], right_pt[0], below_pt[1])
    return None


def ruled_cells(lines: Sequence[dict], rects: Sequence[dict], curves: Sequence[dict]) -> list[list[BBox]] | None:
    """The cells of each table pdfplumber's default ``TableFinder`` finds on
    a page of these lines, rectangles and curves (``Table.cells``, in its
    order of tables and of cells), or None where the edges' coordinates are
    not plain (see :func:`_plain`)."""
    vertical, horizontal = merged_edges(*page_edges(lines, rects, curves))
    if not vertical or not horizontal:
        return []
    if not (_plain(vertical) and _plain(horizontal)):
        return None
    cells = crossing_cells(crossings(vertical, horizontal))
    return cells_to_tables(cells) if cells else []
