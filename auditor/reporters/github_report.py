"""GitHub Actions workflow commands: one annotation line per finding.

``::error file=PATH,line=N,title=CODE::message`` makes the finding appear on
the workflow run (and on the file in a pull request). A PDF has no lines, so
its annotations carry no ``line`` and the message starts with the page and
cell instead. Values are escaped as the runner expects (``%``, line breaks,
and in properties ``:`` and ``,``), or a message with a comma would end early.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from auditor.findings.records import Finding
from auditor.findings.result import AuditResult
from auditor.meaning.layout import Layout
from auditor.reporters.labels import describe_location, labels

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workspace_path(path: str) -> str:
    """The path as Actions resolves it: relative to the workspace (the working
    directory) when inside it, else as given."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path


def annotation(f: Finding, file: str, lang: str, layout: Layout | None = None) -> str:
    loc = f.locations[0] if f.locations else None
    props = [f"file={escape_property(file)}"]
    if loc is not None and loc.line is not None:
        props.append(f"line={loc.line}")
    props.append(f"title={escape_property(f.rule)}")
    message = f.message
    if loc is not None and loc.line is None:
        where = describe_location(loc, lang, layout=layout)
        message = f"{where}: {message}" if where else message
    lab = labels(lang)
    if f.printed is not None and f.expected is not None:
        message += f" ({lab['printed']}: {f.printed}; {lab['expected']}: {f.expected})"
    return f"::{COMMANDS[f.severity]} {','.join(props)}::{escape_data(message)}"


def report(result: AuditResult, out: TextIO) -> None:
    file = workspace_path(result.document.path)
    for f in result.findings:
        out.write(annotation(f, file, result.lang, result.layout) + "\n")
