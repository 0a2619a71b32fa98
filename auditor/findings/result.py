"""The outcome of one audit, as every reporter receives it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from auditor.findings.arrange import Group, arrange, arranged
from auditor.findings.records import Finding, summarise
from auditor.meaning.layout import Layout, layout_of
from auditor.model import Document
from auditor.rulesets.loader import Rule


@dataclass
class AuditResult:
    document: Document
    findings: list[Finding]
    lang: str = "id"
    baselined: int = 0
    """Findings left out because a baseline file accepted them."""
    warnings: list[str] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    """The rules that ran (their metadata, for formats that describe them)."""

    def __post_init__(self) -> None:
        # every format lists the findings in the one order a reviewer reads them
        self.findings = arranged(self.findings, self.layout)

    @cached_property
    def layout(self) -> Layout:
        """Chapters, printed page numbers and table captions of the document."""
        return layout_of(self.document)

    @property
    def groups(self) -> list[Group]:
        """The findings by chapter and page, as the reviewer formats show them."""
        return arrange(self.findings, self.layout)

    @property
    def summary(self) -> dict[str, int]:
        return summarise(self.findings)

    def document_info(self) -> dict[str, object]:
        return {
            "path": self.document.path,
            "kind": self.document.kind,
            "pages": self.document.page_count,
            "sha256": self.document.sha256,
            "tables": len(self.document.tables),
        }
