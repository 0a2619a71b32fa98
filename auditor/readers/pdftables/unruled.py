"""Ruled tables whose rules do not draw every boundary.

Table finding reads rules only: background shading (:func:`is_shading`) is
no rule. A table may then rule its rows and not its columns, or group
several records in one ruled row; these helpers recover the columns from
the white gutters between the words and cut rows that stack records, so
that :func:`auditor.readers.pdftables.ruled.ruled_grid` sees one cell per
row and column.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from auditor.model import BBox
from auditor.readers.pdftables.blocks import NUMBER, gutters_of, line_segments, merge_cover
from auditor.readers.pdftables.grid import cluster_edges
from auditor.readers.pdftables.words import CellLines, Line, WordIndex

RULE_THICKNESS = 4.0
"""A filled rectangle no thicker than this is a rule (Word draws every cell
border as a thin filled rectangle, 0.5 to 3 pt); a thicker one is shading."""


def box_area(b: BBox) -> float:
    return max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])


def is_shading(obj: dict) -> bool:
    """Whether a page object is background shading, not a rule.

    Word paints a shaded cell as many filled rectangles (the cell padding on
    either side, one strip per line of text). Their edges bound nothing:
    taken for rules they give shaded rows columns, and one row per line of
    text, that the unshaded rows of the same table lack. The border of a
    stroked rectangle is a rule.
    """
    return (
        obj.get("object_type") == "rect"
        and bool(obj.get("fill"))
        and not obj.get("stroke")
        and min(obj["width"], obj["height"]) > RULE_THICKNESS
    )


def column_gutters(body: Sequence[Line], lines: Sequence[Line], min_gap: float) -> list[tuple[float, float]]:
    """The white gutters between the columns of a table's ``body`` lines,
    narrowed by all its ``lines``.

    Body lines of several runs of words shape them (as a borderless table's
    body rows do, see ``borderless.body_columns``). Then every run of words of
    every line (a wrapped cell, a header label set wider than its column's
    figures) narrows the gutter it reaches into, unless it bridges the
    gutter whole (a label spanning the table), which does not count.
    """
    cover: list[tuple[float, float]] = []
    for ln in body:
        segs = line_segments(ln, min_gap)
        if len(segs) >= 2:
            cover = merge_cover(cover, segs)
    first = gutters_of(cover, min_gap)
    for ln in lines:
        segs = line_segments(ln, min_gap)
        cover = merge_cover(cover, [(a, b) for a, b in segs if not any(a <= g0 and g1 <= b for g0, g1 in first)])
    return [g for g in gutters_of(cover, 0.0) if any(g0 <= g[0] and g[1] <= g1 for g0, g1 in first)]


def unruled_columns(
    cell_boxes: Sequence[BBox], index: WordIndex, lines: Sequence[Line], lh: float
) -> tuple[list[BBox], dict[float, tuple[float, float]]]:
    """Cut ruled cells that hold several columns no rule separates.

    A table may rule its rows and not (all) its columns: horizontal rules
    and an outer frame only, or inner rules in some rows only. Its columns
    are then where the words leave white gutters down the body (the rows
    under the first; see :func:`column_gutters`), and a cell is cut at a
    column boundary that none of its words runs across:

    - with no inner column rule at all, the boundaries are the gutters'
      middles, and every cell whose words fall into several columns is cut
      at each of them (a label alone in its row, or spanning the table,
      stays one cell);
    - otherwise the boundaries are the inner rules lying in a gutter, and a
      cell merged over one is cut only when its words lie on both sides.

    A cell's lines stay one cell either way. Returns the cell boxes and, for
    each boundary taken from a gutter alone, that gutter.
    """
    row_tops = cluster_edges([b[1] for b in cell_boxes], 1.0)
    if len(lines) < 2 or len(row_tops) < 2:
        return list(cell_boxes), {}
    body = [ln for ln in lines if (ln.top + ln.bottom) / 2 > row_tops[1]] if len(row_tops) > 2 else lines
    gutters = column_gutters(body, lines, max(7.0, 0.8 * lh))
    rules = cluster_edges([b[0] for b in cell_boxes], 1.0)[1:]  # the first is the table's left edge
    if rules:
        cuts = {x: g for g in gutters for x in rules if g[0] - 2 <= x <= g[1] + 2}
    else:
        cuts = {(g[0] + g[1]) / 2: g for g in gutters}
    if not cuts:
        return list(cell_boxes), {}
    out: list[BBox] = []
    for box in cell_boxes:
        mine = index.within(box)
        inside = [(x, g) for x, g in sorted(cuts.items()) if box[0] + 1 < x < box[2] - 1]
        free = [(x, g) for x, g in inside if not any(w.x0 < g[1] and g[0] < w.x1 for w in mine)]
        if rules:
            xs = [x for x, g in free if any(w.x1 <= g[0] for w in mine) and any(w.x0 >= g[1] for w in mine)]
        else:
            several = len({sum(1 for x, _ in inside if x < w.cx) for w in mine}) >= 2
            xs = [x for x, _ in free] if several else []
        for x0, x1 in itertools.pairwise([box[0], *xs, box[2]]):
            out.append((x0, box[1], x1, box[3]))
    return out, {} if rules else cuts


def paragraphs(lines: Sequence[Line], lh: float) -> list[list[Line]]:
    """A cell's lines in paragraphs: a gap of half a line or more opens one."""
    out: list[list[Line]] = []
    for ln in lines:
        if out and ln.top - out[-1][-1].bottom < 0.5 * lh:
            out[-1].append(ln)
        else:
            out.append([ln])
    return out


