"""Narrative arithmetic and claims in words about tables.

A LAKIP explains its figures in sentences: "2.538 orang atau 15,18% dari
populasi 393.916 orang", "target 0,8% dan realisasi 1,61% sehingga capaian
201,24%", "pagu awal Rp A ... penambahan Rp B ... pagu akhir Rp C",
"meningkat 12% dibandingkan ...", "3 indikator melebihi target". Each engine
here recognises one kind of sentence, recomputes what it says from the
figures it prints (interval arithmetic on their printed precision: a claim
fails only when no rounding of the printed figures makes it true) and, for
claims about tables, from the table the sentence describes.

Every word the engines look for (keywords, number words, nouns, unit words)
comes from the rule's ``params`` in ``rules/narrative.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from itertools import pairwise
from typing import Any

from auditor.audit import register_document_engine
from auditor.checks.common import cell_location, text_finding
from auditor.context import DocContext, Sentence, TextNumber, _line_order, is_heading, table_order
from auditor.findings import Finding, Location
from auditor.formula import Expr, parse_expression
from auditor.intervals import Interval, interval_mean, interval_sum
from auditor.numbers import Number, format_number
from auditor.ruleset import LINE_KEY, Rule, RuleSet
from auditor.semantics import HEADING_KINDS, TableView

HUNDRED = Interval.point(100)
_NEXT_WORD = re.compile(r"\s*([^\W\d_][\w/-]*)")
_NOTES = {
    "truncated": {
        "id": "Nilai tercetak hanya cocok jika hasilnya dipotong (bukan dibulatkan).",
        "en": "The printed value fits only if the result was truncated instead of rounded.",
    },
    "points": {
        "id": ", atau selisih {points} poin",
        "en": ", or a difference of {points} points",
    },
    "reading": {
        "id": "Angka {text} dibaca sebagai {value}.",
        "en": "The figure {text} is read as {value}.",
    },
}


# -- rule parameters ------------------------------------------------------------


def _clean(value: Any) -> Any:
    """A params value without the loader's line-number keys."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if k != LINE_KEY}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


@lru_cache(maxsize=512)
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _alt(words: list[str]) -> str:
    """A regex alternation of words or phrases, longest first."""
    return "|".join(sorted((str(w) for w in words), key=len, reverse=True))


def _param(rule: Rule, key: str, default: Any = None) -> Any:
    return _clean(rule.params.get(key, default))


def _note(key: str, lang: str, **args: object) -> str:
    return _NOTES[key].get(lang, _NOTES[key]["id"]).format(**args)


# -- figures of a sentence ----------------------------------------------------------


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
    def of(rule: Rule) -> Conventions:
        p = _param(rule, "numbers", {}) or {}
        return Conventions(
            key=repr(sorted(p.items())),
            scales={str(k).lower(): int(v) for k, v in (p.get("scale_words") or {}).items()},
            count_units=frozenset(str(u).lower() for u in p.get("count_units") or []),
            synonyms=tuple(frozenset(str(u).lower() for u in g) for g in p.get("unit_synonyms") or []),
            reference=_rx(p.get("reference_before") or r"(?!x)x"),
            range_between=_rx(p.get("range_between") or r"^\s*-\s*$"),
        )

    def same_unit(self, a: Figure, b: Figure) -> bool:
        """Two counts of one thing: "orang" and "orang", "orang" and "jiwa"."""
        if a.unit == b.unit:
            return bool(a.unit)
        return any(a.unit in g and b.unit in g for g in self.synonyms)

    def different_counts(self, a: Figure, b: Figure) -> bool:
        """Counts of different things: "desa" and "orang"."""
        return a.unit in self.count_units and b.unit in self.count_units and not self.same_unit(a, b)


def figures(ctx: DocContext, sentence: Sentence, conv: Conventions) -> list[Figure]:
    """The quantities a sentence states, read once per audit."""
    cache: dict[tuple[str, int], list[Figure]] = ctx.cache.setdefault("narrative-figures", {})  # type: ignore[assignment]
    key = (conv.key, id(sentence))
    if key not in cache:
        cache[key] = _figures(sentence, conv)
    return cache[key]


def _figures(sentence: Sentence, conv: Conventions) -> list[Figure]:
    text = sentence.text
    low = text.lower()
    nums = sentence.numbers
    in_range: set[int] = set()
    for i in range(len(nums) - 1):
        if conv.range_between.match(text[nums[i].end : nums[i + 1].start]):
            in_range |= {i, i + 1}
    out: list[Figure] = []
    for i, tn in enumerate(nums):
        n = tn.number
        if i in in_range or tn.is_year:
            continue
        before = low[max(0, tn.start - 30) : tn.start]
        after = text[tn.end : tn.end + 60]
        if before.endswith("(") and after.startswith(")") and n.decimals == 0 and not n.percent and n.value < 100:
            continue  # an enumerator: (1), (2)
        if conv.reference.search(before):
            continue  # Nomor 46, Pasal 25, ayat (1), tahap ke-2
        if re.search(r"[/:]\s*$", before) or re.match(r"\s*[/:]\s*\d", after):
            continue  # dates and times: 20/10, 10:41
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
        out.append(Figure(tn, iv, unit, scale or 1))
    return out


def rounded(n: Number) -> Interval:
    """The values a printed figure stands for when it was rounded."""
    half = n.unit / 2
    return Interval(n.value - half, n.value + half)


def _words(text: str) -> int:
    return len(text.split())


