"""Run the selected rules over a document: document model in, findings out."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from auditor.checks.aggregates import (
    check_average_rows,
    check_subtotal_rows,
    check_summary_rows,
    check_total_columns,
    check_total_rows,
)
from auditor.checks.evidence import merge_evidence
from auditor.checks.polarity import check_polarity
from auditor.checks.row_formula import check_row_formula, derived_cells
from auditor.checks.units import check_mixed_units, check_orphan_ratio, check_percent_cap
from auditor.context import DocContext
from auditor.findings import Finding, distinct_fingerprints, sort_key
from auditor.model import Document
from auditor.ruleset import Rule, RuleSet
from auditor.semantics import TableView
from auditor.tablejoin import join_total_tables

AggregateEngine = Callable[[Rule, TableView, str, set[tuple[int, int]]], Iterator[Finding]]
AGGREGATE_ENGINES: dict[str, AggregateEngine] = {
    "total-row": check_total_rows,
    "summary-row": check_summary_rows,
    "average-row": check_average_rows,
    "subtotal-row": check_subtotal_rows,
    "total-column": check_total_columns,
    "percent-cap": check_percent_cap,
    "orphan-ratio": check_orphan_ratio,
    "mixed-units": check_mixed_units,
}


TABLE_ENGINES = frozenset({"row-formula", "polarity", *AGGREGATE_ENGINES})
"""Engines that look at one table at a time (the others read the document)."""

DocumentEngine = Callable[[Rule, DocContext, str], Iterator[Finding]]
DOCUMENT_ENGINES: dict[str, DocumentEngine] = {}
"""Engines that read the whole document (cross-references, narrative claims,
counts, structure); their modules register themselves here on import."""


def register_document_engine(name: str) -> Callable[[DocumentEngine], DocumentEngine]:
    def deco(fn: DocumentEngine) -> DocumentEngine:
        DOCUMENT_ENGINES[name] = fn
        return fn

    return deco


def _table_views(doc: Document, ruleset: RuleSet) -> list[TableView]:
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
    import auditor.checks.document  # noqa: F401 - registers the document engines

    findings: list[Finding] = []
    every_formula = [r for r in ruleset.rules if r.engine == "row-formula"]
    views = _table_views(doc, ruleset)
    for view in views:
        try:
            derived = derived_cells(every_formula, view)
            for rule in rules:
                if rule.engine == "row-formula":
                    findings.extend(check_row_formula(rule, view, lang, every_formula))
                elif rule.engine == "polarity":
                    findings.extend(check_polarity(rule, view, lang))
                elif rule.engine in AGGREGATE_ENGINES:
                    findings.extend(AGGREGATE_ENGINES[rule.engine](rule, view, lang, derived))
        except Exception as exc:  # noqa: BLE001 - one bad table must not stop the audit
            _skip(doc, f"Table {view.table.id}", view.table.page, view.table.line, exc)
    ctx = DocContext(doc, ruleset.vocabulary, views)
    ctx.cache["ruleset"] = ruleset  # rules that reuse another rule's formulas (NAR002: CAP001)
    for rule in rules:
        engine = DOCUMENT_ENGINES.get(rule.engine)
        if engine is None:
            continue
        try:
            findings.extend(engine(rule, ctx, lang))
        except Exception as exc:  # noqa: BLE001 - one rule must not stop the audit
            _skip(doc, f"Rule {rule.code}", None, None, exc)
    findings = merge_evidence(findings, views, ruleset, lang)
    findings.sort(key=sort_key)
    return distinct_fingerprints(findings)
