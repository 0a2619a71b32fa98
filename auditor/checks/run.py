"""The run record: everything an engine receives besides its rule.

One record per audit, built by :func:`auditor.audit.audit_document`. It
carries the language of the messages, the whole rule set (a rule may reuse
another rule's formulas: NAR002 takes CAP001's), the document context, and
the indexes several engines share, each in its own typed field and built
once per audit by the engine that needs it first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.meaning.context import DocContext
from auditor.meaning.figures import ChangeClaim, Figure
from auditor.meaning.quantities import QuantityIndex
from auditor.meaning.semantics import TableView
from auditor.rulesets.loader import Rule, RuleSet

CellRef = tuple[int, int]
"""(row, column) of a table grid, 0-based."""

TableLayout = tuple[list[list[int]], dict[int, tuple[int, str]]]
"""A table's blocks of body rows and each row's label cell and name (STR rules)."""


@dataclass
class Run:
    lang: str
    ruleset: RuleSet
    context: DocContext
    derived: dict[int, set[CellRef]] = field(default_factory=dict)
    """Per table (by ``id`` of its view): the cells some row-formula rule
    recomputes, which the closing-row engines leave to it."""
    quantities: QuantityIndex | None = None
    """Every quantity of the document, clustered by subject (cross-references)."""
    figures: dict[tuple[str, int], list[Figure]] = field(default_factory=dict)
    """The figures of a sentence (by ``id``), per way of reading numbers."""
    change_claims: dict[str, list[ChangeClaim]] = field(default_factory=dict)
    """The change claims of the document, per set of rule params (NAR006-008)."""
    layouts: dict[int, TableLayout] = field(default_factory=dict)
    """Per table (by ``id`` of its view): its row blocks and row labels."""
    cache: dict[str, object] = field(default_factory=dict)
    """Other document-wide indexes an engine builds once (the report's
    lower-is-better formula uses, the formulas its text states)."""

    @property
    def formula_rules(self) -> list[Rule]:
        """Every row-formula rule of the rule set, selected or not."""
        return [r for r in self.ruleset.rules if r.engine == "row-formula"]

    def derived_cells(self, view: TableView) -> set[CellRef]:
        return self.derived.get(id(view), set())
