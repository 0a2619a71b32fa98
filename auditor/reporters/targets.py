"""Where one run writes its reports: each ``--format`` with its ``-o`` file
(in the order given), or every format into ``--output-dir``, and one format
at most on standard output.

With several reports in one call, a named file gets the report's name
(``-o kkr.xlsx`` writes ``kkr-laporan2022.xlsx``) so that no report
overwrites another; ``--output-dir`` names every file after its report.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from auditor.errors import InputError

EXTENSIONS = {
    "text": "txt", "json": "json", "markdown": "md", "csv": "csv", "sarif": "sarif",
    "xlsx": "xlsx", "junit": "xml", "github": "txt", "html": "html",
}  # fmt: skip

MESSAGES = {
    "id": {
        "too_many": "Ada {n} berkas -o untuk {m} format; beri satu --format untuk setiap -o.",
        "stdout": "Hanya satu format dapat ditulis ke layar; beri -o untuk format {fmts} atau pakai --output-dir.",
        "both": "Pakai -o atau --output-dir, tidak keduanya.",
        "same": "Format {a} dan {b} ditulis ke berkas yang sama ({path}) di {dir}; beri -o untuk salah satunya.",
    },
    "en": {
        "too_many": "There are {n} -o files for {m} formats; give one --format for each -o.",
        "stdout": "Only one format can go to standard output; give -o for {fmts} or use --output-dir.",
        "both": "Use -o or --output-dir, not both.",
        "same": "Formats {a} and {b} would both write {path} in {dir}; give -o for one of them.",
    },
}


@dataclass(frozen=True)
class Target:
    fmt: str
    path: Path | None
    """None: standard output."""
    in_dir: bool = False
    """The path is a folder: the file is named after the report."""

    def file_for(self, report: Path, several: bool) -> Path | None:
        """The file this target writes for ``report`` (None: standard output)."""
        if self.path is None:
            return None
        if self.in_dir:
            return self.path / f"{report.stem}.{EXTENSIONS[self.fmt]}"
        if several:
            return self.path.with_name(f"{self.path.stem}-{report.stem}{self.path.suffix}")
        return self.path


def plan(formats: list[str], outputs: list[Path], output_dir: Path | None, lang: str) -> list[Target]:
    """The targets of one run, or a usage error naming what does not fit."""
    words = MESSAGES.get(lang, MESSAGES["id"])
    formats = formats or ["text"]
    if output_dir is not None:
        if outputs:
            raise InputError(words["both"], kind="usage")
        return _in_dir(formats, output_dir, words)
    if len(outputs) > len(formats):
        raise InputError(words["too_many"].format(n=len(outputs), m=len(formats)), kind="usage")
    targets = [Target(fmt, outputs[i] if i < len(outputs) else None) for i, fmt in enumerate(formats)]
    to_stdout = [t.fmt for t in targets if t.path is None]
    if len(to_stdout) > 1:
        raise InputError(words["stdout"].format(fmts=", ".join(to_stdout)), kind="usage")
    return targets


def _in_dir(formats: list[str], folder: Path, words: dict[str, str]) -> list[Target]:
    seen: dict[str, str] = {}
    for fmt in formats:
        ext = EXTENSIONS[fmt]
        if ext in seen and seen[ext] != fmt:
            raise InputError(words["same"].format(a=seen[ext], b=fmt, path=f"*.{ext}", dir=folder), kind="usage")
        seen[ext] = fmt
    return [Target(fmt, folder, in_dir=True) for fmt in dict.fromkeys(formats)]