def stacked_rows(cell_boxes: Sequence[BBox], index: WordIndex, lh: float, cells: CellLines) -> list[BBox]:
    """Cut ruled rows that hold several records one under the other.

    Some tables rule a group of rows as one (the indicators of a sasaran, a
    service table with rules only under the header): each cell then stacks
    the records' values as paragraphs. Figures never wrap, so a cell of
    figures printing k paragraphs holds k records, when every figure cell of
    the row that prints several does so at the same heights and a text cell
    prints k paragraphs too (a cell of two figures under one label is one
    record printing two values). Cells of k paragraphs are cut between
    their paragraphs, at heights all of them leave free; a cell of one
    paragraph over several records (the sasaran beside its indicators)
    spans them. ``cells`` keeps each cell's lines for the text the table
    then joins from the same words.
    """
    bands: dict[tuple[float, float], list[int]] = {}
    for k, b in enumerate(cell_boxes):
        bands.setdefault((round(b[1]), round(b[3])), []).append(k)
    cuts: dict[int, list[float]] = {}
    for members in bands.values():
        cell_lines = {k: cells.lines(index.within(cell_boxes[k])) for k in members}
        numbered = numbered_records(members, cell_lines, lh)
        if numbered:
            cuts.update(numbered)
            continue
        paras: dict[int, list[list[Line]]] = {}
        figures: set[int] = set()
        for k in members:
            lines = cell_lines[k]
            paras[k] = paragraphs(lines, lh)
            if lines and sum(1 for ln in lines if NUMBER.match(ln.words[0].text)) * 2 >= len(lines):
                figures.add(k)
        stacked = [k for k in figures if len(paras[k]) >= 2]
        if not stacked:
            continue
        n = len(paras[stacked[0]])
        tops = [p[0].top for p in paras[stacked[0]]]
        if any(
            len(paras[k]) != n or any(abs(p[0].top - t) > 0.5 * lh for p, t in zip(paras[k], tops, strict=True))
            for k in stacked
        ):
            continue
        split = [k for k in members if len(paras[k]) == n]
        if not any(k not in figures for k in split) or any(len(paras[k]) not in (0, 1, n) for k in members):
            continue
        ys: list[float] = []
        for i in range(n - 1):
            lo = max(paras[k][i][-1].bottom for k in split)
            hi = min(paras[k][i + 1][0].top for k in split)
            if lo >= hi:
                break
            ys.append((lo + hi) / 2)
        if len(ys) < n - 1:
            continue
        for k in members:
            if len(paras[k]) == 1:
                top, bottom = paras[k][0][0].top, paras[k][0][-1].bottom
                if any(top < y < bottom for y in ys):
                    continue  # one paragraph over several records: a span
            cuts[k] = ys
    out: list[BBox] = []
    for k, b in enumerate(cell_boxes):
        edges = [b[1], *cuts.get(k, []), b[3]]
        out.extend((b[0], y0, b[2], y1) for y0, y1 in itertools.pairwise(edges))
    return out


ROW_NUMBER = re.compile(r"^(\d{1,3})[.)]?$")


def _numbering_tops(lines: Sequence[Line]) -> list[float] | None:
    """The tops of a cell's lines when they are consecutive row numbers (1, 2, 3)."""
    found = [ROW_NUMBER.match(ln.text) for ln in lines]
    if len(lines) < 2 or not all(found):
        return None
    values = [int(m.group(1)) for m in found if m]
    if any(b != a + 1 for a, b in itertools.pairwise(values)):
        return None
    return [ln.top for ln in lines]


def _aligned_figures(lines: Sequence[Line], tops: Sequence[float], lh: float) -> bool:
    """A cell of one figure per record, each on the line of its record's number."""
    return len(lines) == len(tops) and all(
        NUMBER.match(ln.words[0].text) and abs(ln.top - t) <= 0.5 * lh for ln, t in zip(lines, tops, strict=True)
    )


def numbered_records(members: Sequence[int], lines: dict[int, list[Line]], lh: float) -> dict[int, list[float]]:
    """Cuts for a ruled row whose number cell stacks consecutive row numbers.

    A number cell printing 1, 2, 3 one under the other, and a figure cell
    printing one figure on the line of each number, say the row holds that
    many records, however their text cells wrap (a double-spaced label
    column prints a paragraph per line). Every cell of the row is cut just
    above each record's number, where no word of the row runs across; a
    cell whose one paragraph runs over a cut spans the records instead.
    Returns no cuts (the row stays one) unless every figure cell that
    prints several lines aligns with the numbers. ``lines``: each member
    cell's lines, grouped once for this and the paragraph test.
    """
    anchors = [t for k in members if (t := _numbering_tops(lines[k])) is not None]
    if len(anchors) != 1:
        return {}
    tops = anchors[0]
    stacked = [k for k in members if len(lines[k]) >= 2 and _numbering_tops(lines[k]) is None]
    figures = [k for k in stacked if NUMBER.match(lines[k][0].words[0].text)]
    if not any(_aligned_figures(lines[k], tops, lh) for k in figures):
        return {}
    if not all(_aligned_figures(lines[k], tops, lh) for k in figures):
        return {}
    ys = [t - 0.15 * lh for t in tops[1:]]
    row_words = [w for k in members for ln in lines[k] for w in ln.words]
    if any(w.top < y < w.bottom for w in row_words for y in ys):
        return {}
    cuts: dict[int, list[float]] = {}
    for k in members:
        paras = paragraphs(lines[k], lh)
        if len(paras) == 1 and any(paras[0][0].top < y < paras[0][-1].bottom for y in ys):
            continue
        cuts[k] = ys
    return cuts
