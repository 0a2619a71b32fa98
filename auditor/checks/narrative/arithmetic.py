"""Arithmetic a sentence states (NAR001-NAR005): a share of a whole, a
capaian from its target and realisasi, a budget change, a total and its
parts, an average of listed values.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction

from auditor.checks.narrative.common import (
    HUNDRED,
    alternatives_of,
    conventions,
    figures,
    formatted_like,
    how_fits,
    plain,
    rule_param,
    sentence_finding,
    word_count,
)
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.figures import Conventions, Figure, pattern
from auditor.meaning.formula import Expr
from auditor.meaning.intervals import Interval, interval_mean, interval_sum
from auditor.rulesets.loader import Rule

# -- NAR001: X atau Y% dari Z --------------------------------------------------------


def check_share(rule: Rule, run: Run) -> Iterator[Finding]:
    """``X orang atau Y% dari populasi Z``: Y = X / Z x 100. The whole may
    also come first: ``dari pagu Rp Z ... Rp X atau Y%``, or ``Z orang, dan
    dari jumlah tersebut ... X jiwa atau Y%``."""
    ctx, lang = run.context, run.lang
    conv = conventions(rule)
    link = pattern(rule_param(rule, "link", r"^\s*(?:[^\W\d]+\s+){0,3}?atau\s+(?:sekitar\s+|sebesar\s+)?$"))
    after_base = pattern(rule_param(rule, "base_after", r"^\s*(?:dari|terhadap)\b"))
    before_base = pattern(rule_param(rule, "base_before", r"\bdari\s+((?:[\w/()-]+\s+){0,4})$"))
    base_words = pattern(rule_param(rule, "base_words", r"jumlah|total|populasi"))
    back_ref = pattern(rule_param(rule, "base_reference", r"\bdari\s+(?:jumlah|total)\s+(?:tersebut|itu)\b"))
    max_gap = int(rule_param(rule, "max_words", 8))
    for s in ctx.sentences:
        figs = figures(run, s, conv)
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
                if not cand.num.percent and word_count(low[y.end : cand.start]) <= max_gap:
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
            fit = how_fits(got, y, truncation=True)
            if fit == "round":
                continue
            yield sentence_finding(
                rule, lang, s, [y, x, z],
                printed=y.text, expected=formatted_like(x.value / z.value * 100, y, ratio=True), kind="share", fit=fit,
                part=x.text, whole=z.text,
            )  # fmt: skip


# -- NAR002: target, realisasi and capaian in one sentence ------------------------------


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
        if word_count(low[end : f.start]) > max_gap or skip.search(low[max(0, f.start - 30) : f.start]):
            continue
        out.setdefault(role, []).append(f)
    return out


def check_capaian_sentence(rule: Rule, run: Run) -> Iterator[Finding]:
    """``target T ... realisasi R ... capaian C``: C follows from T and R by
    the formulas of the capaian rule (CAP001: higher or lower is better)."""
    ctx, lang = run.context, run.lang
    conv = conventions(rule)
    source = run.ruleset.get(str(rule_param(rule, "formulas_from", "CAP001")))  # another rule's formulas
    if source is None or source.formula is None or source.output is None:
        return
    formulas: list[Expr] = [source.formula, *source.alternatives]
    keywords = {k: pattern(v) for k, v in (rule_param(rule, "keywords", {}) or {}).items()}
    out_name = source.output
    inputs = [n for n in source.formula.names]
    if set(keywords) != {out_name, *inputs}:
        return
    skip = pattern(rule_param(rule, "threshold_before", r"(?!x)x"))
    count_nouns = pattern(rf"^(?:{alternatives_of(rule_param(rule, 'count_nouns', ['indikator']))})\b")
    max_gap = int(rule_param(rule, "max_words", 10))
    for s in ctx.sentences:
        figs = figures(run, s, conv)
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
        fits = [how_fits(r, c, truncation=True) for r in results]
        if "round" in fits:
            continue
        shown = source.formula.text
        for name, f in ins.items():
            shown = re.sub(rf"\b{re.escape(name)}\b", plain(f), shown)
        yield sentence_finding(
            rule, lang, s, [c, *ins.values()],
            printed=c.text, expected=formatted_like(source.formula.evaluate_point({n: f.value for n, f in ins.items()}), c, ratio=True),
            kind="capaian",
            fit="truncated" if "truncated" in fits else None,
            inputs=shown.replace("*", "x"), **{n: f.text for n, f in ins.items()},
        )  # fmt: skip


# -- NAR003: pagu awal + tambahan = pagu akhir -------------------------------------------


def check_budget_change(rule: Rule, run: Run) -> Iterator[Finding]:
    """``pagu awal Rp A ... penambahan Rp B ... pagu akhir Rp C``: C = A + B (or A - B)."""
    ctx, lang = run.context, run.lang
    conv = conventions(rule)
    base = pattern(rule_param(rule, "base", r"\bpagu\b"))
    add = pattern(rule_param(rule, "add", r"\b(?:penambahan|tambahan)\b"))
    sub = pattern(rule_param(rule, "subtract", r"(?!x)x"))
    result = pattern(rule_param(rule, "result", r"\b(?:pagu akhir|menjadi)\b"))
    for s in ctx.sentences:
        low = s.text.lower()
        if not base.search(low):
            continue
        amounts = [f for f in figures(run, s, conv) if f.unit == "rp" or f.scaled]
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
            fit = how_fits(got, c)
            if fit == "round":
                continue
            yield sentence_finding(
                rule, lang, s, [c, a, b],
                printed=c.text, expected=formatted_like(a.value + sign * b.value, c), kind="budget", fit=fit,
                first=a.text, change=b.text, op="+" if sign > 0 else "-",
            )  # fmt: skip
            break


# -- NAR004: a total and its parts ------------------------------------------------------


def check_parts(rule: Rule, run: Run) -> Iterator[Finding]:
    """``sebanyak N orang, terdiri dari A orang ... dan B orang`` or ``Dari N
    orang tersebut, A orang ... dan B orang``: N = A + B (+ C ...)."""
    ctx, lang = run.context, run.lang
    conv = conventions(rule)
    total_before = pattern(rule_param(rule, "total_before", r"\b(?:sebanyak|berjumlah)\s+$"))
    list_start = pattern(rule_param(rule, "list_start", r"\bterdiri\s+(?:dari|atas)\b"))
    from_total = pattern(rule_param(rule, "from_total", r"^\s*dari\s+$"))
    from_close = pattern(rule_param(rule, "from_total_close", r"\b(?:tersebut|itu)\b"))
    last_item = pattern(rule_param(rule, "last_item_before", r"\b(?:dan|serta)\s+(?:[^\W\d]+\s+)?$"))
    partial = pattern(rule_param(rule, "partial", r"\b(?:antara lain|di ?antaranya)\b"))
    for s in ctx.sentences:
        figs = figures(run, s, conv)
        if len(figs) < 3:
            continue
        low = s.text.lower()
        for i, n in enumerate(figs[:-2]):
            starts_at = None
            if from_total.search(low[: n.start]):
                m = from_close.search(low, n.end)
                if m and word_count(low[n.end : m.start()]) <= 5:
                    starts_at = m.end()
            elif total_before.search(low[max(0, n.start - 40) : n.start]):
                m = list_start.search(low, n.end)
                if (
                    m
                    and word_count(low[n.end : m.start()]) <= 8
                    and not any(f.start < m.start() for f in figs[i + 1 :])
                ):
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
            fit = how_fits(got, n)
            if fit == "round":
                continue
            yield sentence_finding(
                rule, lang, s, [n, *parts],
                printed=n.text, expected=formatted_like(sum((p.value for p in parts), Fraction(0)), n), kind="parts", fit=fit,
                inputs=" + ".join(p.text for p in parts),
            )  # fmt: skip


# -- NAR005: rata-rata of listed values ----------------------------------------------


def check_average(rule: Rule, run: Run) -> Iterator[Finding]:
    """``... A ... dan B ... sehingga rata-rata sebesar M``: M is the mean of
    some run of the values listed before it. Only a mean that no run of them
    gives, while lying near their range, is reported."""
    ctx, lang = run.context, run.lang
    conv = conventions(rule)
    keyword = pattern(rule_param(rule, "keyword", r"\b(?:rata-rata|rerata)\b"))
    link = pattern(rule_param(rule, "link", r"^\s*(?:[^\W\d]+\s+){0,3}$"))
    for s in ctx.sentences:
        low = s.text.lower()
        for m in keyword.finditer(low):
            figs = figures(run, s, conv)
            after = [f for f in figs if f.start >= m.end()]
            if not after or not link.match(low[m.end() : after[0].start]):
                continue
            mean = after[0]
            values = [f for f in figs if f.end <= m.start() and _averageable(f, mean, conv)]
            if len(values) < 2:
                continue
            ivs = [v.iv for v in values]
            runs = [ivs[a:b] for a in range(len(ivs)) for b in range(a + 2, len(ivs) + 1)]
            if any(how_fits(interval_mean(run), mean) == "round" for run in runs):
                continue
            lo, hi = min(i.lo for i in ivs), max(i.hi for i in ivs)
            reach = max(hi - lo, abs(hi) / 100)
            if not Interval(lo - reach, hi + reach).overlaps(mean.iv):
                continue  # far from every listed value: they list something else
            yield sentence_finding(
                rule, lang, s, [mean, *values],
                printed=mean.text, expected=formatted_like(sum((v.value for v in values), Fraction(0)) / len(values), mean, ratio=True),
                kind="average",
                values=", ".join(v.text for v in values),
            )  # fmt: skip


def _averageable(f: Figure, mean: Figure, conv: Conventions) -> bool:
    """A value the mean may be of: rupiah with rupiah, and no count (12
    kegiatan) among percentages."""
    if (f.unit == "rp") != (mean.unit == "rp"):
        return False
    return not (mean.num.percent and f.unit in conv.count_units)
