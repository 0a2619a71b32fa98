"""Rule definitions and vocabulary, loaded from the YAML files in ``rules/``.

Rules are data: a code, a severity, an engine name, a formula and messages.
Engines (``auditor.checks``) are code. A reviewer adds rules or vocabulary
with ``audit --rules extra.yaml`` without touching Python; every problem in
such a file is reported with the file, the line and what is wrong.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.errors import RuleFileError
from auditor.meaning.formula import Expr, FormulaError, parse_expression, parse_formula
from auditor.meaning.vocabulary import RoleVocabulary
from auditor.rulesets.yaml_lines import LINE_KEY, line_of, load_yaml

SEVERITIES = ("error", "warning", "info")
_RULE_KEYS = {
    "code", "name", "title", "title_en", "engine", "severity", "message", "explain", "formula",
    "alternatives", "bind", "same_units", "polarity", "columns", "when_table_has", "when_label",
    "limit", "needs", "params", LINE_KEY,
}  # fmt: skip
_CODE = re.compile(r"^[A-Z]{2,5}\d{3}$")


def rules_dir() -> Path:
    """Where the shipped rule files are: beside the package in a checkout,
    or under ``share/lakip-auditor/rules`` in an installed environment."""
    env = os.environ.get("LAKIP_RULES_DIR")
    candidates = [Path(env)] if env else []
    candidates += [
        Path(__file__).resolve().parents[2] / "rules",
        Path(sys.prefix) / "share" / "lakip-auditor" / "rules",
    ]
    for c in candidates:
        if (c / "vocabulary.yaml").is_file():
            return c
    raise RuleFileError("The rule files (rules/vocabulary.yaml) were not found; reinstall lakip-auditor.")


@dataclass
class Rule:
    code: str
    name: str
    title: dict[str, str]
    engine: str
    severity: str
    messages: dict[str, str]
    explain: str = ""
    output: str | None = None
    formula: Expr | None = None
    alternatives: list[Expr] = field(default_factory=list)
    bind: dict[str, list[str]] = field(default_factory=dict)
    same_units: list[str] = field(default_factory=list)
    polarity: str | None = None
    """For polarity rules: the indicator polarity whose formula misuse is reported."""
    params: dict[str, Any] = field(default_factory=dict)
    """Engine settings of the unit-sanity rules (columns, when_table_has, limit ...)."""
    source: str = ""

    def roles_for(self, name: str) -> list[str]:
        return self.bind.get(name, [name])

    def message(self, lang: str, **args: Any) -> str:
        template = self.messages.get(lang) or self.messages["id"]
        return template.format_map(_Default(args))


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass
class RuleSet:
    rules: list[Rule]
    vocabulary: RoleVocabulary

    def get(self, code: str) -> Rule | None:
        return next((r for r in self.rules if r.code == code), None)

    def selected(self, select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
        """Codes or prefixes, as ruff does: ``--select CAP --ignore CAP002``."""

        def hit(rule: Rule, pats: list[str]) -> bool:
            return any(rule.code.startswith(p.upper()) or rule.name == p for p in pats)

        out = [r for r in self.rules if not select or hit(r, select)]
        return [r for r in out if not ignore or not hit(r, ignore)]


def read_ruleset(extra: list[Path] | None = None, *, engines: Collection[str]) -> RuleSet:
    """The shipped rule files and ``extra`` ones; a rule must name one of ``engines``
    (the orchestrator passes the names of the engines it runs)."""
    base = rules_dir()
    files = [base / "vocabulary.yaml", *sorted(p for p in base.glob("*.yaml") if p.name != "vocabulary.yaml")]
    vocab = RoleVocabulary()
    rules: list[Rule] = []
    # Extra files come first so their patterns win; their rules are appended.
    for path in list(extra or []) + files:
        data = load_yaml(path)
        if data is None:
            continue
        if not isinstance(data, dict):
            raise RuleFileError(f"{path}:1: expected a mapping with 'rules', 'column_roles' or 'row_roles'.")
        unknown = set(data) - {"rules", "column_roles", "row_roles", "polarity", "status_words", LINE_KEY}
        if unknown:
            raise RuleFileError(
                f"{path}:{data.get(LINE_KEY, 1)}: unknown key(s) {', '.join(sorted(unknown))}; "
                "expected 'rules', 'column_roles', 'row_roles', 'polarity' or 'status_words'."
            )
        for key in ("rules", "column_roles"):
            if not isinstance(data.get(key) or [], list):
                raise RuleFileError(f"{path}:{data.get(LINE_KEY, 1)}: '{key}' must be a list of mappings.")
        _load_vocabulary(path, data, vocab)
        for entry in data.get("rules") or []:
            rule = _load_rule(path, entry, engines)
            if any(r.code == rule.code for r in rules):
                raise RuleFileError(f"{path}:{entry.get(LINE_KEY, 1)}: rule code {rule.code} is defined twice.")
            rules.append(rule)
    rules.sort(key=lambda r: r.code)
    return RuleSet(rules=rules, vocabulary=vocab)


def _compile(path: Path, line: int, pattern: Any) -> re.Pattern[str]:
    if not isinstance(pattern, str):
        raise RuleFileError(f"{path}:{line}: pattern {pattern!r} must be a string.")
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise RuleFileError(f"{path}:{line}: invalid pattern {pattern!r}: {exc}.") from None


def _load_vocabulary(path: Path, data: dict[str, Any], vocab: RoleVocabulary) -> None:
    for entry in data.get("column_roles") or []:
        line = entry.get(LINE_KEY, 1) if isinstance(entry, dict) else 1
        if not isinstance(entry, dict) or "role" not in entry or "patterns" not in entry:
            raise RuleFileError(f"{path}:{line}: each column role needs 'role' and 'patterns'.")
        unknown = set(entry) - {"role", "patterns", LINE_KEY}
        if unknown:
            raise RuleFileError(f"{path}:{line}: column role: unknown key(s) {', '.join(sorted(map(str, unknown)))}.")
        if not isinstance(entry["patterns"], list):
            raise RuleFileError(f"{path}:{line}: 'patterns' must be a list of strings.")
        for pat in entry["patterns"]:
            vocab.columns.append((str(entry["role"]), _compile(path, line, pat)))
    rows = data.get("row_roles") or {}
    if not isinstance(rows, dict):
        raise RuleFileError(f"{path}: 'row_roles' must map a role to a list of patterns.")
    for role, pats in rows.items():
        if role == LINE_KEY:
            continue
        line = rows.get(LINE_KEY, 1)
        if not isinstance(pats or [], list):
            raise RuleFileError(f"{path}:{line}: row role {role!r} must map to a list of patterns.")
        vocab.rows.setdefault(role, []).extend(_compile(path, line, p) for p in pats or [])
    polarity = data.get("polarity") or {}
    if not isinstance(polarity, dict) or set(polarity) - {"higher", "lower", LINE_KEY}:
        raise RuleFileError(f"{path}: 'polarity' must map 'higher' and/or 'lower' to lists of patterns.")
    for kind in ("higher", "lower"):
        line = polarity.get(LINE_KEY, 1)
        if not isinstance(polarity.get(kind) or [], list):
            raise RuleFileError(f"{path}:{line}: 'polarity: {kind}' must be a list of patterns.")
        vocab.polarity_patterns.setdefault(kind, []).extend(_compile(path, line, p) for p in polarity.get(kind) or [])
    _load_status_words(path, data, vocab)


def _load_status_words(path: Path, data: dict[str, Any], vocab: RoleVocabulary) -> None:
    """``status_words``: a list of patterns, each matched against a whole
    cell or line (a status word alone is a value, not a name or heading)."""
    words = data.get("status_words")
    if words is None:
        return
    line = line_of(words, data.get(LINE_KEY, 1))
    if not isinstance(words, list):
        raise RuleFileError(f"{path}:{line}: 'status_words' must be a list of patterns.")
    vocab.status.extend(_compile(path, line_of(w, line), w) for w in words)


def _load_rule(path: Path, entry: Any, engines: Collection[str]) -> Rule:
    if not isinstance(entry, dict):
        raise RuleFileError(f"{path}: each rule must be a mapping.")
    line = entry.get(LINE_KEY, 1)
    where = f"{path}:{line}"
    for key in ("code", "engine", "severity", "message"):
        if key not in entry:
            raise RuleFileError(f"{where}: rule is missing '{key}'.")
    code = str(entry["code"])
    unknown = set(entry) - _RULE_KEYS
    if unknown:
        raise RuleFileError(f"{where}: rule {code}: unknown key(s) {', '.join(sorted(map(str, unknown)))}.")
    if not _CODE.match(code):
        raise RuleFileError(f"{where}: rule code {code!r} must be 2-5 capitals and 3 digits, e.g. CAP001.")
    if entry["engine"] not in engines:
        raise RuleFileError(
            f"{where}: rule {code}: unknown engine {entry['engine']!r}; use one of {', '.join(sorted(engines))}."
        )
    if entry["severity"] not in SEVERITIES:
        raise RuleFileError(f"{where}: rule {code}: severity must be one of {', '.join(SEVERITIES)}.")
    messages = entry["message"]
    if isinstance(messages, str):
        messages = {"id": messages}
    if not isinstance(messages, dict) or "id" not in messages:
        raise RuleFileError(f"{where}: rule {code}: 'message' needs at least an 'id' (Bahasa Indonesia) text.")
    rule = Rule(
        code=code,
        name=str(entry.get("name", code.lower())),
        title={"id": str(entry.get("title", code)), "en": str(entry.get("title_en", entry.get("title", code)))},
        engine=entry["engine"],
        severity=entry["severity"],
        messages={k: str(v) for k, v in messages.items() if k != LINE_KEY},
        explain=str(entry.get("explain", "")).strip(),
        source=str(path),
    )
    bind = entry.get("bind") or {}
    rule.bind = {k: [str(x) for x in (v if isinstance(v, list) else [v])] for k, v in bind.items() if k != LINE_KEY}
    rule.same_units = [str(x) for x in entry.get("same_units") or []]
    rule.params = {k: entry[k] for k in ("columns", "when_table_has", "when_label", "limit", "needs") if k in entry}
    extra = entry.get("params") or {}
    if not isinstance(extra, dict):
        raise RuleFileError(f"{where}: rule {code}: 'params' must be a mapping.")
    rule.params.update({k: v for k, v in extra.items() if k != LINE_KEY})
    if "when_label" in rule.params:
        rule.params["when_label"] = _compile(path, line, rule.params["when_label"])
    if rule.engine == "polarity":
        if entry.get("polarity") not in ("higher", "lower"):
            raise RuleFileError(f"{where}: rule {code}: a polarity rule needs 'polarity: higher' or 'polarity: lower'.")
        rule.polarity = entry["polarity"]
    if rule.engine in ("row-formula", "polarity") or "formula" in entry:
        if "formula" not in entry:
            raise RuleFileError(f"{where}: rule {code}: a row-formula rule needs 'formula: name = expression'.")
        try:
            rule.output, rule.formula = parse_formula(str(entry["formula"]))
            rule.alternatives = [parse_expression(str(a)) for a in entry.get("alternatives") or []]
        except FormulaError as exc:
            raise RuleFileError(f"{where}: rule {code}: {exc}.") from None
    return rule
