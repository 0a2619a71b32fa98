"""``audit gx``: the suite, the Checkpoint's failures and the Data Docs.

Run where the gx extra is installed (CI installs it); skipped elsewhere. One
export per document, shared by the tests (Great Expectations takes seconds
to import): the broken synthetic report and a real report of the corpus.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from auditor.gx.export import GxExport, export

pytest.importorskip("great_expectations", reason="the gx extra (great_expectations) is not installed")

BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "examples" / "broken-report-ruled.pdf"
REAL = "cianjur-dkp-lakip-2015.pdf"
"""A real report with a table-arithmetic finding (and a dozen checked relations)."""


@pytest.fixture(scope="session")
def exports(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> dict[str, tuple[GxExport, Path]]:
    out = {}
    for name, path in (("broken", BROKEN), ("real", corpus_dir / REAL)):
        folder = tmp_path_factory.mktemp(f"gx-{name}")
        out[name] = (export(path, folder), folder)
    return out


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["broken", "real"])
def test_one_expectation_per_checked_relation(exports: dict[str, tuple[GxExport, Path]], name: str) -> None:
    result, folder = exports[name]
    suite = _json(folder / "suite.json")["expectations"]
    assert len(suite) == len(result.relations) == result.expectations > 0
    for exp, rel in zip(suite, result.relations, strict=True):
        assert exp["type"] == "expect_printed_arithmetic_to_hold"
        assert exp["meta"]["rule"] == rel.rule and exp["description"].startswith(rel.rule)
        assert (exp["meta"]["table"], exp["meta"]["column"]) == (rel.table, rel.output + 1)
        assert exp["kwargs"]["relation"]["rows"] == [r + 1 for r in rel.rows]


@pytest.mark.parametrize("name", ["broken", "real"])
def test_failed_cells_are_the_auditors_findings(exports: dict[str, tuple[GxExport, Path]], name: str) -> None:
    result, folder = exports[name]
    assert result.findings, "the document was chosen for its table-arithmetic findings"
    assert result.failed == result.findings
    # ... and each is in the audit's own report: its finding, or evidence of another
    reported = {(loc.table, loc.row, loc.column) for f in result.reported for loc in f.locations}
    assert {(t, r, c) for _, t, r, c in result.failed} <= reported
    validation = _json(folder / "validation.json")
    assert validation["success"] is False
    failed = {
        (
            res["expectation_config"]["meta"]["rule"],
            idx["table"],
            idx["row"],
            res["expectation_config"]["meta"]["column"],
        )
        for res in validation["results"]
        for idx in res["result"].get("unexpected_index_list") or []
    }
    assert failed == result.findings
    with (folder / "failed_cells.csv").open(encoding="utf-8") as fh:
        assert all(row["failed_in_gx"] == row["auditor_finding"] == "True" for row in csv.DictReader(fh))


@pytest.mark.parametrize("name", ["broken", "real"])
def test_tidy_data_and_data_docs(exports: dict[str, tuple[GxExport, Path]], name: str) -> None:
    result, folder = exports[name]
    assert (folder / "data_docs" / "index.html").is_file()
    assert list((folder / "data_docs" / "validations").rglob("*.html"))
    with (folder / "tables.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {"document", "table", "caption", "page", "row", "row_label", "group_path"} <= set(rows[0])
    for _, table, row, _ in result.failed:
        assert any(r["table"] == table and r["row"] == str(row) for r in rows)
    printed = [k for k in rows[0] if k.endswith("__text")]
    assert printed and all(k.removesuffix("__text") in rows[0] for k in printed)
