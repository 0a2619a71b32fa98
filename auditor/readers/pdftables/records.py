"""Borderless text tables whose rows are the entries of one column.

A plan table (Tujuan | Sasaran | Indikator | Kebijakan | Program) prints
one entry per record in its busiest column and sets the other columns'
cells beside it: top-aligned, centred on it, or one line lower. Cut per
line band, each of those cells opens a row of its own, and a record's
cells land in different rows. Where the body holds text only (a figure
never wraps, and figure rows are split right by their figures) and such a
row exists, the rows are rebuilt around the key column's entries: each
other cell joins the entry it stands beside.

The header is what stands above the row that numbers the columns
(``1 | 2 | 3``): without one there is no telling header from body, and the
rows are left as they were cut.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from auditor.model import counts_columns
from auditor.readers.pdftables.words import FIGURE, Line, Word

Piece = tuple[int, int]
"""A line's words in one column: (line, column)."""


@dataclass
class _Entry:
    """One cell's text in one column: pieces at line spacing one below the other."""

    col: int
    pieces: list[Piece]
    top: float
    bottom: float

    def gap(self, other: _Entry) -> float:
        """The vertical distance between the two entries; negative when they overlap."""
        return max(self.top, other.top) - min(self.bottom, other.bottom)


@dataclass
class Cut:
    """The rows as cut so far, and what the entries are made of."""

    lines: Sequence[Line]
    occupied: Sequence[Collection[int]]
    col_gaps: Sequence[dict[int, float]]
    piece: Callable[[int, int], list[Word]]
    wrap_gap: float
    spanning: Collection[int]


def keyed_records(
    cut: Cut, rows: list[list[int]], carried: dict[Piece, int]
) -> tuple[list[list[int]], dict[Piece, int]] | None:
    """The body rows rebuilt around the key column's entries, or None where
    the table does not call for it (see the module's docstring)."""
    numbering = _numbering_row(cut, rows)
    if numbering is None:
        return None
    head = rows[: numbering + 1]
    body = [i for members in rows[numbering + 1 :] for i in members]
    if not body or any(i in cut.spanning for i in body) or _holds_figure(cut, body):
        return None
    entries = _entries(cut, body)
    key = _key_column(entries)
    if key is None or not _orphan_row(cut, rows[numbering + 1 :], key):
        return None
    keys = [e for e in entries if e.col == key]
    owner = {p: k for k, e in enumerate(keys) for p in e.pieces}
    for e in entries:
        if e.col != key:
            k = _nearest(e, keys)
            owner.update(dict.fromkeys(e.pieces, k))
    in_body = set(body)
    head_carried = {p: r for p, r in carried.items() if p[0] not in in_body}
    if any(r >= len(head) for r in head_carried.values()):
        return None
    regrouped = _regroup(cut, len(head), body, owner, key, len(keys))
    if regrouped is None:
        return None
    record_rows, body_carried = regrouped
    return [list(members) for members in head] + record_rows, head_carried | body_carried


def _numbering_row(cut: Cut, rows: Sequence[Sequence[int]]) -> int | None:
    """The one-line row numbering the columns, if the block has one."""
    ncols = 1 + max((c for occ in cut.occupied for c in occ), default=0)
    for r, members in enumerate(rows):
        if len(members) == 1:
            i = members[0]
            texts = [_text(cut, i, c) for c in sorted(cut.occupied[i])]
            if counts_columns(texts, ncols):
                return r
    return None


def _text(cut: Cut, i: int, c: int) -> str:
    return " ".join(w.text for w in cut.piece(i, c))


def _holds_figure(cut: Cut, body: Sequence[int]) -> bool:
    return any(FIGURE.match(_text(cut, i, c)) for i in body for c in cut.occupied[i])


def _entries(cut: Cut, body: Sequence[int]) -> list[_Entry]:
    """Every column's entries over the body lines, in line order: a piece
    continues the entry above it in its column when it stands at line
    spacing below it."""
    open_entry: dict[int, _Entry] = {}
    entries: list[_Entry] = []
    for i in body:
        for c in sorted(cut.occupied[i]):
            words = cut.piece(i, c)
            top, bottom = min(w.top for w in words), max(w.bottom for w in words)
            gap = cut.col_gaps[i].get(c)
            entry = open_entry.get(c)
            if entry is not None and gap is not None and gap <= cut.wrap_gap:
                entry.pieces.append((i, c))
                entry.bottom = max(entry.bottom, bottom)
                continue
            entry = _Entry(c, [(i, c)], top, bottom)
            open_entry[c] = entry
            entries.append(entry)
    return entries


def _key_column(entries: Sequence[_Entry]) -> int | None:
    """The column with the most entries, two at least, if no other has as many."""
    counts: dict[int, int] = {}
    for e in entries:
        counts[e.col] = counts.get(e.col, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < 2 or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return None
    return next(c for c, n in counts.items() if n == ranked[0])


def _orphan_row(cut: Cut, rows: Sequence[Sequence[int]], key: int) -> bool:
    """Some body row has no words in the key column: a cell cut off its entry."""
    return any(not any(key in cut.occupied[i] for i in members) for members in rows)


def _nearest(entry: _Entry, keys: Sequence[_Entry]) -> int:
    """The key entry ``entry`` stands beside: the one it overlaps most, else
    the nearest (the upper one of two as near)."""
    return min(range(len(keys)), key=lambda k: (entry.gap(keys[k]), k))


def _regroup(
    cut: Cut, nhead: int, body: Sequence[int], owner: dict[Piece, int], key: int, nkeys: int
) -> tuple[list[list[int]], dict[Piece, int]] | None:
    """Rows from each piece's record: a line goes to the record of its key
    piece, else to the first record among its pieces', never above the
    line before it; a piece of another record is carried there. None where
    a key piece would have to go below its record, or a record gets no line."""
    carried: dict[Piece, int] = {}
    record_lines: list[list[int]] = [[] for _ in range(nkeys)]
    last = 0
    for i in body:
        pieces = [(i, c) for c in sorted(cut.occupied[i])]
        own = owner[(i, key)] if key in cut.occupied[i] else min(owner[p] for p in pieces)
        if own < last and key in cut.occupied[i]:
            return None
        record = max(last, own)
        record_lines[record].append(i)
        last = record
        for p in pieces:
            if owner[p] != record:
                carried[p] = nhead + owner[p]
    if not all(record_lines):
        return None
    return record_lines, carried