def _fit(got: Interval, printed: Figure | Number, truncation: bool = False) -> str | None:
    """How a recomputed value fits a printed one: "round" when some rounding
    of the inputs gives it, "truncated" when only cutting off its digits does
    (ratios only), else None."""
    if isinstance(printed, Figure):
        iv, v, unit = printed.iv, printed.value, printed.num.unit * printed.factor
    else:
        iv, v, unit = printed.interval(), printed.value, printed.unit
    if got.overlaps(iv):
        return "round"
    if truncation and v >= 0 and got.overlaps(Interval(v, v + unit)):
        return "truncated"
    return None


def _fmt(value: Fraction, like: Figure, ratio: bool = False) -> str:
    """A recomputed value printed like the figure it checks (in its scale:
    "10" for "Rp 10 miliar"); a ratio with at least two decimals, as the
    table rules print theirs."""
    decimals = max(like.num.decimals, 2) if ratio else like.num.decimals
    return format_number(value / like.factor, decimals, like.num.decimal_sep)


def _plain(f: Figure) -> str:
    return f.text.replace("%", "").strip()


def _finding(
    rule: Rule,
    ctx: DocContext,
    lang: str,
    sentence: Sentence,
    figs: list[Figure],
    *,
    printed: str,
    expected: str | None,
    kind: str,
    fit: str | None = None,
    severity: str | None = None,
    note: str = "",
    **args: object,
) -> Finding:
    if fit == "truncated":
        severity = "warning" if (severity or rule.severity) == "error" else severity
        note = f"{note} {_note('truncated', lang)}".strip()
    return text_finding(
        rule,
        lang,
        locations=[f.location for f in figs],
        printed=printed,
        expected=expected,
        meaning=(kind, (sentence.heading or "").lower(), *(f.text for f in figs)),
        severity=severity,
        note=note,
        **args,
    )


# -- NAR001: X atau Y% dari Z --------------------------------------------------------


@register_document_engine("narrative-share")
def check_share(rule: Rule, ctx: DocContext, lang: str) -> Iterator[Finding]:
    """``X orang atau Y% dari populasi Z``: Y = X / Z x 100. The whole may
    also come first: ``dari pagu Rp Z ... Rp X atau Y%``, or ``Z orang, dan
    dari jumlah tersebut ... X jiwa atau Y%``."""
    conv = Conventions.of(rule)
    link = _rx(_param(rule, "link", r"^\s*(?:[^\W\d]+\s+){0,3}?atau\s+(?:sekitar\s+|sebesar\s+)?$"))
    after_base = _rx(_param(rule, "base_after", r"^\s*(?:dari|terhadap)\b"))
    before_base = _rx(_param(rule, "base_before", r"\bdari\s+((?:[\w/()-]+\s+){0,4})$"))
    base_words = _rx(_param(rule, "base_words", r"jumlah|total|populasi"))
    back_ref = _rx(_param(rule, "base_reference", r"\bdari\s+(?:jumlah|total)\s+(?:tersebut|itu)\b"))
    max_gap = int(_param(rule, "max_words", 8))
    for s in ctx.sentences:
        figs = figures(ctx, s, conv)
        if len(figs) < 3:
            continue
        low = s.text.lower()
        for j in range(1, len(figs)):
            y, x = figs[j], figs[j - 1]
            if not y.num.percent or x.num.percent or not link.match(low[x.end : y.start]):
                continue
            z = None
            if j + 1 < len(figs) and after_base.match(low[y.end :]):
                cand = figs[j + 1]
                if not cand.num.percent and _words(low[y.end : cand.start]) <= max_gap:
                    z = cand
            if z is None:
                for k in range(j - 2, -1, -1):
                    cand = figs[k]
                    if cand.num.percent:
                        break
                    m = before_base.search(low[max(0, cand.start - 80) : cand.start])
                    if m and (not m.group(1).strip() or base_words.search(m.group(1))):
                        z = cand
                        break
                    if back_ref.search(low[cand.end : x.start]):
                        z = cand
                        break
            if z is None or (x.unit == "rp") != (z.unit == "rp") or conv.different_counts(x, z) or z.iv.lo <= 0:
                continue
            got = x.iv / z.iv * HUNDRED
            fit = _fit(got, y, truncation=True)
            if fit == "round":
                continue
            yield _finding(
                rule, ctx, lang, s, [y, x, z],
                printed=y.text, expected=_fmt(x.value / z.value * 100, y, ratio=True), kind="share", fit=fit,
                part=x.text, whole=z.text,
            )  # fmt: skip


# -- NAR002: target, realisasi and capaian in one sentence ------------------------------


def _rule_in_force(ctx: DocContext, code: str) -> Rule | None:
    """Another rule of the audit's rule set (CAP001 and its formulas), else
    of the shipped rule files (a rule code cannot be defined twice)."""
    ruleset = ctx.cache.get("ruleset")
    if isinstance(ruleset, RuleSet):
        return ruleset.get(code)
    return _shipped_rule(code)


@lru_cache(maxsize=8)
def _shipped_rule(code: str) -> Rule | None:
    from auditor.ruleset import load_ruleset

    return load_ruleset().get(code)


def _role_figures(
    low: str, figs: list[Figure], roles: dict[str, re.Pattern[str]], max_gap: int, skip: re.Pattern[str]
) -> dict[str, list[Figure]]:
    """Each figure belongs to the nearest role keyword before it."""
    marks = sorted((m.start(), m.end(), role) for role, rx in roles.items() for m in rx.finditer(low))
    out: dict[str, list[Figure]] = {}
    for f in figs:
        before = [mk for mk in marks if mk[1] <= f.start]
        if not before:
            continue
        _, end, role = before[-1]
        if _words(low[end : f.start]) > max_gap or skip.search(low[max(0, f.start - 30) : f.start]):
            continue
        out.setdefault(role, []).append(f)
    return out


