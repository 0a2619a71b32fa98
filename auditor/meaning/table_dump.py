"""One table as the rules see it: its cells with column roles and row kinds
(``audit tables``), to tell an extraction fault from a fault in the report.

Besides the grid it shows what the reading decided and why, each on a line
of its own: the header tree over every leaf column (``Tahun 2021 >
Target``) with the leaf's role, year and number convention, every join of
a part continued on a later page with its evidence, and per row its kind
and parent (the row that closes it).
"""

from __future__ import annotations

from dataclasses import dataclass

from tabulate import tabulate

from auditor.meaning.semantics import Column, TableView
from auditor.meaning.vocabulary import RoleVocabulary
from auditor.model import BBox, Table


@dataclass(frozen=True)
class Leaf:
    """One leaf column: its header path, role, and the number style its cells use."""

    index: int
    path: tuple[str, ...]
    role: str | None
    year: int | None
    convention: str | None
    """``1.234,56 (id)``, ``1,234.56 (en)``, or None without figures."""

    @property
    def group(self) -> str | None:
        return self.path[0] if len(self.path) > 1 else None

    def describe(self) -> str:
        role = self.role or "-"
        parts = [f"c{self.index + 1}", " > ".join(self.path) or "(no header)", f"role={role}"]
        if self.group:
            parts.append(f"group={self.group}")
        if self.year:
            parts.append(f"year={self.year}")
        if self.convention:
            parts.append(f"numbers={self.convention}")
        return "  ".join(parts)


def header_path(view: TableView, c: int) -> tuple[str, ...]:
    """The header texts over column ``c``, top to bottom, a span counted once."""
    path: list[str] = []
    for r in range(view.title_rows, view.header_rows):
        text = " ".join(view.table.rows[r][c].text.split())
        if text and (not path or path[-1] != text):
            path.append(text)
    return tuple(path)


def _convention(view: TableView, col: Column) -> str | None:
    has_figures = any(view.number(r.index, col.index) is not None for r in view.rows if r.kind != "header")
    if not has_figures:
        return None
    return "1,234.56 (en)" if col.dot_decimal else "1.234,56 (id)"


def leaves(view: TableView) -> list[Leaf]:
    """Every leaf column with its header path, role and number convention."""
    return [Leaf(c.index, header_path(view, c.index), c.role, c.year, _convention(view, c)) for c in view.columns]


def parents(view: TableView) -> dict[int, int]:
    """Row -> the row that closes it most closely (a subtotal before the total over it)."""
    out: dict[int, int] = {}
    for closer in sorted(view.rows, key=lambda r: len(r.closes), reverse=True):
        for k in closer.closes:
            out[view.rows[k].index] = closer.index
    return out


def _join_lines(table: Table) -> list[str]:
    return [
        f"  page {j.page} joined at row {j.row + 1}"
        + (f", {j.header_rows} header row(s) dropped" if j.header_rows else "")
        + ": "
        + "; ".join(j.evidence)
        for j in table.joins
    ]


def table_dump(table: Table, vocab: RoleVocabulary) -> str:
    """One table with its header tree, joins, column roles, row kinds and parents."""
    view = TableView(table, vocab)
    where = f"page {table.page}" if table.page is not None else f"line {table.line}"
    if len(table.pages) > 1:
        where = f"pages {table.pages[0]}-{table.pages[-1]}"
    head = f"{table.id} ({where}, {table.source}){': ' + table.title if table.title else ''}"
    lines = [
        head,
        f"header rows: {view.header_rows} (title rows: {view.title_rows}); hierarchy: {view.hierarchy or '-'}",
    ]
    lines.append("columns:")
    lines.extend("  " + leaf.describe() for leaf in leaves(view))
    if table.joins:
        lines.append("joins:")
        lines.extend(_join_lines(table))
    up = parents(view)
    roles = ["", "parent", *(f"{c.role or '-'}{' ' + str(c.year) if c.year else ''}" for c in view.columns)]
    rows = []
    for row in view.rows:
        cells = [c.text if not c.is_span_copy else f"^ {c.text}" for c in view.table.rows[row.index]]
        parent = up.get(row.index)
        rows.append([row.kind, "" if parent is None else f"r{parent + 1}", *(t[:40] for t in cells)])
    grid = tabulate(rows, headers=roles, tablefmt="simple_grid", showindex=[f"r{r.index + 1}" for r in view.rows])
    return "\n".join(lines) + "\n" + grid + "\n"


def image_marks(table: Table, vocab: RoleVocabulary) -> list[tuple[int, BBox, str]]:
    """What ``--images`` writes beside the cells: each leaf column's role over
    its first body cell on every page, and where each joined part starts."""
    view = TableView(table, vocab)
    marks: list[tuple[int, BBox, str]] = []
    seen: set[tuple[int, int]] = set()
    for row in view.rows:
        if row.kind == "header":
            continue
        for leaf, cell in zip(leaves(view), view.table.rows[row.index], strict=False):
            if cell.page is None or cell.bbox is None or (cell.page, leaf.index) in seen:
                continue
            seen.add((cell.page, leaf.index))
            label = leaf.role or "-"
            marks.append((cell.page, cell.bbox, f"{label} ({leaf.group})" if leaf.group else label))
    for j in table.joins:
        boxes = [c.bbox for c in table.rows[j.row] if c.bbox is not None] if j.row < len(table.rows) else []
        if boxes:
            box = (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
            marks.append((j.page, box, f"joined to p{j.page - 1}: " + "; ".join(j.evidence)))
    return marks
