"""Tables that continue over a page break: recognised by their columns and
repeated header, joined into one grid."""

from __future__ import annotations

from collections.abc import Sequence

from auditor.model import Cell
from auditor.readers.pdftables.grid import PageTable
from auditor.readers.pdftables.words import FIGURE


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
