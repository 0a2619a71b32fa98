"""One call, several reports and formats; settings files; progress."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from auditor.cli import main
from auditor.errors import InputError
from auditor.progress import Progress
from auditor.reporters.targets import Target, plan
from auditor.settings import find_settings

ROOT = Path(__file__).resolve().parents[1]
BROKEN = ROOT / "fixtures" / "examples" / "broken-report-ruled.pdf"
CONSISTENT = ROOT / "fixtures" / "examples" / "consistent-report-ruled.pdf"


def test_several_reports_and_formats_in_one_call(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    args = [str(BROKEN), str(CONSISTENT), "--format", "json", "--format", "html", "--format", "xlsx"]
    res = CliRunner().invoke(main, [*args, "--output-dir", str(out), "--annotate", str(out / "ann.pdf"), "-q"])
    assert res.exit_code == 1, res.output  # the worst of the two: the broken report has errors
    for report in (BROKEN, CONSISTENT):
        data = json.loads((out / f"{report.stem}.json").read_text(encoding="utf-8"))
        assert bool(data["findings"]) == (report is BROKEN)
        assert (out / f"{report.stem}.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        openpyxl.load_workbook(out / f"{report.stem}.xlsx")
        assert (out / f"ann-{report.stem}.pdf").read_bytes().startswith(b"%PDF")
    assert res.stderr == ""  # not a terminal: no progress


def test_settings_beside_the_report_and_flags_over_them(tmp_path: Path) -> None:
    report = tmp_path / "laporan.pdf"
    shutil.copy(BROKEN, report)
    (tmp_path / "pyproject.toml").write_text('[tool.audit]\nselect = ["CAP"]\nfail-on = "never"\n', encoding="utf-8")
    res = CliRunner().invoke(
        main, [str(report), "--format", "json", "-o", str(tmp_path / "a.json"), "--format", "markdown"]
    )
    assert res.exit_code == 0, res.output
    rules = {f["rule"] for f in json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["findings"]}
    assert rules == {"CAP001"}
    assert "- [ ] **1. CAP001**" in res.stdout  # the second format on standard output
    res = CliRunner().invoke(main, [str(report), "--fail-on", "error", "--format", "github"])
    assert res.exit_code == 1 and res.stdout.count("::error") == 1


def test_annotate_needs_a_pdf(tmp_path: Path) -> None:
    text = tmp_path / "laporan.md"
    text.write_text("# BAB I\n\nCapaian kinerja tahun ini baik.\n", encoding="utf-8")
    res = CliRunner().invoke(main, [str(text), "--annotate", str(tmp_path / "a.pdf")])
    assert res.exit_code == 2 and "PDF" in res.stderr


def test_plan_pairs_formats_with_files_in_order() -> None:
    targets = plan(["json", "html", "text"], [Path("a.json"), Path("b.html")], None, "en")
    assert targets == [Target("json", Path("a.json")), Target("html", Path("b.html")), Target("text", None)]
    assert targets[0].file_for(Path("x/lkj 2022.pdf"), several=True) == Path("a-lkj 2022.json")
    assert plan([], [], None, "id") == [Target("text", None)]
    assert plan(["json"], [], Path("d"), "id")[0].file_for(Path("r.pdf"), True) == Path("d/r.json")


@pytest.mark.parametrize(
    "formats, outputs, folder",
    [(["json", "html"], [], None), (["json"], [Path("a"), Path("b")], None), (["json"], [Path("a")], Path("d")),
     (["text", "github"], [], Path("d"))],
)  # fmt: skip
def test_plans_that_cannot_work_are_usage_errors(formats: list[str], outputs: list[Path], folder: Path | None) -> None:
    with pytest.raises(InputError):
        plan(formats, outputs, folder, "en")


def test_setup_cfg_settings_with_paths_relative_to_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "setup.cfg").write_text(
        "[metadata]\nname = x\n\n[audit]\nselect = CAP, SUM\nignore = SUM002\nrules = rules/extra.yaml\n"
        "baseline = accepted.json\nfail-on = warning\n",
        encoding="utf-8",
    )
    (tmp_path / "2022").mkdir()
    found = find_settings(tmp_path / "2022" / "laporan.pdf")
    assert (found.select, found.ignore, found.fail_on) == (["CAP", "SUM"], ["SUM002"], "warning")
    assert found.rules == [tmp_path / "rules" / "extra.yaml"] and found.baseline == tmp_path / "accepted.json"


def test_a_setup_cfg_without_the_section_is_passed_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "setup.cfg").write_text("[metadata]\nname = x\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.audit]\nignore = ['NUM']\n", encoding="utf-8")
    assert find_settings(tmp_path / "sub" / "r.pdf").ignore == ["NUM"]


def test_unknown_or_wrong_settings_are_refused(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.audit]\nslect = ['CAP']\n", encoding="utf-8")
    with pytest.raises(InputError, match="slect"):
        find_settings(tmp_path / "r.pdf")
    (tmp_path / "pyproject.toml").write_text("[tool.audit]\nfail-on = 'sometimes'\n", encoding="utf-8")
    with pytest.raises(InputError, match="fail-on"):
        find_settings(tmp_path / "r.pdf")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_not_when_quiet() -> None:
    tty, pipe, quiet = _Terminal(), io.StringIO(), _Terminal()
    for stream, q in ((tty, False), (pipe, False), (quiet, True)):
        Progress("en", q, stream).say("read", pages=48, tables=24)
    assert tty.getvalue() == "audit: 48 pages read, 24 tables found\n"
    assert pipe.getvalue() == quiet.getvalue() == ""
