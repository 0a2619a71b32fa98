"""Table finding for the PDF reader.

Three jobs, each independent of pdfplumber's page object so they can be tested
on plain words and boxes:

- ``ruled_grid``: turn the cell boxes pdfplumber finds between ruling lines
  (rules only: ``is_shading`` tells background shading apart) into a full
  grid, resolving merged cells into ``span_origin`` copies, taking columns
  no rule separates from the words' gutters and cutting rows that stack
  several records;
- ``find_text_tables``: find borderless tables (designer layouts) from the
  alignment of words into columns, with shaded bands as row hints;
- ``continuation_header_rows`` / ``append_continuation``: recognise and join
  a table that runs over a page break.

Cell text is always rebuilt from our own words (not ``Table.extract()``) so
that wrapped lines become one line and bold can be decided per cell.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from auditor.model import BBox, Cell

# --------------------------------------------------------------------------
# Words and lines


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


# --------------------------------------------------------------------------
# A table found on one page


@dataclass
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


def _cluster(values: Iterable[float], tol: float) -> list[float]:
    """Sorted distinct values, merging those closer than ``tol``."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def box_area(b: BBox) -> float:
    return max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])


def _nearest(edges: Sequence[float], v: float) -> int:
    i = bisect.bisect_left(edges, v)
    if i == 0:
        return 0
    if i == len(edges):
        return len(edges) - 1
    return i if edges[i] - v < v - edges[i - 1] else i - 1


def _band(edges: Sequence[float], v: float) -> int:
    """Index of the band [edges[i], edges[i+1]) holding ``v``, clamped."""
    i = bisect.bisect_right(edges, v) - 1
    return min(max(i, 0), len(edges) - 2)


# --------------------------------------------------------------------------
# Ruled tables

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


RULE_THICKNESS = 4.0
"""A filled rectangle no thicker than this is a rule (Word draws every cell
border as a thin filled rectangle, 0.5 to 3 pt); a thicker one is shading."""


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


def _column_gutters(body: Sequence[Line], lines: Sequence[Line], min_gap: float) -> list[tuple[float, float]]:
    """The white gutters between the columns of a table's ``body`` lines,
    narrowed by all its ``lines``.

    Body lines of several runs of words shape them (as a borderless table's
    body rows do, see :func:`_body_columns`). Then every run of words of
    every line (a wrapped cell, a header label set wider than its column's
    figures) narrows the gutter it reaches into, unless it bridges the
    gutter whole (a label spanning the table), which does not count.
    """
    cover: list[tuple[float, float]] = []
    for ln in body:
        segs = _segments(ln, min_gap)
        if len(segs) >= 2:
            cover = _merge(cover, segs)
    first = _gutters(cover, min_gap)
    for ln in lines:
        segs = _segments(ln, min_gap)
        cover = _merge(cover, [(a, b) for a, b in segs if not any(a <= g0 and g1 <= b for g0, g1 in first)])
    return [g for g in _gutters(cover, 0.0) if any(g0 <= g[0] and g[1] <= g1 for g0, g1 in first)]


def _unruled_columns(
    cell_boxes: Sequence[BBox], words: Sequence[Word], lines: Sequence[Line], lh: float
) -> tuple[list[BBox], dict[float, tuple[float, float]]]:
    """Cut ruled cells that hold several columns no rule separates.

    A table may rule its rows and not (all) its columns: horizontal rules
    and an outer frame only, or inner rules in some rows only. Its columns
    are then where the words leave white gutters down the body (the rows
    under the first; see :func:`_column_gutters`), and a cell is cut at a
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
    row_tops = _cluster([b[1] for b in cell_boxes], 1.0)
    if len(lines) < 2 or len(row_tops) < 2:
        return list(cell_boxes), {}
    body = [ln for ln in lines if (ln.top + ln.bottom) / 2 > row_tops[1]] if len(row_tops) > 2 else lines
    gutters = _column_gutters(body, lines, max(7.0, 0.8 * lh))
    rules = _cluster([b[0] for b in cell_boxes], 1.0)[1:]  # the first is the table's left edge
    if rules:
        cuts = {x: g for g in gutters for x in rules if g[0] - 2 <= x <= g[1] + 2}
    else:
        cuts = {(g[0] + g[1]) / 2: g for g in gutters}
    if not cuts:
        return list(cell_boxes), {}
    out: list[BBox] = []
    for box in cell_boxes:
        mine = [w for w in words if box[0] <= w.cx <= box[2] and box[1] <= w.cy <= box[3]]
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


def _paragraphs(lines: Sequence[Line], lh: float) -> list[list[Line]]:
    """A cell's lines in paragraphs: a gap of half a line or more opens one."""
    out: list[list[Line]] = []
    for ln in lines:
        if out and ln.top - out[-1][-1].bottom < 0.5 * lh:
            out[-1].append(ln)
        else:
            out.append([ln])
    return out


