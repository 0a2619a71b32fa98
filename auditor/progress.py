"""Progress on standard error while a long report is read and checked.

Only on a terminal: a CI log or a redirected stderr stays free of it, so a
pipeline that reads stderr for errors never sees progress lines.
"""

from __future__ import annotations

import sys
from typing import TextIO

WORDS = {
    "id": {
        "reading": "membaca {path} ...",
        "read": "{pages} halaman dibaca, {tables} tabel ditemukan",
        "checked": "{tables} tabel diperiksa, {findings} temuan",
    },
    "en": {
        "reading": "reading {path} ...",
        "read": "{pages} pages read, {tables} tables found",
        "checked": "{tables} tables checked, {findings} findings",
    },
}


class Progress:
    def __init__(self, lang: str, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.words = WORDS.get(lang, WORDS["id"])
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = not quiet and bool(isatty and isatty())

    def say(self, key: str, **values: object) -> None:
        if self.enabled:
            self.stream.write("audit: " + self.words[key].format(**values) + "\n")
            self.stream.flush()