@register_document_engine("narrative-capaian")
def check_capaian_sentence(rule: Rule, ctx: DocContext, lang: str) -> Iterator[Finding]:
    """``target T ... realisasi R ... capaian C``: C follows from T and R by
    the formulas of the capaian rule (CAP001: higher or lower is better)."""
    conv = Conventions.of(rule)
    source = _rule_in_force(ctx, str(_param(rule, "formulas_from", "CAP001")))
    if source is None or source.formula is None or source.output is None:
        return
    formulas: list[Expr] = [source.formula, *source.alternatives]
    keywords = {k: _rx(v) for k, v in (_param(rule, "keywords", {}) or {}).items()}
    out_name = source.output
    inputs = [n for n in source.formula.names]
    if set(keywords) != {out_name, *inputs}:
        return
    skip = _rx(_param(rule, "threshold_before", r"(?!x)x"))
    count_nouns = _rx(rf"^(?:{_alt(_param(rule, 'count_nouns', ['indikator']))})\b")
    max_gap = int(_param(rule, "max_words", 10))
    for s in ctx.sentences:
        figs = figures(ctx, s, conv)
        if len(figs) < 3:
            continue
        low = s.text.lower()
        figs = [f for f in figs if not count_nouns.match(f.unit)]
        got = _role_figures(low, figs, keywords, max_gap, skip)
        if any(len(got.get(name, [])) != 1 for name in (out_name, *inputs)):
            continue
        c = got[out_name][0]
        ins = {name: got[name][0] for name in inputs}
        if any(f.unit == "rp" or (f.num.grouped and not f.num.percent) for f in ins.values()):
            continue
        env = {name: f.iv for name, f in ins.items()}
        try:
            results = [expr.evaluate(env) for expr in formulas]
        except ZeroDivisionError:
            continue
        fits = [_fit(r, c, truncation=True) for r in results]
        if "round" in fits:
            continue
        shown = source.formula.text
        for name, f in ins.items():
            shown = re.sub(rf"\b{re.escape(name)}\b", _plain(f), shown)
        yield _finding(
            rule, ctx, lang, s, [c, *ins.values()],
            printed=c.text, expected=_fmt(source.formula.evaluate_point({n: f.value for n, f in ins.items()}), c, ratio=True),
            kind="capaian",
            fit="truncated" if "truncated" in fits else None,
            inputs=shown.replace("*", "x"), **{n: f.text for n, f in ins.items()},
        )  # fmt: skip


# -- NAR003: pagu awal + tambahan = pagu akhir -------------------------------------------


@register_document_engine("narrative-budget")
def check_budget_change(rule: Rule, ctx: DocContext, lang: str) -> Iterator[Finding]:
    conv = Conventions.of(rule)
    base = _rx(_param(rule, "base", r"\bpagu\b"))
    add = _rx(_param(rule, "add", r"\b(?:penambahan|tambahan)\b"))
    sub = _rx(_param(rule, "subtract", r"(?!x)x"))
    result = _rx(_param(rule, "result", r"\b(?:pagu akhir|menjadi)\b"))
    for s in ctx.sentences:
        low = s.text.lower()
        if not base.search(low):
            continue
        amounts = [f for f in figures(ctx, s, conv) if f.unit == "rp" or f.scaled]
        if len(amounts) < 3:
            continue
        for m in [*add.finditer(low), *sub.finditer(low)]:
            sign = 1 if add.match(low, m.start()) else -1
            firsts = [f for f in amounts if f.end <= m.start() and base.search(low[: f.start])]
            changes = [f for f in amounts if f.start >= m.end()]
            if not firsts or not changes:
                continue
            a, b = firsts[-1], changes[0]
            ends = [f for f in amounts if f.start > b.end and result.search(low[b.end : f.start])]
            if not ends:
                continue
            c = ends[0]
            got = a.iv + b.iv if sign > 0 else a.iv - b.iv
            fit = _fit(got, c)
            if fit == "round":
                continue
            yield _finding(
                rule, ctx, lang, s, [c, a, b],
                printed=c.text, expected=_fmt(a.value + sign * b.value, c), kind="budget", fit=fit,
                first=a.text, change=b.text, op="+" if sign > 0 else "-",
            )  # fmt: skip
            break


# -- NAR004: a total and its parts ------------------------------------------------------


