"""One read and one audit per document and options, for the whole test session.

Reading a corpus PDF takes seconds (the largest about fifteen) and many test
modules look at the same few reports, so each is read once per session and
every test gets the same objects. The key is everything the result depends
on: the resolved path, the file's sha256 (an edited or replaced file is read
again), the read options (limits, OCR settings, password) and, for an audit,
the rule codes and the language.

Under pytest-xdist each worker is its own process; there a read or audit
is also kept as a pickle in the run's shared folder (``LAKIP_TEST_CACHE``,
made and removed by conftest.py), under a file lock, so the second worker
to want a report waits for the first one's read instead of repeating it.

The returned objects are shared: a test must not change them. An audit
appends to ``Document.warnings``, so audits run on a private deep copy of
the cached read, and the document an audit returns is that copy.
"""

from __future__ import annotations

import copy
import fcntl
import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from auditor.audit import audit_document, load_ruleset
from auditor.findings.result import AuditResult
from auditor.model import Document
from auditor.readers import read_document
from auditor.readers.limits import DEFAULT_LIMITS, ReadLimits
from auditor.readers.ocr.settings import DEFAULT_OCR, OcrSettings
from auditor.rulesets.loader import Rule, RuleSet

_READS: dict[tuple[Any, ...], Document] = {}
_AUDITS: dict[tuple[Any, ...], AuditResult] = {}
SHARED_DIR_VARIABLE = "LAKIP_TEST_CACHE"
"""Environment variable naming the folder the xdist workers of one run share."""

T = TypeVar("T")


def _shared(key: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """``compute()``, or what another worker of this run computed for ``key``."""
    folder = os.environ.get(SHARED_DIR_VARIABLE)
    if not folder or "PYTEST_XDIST_WORKER" not in os.environ:
        return compute()
    name = hashlib.sha256(repr(key).encode("utf-8")).hexdigest()
    stored = Path(folder) / f"{name}.pickle"
    with open(Path(folder) / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if stored.exists():
            return pickle.loads(stored.read_bytes())
        value = compute()
        partial = stored.with_suffix(".partial")
        partial.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(stored)
        return value


@cache
def shipped_ruleset() -> RuleSet:
    """The shipped rule files, loaded once (audits here select from them by code)."""
    return load_ruleset()


def _file_key(path: Path) -> tuple[str, str]:
    resolved = path.resolve()
    return str(resolved), hashlib.sha256(resolved.read_bytes()).hexdigest()


def _read_key(path: Path, limits: ReadLimits, ocr: OcrSettings, password: str | None) -> tuple[Any, ...]:
    return (*_file_key(path), limits, ocr, password)


def read_cached(
    path: str | Path,
    limits: ReadLimits = DEFAULT_LIMITS,
    *,
    ocr: OcrSettings = DEFAULT_OCR,
    password: str | None = None,
) -> Document:
    """``read_document(path, limits, ocr=..., password=...)``, once per session
    per file content and options; the same (shared, read-only) Document."""
    key = _read_key(Path(path), limits, ocr, password)
    if key not in _READS:
        _READS[key] = _shared(("read", *key), lambda: read_document(path, limits, ocr=ocr, password=password))
    return _READS[key]


def audited_cached(
    path: str | Path,
    rules: Iterable[Rule] | None = None,
    lang: str = "id",
    *,
    limits: ReadLimits = DEFAULT_LIMITS,
    ocr: OcrSettings = DEFAULT_OCR,
) -> AuditResult:
    """What ``audit PATH`` computes before any reporter runs, once per session.

    ``rules`` are taken by code from the shipped rule set (default: what the
    CLI runs without --select/--ignore). The result's document is a deep copy
    of the cached read, holding the warnings this audit added.
    """
    ruleset = shipped_ruleset()
    chosen = ruleset.selected([], []) if rules is None else _by_code(ruleset, rules)
    key = (
        _read_key(Path(path), limits, ocr, None),
        tuple(r.code for r in chosen),
        lang,
    )
    if key not in _AUDITS:
        _AUDITS[key] = _shared(("audit", *key), lambda: _audit(path, ruleset, chosen, lang, limits, ocr))
    return _AUDITS[key]


def _audit(
    path: str | Path, ruleset: RuleSet, rules: list[Rule], lang: str, limits: ReadLimits, ocr: OcrSettings
) -> AuditResult:
    doc = copy.deepcopy(read_cached(path, limits, ocr=ocr))
    findings = audit_document(doc, ruleset, rules, lang)
    return AuditResult(document=doc, findings=findings, lang=lang, warnings=doc.warnings, rules=rules)


def _by_code(ruleset: RuleSet, rules: Iterable[Rule]) -> list[Rule]:
    """The shipped rules with the codes of ``rules``, in their order."""
    rules = list(rules)
    shipped = {r.code: r for r in ruleset.rules}
    missing = [r.code for r in rules if r.code not in shipped]
    if missing:
        raise ValueError(f"not shipped rules, audit them directly: {missing}")
    return [shipped[r.code] for r in rules]
