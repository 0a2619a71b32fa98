"""Command-line options that several ``audit`` commands take, declared once.

``audit check``, ``audit batch``, ``audit rules``, ``audit explain`` and
``audit tables`` must spell, default and document ``--lang``, ``--rules``,
``--select`` and ``--ignore`` the same way; a copy per command drifts (one
had help text, the others none). The module imports nothing of the project,
so that commands of every stage (the batch orchestrator, the command line)
can use it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

lang_option = click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default="id",
    show_default=True,
    help="Language of messages: Bahasa Indonesia or English.",
)

rules_option = click.option(
    "--rules",
    "extra_rules",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An extra rule/vocabulary YAML file (repeatable).",
)


def selection_options(command: F) -> F:
    """Add ``--select`` and ``--ignore`` (rule codes or prefixes, repeatable, comma-separated)."""
    command = click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes.")(command)
    return click.option("--select", multiple=True, help="Only these rule codes or prefixes (e.g. CAP,SUM001).")(command)
