"""Ruled tables: the cell boxes pdfplumber finds between ruling lines turned into
a full grid, merged cells resolved into ``span_origin`` copies."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from auditor.model import BBox, Cell
from auditor.readers.pdftables.grid import PageTable, cluster_edges, edge_band, nearest_edge
from auditor.readers.pdftables.unruled import box_area, stacked_rows, unruled_columns
from auditor.readers.pdftables.words import CellLines, Word, WordIndex, group_lines, is_mostly_bold, join_text

THIN_BAND = 7.5
"""A row or column band this narrow and empty comes from a doubled rule."""


def _inner_frame_edge(cell_boxes: Sequence[BBox], y: float) -> bool:
    """Whether the row edge at ``y`` only divides a frame drawn inside a cell.

    A text box pasted into a cell draws its own rectangle a few points inside
    the cell's rulings; where it is split into lines, those lines must not
    become table rows. Such an edge is drawn only by boxes lying inside a
    cell that runs on across ``y``: between two thin slivers (frame to
    ruling) that do, or within a box that does.
    """
    starts = [b for b in cell_boxes if abs(b[1] - y) < 1.0]
    crossing = [b for b in cell_boxes if b[1] < y - 1.0 and b[3] > y + 1.0]
    if not starts or not crossing:
        return False
    slivers = [b for b in crossing if b[2] - b[0] < THIN_BAND]

    def tiled(b: BBox) -> bool:
        """Cells starting at ``y`` fill ``b``'s width: ``b`` was found around
        cells ruled inside it (its rule at ``y`` drawn, one above missing)."""
        x = b[0]
        for s in sorted((s for s in starts if b[0] - 1.0 <= s[0] and s[2] <= b[2] + 1.0), key=lambda s: s[0]):
            if s[0] > x + 1.0:
                return False
            x = max(x, s[2])
        return x >= b[2] - 1.0

    def framed(s: BBox) -> bool:
        left = any(abs(b[2] - s[0]) < 1.0 for b in slivers)
        right = any(abs(b[0] - s[2]) < 1.0 for b in slivers)
        return (left and right) or any(b[0] - 1.0 <= s[0] and s[2] <= b[2] + 1.0 and not tiled(b) for b in crossing)

    return all(framed(s) for s in starts)


@dataclass
class _Bands:
    """The row and column bands of a ruled table, the narrow empty ones dropped."""

    row_edges: list[float]
    col_edges: list[float]
    keep_rows: list[int]
    keep_cols: list[int]
    slot_words: dict[tuple[int, int], list[Word]]
    """Words by the (row, column) band they stand in (original band indexes)."""

    @property
    def new_row(self) -> dict[int, int]:
        return {r: i for i, r in enumerate(self.keep_rows)}

    @property
    def new_col(self) -> dict[int, int]:
        return {c: i for i, c in enumerate(self.keep_cols)}

    def slot_box(self, r: int, c: int) -> BBox:
        return (self.col_edges[c], self.row_edges[r], self.col_edges[c + 1], self.row_edges[r + 1])


OVERFLOW = 0.2
"""A word starting this share of its height or more above its row's top rule
has run over the rule from the cell above."""


def _lift_overflow(slot_words: dict[tuple[int, int], list[Word]], row_edges: Sequence[float]) -> None:
    """Give words that run over a row rule back to the cell above.

    Text is top-aligned below a cell's top rule, so a word crossing that rule
    belongs to the cell above it that overflowed (a label's last line printed
    over the rule, its middle below it): read by its middle alone it would
    open the next row's label. Moved only when the cell above holds text in
    that column and the word clears the rule by a fifth of its height.
    """
    for (r, c), ws in list(slot_words.items()):
        if r == 0 or (r - 1, c) not in slot_words:
            continue
        over = [w for w in ws if w.top < row_edges[r] - OVERFLOW * w.height]
        if over:
            slot_words[(r, c)] = [w for w in ws if w not in over]
            slot_words[(r - 1, c)].extend(over)
            if not slot_words[(r, c)]:
                del slot_words[(r, c)]


def _bands(cell_boxes: Sequence[BBox], bbox: BBox, words: Sequence[Word]) -> _Bands | None:
    row_edges = [y for y in cluster_edges([b[1] for b in cell_boxes], 1.0) if not _inner_frame_edge(cell_boxes, y)]
    col_edges = cluster_edges([b[0] for b in cell_boxes], 1.0)
    row_edges.append(max(bbox[3], row_edges[-1] + 1))
    col_edges.append(max(bbox[2], col_edges[-1] + 1))
    nrows, ncols = len(row_edges) - 1, len(col_edges) - 1
    slot_words: dict[tuple[int, int], list[Word]] = {}
    for w in words:
        slot = (edge_band(row_edges, w.cy), edge_band(col_edges, w.cx))
        slot_words.setdefault(slot, []).append(w)
    _lift_overflow(slot_words, row_edges)
    rows_with_text = {r for r, _ in slot_words}
    cols_with_text = {c for _, c in slot_words}
    keep_rows = [r for r in range(nrows) if r in rows_with_text or row_edges[r + 1] - row_edges[r] >= THIN_BAND]
    keep_cols = [c for c in range(ncols) if c in cols_with_text or col_edges[c + 1] - col_edges[c] >= THIN_BAND]
    if len(keep_rows) < 2 or len(keep_cols) < 2:
        return None
    return _Bands(row_edges, col_edges, keep_rows, keep_cols, slot_words)


def _box_slots(cell_boxes: Sequence[BBox], bands: _Bands) -> list[list[tuple[int, int]]]:
    """Per cell box, the kept slots it owns. Boxes overlap only where a rule
    is missing (a cell found around cells that are ruled inside it): the
    smallest box covering a slot owns it."""
    new_row, new_col = bands.new_row, bands.new_col
    owner: dict[tuple[int, int], int] = {}
    spans: list[tuple[list[int], list[int]]] = []
    for box in cell_boxes:
        r0, r1 = nearest_edge(bands.row_edges, box[1]), nearest_edge(bands.row_edges, box[3])
        c0, c1 = nearest_edge(bands.col_edges, box[0]), nearest_edge(bands.col_edges, box[2])
        rs = [r for r in range(r0, max(r1, r0 + 1)) if r in new_row]
        cs = [c for c in range(c0, max(c1, c0 + 1)) if c in new_col]
        spans.append((rs, cs))
    for k in sorted(range(len(cell_boxes)), key=lambda k: box_area(cell_boxes[k])):
        rs, cs = spans[k]
        for r in rs:
            for c in cs:
                owner.setdefault((r, c), k)
    return [[(r, c) for r in rs for c in cs if owner.get((r, c)) == k] for k, (rs, cs) in enumerate(spans)]


def _fill_boxes(
    grid: list[list[Cell | None]], cell_boxes: Sequence[BBox], bands: _Bands, page: int, cells: CellLines
) -> None:
    """Each cell box's text in its top-left slot, copied (``span_origin``) into the rest; a
    box holding the words :func:`stacked_rows` grouped takes that grouping (``cells``)."""
    new_row, new_col = bands.new_row, bands.new_col
    for box, mine in zip(cell_boxes, _box_slots(cell_boxes, bands), strict=True):
        if not mine:
            continue
        cell_words = [w for slot in mine for w in bands.slot_words.get(slot, [])]
        origin = (new_row[mine[0][0]], new_col[mine[0][1]])
        text, bold = cells.text(cell_words), is_mostly_bold(cell_words)
        for r, c in mine:
            slot = (new_row[r], new_col[c])
            if slot == origin:
                grid[slot[0]][slot[1]] = Cell(
                    row=slot[0], col=slot[1], text=text, bbox=tuple(box), page=page, bold=bold
                )
            else:
                grid[slot[0]][slot[1]] = Cell(
                    row=slot[0], col=slot[1], text=text, bbox=bands.slot_box(r, c), page=page, bold=bold,
                    span_origin=origin,
                )  # fmt: skip


def _fill_uncovered(grid: list[list[Cell | None]], bands: _Bands, page: int) -> None:
    """Slots no cell box covers (irregular rulings) keep whatever words fall there."""
    for i, r in enumerate(bands.keep_rows):
        for j, c in enumerate(bands.keep_cols):
            if grid[i][j] is None:
                ws = bands.slot_words.get((r, c), [])
                grid[i][j] = Cell(
                    row=i, col=j, text=join_text(ws), bbox=bands.slot_box(r, c), page=page, bold=is_mostly_bold(ws)
                )


def ruled_grid(cell_boxes: Sequence[BBox], bbox: BBox, words: Sequence[Word], page: int) -> PageTable | None:
    """Build a full grid from pdfplumber's cell boxes and the words inside.

    Row bands start at every distinct cell top and column bands at every
    distinct cell x0 (as pdfplumber's ``Table.rows`` does), after cells
    holding several unruled columns or stacked records are cut (see
    :mod:`auditor.readers.pdftables.unruled`). A cell box that reaches over
    several bands is a merged cell: its top-left slot holds the text and
    every other slot it covers becomes a copy with ``span_origin``. Narrow
    empty bands (doubled ruling lines) are dropped first. Returns None for
    degenerate tables (one row, one column, or no text).
    """
    lines = group_lines(words)
    lh = (statistics.median(ln.height for ln in lines) if lines else 0.0) or 10.0
    index = WordIndex(words)
    cell_boxes, gutter_at = unruled_columns(cell_boxes, index, lines, lh)
    cells = CellLines()
    cell_boxes = stacked_rows(cell_boxes, index, lh, cells)
    bands = _bands(cell_boxes, bbox, words)
    if bands is None:
        return None
    grid: list[list[Cell | None]] = [[None] * len(bands.keep_cols) for _ in bands.keep_rows]
    _fill_boxes(grid, cell_boxes, bands, page, cells)
    _fill_uncovered(grid, bands, page)
    rows: list[list[Cell]] = [[c for c in row if c is not None] for row in grid]
    if not any(c.text for row in rows for c in row):
        return None
    col_edges, keep_cols = bands.col_edges, bands.keep_cols
    return PageTable(
        rows=rows,
        bbox=tuple(bbox),
        page=page,
        source="ruled",
        col_gaps=[
            gutter_at.get(col_edges[c], (col_edges[a + 1] - 2, col_edges[c] + 2))
            for a, c in itertools.pairwise(keep_cols)
        ],
        words=list(words),
    )
