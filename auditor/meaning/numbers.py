"""Numbers as Indonesian reports print them.

Every parsed number keeps its printed text, its value, how many decimals were
printed (which fixes the interval it stands for) and what decorated it (%,
Rp, a qualitative label). Floats are never used: ``0,1 + 0,2`` must be
``0,3`` exactly when a total is checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property, lru_cache

from auditor.meaning.intervals import Interval

_NIL = {"", "-", "--", "—", "–", "n/a", "na", "#n/a", "nihil", "tidak ada", "0-"}

_CURRENCY = re.compile(r"^rp\.?\s*", re.IGNORECASE)
_TRAILING_DASH = re.compile(r"\s*,\s*-+$")
_PERCENT = re.compile(r"\s*(%|persen)$", re.IGNORECASE)
_QUALITATIVE = re.compile(r"^(?P<label>[^\d()]*[A-Za-z][^()]*?)\s*\(\s*(?P<num>[-+]?[\d.,]+\s*%?)\s*\)$")

_THOUSANDS_DOT = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3}){2,}(\.\d+)?$|^\d{1,3},\d{3}\.\d+$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d+$")
_DECIMAL_DOT = re.compile(r"^\d*\.\d+$")
_INTEGER = re.compile(r"^\d+$")
_AMBIGUOUS_DOT = re.compile(r"^\d{1,3}\.\d{3}$")


@dataclass(frozen=True)
class Number:
    """A number as printed, with the interval its printed precision allows."""

    text: str
    value: Fraction
    decimals: int
    percent: bool = False
    currency: bool = False
    qualitative: bool = False
    grouped: bool = False
    """Printed with thousands separators (1.234.567): a count or an amount."""
    decimal_sep: str = ","
    ratio: bool = False
    """Printed in a ratio column (capaian, %): a rounded percentage, never a
    count, even when a thousands dot groups it (a capaian of 1.621)."""

    def interval(self, exact_integers: bool = False) -> Interval:
        """The values the printed figure may stand for.

        Integers printed as counts or rupiah amounts are exact; a ratio
        printed without decimals (``20%``, ``1.250%``) may have been rounded.
        """
        count = (self.grouped or self.currency) and not (self.ratio or self.percent)
        if self.decimals == 0 and (exact_integers or count):
            return self._point
        return self._rounded

    @cached_property
    def _point(self) -> Interval:
        """The printed value alone, kept (a Number never changes, and the
        rules ask for its interval on every relation they try)."""
        return Interval.point(self.value)

    @cached_property
    def _rounded(self) -> Interval:
        """Every value that rounds to the printed one, kept as ``_point`` is."""
        half = Fraction(1, 2 * 10**self.decimals)
        return Interval(self.value - half, self.value + half)

    @property
    def unit(self) -> Fraction:
        return Fraction(1, 10**self.decimals)


DECLARED_ROLES = frozenset({"target", "target_end"})
"""Column roles whose integers are declared values, exact as printed.

