"""Borderless tables: spanning header cells and group labels inferred from
the grid (a borderless layout draws no merged cells)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.model import Cell, numbers_columns


def infer_header_spans(rows: list[list[Cell]], col_x: Sequence[tuple[float, float]]) -> int:
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


def infer_group_spans(rows: list[list[Cell]], header_rows: int) -> None:
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
            if not src.text or (r - 1) < header_rows or numbers_columns(above):
                break
            origin = src.span_origin or (src.row, src.col)
            if origin[0] < header_rows:
                break
            row[c] = Cell(
                row=r, col=c, text=src.text, bbox=cell.bbox, page=cell.page, bold=src.bold, span_origin=origin
            )


def _all_bold(cells: Sequence[Cell]) -> bool:
    return bool(cells) and all(c.bold for c in cells)
