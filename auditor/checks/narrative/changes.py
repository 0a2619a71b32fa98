"""Change claims (NAR006-NAR008: "meningkat 12% dari A menjadi B") and
households counted as persons (NAR009).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction
from itertools import pairwise

from auditor.checks.narrative.common import (
    conventions,
    figures,
    formatted_like,
    how_fits,
    note_text,
    rule_param,
    sentence_finding,
    word_count,
)
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.context import Sentence
from auditor.meaning.figures import ChangeClaim, Conventions, Figure, pattern, rounded
from auditor.meaning.formula import parse_expression
from auditor.meaning.intervals import Interval
from auditor.meaning.numbers import Number, format_number
from auditor.rulesets.loader import Rule

# -- NAR006..NAR008: change claims ----------------------------------------------------

_RELATIVE = parse_expression("(new - old) / old * 100")
_RATIO = parse_expression("new / old * 100")
_POINTS = parse_expression("new - old")


def _change_claims(run: Run, rule: Rule) -> list[ChangeClaim]:
    conv = conventions(rule)
    key = "narrative-change:" + repr(sorted((k, v) for k, v in rule.params.items() if k != "report"))
    if key in run.change_claims:
        return run.change_claims[key]
    keyword = pattern(
        rule_param(rule, "keyword", r"\b(?:meningkat|naik|kenaikan|peningkatan|menurun|turun|penurunan)\b")
    )
    filler = pattern(rule_param(rule, "claim_link", r"^\s*(?:sebesar\s+|sekitar\s+)?$"))
    from_to = pattern(rule_param(rule, "from_to", r"\bdari\s+(?:[^\W\d]+\s+){0,3}$"))
    to = pattern(rule_param(rule, "to", r"\bmenjadi\s+(?:[^\W\d]+\s+){0,3}$"))
    compared = pattern(rule_param(rule, "compared", r"\b(?:dibandingkan|dibanding)\b"))
    max_gap = int(rule_param(rule, "max_words", 8))
    points = pattern(rule_param(rule, "points_after", r"^\s*(?:poin|point|pp)\b"))
    out: list[ChangeClaim] = []
    for s in run.context.sentences:
        low = s.text.lower()
        if not keyword.search(low):
            continue
        figs = figures(run, s, conv)
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
                    after = [f for f in others if f.start > cm.end() and word_count(low[cm.end() : f.start]) <= max_gap]
                    before = [f for f in others if f.end <= m.start() and word_count(low[f.end : m.start()]) <= max_gap]
                    if after and before:
                        old, new = after[0], before[-1]
            if old is None or new is None or old.iv.lo <= 0 or old.num.percent != new.num.percent:
                continue
            if (old.unit == "rp") != (new.unit == "rp") or conv.different_counts(old, new):
                continue
            out.append(ChangeClaim(s, x, old, new, said_points))
    run.change_claims[key] = out
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
            # "menurun sebesar 0,005 poin" (0,344 -> 0,339): a change in points
            # is the absolute difference, whatever the unit of the figures
            verdict = "ok" if x.overlaps(pts_abs) else None
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


def check_change(rule: Rule, run: Run) -> Iterator[Finding]:
    """``meningkat X% dibandingkan ...`` with ``dari A menjadi B`` or the two
    compared figures in the sentence: X = (B - A) / A x 100, or B - A in
    percentage points. ``params.report`` picks which outcome this rule
    reports: "wrong" (fits nothing), "ratio" (X = B / A x 100, a ratio called
    a change) or "points" (percentage points printed as percent)."""
    lang = run.lang
    report = str(rule_param(rule, "report", "wrong"))
    for c in _change_claims(run, rule):
        verdict, num, shown = _classify(c)
        if verdict != report:
            continue
        note = note_text("reading", lang, text=c.claim.text, value=shown) if shown else ""
        decimals = max(c.old.num.decimals, c.new.num.decimals)
        pts = format_number(abs(c.new.value - c.old.value), decimals, num.decimal_sep)
        change = abs(c.new.value - c.old.value) / c.old.value * 100
        percents = c.old.num.percent or c.new.num.percent
        yield sentence_finding(
            rule, lang, c.sentence, [c.claim, c.old, c.new],
            printed=c.claim.text, expected=format_number(change, num.decimals, num.decimal_sep),
            kind="change", note=note, old=c.old.text, new=c.new.text, points=pts,
            points_note=note_text("points", lang, points=pts) if percents else "",
        )  # fmt: skip


# -- NAR009: households and persons --------------------------------------------------


def _household_ratio(run: Run, rule: Rule, conv: Conventions) -> tuple[Interval, Figure, Sentence] | None:
    """The number of persons per household the document states, if any."""
    patterns = [pattern(p) for p in rule_param(rule, "ratio_patterns", []) or []]
    limit = pattern(rule_param(rule, "limit_before", r"(?!x)x"))
    for s in run.context.sentences:
        low = s.text.lower()
        for rx in patterns:
            for m in rx.finditer(low):
                if limit.search(low[max(0, m.start() - 25) : m.start()]):
                    continue
                at = m.start("n")
                fig = next((f for f in figures(run, s, conv) if f.start <= at < f.end), None)
                if fig is None:
                    fig = next((Figure(tn, tn.number.interval(exact_integers=True), "") for tn in s.numbers
                                if tn.start <= at < tn.end), None)  # fmt: skip
                if fig is not None and fig.iv.lo > 0:
                    return fig.iv, fig, s
    return None


def check_household(rule: Rule, run: Run) -> Iterator[Finding]:
    """``X KK atau Y jiwa``: checked only where the report states how many
    persons it counts per household (``1 KK = 4 jiwa``); otherwise skipped."""
    ctx, lang = run.context, run.lang
    conv = conventions(rule)
    stated = _household_ratio(run, rule, conv)
    if stated is None:
        return
    ratio, ratio_fig, _ = stated
    households = {str(u).lower() for u in rule_param(rule, "household_units", ["kk"])}
    persons = {str(u).lower() for u in rule_param(rule, "person_units", ["jiwa"])}
    link = pattern(rule_param(rule, "link", r"^\s*(?:[^\W\d]+\s+){0,2}?atau\s+$"))
    for s in ctx.sentences:
        figs = figures(run, s, conv)
        low = s.text.lower()
        for a, b in pairwise(figs):
            if a.unit not in households or b.unit not in persons or a is ratio_fig:
                continue
            if not link.match(low[a.end : b.start]):
                continue
            got = a.iv * ratio
            fit = how_fits(got, b)
            if fit == "round":
                continue
            yield sentence_finding(
                rule, lang, s, [b, a, ratio_fig],
                printed=b.text, expected=formatted_like(a.value * ratio_fig.value, b), kind="household", fit=fit,
                households=a.text, ratio=ratio_fig.text,
            )  # fmt: skip
