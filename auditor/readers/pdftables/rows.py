"""Borderless tables: the lines of a block grouped into table rows."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from auditor.readers.pdftables.blocks import Block
from auditor.readers.pdftables.records import Cut, keyed_records
from auditor.readers.pdftables.words import FIGURE, Line, Word

Band = tuple[float, float, float, float]
"""A shaded band: (x0, top, x1, bottom)."""
ROW_NUMBER = re.compile(r"^\(?\d{1,3}[.)]?$")
"""A record's running number: ``1``, ``2.``, ``(3)``."""


@dataclass
class _Evidence:
    """What the lines of a block say about where its rows start."""

    block: Block
    cols: Sequence[Sequence[int]]
    lh: float
    in_band: list[int | None]
    """Per line: the wide shaded band it stands in, if any."""
    occupied: list[set[int]]
    """Per line: the columns it puts words in."""
    col_gaps: list[dict[int, float]]
    """Per line, per occupied column: the gap to the line above in that column."""
    col_right: dict[int, float]
    """Per column: the right edge of its widest text."""
    leading: float
    step: float
    padded: bool
    """Rows are spaced wider than the lines within a cell."""
    wrapped_somewhere: bool
    """Some cell wraps at line spacing."""

    @property
    def wrap_gap(self) -> float:
        return self.leading + self.step

    pieces: dict[int, dict[int, list[Word]]] = field(default_factory=dict, init=False, repr=False)
    """Per line asked for, its words by column: the row tests ask for the
    same pieces many times over."""

    def piece(self, i: int, c: int) -> list[Word]:
        """Line i's words in column c, in line order (the same list each time:
        no caller changes it)."""
        by_column = self.pieces.get(i)
        if by_column is None:
            by_column = {}
            for w, k in zip(self.block.lines[i].words, self.cols[i], strict=True):
                found = by_column.get(k)
                if found is None:
                    by_column[k] = [w]
                else:
                    found.append(w)
            self.pieces[i] = by_column
        return by_column.get(c) or []

    def text(self, i: int, c: int) -> str:
        return " ".join(w.text for w in self.piece(i, c))

    def wraps(self, prev: int, i: int) -> bool:
        """Line i's first word in each column would not have fitted on line prev."""
        return all(self.wraps_in(prev, i, c) for c in self.occupied[i])

    def wraps_in(self, prev: int, i: int, c: int) -> bool:
        """Line i's first word in column c would not have fitted on line prev."""
        prev_piece, piece = self.piece(prev, c), self.piece(i, c)
        if not prev_piece or not piece:
            return False
        room = self.col_right[c] - max(w.x1 for w in prev_piece)
        return room <= (piece[0].x1 - piece[0].x0) + 0.4 * self.lh


def _band_of(line: Line, wide: Sequence[Band]) -> int | None:
    cy = (line.top + line.bottom) / 2
    for k, b in enumerate(wide):
        if b[1] <= cy <= b[3]:
            return k
    return None


def _line_bands(lines: Sequence[Line], bands: Sequence[Band]) -> list[int | None]:
    """Per line, the shaded band it stands in among the bands as wide as half the block."""
    x0 = min(ln.x0 for ln in lines)
    x1 = max(ln.x1 for ln in lines)
    wide = [b for b in bands if b[2] - b[0] >= 0.5 * (x1 - x0) and b[0] < x1 and b[2] > x0]
    return [_band_of(ln, wide) for ln in lines]


def _column_gaps(
    block: Block, occupied: Sequence[set[int]], piece: Callable[[int, int], list[Word]]
) -> list[dict[int, float]]:
    col_gaps: list[dict[int, float]] = []
    last_bottom: dict[int, float] = {}
    for i, ln in enumerate(block.lines):
        gaps: dict[int, float] = {}
        for c in occupied[i]:
            if c in last_bottom and i not in block.spanning:
                gaps[c] = ln.top - last_bottom[c]
            last_bottom[c] = max(w.bottom for w in piece(i, c))
        col_gaps.append(gaps)
    return col_gaps


