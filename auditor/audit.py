"""Run the selected rules over a document: document model in, findings out.

The orchestrator: it loads the rule set against the engines of
:mod:`auditor.checks.registry`, builds the run record and runs each rule's
engine, table engines once per table and document engines once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from auditor.checks.checked import CheckedRelation
from auditor.checks.evidence import merge_evidence
from auditor.checks.registry import BY_NAME, ENGINE_NAMES
from auditor.checks.relations import defer_to_figures
from auditor.checks.row_formula import derived_cells
from auditor.checks.run import Run
from auditor.checks.truncation_habit import gather_truncations
from auditor.findings.from_pixels import cap_pixel_findings
from auditor.findings.records import Finding, distinct_fingerprints, sort_key
from auditor.meaning.context import DocContext
from auditor.meaning.semantics import TableView
from auditor.meaning.tablejoin import join_total_tables
from auditor.model import Document
from auditor.rulesets.loader import Rule, RuleSet, read_ruleset


def load_ruleset(extra: list[Path] | None = None) -> RuleSet:
    """The shipped rule files (and ``extra`` ones), checked against the engines there are."""
    return read_ruleset(extra, engines=ENGINE_NAMES)


def table_views(doc: Document, ruleset: RuleSet) -> list[TableView]:
    views = []
    for table in join_total_tables(doc, ruleset.vocabulary):
        try:
            views.append(TableView(table, ruleset.vocabulary))
        except Exception as exc:  # noqa: BLE001 - one bad table must not stop the audit
            _skip(doc, table.id, table.page, table.line, exc)
    return views


def _skip(doc: Document, what: str, page: int | None, line: int | None, exc: Exception) -> None:
    where = f"page {page}" if page else f"line {line}"
    doc.warnings.append(f"{what} ({where}) could not be checked: {type(exc).__name__}: {exc}")


def audit_document(doc: Document, ruleset: RuleSet, rules: list[Rule], lang: str = "id") -> list[Finding]:
    """All findings of ``rules`` on ``doc``, in reading order.

    A table or rule that breaks is recorded in ``doc.warnings`` and skipped,
    so one odd table never stops the audit of the rest.
    """
    return audit_session(doc, ruleset, rules, lang)[0]


def audit_session(
    doc: Document, ruleset: RuleSet, rules: list[Rule], lang: str = "id"
) -> tuple[list[Finding], list[TableView], Run]:
    """:func:`audit_document`, with the table views and the run record it
    used, for exporters that also want what was checked."""
    findings: list[Finding] = []
    views = table_views(doc, ruleset)
    run = Run(lang=lang, ruleset=ruleset, context=DocContext(doc, ruleset.vocabulary, views))
    engines = [(rule, BY_NAME.get(rule.engine)) for rule in rules]
    table_rules = [(rule, e) for rule, e in engines if e is not None and e.scope == "table"]
    document_rules = [(rule, e) for rule, e in engines if e is not None and e.scope == "document"]
    for view in views:
        try:
            run.derived[id(view)] = derived_cells(run.formula_rules, view)
            for rule, engine in table_rules:
                findings.extend(engine.check(rule, view, run))  # type: ignore[call-arg]
        except Exception as exc:  # noqa: BLE001 - one bad table must not stop the audit
            _skip(doc, f"Table {view.table.id}", view.table.page, view.table.line, exc)
    for rule, engine in document_rules:
        try:
            findings.extend(engine.check(rule, run))  # type: ignore[call-arg]
        except Exception as exc:  # noqa: BLE001 - one rule must not stop the audit
            _skip(doc, f"Rule {rule.code}", None, None, exc)
    findings = merge_evidence(findings, views, ruleset, lang)
    findings = defer_to_figures(findings, views, run, rules)
    ocr_tables = {v.table.id for v in views if v.table.source == "ocr"}
    findings = cap_pixel_findings(findings, doc, ocr_tables, lang)
    findings = gather_truncations(findings, rules, lang)
    findings.sort(key=sort_key)
    return distinct_fingerprints(findings), views, run


def _listed(views: list[TableView], run: Run, rules: list[Rule], call: Any) -> list[Any]:
    """``call(engine, rule, view)`` for every table the audit checked and
    every rule whose engine lists its relations; a table whose call breaks
    is left out, as the audit leaves out its findings."""
    out: list[Any] = []
    for view in views:
        for rule in rules:
            engine = BY_NAME.get(rule.engine)
            if engine is None or engine.relations is None or id(view) not in run.derived:
                continue
            try:
                out.extend(call(engine, rule, view))
            except Exception:  # noqa: BLE001 - the audit skipped this table too
                continue
    return out


def checked_relations(views: list[TableView], run: Run, rules: list[Rule]) -> list[CheckedRelation]:
    """Every relation the table-arithmetic engines of ``rules`` judged, table
    by table: the passing ones as well as those that gave findings."""
    return _listed(views, run, rules, lambda engine, rule, view: engine.relations(rule, view, run))


def arithmetic_findings(views: list[TableView], run: Run, rules: list[Rule]) -> list[Finding]:
    """What the engines that list their relations found, before findings are
    merged: a formula finding folded into a cross-reference finding as its
    evidence is still here, under its own rule."""
    return _listed(views, run, rules, lambda engine, rule, view: engine.check(rule, view, run))