@register_document_engine("narrative-parts")
def check_parts(rule: Rule, ctx: DocContext, lang: str) -> Iterator[Finding]:
    """``sebanyak N orang, terdiri dari A orang ... dan B orang`` or ``Dari N
    orang tersebut, A orang ... dan B orang``: N = A + B (+ C ...)."""
    conv = Conventions.of(rule)
    total_before = _rx(_param(rule, "total_before", r"\b(?:sebanyak|berjumlah)\s+$"))
    list_start = _rx(_param(rule, "list_start", r"\bterdiri\s+(?:dari|atas)\b"))
    from_total = _rx(_param(rule, "from_total", r"^\s*dari\s+$"))
    from_close = _rx(_param(rule, "from_total_close", r"\b(?:tersebut|itu)\b"))
    last_item = _rx(_param(rule, "last_item_before", r"\b(?:dan|serta)\s+(?:[^\W\d]+\s+)?$"))
    partial = _rx(_param(rule, "partial", r"\b(?:antara lain|di ?antaranya)\b"))
    for s in ctx.sentences:
        figs = figures(ctx, s, conv)
        if len(figs) < 3:
            continue
        low = s.text.lower()
        for i, n in enumerate(figs[:-2]):
            starts_at = None
            if from_total.search(low[: n.start]):
                m = from_close.search(low, n.end)
                if m and _words(low[n.end : m.start()]) <= 5:
                    starts_at = m.end()
            elif total_before.search(low[max(0, n.start - 40) : n.start]):
                m = list_start.search(low, n.end)
                if m and _words(low[n.end : m.start()]) <= 8 and not any(f.start < m.start() for f in figs[i + 1 :]):
                    starts_at = m.end()
            if starts_at is None or partial.search(low[n.end : starts_at + 40]):
                continue
            parts: list[Figure] = []
            closed = False
            for f in figs[i + 1 :]:
                if f.start < starts_at or (f.num.percent and not n.num.percent):
                    continue  # "1.625 orang (41,6%)": the share of a part, not a part
                parts.append(f)
                if last_item.search(low[max(0, f.start - 30) : f.start]):
                    closed = True
                    break
            if not closed or len(parts) < 2 or not all(conv.same_unit(n, p) for p in parts):
                continue
            got = interval_sum([p.iv for p in parts])
            fit = _fit(got, n)
            if fit == "round":
                continue
            yield _finding(
                rule, ctx, lang, s, [n, *parts],
                printed=n.text, expected=_fmt(sum((p.value for p in parts), Fraction(0)), n), kind="parts", fit=fit,
                inputs=" + ".join(p.text for p in parts),
            )  # fmt: skip


# -- NAR005: rata-rata of listed values ----------------------------------------------


@register_document_engine("narrative-average")
def check_average(rule: Rule, ctx: DocContext, lang: str) -> Iterator[Finding]:
    """``... A ... dan B ... sehingga rata-rata sebesar M``: M is the mean of
    some run of the values listed before it. Only a mean that no run of them
    gives, while lying near their range, is reported."""
    conv = Conventions.of(rule)
    keyword = _rx(_param(rule, "keyword", r"\b(?:rata-rata|rerata)\b"))
    link = _rx(_param(rule, "link", r"^\s*(?:[^\W\d]+\s+){0,3}$"))
    for s in ctx.sentences:
        low = s.text.lower()
        for m in keyword.finditer(low):
            figs = figures(ctx, s, conv)
            after = [f for f in figs if f.start >= m.end()]
            if not after or not link.match(low[m.end() : after[0].start]):
                continue
            mean = after[0]
            values = [f for f in figs if f.end <= m.start() and _averageable(f, mean, conv)]
            if len(values) < 2:
                continue
            ivs = [v.iv for v in values]
            runs = [ivs[a:b] for a in range(len(ivs)) for b in range(a + 2, len(ivs) + 1)]
            if any(_fit(interval_mean(run), mean) == "round" for run in runs):
                continue
            lo, hi = min(i.lo for i in ivs), max(i.hi for i in ivs)
            reach = max(hi - lo, abs(hi) / 100)
            if not Interval(lo - reach, hi + reach).overlaps(mean.iv):
                continue  # far from every listed value: they list something else
            yield _finding(
                rule, ctx, lang, s, [mean, *values],
                printed=mean.text, expected=_fmt(sum((v.value for v in values), Fraction(0)) / len(values), mean, ratio=True),
                kind="average",
                values=", ".join(v.text for v in values),
            )  # fmt: skip


def _averageable(f: Figure, mean: Figure, conv: Conventions) -> bool:
    """A value the mean may be of: rupiah with rupiah, and no count (12
    kegiatan) among percentages."""
    if (f.unit == "rp") != (mean.unit == "rp"):
        return False
    return not (mean.num.percent and f.unit in conv.count_units)


# -- NAR006..NAR008: change claims ----------------------------------------------------

_RELATIVE = parse_expression("(new - old) / old * 100")
_RATIO = parse_expression("new / old * 100")
_POINTS = parse_expression("new - old")


@dataclass
class ChangeClaim:
    sentence: Sentence
    claim: Figure
    old: Figure
    new: Figure
    said_points: bool
    """The claim says "poin" (percentage points), not percent."""


