"""A remark that names another indicator of its table than its row's own.

A Keterangan cell explains its row ("Dibandingkan dengan Nilai Maturitas
SPIP Provinsi Jawa Timur" beside Maturitas SPIP). When the same remark is
copied down to the next row (Kapabilitas APIP) and not edited, the table
says that row was compared with the other indicator's benchmark: a wrong
label that no arithmetic catches.

Only indicators whose names are distinctive in their table are read (two
or more subject words, words that no other row's name holds all of), a
name counts as named only when all its subject words stand together in
the remark, in order, and a remark naming its own row too, a formula or a
reference ("lihat ...") is left alone. A remark cell spanned over several
rows belongs to all of them and is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.checks.common import make_finding
from auditor.checks.narrative.common import rule_param
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.names import holds_run, tokens
from auditor.meaning.semantics import TableView
from auditor.rulesets.loader import Rule

_MIN_WORDS = 2


def _remark_columns(rule: Rule, view: TableView) -> list[int]:
    """The columns whose header is a remark header (Ket., Keterangan)."""
    header = re.compile(rule_param(rule, "remark_header", r"^(?:ket\.?|keterangan)$"), re.IGNORECASE)
    return [col.index for col in view.columns if header.match((col.header or "").split(" > ")[-1].strip())]


def _names(view: TableView, skip: frozenset[int]) -> dict[int, tuple[str, ...]]:
    """Each body row's own name (the last label part) as its subject words,
    kept when it has at least two words and is distinctive: no other row's
    name holds all of them, and no other row has the same name."""
    out: dict[int, tuple[str, ...]] = {}
    for row in view.rows:
        if row.kind not in ("body", "subtotal"):
            continue
        label = (view.label(row.index) or "").split(" | ")[-1]
        words = tokens(label)
        if len(words) >= _MIN_WORDS:
            out[row.index] = words
    return {
        r: w
        for r, w in out.items()
        if not any(set(w) <= set(other) for k, other in out.items() if k != r and k not in skip)
    }


def _own_remark(view: TableView, r: int, c: int) -> str:
    """The remark cell's own text; empty for a cell spanned from another row
    or spanning into the next one (a remark shared by several rows)."""
    rows = view.table.rows
    if c >= len(rows[r]) or rows[r][c].is_span_copy:
        return ""
    below = rows[r + 1][c] if r + 1 < len(rows) and c < len(rows[r + 1]) else None
    if below is not None and below.span_origin == (r, c):
        return ""
    return rows[r][c].text.strip()


def misnamed_remarks(rule: Rule, view: TableView) -> Iterator[tuple[int, int, str, int]]:
    """(row, remark column, remark text, the other row it names)."""
    skip = re.compile(rule_param(rule, "skip", r"\blihat\b|[=×÷/]|\bx\b"), re.IGNORECASE)
    cols = _remark_columns(rule, view)
    if not cols:
        return
    names = _names(view, frozenset())
    for r, own in names.items():
        for c in cols:
            text = _own_remark(view, r, c)
            if not text or skip.search(text):
                continue
            words = tokens(text)
            if holds_run(words, own):
                continue
            others = [k for k, name in names.items() if k != r and holds_run(words, name)]
            if len(others) == 1:
                yield r, c, text, others[0]


def _label_col(view: TableView, r: int, name: str) -> int:
    """The column of the row's cell that prints its name (the first column
    when none does, for a name joined from several cells)."""
    for c, cell in enumerate(view.table.rows[r]):
        if cell.text.strip() == name:
            return c
    return 0


def check_remark_names(rule: Rule, view: TableView, run: Run) -> Iterator[Finding]:
    """A Keterangan cell of an indicator row that names, by its full name,
    another indicator of the same table and not the row's own."""
    if view.is_contents:
        return
    for r, c, text, other in misnamed_remarks(rule, view):
        own = view.label(r).split(" | ")[-1].strip()
        other_name = view.label(other).split(" | ")[-1].strip()
        yield make_finding(
            rule,
            view,
            run.lang,
            cells=[(r, c), (other, _label_col(view, other, other_name))],
            printed=text,
            expected=None,
            table=view.table.title or view.table.id,
            own=own,
            other=other_name,
        )
