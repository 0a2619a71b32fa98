"""The tables the auditor read, as tidy data: one record per table row.

Each record names the document, the table (id, caption, page), the row (its
grid number, kind, label and the group labels above it) and, for every column
of the table, the figure as parsed and as printed, under a key made from the
column's role (``target``, ``realisasi_2022``, ``col5`` for a column whose
header names no role). Keys are per table: the same role in two tables
shares a column of the tidy data.
"""

from __future__ import annotations

import re
from typing import Any

from auditor.checks.checked import CheckedRelation
from auditor.meaning.semantics import HEADING_KINDS, RATIO_ROLES, TableView

ROW_FIELDS = ("document", "table", "caption", "page", "row", "row_kind", "row_label", "group_path")
TEXT = "__text"
"""Suffix of the column holding a figure's printed text."""


def column_keys(view: TableView) -> list[str]:
    """A key per grid column: its role (and year), unique within the table."""
    keys: list[str] = []
    for col in view.columns:
        base = f"col{col.index + 1}" if col.role is None else re.sub(r"\W+", "_", col.role)
        if col.year is not None and col.role is not None:
            base = f"{base}_{col.year}"
        key, n = base, 2
        while key in keys:
            key, n = f"{base}_{n}", n + 1
        keys.append(key)
    return keys


def _group_path(view: TableView, r: int) -> str:
    """The group rows and parent rows above ``r``, outermost first."""
    path: list[str] = []
    for row in view.rows:
        if row.index >= r:
            break
        if row.kind == "group" and row.label:
            path = [row.label]
        elif row.kind == "subtotal" and r in row.closes and row.label:
            path.append(row.label)
    return " > ".join(path)


def tidy_records(document: str, views: list[TableView]) -> list[dict[str, Any]]:
    """Every data row of every table (header and column-number rows left out)."""
    out: list[dict[str, Any]] = []
    for view in views:
        keys = column_keys(view)
        for row in view.rows:
            if row.kind in HEADING_KINDS:
                continue
            cells = view.table.rows[row.index]
            record: dict[str, Any] = {
                "document": document,
                "table": view.table.id,
                "caption": view.table.title or "",
                "page": next((c.page for c in cells if c.page is not None), view.table.page),
                "row": row.index + 1,
                "row_kind": row.kind,
                "row_label": row.label,
                "group_path": _group_path(view, row.index),
            }
            for c, key in enumerate(keys):
                n = view.number(row.index, c)
                record[key] = float(n.value) if n is not None else None
                # a spanning cell's copies print nothing of their own
                record[key + TEXT] = "" if cells[c].is_span_copy else " ".join(cells[c].text.split())
            out.append(record)
    return out


def relation_kwargs(rel: CheckedRelation, view: TableView) -> dict[str, Any]:
    """The ``relation`` argument of the custom expectation: cells by tidy
    key and 1-based row, with each column's number convention."""
    keys = column_keys(view)
    return {
        "rule": rel.rule,
        "table": rel.table,
        "output": keys[rel.output],
        "rows": [r + 1 for r in rel.rows],
        "forms": [
            {
                "expr": f.expr,
                "exact": f.exact,
                "cells": [[name, None if r is None else r + 1, keys[c]] for name, r, c in f.cells],
            }
            for f in rel.forms
        ],
        "formats": {keys[c]: number_format(view, c) for c in rel.columns},
    }


def number_format(view: TableView, c: int) -> dict[str, Any]:
    """How the column's figures are read: its decimal convention, and whether
    it is a ratio column (a rounded percentage even when grouped)."""
    col = view.columns[c]
    return {"dot_decimal": col.dot_decimal, "ratio": col.role in RATIO_ROLES}