def _column_rights(block: Block, cols: Sequence[Sequence[int]]) -> dict[int, float]:
    col_right: dict[int, float] = {}
    for i, ln in enumerate(block.lines):
        if i in block.spanning:
            continue
        for w, c in zip(ln.words, cols[i], strict=True):
            col_right[c] = max(col_right.get(c, w.x1), w.x1)
    return col_right


def _evidence(block: Block, bands: Sequence[Band], lh: float, cols: Sequence[Sequence[int]]) -> _Evidence:
    ev = _Evidence(
        block, cols, lh, _line_bands(block.lines, bands), [set(cs) for cs in cols], [], _column_rights(block, cols),
        leading=0.0, step=max(1.5, 0.25 * lh), padded=False, wrapped_somewhere=False,
    )  # fmt: skip
    ev.col_gaps = _column_gaps(block, ev.occupied, ev.piece)
    all_gaps = [g for gs in ev.col_gaps for g in gs.values()]
    # Overlapping lines (a tall glyph, a box beside the last line) say
    # nothing about the spacing of lines within a cell.
    ev.leading = min((g for g in all_gaps if g >= 0), default=0.0)
    ev.padded = sum(1 for g in all_gaps if g > ev.leading + ev.step) >= 2
    ev.wrapped_somewhere = ev.leading <= 0.5 * lh
    return ev


def _figures_at(ev: _Evidence, prev_i: int, i: int) -> tuple[bool, bool]:
    """Does line i hold a figure, and a bare one? Figures never wrap: a line
    holding a bare number starts a row, unless it runs on from text right
    above in its column, at line spacing where rows are spaced wider ("Nilai
    A" / "(83)") and the block shows that spacing (a wrapped cell somewhere)."""
    pieces = {c: ev.text(i, c) for c in ev.occupied[i]}
    has_figure = any(FIGURE.match(t) for t in pieces.values())
    above = {c: ev.text(prev_i, c) for c in ev.occupied[i]}
    bare_figure = any(
        FIGURE.match(t) and not (ev.wrapped_somewhere and above[c] and not FIGURE.match(above[c]))
        for c, t in pieces.items()
    )
    return has_figure, bare_figure


def _starts_row(ev: _Evidence, row: list[int], i: int) -> bool:
    """Does line i start a new row after ``row`` (the lines of the row above)?"""
    occupied, in_band, gaps = ev.occupied, ev.in_band, ev.col_gaps[i]
    prev_i = row[-1]
    row_occ = set().union(*(occupied[k] for k in row))
    wrap_gaps = bool(gaps) and all(g <= ev.wrap_gap for g in gaps.values())
    has_figure, bare_figure = _figures_at(ev, prev_i, i)
    anchor_band = in_band[row[0]]
    if i in ev.block.spanning or prev_i in ev.block.spanning:
        return True
    if not occupied[i] <= row_occ:
        # New columns: the next row, or a second header row (cells are
        # top-aligned, so a wrapped cell only adds lines under itself).
        return True
    if in_band[i] is not None and in_band[i] == anchor_band:
        return False
    if (
        ev.padded
        and ev.wrapped_somewhere
        and wrap_gaps
        and not bare_figure
        and ((len(occupied[i]) < len(occupied[row[0]]) and in_band[i] == in_band[prev_i]) or ev.wraps(prev_i, i))
    ):
        # Line spacing within cells, where rows are spaced wider: a wrap,
        # even when it runs into the next row's shading (a group label);
        # but a line in other shading than the line above must look like
        # a wrap (its first word would not have fitted above).
        return False
    if in_band[i] is not None or anchor_band is not None or has_figure or any(g > ev.wrap_gap for g in gaps.values()):
        return True
    return not (len(occupied[i]) < len(occupied[row[0]]) and ev.wraps(prev_i, i))


