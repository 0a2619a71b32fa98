"""Errors that end an audit with one clear sentence instead of a traceback."""

from __future__ import annotations


class InputError(Exception):
    """The input cannot be audited (not a PDF, encrypted, no text layer ...).

    The message is one sentence for the user; the CLI prints it on stderr and
    exits with ``exit_code``.
    """

    exit_code = 2

    def __init__(self, message: str, *, kind: str = "unreadable") -> None:
        super().__init__(message)
        self.kind = kind


class RuleFileError(Exception):
    """A rule or vocabulary file is malformed; the message names file and line."""

    exit_code = 2
