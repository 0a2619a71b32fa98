"""One table as the rules see it: its cells with column roles and row kinds
(``audit tables``), to tell an extraction fault from a fault in the report."""

from __future__ import annotations

from tabulate import tabulate

from auditor.meaning.semantics import TableView
from auditor.meaning.vocabulary import RoleVocabulary
from auditor.model import Table


def table_dump(table: Table, vocab: RoleVocabulary) -> str:
    """One table with its column roles and row kinds, as the rules see it."""
    view = TableView(table, vocab)
    where = f"page {table.page}" if table.page is not None else f"line {table.line}"
    if len(table.pages) > 1:
        where = f"pages {table.pages[0]}-{table.pages[-1]}"
    head = f"{table.id} ({where}, {table.source}){': ' + table.title if table.title else ''}"
    roles = ["", *(f"{c.role or '-'}{' ' + str(c.year) if c.year else ''}" for c in view.columns)]
    rows = [roles]
    for row in view.rows:
        cells = [c.text if not c.is_span_copy else f"^ {c.text}" for c in view.table.rows[row.index]]
        rows.append([row.kind, *(t[:40] for t in cells)])
    return head + "\n" + tabulate(rows[1:], headers=rows[0], tablefmt="simple_grid") + "\n"
