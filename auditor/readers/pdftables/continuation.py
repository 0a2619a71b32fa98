"""Tables that continue over a page break: recognised by their columns and
repeated header, joined into one grid."""

from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.model import Cell
from auditor.readers.pdftables.blocks import MARKER
from auditor.readers.pdftables.grid import PageTable
from auditor.readers.pdftables.words import FIGURE, Word

ROW_NUMBER = re.compile(r"^(\d{1,3})[.)]?$")


def _row_key(row: Sequence[Cell]) -> tuple[str, ...]:
    return tuple(" ".join(c.text.lower().split()) for c in row)


def _header_like(row: Sequence[Cell]) -> bool:
    """A row of labels: nearly all cells filled, none a bare figure."""
    filled = [c for c in row if c.text]
    return len(filled) * 4 >= len(row) * 3 and not any(FIGURE.match(c.text) for c in filled)


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


def _last_number(rows: Sequence[Sequence[Cell]], c: int) -> int | None:
    for row in reversed(rows):
        if c < len(row) and not row[c].is_span_copy and (m := ROW_NUMBER.match(row[c].text.strip())):
            return int(m.group(1))
    return None


def _numbering_continues(rows: Sequence[Sequence[Cell]], part: PageTable, skip: int) -> str | None:
    """``numbering continues 3 -> 4`` when the first row number printed on the
    new page follows the last one printed before it, in the same column."""
    for c in range(min(2, part.ncols)):
        before = _last_number(rows, c)
        after = next((int(m.group(1)) for r in part.rows[skip:] if (m := ROW_NUMBER.match(r[c].text.strip()))), None)
        if before is not None and after == before + 1:
            return f"numbering continues {before} -> {after}"
    return None


def _words_in(part: PageTable, cell: Cell) -> list[Word]:
    if cell.bbox is None:
        return []
    x0, top, x1, bottom = cell.bbox
    return [w for w in part.words if x0 <= w.cx <= x1 and top <= w.cy <= bottom]


TAIL_WORDS = 8
"""A label's tail carried over the break is a few words; more is a row of its own."""


def _heading_like(text: str) -> bool:
    """A numbered or introduced heading (``Sasaran Strategis 1 : ...``, ``Misi 2``)
    or a long text: a row of its own, not a label's last words."""
    return any(ch.isdigit() for ch in text) or ":" in text or len(text.split()) > TAIL_WORDS


def continued_label(last: Sequence[Cell], part: PageTable, skip: int) -> int | None:
    """The column whose label the first row of ``part`` finishes, or None.

    A label cell broken by the page break prints its last words at the top
    of the next page, in a row of their own: a few words of label text (no
    row number, no figure, no numbered heading, one cell and its span
    copies), standing under a label cell of the last row before the break
    that holds text and the same weight (a bold heading opening the new
    page is no tail).
    """
    if len(part.rows) <= skip + 1:
        return None
    first = part.rows[skip]
    owners = [c for c in first if c.text and not c.is_span_copy]
    if len(owners) != 1 or any(c.text and c.is_span_copy and c.span_origin != (skip, owners[0].col) for c in first):
        return None
    cell = owners[0]
    words = _words_in(part, cell)
    if not words or FIGURE.match(cell.text) or MARKER.match(words[0].text) or _heading_like(cell.text):
        return None
    x0, x1 = min(w.x0 for w in words), max(w.x1 for w in words)
    cols = [
        k for k, above in enumerate(last)
        if above.bbox is not None and above.bbox[0] - 2 <= x0 and x1 <= above.bbox[2] + 2
    ]  # fmt: skip
    if len(cols) != 1:
        return None
    above = last[cols[0]]
    if not above.text or above.is_span_copy or FIGURE.match(above.text) or above.bold != cell.bold:
        return None
    return cols[0]


def join_evidence(rows: Sequence[Sequence[Cell]], part: PageTable, skip: int) -> list[str]:
    """Why ``part`` was read as the continuation of ``rows``, in words."""
    out = ["same leaf geometry"]
    if skip:
        out.append(f"repeated header ({skip} row{'s' if skip > 1 else ''})")
    numbering = _numbering_continues(rows, part, skip)
    if numbering:
        out.append(numbering)
    return out


def append_continuation(rows: list[list[Cell]], part: PageTable, skip: int) -> list[str]:
    """Append ``part``'s rows after ``skip`` repeated header rows to ``rows``.

    Row indices and span origins are shifted. An empty first cell under a
    cell that was itself spanning down (a group label broken by the page) is
    read as the same span continuing; a first row that only finishes a label
    of the last row (see :func:`continued_label`) is joined to that label.
    Returns what was joined that way, as evidence.
    """
    evidence: list[str] = []
    col = continued_label(rows[-1], part, skip)
    if col is not None:
        tail = next(c for c in part.rows[skip] if c.text and not c.is_span_copy)
        _extend_label(rows, len(rows) - 1, col, tail.text)
        evidence.append(f"label continued: {tail.text!r}")
        skip += 1
    _append_rows(rows, part, skip)
    return evidence


def _extend_label(rows: list[list[Cell]], r: int, c: int, tail: str) -> None:
    """Add ``tail`` to the label at (r, c) and to every copy of it."""
    origin = rows[r][c]
    text = f"{origin.text} {tail}"
    for row in rows:
        for k, cell in enumerate(row):
            if (cell.row, cell.col) == (origin.row, origin.col) or cell.span_origin == (origin.row, origin.col):
                row[k] = Cell(
                    row=cell.row, col=cell.col, text=text, bbox=cell.bbox, page=cell.page, bold=cell.bold,
                    span_origin=cell.span_origin,
                )  # fmt: skip


def _append_rows(rows: list[list[Cell]], part: PageTable, skip: int) -> None:
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
