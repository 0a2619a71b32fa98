"""Re-reading a ruled grid by its header leaves.

A ruled table's grid comes from every vertical rule on the page: a rule
drawn slightly off in one row (a value cell wider than its header cell, a
group header over offset sub-columns) adds a sliver column that holds only
pieces of spans, and a value may then start in a column under the wrong
header. The header says how many columns the table has: its leaves, the
header cells with no header cell under them. Each cell is bound to the
leaves its box covers, so every figure sits under the header that names it.

When the geometry does not give one clear answer (a cell over no leaf, two
cells over one leaf), the grid is kept as the reader found it.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from auditor.model import BBox, Cell, Table

_MIN_SHARE = 0.5
"""A cell covers a leaf when it spans at least this share of the leaf's width."""


def _span(b: BBox) -> tuple[float, float]:
    return b[0], b[2]


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))


def header_leaves(rows: list[list[Cell]], first: int, end: int) -> list[tuple[float, float]] | None:
    """The x-ranges of the header cells that have no header cell under them,
    left to right; None when the header has no boxes or leaves overlap."""
    heads = [c for row in rows[first:end] for c in row if c.text.strip() and not c.is_span_copy]
    if not heads or any(c.bbox is None for c in heads):
        return None
    leaves = []
    for h in heads:
        x0, x1 = _span(h.bbox)  # type: ignore[arg-type]
        under = [
            o
            for o in heads
            if o.row > h.row and x0 <= (o.bbox[0] + o.bbox[2]) / 2 <= x1  # type: ignore[index]
        ]
        if not under:
            leaves.append((x0, x1))
    leaves.sort()
    for a, b in pairwise(leaves):
        if _overlap(a, b) > 0.2 * min(a[1] - a[0], b[1] - b[0]):
            return None
    return leaves


def _covered(cell: Cell, leaves: list[tuple[float, float]]) -> list[int]:
    if cell.bbox is None:
        return []
    box = _span(cell.bbox)
    return [k for k, leaf in enumerate(leaves) if _overlap(box, leaf) >= _MIN_SHARE * (leaf[1] - leaf[0])]


def _place_row(
    r: int, row: list[Cell], leaves: list[tuple[float, float]], placed: dict[tuple[int, int], list[int]]
) -> list[Cell] | None:
    """One row on the leaves; ``placed`` maps every origin slot seen so far
    to the leaves it covers (vertical span copies reuse it)."""
    out: list[Cell | None] = [None] * len(leaves)
    seen: set[tuple[int, int]] = set()
    for cell in row:
        if cell.is_span_copy and cell.span_origin is not None and cell.span_origin[0] == r:
            continue  # a horizontal span copy: rebuilt from its origin
        if cell.is_span_copy:
            origin = cell.span_origin
            where = placed.get(origin) if origin is not None else None
            if where is None and not cell.text.strip():
                continue  # a blank slot merged with a blank one above
            if where is None:
                return None
            if origin in seen:
                continue  # a span copied down over several slots: placed once
            seen.add(origin)  # type: ignore[arg-type]
            cells = [replace(cell, row=r, col=k, span_origin=(origin[0], where[0])) for k in where]  # type: ignore[index]
        elif cell.text.strip():
            where = _covered(cell, leaves)
            if not where:
                return None
            placed[(r, cell.col)] = where
            cells = [replace(cell, row=r, col=where[0])]
            cells += [replace(cell, row=r, col=k, span_origin=(r, where[0])) for k in where[1:]]
        else:
            continue
        for new in cells:
            if out[new.col] is not None:
                return None
            out[new.col] = new
    return [c if c is not None else Cell(r, k, "", page=row[0].page if row else None) for k, c in enumerate(out)]


def regrid_by_header_leaves(table: Table, first_header: int, header_end: int) -> Table:
    """The table with one column per header leaf, when its grid has more
    columns than the header has leaves and every cell lands on leaves of its
    own; otherwise the table unchanged."""
    rows = table.rows
    leaves = header_leaves(rows, first_header, header_end)
    if leaves is None or len(leaves) >= table.ncols or len(leaves) < 2:
        return table
    placed: dict[tuple[int, int], list[int]] = {}
    out: list[list[Cell]] = []
    for r, row in enumerate(rows):
        new = _place_row(r, row, leaves, placed)
        if new is None:
            return table
        out.append(new)
    return replace(table, rows=out)
