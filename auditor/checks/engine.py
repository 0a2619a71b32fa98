"""The engine protocol: one record per engine, listed in :mod:`auditor.checks.registry`.

An engine is a check function and what it declares about itself: its name
(what a rule's ``engine:`` says), its scope and the settings a rule may give
it in ``params``. A table engine is called once per table,
``check(rule, view, run)``; a document engine once per audit,
``check(rule, run)``. Both yield findings.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from auditor.checks.checked import CheckedRelation
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.semantics import TableView
from auditor.rulesets.loader import Rule

Scope = Literal["table", "document"]
TableCheck = Callable[[Rule, TableView, Run], Iterator[Finding]]
DocumentCheck = Callable[[Rule, Run], Iterator[Finding]]
RelationList = Callable[[Rule, TableView, Run], Iterator[CheckedRelation]]


@dataclass(frozen=True)
class Setting:
    """A value a rule may set in ``params`` (or at the rule's top level)."""

    name: str
    type: type
    default: Any
    doc: str = ""

    def of(self, rule: Rule) -> Any:
        return rule.params.get(self.name, self.default)


@dataclass(frozen=True)
class Engine:
    name: str
    scope: Scope
    check: TableCheck | DocumentCheck
    settings: tuple[Setting, ...] = ()
    relations: RelationList | None = None
    """For a table-arithmetic engine: the relations it judges on a table,
    passing or not (``audit gx`` turns them into expectations)."""

    @property
    def doc(self) -> str:
        """The first paragraph of the check function's docstring."""
        text = inspect.getdoc(self.check) or ""
        return " ".join(text.split("\n\n")[0].split())
