"""Engine for unlabelled closing rows found from the figures (REL002).

A body row that is the sum (or mean) of the body rows above it in several
columns at once closes that block, label or not (see
:mod:`auditor.meaning.block_rows`). In a column where it is neither, while
the table's other closing rows are that column's aggregate, the figure is
reported with the evidence: the columns it adds up in, and how many other
closing rows obey the column. A break seen on this row alone, or in a
column no other closing row obeys, is no finding: false alarms cost more
than misses.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from auditor.checks.aggregates import exact_column
from auditor.checks.checked import CheckedRelation, mean_form, sum_form
from auditor.checks.common import make_finding
from auditor.checks.engine import Setting
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.block_rows import BlockRow, find_block_rows
from auditor.meaning.intervals import Interval, interval_mean, interval_sum
from auditor.meaning.numbers import format_number
from auditor.meaning.semantics import TableView
from auditor.rulesets.loader import Rule

ERROR_SUPPORT = Setting("error_support", int, 2, "Other closing rows obeying the column for a break to be an error.")
SETTINGS = (ERROR_SUPPORT,)
NAMES = {"sum": {"id": "jumlah", "en": "the sum"}, "mean": {"id": "rata-rata", "en": "the mean"}}


def _column_habit(found: list[BlockRow], me: BlockRow, c: int) -> tuple[str, int, int] | None:
    """The aggregate the other closing rows print in ``c``, how many do, and
    how many break it; None when none obeys it."""
    hows = Counter(o.fits[c] for o in found if o is not me and c in o.fits)
    if not hows:
        return None
    how, n = hows.most_common(1)[0]
    return how, n, sum(c in o.breaks for o in found if o is not me)


def check_block_rows(rule: Rule, view: TableView, run: Run) -> Iterator[Finding]:
    """REL002: a figure of an unlabelled closing row that breaks the
    aggregate its block gives in a column the table's other closing rows obey."""
    if view.is_contents:
        return
    found = find_block_rows(view, exact_column)
    derived = run.derived_cells(view)
    for br in found:
        for c in br.breaks:
            habit = _column_habit(found, br, c)
            if habit is None or (br.row, c) in derived:
                continue
            how, others, broken = habit
            strong = others >= ERROR_SUPPORT.of(rule) and broken == 0
            yield _finding(rule, view, run.lang, br, c, how, others, strong)


def _expected(view: TableView, br: BlockRow, c: int, how: str) -> str:
    out = view.number(br.row, c)
    assert out is not None
    points = [Interval.point(n.value) for p in br.block if (n := view.number(p, c)) is not None]
    value = (interval_sum(points) if how == "sum" else interval_mean(points)).mid
    decimals = out.decimals if how == "sum" else max(out.decimals, 2)
    return format_number(value, decimals, out.decimal_sep)


def _finding(
    rule: Rule, view: TableView, lang: str, br: BlockRow, c: int, how: str, others: int, strong: bool
) -> Finding:
    out = view.number(br.row, c)
    assert out is not None
    fitting = ", ".join(view.column_header(k) for k in sorted(br.fits))
    names = NAMES[how]
    return make_finding(
        rule,
        view,
        lang,
        cells=[(br.row, c)] + [(p, c) for p in br.block],
        printed=out.text,
        expected=_expected(view, br, c, how),
        severity="error" if strong else "warning",
        confidence="medium" if strong else "low",
        how=names.get(lang, names["id"]),
        count=len(br.block),
        fitting=fitting,
        others=others,
    )


def checked_block_rows(rule: Rule, view: TableView, run: Run) -> Iterator[CheckedRelation]:
    """What :func:`check_block_rows` judges: each unlabelled closing row in
    every column that another closing row of the table obeys."""
    if view.is_contents:
        return
    found = find_block_rows(view, exact_column)
    derived = run.derived_cells(view)
    for br in found:
        for c in sorted(set(br.fits) | set(br.breaks)):
            habit = _column_habit(found, br, c)
            if habit is None or (br.row, c) in derived:
                continue
            cells = [(p, c) for p in br.block]
            exact = exact_column(view, c)
            form = sum_form(cells, exact) if habit[0] == "sum" else mean_form(cells, exact)
            text = f"{view.column_header(c)} [{br.row + 1}] = {habit[0]} of {len(br.block)} rows above"
            yield CheckedRelation(rule.code, view.table.id, c, (br.row,), (form,), text)
