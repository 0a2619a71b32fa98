"""The Kertas Kerja Reviu as CSV: the xlsx columns, for tools without Excel.

Separator ``;`` and a UTF-8 byte-order mark, because this file is opened in
Excel with Indonesian regional settings far more often than by a script:
there ``,`` is the decimal comma (``15,18``), so Excel expects ``;`` between
fields, and without the mark it reads UTF-8 as a legacy code page and garbles
every "é" or "…". Python reads it back with ``encoding="utf-8-sig"`` and
``delimiter=";"``. All locations of a finding share one cell, joined by
`` | ``, so that one finding stays one line of the file.
"""

from __future__ import annotations

import csv
from typing import TextIO

from auditor.findings.result import AuditResult
from auditor.reporters import worksheet
from auditor.reporters.worksheet import COLUMNS

DELIMITER = ";"
BASIS_JOIN = " | "
BOM = "\ufeff"


def report(result: AuditResult, out: TextIO) -> None:
    out.write(BOM)
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(worksheet.headers(result.lang))
    for row in worksheet.rows(result):
        values = {**row.values, "basis": BASIS_JOIN.join(row.basis)}
        writer.writerow([_one_line(values[c]) for c in COLUMNS])


def _one_line(value: object) -> object:
    """Line breaks inside a cell would split a finding over two lines for
    every line-oriented tool (grep, diff), so they become spaces."""
    return " ".join(value.splitlines()) if isinstance(value, str) else value
