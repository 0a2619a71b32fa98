"""Borderless ("text-aligned") tables: blocks turned into grids, and the
test that a grid is a table (designer layouts)."""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence

from auditor.model import Cell
from auditor.readers.pdftables.blocks import (
    MARKER,
    MAX_CELL_WORDS,
    NUMBER,
    Block,
    Rule,
    column_of,
    grow_block,
    gutters_of,
    line_segments,
    merge_cover,
    word_columns,
)
from auditor.readers.pdftables.grid import PageTable
from auditor.readers.pdftables.rows import split_rows
from auditor.readers.pdftables.spans import infer_group_spans, infer_header_spans
from auditor.readers.pdftables.words import CellLines, Line, Word, is_mostly_bold, word_bbox


def _block_grid(
    block: Block,
    bands: Sequence[tuple[float, float, float, float]],
    lh: float,
    min_gap: float,
    page: int,
    cells: CellLines,
) -> list[list[Cell]]:
    """Cells of a borderless block: columns from gutters, rows from split_rows.
    ``cells`` holds the texts of the page's blocks tried before, which share
    cells with this one."""
    lines, gutters = block.lines, block.gutters
    ncols = len(gutters) + 1
    x0 = min(ln.x0 for ln in lines)
    x1 = max(ln.x1 for ln in lines)
    bounds = [x0, *[(g[0] + g[1]) / 2 for g in gutters], x1]
    col_x = [(bounds[c], bounds[c + 1]) for c in range(ncols)]
    cols = word_columns(block, min_gap)
    rows, carried = split_rows(block, bands, lh, cols)
    row_words: list[list[list[Word]]] = [[[] for _ in range(ncols)] for _ in rows]
    for r, members in enumerate(rows):
        for i in members:
            for w, c in zip(lines[i].words, cols[i], strict=True):
                row_words[carried.get((i, c), r)][c].append(w)
    grid: list[list[Cell]] = []
    for r, members in enumerate(rows):
        top = min(lines[i].top for i in members)
        bottom = max(lines[i].bottom for i in members)
        if len(members) == 1 and members[0] in block.spanning:
            ws = lines[members[0]].words
            first = column_of(gutters, ws[0].cx)
            last = min(ncols - 1, max(first, column_of(gutters, ws[-1].x1)))
            text, bold = cells.text(ws), is_mostly_bold(ws)
            row = []
            for c in range(ncols):
                if c == first:
                    row.append(Cell(row=r, col=c, text=text, bbox=word_bbox(ws), page=page, bold=bold))
                elif first < c <= last:
                    row.append(
                        Cell(
                            row=r,
                            col=c,
                            text=text,
                            bbox=(*col_x[c][:1], top, col_x[c][1], bottom),
                            page=page,
                            bold=bold,
                            span_origin=(r, first),
                        )
                    )
                else:
                    row.append(Cell(row=r, col=c, text="", bbox=(col_x[c][0], top, col_x[c][1], bottom), page=page))
            grid.append(row)
            continue
        row = []
        for c, ws in enumerate(row_words[r]):
            bbox = word_bbox(ws) or (col_x[c][0], top, col_x[c][1], bottom)
            row.append(Cell(row=r, col=c, text=cells.text(ws), bbox=bbox, page=page, bold=is_mostly_bold(ws)))
        grid.append(row)
    infer_group_spans(grid, infer_header_spans(grid, col_x))
    return grid


def _is_figure(text: str) -> bool:
    """A short cell holding a number: ``12``, ``94,24%``, ``Level 3 (3,35)``."""
    words = text.split()
    return 0 < len(words) <= 4 and any(NUMBER.match(w) for w in words)


def _is_marker_column(texts: Sequence[str]) -> bool:
    """Only list markers, or a plain running number 1, 2, 3 ... (a "No" column)."""
    body = [t for t in texts if not re.fullmatch(r"no\.?", t, re.IGNORECASE)]
    if all(MARKER.match(t) for t in texts):
        return True
    return bool(body) and body == [str(k) for k in range(1, len(body) + 1)]


