"""Where a table cell stands in the document, as findings and quantities cite it."""

from __future__ import annotations

from auditor.meaning.semantics import TableView
from auditor.model import Location


def cell_location(view: TableView, r: int, c: int) -> Location:
    cell = view.cell(r, c)
    table = view.table
    return Location(
        page=cell.page if cell.page is not None else table.page,
        line=cell.line,
        table=table.id,
        row=r + 1,
        column=c + 1,
        text=cell.text,
        bbox=cell.bbox,
        row_label=view.label(r) or None,
        column_header=view.column_header(c),
    )
