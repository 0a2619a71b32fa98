"""The relations a table engine checked, as data: what ``audit gx`` exports.

A finding says where a relation failed; a data-quality suite also needs
every relation that held. Each table-arithmetic engine lists, beside its
check, the relations it judged on a table: the checked cell (one per row),
and the *forms* that may give it. The cell passes when the printed interval
of its figure overlaps the interval some form computes from the printed
intervals of its inputs, which is exactly the engine's own test, alternative
formulas and accepted readings (a mean where a sum was expected) included.
Listing changes no finding: the engines' check functions are untouched.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

CellName = tuple[str, int | None, int]
"""(name in the expression, row or None for the checked row, column), 0-based."""


@dataclass(frozen=True)
class Form:
    """One way the checked figure may follow from other cells."""

    expr: str
    """Over the names of ``cells``, in the language of :mod:`auditor.meaning.formula`."""
    cells: tuple[CellName, ...]
    exact: bool = False
    """Whole counts and amounts stand for themselves (no rounding interval),
    in the output as in the inputs."""


@dataclass(frozen=True)
class CheckedRelation:
    """A relation an engine judged on some rows of one table."""

    rule: str
    table: str
    output: int
    """The checked column (0-based)."""
    rows: tuple[int, ...]
    """The rows it was judged on (0-based grid rows)."""
    forms: tuple[Form, ...]
    text: str
    """The relation in the table's words: ``Capaian = Realisasi / Target x 100``."""

    @property
    def columns(self) -> tuple[int, ...]:
        """The output column, then every input column, each once."""
        out = [self.output]
        for form in self.forms:
            out.extend(c for _, _, c in form.cells if c not in out)
        return tuple(out)


def row_form(expr: str, binding: dict[str, int], exact: bool = False) -> Form:
    """A formula over cells of the checked row: ``{"realisasi": 4, "target": 3}``."""
    return Form(expr, tuple((name, None, c) for name, c in binding.items()), exact)


def sum_form(cells: Iterable[tuple[int | None, int]], exact: bool) -> Form:
    """The sum of ``cells`` ((row, column); row None for the checked row)."""
    named = _named(cells)
    return Form(" + ".join(n for n, _, _ in named), named, exact)


def mean_form(cells: Iterable[tuple[int | None, int]], exact: bool = False) -> Form:
    named = _named(cells)
    return Form(f"({' + '.join(n for n, _, _ in named)}) / {len(named)}", named, exact)


def mean_of_means_form(groups: list[list[tuple[int, int]]]) -> Form:
    """The mean of the groups' means (a sasaran's rata-rata over its indicators)."""
    named = _named(cell for g in groups for cell in g)
    parts, k = [], 0
    for g in groups:
        names = [n for n, _, _ in named[k : k + len(g)]]
        parts.append(f"({' + '.join(names)}) / {len(g)}")
        k += len(g)
    return Form(f"({' + '.join(parts)}) / {len(groups)}", named, False)


def _named(cells: Iterable[tuple[int | None, int]]) -> tuple[CellName, ...]:
    return tuple((f"p{i}", r, c) for i, (r, c) in enumerate(cells, start=1))


def grouped(
    rule: str, table: str, judged: Iterable[tuple[int, int, tuple[Form, ...], str]]
) -> Iterator[CheckedRelation]:
    """One relation per output column and set of forms, over every row judged
    with them: (row, output column, forms, text) in, in first-seen order."""
    rows: dict[tuple[int, tuple[Form, ...]], list[int]] = {}
    texts: dict[tuple[int, tuple[Form, ...]], str] = {}
    for r, out, forms, text in judged:
        key = (out, forms)
        rows.setdefault(key, [])
        if r not in rows[key]:
            rows[key].append(r)
        texts.setdefault(key, text)
    for (out, forms), rs in rows.items():
        yield CheckedRelation(rule, table, out, tuple(rs), forms, texts[(out, forms)])