def split_rows(
    block: Block,
    bands: Sequence[Band],
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
    ev = _evidence(block, bands, lh, cols)
    rows: list[list[int]] = []
    for i in range(len(block.lines)):
        if rows and not _starts_row(ev, rows[-1], i):
            rows[-1].append(i)
        else:
            rows.append([i])
    num = _number_column(ev, rows)
    numbered = {i for i in range(len(block.lines)) if num is not None and ROW_NUMBER.match(ev.text(i, num))}
    carried = _carried_pieces(block, rows, ev.occupied, ev.col_gaps, ev.wrap_gap, ev.piece, numbered)
    if not carried:
        carried = _numbered_record_wraps(ev, rows)
    cut = Cut(block.lines, ev.occupied, ev.col_gaps, ev.piece, ev.wrap_gap, block.spanning)
    return keyed_records(cut, rows, carried) or (rows, carried)


def _number_column(ev: _Evidence, rows: Sequence[Sequence[int]]) -> int | None:
    """The column numbering the records (``1.``, ``2.``), if the rows have one:
    every piece it holds at a row's first line is a running number, twice
    at least, past the header (the rows above its first number)."""
    for c in sorted(set().union(*ev.occupied)):
        texts = [ev.text(members[0], c) for members in rows if c in ev.occupied[members[0]]]
        body = next((texts[k:] for k, t in enumerate(texts) if ROW_NUMBER.match(t)), [])
        if len(body) >= 2 and all(ROW_NUMBER.match(t) for t in body):
            return c
    return None


def _numbered_record_wraps(ev: _Evidence, rows: Sequence[Sequence[int]]) -> dict[tuple[int, int], int]:
    """Pieces continuing a numbered record's cell beside its next sub-row, in
    a layout whose rows are not spaced wider than its lines.

    A sasaran printed once beside its indicators runs on beside the second
    indicator, at line spacing. A row without a number of its own (the
    record's next indicator) whose piece in a column wraps on from a cell
    that already wraps above it (its first word would not have fitted on the
    line above) continues that cell, as do the piece's lines below at line
    spacing. Figures never wrap; a row with its own number is a new record.
    """
    num = _number_column(ev, rows)
    if num is None:
        return {}
    lines = ev.block.lines
    row_of = {i: r for r, members in enumerate(rows) for i in members}
    carried: dict[tuple[int, int], int] = {}
    for r in range(1, len(rows)):
        start = rows[r][0]
        if num in ev.occupied[start] or start in ev.block.spanning or len(ev.occupied[start]) < 2:
            continue
        for c in sorted(ev.occupied[start] - {num}):
            above = [k for k in range(start) if c in ev.occupied[k]]
            if len(above) < 2 or row_of[above[-1]] != r - 1 or row_of[above[-2]] != r - 1:
                continue
            k = above[-1]
            gap = lines[start].top - max(w.bottom for w in ev.piece(k, c))
            if gap > ev.wrap_gap or FIGURE.match(ev.text(start, c)) or not ev.wraps_in(k, start, c):
                continue
            target = carried.get((k, c), row_of[k])
            prev = start
            for i in rows[r]:
                if c not in ev.occupied[i]:
                    continue
                if i != start and lines[i].top - max(w.bottom for w in ev.piece(prev, c)) > ev.wrap_gap:
                    break
                carried[(i, c)] = target
                prev = i
    return carried


def _carried_pieces(
    block: Block,
    rows: list[list[int]],
    occupied: Sequence[set[int]],
    col_gaps: Sequence[dict[int, float]],
    wrap_gap: float,
    piece: Callable[[int, int], list[Word]],
    numbered: Collection[int] = (),
) -> dict[tuple[int, int], int]:
    """Pieces (line, column) that continue a cell of an earlier row.

    A tall cell runs on beside the next row's first lines: a header cell two
    rows high beside the sub-headers (``REALISASI 2018 DIBANDINGKAN`` /
    ``TARGET 2019`` beside ``TARGET | REALISASI | %``), a group label
    beside the next indicator. Such a piece sits at line spacing under the
    cell above in its column while the new row's other cells stand a row gap
    below theirs. Only trusted when rows are visibly spaced wider than lines
    (in a tight layout a new row looks like a wrap); figures never wrap.
    A line printing a record's running number (``numbered``) opens a new
    record: none of its pieces runs on from above.
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
        if i in block.spanning or i in numbered:
            owner = dict.fromkeys([*owner, *occupied[i]], r)
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
                and not FIGURE.match(" ".join(w.text for w in piece(i, c)))
            ):
                carried[(i, c)] = above
                chained.add(c)
            else:
                owner[c] = r
                chained.discard(c)
    return carried
