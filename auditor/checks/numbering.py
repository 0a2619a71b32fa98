"""Numbering slips: a table that numbers its rows 1, 2, 3, 3, 5.

A reviewer reads a table's numbering column, or the labels that carry their
own number ("Sasaran 13", "Misi 2"), as one sequence per outline level. A
number printed twice, or one left out, is an edit slip: a row inserted or
removed without renumbering the rest, which also makes every reference to
"Sasaran 14" elsewhere in the report ambiguous.

Only plain integers are read ("3", "3.", "3)", "Sasaran 3"): codes such as
``3.10.4`` or ``1.01.02`` number by a scheme of their own, and letters (a.,
b.) are another outline level. A sub-row that shares its parent's number
prints none (an empty or spanned cell) and is skipped. A sequence restarts
when a row of a higher outline level (A., I.) comes between, or when the
number drops back (1, 2, 1, 2 under different parents, or the next block of a
table joined across pages): only a repeat (n, n) or a single skip (n, n+2) of
consecutive numbers is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.common import make_finding
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.semantics import HEADING_KINDS, TableView
from auditor.rulesets.loader import Rule

_PLAIN = re.compile(r"(\d{1,3})[.)]?")
_LABELLED = re.compile(r"([A-Za-z][A-Za-z ]{1,30}?)\s+(\d{1,3})[.):]?")
_HIGHER = re.compile(r"[A-H][.)]?|(?:I|II|III|IV|V|VI|VII|VIII|IX|X)[.)]?")
_MIN_ITEMS = 3


@dataclass(frozen=True)
class Item:
    """One numbered row: where its number is printed and what it says."""

    row: int
    col: int
    n: int
    text: str
    word: str = ""


def _own(view: TableView, r: int, c: int) -> str:
    """The cell's own text: empty for a cell spanned down from above."""
    if c >= len(view.table.rows[r]):
        return ""
    cell = view.table.rows[r][c]
    return "" if cell.is_span_copy else cell.text.strip()


def _body(view: TableView) -> list[int]:
    return [row.index for row in view.rows if row.kind not in (*HEADING_KINDS, "empty")]


def _sequence(view: TableView, c: int, prefix: str | None) -> list[Item | None]:
    """The numbers of column c in row order; None where a higher outline
    level (A., I.) or a number of another scheme interrupts the sequence."""
    out: list[Item | None] = []
    for r in _body(view):
        t = _own(view, r, c)
        if not t:
            continue
        if prefix is None:
            m = _PLAIN.fullmatch(t)
            n = int(m.group(1)) if m else None
        else:
            m = _LABELLED.fullmatch(t)
            n = int(m.group(2)) if m and m.group(1).lower() == prefix else None
        if n is not None:
            out.append(Item(r, c, n, t, m.group(1) if prefix is not None and m else ""))
        elif prefix is not None or _HIGHER.fullmatch(t):
            out.append(None)
    return out


def _prefix(view: TableView, c: int) -> str | None:
    """The word every numbered label of column c starts with ("sasaran"),
    when at least three of its cells and most of them are "Word N"."""
    texts = [t for r in _body(view) if (t := _own(view, r, c))]
    words = [m.group(1).lower() for t in texts if (m := _LABELLED.fullmatch(t))]
    if len(words) < _MIN_ITEMS or len(words) * 2 < len(texts):
        return None
    word = max(set(words), key=words.count)
    return word if words.count(word) >= _MIN_ITEMS else None


def _columns(view: TableView) -> list[tuple[int, str | None]]:
    """The numbering column (plain numbers) and the columns of numbered labels."""
    out: list[tuple[int, str | None]] = []
    if view.numbering_col is not None:
        out.append((view.numbering_col, None))
    for c in range(view.table.ncols):
        if c != view.numbering_col and (word := _prefix(view, c)) is not None:
            out.append((c, word))
    return out


def slips(seq: list[Item | None]) -> list[tuple[Item, Item, int]]:
    """(previous item, slipped item, the number it should carry) for every
    slip inside a run of consecutive numbers: a number skipped (2, 4) or a
    number printed again where the next row goes on as if it had been
    counted (13, 13, 15). A plain repeat (3, 3, 4) is a row split in two and
    is left alone; a run needs two numbers in order before it is judged."""
    out: list[tuple[Item, Item, int]] = []
    run: list[Item] = []
    for i, item in enumerate(seq):
        prev = run[-1] if run else None
        if item is None or prev is None or item.n < prev.n or item.n > prev.n + 2:
            run = [item] if item is not None else []
            continue
        if item.n == prev.n + 1:
            run.append(item)
            continue
        if item.n == prev.n and not _skips_after(seq, i):
            continue
        if len(run) >= 2:
            out.append((prev, item, prev.n + 1))
        # the run goes on from what the slipped row should have been
        run.append(Item(item.row, item.col, max(item.n, prev.n + 1), item.text, item.word))
    return out


def _skips_after(seq: list[Item | None], i: int) -> bool:
    """The row after a repeated number carries the number after next."""
    nxt = seq[i + 1] if i + 1 < len(seq) else None
    cur = seq[i]
    return nxt is not None and cur is not None and nxt.n == cur.n + 2


def check_numbering(rule: Rule, view: TableView, run: Run) -> Iterator[Finding]:
    """A table's row numbers ("1.", "Sasaran 13") that repeat a number or
    skip one inside a run of consecutive numbers."""
    if view.is_contents:
        return
    for c, prefix in _columns(view):
        for prev, item, should in slips(_sequence(view, c, prefix)):
            want = f"{item.word} {should}".strip()
            repeated = item.n == prev.n
            yield make_finding(
                rule, view, run.lang,
                cells=[(item.row, item.col), (prev.row, prev.col)],
                printed=item.text, expected=want,
                severity=None,
                table=view.table.id, row_no=item.row + 1, prev_row=prev.row + 1, prev=prev.text,
                kind=rule.params.get("repeat" if repeated else "skip", {}).get(run.lang, ""),
            )  # fmt: skip