def _change_claims(ctx: DocContext, rule: Rule) -> list[ChangeClaim]:
    conv = Conventions.of(rule)
    key = "narrative-change:" + repr(sorted((k, v) for k, v in rule.params.items() if k != "report"))
    cached = ctx.cache.get(key)
    if isinstance(cached, list):
        return cached
    keyword = _rx(_param(rule, "keyword", r"\b(?:meningkat|naik|kenaikan|peningkatan|menurun|turun|penurunan)\b"))
    filler = _rx(_param(rule, "claim_link", r"^\s*(?:sebesar\s+|sekitar\s+)?$"))
    from_to = _rx(_param(rule, "from_to", r"\bdari\s+(?:[^\W\d]+\s+){0,3}$"))
    to = _rx(_param(rule, "to", r"\bmenjadi\s+(?:[^\W\d]+\s+){0,3}$"))
    compared = _rx(_param(rule, "compared", r"\b(?:dibandingkan|dibanding)\b"))
    max_gap = int(_param(rule, "max_words", 8))
    points = _rx(_param(rule, "points_after", r"^\s*(?:poin|point|pp)\b"))
    out: list[ChangeClaim] = []
    for s in ctx.sentences:
        low = s.text.lower()
        if not keyword.search(low):
            continue
        figs = figures(ctx, s, conv)
        if len(figs) < 3:
            continue
        for m in keyword.finditer(low):
            claims = [f for f in figs if f.start >= m.end() and filler.match(low[m.end() : f.start])]
            if not claims:
                continue
            x = claims[0]
            said_points = bool(points.match(low[x.end :]))
            if not (x.num.percent or said_points):
                continue
            others = [f for f in figs if f is not x]
            olds = [f for f in others if from_to.search(low[max(0, f.start - 40) : f.start])]
            news = [f for f in others if to.search(low[max(0, f.start - 40) : f.start])]
            old = new = None
            if olds and news and olds[0].start < news[0].start:
                old, new = olds[0], news[0]
            else:
                cm = compared.search(low, x.end)
                if cm:
                    after = [f for f in others if f.start > cm.end() and _words(low[cm.end() : f.start]) <= max_gap]
                    before = [f for f in others if f.end <= m.start() and _words(low[f.end : m.start()]) <= max_gap]
                    if after and before:
                        old, new = after[0], before[-1]
            if old is None or new is None or old.iv.lo <= 0 or old.num.percent != new.num.percent:
                continue
            if (old.unit == "rp") != (new.unit == "rp") or conv.different_counts(old, new):
                continue
            out.append(ChangeClaim(s, x, old, new, said_points))
    ctx.cache[key] = out
    return out


def _readings(f: Figure) -> list[tuple[Number, str | None]]:
    """The figure as read, and for ``1,291`` (a comma before exactly three
    digits: thousands in the English habit) its other reading."""
    out: list[tuple[Number, str | None]] = [(f.num, None)]
    core = f.text.replace("%", "").strip()
    if re.fullmatch(r"\d{1,3}[.,]\d{3}", core):
        if f.num.decimals == 0:  # read as thousands: also try the decimal reading
            value = Fraction(int(core.replace(".", "").replace(",", "")), 1000)
            alt = Number(text=f.text, value=value, decimals=3, percent=f.num.percent, decimal_sep=",")
            out.append((alt, format_number(value, 3)))
        else:  # read as a decimal: also try thousands
            value = Fraction(int(core.replace(",", "").replace(".", "")))
            alt = Number(text=f.text, value=value, decimals=0, percent=f.num.percent, decimal_sep=",")
            out.append((alt, format_number(value, 0)))
    return out


def _classify(c: ChangeClaim) -> tuple[str, Number, str | None]:
    """The verdict on a change claim: "ok", "ratio" (B / A x 100 called a
    change), "points" (percentage points printed as percent) or "wrong"; with
    the reading of the claimed figure used."""
    env = {"old": c.old.iv, "new": c.new.iv}
    relative = _RELATIVE.evaluate(env)
    ratio = _RATIO.evaluate(env)
    points = _POINTS.evaluate(env)
    rel_abs = Interval(min(abs(relative.lo), abs(relative.hi)), max(abs(relative.lo), abs(relative.hi)))
    pts_abs = Interval(min(abs(points.lo), abs(points.hi)), max(abs(points.lo), abs(points.hi)))
    if relative.lo <= 0 <= relative.hi:
        rel_abs = Interval(Fraction(0), rel_abs.hi)
    if points.lo <= 0 <= points.hi:
        pts_abs = Interval(Fraction(0), pts_abs.hi)
    percents = c.old.num.percent or c.new.num.percent
    said_points = c.said_points
    best: tuple[str, Number, str | None] | None = None
    rank = {"ok": 0, "ratio": 1, "points": 2}
    for num, shown in _readings(c.claim):
        x = rounded(num)
        x = Interval(abs(x.lo), abs(x.hi)) if x.lo >= 0 else Interval(Fraction(0), max(abs(x.lo), abs(x.hi)))
        if said_points:
            verdict = "ok" if percents and x.overlaps(pts_abs) else None
        elif x.overlaps(rel_abs):
            verdict = "ok"
        elif x.overlaps(ratio):
            verdict = "ratio"
        elif percents and x.overlaps(pts_abs):
            verdict = "points"
        else:
            verdict = None
        if verdict and (best is None or rank[verdict] < rank[best[0]]):
            best = (verdict, num, shown)
    if best is None:
        return "wrong", c.claim.num, None
    return best


@register_document_engine("narrative-change")
def check_change(rule: Rule, ctx: DocContext, lang: str) -> Iterator[Finding]:
    """``meningkat X% dibandingkan ...`` with ``dari A menjadi B`` or the two
    compared figures in the sentence: X = (B - A) / A x 100, or B - A in
    percentage points. ``params.report`` picks which outcome this rule
    reports: "wrong" (fits nothing), "ratio" (X = B / A x 100, a ratio called
    a change) or "points" (percentage points printed as percent)."""
    report = str(_param(rule, "report", "wrong"))
    for c in _change_claims(ctx, rule):
        verdict, num, shown = _classify(c)
        if verdict != report:
            continue
        note = _note("reading", lang, text=c.claim.text, value=shown) if shown else ""
        decimals = max(c.old.num.decimals, c.new.num.decimals)
        pts = format_number(abs(c.new.value - c.old.value), decimals, num.decimal_sep)
        change = abs(c.new.value - c.old.value) / c.old.value * 100
        percents = c.old.num.percent or c.new.num.percent
        yield _finding(
            rule, ctx, lang, c.sentence, [c.claim, c.old, c.new],
            printed=c.claim.text, expected=format_number(change, num.decimals, num.decimal_sep),
            kind="change", note=note, old=c.old.text, new=c.new.text, points=pts,
            points_note=_note("points", lang, points=pts) if percents else "",
        )  # fmt: skip


