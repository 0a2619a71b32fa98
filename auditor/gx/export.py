"""``audit gx REPORT -o DIR``: audit, export the tables, validate them with GX.

Writes to DIR: ``tables.csv`` (and ``tables.parquet`` where pyarrow is
installed), the tidy data; ``suite.json``, one expectation per relation the
table-arithmetic engines checked; ``validation.json``, the Checkpoint's
result; ``data_docs/index.html``; ``failed_cells.csv``, the cells GX found
failing beside the auditor's own table-arithmetic findings, and whether the
two agree.
"""

from __future__ import annotations

import csv
import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.audit import arithmetic_findings, audit_session, checked_relations, load_ruleset
from auditor.checks.checked import CheckedRelation
from auditor.findings.records import Finding
from auditor.gx.tidy import ROW_FIELDS, relation_kwargs, tidy_records
from auditor.meaning.semantics import TableView
from auditor.readers import read_document
from auditor.readers.limits import ReadLimits

Cell = tuple[str, str, int, int]
"""(rule, table, 1-based row, 1-based column)."""


@dataclass
class GxExport:
    relations: list[CheckedRelation]
    """Every relation the table-arithmetic engines checked: one expectation each."""
    expectations: int
    failed: set[Cell]
    """Cells the validation found failing."""
    findings: set[Cell]
    """Cells of the auditor's table-arithmetic findings."""
    reported: list[Finding]
    """The audit's findings, as ``audit REPORT`` reports them (a formula
    finding may be folded into a cross-reference finding as its evidence)."""

    @property
    def agree(self) -> bool:
        return self.failed == self.findings


def gx_available() -> bool:
    return importlib.util.find_spec("great_expectations") is not None


def export(report: Path, out_dir: Path, limits: ReadLimits | None = None) -> GxExport:
    """Audit ``report`` and write its tables, suite, validation and Data Docs to ``out_dir``."""
    from auditor.gx import validate  # great_expectations: only now

    ruleset = load_ruleset()
    rules = ruleset.selected([], [])
    doc = read_document(report, limits or ReadLimits())
    reported, views, run = audit_session(doc, ruleset, rules)
    relations = checked_relations(views, run, rules)
    records = tidy_records(Path(doc.path).name, views)
    _write_tidy(records, out_dir)
    by_id = {v.table.id: v for v in views}
    expectations = [_expectation(validate, rel, by_id[rel.table]) for rel in relations]
    validation = validate.run_suite(records, expectations, out_dir)
    failed = {(c["rule"], c["table"], c["row"], c["column"]) for c in validate.failed_cells(validation)}
    found = {
        (f.rule, f.locations[0].table or "", f.locations[0].row or 0, f.locations[0].column or 0)
        for f in arithmetic_findings(views, run, rules)
        if f.locations
    }
    result = GxExport(relations, len(expectations), failed, found, reported)
    _write_cells(result, out_dir / "failed_cells.csv")
    return result


def _expectation(validate: Any, rel: CheckedRelation, view: TableView) -> Any:
    meta = {
        "rule": rel.rule,
        "table": rel.table,
        "caption": view.table.title or "",
        "column": rel.output + 1,
        "column_header": view.column_header(rel.output),
        "relation": rel.text,
    }
    rows = ", ".join(str(r + 1) for r in rel.rows)
    description = f"{rel.rule} {rel.table}: {rel.text} (rows {rows}), within printed precision"
    return validate.expectation(relation_kwargs(rel, view), meta, description)


def _write_tidy(records: list[dict[str, Any]], out_dir: Path) -> None:
    fields = list(ROW_FIELDS)
    for rec in records:
        fields.extend(k for k in rec if k not in fields)
    with (out_dir / "tables.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(records)
    if importlib.util.find_spec("pyarrow") is not None:
        import pandas as pd

        pd.DataFrame.from_records(records, columns=fields).to_parquet(out_dir / "tables.parquet")


def _write_cells(result: GxExport, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["rule", "table", "row", "column", "failed_in_gx", "auditor_finding"])
        for cell in sorted(result.failed | result.findings):
            writer.writerow([*cell, cell in result.failed, cell in result.findings])
