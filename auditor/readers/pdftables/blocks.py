"""Borderless tables, first step: blocks of lines whose words align into
columns, separated by gutters, and the shaded bands that hint at rows."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from auditor.readers.pdftables.words import Line

MARKER = re.compile(
    r"^(\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|[ivxlcIVXLC]{1,6}[.)]|[.•\-–·▪●○■□*➢✓]|no\.?)$",
    re.IGNORECASE,
)
"""List markers and the "No" header: "1.", "a)", "iv.", bullets."""
NUMBER = re.compile(r"^[(]?[-+]?(rp\.?)?\d[\d.,]*%?[)]?[,;]?$", re.IGNORECASE)
_STOP = re.compile(r"^(sumber|source|keterangan|ket\s*[.:]|catatan)\b", re.IGNORECASE)
_NOTE_COLON = re.compile(r"^\S+(\s+\S+)?\s*:")
_CAPTION = re.compile(r"^(tabel|table|gambar|grafik|figure|diagram)\s+[\dIVXLC]+([.\-]\d+)*\b", re.IGNORECASE)
"""A numbered caption ("Tabel 3.2 ..."): it opens the next element."""
MAX_CELL_WORDS = 36
"""Without other evidence, a cell longer than this is prose, not a table cell."""


Cover = list[tuple[float, float]]
"""Runs (x0, x1) along a line: the text a line covers, or the gutters between."""
Rule = tuple[float, float, float]
"""An upright rule drawn on the page: (x, top, bottom)."""
RULE_WIDTH = 4.0
"""A filled strip no wider than this is a rule, not shading (as for ruled tables)."""


@dataclass
class Block:
    """Consecutive lines whose words leave the same vertical white gutters."""

    lines: list[Line]
    gutters: list[tuple[float, float]]
    spanning: set[int] = field(default_factory=set)
    """Indices (into ``lines``) of single-segment lines crossing gutters."""
    loose: set[int] = field(default_factory=set)
    """Indices of header lines whose words did not shape the gutters: their
    runs of words may reach into a gutter and are placed by their centre."""


def line_segments(line: Line, min_gap: float) -> list[tuple[float, float]]:
    """x-intervals of the runs of words separated by less than ``min_gap``.

    Kept on the line for its gap (no caller changes the list): growing the
    blocks of a page asks for the same line's runs many times over."""
    cached = line.segments
    if cached is not None and cached[0] == min_gap:
        return cached[1]
    segs: list[tuple[float, float]] = []
    a = b = 0.0
    for w in line.words:
        if segs and w.x0 - b < min_gap:
            if w.x1 > b:
                b = w.x1
                segs[-1] = (a, b)
        else:
            a, b = w.x0, w.x1
            segs.append((a, b))
    line.segments = (min_gap, segs)
    return segs


