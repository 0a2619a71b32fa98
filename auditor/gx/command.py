"""The ``audit gx`` subcommand (registered in :mod:`auditor.cli`).

Importing this module costs nothing: Great Expectations is imported only
when the command runs, and only if the extra is installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from auditor.errors import InputError, RuleFileError

INSTALL = "pip install 'lakip-auditor[gx]'"


@click.command("gx")
@click.argument("report", type=click.Path(dir_okay=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the tidy data, suite, validation and Data Docs (created if its parent exists).",
)
def gx_command(report: Path, out_dir: Path) -> None:
    """Export REPORT's tables and checked relations as a Great Expectations
    suite, validate them with a Checkpoint and build Data Docs in DIR.

    Exit 0 when every expectation holds, 1 when some cell fails (the cells of
    the auditor's table-arithmetic findings), 2 without the gx extra or on
    unreadable input.
    """
    from auditor.gx.export import export, gx_available

    if not gx_available():
        click.echo(f"audit: `audit gx` needs Great Expectations: run {INSTALL}.", err=True)
        sys.exit(2)
    if not out_dir.parent.is_dir():
        click.echo(f"audit: the folder {out_dir.parent} does not exist; create it first.", err=True)
        sys.exit(2)
    out_dir.mkdir(exist_ok=True)
    try:
        result = export(report, out_dir)
    except (InputError, RuleFileError) as exc:
        click.echo(f"audit: {exc}", err=True)
        sys.exit(2)
    agree = "the same cells" if result.agree else "NOT the same cells"
    click.echo(
        f"{result.expectations} expectations, {len(result.failed)} failed cells; "
        f"the auditor's table-arithmetic findings: {len(result.findings)} ({agree}). "
        f"Data Docs: {out_dir / 'data_docs' / 'index.html'}"
    )
    sys.exit(1 if result.failed else 0)
