"""``audit batch``: every document audited by the ordinary command, resumably, isolated.

The documents are the shipped rendered examples (five pages each) and a
file that is not a report; each job is a real ``audit`` child process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.batch.inputs import expand
from auditor.batch.store import Outcome, ResultStore
from auditor.cli import main
from auditor.errors import InputError

EXAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "examples"
BROKEN = EXAMPLES / "broken-report-ruled.pdf"
CONSISTENT = EXAMPLES / "consistent-report-ruled.pdf"


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    """A folder of two reports and one file that is not a report."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for source in (BROKEN, CONSISTENT):
        (folder / source.name).write_bytes(source.read_bytes())
    (folder / "notes.txt").write_text("nothing to audit here\n", encoding="utf-8")
    return folder


def _batch(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["batch", *args])
    outdir = Path(args[args.index("-o") + 1])
    summary = json.loads((outdir / "summary.json").read_text(encoding="utf-8"))
    return result.exit_code, summary


def _by_name(summary: dict) -> dict[str, dict]:
    return {Path(row["document"]).name: row for row in summary["documents"]}


def test_expand_takes_folders_globs_and_files_once_in_order(inbox: Path) -> None:
    docs = expand((str(inbox), str(inbox / "*.pdf"), str(inbox / "notes.txt")))
    assert [d.name for d in docs] == ["broken-report-ruled.pdf", "consistent-report-ruled.pdf", "notes.txt"]
    with pytest.raises(InputError):
        expand((str(inbox / "*.docx"),))


def test_batch_isolates_a_bad_document_and_matches_single_runs(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, summary = _batch(str(inbox), "-o", str(out), "-j", "2", "-q")
    rows = _by_name(summary)
    assert code == 1
    assert rows["broken-report-ruled.pdf"]["status"] == "findings"
    assert rows["broken-report-ruled.pdf"]["errors"] == 4
    assert rows["consistent-report-ruled.pdf"]["status"] == "ok"
    assert rows["notes.txt"]["status"] == "unreadable"
    assert "no table" in rows["notes.txt"]["message"]
    assert summary["totals"]["status"] == {"findings": 1, "ok": 1, "unreadable": 1}
    single = subprocess.run(
        [sys.executable, "-m", "auditor", str(inbox / BROKEN.name), "--format", "json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (out / "broken-report-ruled.json").read_text(encoding="utf-8") == single.stdout
    assert (out / "summary.csv").read_text(encoding="utf-8").startswith("document,pages,errors,warnings")


def test_rerun_reuses_finished_documents_and_retries_the_rest(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _batch(str(inbox), "-o", str(out), "-q")
    written = {p.name: p.stat().st_mtime_ns for p in out.glob("*.json") if p.name != "summary.json"}
    result = CliRunner().invoke(main, ["batch", str(inbox), "-o", str(out)])
    assert "ok, reused" in result.output and "findings, reused" in result.output
    assert "notes.txt: unreadable (" in result.output  # retried: its cause may have been fixed
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.json") if p.name != "summary.json"} == written
    changed = CliRunner().invoke(main, ["batch", str(inbox), "-o", str(out), "--lang", "en"])
    assert "reused" not in changed.output  # other options, other findings


def test_a_document_past_its_time_limit_is_listed_and_the_batch_goes_on(inbox: Path, tmp_path: Path) -> None:
    code, summary = _batch(str(inbox / BROKEN.name), "-o", str(tmp_path / "out"), "--timeout", "0.2", "-q")
    (row,) = summary["documents"]
    assert code == 1
    assert row["status"] == "timeout" and "0.2 s" in row["message"]


def test_store_does_not_reuse_failed_runs_or_missing_outputs(tmp_path: Path) -> None:
    store = ResultStore(tmp_path / "r.sqlite", "1.0", "k")
    output = tmp_path / "a.json"
    store.save(Outcome("a.pdf", "s1", "ok", output=str(output)))
    store.save(Outcome("b.pdf", "s2", "timeout"))
    assert store.finished("a.pdf", "s1") is None  # its output file is gone
    output.write_text("{}", encoding="utf-8")
    assert store.finished("a.pdf", "s1") == Outcome("a.pdf", "s1", "ok", output=str(output))
    assert store.finished("a.pdf", "other-bytes") is None
    assert store.finished("b.pdf", "s2") is None
    assert ResultStore(tmp_path / "r.sqlite", "2.0", "k").finished("a.pdf", "s1") is None


def test_batch_on_a_dask_cluster_gives_the_local_results(inbox: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="Dask distributed is not installed (extra 'dask')")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        code, summary = _batch(str(inbox), "-o", str(tmp_path / "dask"), "--scheduler", cluster.scheduler_address, "-q")
    _, local = _batch(str(inbox), "-o", str(tmp_path / "local"), "-q")
    assert code == 1
    assert {k: (v["status"], v["errors"]) for k, v in _by_name(summary).items()} == {
        k: (v["status"], v["errors"]) for k, v in _by_name(local).items()
    }
    for name in ("broken-report-ruled.json", "consistent-report-ruled.json"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