def merge_cover(cover: list[tuple[float, float]], add: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    """Union of x-intervals, as a sorted list of disjoint intervals."""
    out: list[tuple[float, float]] = []
    for a, b in sorted([*cover, *add]):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def gutters_of(cover: list[tuple[float, float]], min_gap: float) -> list[tuple[float, float]]:
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


def _fits(
    block: Block, cover: Cover, new_cover: Cover, segs: Cover, line: Line, widest_gap: float, min_gap: float
) -> bool:
    """Does a line keep the block's layout (its gutters) when added?

    The second line may open a column the first left blank (an empty header
    cell). Once three lines agree on the layout (past a header, whose lines
    open columns in any order), a line may open one column where every line
    so far was blank (a chapter number beside its sections) if its other
    runs sit in the columns there are, and it keeps every gutter and the row
    spacing: prose closes gutters, and the next table stands further off.
    """
    gutters, new_gutters = block.gutters, gutters_of(new_cover, min_gap)
    return len(new_gutters) == len(gutters) or (
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


def _spanning_label(
    block: Block, cover: Cover, line: Line, segs: Cover, nxt: Line | None, min_gap: float, max_vgap: float
) -> bool:
    """A single-segment line crossing the gutters (a group label spanning the
    table), followed by a multi-column row that fits the gutters again."""
    return (
        len(segs) == 1
        and nxt is not None
        and nxt.top - line.bottom <= max_vgap
        and len(block.lines) >= 2
        and len(line_segments(nxt, min_gap)) >= 2
        and len(gutters_of(merge_cover(cover, line_segments(nxt, min_gap)), min_gap)) == len(block.gutters)
    )


def _drop_trailing(block: Block, min_gap: float) -> None:
    """Short lines after the last row (a note, a signature, a legend) fit the
    gutters too; unlike a wrapped cell they stand a row gap apart. A dropped
    line's text no longer shapes the gutters (a page number right of the
    table would leave an empty column)."""
    dropped = False
    while len(block.lines) > 2:
        last, prev = block.lines[-1], block.lines[-2]
        trailing_text = len(line_segments(last, min_gap)) == 1 and last.top - prev.bottom > 0.6 * min_gap
        if len(block.lines) - 1 not in block.spanning and not trailing_text:
            break
        dropped = dropped or len(block.lines) - 1 not in block.spanning
        block.spanning.discard(len(block.lines) - 1)
        block.lines.pop()
    if dropped:
        _regutter(block, min_gap)


def _regutter(block: Block, min_gap: float) -> None:
    cover: Cover = []
    for k, ln in enumerate(block.lines):
        if k not in block.spanning:
            cover = merge_cover(cover, line_segments(ln, min_gap))
    block.gutters = gutters_of(cover, min_gap)


def _drop_stray_edge(block: Block, min_gap: float) -> None:
    """Words that open an outer column on the block's last line alone (a
    page number in a box level with the table's last line) are no cell of
    it: a column of the table holds text on more than its last line. Only
    across a gutter four times the least one: a label column empty but for a
    total row's name stands closer."""
    if len(block.lines) < 3 or not block.gutters or len(block.lines) - 1 in block.spanning:
        return
    last = block.lines[-1]
    left, right = block.gutters[0], block.gutters[-1]
    for gutter, outside in ((left, lambda w: w.x1 <= left[0]), (right, lambda w: w.x0 >= right[1])):
        stray = [w for w in last.words if outside(w)]
        if gutter[1] - gutter[0] < 4 * min_gap:
            continue
        if not stray or (len(stray) == len(last.words) and not _level_with(last, block.lines[-2])):
            continue
        others = [ln for k, ln in enumerate(block.lines[:-1]) if k not in block.spanning]
        if any(outside(w) for ln in others for w in ln.words):
            continue
        if len(stray) == len(last.words):
            block.lines.pop()  # a box of its own, set beside the table's last line
        else:
            block.lines[-1] = Line([w for w in last.words if not outside(w)])
        _regutter(block, min_gap)
        return


def _level_with(line: Line, prev: Line) -> bool:
    """``line`` overlaps ``prev`` in height: printed beside it (a page number
    in a larger box), not under it as a row of its own."""
    return line.top < prev.bottom


def _wider_row(
    block: Block, new_cover: Cover, segs: Cover, line: Line, nxt: Line | None, min_gap: float, max_vgap: float
) -> bool:
    """A line of twice as many runs of words as the block has columns: a row
    of a wider table, where another layout starts, unless it is justified.

    A justified line (wide word gaps inside its cells) also prints that many
    runs, and so does the first row of a wider table whose columns nest in
    the block's: the line alone cannot tell them apart. The line under it
    can: a justified cell wraps on, so that line bridges the surplus gaps
    and prints no more runs than a row of the block, while a wider table's
    next row keeps its own gaps open.
    """
    ncols = len(block.gutters) + 1
    if len(block.lines) < 2 or len(segs) < 2 * ncols or len(segs) - ncols < 2:
        return False
    return not _justified(block, new_cover, segs, line, nxt, min_gap, max_vgap)


def _justified(
    block: Block, new_cover: Cover, segs: Cover, line: Line, nxt: Line | None, min_gap: float, max_vgap: float
) -> bool:
    """``line`` keeps every gutter of the block, and ``nxt``, a near line that
    keeps them too with fewer than twice as many runs as columns, bridges its
    surplus gaps (:func:`_bridges`)."""
    gutters = gutters_of(new_cover, min_gap)
    if len(gutters) != len(block.gutters) or nxt is None or nxt.top - line.bottom > max_vgap:
        return False
    below = line_segments(nxt, min_gap)
    kept = len(gutters_of(merge_cover(new_cover, below), min_gap)) == len(gutters)
    return kept and len(below) < 2 * (len(gutters) + 1) and _bridges(below, segs, gutters)


def _bridges(below: Cover, segs: Cover, gutters: Cover) -> bool:
    """Runs of the line below cross at least half of the gaps between
    ``segs`` that hold no gutter (the gaps within columns). A wrapped cell's
    next line crosses most of them; a wider table's row, one at most where
    a cell runs long, so half is the line between the two."""
    gaps = [(a[1], b[0]) for a, b in itertools.pairwise(segs)]
    surplus = [(x, y) for x, y in gaps if not any(x <= g0 and g1 <= y for g0, g1 in gutters)]
    bridged = sum(1 for x, y in surplus if any(a < x and y < b for a, b in below))
    return 2 * bridged >= len(surplus)


def _ruled_through(block: Block, line: Line, rules: Sequence[Rule]) -> bool:
    """A column rule runs down through the gap between the block and ``line``.

    A table framed by its column rules only (no rule between rows) can leave
    a tall blank in a cell (a sasaran's text ended, its last indicator
    printed lower); the rule drawn on in a gutter says the table goes on
    across the blank. The rule must lie in one of the block's gutters, so a
    page border or a rule beside the text proves nothing.
    """
    prev = block.lines[-1]
    return any(
        top <= prev.top + 1.0
        and bottom >= line.bottom - 1.0
        and any(g0 - 2.0 <= x <= g1 + 2.0 for g0, g1 in block.gutters)
        for x, top, bottom in rules
    )


def grow_block(lines: list[Line], start: int, min_gap: float, max_vgap: float, rules: Sequence[Rule] = ()) -> Block:
    """Extend a block downwards while every added line keeps the gutters open.

    Prose kills gutters within a line or two because its word gaps fall at
    different places on each line; table columns keep them. A single-segment
    line that crosses the gutters (a group label spanning the table) is kept
    when the line after it is a multi-column row fitting the gutters again.
    A gap taller than ``max_vgap`` ends the block unless a column rule among
    ``rules`` runs through it (:func:`_ruled_through`), and a row of a wider
    table ends it where a justified row does not (:func:`_wider_row`).
    """
    cover = merge_cover([], line_segments(lines[start], min_gap))
    block = Block([lines[start]], gutters_of(cover, min_gap))
    widest_gap = 0.0  # above the multi-column lines taken so far
    for j in range(start + 1, len(lines)):
        if not block.gutters:
            break
        line = lines[j]
        segs = line_segments(line, min_gap)
        too_far = line.top - block.lines[-1].bottom > max_vgap and not _ruled_through(block, line, rules)
        if too_far or _is_note(line, segs):
            break
        new_cover = merge_cover(cover, segs)
        if _wider_row(block, new_cover, segs, line, lines[j + 1] if j + 1 < len(lines) else None, min_gap, max_vgap):
            break  # a row of a wider table: another layout starts here
        if _fits(block, cover, new_cover, segs, line, widest_gap, min_gap):
            cover, block.gutters = new_cover, gutters_of(new_cover, min_gap)
            if len(segs) >= 2:
                widest_gap = max(widest_gap, line.top - block.lines[-1].bottom)
            block.lines.append(line)
        elif _spanning_label(block, cover, line, segs, lines[j + 1] if j + 1 < len(lines) else None, min_gap, max_vgap):
            block.spanning.add(len(block.lines))
            block.lines.append(line)
        else:
            break
    _drop_trailing(block, min_gap)
    _drop_stray_edge(block, min_gap)
    return block


def _is_white(color: object) -> bool:
    """Whether a fill colour is white (or unknown: patterns, named spaces).

    Only a visibly tinted fill is evidence of a shaded table row; anything
    we cannot read as a grey, RGB or CMYK value is treated as no shading.
    """
    if color is None:
        return True
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
        if not r.get("fill"):
            continue
        h = r["bottom"] - r["top"]
        if h < 4 or h > 0.5 * page_height or _is_white(r.get("non_stroking_color")):
            continue  # the colour asked last: a table's thin filled rules are most rects
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


def vertical_rules(objs: Iterable[dict]) -> list[Rule]:
    """Upright rules among a page's rectangles and lines: thin filled strips
    (Word draws a cell border as one) and stroked vertical lines."""
    out: list[Rule] = []
    for o in objs:
        try:
            x0, x1, top, bottom = float(o["x0"]), float(o["x1"]), float(o["top"]), float(o["bottom"])
        except (KeyError, TypeError, ValueError):
            continue
        if not (x1 - x0 <= RULE_WIDTH and bottom - top > 2 * RULE_WIDTH):
            continue  # asked first: most of a table page's paths are the horizontal rules
        drawn = (
            o.get("object_type") == "line"
            or bool(o.get("stroke"))
            or (bool(o.get("fill")) and not _is_white(o.get("non_stroking_color")))
        )
        if drawn:
            out.append(((x0 + x1) / 2, top, bottom))
    return chain_rules(out)


RULE_JOIN = 1.5
"""Segments this close in x and end to end (points) are one drawn rule."""


def chain_rules(rules: Iterable[Rule]) -> list[Rule]:
    """Upright rule segments that continue one another joined into one rule.

    Word draws a table's frame or column border cell by cell: a rule down
    the whole table is several segments meeting end to end. Read one by
    one, no segment runs through a blank taller than its own cell, so a
    frame-only table would end (and leave the rest as a fragment table) at
    its first tall blank.
    """
    out: list[Rule] = []
    for x, top, bottom in sorted(rules, key=lambda r: (round(r[0] / RULE_JOIN), r[1])):
        if out and abs(out[-1][0] - x) <= RULE_JOIN and top <= out[-1][2] + RULE_JOIN:
            px, ptop, pbottom = out[-1]
            out[-1] = (px, ptop, max(pbottom, bottom))
        else:
            out.append((x, top, bottom))
    return out


def column_of(gutters: Sequence[tuple[float, float]], x: float) -> int:
    return sum(1 for g in gutters if g[0] < x)


def word_columns(block: Block, min_gap: float) -> list[list[int]]:
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
            out.append([column_of(gutters, w.cx) for w in line.words])
            continue
        cols: list[int] = []
        for a, b in line_segments(line, min_gap):
            c = bisect.bisect_left(mids, (a + b) / 2)
            cols.extend(c for w in line.words if a <= w.x0 and w.x1 <= b)
        out.append(cols)
    return out