# -- NAR009: households and persons --------------------------------------------------


def _household_ratio(ctx: DocContext, rule: Rule, conv: Conventions) -> tuple[Interval, Figure, Sentence] | None:
    """The number of persons per household the document states, if any."""
    patterns = [_rx(p) for p in _param(rule, "ratio_patterns", []) or []]
    limit = _rx(_param(rule, "limit_before", r"(?!x)x"))
    for s in ctx.sentences:
        low = s.text.lower()
        for rx in patterns:
            for m in rx.finditer(low):
                if limit.search(low[max(0, m.start() - 25) : m.start()]):
                    continue
                at = m.start("n")
                fig = next((f for f in figures(ctx, s, conv) if f.start <= at < f.end), None)
                if fig is None:
                    fig = next((Figure(tn, tn.number.interval(exact_integers=True), "") for tn in s.numbers
                                if tn.start <= at < tn.end), None)  # fmt: skip
                if fig is not None and fig.iv.lo > 0:
                    return fig.iv, fig, s
    return None


@register_document_engine("narrative-household")
def check_household(rule: Rule, ctx: DocContext, lang: str) -> Iterator[Finding]:
    """``X KK atau Y jiwa``: checked only where the report states how many
    persons it counts per household (``1 KK = 4 jiwa``); otherwise skipped."""
    conv = Conventions.of(rule)
    stated = _household_ratio(ctx, rule, conv)
    if stated is None:
        return
    ratio, ratio_fig, _ = stated
    households = {str(u).lower() for u in _param(rule, "household_units", ["kk"])}
    persons = {str(u).lower() for u in _param(rule, "person_units", ["jiwa"])}
    link = _rx(_param(rule, "link", r"^\s*(?:[^\W\d]+\s+){0,2}?atau\s+$"))
    for s in ctx.sentences:
        figs = figures(ctx, s, conv)
        low = s.text.lower()
        for a, b in pairwise(figs):
            if a.unit not in households or b.unit not in persons or a is ratio_fig:
                continue
            if not link.match(low[a.end : b.start]):
                continue
            got = a.iv * ratio
            fit = _fit(got, b)
            if fit == "round":
                continue
            yield _finding(
                rule, ctx, lang, s, [b, a, ratio_fig],
                printed=b.text, expected=_fmt(a.value * ratio_fig.value, b), kind="household", fit=fit,
                households=a.text, ratio=ratio_fig.text,
            )  # fmt: skip


# -- claims in words about tables ------------------------------------------------


def number_words_pattern(p: dict[str, Any]) -> tuple[str, dict[str, int]]:
    """A regex for a count in digits or Indonesian words, and the word values."""
    words = {str(k).lower(): int(v) for k, v in (p.get("number_words") or {}).items()}
    units = _alt([w for w, v in words.items() if v < 10])
    tens = str(p.get("tens_word", "puluh"))
    teens = str(p.get("teens_word", "belas"))
    pattern = (
        rf"\d{{1,3}}(?:\s+\((?:[^\W\d]+\s?){{1,3}}\))?"
        rf"|(?:{units})\s+{tens}(?:\s+(?:{units}))?|(?:{units})\s+{teens}|{_alt(list(words))}"
    )
    return pattern, words


def count_value(text: str, words: dict[str, int], tens: str = "puluh", teens: str = "belas") -> int | None:
    t = " ".join(text.lower().split())
    m = re.match(r"\d+", t)
    if m:
        return int(m.group(0))
    parts = t.split()
    if len(parts) == 1:
        return words.get(parts[0])
    if len(parts) >= 2 and parts[1] == teens and parts[0] in words:
        return 10 + words[parts[0]]
    if len(parts) >= 2 and parts[1] == tens and parts[0] in words:
        return 10 * words[parts[0]] + (words.get(parts[2], 0) if len(parts) > 2 else 0)
    return None


@dataclass(frozen=True)
class Described:
    """The table a sentence describes and the rows that list its items."""

    view: TableView
    column: int
    rows: list[int]


def _sections(ctx: DocContext) -> list[tuple[float, float, float]]:
    cached = ctx.cache.get("narrative-sections")
    if isinstance(cached, list):
        return cached
    heads = sorted(_line_order(ln) for ln in ctx.doc.lines if is_heading(ln))
    ctx.cache["narrative-sections"] = heads
    return heads


def _section_of(ctx: DocContext, order: tuple[float, float, float]) -> int:
    return bisect_right(_sections(ctx), order)


def noun_column(view: TableView, noun: re.Pattern[str], others: list[re.Pattern[str]]) -> int | None:
    """The column of names whose header names the noun (and no other listed
    noun: a "PROGRAM/KEGIATAN" column lists both); not a column of figures
    such as "JUMLAH SASARAN"."""
    body = [r.index for r in view.rows if r.kind not in (*HEADING_KINDS, "empty")]
    for col in view.columns:
        header = col.header.lower()
        if col.role not in ("label", None) or not noun.search(header) or any(o.search(header) for o in others):
            continue
        figures = sum(1 for r in body if view.number(r, col.index) is not None)
        if figures * 2 <= len(body):
            return col.index
    return None