def _stacked_rows(cell_boxes: Sequence[BBox], words: Sequence[Word], lh: float) -> list[BBox]:
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
    spans them.
    """
    bands: dict[tuple[float, float], list[int]] = {}
    for k, b in enumerate(cell_boxes):
        bands.setdefault((round(b[1]), round(b[3])), []).append(k)
    cuts: dict[int, list[float]] = {}
    for members in bands.values():
        paras: dict[int, list[list[Line]]] = {}
        figures: set[int] = set()
        for k in members:
            b = cell_boxes[k]
            lines = group_lines(w for w in words if b[0] <= w.cx <= b[2] and b[1] <= w.cy <= b[3])
            paras[k] = _paragraphs(lines, lh)
            if lines and sum(1 for ln in lines if _NUMBER.match(ln.words[0].text)) * 2 >= len(lines):
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


def ruled_grid(cell_boxes: Sequence[BBox], bbox: BBox, words: Sequence[Word], page: int) -> PageTable | None:
    """Build a full grid from pdfplumber's cell boxes and the words inside.

    Row bands start at every distinct cell top and column bands at every
    distinct cell x0 (as pdfplumber's ``Table.rows`` does), after cells
    holding several unruled columns are cut (see :func:`_unruled_columns`).
    A cell box that reaches over several bands is a merged cell: its
    top-left slot holds the text and every other slot it covers becomes a
    copy with ``span_origin``. Narrow empty bands (doubled ruling lines) are
    dropped first. Returns None for degenerate tables (one row, one column,
    or no text).
    """
    lines = group_lines(words)
    lh = (statistics.median(ln.height for ln in lines) if lines else 0.0) or 10.0
    cell_boxes, gutter_at = _unruled_columns(cell_boxes, words, lines, lh)
    cell_boxes = _stacked_rows(cell_boxes, words, lh)
    row_edges = [y for y in _cluster([b[1] for b in cell_boxes], 1.0) if not _inner_frame_edge(cell_boxes, y)]
    col_edges = _cluster([b[0] for b in cell_boxes], 1.0)
    row_edges.append(max(bbox[3], row_edges[-1] + 1))
    col_edges.append(max(bbox[2], col_edges[-1] + 1))
    nrows, ncols = len(row_edges) - 1, len(col_edges) - 1

    slot_words: dict[tuple[int, int], list[Word]] = {}
    for w in words:
        slot = (_band(row_edges, w.cy), _band(col_edges, w.cx))
        slot_words.setdefault(slot, []).append(w)
    rows_with_text = {r for r, _ in slot_words}
    cols_with_text = {c for _, c in slot_words}
    keep_rows = [r for r in range(nrows) if r in rows_with_text or row_edges[r + 1] - row_edges[r] >= THIN_BAND]
    keep_cols = [c for c in range(ncols) if c in cols_with_text or col_edges[c + 1] - col_edges[c] >= THIN_BAND]
    if len(keep_rows) < 2 or len(keep_cols) < 2:
        return None
    new_row = {r: i for i, r in enumerate(keep_rows)}
    new_col = {c: i for i, c in enumerate(keep_cols)}

    # owner[(r, c)] = index of the cell box covering that kept slot. Boxes
    # overlap only where a rule is missing (a cell found around cells that
    # are ruled inside it): the smallest box covering a slot owns it.
    owner: dict[tuple[int, int], int] = {}
    spans: list[tuple[list[int], list[int]]] = []
    for box in cell_boxes:
        r0, r1 = _nearest(row_edges, box[1]), _nearest(row_edges, box[3])
        c0, c1 = _nearest(col_edges, box[0]), _nearest(col_edges, box[2])
        rs = [r for r in range(r0, max(r1, r0 + 1)) if r in new_row]
        cs = [c for c in range(c0, max(c1, c0 + 1)) if c in new_col]
        spans.append((rs, cs))
    for k in sorted(range(len(cell_boxes)), key=lambda k: box_area(cell_boxes[k])):
        rs, cs = spans[k]
        for r in rs:
            for c in cs:
                owner.setdefault((r, c), k)

    grid: list[list[Cell | None]] = [[None] * len(keep_cols) for _ in keep_rows]
    for k, box in enumerate(cell_boxes):
        rs, cs = spans[k]
        mine = [(r, c) for r in rs for c in cs if owner.get((r, c)) == k]
        if not mine:
            continue
        cell_words = [w for slot in mine for w in slot_words.get(slot, [])]
        origin = (new_row[mine[0][0]], new_col[mine[0][1]])
        text, bold = join_text(cell_words), is_mostly_bold(cell_words)
        for r, c in mine:
            slot = (new_row[r], new_col[c])
            if slot == origin:
                grid[slot[0]][slot[1]] = Cell(
                    row=slot[0], col=slot[1], text=text, bbox=tuple(box), page=page, bold=bold
                )
            else:
                grid[slot[0]][slot[1]] = Cell(
                    row=slot[0],
                    col=slot[1],
                    text=text,
                    bbox=(col_edges[c], row_edges[r], col_edges[c + 1], row_edges[r + 1]),
                    page=page,
                    bold=bold,
                    span_origin=origin,
                )
    # Slots no cell box covers (irregular rulings) keep whatever words fall there.
    for i, r in enumerate(keep_rows):
        for j, c in enumerate(keep_cols):
            if grid[i][j] is None:
                ws = slot_words.get((r, c), [])
                grid[i][j] = Cell(
                    row=i,
                    col=j,
                    text=join_text(ws),
                    bbox=(col_edges[c], row_edges[r], col_edges[c + 1], row_edges[r + 1]),
                    page=page,
                    bold=is_mostly_bold(ws),
                )
    rows: list[list[Cell]] = [[c for c in row if c is not None] for row in grid]
    if not any(c.text for row in rows for c in row):
        return None
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


# --------------------------------------------------------------------------
# Borderless ("text-aligned") tables

_MARKER = re.compile(
    r"^(\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|[ivxlcIVXLC]{1,6}[.)]|[.•\-–·▪●○■□*➢✓]|no\.?)$",
    re.IGNORECASE,
)
"""List markers and the "No" header: "1.", "a)", "iv.", bullets."""
_NUMBER = re.compile(r"^[(]?[-+]?(rp\.?)?\d[\d.,]*%?[)]?[,;]?$", re.IGNORECASE)
_STOP = re.compile(r"^(sumber|source|keterangan|ket\s*[.:]|catatan)\b", re.IGNORECASE)
_NOTE_COLON = re.compile(r"^\S+(\s+\S+)?\s*:")
_CAPTION = re.compile(r"^(tabel|table|gambar|grafik|figure|diagram)\s+[\dIVXLC]+([.\-]\d+)*\b", re.IGNORECASE)
"""A numbered caption ("Tabel 3.2 ..."): it opens the next element."""
_MAX_CELL_WORDS = 36
"""Without other evidence, a cell longer than this is prose, not a table cell."""


@dataclass
class _Block:
    """Consecutive lines whose words leave the same vertical white gutters."""

    lines: list[Line]
    gutters: list[tuple[float, float]]
    spanning: set[int] = field(default_factory=set)
    """Indices (into ``lines``) of single-segment lines crossing gutters."""
    loose: set[int] = field(default_factory=set)
    """Indices of header lines whose words did not shape the gutters: their
    runs of words may reach into a gutter and are placed by their centre."""


def _segments(line: Line, min_gap: float) -> list[tuple[float, float]]:
    """x-intervals of the runs of words separated by less than ``min_gap``."""
    segs: list[list[float]] = []
    for w in line.words:
        if segs and w.x0 - segs[-1][1] < min_gap:
            segs[-1][1] = max(segs[-1][1], w.x1)
        else:
            segs.append([w.x0, w.x1])
    return [(a, b) for a, b in segs]


def _merge(cover: list[tuple[float, float]], add: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    """Union of x-intervals, as a sorted list of disjoint intervals."""
    out: list[tuple[float, float]] = []
    for a, b in sorted([*cover, *add]):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _gutters(cover: list[tuple[float, float]], min_gap: float) -> list[tuple[float, float]]:
    return [(a[1], b[0]) for a, b in itertools.pairwise(cover) if b[0] - a[1] >= min_gap]


def _is_note(line: Line, segs: Sequence[tuple[float, float]]) -> bool:
    """A line that ends a table: the next element's numbered caption, or a
    source note or remark under the table ("Sumber: BPS", "Keterangan :").

    The keyword alone is not enough: "Sumber Daya Manusia" is a common row
    label. A note is one run of text, or has its colon right after the
    keyword ("Sumber Data : ...").
    """
    if _CAPTION.match(line.text):
        return True
    return bool(_STOP.match(line.text)) and (len(segs) == 1 or bool(_NOTE_COLON.match(line.text)))


def _refines(old: Sequence[tuple[float, float]], new: Sequence[tuple[float, float]]) -> bool:
    """Every old gutter still holds a gutter of the new layout."""
    return all(any(o[0] <= n[0] and n[1] <= o[1] for n in new) for o in old)


def _grow_block(lines: list[Line], start: int, min_gap: float, max_vgap: float) -> _Block:
    """Extend a block downwards while every added line keeps the gutters open.

    Prose kills gutters within a line or two because its word gaps fall at
    different places on each line; table columns keep them. A single-segment
    line that crosses the gutters (a group label spanning the table) is kept
    when the line after it is a multi-column row fitting the gutters again.
    """
    cover = _merge([], _segments(lines[start], min_gap))
    gutters = _gutters(cover, min_gap)
    block = _Block([lines[start]], gutters)
    widest_gap = 0.0  # above the multi-column lines taken so far
    j = start + 1
    while j < len(lines) and gutters:
        line = lines[j]
        segs = _segments(line, min_gap)
        if line.top - block.lines[-1].bottom > max_vgap or _is_note(line, segs):
            break
        ncols = len(gutters) + 1
        if len(block.lines) >= 2 and len(segs) >= 2 * ncols and len(segs) - ncols >= 2:
            break  # a row of a wider table: another layout starts here
        new_cover = _merge(cover, segs)
        new_gutters = _gutters(new_cover, min_gap)
        # The second line may open a column the first left blank (an empty
        # header cell). Once three lines agree on the layout (past a header,
        # whose lines open columns in any order), a line may open one column
        # where every line so far was blank (a chapter number beside its
        # sections) if its other runs sit in the columns there are, and it
        # keeps every gutter and the row spacing: prose closes gutters, and
        # the next table stands further off.
        fits = len(new_gutters) == len(gutters) or (
            len(new_gutters) > len(gutters)
            and (
                len(block.lines) == 1
                or (
                    len(block.lines) - len(block.spanning) >= 3
                    and len(new_gutters) == len(gutters) + 1
                    and sum(1 for a, b in segs if not any(a < y and x < b for x, y in cover)) == 1
                    and all(sum(1 for a, b in segs if x <= a and b <= y) <= 1 for x, y in new_cover)
                    and _refines(gutters, new_gutters)
                    and line.top - block.lines[-1].bottom <= widest_gap + 1.0
                )
            )
        )
        if fits:
            cover, gutters = new_cover, new_gutters
            if len(segs) >= 2:
                widest_gap = max(widest_gap, line.top - block.lines[-1].bottom)
            block.lines.append(line)
            j += 1
            continue
        nxt = lines[j + 1] if j + 1 < len(lines) else None
        if (
            len(segs) == 1
            and nxt is not None
            and nxt.top - line.bottom <= max_vgap
            and len(block.lines) >= 2
            and len(_segments(nxt, min_gap)) >= 2
            and len(_gutters(_merge(cover, _segments(nxt, min_gap)), min_gap)) == len(gutters)
        ):
            block.spanning.add(len(block.lines))
            block.lines.append(line)
            j += 1
            continue
        break
    block.gutters = gutters
    # Short lines after the last row (a note, a signature, a legend) fit the
    # gutters too; unlike a wrapped cell they stand a row gap apart.
    while len(block.lines) > 2:
        last, prev = block.lines[-1], block.lines[-2]
        trailing_text = len(_segments(last, min_gap)) == 1 and last.top - prev.bottom > 0.6 * min_gap
        if len(block.lines) - 1 not in block.spanning and not trailing_text:
            break
        block.spanning.discard(len(block.lines) - 1)
        block.lines.pop()
    return block


def _is_white(color: object) -> bool:
    """Whether a fill colour is white (or unknown: patterns, named spaces).

    Only a visibly tinted fill is evidence of a shaded table row; anything
    we cannot read as a grey, RGB or CMYK value is treated as no shading.
    """
    if isinstance(color, (int, float)):
        values = [float(color)]
    elif isinstance(color, (tuple, list)) and all(isinstance(v, (int, float)) for v in color) and color:
        values = [float(v) for v in color]
    else:
        return True
    if len(values) == 4:  # CMYK: white is no ink
        return all(v <= 0.05 for v in values)
    return all(v >= 0.95 for v in values)


def shaded_bands(rects: Iterable[dict], page_height: float) -> list[tuple[float, float, float, float]]:
    """Filled, non-white rectangles that can mark table rows.

    Rectangles drawn per cell are merged when they share top and bottom, so a
    row painted cell by cell becomes one band. Page-sized backgrounds and thin
    rules are ignored.
    """
    boxes: list[tuple[float, float, float, float]] = []
    for r in rects:
        if not r.get("fill") or _is_white(r.get("non_stroking_color")):
            continue
        h = r["bottom"] - r["top"]
        if h < 4 or h > 0.5 * page_height:
            continue
        boxes.append((r["x0"], r["top"], r["x1"], r["bottom"]))
    merged: list[tuple[float, float, float, float]] = []
    for b in sorted(boxes, key=lambda b: (round(b[1]), round(b[3]), b[0])):
        if merged:
            m = merged[-1]
            if abs(m[1] - b[1]) < 1 and abs(m[3] - b[3]) < 1 and b[0] <= m[2] + 2:
                merged[-1] = (m[0], m[1], max(m[2], b[2]), m[3])
                continue
        merged.append(b)
    return merged


def _column_of(gutters: Sequence[tuple[float, float]], x: float) -> int:
    return sum(1 for g in gutters if g[0] < x)


def _word_columns(block: _Block, min_gap: float) -> list[list[int]]:
    """Column of every word of every line of the block.

    Words of lines that shaped the gutters never lie in one. A loose header
    line's run of words (``Realisasi 2018`` centred over its column, ``2018``
    centred over two) is placed as a whole by its centre, against the
    gutters' middles.
    """
    gutters = block.gutters
    mids = [(a + b) / 2 for a, b in gutters]
    out: list[list[int]] = []
    for i, line in enumerate(block.lines):
        if i not in block.loose:
            out.append([_column_of(gutters, w.cx) for w in line.words])
            continue
        cols: list[int] = []
        for a, b in _segments(line, min_gap):
            c = bisect.bisect_left(mids, (a + b) / 2)
            cols.extend(c for w in line.words if a <= w.x0 and w.x1 <= b)
        out.append(cols)
    return out


def _split_rows(
    block: _Block,
    bands: Sequence[tuple[float, float, float, float]],
    lh: float,
    cols: Sequence[Sequence[int]],
) -> tuple[list[list[int]], dict[tuple[int, int], int]]:
    """Group the block's lines into table rows.

    Evidence, strongest first: a shaded band holds one row (unless a second
    header row fills new columns); a line spanning the table is a row of its
    own; a clearly larger vertical gap *within a column* starts a row (gaps
    are measured per column because a tall cell's last lines can run beside
    the next row's first line). When rows carry no extra spacing, a line
    continues the row above only if it adds text to columns already used
    there and looks like a wrap (its first word would not have fit above).

    Also returns the pieces (line, column) that belong to an earlier row
    than their line: see :func:`_carried_pieces`.
    """
    lines = block.lines
    x0 = min(ln.x0 for ln in lines)
    x1 = max(ln.x1 for ln in lines)
    wide = [b for b in bands if b[2] - b[0] >= 0.5 * (x1 - x0) and b[0] < x1 and b[2] > x0]

    def band_of(line: Line) -> int | None:
        cy = (line.top + line.bottom) / 2
        for k, b in enumerate(wide):
            if b[1] <= cy <= b[3]:
                return k
        return None

    in_band = [band_of(ln) for ln in lines]
    occupied = [set(cs) for cs in cols]

    def piece(i: int, c: int) -> list[Word]:
        return [w for w, k in zip(lines[i].words, cols[i], strict=True) if k == c]

    # Per line, per occupied column: the gap to the line above in that column.
    col_gaps: list[dict[int, float]] = []
    last_bottom: dict[int, float] = {}
    for i, ln in enumerate(lines):
        gaps: dict[int, float] = {}
        for c in occupied[i]:
            if c in last_bottom and i not in block.spanning:
                gaps[c] = ln.top - last_bottom[c]
            last_bottom[c] = max(w.bottom for w in piece(i, c))
        col_gaps.append(gaps)
    all_gaps = [g for gs in col_gaps for g in gs.values()]
    step = max(1.5, 0.25 * lh)
    leading = min(all_gaps) if all_gaps else 0.0
    padded = sum(1 for g in all_gaps if g > leading + step) >= 2
    wrapped_somewhere = leading <= 0.5 * lh

    col_right: dict[int, float] = {}
    for i, ln in enumerate(lines):
        if i in block.spanning:
            continue
        for w, c in zip(ln.words, cols[i], strict=True):
            col_right[c] = max(col_right.get(c, w.x1), w.x1)

    def wraps(prev: int, i: int) -> bool:
        for c in occupied[i]:
            prev_piece = piece(prev, c)
            first = piece(i, c)[0]
            if not prev_piece:
                return False
            room = col_right[c] - max(w.x1 for w in prev_piece)
            if room > (first.x1 - first.x0) + 0.4 * lh:
                return False
        return True

    rows: list[list[int]] = []
    for i in range(len(lines)):
        if not rows:
            rows.append([i])
            continue
        prev_i = rows[-1][-1]
        row_occ = set().union(*(occupied[k] for k in rows[-1]))
        wrap_gaps = bool(col_gaps[i]) and all(g <= leading + step for g in col_gaps[i].values())
        # Figures never wrap: a line holding a bare number starts a row.
        pieces = {c: " ".join(w.text for w in piece(i, c)) for c in occupied[i]}
        has_figure = any(_FIGURE.match(t) for t in pieces.values())
        # ... unless it runs on from text right above in its column, at line
        # spacing where rows are spaced wider ("Nilai A" / "(83)") and the
        # block shows that spacing (a wrapped cell somewhere).
        above = {c: " ".join(w.text for w in piece(prev_i, c)) for c in occupied[i]}
        bare_figure = any(
            _FIGURE.match(t) and not (wrapped_somewhere and above[c] and not _FIGURE.match(above[c]))
            for c, t in pieces.items()
        )
        anchor_band = in_band[rows[-1][0]]
        if i in block.spanning or prev_i in block.spanning:
            new = True
        elif not occupied[i] <= row_occ:
            # New columns: the next row, or a second header row (cells are
            # top-aligned, so a wrapped cell only adds lines under itself).
            new = True
        elif in_band[i] is not None and in_band[i] == anchor_band:
            new = False
        elif (
            padded
            and wrapped_somewhere
            and wrap_gaps
            and not bare_figure
            and ((len(occupied[i]) < len(occupied[rows[-1][0]]) and in_band[i] == in_band[prev_i]) or wraps(prev_i, i))
        ):
            # Line spacing within cells, where rows are spaced wider: a wrap,
            # even when it runs into the next row's shading (a group label);
            # but a line in other shading than the line above must look like
            # a wrap (its first word would not have fitted above).
            new = False
        elif (
            in_band[i] is not None
            or anchor_band is not None
            or has_figure
            or any(g > leading + step for g in col_gaps[i].values())
        ):
            new = True
        else:
            first_occ = occupied[rows[-1][0]]
            new = not (len(occupied[i]) < len(first_occ) and wraps(prev_i, i))
        if new:
            rows.append([i])
        else:
            rows[-1].append(i)
    carried = _carried_pieces(block, rows, occupied, col_gaps, leading + step, piece)
    return rows, carried


def _carried_pieces(
    block: _Block,
    rows: list[list[int]],
    occupied: Sequence[set[int]],
    col_gaps: Sequence[dict[int, float]],
    wrap_gap: float,
    piece: Callable[[int, int], list[Word]],
) -> dict[tuple[int, int], int]:
    """Pieces (line, column) that continue a cell of an earlier row.

    A tall cell runs on beside the next row's first lines: a header cell two
    rows high beside the sub-headers (``REALISASI 2018 DIBANDINGKAN`` /
    ``TARGET 2019`` beside ``TARGET | REALISASI | %``), a group label
    beside the next indicator. Such a piece sits at line spacing under the
    cell above in its column while the new row's other cells stand a row gap
    below theirs. Only trusted when rows are visibly spaced wider than lines
    (in a tight layout a new row looks like a wrap); figures never wrap.
    """
    lines = block.lines
    starts = [members[0] for members in rows[1:]]
    spaced = [i for i in starts if lines[i].top - lines[i - 1].bottom > wrap_gap]
    if not starts or len(spaced) * 2 < len(starts):
        return {}
    row_of = {i: r for r, members in enumerate(rows) for i in members}
    owner: dict[int, int] = {}  # column -> row holding its last piece
    chained: set[int] = set()  # columns whose last piece was carried up
    carried: dict[tuple[int, int], int] = {}
    for i in range(len(lines)):
        r = row_of[i]
        if i in block.spanning:
            owner = dict.fromkeys(owner, r)
            chained.clear()
            continue
        evidence = any(g > wrap_gap for g in col_gaps[i].values())
        for c in sorted(occupied[i]):
            gap = col_gaps[i].get(c)
            above = owner.get(c)
            if (
                above is not None
                and above < r
                and gap is not None
                and gap <= wrap_gap
                and (evidence or c in chained)
                and not _FIGURE.match(" ".join(w.text for w in piece(i, c)))
            ):
                carried[(i, c)] = above
                chained.add(c)
            else:
                owner[c] = r
                chained.discard(c)
    return carried


def _infer_header_spans(rows: list[list[Cell]], col_x: Sequence[tuple[float, float]]) -> int:
    """Mark horizontal spans in a two-level borderless header; return the
    number of header rows (2 when spans were found, else 1).

    Without rulings the only evidence is layout: a first-row label with empty
    neighbours whose row below has sub-labels, centred over the run of
    columns it heads (``Realisasi`` over ``2022 | 2021 | 2020``). Runs are
    handed out best-centred first, so a wide label that merely sits next to
    an empty slot does not steal a sub-column from the group label beside it,
    and each within its window (see :func:`_header_windows`), so a label
    over evenly spaced sub-columns does not take its neighbours' too.
    The sub-header's empty cells under the other labels repeat those labels.
    """
    if len(rows) < 3:
        return 1
    top, sub = rows[0], rows[1]
    # Where each column's text actually lies (gutters can be much wider).
    extent = list(col_x)
    for c in range(len(top)):
        boxes = [r[c].bbox for r in rows[1:] if r[c].text and not r[c].span_origin and r[c].bbox]
        if boxes:
            extent[c] = (min(b[0] for b in boxes), max(b[2] for b in boxes))
    # Group labels first claim, by geometry, the slots nearest them (see
    # _header_windows); runs are then chosen within each label's window.
    groups = {c for _, c, _, _ in _span_candidates(top, sub, extent, {})}
    candidates = _span_candidates(top, sub, extent, _header_windows(top, sub, extent, groups))
    taken: set[int] = set()
    done: set[int] = set()
    for _, c, a, b in sorted(candidates):
        if c in done or any(k in taken for k in range(a, b + 1)):
            continue
        done.add(c)
        taken.update(range(a, b + 1))
        label = top[c]
        y0, y1 = label.bbox[1], label.bbox[3]  # type: ignore[index]
        for k in range(a, b + 1):
            if k == a:
                top[k] = Cell(row=0, col=k, text=label.text, bbox=label.bbox, page=label.page, bold=label.bold)
            else:
                top[k] = Cell(
                    row=0,
                    col=k,
                    text=label.text,
                    bbox=(col_x[k][0], y0, col_x[k][1], y1),
                    page=label.page,
                    bold=label.bold,
                    span_origin=(0, a),
                )
    if not done:
        return 1
    for c, cell in enumerate(sub):
        above = top[c]
        if not cell.text and above.text and above.span_origin is None and c not in taken:
            sub[c] = Cell(
                row=1, col=c, text=above.text, bbox=cell.bbox, page=cell.page, bold=above.bold, span_origin=(0, c)
            )
    return 2


def _span_candidates(
    top: Sequence[Cell], sub: Sequence[Cell], extent: Sequence[tuple[float, float]], owner: dict[int, int]
) -> list[tuple[float, int, int, int]]:
    """Runs of columns (off-centre, label column, first, last) each top-row
    label may head: empty top slots over sub-labels, within the label's
    window (``owner``: slot -> label column; slots not in it are free)."""
    candidates: list[tuple[float, int, int, int]] = []
    for c, label in enumerate(top):
        if not label.text or label.bbox is None:
            continue
        lo = c
        while lo > 0 and not top[lo - 1].text and sub[lo - 1].text and owner.get(lo - 1, c) == c:
            lo -= 1
        hi = c
        while hi + 1 < len(top) and not top[hi + 1].text and sub[hi + 1].text and owner.get(hi + 1, c) == c:
            hi += 1
        centre = (label.bbox[0] + label.bbox[2]) / 2
        for a in range(lo, c + 1):
            for b in range(max(c, a + 1), hi + 1):
                left, right = extent[a][0], extent[b][1]
                off = abs(centre - (left + right) / 2) / max(right - left, 1.0)
                # A label over an uneven run must reach into two of its
                # columns, or stand over the white between two (a short
                # label centred over a pair); a wide label merely beside an
                # empty slot does neither.
                reach = sum(1 for k in range(a, b + 1) if label.bbox[0] < extent[k][1] and extent[k][0] < label.bbox[2])
                between = not any(extent[k][0] <= centre <= extent[k][1] for k in range(a, b + 1))
                if off <= 0.15 and (c - a == b - c or reach >= 2 or between):
                    candidates.append((off, c, a, b))
    return candidates


def _header_windows(
    top: Sequence[Cell], sub: Sequence[Cell], extent: Sequence[tuple[float, float]], groups: set[int]
) -> dict[int, int]:
    """For each empty top-row slot over a sub-label, the group label whose
    window holds it (column -> label column).

    Group labels (``groups``) are the top-row labels that could head a run
    at all; a label over one column only (``2019`` over ``TARGET``) claims
    nothing beyond its own column. A slot lying under one label's horizontal
    extent is that label's; other slots go to the label whose centre is
    nearest (the row is split between neighbouring labels at the midpoints
    of their centres), so a label never spans across the sub-columns of the
    label beside it. Evenly spaced
    sub-columns make every symmetric run around a label equally well centred:
    without windows a label could take its neighbours' sub-columns.
    """
    labels = sorted(groups)
    owner: dict[int, int] = {}
    for k in range(len(top)):
        if top[k].text or not sub[k].text:
            continue
        left = [c for c in labels if c < k and not any(top[j].text for j in range(c + 1, k))]
        right = [c for c in labels if c > k and not any(top[j].text for j in range(k + 1, c))]
        near = left[-1:] + right[:1]
        if not near:
            continue
        x0, x1 = extent[k]
        under = [c for c in near if top[c].bbox[0] <= x0 + 1 and x1 - 1 <= top[c].bbox[2]]  # type: ignore[index]
        mid = (x0 + x1) / 2
        owner[k] = (under or sorted(near, key=lambda c: abs(mid - (top[c].bbox[0] + top[c].bbox[2]) / 2)))[0]  # type: ignore[index]
    return owner


_SUMMARY = re.compile(r"^(jumlah|total|rata|sub ?total|grand total)", re.IGNORECASE)


def _infer_group_spans(rows: list[list[Cell]], header_rows: int) -> None:
    """Leading empty cells of a body row continue the group label above.

    A borderless table prints a group label (a sasaran over its indicators)
    only in the group's first row; the rows below leave those leading cells
    empty. This is the convention of the text exports too. Summary rows
    (JUMLAH, TOTAL, bold rows) are not part of a group.
    """
    for r in range(max(header_rows, 1) + 1, len(rows)):
        row, above = rows[r], rows[r - 1]
        filled = [c for c in row if c.text]
        label = filled[0].text if filled else ""
        if not filled or (len(label.split()) <= 3 and _SUMMARY.match(label)) or _all_bold(filled):
            continue
        for c, cell in enumerate(row):
            if cell.text:
                break
            src = above[c]
            if not src.text or (r - 1) < header_rows:
                break
            origin = src.span_origin or (src.row, src.col)
            if origin[0] < header_rows:
                break
            row[c] = Cell(
                row=r, col=c, text=src.text, bbox=cell.bbox, page=cell.page, bold=src.bold, span_origin=origin
            )


def _all_bold(cells: Sequence[Cell]) -> bool:
    return bool(cells) and all(c.bold for c in cells)


def _block_grid(
    block: _Block, bands: Sequence[tuple[float, float, float, float]], lh: float, min_gap: float, page: int
) -> list[list[Cell]]:
    """Cells of a borderless block: columns from gutters, rows from _split_rows."""
    lines, gutters = block.lines, block.gutters
    ncols = len(gutters) + 1
    x0 = min(ln.x0 for ln in lines)
    x1 = max(ln.x1 for ln in lines)
    bounds = [x0, *[(g[0] + g[1]) / 2 for g in gutters], x1]
    col_x = [(bounds[c], bounds[c + 1]) for c in range(ncols)]
    cols = _word_columns(block, min_gap)
    rows, carried = _split_rows(block, bands, lh, cols)
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
            first = _column_of(gutters, ws[0].cx)
            last = min(ncols - 1, max(first, _column_of(gutters, ws[-1].x1)))
            text, bold = join_text(ws), is_mostly_bold(ws)
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
            row.append(Cell(row=r, col=c, text=join_text(ws), bbox=bbox, page=page, bold=is_mostly_bold(ws)))
        grid.append(row)
    _infer_group_spans(grid, _infer_header_spans(grid, col_x))
    return grid


def _is_figure(text: str) -> bool:
    """A short cell holding a number: ``12``, ``94,24%``, ``Level 3 (3,35)``."""
    words = text.split()
    return 0 < len(words) <= 4 and any(_NUMBER.match(w) for w in words)


def _is_marker_column(texts: Sequence[str]) -> bool:
    """Only list markers, or a plain running number 1, 2, 3 ... (a "No" column)."""
    body = [t for t in texts if not re.fullmatch(r"no\.?", t, re.IGNORECASE)]
    if all(_MARKER.match(t) for t in texts):
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
            or any(len(t.split()) > _MAX_CELL_WORDS for t in texts)
        ):
            return False
        if _is_marker_column(texts):
            continue
        if len(texts) >= max(min_rows, (nrows + 1) // 2):
            filled_cols += 1
        body = [row[c].text for row in grid[1:] if row[c].text and not row[c].span_origin]
        figures = [t for t in body if _is_figure(t) and not _MARKER.match(t)]
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
    block: _Block,
    bands: Sequence[tuple[float, float, float, float]],
    min_gap: float,
    max_vgap: float,
) -> tuple[_Block, int]:
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
        segs = _segments(line, min_gap)
        gaps = [(a[1], b[0]) for a, b in itertools.pairwise(segs)]
        # Same shading as the block's top, or a shaded band right above it.
        same_band = line_band is not None and (
            line_band == band or (band is None and bands[line_band][3] >= first.top - max_vgap)
        )
        aligned = len(segs) >= 2 and all(any(g[0] < h[1] and h[0] < g[1] for h in block.gutters) for g in gaps)
        if not (same_band or (aligned and taken < 3)):
            break
        block = _Block(
            [line, *block.lines], block.gutters, {k + 1 for k in block.spanning}, {0, *(k + 1 for k in block.loose)}
        )
        start -= 1
        taken += 1
    return block, start


def _header_only(
    lines: list[Line],
    start: int,
    block: _Block,
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
    return nxt.top - block.lines[-1].bottom <= max_vgap and len(_segments(nxt, min_gap)) >= 2


def _body_columns(block: _Block, bands: Sequence[tuple[float, float, float, float]], min_gap: float) -> _Block:
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
    segs = [_segments(ln, min_gap) for ln in body]
    cover: list[tuple[float, float]] = []
    for ss in segs:
        cover = _merge(cover, ss)
    gutters = _gutters(cover, min_gap)
    if len(gutters) <= len(block.gutters):
        return block
    # Every body column must hold text on two lines (one if there is one):
    # a stray line under the table (the next table's header) opens columns
    # of its own.
    bounds = [cover[0][0], *((a + b) / 2 for a, b in gutters), cover[-1][1]]
    for x0, x1 in itertools.pairwise(bounds):
        if sum(1 for ss in segs if any(a < x1 and x0 < b for a, b in ss)) < min(2, len(body)):
            return block
    return _Block(lines, gutters, set(block.spanning), block.loose | set(range(h)))


def _header_shaded(block: _Block, bands: Sequence[tuple[float, float, float, float]]) -> bool:
    first = block.lines[0]
    cy = (first.top + first.bottom) / 2
    width = max(ln.x1 for ln in block.lines) - min(ln.x0 for ln in block.lines)
    return any(b[1] <= cy <= b[3] and b[2] - b[0] >= 0.5 * width for b in bands)


def find_text_tables(
    lines: list[Line],
    bands: Sequence[tuple[float, float, float, float]],
    page: int,
) -> list[PageTable]:
    """Borderless tables among ``lines`` (words no ruled table took)."""
    # Text under 5 pt is the lettering of pasted figures, not a table to audit.
    lines = [ln for ln in lines if ln.height >= 5]
    if len(lines) < 2:
        return []
    lh = statistics.median(ln.height for ln in lines) or 10.0
    min_gap = max(7.0, 0.8 * lh)
    max_vgap = 2.5 * lh
    tables: list[PageTable] = []
    i = floor = 0  # lines before ``floor`` belong to a table already found
    while i < len(lines):
        block, start = _grow_block(lines, i, min_gap, max_vgap), i
        # The line on top may be a paragraph's tail or a spanning header
        # label: either way it can cost columns; compare without it.
        while start + 1 < len(lines) and start - i < 3:
            alt = _grow_block(lines, start + 1, min_gap, max_vgap)
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
            grid = _block_grid(block, bands, lh, min_gap, page)
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


# --------------------------------------------------------------------------
# Tables that continue over a page break


def _row_key(row: Sequence[Cell]) -> tuple[str, ...]:
    return tuple(" ".join(c.text.lower().split()) for c in row)


_FIGURE = re.compile(r"^[\s(]*[-+]?(rp\.?\s*)?[\d.,]+\s*%?[)\s]*$", re.IGNORECASE)


def _header_like(row: Sequence[Cell]) -> bool:
    """A row of labels: nearly all cells filled, none a bare figure."""
    filled = [c for c in row if c.text]
    return len(filled) * 4 >= len(row) * 3 and not any(_FIGURE.match(c.text) for c in filled)


def same_columns(a: Sequence[tuple[float, float]], b: Sequence[tuple[float, float]]) -> bool:
    """Same column layout: every boundary of one falls where the other's lies."""
    return len(a) == len(b) and all(x[0] <= y[1] and y[0] <= x[1] for x, y in zip(a, b, strict=True))


def continuation_header_rows(first: PageTable, nxt: PageTable) -> int | None:
    """How many leading rows of ``nxt`` repeat ``first``'s header, or None.

    None means ``nxt`` is not a continuation: other columns, or it opens with
    a header of its own that differs from the first part's.
    """
    if nxt.ncols != first.ncols or not same_columns(first.col_gaps, nxt.col_gaps):
        return None
    for k in (3, 2, 1):
        if (
            k < len(first.rows)
            and k < len(nxt.rows)
            and [_row_key(r) for r in first.rows[:k]] == [_row_key(r) for r in nxt.rows[:k]]
            and any(c.text for c in first.rows[0])
        ):
            return k
    if _header_like(nxt.rows[0]) and _header_like(first.rows[0]):
        return None
    return 0


def append_continuation(rows: list[list[Cell]], part: PageTable, skip: int) -> None:
    """Append ``part``'s rows after ``skip`` repeated header rows to ``rows``.

    Row indices and span origins are shifted. An empty first cell under a
    cell that was itself spanning down (a group label broken by the page) is
    read as the same span continuing.
    """
    offset = len(rows) - skip
    last = rows[-1]
    carried: dict[tuple[int, int], tuple[int, int]] = {}
    if part.rows[skip:]:
        for c, cell in enumerate(part.rows[skip]):
            above = last[c] if c < len(last) else None
            if (
                above is not None
                and not cell.text
                and cell.span_origin is None
                and above.span_origin is not None
                and above.span_origin[0] < above.row
                and above.span_origin[1] == c
            ):
                carried[(skip, c)] = above.span_origin
    for r in range(skip, len(part.rows)):
        new_row: list[Cell] = []
        for cell in part.rows[r]:
            origin = cell.span_origin
            if (r, cell.col) in carried:
                origin = carried[(r, cell.col)]
            elif origin in carried:
                origin = carried[origin]
            elif origin is not None and origin[0] >= skip:
                origin = (origin[0] + offset, origin[1])
            text = cell.text
            bold = cell.bold
            if origin is not None and origin[0] < len(rows):
                src = rows[origin[0]][origin[1]]
                text, bold = src.text, src.bold
            new_row.append(
                Cell(
                    row=r + offset,
                    col=cell.col,
                    text=text,
                    bbox=cell.bbox,
                    page=cell.page,
                    bold=bold,
                    span_origin=origin,
                )
            )
        rows.append(new_row)
