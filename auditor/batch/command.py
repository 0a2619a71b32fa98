"""``audit batch``: audit every report of a folder or glob, resumably."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import click

from auditor import __version__
from auditor.batch.inputs import expand
from auditor.batch.job import Job
from auditor.batch.schedule import run_all
from auditor.batch.store import Outcome, ResultStore
from auditor.batch.summary import status_line, write_summary
from auditor.cli_options import lang_option, rules_option, selection_options
from auditor.errors import InputError
from auditor.readers.workers import usable_cores


@click.command("batch")
@click.argument("reports", nargs=-1, required=True)
@click.option(
    "-o",
    "--output-dir",
    "outdir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the per-document JSON, summary.csv, summary.json and results.sqlite.",
)
@click.option("--workers", "-j", type=int, default=0, help="Documents audited at once (default: the cores).")
@click.option("--scheduler", help="Run on Dask distributed: 'local' for a cluster here, or tcp://HOST:PORT.")
@click.option("--timeout", type=float, default=600.0, show_default=True, help="Seconds allowed per document.")
@lang_option
@selection_options
@rules_option
@click.option("--quiet", "-q", is_flag=True, help="No progress lines on stderr.")
def batch(reports: tuple[str, ...], outdir: Path, workers: int, scheduler: str | None, timeout: float, lang: str,
          select: tuple[str, ...], ignore: tuple[str, ...], extra_rules: tuple[Path, ...], quiet: bool) -> None:  # fmt: skip
    """Audit every report in REPORTS (folders, globs or files) into OUTPUT_DIR.

    Documents whose bytes, tool version and options already have a result
    there are not audited again. A document that cannot be read, fails or
    passes the time limit is listed in the summary and the batch goes on.
    Exit 1 when a document has errors or could not be audited.
    """
    try:
        documents = expand(reports)
        outdir.mkdir(parents=True, exist_ok=True)
    except (InputError, OSError) as exc:
        click.echo(f"audit: {exc}", err=True)
        sys.exit(2)
    options = _options(lang, select, ignore, extra_rules)
    outcomes = _run(documents, outdir, options, extra_rules, workers or usable_cores(), scheduler, timeout, quiet)
    write_summary(outdir, outcomes)
    sys.exit(0 if all(o.status == "ok" for o in outcomes) else 1)


def _options(lang: str, select: tuple[str, ...], ignore: tuple[str, ...], rules: tuple[Path, ...]) -> tuple[str, ...]:
    options = ["--lang", lang]
    options += [arg for code in select for arg in ("--select", code)]
    options += [arg for code in ignore for arg in ("--ignore", code)]
    options += [arg for path in rules for arg in ("--rules", str(path.resolve()))]
    return tuple(options)


def _run(documents: list[Path], outdir: Path, options: tuple[str, ...], extra_rules: tuple[Path, ...],
         workers: int, scheduler: str | None, timeout: float, quiet: bool) -> list[Outcome]:  # fmt: skip
    store = ResultStore(outdir / "results.sqlite", __version__, _options_key(options, extra_rules))
    try:
        outcomes: list[Outcome] = []
        jobs: list[Job] = []
        for document, output in zip(documents, _output_names(documents, outdir), strict=True):
            sha = _sha256(document)
            stored = store.finished(str(document), sha)
            if stored is not None:
                outcomes.append(stored)
                _progress(quiet, status_line(stored, len(outcomes), len(documents), reused=True))
            else:
                jobs.append(Job(str(document), sha, str(output), options, timeout))
        for outcome in run_all(jobs, min(workers, len(jobs)) or 1, scheduler):
            store.save(outcome)
            outcomes.append(outcome)
            _progress(quiet, status_line(outcome, len(outcomes), len(documents)))
        return outcomes
    finally:
        store.close()


def _output_names(documents: list[Path], outdir: Path) -> list[Path]:
    """``NAME.json`` per document; documents of the same name get their hash's start too."""
    stems = [d.stem for d in documents]
    return [
        outdir / (f"{d.stem}-{_sha256(d)[:8]}.json" if stems.count(d.stem) > 1 else f"{d.stem}.json") for d in documents
    ]


def _options_key(options: tuple[str, ...], extra_rules: tuple[Path, ...]) -> str:
    """The options and the bytes of the extra rule files: what else decides the findings."""
    digest = hashlib.sha256("\0".join(options).encode())
    for path in extra_rules:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _progress(quiet: bool, line: str) -> None:
    if not quiet:
        click.echo(line, err=True)