def item_rows(view: TableView, c: int) -> list[int]:
    """Rows that list one item each in column c: its own (not span-copied)
    text, with something more in the row than that text (a group title row
    holds nothing else). Totals and averages are not items."""
    out: list[int] = []
    seen: set[str] = set()
    for row in view.rows:
        if row.kind in (*HEADING_KINDS, "total", "average", "summary", "empty"):
            continue
        cells = view.table.rows[row.index]
        cell = cells[c]
        text = cell.text.strip()
        if cell.is_span_copy or not text or re.fullmatch(r"[-–]+", text):
            continue
        more = any(o.text.strip() and not o.is_span_copy for o in cells[c + 1 :])
        if not more and row.kind != "body":
            continue
        key = re.sub(r"\W+", " ", text.lower()).strip()
        if key in seen:
            continue
        seen.add(key)
        out.append(row.index)
    return out


def described_table(
    ctx: DocContext,
    sentence: Sentence,
    noun: re.Pattern[str],
    others: list[re.Pattern[str]],
    need_capaian: bool = False,
) -> Described | None:
    """The nearest following table (else the nearest preceding one) in the
    sentence's section whose header names the noun."""
    section = _section_of(ctx, sentence.order)
    after = ctx.tables_after(sentence.order)
    before = ctx.tables_before(sentence.order)
    for view in [*after, *before]:
        if _section_of(ctx, table_order(view)) != section:
            continue
        c = noun_column(view, noun, others)
        if c is None:
            continue
        if need_capaian and capaian_column(view) is None:
            continue
        rows = item_rows(view, c)
        # "Program A" over its "Kegiatan a.1" rows in one column: the programs
        starts = [r for r in rows if noun.match(view.cell(r, c).text.strip())]
        if starts and any(any(o.match(view.cell(r, c).text.strip()) for o in others) for r in rows):
            rows = starts
        return Described(view, c, rows)
    return None


def capaian_column(view: TableView) -> int | None:
    cols = [c for c in view.columns if c.role in ("capaian", "pct")]
    if not cols:
        return None
    own = [c for c in cols if c.role == "capaian"] or cols
    return own[-1].index


@dataclass(frozen=True)
class ClaimWords:
    count: str
    words: dict[str, int]
    nouns: dict[str, re.Pattern[str]]
    """How a sentence names the items: "sasaran strategis"."""
    headers: dict[str, re.Pattern[str]]
    """How a table header names them: "SASARAN"."""
    subject: str
    verbs: dict[str, str]
    negation: str
    tens: str
    teens: str

    @staticmethod
    def of(rule: Rule) -> ClaimWords:
        p = _param(rule, "claims", {}) or {}
        count, words = number_words_pattern(p)
        nouns = {str(k): v if isinstance(v, dict) else {"text": v} for k, v in (p.get("nouns") or {}).items()}
        verbs = {str(k): _alt(v) for k, v in (p.get("verbs") or {}).items()}
        return ClaimWords(
            count=count,
            words=words,
            nouns={k: _rx(str(v["text"])) for k, v in nouns.items()},
            headers={k: _rx(str(v.get("header", v["text"]))) for k, v in nouns.items()},
            subject=str(p.get("subject", "indikator")),
            verbs=verbs,
            negation=str(p.get("negation", "belum|tidak")),
            tens=str(p.get("tens_word", "puluh")),
            teens=str(p.get("teens_word", "belas")),
        )

    def value(self, text: str) -> int | None:
        return count_value(text, self.words, self.tens, self.teens)


def _sentence_location(sentence: Sentence, start: int, end: int) -> Location:
    return sentence.location(start, end)


def _verdict_counts(view: TableView, rows: list[int], col: int, test: str) -> tuple[int, int, list[int]] | None:
    """How many rows certainly and possibly pass ``test`` (reach: capaian >=
    100, exceed: > 100, below: < 100, not_exceed: <= 100), and the rows that
    certainly fail. None when a row has no capaian."""
    certain = possible = 0
    failing: list[int] = []
    for r in rows:
        n = view.number(r, col)
        if n is None:
            return None
        iv = n.interval()
        if test == "reach":
            yes, maybe = iv.lo >= 100, iv.hi >= 100
        elif test == "exceed":
            yes, maybe = iv.lo > 100, iv.hi > 100
        elif test == "below":
            yes, maybe = iv.hi < 100, iv.lo < 100
        else:
            yes, maybe = iv.hi <= 100, iv.lo <= 100
        certain += yes
        possible += maybe
        if not maybe:
            failing.append(r)
    return certain, possible, failing


def _test_of(verb: str, negated: bool, verbs: dict[str, str]) -> str | None:
    kind = next((k for k, alt in verbs.items() if re.fullmatch(alt, verb, re.IGNORECASE)), None)
    if kind is None:
        return None
    if negated:
        return {"reach": "below", "exceed": "not_exceed"}.get(kind)
    return kind


def _claim_regex(cw: ClaimWords, *, all_form: bool) -> re.Pattern[str]:
    verbs = "|".join(f"(?:{v})" for v in cw.verbs.values())
    middle = r"(?P<mid>(?:\s+(?!target\b)[\w/%()-]+){0,6}?)"
    tail = rf"\s+(?P<neg>(?:{cw.negation})\s+)?(?:(?:berhasil|dapat|telah|sudah|bisa)\s+)*(?P<verb>{verbs})\s+(?:[^\W\d]+\s+){{0,2}}?target"
    if all_form:
        head = rf"(?<!tidak\s)(?<!belum\s)\b(?:semua|seluruh)\s+(?:[^\W\d]+\s+){{0,2}}?(?:{cw.subject})\b"
    else:
        head = rf"(?<![\w.,])(?P<n>{cw.count})\s+(?:{cw.subject})\b"
    return _rx(head + middle + tail)


