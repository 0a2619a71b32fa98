"""Answers kept per object (a Number's interval, a formula's compiled form,
a header's role, a row's name) are the answers computed afresh.

The rules ask the same questions of the same cells many times; each kept
answer must be exactly what the general computation gives, on real tables
and on generated inputs.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.audit import table_views
from auditor.meaning.formula import _eval, parse_expression
from auditor.meaning.intervals import Interval
from auditor.meaning.numbers import Number, parse_number
from auditor.meaning.relations import _EXPRS, LOWER_IS_BETTER
from tests.corpus_cache import read_cached, shipped_ruleset

FORMULAS = [
    *(e.text for e in _EXPRS.values()),
    *(e.text for e in LOWER_IS_BETTER),
    "realisasi / target * 100",
    "(2 * target - realisasi) / target * 100",
    "-a + b * 0.5 - 3",
    "a - (b - a) / 2",
    "(a - b) * (a + c) / c",
    "-(c - a) / (b * 2 - a)",
]

_FRACTIONS = st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=1000)


@st.composite
def _intervals(draw: st.DrawFn) -> Interval:
    lo = draw(_FRACTIONS)
    return Interval(lo, lo + draw(st.fractions(min_value=0, max_value=100, max_denominator=1000)))


def _corner_eval(expr, env: dict[str, Interval]) -> Interval:  # type: ignore[no-untyped-def]
    """``Expr.evaluate`` as first written, over the tree walker."""
    from itertools import product

    if all(expr.tree_names_once) or len(env) > 6:
        return _eval(expr.tree, env)
    names = list(env)
    values = []
    for corner in product((0, 1), repeat=len(names)):
        point = {n: Interval.point(env[n].hi if bit else env[n].lo) for n, bit in zip(names, corner, strict=True)}
        values.append(_eval(expr.tree, point).lo)
    return Interval(min(values), max(values))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(FORMULAS), _intervals(), _intervals(), _intervals())
def test_compiled_formula_is_the_tree_walk(text: str, x: Interval, y: Interval, z: Interval) -> None:
    expr = parse_expression(text)
    env = dict(zip(expr.names, (x, y, z), strict=False))
    try:
        expected: Interval | type[ZeroDivisionError] = _corner_eval(expr, env)
    except ZeroDivisionError:
        expected = ZeroDivisionError
    if expected is ZeroDivisionError:
        with pytest.raises(ZeroDivisionError):
            expr.evaluate(env)
    else:
        assert expr.evaluate(env) == expected
        assert expr.evaluate(env) == expected  # and again, from the kept closures
    points = {n: iv.lo for n, iv in env.items()}
    try:
        point = _eval(expr.tree, {k: Interval.point(v) for k, v in points.items()}).lo
    except ZeroDivisionError:
        return
    assert expr.evaluate_point(points) == point


def test_a_compiled_formula_pickles_as_its_fields() -> None:
    import pickle

    expr = parse_expression("a / b * 100")
    expr.evaluate({"a": Interval.point(Fraction(1)), "b": Interval.point(Fraction(4))})
    again = pickle.loads(pickle.dumps(expr))
    assert again.text == expr.text and again.names == expr.names
    assert again.evaluate({"a": Interval.point(Fraction(1)), "b": Interval.point(Fraction(4))}).lo == 25


def _fresh_interval(n: Number, exact_integers: bool) -> Interval:
    count = (n.grouped or n.currency) and not (n.ratio or n.percent)
    if n.decimals == 0 and (exact_integers or count):
        return Interval.point(n.value)
    half = Fraction(1, 2 * 10**n.decimals)
    return Interval(n.value - half, n.value + half)


@given(
    st.sampled_from(["12", "1.234", "76,42", "20%", "Rp 1.250.000", "0,5", "(3,157)", "1.621", "Baik (80)", "-4,1"]),
    st.sampled_from([None, True, False]),
    st.booleans(),
)
def test_a_kept_interval_is_the_interval(text: str, dot: bool | None, exact: bool) -> None:
    n = parse_number(text, dot)
    assert n is not None
    for _ in range(2):
        assert n.interval(exact_integers=exact) == _fresh_interval(n, exact)
        assert n.interval() == _fresh_interval(n, False)


def _corpus_views(corpus_dir: Path, name: str):  # type: ignore[no-untyped-def]
    path = corpus_dir / name
    if not path.exists():
        pytest.skip(f"{name} not in the corpus")
    return table_views(read_cached(path), shipped_ruleset())


@pytest.mark.parametrize("name", ["jombang-inspektorat-lkjip-2022.pdf", "kemensos-lakip-2018.md"])
def test_kept_labels_and_roles_are_computed_afresh(corpus_dir: Path, name: str) -> None:
    """Every row name and header role of the real tables, asked twice, is
    what the uncached computation gives."""
    views = _corpus_views(corpus_dir, name)
    vocab = shipped_ruleset().vocabulary
    rows = 0
    for view in views:
        for r in range(len(view.table.rows)):
            assert view.label(r) == view._label(r) == view.label(r)
            rows += 1
        for col in view.columns:
            for exclude in (frozenset(), frozenset({"realisasi_kinerja"})):
                assert vocab.column_role(col.header, exclude) == vocab._column_role(col.header, exclude)
        for row in view.rows:
            assert vocab.polarity(row.label) == vocab._polarity(row.label) == vocab.polarity(row.label)
    assert rows > 100


@pytest.mark.parametrize("name", ["jombang-inspektorat-lkjip-2022.pdf", "kemensos-lakip-2018.md"])
def test_kept_status_answers_are_computed_afresh(corpus_dir: Path, name: str) -> None:
    """Every text line and cell of a real report, asked twice whether it is a
    status word, gets the answer of the uncached computation."""
    path = corpus_dir / name
    if not path.exists():
        pytest.skip(f"{name} not in the corpus")
    doc = read_cached(path)
    vocab = shipped_ruleset().vocabulary
    texts = [ln.text for ln in doc.lines]
    texts += [cell.text for table in doc.tables for row in table.rows for cell in row]
    texts += ["Sangat Baik", " (Tercapai). ", "Program Baik", ""]
    for t in texts:
        assert vocab.is_status(t) == vocab._is_status(t) == vocab.is_status(t)
    assert any(vocab.is_status(t) for t in texts) and len(texts) > 500
