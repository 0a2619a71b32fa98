"""The quantities a sentence of running text states: each printed number
that is a figure (not a year, an enumerator "(1)", a regulation number or
one end of a range), with the unit word after it and its scale ("10 juta").

How a report prints them (scale words, count units, unit synonyms) is given
by the rule files (``params.numbers`` of a narrative rule), as
:class:`Conventions`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any

from auditor.meaning.context import Sentence, TextNumber
from auditor.meaning.intervals import Interval
from auditor.meaning.numbers import Number
from auditor.model import Location

_NEXT_WORD = re.compile(r"\s*([^\W\d_][\w/-]*)")


@lru_cache(maxsize=512)
def pattern(text: str) -> re.Pattern[str]:
    """A case-insensitive regex, compiled once."""
    return re.compile(text, re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """A number of running text that states a quantity (not a year, an
    enumerator "(1)", a regulation number or one end of a range)."""

    tn: TextNumber
    iv: Interval
    unit: str
    """The word after it, lower-cased: "orang", "kk"; "%" or "rp" for percentages and rupiah."""
    factor: int = 1
    """10 juta: 1.000.000."""

    @property
    def scaled(self) -> bool:
        return self.factor != 1

    @property
    def value(self) -> Fraction:
        """The printed value (times its scale word)."""
        return self.tn.number.value * self.factor

    @property
    def num(self) -> Number:
        return self.tn.number

    @property
    def start(self) -> int:
        return self.tn.start

    @property
    def end(self) -> int:
        return self.tn.end

    @property
    def text(self) -> str:
        return self.tn.number.text

    @property
    def location(self) -> Location:
        return self.tn.location


@dataclass(frozen=True)
class Conventions:
    """How running text prints quantities (``params.numbers`` of a rule)."""

    key: str
    scales: dict[str, int]
    count_units: frozenset[str]
    synonyms: tuple[frozenset[str], ...]
    reference: re.Pattern[str]
    range_between: re.Pattern[str]

    @staticmethod
    def of(p: dict[str, Any]) -> Conventions:
        return Conventions(
            key=repr(sorted(p.items())),
            scales={str(k).lower(): int(v) for k, v in (p.get("scale_words") or {}).items()},
            count_units=frozenset(str(u).lower() for u in p.get("count_units") or []),
            synonyms=tuple(frozenset(str(u).lower() for u in g) for g in p.get("unit_synonyms") or []),
            reference=pattern(p.get("reference_before") or r"(?!x)x"),
            range_between=pattern(p.get("range_between") or r"^\s*-\s*$"),
        )

    def same_unit(self, a: Figure, b: Figure) -> bool:
        """Two counts of one thing: "orang" and "orang", "orang" and "jiwa"."""
        if a.unit == b.unit:
            return bool(a.unit)
        return any(a.unit in g and b.unit in g for g in self.synonyms)

    def different_counts(self, a: Figure, b: Figure) -> bool:
        """Counts of different things: "desa" and "orang"."""
        return a.unit in self.count_units and b.unit in self.count_units and not self.same_unit(a, b)


def _ranged(sentence: Sentence, conv: Conventions) -> set[int]:
    """Indexes of the numbers that are one end of a range ("2015 - 2019")."""
    text, nums = sentence.text, sentence.numbers
    out: set[int] = set()
    for i in range(len(nums) - 1):
        if conv.range_between.match(text[nums[i].end : nums[i + 1].start]):
            out |= {i, i + 1}
    return out


def _not_a_figure(tn: TextNumber, before: str, after: str, conv: Conventions) -> bool:
    n = tn.number
    if before.endswith("(") and after.startswith(")") and n.decimals == 0 and not n.percent and n.value < 100:
        return True  # an enumerator: (1), (2)
    if conv.reference.search(before):
        return True  # Nomor 46, Pasal 25, ayat (1), tahap ke-2
    return bool(re.search(r"[/:]\s*$", before) or re.match(r"\s*[/:]\s*\d", after))  # dates and times: 20/10, 10:41


def _figure(tn: TextNumber, after: str, conv: Conventions) -> Figure:
    """The number with its unit word and scale word ("10 juta orang")."""
    n = tn.number
    m = _NEXT_WORD.match(after)
    word = m.group(1).lower() if m else ""
    scale = conv.scales.get(word)
    if scale:
        m2 = _NEXT_WORD.match(after[m.end() :]) if m else None
        word = m2.group(1).lower() if m2 else ""
    unit = "%" if n.percent else "rp" if n.currency or word == "rupiah" else word
    if scale:
        base = n.interval()
        iv = Interval(base.lo * scale, base.hi * scale)
    elif n.percent:
        iv = rounded(n)  # 1.191% is a rounded ratio even with a thousands dot
    else:
        exact = n.decimals == 0 and (unit in conv.count_units or unit == "rp")
        iv = n.interval(exact_integers=exact)
    return Figure(tn, iv, unit, scale or 1)


def read_figures(sentence: Sentence, conv: Conventions) -> list[Figure]:
    """The quantities a sentence states, in reading order."""
    text = sentence.text
    low = text.lower()
    in_range = _ranged(sentence, conv)
    out: list[Figure] = []
    for i, tn in enumerate(sentence.numbers):
        if i in in_range or tn.is_year:
            continue
        before = low[max(0, tn.start - 30) : tn.start]
        after = text[tn.end : tn.end + 60]
        if _not_a_figure(tn, before, after, conv):
            continue
        out.append(_figure(tn, after, conv))
    return out


def rounded(n: Number) -> Interval:
    """The values a printed figure stands for when it was rounded."""
    half = n.unit / 2
    return Interval(n.value - half, n.value + half)


@dataclass
class ChangeClaim:
    """A sentence saying a figure rose or fell by some amount, and the two
    figures it compares ("meningkat 12% dari A menjadi B")."""

    sentence: Sentence
    claim: Figure
    old: Figure
    new: Figure
    said_points: bool
    """The claim says "poin" (percentage points), not percent."""
