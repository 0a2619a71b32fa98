"""Great Expectations stays optional: ``audit`` never imports it, and
``audit gx`` without the extra says how to install it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main

ROOT = Path(__file__).resolve().parents[1]
SYNTHETIC = ROOT / "fixtures" / "synthetic" / "broken-report.md"

PROBE = """
import sys
from auditor.cli import main
sys.argv = ["audit", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("great_expectations", "pandas", "auditor.gx.validate"))
print("LOADED", loaded, "EXIT", code)
"""


@pytest.mark.parametrize(
    "args",
    [["--help"], ["gx", "--help"], [str(SYNTHETIC), "--fail-on", "never"], [str(SYNTHETIC), "--format", "json"]],
)
def test_audit_never_imports_great_expectations(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    last = done.stdout.strip().splitlines()[-1]
    assert last.startswith("LOADED [] EXIT"), (last, done.stderr[-2000:])
    assert last.endswith(("EXIT 0", "EXIT 1", "EXIT None")), (last, done.stderr[-2000:])  # ran to its end


def test_without_the_extra_gx_exits_2_naming_the_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import auditor.gx.export as gx_export

    monkeypatch.setattr(gx_export, "gx_available", lambda: False)
    result = CliRunner().invoke(main, ["gx", str(SYNTHETIC), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.output.strip() == "audit: `audit gx` needs Great Expectations: run pip install 'lakip-auditor[gx]'."
    assert not (tmp_path / "out").exists()
