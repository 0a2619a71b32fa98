"""The ``audit`` command.

``audit REPORT`` is the main job (the ``check`` subcommand); ``audit rules``
lists the rules and ``audit explain CODE`` documents one. Exit codes: 0 no
finding at or above --fail-on, 1 some, 2 usage error or unreadable input,
3 an internal error (a bug: please report it).
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Any

import click

from auditor import __version__
from auditor.batch.command import batch
from auditor.cli_options import lang_option, rules_option, selection_options
from auditor.cli_reading import ReadOptions, read_options, reading_options
from auditor.errors import InputError, RuleFileError
from auditor.findings.records import SEVERITY_ORDER
from auditor.gx.command import gx_command
from auditor.readers.limits import DEFAULT_LIMITS, READERS, ReadLimits

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class AuditGroup(click.Group):
    """A group whose default command is ``check``: ``audit report.pdf`` works."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


@click.group(cls=AuditGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lakip-auditor")
def main() -> None:
    """Audit an Indonesian government performance report (LAKIP / LKjIP).

    \b
      audit REPORT.pdf                 findings, grouped by page
      audit REPORT.pdf --format json   machine-readable output
      audit rules                      every rule with its code
      audit explain CAP001             what a rule checks, with an example
      audit engines                    every engine a rule can name

    Run `audit check --help` for all options of the main job.
    """


reader_option = click.option(
    "--reader",
    type=click.Choice(READERS),
    default=DEFAULT_LIMITS.reader,
    show_default=True,
    help="Library that reads a PDF's characters and rules (the tables are meant to be the same).",
)
"""``--reader`` of ``audit check`` and ``audit tables``: inspect the tables as the audit read them."""


@main.command()
@click.argument("reports", nargs=-1, required=True, type=click.Path(dir_okay=True, path_type=Path))
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(["text", "json", "markdown", "csv", "sarif", "xlsx", "junit", "github", "html"]),
    help="Output format (repeatable, one per -o; default text): markdown, csv, xlsx, html for reviewers; "
    "sarif, junit, github for CI.",
)
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report of the --format in the same position to this file (repeatable).",
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write every --format into this folder, each file named after its report.",
)
@click.option(
    "--annotate",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the PDF with every finding's cells highlighted and the message as a note.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress on standard error.")
@lang_option
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    help="Exit 1 when a finding of this severity or above remains (default error).",
)
@click.option(
    "--min-confidence",
    type=click.Choice(["low", "medium", "high"]),
    default="low",
    show_default=True,
    help="Report only findings this sure of the table they read (high: ruled tables and text exports).",
)
@selection_options
@rules_option
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Accepted findings (JSON from --write-baseline): these are not reported.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write all current findings as accepted to this file.",
)
@click.option("--statistics", is_flag=True, help="Also print the number of findings per rule (on stderr).")
@click.option(
    "--max-pages", type=click.IntRange(min=1), default=2000, show_default=True, help="Refuse a PDF with more pages."
)
@click.option(
    "--page-timeout",
    type=click.FloatRange(min=0),
    default=10.0,
    show_default=True,
    help="CPU seconds to read one PDF page; a slower page is skipped with a warning (0: no limit).",
)
@click.option(
    "--max-memory",
    type=click.IntRange(min=0),
    default=1024,
    show_default=True,
    help="MB of memory one PDF page may take; a page needing more is skipped with a warning (0: no limit).",
)
@click.option(
    "--max-objects",
    type=click.IntRange(min=0),
    default=DEFAULT_LIMITS.max_objects,
    show_default=True,
    help="Characters, rectangles, lines and curves one PDF page may hold; a page with more is skipped with a warning (0: no limit).",
)
@reading_options
@reader_option
@click.option("--debug", is_flag=True, help="Show a traceback for internal errors.")
def check(
    reports: tuple[Path, ...],
    formats: tuple[str, ...],
    outputs: tuple[Path, ...],
    output_dir: Path | None,
    annotate: Path | None,
    quiet: bool,
    lang: str,
    fail_on: str | None,
    min_confidence: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extra_rules: tuple[Path, ...],
    baseline: Path | None,
    write_baseline: Path | None,
    statistics: bool,
    max_pages: int,
    page_timeout: float,
    max_memory: int,
    max_objects: int,
    reader: str,
    debug: bool,
    **reading: Any,
) -> None:
    """Audit each REPORT (a PDF, or a text export of one) and report its
    inconsistencies; the exit code is the worst of all reports."""
    tolerate_encoding(sys.stderr)
    from auditor.progress import Progress
    from auditor.settings import Settings

    flags = Settings(
        select=_split(select), ignore=_split(ignore), fail_on=fail_on, rules=list(extra_rules), baseline=baseline
    )
    limits = ReadLimits(
        max_pages=max_pages, page_seconds=page_timeout, memory_mb=max_memory, max_objects=max_objects, reader=reader
    )
    progress = Progress(lang, quiet)
    codes = [
        _guarded(
            debug, _run_report, report, len(reports) > 1, list(formats), list(outputs), output_dir, annotate, lang,
            flags, write_baseline, statistics, limits, progress, read_options(**reading), min_confidence,
        )
        for report in reports
    ]  # fmt: skip
    sys.exit(max(codes))