A target is set, not measured: a target of ``75`` or ``1%`` is 75 and 1,
not anything from 74,5 to 75,5. Checked on every capaian row of the corpus
whose target is an integer (49 rows in the Jombang, Sumut and Cianjur PDFs
and the Kemensos export): read exact, one row changes verdict, Sumut's
"wawasan kebangsaan" 80 / 75 x 100 = 106,67 printed 105% (p28), a real
defect that its other copies (105,00%) already show; read as rounded, 105
would pass there only because 80 / 75,5 = 105,96 rounds near it. No other
row changes, so no finding appears that is not a defect. A realisasi is a
measurement and keeps its rounding interval."""


def role_interval(num: Number, role: str | None) -> Interval:
    """The values ``num`` stands for as an input in a column of ``role``:
    an integer target is exact (see DECLARED_ROLES), anything else stands
    for its printed precision."""
    return num.interval(exact_integers=role in DECLARED_ROLES)


def is_nil(text: str) -> bool:
    """A dash or 'n/a': printed to say 'nothing', which sums as zero."""
    return text.strip().lower() in _NIL - {""}


def dot_style(text: str) -> bool | None:
    """True if ``text`` clearly uses a decimal dot, False if clearly a decimal
    comma or thousands dots, None when it does not say (``12``, ``1.000``)."""
    core = _core(text)
    if core is None:
        return None
    if _AMBIGUOUS_DOT.match(core) or _INTEGER.match(core):
        return None
    if _THOUSANDS_DOT.match(core) or _DECIMAL_COMMA.match(core):
        return False
    if _DECIMAL_DOT.match(core) or _THOUSANDS_COMMA.match(core):
        return True
    return None


def _core(text: str) -> str | None:
    t = text.strip().replace("\u00a0", " ")
    t = _CURRENCY.sub("", t)
    t = _TRAILING_DASH.sub("", t)
    t = _PERCENT.sub("", t).strip()
    t = t.lstrip("+").replace(" ", "")
    if t.startswith("-"):
        t = t[1:]
    return t or None


@lru_cache(maxsize=65536)
def parse_number(text: str, dot_decimal: bool | None = None) -> Number | None:
    """Parse a printed figure; None when the text is not a single number.

    ``dot_decimal`` is the convention of the surrounding column or sentence:
    it decides ``1.000`` (a thousand, or one with three decimals) and ``1,291``.
    Without it the Indonesian convention (dot = thousands) is assumed.
    Cached (a Number is frozen): the rules parse the same cells again and
    again, and the qualitative-grade pattern tried first is costly.
    """
    raw = " ".join(text.split())
    if not raw:
        return None
    m = _QUALITATIVE.match(raw)
    if m:
        return _graded(raw, parse_number(m.group("num"), dot_decimal))
    t = raw
    negative = False
    if t.startswith("(") and t.endswith(")"):
        # in a LAKIP a figure in parentheses is the measured value of a grade
        # whose label stands apart ("Level 3" | "(3,157)"), not an accounting
        # negative: budget tables print no negative amounts
        return _graded(raw, parse_number(t[1:-1], dot_decimal))
    currency = bool(_CURRENCY.match(t))
    t = _CURRENCY.sub("", t)
    t = _TRAILING_DASH.sub("", t)
    percent = bool(_PERCENT.search(t))
    t = _PERCENT.sub("", t).strip().replace(" ", "")
    if t.startswith(("-", "−")):
        negative, t = True, t[1:]
    elif t.startswith("+"):
        t = t[1:]
    parsed = _digits(t, dot_decimal)
    if parsed is None:
        return None
    value, decimals, grouped, sep = parsed
    return Number(
        text=raw,
        value=-value if negative else value,
        decimals=decimals,
        percent=percent,
        currency=currency,
        grouped=grouped,
        decimal_sep=sep,
    )


def _graded(raw: str, inner: Number | None) -> Number | None:
    """The measured value of a grade ("Level 3 (3,35)"), printed as ``raw``."""
    if inner is None:
        return None
    return Number(
        text=raw,
        value=inner.value,
        decimals=inner.decimals,
        percent=inner.percent,
        qualitative=True,
        grouped=inner.grouped,
        decimal_sep=inner.decimal_sep,
    )


def _digits(t: str, dot_decimal: bool | None) -> tuple[Fraction, int, bool, str] | None:
    """Value, printed decimals, thousands-grouped?, decimal separator."""
    if _INTEGER.match(t):
        return Fraction(int(t)), 0, False, ","
    if _AMBIGUOUS_DOT.match(t):
        if dot_decimal:
            return _decimal(t, "."), len(t.split(".")[1]), False, "."
        return Fraction(int(t.replace(".", ""))), 0, True, ","
    if _THOUSANDS_DOT.match(t):
        int_part, _, frac = t.partition(",")
        whole = int_part.replace(".", "")
        return _decimal(f"{whole},{frac}" if frac else whole, ","), len(frac), True, ","
    if _DECIMAL_COMMA.match(t):
        if dot_decimal and re.match(r"^\d{1,3},\d{3}$", t):
            return Fraction(int(t.replace(",", ""))), 0, True, "."
        return _decimal(t, ","), len(t.split(",")[1]), False, ","
    if _THOUSANDS_COMMA.match(t):
        int_part, _, frac = t.partition(".")
        whole = int_part.replace(",", "")
        return _decimal(f"{whole}.{frac}" if frac else whole, "."), len(frac), True, "."
    if _DECIMAL_DOT.match(t):
        return _decimal(t, "."), len(t.split(".")[1]), False, "."
    return None


def _decimal(t: str, sep: str) -> Fraction:
    whole, _, frac = t.partition(sep)
    whole = whole or "0"
    if not frac:
        return Fraction(int(whole))
    return Fraction(int(whole + frac), 10 ** len(frac))


def format_number(value: Fraction, decimals: int, decimal_sep: str = ",") -> str:
    """Print ``value`` the way the report prints its neighbours (round half up)."""
    q = Fraction(10**decimals)
    scaled = value * q
    n = int(abs(scaled) + Fraction(1, 2))
    if scaled < 0:
        n = -n
    sign = "-" if n < 0 else ""
    n = abs(n)
    whole, frac = divmod(n, 10**decimals) if decimals else (n, 0)
    thousands = "." if decimal_sep == "," else ","
    whole_s = f"{whole:,}".replace(",", thousands)
    if decimals:
        return f"{sign}{whole_s}{decimal_sep}{frac:0{decimals}d}"
    return f"{sign}{whole_s}"


_SEPARATED = re.compile(r"^\d+(?:[.,]\d+){2,}$")
_DATE = re.compile(r"^\d{1,2}[.,]\d{1,2}[.,](?:19|20)\d\d$")


def malformed_readings(text: str) -> list[str] | None:
    """The figures a malformed amount could have meant, or None when ``text``
    is a valid number (in either convention) or no amount at all.

    ``133.825.00,00`` and ``2.807.870.000.00`` are valid neither as
    ``1.234.567,89`` nor as ``1,234,567.89``: a typing slip whose value
    nobody can know, so :func:`parse_number` refuses it and arithmetic never
    uses it. Outline codes (``3.10.6``) and dates (``31.12.2015``) are not
    amounts: too few digits, or the shape of a date. The readings are the
    last separator as the decimal one, and every separator as thousands.
    """
    if re.search(r"[\d.,]\s+[\d.,]", text):
        return None  # several figures in one cell: a reading problem, not a slip
    core = _core(" ".join(text.split()))
    if core is None or text.strip().startswith("(") or not _SEPARATED.match(core) or _DATE.match(core):
        return None
    if parse_number(text) is not None or parse_number(text, True) is not None:
        return None
    groups = re.split(r"[.,]", core)
    if sum(len(g) for g in groups) < 6 or not any(len(g) == 3 for g in groups[1:]):
        return None
    whole, frac = "".join(groups[:-1]), groups[-1]
    as_thousands = format_number(Fraction(int("".join(groups))), 0)
    if len(frac) == 3:  # a last group of three is a thousands group
        return [as_thousands]
    return [format_number(_decimal(f"{whole},{frac}", ","), len(frac)), as_thousands]


_RANGE = re.compile(
    r"^(?P<lo>[^-–—]+?)\s*(?:[-–—]|s\.?\s?d\.?|s/d|sampai(?: dengan)?)\s*(?P<hi>[^-–—]+)$", re.IGNORECASE
)


def parse_range(text: str, dot_decimal: bool | None = None) -> tuple[Number, Number] | None:
    """A target printed as a range (``75,70-76,20``, ``80 s.d. 85%``): its
    two ends, lower first; None for anything else, and for a span of years
    (``2019-2023``), which is a period, not a value."""
    m = _RANGE.match(" ".join(text.split()))
    if not m:
        return None
    lo, hi = parse_number(m.group("lo"), dot_decimal), parse_number(m.group("hi"), dot_decimal)
    if lo is None or hi is None or lo.qualitative or hi.qualitative or lo.value >= hi.value:
        return None
    if all(n.decimals == 0 and 1900 <= n.value <= 2100 and not n.percent for n in (lo, hi)):
        return None
    return lo, hi
