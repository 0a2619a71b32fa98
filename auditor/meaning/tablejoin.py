"""Join a total printed as its own small table to the table it closes.

Word documents often end a long table, then print ``JUMLAH`` in a one-row
table right below it (the author split the table to fix a page break). For
the rules the total belongs to the table above; its cells keep their own
page, line and bounding box.
"""

from __future__ import annotations

from dataclasses import replace

from auditor.meaning.vocabulary import RoleVocabulary
from auditor.model import Document, Table

MAX_ROWS = 2


def _is_total_only(table: Table, vocab: RoleVocabulary) -> bool:
    if not table.rows or len(table.rows) > MAX_ROWS:
        return False
    return all(any(vocab.row_role(c.text) == "total" for c in row[:4] if not c.is_span_copy) for row in table.rows)


def _last_line(table: Table) -> int | None:
    lines = [c.line for row in table.rows for c in row if c.line is not None]
    return max(lines) if lines else None


def _adjacent(doc: Document, a: Table, b: Table) -> bool:
    """Nothing but blank space between a and b."""
    if a.ncols != b.ncols:
        return False
    if doc.kind == "text":
        end, start = _last_line(a), b.line
        if end is None or start is None:
            return False
        return not any(end < ln.line < start for ln in doc.lines if ln.line is not None)
    if a.bbox is None or b.bbox is None or b.page is None:
        return False
    last_page = max(a.pages or [a.page or 0])
    if b.page == last_page:
        top, bottom = a.bbox[3], b.bbox[1]
        return not any(
            ln.page == b.page and ln.bbox is not None and top <= ln.bbox[1] and ln.bbox[3] <= bottom for ln in doc.lines
        )
    return b.page == last_page + 1 and not any(
        ln.page == b.page and ln.bbox is not None and ln.bbox[3] <= b.bbox[1] for ln in doc.lines
    )


def _appended(a: Table, b: Table) -> Table:
    offset = len(a.rows)
    rows = [list(r) for r in a.rows]
    for row in b.rows:
        rows.append(
            [
                replace(
                    c,
                    row=c.row + offset,
                    span_origin=(c.span_origin[0] + offset, c.span_origin[1]) if c.span_origin else None,
                )
                for c in row
            ]
        )
    pages = sorted(set((a.pages or ([a.page] if a.page else [])) + (b.pages or ([b.page] if b.page else []))))
    return replace(a, rows=rows, pages=pages)


def join_total_tables(doc: Document, vocab: RoleVocabulary) -> list[Table]:
    """The document's tables with stray total tables attached to their table."""
    out: list[Table] = []
    for table in doc.tables:
        if out and _is_total_only(table, vocab) and _adjacent(doc, out[-1], table):
            out[-1] = _appended(out[-1], table)
        else:
            out.append(table)
    return out