def _guarded(debug: bool, run: Any, *args: Any) -> int:
    """``run(*args)``'s exit code, with every failure turned into its exit code."""
    try:
        code = run(*args)
    except BrokenPipeError:
        # the reader of our output (head, less) went away: not an error of ours
        sys.stderr.close()
        code = EXIT_OK
    except (InputError, RuleFileError) as exc:
        click.echo(f"audit: {exc}", err=True)
        code = EXIT_USAGE
    except Exception as exc:
        if debug:
            raise
        click.echo(f"audit: internal error ({type(exc).__name__}: {exc}); rerun with --debug and report it.", err=True)
        code = EXIT_INTERNAL
    return code


def _run_report(
    report: Path,
    several: bool,
    formats: list[str],
    outputs: list[Path],
    output_dir: Path | None,
    annotate: Path | None,
    lang: str,
    flags: Any,
    write_baseline: Path | None,
    statistics: bool,
    limits: ReadLimits,
    progress: Any,
    reading: ReadOptions,
    min_confidence: str = "low",
) -> int:
    """One report of the call: its settings merged under the flags, every target written."""
    from auditor.reporters.targets import plan
    from auditor.settings import find_settings

    found = find_settings(report)
    targets = [(t.fmt, t.file_for(report, several)) for t in plan(formats, outputs, output_dir, lang)]
    if several:  # one file per report, named after it
        annotate, write_baseline = (_per_report(p, report) for p in (annotate, write_baseline))
    if annotate is not None:
        check_output(annotate, "xlsx", lang)
    return _run_check(
        report,
        targets,
        lang,
        flags.fail_on or found.fail_on or "error",
        flags.select or found.select,
        flags.ignore or found.ignore,
        flags.rules or found.rules,
        flags.baseline or found.baseline,
        write_baseline,
        statistics,
        limits,
        annotate=annotate,
        progress=progress,
        reading=reading,
        min_confidence=min_confidence,
    )


def _per_report(path: Path | None, report: Path) -> Path | None:
    return path.with_name(f"{path.stem}-{report.stem}{path.suffix}") if path else None


