"""How one printed figure differs from another copy of it, digit by digit.

Two copies of one figure that differ usually differ by a slip of the pen:
two adjacent digits exchanged (0.612 for 0.162), one digit changed
(79.912 for 78.912, 1,157 for 3,157), or the leading digit dropped (157
for 3157). Saying which slip it is tells the reviewer that the copies are
one figure mistyped, not two figures; a difference that is no slip says
nothing and is left unnamed.
"""

from __future__ import annotations

from auditor.meaning.numbers import Number

SWAP = "swap"
"""Two adjacent digits exchanged."""
CHANGED = "changed"
"""One digit changed (the same number of digits)."""
DROPPED = "dropped"
"""The leading digit dropped."""


def significant_digits(n: Number) -> str:
    """The digits as printed, without sign, separators or leading zeros:
    0.162 -> "162", 78.912 -> "78912"; "" when the value has more
    decimals than printed (it cannot be read digit by digit)."""
    scaled = abs(n.value) * 10**n.decimals
    if scaled != int(scaled):
        return ""
    return str(int(scaled)) if scaled else ""


def digit_slip(printed: Number, true: Number, min_digits: int = 3, last_digit: bool = True) -> str | None:
    """Which slip turns ``true`` into ``printed``: :data:`SWAP`,
    :data:`CHANGED`, :data:`DROPPED`, or None (no single slip, or equal).

    Both must be printed at the same number of decimals: 0.16 against 0.162
    is a rounding, not a slip. Figures of fewer than ``min_digits``
    significant digits (5 against 6) differ by one digit by chance; with
    ``last_digit`` false, a change of the last digit alone (1.733.981 for
    1.733.980: a rounding of a computed figure) is no slip."""
    if printed.decimals != true.decimals:
        return None
    a, b = significant_digits(printed), significant_digits(true)
    if len(b) < min_digits or not a or a == b:
        return None
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return CHANGED if last_digit or diff[0] != len(a) - 1 else None
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
            return SWAP
        return None
    if len(a) == len(b) - 1 and a == b[1:]:
        return DROPPED
    return None
