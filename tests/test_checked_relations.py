"""The relations the table-arithmetic engines list as checked (``audit gx``).

No Great Expectations here: the printed-precision test the custom
expectation runs (:mod:`auditor.gx.printed`) is applied to the tidy data of
each listed relation, and the cells it finds failing must be exactly the
cells of the engines' own findings, on constructed tables and on the
synthetic reports.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.audit import arithmetic_findings, audit_session, checked_relations
from auditor.checks.checked import CheckedRelation, mean_of_means_form, sum_form
from auditor.gx.printed import cell_interval, failing_rows
from auditor.gx.tidy import TEXT, column_keys, relation_kwargs, tidy_records
from auditor.meaning.intervals import Interval
from auditor.model import Document
from auditor.readers import read_document
from tests.built_tables import RULESET, table_doc

RULES = RULESET.selected([], [])
SYNTHETIC = Path(__file__).resolve().parents[1] / "fixtures" / "synthetic"


def _cells(
    doc: Document,
) -> tuple[list[CheckedRelation], set[tuple[str, str, int, int]], set[tuple[str, str, int, int]]]:
    """(relations, cells the printed test fails, cells of the engines' findings)."""
    findings, views, run = audit_session(doc, RULESET, RULES, "en")
    relations = checked_relations(views, run, RULES)
    records = tidy_records("t", views)
    by_id = {v.table.id: v for v in views}
    failed = set()
    for rel in relations:
        keys = column_keys(by_id[rel.table])
        texts = {(rec["row"], k): rec[k + TEXT] for rec in records if rec["table"] == rel.table for k in keys}
        for r in failing_rows(relation_kwargs(rel, by_id[rel.table]), texts):
            failed.add((rel.rule, rel.table, r, rel.output + 1))
    found = {
        (f.rule, f.locations[0].table or "", f.locations[0].row or 0, f.locations[0].column or 0)
        for f in arithmetic_findings(views, run, RULES)
    }
    reported = {(loc.table, loc.row, loc.column) for f in findings for loc in f.locations}
    assert {(t, r, c) for _, t, r, c in found} <= reported  # the audit reports every one of them
    return relations, failed, found


CAPAIAN = [
    "No | Indikator | Target | Realisasi | Capaian (%)",
    "1 | Indeks A | 80,00 | 76,42 | 95,53",
    "2 | Indeks B | 90 | 81 | 90,00",
    "3 | Indeks C | 70,00 | 77,00 | 101,00",
    "4 | Indeks D | 50 | 40 | 80,00",
]


def test_capaian_rows_are_one_relation_and_the_wrong_row_fails(tmp_path: Path) -> None:
    relations, failed, found = _cells(table_doc(CAPAIAN, tmp_path))
    cap = [r for r in relations if r.rule == "CAP001"]
    assert len(cap) == 1 and len(cap[0].rows) == 4
    assert cap[0].forms[0].expr == "realisasi / target * 100"
    assert len(cap[0].forms) > 1  # the lower-is-better alternatives are accepted forms too
    assert found == {("CAP001", "T1", 4, 5)}
    assert failed == found


TOTALS = [
    "No | Kegiatan | Anggaran | Realisasi",
    "1 | Kegiatan A | 1.000.000 | 900.000",
    "2 | Kegiatan B | 2.000.000 | 1.500.000",
    "3 | Kegiatan C | 4.000.000 | 3.000.000",
    " | JUMLAH | 7.000.000 | 5.500.000",
]


def test_total_row_is_one_relation_per_column(tmp_path: Path) -> None:
    relations, failed, found = _cells(table_doc(TOTALS, tmp_path))
    sums = [r for r in relations if r.rule == "SUM001"]
    assert sorted(r.output for r in sums) == [2, 3] and all(r.rows == (4,) for r in sums)
    assert sums[0].forms[0].exact  # whole rupiah add up exactly
    assert found == {("SUM001", "T1", 5, 4)} == failed


def test_consistent_tables_list_relations_and_fail_none(tmp_path: Path) -> None:
    rows = [*TOTALS[:-1], " | JUMLAH | 7.000.000 | 5.400.000"]
    relations, failed, found = _cells(table_doc(rows, tmp_path))
    assert relations and failed == found == set()


@pytest.mark.parametrize("name", ["broken-report.md", "consistent-report.md"])
def test_synthetic_reports_fail_exactly_their_findings(name: str) -> None:
    relations, failed, found = _cells(read_document(SYNTHETIC / name))
    assert len(relations) >= 5
    assert failed == found
    if name.startswith("broken"):
        assert found


def test_printed_intervals() -> None:
    # 76,42 stands for 76,415 .. 76,425; a whole rupiah amount for itself when exact
    iv = cell_interval("76,42", {"dot_decimal": False}, exact=False, nil_is_zero=False)
    assert iv is not None and (float(iv.lo), float(iv.hi)) == (76.415, 76.425)
    assert cell_interval("1.500.000", {}, exact=True, nil_is_zero=False) == Interval.point(1500000)
    assert cell_interval("-", {}, exact=True, nil_is_zero=True) == Interval.point(0)
    assert cell_interval("-", {}, exact=True, nil_is_zero=False) is None
    assert cell_interval("n.a. ket", {}, exact=False, nil_is_zero=True) is None


def test_forms_over_other_rows() -> None:
    form = sum_form([(1, 2), (2, 2)], exact=True)
    assert form.expr == "p1 + p2" and form.cells == (("p1", 1, 2), ("p2", 2, 2))
    means = mean_of_means_form([[(1, 3), (2, 3)], [(4, 3)]])
    assert means.expr == "((p1 + p2) / 2 + (p3) / 1) / 2"
    relation = {
        "output": "total",
        "rows": [5],
        "forms": [{"expr": form.expr, "exact": True, "cells": [["p1", 2, "total"], ["p2", 3, "total"]]}],
        "formats": {},
    }
    texts = {(2, "total"): "1.000", (3, "total"): "2.000", (5, "total"): "3.000"}
    assert failing_rows(relation, texts) == []
    assert failing_rows(relation, {**texts, (5, "total"): "3.001"}) == [5]
