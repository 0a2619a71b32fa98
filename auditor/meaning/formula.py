"""A small, safe expression language for rule formulas.

``capaian = realisasi / target * 100``: names are column roles, numbers are
constants, and only + - * / and parentheses are allowed, so a reviewer's rule
file can never run code. Evaluation is over :class:`Interval` values.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from itertools import product

from auditor.meaning.intervals import Interval

_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_APPLY: dict[str, Callable] = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}
"""The four operations, on Intervals and on Fractions alike."""
Evaluator = Callable[[dict[str, Interval]], Interval]
PointEvaluator = Callable[[dict[str, Fraction]], Fraction]


class FormulaError(ValueError):
    """The formula text is not of the allowed form."""


@dataclass(frozen=True)
class Expr:
    """A parsed right-hand side; ``names`` are the roles it reads."""

    text: str
    tree: ast.expr
    names: tuple[str, ...]

    def evaluate(self, env: dict[str, Interval]) -> Interval:
        """The range of the expression over the box of input intervals.

        Plain interval arithmetic overestimates when a name appears twice
        (``(2 * target - realisasi) / target``), which would let a wrong
        figure pass. Rule formulas are ratios, sums and differences of
        positive quantities, monotone in each input over a printed interval,
        so the extremes lie on the corners of the box: evaluate those.
        """
        if self._names_once or len(env) > 6:
            return self._compiled(env)
        run = self._compiled_point
        ends = [(n, _exact(iv.lo), _exact(iv.hi)) for n, iv in env.items()]
        values = []
        for corner in product((0, 1), repeat=len(ends)):
            values.append(run({n: hi if bit else lo for (n, lo, hi), bit in zip(ends, corner, strict=True)}))
        return Interval(min(values), max(values))

    @property
    def tree_names_once(self) -> list[bool]:
        seen = [n.id for n in ast.walk(self.tree) if isinstance(n, ast.Name)]
        return [seen.count(n) == 1 for n in self.names]

    @cached_property
    def _names_once(self) -> bool:
        """``all(tree_names_once)``, kept: the tree never changes and a rule
        formula is evaluated on every row of every table."""
        return all(self.tree_names_once)

    @cached_property
    def _compiled(self) -> Evaluator:
        """:func:`_eval` of the tree as nested closures, its constants made
        once: the same operations in the same order, without walking the tree
        on every row."""
        return _compile(self.tree)

    @cached_property
    def _compiled_point(self) -> PointEvaluator:
        """:func:`_compile_point` of the tree, kept as ``_compiled`` is."""
        return _compile_point(self.tree)

    def __getstate__(self) -> dict[str, object]:
        """The fields alone: the kept closures are remade where needed (and
        cannot be pickled)."""
        return {k: v for k, v in self.__dict__.items() if k in ("text", "tree", "names")}

    def evaluate_point(self, env: dict[str, Fraction]) -> Fraction:
        """The value at one point (see :func:`_compile_point`)."""
        return self._compiled_point({k: _exact(v) for k, v in env.items()})


def parse_expression(text: str) -> Expr:
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError as exc:
        raise FormulaError(f"cannot parse expression {text!r}: {exc.msg}") from None
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            if node.id not in names:
                names.append(node.id)
        elif isinstance(node, ast.BinOp):
            if type(node.op) not in _OPS:
                raise FormulaError(f"operator not allowed in {text!r}; use + - * /")
        elif isinstance(node, ast.UnaryOp):
            if not isinstance(node.op, ast.USub):
                raise FormulaError(f"operator not allowed in {text!r}")
        elif isinstance(node, ast.Constant):
            if not isinstance(node.value, (int, float)) or isinstance(node.value, bool):
                raise FormulaError(f"only numbers may appear as constants in {text!r}")
        elif not isinstance(node, (ast.operator, ast.unaryop, ast.Load)):
            raise FormulaError(f"{type(node).__name__} not allowed in {text!r}")
    return Expr(text=text.strip(), tree=tree, names=tuple(names))


def parse_formula(text: str) -> tuple[str, Expr]:
    """Split ``lhs = rhs``; the left-hand side is the checked column's role."""
    lhs, sep, rhs = text.partition("=")
    lhs = lhs.strip()
    if not sep or not lhs.isidentifier():
        raise FormulaError(f"formula {text!r} must read 'name = expression'")
    return lhs, parse_expression(rhs)


def _eval(node: ast.expr, env: dict[str, Interval]) -> Interval:
    if isinstance(node, ast.Name):
        return env[node.id]
    if isinstance(node, ast.Constant):
        return Interval.point(Fraction(str(node.value)))
    if isinstance(node, ast.UnaryOp):
        return -_eval(node.operand, env)
    if isinstance(node, ast.BinOp):
        a, b = _eval(node.left, env), _eval(node.right, env)
        op = _OPS[type(node.op)]
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        return a / b
    raise FormulaError(f"cannot evaluate {ast.dump(node)}")


def _exact(v: Fraction | int) -> Fraction:
    """``v`` as :meth:`Interval.point` holds it (a Fraction)."""
    return v if type(v) is Fraction else Fraction(v)


def _compile_point(node: ast.expr) -> PointEvaluator:
    """A function computing ``_compile(node)(points).lo`` from the points'
    values alone.

    On point intervals every operation of :class:`Interval` is the exact
    rational operation on the two values: a sum, difference, negation,
    product (the two or four corner products are all the one product) or
    quotient (``lo / hi`` and ``lo * (1 / hi)`` are the same rational), and a
    zero divisor raises ZeroDivisionError both ways. So the values are the
    same Fractions, without making an Interval per operation.
    """
    return _compiled_with(node, lambda value: value)  # type: ignore[return-value]


def _compile(node: ast.expr) -> Evaluator:
    """A function computing what :func:`_eval` computes on ``node``."""
    return _compiled_with(node, Interval.point)


def _compiled_with(node: ast.expr, constant_of: Callable) -> Callable:
    """``node`` as a function of an environment: names looked up in it,
    constants made by ``constant_of`` once (intervals for :func:`_compile`,
    values for :func:`_compile_point`), operators applied by ``_APPLY``."""
    if isinstance(node, ast.Name):
        name = node.id
        return lambda env: env[name]
    if isinstance(node, ast.Constant):
        constant = constant_of(Fraction(str(node.value)))
        return lambda env: constant
    if isinstance(node, ast.UnaryOp):
        operand = _compiled_with(node.operand, constant_of)
        return lambda env: -operand(env)
    if isinstance(node, ast.BinOp):
        left = _compiled_with(node.left, constant_of)
        right = _compiled_with(node.right, constant_of)
        apply = _APPLY[_OPS[type(node.op)]]
        return lambda env: apply(left(env), right(env))
    raise FormulaError(f"cannot evaluate {ast.dump(node)}")