def _capaian_cells(d: Described, col: int, rows: list[int]) -> list[Location]:
    return [cell_location(d.view, r, col) for r in rows]


@register_document_engine("claim-all-indicators")
def check_all_indicators(rule: Rule, ctx: DocContext, lang: str) -> Iterator[Finding]:
    """``semua indikator telah mencapai target``: every indicator of the
    described table has capaian >= 100 (> 100 for "melebihi")."""
    cw = ClaimWords.of(rule)
    rx = _claim_regex(cw, all_form=True)
    noun = cw.headers.get("indikator") or _rx(cw.subject)
    others = [v for k, v in cw.headers.items() if k != "indikator"]
    for s in ctx.sentences:
        for m in rx.finditer(s.text):
            test = _test_of(m.group("verb"), bool(m.group("neg")), cw.verbs)
            d = described_table(ctx, s, noun, others, need_capaian=True)
            if test is None or d is None or not d.rows:
                continue
            col = capaian_column(d.view)
            assert col is not None
            counts = _verdict_counts(d.view, d.rows, col, test)
            if counts is None or not counts[2]:
                continue
            failing = counts[2]
            yield text_finding(
                rule, lang,
                locations=[_sentence_location(s, m.start(), m.end()), *_capaian_cells(d, col, failing)],
                printed=m.group(0), expected=None,
                meaning=("all", (s.heading or "").lower(), d.view.table.title or "", test),
                verb=m.group("verb"), table=d.view.table.id, count=len(failing),
                items="; ".join(f"{d.view.label(r)} ({d.view.cell(r, col).text})" for r in failing),
            )  # fmt: skip


@register_document_engine("claim-indicators-achieved")
def check_indicators_achieved(rule: Rule, ctx: DocContext, lang: str) -> Iterator[Finding]:
    """``3 indikator melebihi target``, ``2 indikator belum memenuhi target``:
    the count of indicators of the described table whose capaian passes."""
    cw = ClaimWords.of(rule)
    rx = _claim_regex(cw, all_form=False)
    noun = cw.headers.get("indikator") or _rx(cw.subject)
    others = [v for k, v in cw.headers.items() if k != "indikator"]
    for s in ctx.sentences:
        for m in rx.finditer(s.text):
            n = cw.value(m.group("n"))
            test = _test_of(m.group("verb"), bool(m.group("neg")), cw.verbs)
            if n is None or test is None:
                continue
            d = described_table(ctx, s, noun, others, need_capaian=True)
            if d is None or not d.rows:
                continue
            col = capaian_column(d.view)
            assert col is not None
            counts = _verdict_counts(d.view, d.rows, col, test)
            if counts is None:
                continue
            certain, possible, _ = counts
            if certain <= n <= possible:
                continue
            expected = certain if n < certain else possible
            passing = [r for r in d.rows if (_verdict_counts(d.view, [r], col, test) or (0, 0, []))[1]]
            yield text_finding(
                rule, lang,
                locations=[_sentence_location(s, m.start("n"), m.end()), *_capaian_cells(d, col, d.rows)],
                printed=m.group("n"), expected=str(expected),
                meaning=("achieved", (s.heading or "").lower(), d.view.table.title or "", test, m.group("n")),
                verb=m.group("verb"), table=d.view.table.id,
                items="; ".join(f"{d.view.label(r)} ({d.view.cell(r, col).text})" for r in passing) or "-",
            )  # fmt: skip


@register_document_engine("claim-count")
def check_counts(rule: Rule, ctx: DocContext, lang: str) -> Iterator[Finding]:
    """``diukur melalui 2 indikator``, ``7 program``, ``33 kegiatan``, ``2
    sasaran strategis``: the described table lists that many items."""
    cw = ClaimWords.of(rule)
    p = _param(rule, "claims", {}) or {}
    before = _rx(str(p.get("count_before", r"(?!x)x")))
    not_after = _rx(str(p.get("not_after", r"(?!x)x")))
    not_before = _rx(str(p.get("not_before", r"(?!x)x")))
    by_noun = {k: _rx(rf"(?<![\w.,])(?P<n>{cw.count})\s+(?P<noun>{v.pattern})\b") for k, v in cw.nouns.items()}
    needs_verb = {str(k) for k in p.get("nouns_needing_verb") or []}
    for s in ctx.sentences:
        low = s.text.lower()
        for key, rx in by_noun.items():
            for m in rx.finditer(low):
                n = cw.value(m.group("n"))
                if n is None or n > 200:
                    continue
                if key in needs_verb and not before.search(low[max(0, m.start() - 40) : m.start()]):
                    continue
                if not_before.search(low[max(0, m.start() - 20) : m.start()]):
                    continue
                if not_after.match(low[m.end() : m.end() + 60]):
                    continue
                others = [v for k, v in cw.headers.items() if k != key]
                d = described_table(ctx, s, cw.headers[key], others)
                if d is None or not d.rows or len(d.rows) == n:
                    continue
                label_cells = [cell_location(d.view, r, d.column) for r in d.rows]
                yield text_finding(
                    rule, lang,
                    locations=[_sentence_location(s, m.start(), m.end()), *label_cells],
                    printed=s.text[m.start("n") : m.end("n")], expected=str(len(d.rows)),
                    meaning=("count", (s.heading or "").lower(), key, d.view.table.title or "", m.group("n")),
                    noun=s.text[m.start("noun") : m.end("noun")], table=d.view.table.id,
                )  # fmt: skip
