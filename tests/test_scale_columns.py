"""A rating scale's columns (its bounds and criteria) are no figures: no
sum, capaian or discovered relation may be checked on them."""

from __future__ import annotations

from pathlib import Path

from auditor.meaning.semantics import TableView
from tests.built_tables import RULESET, audit_rows, table_doc

SCALED = [
    "No | Indikator | Rentang Nilai | Realisasi",
    "1 | Indikator A | 91 | 40",
    "2 | Indikator B | 76 | 25",
    "3 | Indikator C | 66 | 35",
    "Jumlah | | 100 | 100",
]


def test_scale_column_takes_the_scale_role(tmp_path: Path) -> None:
    (table,) = table_doc(SCALED, tmp_path).tables
    view = TableView(table, RULESET.vocabulary)
    assert [c.role for c in view.columns] == ["number", "label", "scale", "realisasi"]
    assert all(view.number(r, 2) is None for r in range(len(view.table.rows)))


def test_scale_column_is_not_summed(tmp_path: Path) -> None:
    """The JUMLAH row adds up the realisations; the scale bounds above it
    (91 + 76 + 66) are no parts of its 100."""
    assert audit_rows(SCALED, tmp_path, ("SUM001", "SUM002", "SUM004", "REL001", "CAP001")) == []
