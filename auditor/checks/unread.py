"""Pages the reader skipped, as findings of their own.

A reading warning is easy to miss at the end of a report; a page that was
not checked at all deserves a line among the findings, so that a reviewer
never takes silence for a clean page. The reader says why
(:attr:`auditor.model.Page.unread`); the rule's params give the words for
the reasons it names (a scanned page) and their severity.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.common import text_finding
from auditor.checks.narrative.common import rule_param
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.model import Location, Page
from auditor.rulesets.loader import Rule


def _whole(page: Page) -> Location:
    """The finding stands for the whole page: its box is the page's, so an
    annotated PDF or a picture can mark it like any other."""
    box = (0.0, 0.0, page.width, page.height) if page.width and page.height else None
    return Location(page=page.number, line=None, table=None, row=None, column=None, text="", bbox=box)


def check_unread_pages(rule: Rule, run: Run) -> Iterator[Finding]:
    """Every page that could not be read (damaged, past a limit, or scanned
    and not OCR'd): one finding with the reader's reason."""
    reasons = rule_param(rule, "reasons", {}) or {}
    for page in run.context.doc.pages:
        if not page.unread:
            continue
        words = reasons.get(page.unread)
        reason = (words.get(run.lang) or words.get("id")) if isinstance(words, dict) else page.unread
        severity = rule_param(rule, f"{page.unread}_severity", None) if page.unread in reasons else None
        yield text_finding(
            rule,
            run.lang,
            locations=[_whole(page)],
            printed=None,
            expected=None,
            meaning=(page.unread,),
            severity=severity,
            confidence="high",
            page=page.number,
            reason=reason,
        )
