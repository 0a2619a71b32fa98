"""How many items one table cell lists.

A Renstra or Perjanjian Kinerja often prints several indicators of one
sasaran in a single cell, numbered ("1. Persentase ... 2. Persentase ...")
or bulleted ("• Indeks ... • Nilai ..."): a row with five indicators is
five indicators, not one, when a sentence counts them.
"""

from __future__ import annotations

import re

_NUMBERED = re.compile(r"(?:^|(?<=\s))\(?(\d{1,2})[.)]\s+(?=[^\W\d_])")
_LETTERED = re.compile(r"(?:^|(?<=\s))\(?([a-z])[.)]\s+(?=[^\W\d_]{2})")
_BULLET = re.compile(r"(?:^|(?<=\s))[•▪●◦]\s*(?=\S)|(?:^|(?<=\n))[-–*]\s+(?=\S)")


def _run_from_one(markers: list[int]) -> int:
    """The length of the numbering 1, 2, 3 ... the markers make, in order
    (a lone "1." or numbers out of order are not a list)."""
    if len(markers) < 2 or markers != list(range(1, len(markers) + 1)):
        return 1
    return len(markers)


def items_in_cell(text: str) -> int:
    """The items a cell lists: numbered 1, 2, 3 ... or a, b, c ... from its
    start, or two or more bullets; else one."""
    t = text.strip()
    numbered = [int(m.group(1)) for m in _NUMBERED.finditer(t)]
    if numbered and t.lstrip("(")[:1].isdigit():
        return _run_from_one(numbered)
    lettered = [ord(m.group(1)) - ord("a") + 1 for m in _LETTERED.finditer(t)]
    if lettered and t.lstrip("(")[:1].lower() == "a":
        return _run_from_one(lettered)
    bullets = len(_BULLET.findall(t))
    return bullets if bullets >= 2 else 1
