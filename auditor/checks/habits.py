"""A report's habits: which formula it uses where several are accepted.

Row by row a capaian may follow either lower-is-better formula, and a
RATA-RATA row may be the mean of its rows or of its sasaran means; each is
accepted on its own. A report that uses one formula in most places and the
other in a few is inconsistent with itself, and the few are reported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from auditor.checks.aggregates import closing_candidates, label_groups, mean_of_group_means_fits
from auditor.checks.common import make_finding
from auditor.checks.engine import Setting
from auditor.checks.row_formula import CHECKED_KINDS, bind_names, formula_bindings, input_interval, year_hints
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.intervals import interval_mean
from auditor.meaning.semantics import TableView
from auditor.rulesets.loader import Rule

Use = tuple[str, TableView, int, int, list[int]]
"""(habit, view, row, column, input columns)."""


def _lower_formula_uses(rule: Rule, view: TableView) -> Iterator[Use]:
    """Rows whose capaian fits exactly one of the rule's alternatives and not
    its main formula."""
    assert rule.formula is not None
    for row in view.rows:
        if row.kind not in CHECKED_KINDS:
            continue
        for out_col, _, binding in formula_bindings(rule, view, row.index, primary_only=True):
            out = view.number(row.index, out_col)
            assert out is not None
            env = {n: input_interval(view, row.index, c) for n, c in binding.items()}
            try:
                if rule.formula.evaluate(env).overlaps(out.interval()):
                    continue
            except ZeroDivisionError:
                continue
            fits = []
            for alt in rule.alternatives:
                alt_binding = bind_names(view, rule, row.index, out_col, alt.names, year_hints(view, rule, out_col))
                if not alt_binding:
                    continue
                alt_env = {n: input_interval(view, row.index, c) for n, c in alt_binding.items()}
                try:
                    if alt.evaluate(alt_env).overlaps(out.interval()):
                        fits.append(alt.text)
                except ZeroDivisionError:
                    continue
            if len(fits) == 1:
                yield fits[0], view, row.index, out_col, list(binding.values())


def _average_uses(view: TableView) -> Iterator[Use]:
    """Average rows that fit only the mean of rows, or only the mean of means."""
    for row in view.rows:
        if row.kind != "average":
            continue
        for c, avg, parts in closing_candidates(view, row):
            groups = label_groups(view, row.closes)
            if len(groups) < 2 or all(len(g) == 1 for g in groups):
                continue
            of_rows = interval_mean(parts.intervals(exact=False)).overlaps(avg.interval())
            of_means = mean_of_group_means_fits(view, row.closes, c, avg)
            if of_rows != of_means:
                yield ("rows" if of_rows else "means"), view, row.index, c, []


def _report_minority(rule: Rule, uses: list[Use], lang: str, names: dict[str, str]) -> Iterator[Finding]:
    counts = Counter(u[0] for u in uses)
    if len(counts) < 2:
        return
    (usual, n_usual), *_ = counts.most_common()
    if list(counts.values()).count(n_usual) > 1:
        return  # no habit to hold the others to
    for habit, view, r, c, inputs in uses:
        if habit == usual:
            continue
        out = view.number(r, c)
        assert out is not None
        yield make_finding(
            rule,
            view,
            lang,
            cells=[(r, c)] + [(r, i) for i in inputs],
            printed=out.text,
            expected=None,
            used=names.get(habit, habit),
            usual=names.get(usual, usual),
            count=n_usual,
        )


def _table_rule(run: Run) -> bool:
    """Does the rule set have a table formula-habit rule (CAP006)?"""
    return any(r.engine == "table-formula-habit" for r in run.ruleset.rules)


NAMES = Setting("names", dict, {}, "Per language: how messages name each habit.")


def _mixed(rule: Rule, view: TableView) -> dict[str, list[Use]] | None:
    """The table's lower-formula rows per formula, when there are two formulas."""
    by_formula: dict[str, list[Use]] = {}
    for use in _lower_formula_uses(rule, view):
        if view.vocab.label_polarity(view.label(use[2])) != "higher":
            by_formula.setdefault(use[0], []).append(use)
    return by_formula if len(by_formula) > 1 else None


def check_table_formula_habit(rule: Rule, view: TableView, run: Run) -> Iterator[Finding]:
    """A table whose lower-is-better rows use two formulas: one warning per
    table, at the first row of the rarer formula, naming the rows of each."""
    mixed = _mixed(rule, view)
    if mixed is None:
        return
    ranked = sorted(mixed.items(), key=lambda kv: (-len(kv[1]), kv[1][0][2]))
    (usual, usual_uses), (used, used_uses) = ranked[0], ranked[-1]
    first = used_uses[0]
    out = view.number(first[2], first[3])
    assert out is not None
    cells = [(u[2], u[3]) for u in used_uses + usual_uses]
    yield make_finding(
        rule,
        view,
        run.lang,
        cells=cells,
        printed=out.text,
        expected=None,
        used=used.replace("*", "x"),
        usual=usual.replace("*", "x"),
        used_rows=_row_names(view, used_uses),
        usual_rows=_row_names(view, usual_uses),
    )


def _row_names(view: TableView, uses: list[Use]) -> str:
    return ", ".join(f'"{view.label(u[2]).split(" | ")[-1]}"' for u in uses)


def check_formula_habit(rule: Rule, run: Run) -> Iterator[Finding]:
    """Capaian rows that use, of the accepted formulas, another than most rows do.

    A table that mixes the two itself is CAP006's (one warning naming all
    its rows), so its rows are left out here."""
    uses = [
        u
        for view in run.context.views
        if _mixed(rule, view) is None or not _table_rule(run)
        for u in _lower_formula_uses(rule, view)
    ]
    yield from _report_minority(rule, uses, run.lang, {})


def check_average_habit(rule: Rule, run: Run) -> Iterator[Finding]:
    """Average rows that take, of the accepted means, another than most do."""
    uses = [u for view in run.context.views for u in _average_uses(view)]
    yield from _report_minority(rule, uses, run.lang, NAMES.of(rule).get(run.lang, {}))
