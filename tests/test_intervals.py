"""Interval arithmetic against its definition: the product (quotient) of
two intervals spans the least and greatest product (quotient) of their end
points, whatever the signs."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from auditor.meaning.intervals import Interval


def _ends(rng: random.Random) -> Interval:
    lo = Fraction(rng.randint(-2000, 2000), rng.choice([1, 10, 100]))
    return Interval(lo, lo + Fraction(rng.randint(0, 300), rng.choice([1, 10, 100, 1000])))


def test_products_and_quotients_span_their_end_points() -> None:
    rng = random.Random(11)
    signs = set()
    for _ in range(3000):
        a, b = _ends(rng), _ends(rng)
        products = [x * y for x in (a.lo, a.hi) for y in (b.lo, b.hi)]
        assert a * b == Interval(min(products), max(products)), (a, b)
        signs.add((a.lo >= 0, b.lo >= 0))
        if b.lo <= 0 <= b.hi:
            with pytest.raises(ZeroDivisionError):
                _ = a / b
            continue
        quotients = [x / y for x in (a.lo, a.hi) for y in (b.lo, b.hi)]
        assert a / b == Interval(min(quotients), max(quotients)), (a, b)
    assert signs == {(True, True), (True, False), (False, True), (False, False)}


def test_a_printed_capaian_is_recomputed_from_its_rounded_inputs() -> None:
    """76,42 / 80,00 x 100 from figures printed with two decimals."""
    half = Fraction(1, 200)
    realisasi = Interval(Fraction("76.42") - half, Fraction("76.42") + half)
    target = Interval(Fraction(80) - half, Fraction(80) + half)
    capaian = realisasi / target * Interval.point(100)
    assert capaian.contains(Fraction("95.525")) and not capaian.contains(Fraction("95.54"))
