"""Results of earlier batch runs in an SQLite file, so a rerun skips finished documents.

A result is reused only when the document's bytes (sha256), the tool version
and the audit options are all the same, and its output file is still there:
anything else could have changed the findings.
"""

from __future__ import annotations

import sqlite3
from dataclasses import astuple, dataclass, fields
from pathlib import Path

FINISHED = ("ok", "findings")
"""Statuses whose output is complete; the others (unreadable, timeout,
failed) are retried on a rerun, since their cause may have been fixed."""


@dataclass(frozen=True)
class Outcome:
    """One document's batch result: what the summary lists and the store keeps."""

    document: str
    sha256: str
    status: str
    pages: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    seconds: float = 0.0
    output: str = ""
    message: str = ""

    def as_row(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


_COLUMNS = ", ".join(f.name for f in fields(Outcome))
_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    document TEXT, sha256 TEXT, status TEXT, pages INTEGER, errors INTEGER,
    warnings INTEGER, infos INTEGER, seconds REAL, output TEXT, message TEXT,
    version TEXT, options TEXT,
    PRIMARY KEY (sha256, version, options, document)
)
"""


class ResultStore:
    """The ``results.sqlite`` of a batch output folder."""

    def __init__(self, path: Path, version: str, options: str) -> None:
        self.version = version
        self.options = options
        self._db = sqlite3.connect(path)
        self._db.execute(_SCHEMA)

    def finished(self, document: str, sha256: str) -> Outcome | None:
        """The stored outcome of this document, when it can stand for a new run."""
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM results WHERE sha256=? AND version=? AND options=? AND document=?",
            (sha256, self.version, self.options, document),
        ).fetchone()
        if row is None:
            return None
        outcome = Outcome(*row)
        if outcome.status not in FINISHED or not Path(outcome.output).is_file():
            return None
        return outcome

    def save(self, outcome: Outcome) -> None:
        self._db.execute(
            f"INSERT OR REPLACE INTO results ({_COLUMNS}, version, options) VALUES ({', '.join('?' * 12)})",
            (*astuple(outcome), self.version, self.options),
        )
        self._db.commit()

    def close(self) -> None:
        self._db.close()