def _run_check(
    report: Path,
    targets: list[tuple[str, Path | None]],
    lang: str,
    fail_on: str,
    select: list[str],
    ignore: list[str],
    extra_rules: list[Path],
    baseline: Path | None,
    write_baseline: Path | None,
    statistics: bool = False,
    limits: ReadLimits | None = None,
    *,
    annotate: Path | None = None,
    progress: Any = None,
    reading: ReadOptions | None = None,
    min_confidence: str = "low",
) -> int:
    from auditor.audit import audit_document, load_ruleset
    from auditor.findings.baseline import apply_baseline, load_baseline
    from auditor.findings.baseline import write_baseline as save_baseline
    from auditor.findings.confidence import at_least
    from auditor.findings.result import AuditResult
    from auditor.readers import read_document
    from auditor.reporters import BINARY_REPORTERS, REPORTERS

    for fmt, output in targets:
        check_output(output, fmt, lang)
    ruleset = load_ruleset(extra_rules)
    unknown = [
        p for p in select + ignore if not any(r.code.startswith(p.upper()) or r.name == p for r in ruleset.rules)
    ]
    if unknown:
        raise InputError(f"Unknown rule code or prefix: {', '.join(unknown)} (see `audit rules`).", kind="usage")
    rules = ruleset.selected(select, ignore)
    accepted = load_baseline(baseline) if baseline else set()
    if progress:
        progress.say("reading", path=report)
    reading = reading or ReadOptions()
    doc = read_document(report, limits or ReadLimits(), ocr=reading.ocr, password=reading.password)
    if progress:
        progress.say("read", pages=doc.page_count or 0, tables=len(doc.tables))
    if annotate is not None and doc.kind != "pdf":
        raise InputError(ANNOTATE_NEEDS_PDF.get(lang, ANNOTATE_NEEDS_PDF["id"]).format(path=report), kind="usage")
    findings = at_least(audit_document(doc, ruleset, rules, lang), min_confidence)
    if progress:
        progress.say("checked", tables=len(doc.tables), findings=len(findings))
    if write_baseline:
        save_baseline(write_baseline, findings)
    findings, n_accepted = apply_baseline(findings, accepted)
    result = AuditResult(
        document=doc, findings=findings, lang=lang, baselined=n_accepted, warnings=doc.warnings, rules=rules
    )
    for fmt, output in targets:
        if fmt in BINARY_REPORTERS and output:
            with _open_output(output, "wb", lang) as fh:
                BINARY_REPORTERS[fmt](result, fh)
        elif output:
            with _open_output(output, "w", lang) as fh:
                REPORTERS[fmt](result, fh)
        else:
            tolerate_encoding(sys.stdout, EXACT_ESCAPES.get(fmt, "replace"))
            REPORTERS[fmt](result, sys.stdout)
    if annotate is not None:
        from auditor.reporters.annotate_pdf import annotate as write_annotated

        with _open_output(annotate, "wb", lang) as fh:
            write_annotated(result, Path(report), fh)
    if statistics:
        from auditor.reporters.statistics import statistics as per_rule

        click.echo(per_rule(result), err=True)
    if fail_on == "never":
        return EXIT_OK
    threshold = SEVERITY_ORDER[fail_on]
    return EXIT_FINDINGS if any(SEVERITY_ORDER[f.severity] >= threshold for f in findings) else EXIT_OK


ANNOTATE_NEEDS_PDF = {
    "id": "--annotate memerlukan PDF; {path} adalah ekspor teks.",
    "en": "--annotate needs a PDF; {path} is a text export.",
}

OUTPUT_ERRORS = {
    "id": {
        "binary": "Format {fmt} menulis berkas biner: beri nama berkas dengan -o (mis. -o kkr.{fmt}).",
        "no_dir": "Folder untuk berkas keluaran {path} tidak ada; buat dulu foldernya atau pilih path lain.",
        "no_write": "Berkas keluaran {path} tidak dapat ditulis ({reason}).",
    },
    "en": {
        "binary": "The {fmt} format writes a binary file: name it with -o (e.g. -o kkr.{fmt}).",
        "no_dir": "The folder of the output file {path} does not exist; create it first or choose another path.",
        "no_write": "The output file {path} cannot be written ({reason}).",
    },
}


def check_output(output: Path | None, fmt: str, lang: str) -> None:
    """Refuse an output that cannot be written before the audit runs, not after.

    A missing folder is a typo far more often than a wish for a new tree, so
    it is a usage error rather than something created silently.
    """
    from auditor.reporters import BINARY_REPORTERS

    words = OUTPUT_ERRORS.get(lang, OUTPUT_ERRORS["id"])
    if output is None:
        if fmt in BINARY_REPORTERS:
            raise InputError(words["binary"].format(fmt=fmt), kind="usage")
        return
    if not output.parent.is_dir():
        raise InputError(words["no_dir"].format(path=output), kind="usage")


def _open_output(output: Path, mode: str, lang: str) -> Any:
    """``output`` opened for writing (UTF-8 for text), or a one-sentence usage
    error when the system refuses (read-only folder, a folder by that name)."""
    try:
        if "b" in mode:
            return output.open(mode)
        return output.open(mode, encoding="utf-8", newline="")
    except OSError as exc:
        words = OUTPUT_ERRORS.get(lang, OUTPUT_ERRORS["id"])
        raise InputError(words["no_write"].format(path=output, reason=exc.strerror or exc), kind="usage") from exc


