"""Project settings for ``audit``: ``[tool.audit]`` in ``pyproject.toml`` or
``[audit]`` in ``setup.cfg``, so that a repository of reports states its
rule selection, gate and baseline once instead of in every CI step.

The file is looked for beside the report and in the folders above it, then
from the working directory upward; the first file holding the section wins.
Paths in it (rules, baseline) are relative to the file. Flags override it.
"""

from __future__ import annotations

import configparser
from dataclasses import dataclass, field
from pathlib import Path

from auditor.errors import InputError

KEYS = ("select", "ignore", "fail-on", "rules", "baseline")
FAIL_ON = ("error", "warning", "info", "never")


@dataclass(frozen=True)
class Settings:
    source: Path | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str | None = None
    rules: list[Path] = field(default_factory=list)
    baseline: Path | None = None


def _folders(report: Path) -> list[Path]:
    start = report.resolve().parent
    cwd = Path.cwd().resolve()
    return list(dict.fromkeys([start, *start.parents, cwd, *cwd.parents]))


def _from_pyproject(path: Path) -> dict[str, object] | None:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: setup.cfg still works
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: {exc}", kind="usage") from exc
    section = data.get("tool", {}).get("audit")
    return section if isinstance(section, dict) else None


def _from_setup_cfg(path: Path) -> dict[str, object] | None:
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: {exc}", kind="usage") from exc
    return dict(parser["audit"]) if parser.has_section("audit") else None


def _listed(value: object, key: str, source: Path) -> list[str]:
    """A list from TOML (``["CAP", "SUM"]``) or from a comma/newline separated string."""
    if isinstance(value, str):
        return [v.strip() for v in value.replace("\n", ",").split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    raise InputError(f"{source}: [audit] {key} must be a list of strings.", kind="usage")


def _parse(raw: dict[str, object], source: Path) -> Settings:
    unknown = sorted(k for k in raw if k.replace("_", "-") not in KEYS)
    if unknown:
        raise InputError(f"{source}: unknown [audit] key(s) {', '.join(unknown)}; use {', '.join(KEYS)}.", kind="usage")
    values = {k.replace("_", "-"): v for k, v in raw.items()}
    fail_on = values.get("fail-on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise InputError(f"{source}: [audit] fail-on must be one of {', '.join(FAIL_ON)}.", kind="usage")
    base = source.parent
    baseline = values.get("baseline")
    if baseline is not None and not isinstance(baseline, str):
        raise InputError(f"{source}: [audit] baseline must be a path.", kind="usage")
    return Settings(
        source=source,
        select=_listed(values.get("select", []), "select", source),
        ignore=_listed(values.get("ignore", []), "ignore", source),
        fail_on=str(fail_on) if fail_on else None,
        rules=[base / p for p in _listed(values.get("rules", []), "rules", source)],
        baseline=base / baseline if baseline else None,
    )


def find_settings(report: Path) -> Settings:
    """The settings that apply to ``report`` (empty when no file has them)."""
    for folder in _folders(report):
        for name, read in (("pyproject.toml", _from_pyproject), ("setup.cfg", _from_setup_cfg)):
            path = folder / name
            if path.is_file():
                raw = read(path)
                if raw is not None:
                    return _parse(raw, path)
    return Settings()
