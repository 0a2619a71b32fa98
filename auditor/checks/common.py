"""What every table check needs: turning cells into locations and findings."""

from __future__ import annotations

from auditor.findings.confidence import lowest, source_confidence
from auditor.findings.records import Finding
from auditor.meaning.locations import cell_location
from auditor.meaning.semantics import TableView
from auditor.model import Location
from auditor.rulesets.loader import Rule


def make_finding(
    rule: Rule,
    view: TableView,
    lang: str,
    *,
    cells: list[tuple[int, int]],
    printed: str,
    expected: str | None,
    severity: str | None = None,
    confidence: str | None = None,
    note: str = "",
    **args: object,
) -> Finding:
    """The first cell is the one found wrong; the rest are its inputs."""
    r, c = cells[0]
    args.setdefault("column", view.column_header(c))
    args.setdefault("row", view.label(r))
    # a table found from ruling lines (or given as text) is surer than one
    # inferred from text alignment or read by OCR; a rule may be less sure
    # still (an inferred relation), never surer than the table's reading
    conf = lowest(source_confidence(view.table.source), confidence or "high")
    return text_finding(
        rule,
        lang,
        locations=[cell_location(view, rr, cc) for rr, cc in cells],
        printed=printed,
        expected=expected,
        meaning=(view.table.title or "", view.label(r), view.column_header(c)),
        severity=severity,
        confidence=conf,
        note=note,
        **args,
    )


def text_finding(
    rule: Rule,
    lang: str,
    *,
    locations: list[Location],
    printed: str | None,
    expected: str | None,
    meaning: tuple[str, ...],
    severity: str | None = None,
    confidence: str = "medium",
    note: str = "",
    habit: str = "",
    **args: object,
) -> Finding:
    """A finding about figures in running text, across several places, or
    (through make_finding) in one table.

    ``meaning`` names the quantity (indicator, measure, year) so that the
    fingerprint survives edits elsewhere in the report.
    """
    message = rule.message(lang, printed=printed, expected=expected, **args)
    if note:
        message = f"{message} {note}"
    return Finding(
        rule=rule.code,
        severity=severity or rule.severity,
        message=message,
        expected=expected,
        printed=printed,
        locations=tuple(locations),
        confidence=confidence,
        title=rule.title.get(lang, rule.title["id"]),
        meaning=meaning,
        habit=habit,
    )
