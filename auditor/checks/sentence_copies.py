"""A figure of a sentence's own arithmetic against a table copy (XRF004).

The narrative often shows its computation: "6.576 M3/bulan x 12 = 78.912
m3". When that arithmetic holds, its result is the figure; a table printing
the same quantity with one slip of the digits (79.912 m3) is the wrong copy.
The table figure is taken for a copy only with the same unit and one digit
slip away (:mod:`auditor.meaning.digits`), and with evidence that its row
is about the sentence's subject: another figure of the row printed in the
same sentence (an error), or two subject words shared (a warning).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.common import text_finding
from auditor.checks.narrative.common import conventions, figures, rule_param
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.context import Sentence
from auditor.meaning.digits import digit_slip, significant_digits
from auditor.meaning.figures import Figure
from auditor.meaning.locations import cell_location
from auditor.meaning.names import tokens
from auditor.meaning.numbers import Number, parse_number
from auditor.meaning.semantics import TableView
from auditor.rulesets.loader import Rule

_TIMES = re.compile(r"^[\sw/.]{0,30}[x×*]\s*$", re.IGNORECASE)
_WORD = re.compile(r"\b(?!x\b)[^\W\d_]\w*", re.IGNORECASE)
_EQUALS = re.compile(r"^\s*=\s*$")


@dataclass(frozen=True)
class Product:
    """ "a x b = c" in a sentence, whose arithmetic holds."""

    sentence: Sentence
    a: Figure
    b: Figure
    c: Figure


def _between(s: Sentence, x: Figure, y: Figure) -> str:
    """The text between two figures, each word (a unit such as "M3/bulan",
    which may hold a digit) written as "w"."""
    return _WORD.sub("w", s.text[x.end : y.start])


def products(s: Sentence, figures: list[Figure]) -> Iterator[Product]:
    """The products a sentence computes, right by its own figures."""
    for a, b, c in zip(figures, figures[1:], figures[2:], strict=False):
        if not _TIMES.match(_between(s, a, b)) or not _EQUALS.match(_between(s, b, c)):
            continue
        if (a.iv * b.iv).overlaps(c.iv):
            yield Product(s, a, b, c)


_WITH_UNIT = re.compile(r"^\s*(?:rp\.?\s*)?([\d.,]*\d)\s*([^\W\d_][\w/]*)?\s*$", re.IGNORECASE)


def _cell_number(view: TableView, r: int, c: int, like: Number) -> Number | None:
    """The cell's figure, a unit word after it allowed ("79.912 m3"), read
    in the convention of the sentence's figure (a lone "79.912" is
    ambiguous)."""
    m = _WITH_UNIT.match(view.cell(r, c).text)
    if not m:
        return view.number(r, c)
    return parse_number(m.group(1), dot_decimal=like.decimal_sep == ".")


def _unit_of(view: TableView, r: int, c: int) -> str:
    """The unit a cell is printed in: the word after its number, else the row's unit column."""
    text = view.cell(r, c).text.lower()
    m = re.search(r"[\d.,]\s*([^\W\d_][\w/]*)", text)
    if m:
        return m.group(1)
    units = [col.index for col in view.columns if col.role == "unit"]
    return view.cell(r, units[0]).text.lower().strip() if units else ""


def _same_unit(unit: str, printed: str) -> bool:
    """ "m3" and "M3/th": the same unit word first."""
    head = re.split(r"[\s/.]", printed.strip(), maxsplit=1)[0]
    return bool(unit) and head == unit.split("/")[0]


def _row_evidence(view: TableView, r: int, c: int, p: Product, figures: list[Figure]) -> bool | None:
    """True: another figure of the row is printed in the sentence; False:
    the row and the sentence share two subject words; None: no evidence."""
    others = [f for f in figures if f not in (p.a, p.b, p.c) and len(significant_digits(f.num)) >= 4]
    for col in view.columns:
        n = _cell_number(view, r, col.index, p.c.num)
        if col.index == c or n is None or col.role == "number":
            continue
        if any(f.num.value == n.value for f in others):
            return True
    shared = set(tokens(view.label(r))) & set(tokens(p.sentence.text))
    return False if len(shared) >= 2 else None


Cell = tuple[TableView, int, int, Number]
CellIndex = dict[tuple[int, int], list[Cell]]


def _cell_index(views: list[TableView], like: Number) -> CellIndex:
    """Every figure of the tables, read like ``like``, by (number of
    significant digits, decimals): a slip keeps the decimals and at most
    drops one digit, so a result is compared with two buckets only."""
    out: CellIndex = {}
    for view in views:
        for row in view.rows:
            # figures with a unit word ("54.000 porsi") leave a row "group"
            if row.kind not in ("body", "subtotal", "total", "group"):
                continue
            for col in view.columns:
                n = _cell_number(view, row.index, col.index, like) if col.role != "number" else None
                if n is not None:
                    out.setdefault((len(significant_digits(n)), n.decimals), []).append((view, row.index, col.index, n))
    return out


def _candidates(index: CellIndex, p: Product, min_digits: int) -> Iterator[tuple[TableView, int, int, Number, str]]:
    width = len(significant_digits(p.c.num))
    for key in ((width, p.c.num.decimals), (width - 1, p.c.num.decimals)):
        for view, r, c, n in index.get(key, []):
            if n.interval().overlaps(p.c.iv):
                continue
            slip = digit_slip(n, p.c.num, min_digits, last_digit=False)
            if slip and _same_unit(p.c.unit, _unit_of(view, r, c)):
                yield view, r, c, n, slip


def _place(page: int | None, line: int | None) -> str:
    return f"hal. {page}" if page is not None else f"baris {line}" if line is not None else "-"


def check_sentence_copies(rule: Rule, run: Run) -> Iterator[Finding]:
    """A table figure one digit slip away from the result of a sentence's
    own arithmetic, in the same unit and on a row about the same thing."""
    ctx, lang = run.context, run.lang
    conv = conventions(rule)
    min_digits = int(rule_param(rule, "min_digits", 4))
    kinds = rule_param(rule, "kinds", {}) or {}
    indexes: dict[str, CellIndex] = {}
    for s in ctx.sentences:
        if not s.numbers:
            continue
        figs = figures(run, s, conv)
        for p in products(s, figs):
            sep = p.c.num.decimal_sep
            if sep not in indexes:
                indexes[sep] = _cell_index(ctx.views, p.c.num)
            for view, r, c, n, slip in _candidates(indexes[sep], p, min_digits):
                strong = _row_evidence(view, r, c, p, figs)
                if strong is None:
                    continue
                how = (kinds.get(slip) or {}).get(lang) or (kinds.get(slip) or {}).get("id") or slip
                yield text_finding(
                    rule,
                    lang,
                    locations=[cell_location(view, r, c), p.c.location],
                    printed=n.text,
                    expected=p.c.text,
                    meaning=("sentence-copy", view.label(r).lower(), p.c.text),
                    severity=None if strong else "warning",
                    confidence="high" if strong else "medium",
                    subject=view.label(r).split(" | ")[-1],
                    table=view.table.id,
                    column=view.column_header(c),
                    arithmetic=p.sentence.text[p.a.start : p.c.end + len(p.c.unit) + 1].strip(),
                    how=how,
                    where=_place(p.c.location.page, p.c.location.line),
                )
