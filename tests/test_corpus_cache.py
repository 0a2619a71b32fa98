"""The session cache of reads and audits (tests/corpus_cache.py): the same
objects for the same file content and options, a fresh read for anything
else, audits that leave the shared read untouched, and one computation for
all xdist workers of a run."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from auditor.readers import read_document
from auditor.readers.ocr.settings import OFF
from tests import corpus_cache
from tests.corpus_cache import audited_cached, read_cached, shipped_ruleset

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "fixtures" / "synthetic" / "consistent-report.md"
BROKEN = ROOT / "fixtures" / "synthetic" / "broken-report.md"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "laporan.md"
    shutil.copyfile(REPORT, path)
    return path


def test_same_file_and_options_give_the_same_document(report: Path) -> None:
    doc = read_cached(report)
    assert read_cached(report) is doc
    assert read_cached(str(report)) is doc
    fresh = read_document(report)
    assert [t.rows for t in doc.tables] == [t.rows for t in fresh.tables] and doc.lines == fresh.lines


def test_other_options_or_content_are_read_again(report: Path) -> None:
    doc = read_cached(report)
    assert read_cached(report, ocr=OFF) is not doc
    report.write_text(BROKEN.read_text(encoding="utf-8"), encoding="utf-8")
    changed = read_cached(report)
    assert changed is not doc
    assert changed.lines == read_document(report).lines != doc.lines


def test_an_audit_is_kept_and_leaves_the_shared_read_alone(report: Path) -> None:
    rules = shipped_ruleset().selected(["SUM"], None)
    result = audited_cached(report, rules)
    assert audited_cached(report, rules) is result
    assert audited_cached(report, rules, "en") is not result
    assert audited_cached(report) is not result
    read = read_cached(report)
    assert result.document is not read and result.document.tables is not read.tables
    result.document.warnings.append("a warning only this audit's copy has")
    assert "a warning only this audit's copy has" not in read.warnings


def test_a_rule_that_is_not_shipped_is_refused(report: Path) -> None:
    (rule,) = shipped_ruleset().selected(["SUM001"], None)
    with pytest.raises(ValueError, match="XYZ999"):
        audited_cached(report, [rule, replace(rule, code="XYZ999")])


def test_xdist_workers_compute_a_key_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def compute() -> dict[str, list[int]]:
        calls.append(1)
        return {"value": [1, 2, 3]}

    # not a worker: computed each time (the in-memory cache is the caller's)
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    monkeypatch.setenv(corpus_cache.SHARED_DIR_VARIABLE, str(tmp_path))
    corpus_cache._shared(("k",), compute)
    assert len(calls) == 1 and not list(tmp_path.glob("*.pickle"))
    # two workers of one run: the second gets the first one's value
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    first = corpus_cache._shared(("k",), compute)
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw1")
    second = corpus_cache._shared(("k",), compute)
    assert len(calls) == 2 and first == second == {"value": [1, 2, 3]} and second is not first
    assert corpus_cache._shared(("other",), compute) == first and len(calls) == 3