EXACT_ESCAPES = {"json": "backslashreplace", "sarif": "backslashreplace", "junit": "xmlcharrefreplace"}
"""How a machine format writes a character the output encoding lacks: as an
escape its parser reads back exactly ("\\u2026" in JSON, "&#8230;" in XML).
Formats read by people get "?" instead, which keeps tables aligned."""


def tolerate_encoding(stream: Any, errors: str = "replace") -> None:
    """Let ``stream`` replace what its encoding cannot hold instead of failing:
    ``PYTHONIOENCODING=ascii audit ...`` still prints every finding."""
    import contextlib

    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        # a stream that cannot be reconfigured keeps its own policy
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors=errors)


@main.command("tables")
@click.argument("report", type=click.Path(dir_okay=True, path_type=Path))
@click.option("--page", type=int, help="Only tables on this page.")
@click.option("--table", "table_id", help="Only this table (e.g. T5).")
@click.option(
    "--images",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also write one PNG per page with the cells the auditor read drawn on it (PDF only).",
)
@rules_option
@reader_option
def show_tables(
    report: Path,
    page: int | None,
    table_id: str | None,
    images: Path | None,
    extra_rules: tuple[Path, ...],
    reader: str,
) -> None:
    """Show the tables as the auditor reads them: header tree, column roles and
    number conventions, joins over pages with their evidence, row kinds and parents.

    Use it to tell an extraction fault from a fault in the report.
    """
    from auditor.audit import load_ruleset
    from auditor.meaning.table_dump import table_dump
    from auditor.readers import read_document

    try:
        doc = read_document(report, dataclasses.replace(DEFAULT_LIMITS, reader=reader))
        ruleset = load_ruleset(list(extra_rules))
    except (InputError, RuleFileError) as exc:
        click.echo(f"audit: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    chosen = [
        t
        for t in doc.tables
        if (page is None or page in (t.pages or [t.page])) and (table_id is None or t.id == table_id)
    ]
    for table in chosen:
        click.echo(table_dump(table, ruleset.vocabulary))
    if images is not None:
        if doc.kind != "pdf":
            click.echo("audit: --images needs a PDF.", err=True)
            sys.exit(EXIT_USAGE)
        from auditor.meaning.table_dump import image_marks
        from auditor.readers.debug_images import draw_tables

        marks = [m for t in chosen for m in image_marks(t, ruleset.vocabulary)]
        for path in draw_tables(report, chosen, images, marks=marks):
            click.echo(f"wrote {path}")


main.add_command(batch)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@lang_option
@rules_option
def list_rules(fmt: str, lang: str, extra_rules: tuple[Path, ...]) -> None:
    """List every rule: code, severity, name and title."""
    from auditor.rulesets.docs import rules_json, rules_markdown, rules_table

    ruleset = _load_or_exit(extra_rules)
    render = {"text": rules_table, "json": rules_json, "markdown": rules_markdown}[fmt]
    click.echo(render(ruleset.rules, lang))


@main.command("engines")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
def list_engines(fmt: str) -> None:
    """List every engine a rule can name: scope, settings and what it checks."""
    from auditor.checks.engine_docs import engines_markdown, engines_table
    from auditor.checks.registry import ENGINES

    click.echo((engines_markdown if fmt == "markdown" else engines_table)(ENGINES))


@main.command()
@click.argument("code")
@lang_option
@rules_option
def explain(code: str, lang: str, extra_rules: tuple[Path, ...]) -> None:
    """Print the documentation of rule CODE."""
    from auditor.rulesets.docs import rule_markdown

    ruleset = _load_or_exit(extra_rules)
    rule = ruleset.get(code.upper())
    if rule is None:
        click.echo(f"audit: unknown rule {code!r}; `audit rules` lists them.", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(rule_markdown(rule, lang))


def _load_or_exit(extra_rules: tuple[Path, ...]) -> Any:
    from auditor.audit import load_ruleset

    try:
        return load_ruleset(list(extra_rules))
    except RuleFileError as exc:
        click.echo(f"audit: {exc}", err=True)
        sys.exit(EXIT_USAGE)


main.add_command(gx_command)
