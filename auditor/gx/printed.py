"""The printed-precision test of a checked relation, over tidy cell texts.

What the custom expectation runs (and what a test can run without Great
Expectations): a checked cell holds when the interval its printed figure
stands for overlaps the interval some form of the relation computes from the
printed intervals of its inputs, as in :mod:`auditor.meaning.intervals`.
Figures are parsed again from their printed text, with the convention of
their column, so the test reads exactly what the auditor read.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Any

from auditor.meaning.formula import Expr, parse_expression
from auditor.meaning.intervals import Interval
from auditor.meaning.numbers import is_nil, parse_number

Texts = dict[tuple[int, str], str]
"""Printed text by (1-based grid row, tidy column key), for one table."""


def cell_interval(text: str | None, fmt: dict[str, Any], exact: bool, nil_is_zero: bool) -> Interval | None:
    """The values a printed cell stands for; None when it prints no figure."""
    if not text:
        return None
    n = parse_number(text, fmt.get("dot_decimal"))
    if n is None:
        return Interval.point(0) if nil_is_zero and is_nil(text) else None
    if fmt.get("ratio"):
        n = replace(n, ratio=True)
    return n.interval(exact_integers=exact)


@lru_cache(maxsize=512)
def _expr(text: str) -> Expr:
    return parse_expression(text)


def holds(relation: dict[str, Any], texts: Texts, row: int) -> bool:
    """Does ``row`` satisfy ``relation`` (the ``relation`` kwarg of the
    expectation)? A row whose checked cell prints no figure is not judged."""
    formats = relation.get("formats", {})
    out_key = relation["output"]
    for form in relation["forms"]:
        exact = bool(form.get("exact"))
        out = cell_interval(texts.get((row, out_key)), formats.get(out_key, {}), exact, nil_is_zero=False)
        if out is None:
            return True
        env: dict[str, Interval] = {}
        for name, r, key in form["cells"]:
            iv = cell_interval(texts.get((r or row, key)), formats.get(key, {}), exact, nil_is_zero=True)
            if iv is None:
                break
            env[name] = iv
        else:
            try:
                if _expr(form["expr"]).evaluate(env).overlaps(out):
                    return True
            except ZeroDivisionError:
                continue
    return False


def failing_rows(relation: dict[str, Any], texts: Texts) -> list[int]:
    """The rows of ``relation`` that no form gives (1-based grid rows)."""
    return [r for r in relation["rows"] if not holds(relation, texts, r)]
