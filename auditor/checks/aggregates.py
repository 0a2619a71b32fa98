"""Engines for closing rows: JUMLAH / TOTAL, RATA-RATA and unlabelled
bold closing rows, each compared column by column with the rows they close.

Every part keeps its printed precision, so a total of many rounded parts is
allowed their accumulated rounding (XBRL Calculations 1.1 style).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.checks.checked import CheckedRelation, Form, grouped, mean_form, mean_of_means_form, sum_form
from auditor.checks.common import make_finding
from auditor.checks.fragment_blocks import vouched_cells
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.intervals import Interval, interval_mean, interval_sum
from auditor.meaning.numbers import Number, format_number, is_nil
from auditor.meaning.semantics import ADDITIVE_ROLES, HEADING_KINDS, RATIO_ROLES, Row, TableView
from auditor.rulesets.loader import Rule

# Headers announcing amounts printed in a larger unit (Rp juta, ribu orang):
# their integers are rounded, so they are not exact.
_SCALED = re.compile(r"\b(ribu|ribuan|juta|jutaan|miliar|milyar|triliun|rb|jt|m)\b", re.IGNORECASE)


class _Parts:
    """The figures of one column over the rows a closing row aggregates."""

    def __init__(self, view: TableView, rows: list[int], c: int) -> None:
        self._collect(view, [(p, c) for p in rows])

    @classmethod
    def of_row(cls, view: TableView, r: int, cols: list[int]) -> _Parts:
        """The figures of one row over some columns (a JUMLAH column's parts)."""
        parts = cls.__new__(cls)
        parts._collect(view, [(r, c) for c in cols])
        return parts

    def _collect(self, view: TableView, cells: list[tuple[int, int]]) -> None:
        self.numbers: list[Number] = []
        self.zeros = 0
        self.usable = True
        for p, c in cells:
            n = view.number(p, c)
            text = view.cell(p, c).text.strip()
            if n is not None:
                self.numbers.append(n)
            elif is_nil(text):
                self.zeros += 1
            else:
                # an empty or textual cell: the total cannot be recomputed
                self.usable = False

    @property
    def count(self) -> int:
        return len(self.numbers) + self.zeros

    def intervals(self, exact: bool) -> list[Interval]:
        return [n.interval(exact_integers=exact) for n in self.numbers] + [Interval.point(0)] * self.zeros

    @property
    def percent(self) -> bool:
        return any(n.percent for n in self.numbers)


def _additive_here(view: TableView, c: int) -> bool:
    """Targets and realisations of indicators do not add up; amounts and
    counts do (a realisasi column beside a budget is money)."""
    role = view.columns[c].role
    if role in ("target", "target_end"):
        return False
    if role == "realisasi":
        return any(col.role in ("anggaran", "populasi") for col in view.columns)
    return True


def exact_column(view: TableView, c: int) -> bool:
    """Whole numbers in a column stand for themselves unless its header
    names a larger unit."""
    return not _SCALED.search(view.column_header(c))


def _point(parts: _Parts, how: str) -> Interval:
    vals = [Interval.point(n.value) for n in parts.numbers] + [Interval.point(0)] * parts.zeros
    return interval_sum(vals) if how == "sum" else interval_mean(vals)


def closing_candidates(view: TableView, row: Row, min_parts: int = 2) -> Iterator[tuple[int, Number, _Parts]]:
    """The cells of a closing row to compare with the rows it closes. In a
    fragment (the rest of a table from an earlier page) only the sub-totals
    that the fragment's other sub-totals vouch for."""
    if not row.closes:
        return
    vouched = vouched_cells(view, exact_column) if view.is_fragment else None
    for col in view.columns:
        if col.role in ("number", "label", "unit"):
            continue
        if vouched is not None and (row.index, col.index) not in vouched:
            continue
        total = view.number(row.index, col.index)
        if total is None:
            continue
        parts = _Parts(view, row.closes, col.index)
        if parts.usable and parts.count >= min_parts and parts.numbers:
            yield col.index, total, parts


def _is_ratio(view: TableView, c: int, total: Number, parts: _Parts) -> bool:
    return view.columns[c].role in RATIO_ROLES or total.percent or parts.percent


def _fmt(iv: Interval, like: Number) -> str:
    return format_number(iv.mid, like.decimals, like.decimal_sep)


def _closing_finding(
    rule: Rule, view: TableView, lang: str, row: Row, c: int, printed: Number, expected: str | None, **args: object
) -> Finding:
    """A closing figure (total, subtotal, average) that its rows do not give;
    the rows it closes are its locations after it. In a fragment the blocks
    are known from the figures, not from the header: at most medium."""
    return make_finding(
        rule,
        view,
        lang,
        cells=[(row.index, c)] + [(p, c) for p in row.closes],
        printed=printed.text,
        expected=expected,
        confidence="medium" if view.is_fragment else None,
        **args,
    )


def _sum_finding(rule: Rule, view: TableView, lang: str, row: Row, c: int, total: Number, parts: _Parts) -> Finding:
    return _closing_finding(rule, view, lang, row, c, total, _fmt(_point(parts, "sum"), total), count=parts.count)


_NON_ADDITIVE_LABEL = re.compile(
    r"^\W*(rasio|persentase|prosentase|proporsi|indeks|rata-rata|rerata|laju|tingkat pertumbuhan)\b"
    r"|%\s*(peningkatan|kenaikan|pertumbuhan|penurunan)|\(\s*%\s*\)",
    re.IGNORECASE,
)
"""Row labels that name a ratio, an index, an average or a year-on-year
change ("Rasio belanja (%)", "% PENINGKATAN"): such a row among amounts is
not one of the amounts, and a total is never their sum."""


def non_additive_label(label: str) -> bool:
    return bool(_NON_ADDITIVE_LABEL.search(label.split(" | ")[-1]))


def _fits_without_ratio_rows(view: TableView, row: Row, c: int, total: Number, exact: bool) -> bool:
    """Does the total add up once the rows that name a ratio, an index or
    a change are left out (and at least two rows remain)?"""
    kept = [p for p in row.closes if not non_additive_label(view.label(p))]
    if len(kept) == len(row.closes) or len(kept) < 2:
        return False
    parts = _Parts(view, kept, c)
    fits = interval_sum(parts.intervals(exact)).overlaps(total.interval(exact_integers=exact))
    return parts.usable and bool(parts.numbers) and fits


def _total_sums(view: TableView, run: Run) -> Iterator[tuple[Row, int, Number, _Parts, bool]]:
    """The cells SUM001 judges: additive columns of labelled total rows that
    are no ratio and that no formula rule recomputes, with their exactness."""
    derived = run.derived_cells(view)
    for row in view.rows:
        if row.kind != "total":
            continue
        for c, total, parts in closing_candidates(view, row):
            if not (_is_ratio(view, c, total, parts) or (row.index, c) in derived):
                yield row, c, total, parts, exact_column(view, c)


def check_total_rows(rule: Rule, view: TableView, run: Run) -> Iterator[Finding]:
    """SUM001: additive columns of labelled total rows are sums."""
    lang = run.lang
    for row, c, total, parts, exact in _total_sums(view, run):
        s = interval_sum(parts.intervals(exact))
        if s.overlaps(total.interval(exact_integers=exact)):
            continue
        unknown_meaning = view.columns[c].role not in ADDITIVE_ROLES - {None}
        if unknown_meaning and interval_mean(parts.intervals(exact)).overlaps(total.interval(exact_integers=exact)):
            continue  # a column of unknown meaning may hold a mean under JUMLAH
        if _fits_without_ratio_rows(view, row, c, total, exact):
            continue
        yield _sum_finding(rule, view, lang, row, c, total, parts)


def check_summary_rows(rule: Rule, view: TableView, run: Run) -> Iterator[Finding]:
    """SUM002: an unlabelled bold closing row, or a percentage column of a total
    row that no ratio rule recomputes, must be the sum or the mean."""
    lang, derived = run.lang, run.derived_cells(view)
    for row in view.rows:
        if row.kind not in ("summary", "total"):
            continue
        for c, total, parts in closing_candidates(view, row):
            if (row.index, c) in derived:
                continue
            if row.kind == "total" and not _is_ratio(view, c, total, parts):
                continue
            exact = exact_column(view, c) and not _is_ratio(view, c, total, parts)
            printed = total.interval(exact_integers=exact)
            ivs = parts.intervals(exact)
            if interval_sum(ivs).overlaps(printed) or interval_mean(ivs).overlaps(printed):
                continue
            yield _closing_finding(
                rule,
                view,
                lang,
                row,
                c,
                total,
                # the likelier intent: amounts add up, percentages average
                _fmt(_point(parts, "mean" if _is_ratio(view, c, total, parts) else "sum"), total),
                sum=_fmt(_point(parts, "sum"), total),
                mean=_fmt(_point(parts, "mean"), total),
                count=parts.count,
            )


def label_groups(view: TableView, rows: list[int]) -> list[list[int]]:
    """Rows grouped by the spanning label they share (a sasaran strategis)."""
    groups: dict[tuple[int, int] | int, list[int]] = {}
    label_cols = [col.index for col in view.columns if col.role == "label"]
    previous: tuple[int, int] | int | None = None
    for r in rows:
        key: tuple[int, int] | int = r
        for c in label_cols:
            cell = view.cell(r, c)
            if cell.is_span_copy and cell.span_origin is not None:
                key = cell.span_origin
                break
            if r + 1 < len(view.table.rows) and view.cell(r + 1, c).span_origin == (r, c):
                key = (r, c)
                break
            if not cell.text.strip() and previous is not None and c == label_cols[0]:
                # a blank group cell under a group: the group goes on (a
                # borderless layout prints its label once, with no span)
                key = previous
                break
        groups.setdefault(key, []).append(r)
        previous = key
    return list(groups.values())


def mean_of_group_means_fits(view: TableView, rows: list[int], c: int, avg: Number) -> bool:
    """Overall capaian is often the mean of the sasaran means, not of all rows."""
    groups = label_groups(view, rows)
    if len(groups) < 2 or all(len(g) == 1 for g in groups):
        return False
    means = []
    for g in groups:
        parts = _Parts(view, g, c)
        if not parts.usable or not parts.numbers:
            return False
        means.append(interval_mean(parts.intervals(exact=False)))
    return interval_mean(means).overlaps(avg.interval())


def _mean_of_every_row_fits(view: TableView, closes: list[int], c: int, avg: Number) -> bool:
    """An overall rata-rata under the sasaran averages may average every
    indicator instead of the sasaran averages."""
    inner = [k for p in closes if view.rows[p].kind == "average" for k in view.rows[p].closes]
    if not inner:
        return False
    parts = _Parts(view, inner, c)
    return parts.usable and bool(parts.numbers) and interval_mean(parts.intervals(exact=False)).overlaps(avg.interval())


def check_average_rows(rule: Rule, view: TableView, run: Run) -> Iterator[Finding]:
    """AVG001: a RATA-RATA row is the mean of the rows it closes."""
    lang, derived = run.lang, run.derived_cells(view)
    for row in view.rows:
        if row.kind != "average":
            continue
        for c, avg, parts in closing_candidates(view, row):
            if (row.index, c) in derived:
                continue
            mean = interval_mean(parts.intervals(exact=False))
            if (
                mean.overlaps(avg.interval())
                or mean_of_group_means_fits(view, row.closes, c, avg)
                or _mean_of_every_row_fits(view, row.closes, c, avg)
            ):
                continue
            expected = format_number(_point(parts, "mean").mid, max(avg.decimals, 2), avg.decimal_sep)
            yield _closing_finding(rule, view, lang, row, c, avg, expected, count=parts.count)


def _subtotal_results(
    view: TableView, derived: set[tuple[int, int]]
) -> dict[int, list[tuple[Row, Number, _Parts, bool]]]:
    """Per column, every parent row of at least two rows that can be checked
    there, with its parts and whether it equals their sum."""
    out: dict[int, list[tuple[Row, Number, _Parts, bool]]] = {}
    for row in view.rows:
        if row.kind != "subtotal":
            continue
        # one row under a heading is no evidence that headings add up
        for c, total, parts in closing_candidates(view, row, min_parts=2):
            if _is_ratio(view, c, total, parts) or (row.index, c) in derived:
                continue
            if total.qualitative or any(n.qualitative for n in parts.numbers) or not _additive_here(view, c):
                continue  # "Nilai A (80)" over its indicators: a target, not a sum
            exact = exact_column(view, c)
            fits = interval_sum(parts.intervals(exact)).overlaps(total.interval(exact_integers=exact))
            fits = fits or _fits_without_ratio_rows(view, row, c, total, exact)
            out.setdefault(c, []).append((row, total, parts, bool(fits)))
    return out


def check_subtotal_rows(rule: Rule, view: TableView, run: Run) -> Iterator[Finding]:
    """SUM003: a parent row (A. Program Utama, a bold component) equals the
    sum of the rows under it (1., 2., ...) in every amount or count column.

    A broken parent is an error where other parents of the column add up
    (the table shows it sums that way); alone, a numbered outline gives a
    warning, and a hierarchy read from type alone gives nothing."""
    lang, derived = run.lang, run.derived_cells(view)
    for c, results in _subtotal_results(view, derived).items():
        good = sum(fits for *_, fits in results)
        bad = len(results) - good
        corroborated = good >= 1 and good > bad
        if view.hierarchy == "emphasis" and not (good >= 2 and corroborated):
            continue
        for row, total, parts, fits in results:
            if fits:
                continue
            expected = _fmt(_point(parts, "sum"), total)
            severity = None if corroborated else "warning"
            yield _closing_finding(rule, view, lang, row, c, total, expected, severity=severity, count=parts.count)


def total_part_columns(view: TableView, total_col: int) -> list[int]:
    """The block of figure columns just left of a JUMLAH column: what SUM004
    sums (REL001 leaves a total column with two or more of them to it)."""
    cols: list[int] = []
    for c in range(total_col - 1, -1, -1):
        role = view.columns[c].role
        if role in ("number", "label", "unit", "total") or role in RATIO_ROLES:
            break
        cols.append(c)
    return sorted(cols)


def _total_column_rows(view: TableView) -> Iterator[tuple[int, list[int], Row, Number, _Parts]]:
    """The (column, part columns, row, total, parts) SUM004 judges: a JUMLAH
    column with two or more figure columns before it, on rows whose total
    and parts are usable figures (not percentages). One walk for the check
    and for what it lists as checked."""
    for col in view.columns:
        part_cols = total_part_columns(view, col.index) if col.role == "total" else []
        if len(part_cols) < 2:
            continue
        for row in view.rows:
            if row.kind in (*HEADING_KINDS, "group", "empty"):
                continue
            total = view.number(row.index, col.index)
            if total is None or total.percent:
                continue
            parts = _Parts.of_row(view, row.index, part_cols)
            if parts.usable and parts.numbers and not parts.percent:
                yield col.index, part_cols, row, total, parts


def check_total_columns(rule: Rule, view: TableView, run: Run) -> Iterator[Finding]:
    """SUM004: a JUMLAH column equals the sum of the figure columns before it."""
    for c, part_cols, row, total, parts in _total_column_rows(view):
        exact = exact_column(view, c)
        if interval_sum(parts.intervals(exact)).overlaps(total.interval(exact_integers=exact)):
            continue
        yield make_finding(
            rule,
            view,
            run.lang,
            cells=[(row.index, c)] + [(row.index, p) for p in part_cols],
            printed=total.text,
            expected=_fmt(_point(parts, "sum"), total),
            count=parts.count,
        )


# -- the relations each engine judges (for ``audit gx``) ----------------------


def _closing_relation(rule: Rule, view: TableView, row: Row, c: int, forms: list[Form], how: str) -> CheckedRelation:
    text = f"{view.column_header(c)} [{row.label or row.index + 1}] = {how} of {len(row.closes)} rows"
    return CheckedRelation(rule.code, view.table.id, c, (row.index,), tuple(forms), text)


def _cells(rows: list[int], c: int) -> list[tuple[int | None, int]]:
    return [(p, c) for p in rows]


def checked_total_rows(rule: Rule, view: TableView, run: Run) -> Iterator[CheckedRelation]:
    """What :func:`check_total_rows` judges: the sum, or a mean in a column of unknown meaning."""
    for row, c, _total, _parts, exact in _total_sums(view, run):
        forms = [sum_form(_cells(row.closes, c), exact)]
        if view.columns[c].role not in ADDITIVE_ROLES - {None}:
            forms.append(mean_form(_cells(row.closes, c), exact))
        yield _closing_relation(rule, view, row, c, forms, "sum")


def checked_summary_rows(rule: Rule, view: TableView, run: Run) -> Iterator[CheckedRelation]:
    """What :func:`check_summary_rows` judges: the sum or the mean."""
    derived = run.derived_cells(view)
    for row in view.rows:
        if row.kind not in ("summary", "total"):
            continue
        for c, total, parts in closing_candidates(view, row):
            ratio = _is_ratio(view, c, total, parts)
            if (row.index, c) in derived or (row.kind == "total" and not ratio):
                continue
            exact = exact_column(view, c) and not ratio
            forms = [sum_form(_cells(row.closes, c), exact), mean_form(_cells(row.closes, c), exact)]
            yield _closing_relation(rule, view, row, c, forms, "sum or mean")


def checked_average_rows(rule: Rule, view: TableView, run: Run) -> Iterator[CheckedRelation]:
    """What :func:`check_average_rows` judges: the mean of the rows closed,
    of their groups' means, or of every row under the rows closed."""
    derived = run.derived_cells(view)
    for row in view.rows:
        if row.kind != "average":
            continue
        for c, _, _ in closing_candidates(view, row):
            if (row.index, c) in derived:
                continue
            forms = [mean_form(_cells(row.closes, c))]
            groups = label_groups(view, row.closes)
            nested = len(groups) >= 2 and not all(len(g) == 1 for g in groups)
            if nested and all(_Parts(view, g, c).usable and _Parts(view, g, c).numbers for g in groups):
                forms.append(mean_of_means_form([[(p, c) for p in g] for g in groups]))
            inner = [k for p in row.closes if view.rows[p].kind == "average" for k in view.rows[p].closes]
            if inner and _Parts(view, inner, c).usable and _Parts(view, inner, c).numbers:
                forms.append(mean_form(_cells(inner, c)))
            yield _closing_relation(rule, view, row, c, forms, "mean")


def checked_subtotal_rows(rule: Rule, view: TableView, run: Run) -> Iterator[CheckedRelation]:
    """What :func:`check_subtotal_rows` judges: parent rows in the columns
    whose hierarchy it trusts."""
    for c, results in _subtotal_results(view, run.derived_cells(view)).items():
        good = sum(fits for *_, fits in results)
        corroborated = good >= 1 and good > len(results) - good
        if view.hierarchy == "emphasis" and not (good >= 2 and corroborated):
            continue
        for row, _, _, _ in results:
            yield _closing_relation(rule, view, row, c, [sum_form(_cells(row.closes, c), exact_column(view, c))], "sum")


def checked_total_columns(rule: Rule, view: TableView, run: Run) -> Iterator[CheckedRelation]:
    """What :func:`check_total_columns` judges: a JUMLAH column, row by row."""
    judged = []
    for c, part_cols, row, _, _ in _total_column_rows(view):
        form = sum_form([(None, p) for p in part_cols], exact_column(view, c))
        text = f"{view.column_header(c)} = " + " + ".join(view.column_header(p) for p in part_cols)
        judged.append((row.index, c, (form,), text))
    yield from grouped(rule.code, view.table.id, judged)