def _looks_like_table(grid: list[list[Cell]], shaded_header: bool = False) -> bool:
    """Reject aligned layouts that are not data tables.

    Numbered lists (a marker column beside prose), ``label : value`` blocks,
    signature blocks and two-column prose all align into columns. Without
    other evidence a data table needs three rows; two content columns (not
    markers) filled in most rows; a column of figures; no colon column and
    no prose-length cells. A shaded header band is such evidence: then two
    rows and two filled content columns are enough.
    """
    min_rows = 2 if shaded_header else 3
    if len(grid) < min_rows or len(grid[0]) < 2:
        return False
    nrows = len(grid)
    filled_cols = 0
    figure_col = shaded_header
    for c in range(len(grid[0])):
        texts = [row[c].text for row in grid if row[c].text and not row[c].span_origin]
        if not texts:
            continue
        if not shaded_header and (
            all(t in {":", "="} or t.startswith(":") for t in texts)  # "label : value" lines
            or any(len(t.split()) > MAX_CELL_WORDS for t in texts)
        ):
            return False
        if _is_marker_column(texts):
            continue
        if len(texts) >= max(min_rows, (nrows + 1) // 2):
            filled_cols += 1
        body = [row[c].text for row in grid[1:] if row[c].text and not row[c].span_origin]
        figures = [t for t in body if _is_figure(t) and not MARKER.match(t)]
        if len(figures) >= min(2, len(body)) and len(figures) * 2 >= len(body) and figures:
            figure_col = True
    return filled_cols >= 2 and figure_col


def _band_index(line: Line, bands: Sequence[tuple[float, float, float, float]]) -> int | None:
    cy = (line.top + line.bottom) / 2
    for k, b in enumerate(bands):
        if b[1] <= cy <= b[3] and b[0] <= line.x0 + 1 and line.x1 <= b[2] + 1:
            return k
    return None


def _with_header_lines(
    lines: list[Line],
    floor: int,
    start: int,
    block: Block,
    bands: Sequence[tuple[float, float, float, float]],
    min_gap: float,
    max_vgap: float,
) -> tuple[Block, int]:
    """Prepend the header lines that growing the block could not take.

    A group label (``TARGET`` over ``2018 | 2019``) covers the gutter between
    its sub-columns, so the block is grown from a line below it. A line above
    is taken back as header when it shares the first line's shaded band (or
    sits in a shaded band just above it), or when its own gaps all fall on
    the block's gutters. A shaded header band may hold a few more lines (a
    label wrapping over five lines in a narrow column) than an unshaded
    header, whose extent only alignment tells.
    """
    taken = 0
    while start > floor and taken < 6:
        line, first = lines[start - 1], block.lines[0]
        if first.top - line.bottom > max_vgap:
            break
        band, line_band = _band_index(first, bands), _band_index(line, bands)
        segs = line_segments(line, min_gap)
        gaps = [(a[1], b[0]) for a, b in itertools.pairwise(segs)]
        # Same shading as the block's top, or a shaded band right above it.
        same_band = line_band is not None and (
            line_band == band or (band is None and bands[line_band][3] >= first.top - max_vgap)
        )
        aligned = len(segs) >= 2 and all(any(g[0] < h[1] and h[0] < g[1] for h in block.gutters) for g in gaps)
        if not (same_band or (aligned and taken < 3)):
            break
        block = Block(
            [line, *block.lines], block.gutters, {k + 1 for k in block.spanning}, {0, *(k + 1 for k in block.loose)}
        )
        start -= 1
        taken += 1
    return block, start


def _header_only(
    lines: list[Line],
    start: int,
    block: Block,
    bands: Sequence[tuple[float, float, float, float]],
    min_gap: float,
    max_vgap: float,
) -> bool:
    """The block is a shaded header band alone, with the body right below.

    A header whose labels wrap in other places than the body's columns
    (a long label in a narrow column) does not fit the body's gutters, so
    it can come out as a block of its own: leave it to the body's block,
    which takes it back as its header.
    """
    band = _band_index(block.lines[0], bands)
    if band is None or any(_band_index(ln, bands) != band for ln in block.lines):
        return False
    end = start + len(block.lines)
    if end >= len(lines):
        return False
    nxt = lines[end]
    return nxt.top - block.lines[-1].bottom <= max_vgap and len(line_segments(nxt, min_gap)) >= 2


def _body_columns(block: Block, bands: Sequence[tuple[float, float, float, float]], min_gap: float) -> Block:
    """Columns from the body rows when header labels close some of them.

    A header label spanning sub-columns (``2018`` centred over ``Target |
    Realisasi``) or a centred label over a left-aligned column can bridge the
    white gutter between two body columns. The header lines (those in the
    first line's shading or, unshaded, the bold lines on top) then do not
    shape the gutters; their words are placed by position.
    """
    lines = block.lines
    band0 = _band_index(lines[0], bands)
    h = 0
    while h < min(4, len(lines) - 1):
        ln = lines[h]
        header = _band_index(ln, bands) == band0 if band0 is not None else ln.bold and not lines[-1].bold
        if not header:
            break
        h += 1
    body = [ln for k, ln in enumerate(lines) if k >= h and k not in block.spanning]
    if h == 0 or not body:
        return block
    segs = [line_segments(ln, min_gap) for ln in body]
    cover: list[tuple[float, float]] = []
    for ss in segs:
        cover = merge_cover(cover, ss)
    gutters = gutters_of(cover, min_gap)
    if len(gutters) <= len(block.gutters):
        return block
    # Every body column must hold text on two lines (one if there is one):
    # a stray line under the table (the next table's header) opens columns
    # of its own.
    bounds = [cover[0][0], *((a + b) / 2 for a, b in gutters), cover[-1][1]]
    for x0, x1 in itertools.pairwise(bounds):
        if sum(1 for ss in segs if any(a < x1 and x0 < b for a, b in ss)) < min(2, len(body)):
            return block
    return Block(lines, gutters, set(block.spanning), block.loose | set(range(h)))


def _header_shaded(block: Block, bands: Sequence[tuple[float, float, float, float]]) -> bool:
    first = block.lines[0]
    cy = (first.top + first.bottom) / 2
    width = max(ln.x1 for ln in block.lines) - min(ln.x0 for ln in block.lines)
    return any(b[1] <= cy <= b[3] and b[2] - b[0] >= 0.5 * width for b in bands)


def find_text_tables(
    lines: list[Line],
    bands: Sequence[tuple[float, float, float, float]],
    page: int,
    rules: Sequence[Rule] = (),
) -> list[PageTable]:
    """Borderless tables among ``lines`` (words no ruled table took).

    ``rules`` are the page's upright rules: a column rule carries a table on
    across a blank too tall for a row gap (a table ruled at its frame only).
    """
    # Text under 5 pt is the lettering of pasted figures, not a table to audit.
    lines = [ln for ln in lines if ln.height >= 5]
    if len(lines) < 2:
        return []
    lh = statistics.median(ln.height for ln in lines) or 10.0
    min_gap = max(7.0, 0.8 * lh)
    max_vgap = 2.5 * lh
    tables: list[PageTable] = []
    grown: dict[int, Block] = {}
    cells = CellLines()

    def grow(at: int) -> Block:
        """The block grown from line ``at``, grown once: each start is tried
        from up to four lines above it, and a block is not changed once grown."""
        block = grown.get(at)
        if block is None:
            block = grown[at] = grow_block(lines, at, min_gap, max_vgap, rules)
        return block

    i = floor = 0  # lines before ``floor`` belong to a table already found
    while i < len(lines):
        block, start = grow(i), i
        # The line on top may be a paragraph's tail or a spanning header
        # label: either way it can cost columns; compare without it.
        while start + 1 < len(lines) and start - i < 3:
            alt = grow(start + 1)
            more_columns = len(alt.gutters) > len(block.gutters) and len(alt.lines) >= len(block.lines) - 1
            # A centred header label can open a false gutter that the first
            # wide body cell then closes, cutting the block short.
            more_rows = len(alt.lines) > len(block.lines) and alt.gutters
            if not (more_columns or more_rows):
                break
            block, start = alt, start + 1
        if len(block.lines) >= 2 and block.gutters and not _header_only(lines, start, block, bands, min_gap, max_vgap):
            block, start = _with_header_lines(lines, floor, start, block, bands, min_gap, max_vgap)
            block = _body_columns(block, bands, min_gap)
            grid = _block_grid(block, bands, lh, min_gap, page, cells)
            if _looks_like_table(grid, _header_shaded(block, bands)):
                words = [w for ln in block.lines for w in ln.words]
                bbox = word_bbox(words)
                assert bbox is not None
                tables.append(
                    PageTable(
                        rows=grid, bbox=bbox, page=page, source="text-aligned", col_gaps=block.gutters, words=words
                    )
                )
                i = floor = start + len(block.lines)
                continue
        i += 1
    return tables
