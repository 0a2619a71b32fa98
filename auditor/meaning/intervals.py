"""Closed intervals of exact rationals: the arithmetic of printed precision.

A printed ``76,42`` stands for every value in [76,415; 76,425]. Computing
with the end points (as XBRL Calculations 1.1 does for sums) tells whether
*some* rounding of the printed inputs can give the printed result, which is
the only honest ground for calling a figure wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Interval:
    lo: Fraction
    hi: Fraction

    @staticmethod
    def point(v: Fraction | int) -> Interval:
        f = Fraction(v)
        return Interval(f, f)

    @property
    def mid(self) -> Fraction:
        return (self.lo + self.hi) / 2

    def __add__(self, o: Interval) -> Interval:
        return Interval(self.lo + o.lo, self.hi + o.hi)

    def __sub__(self, o: Interval) -> Interval:
        return Interval(self.lo - o.hi, self.hi - o.lo)

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def __mul__(self, o: Interval) -> Interval:
        if self.lo >= 0 and o.lo >= 0:
            # printed figures are nearly always positive: two products, exact
            return Interval(self.lo * o.lo, self.hi * o.hi)
        ps = (self.lo * o.lo, self.lo * o.hi, self.hi * o.lo, self.hi * o.hi)
        return Interval(min(ps), max(ps))

    def __truediv__(self, o: Interval) -> Interval:
        if o.lo <= 0 <= o.hi:
            raise ZeroDivisionError("divisor interval contains zero")
        if self.lo >= 0 and o.lo > 0:
            return Interval(self.lo / o.hi, self.hi / o.lo)
        return self * Interval(1 / o.hi, 1 / o.lo)

    def overlaps(self, o: Interval) -> bool:
        return self.lo <= o.hi and o.lo <= self.hi

    def contains(self, v: Fraction) -> bool:
        return self.lo <= v <= self.hi


def interval_sum(items: list[Interval]) -> Interval:
    """Sum of intervals: a total is allowed the accumulated rounding of its parts."""
    lo = sum((i.lo for i in items), Fraction(0))
    hi = sum((i.hi for i in items), Fraction(0))
    return Interval(lo, hi)


def interval_mean(items: list[Interval]) -> Interval:
    s = interval_sum(items)
    n = len(items)
    return Interval(s.lo / n, s.hi / n)
