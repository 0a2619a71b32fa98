"""What every narrative engine shares: rule parameters, the figures of a
sentence (read once per audit), how a recomputed value fits a printed one,
and the finding about a sentence.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from auditor.checks.common import text_finding
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.context import Sentence
from auditor.meaning.figures import Conventions, Figure, read_figures
from auditor.meaning.intervals import Interval
from auditor.meaning.numbers import Number, format_number
from auditor.rulesets.loader import Rule
from auditor.rulesets.yaml_lines import LINE_KEY

HUNDRED = Interval.point(100)
NOTES = {
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


def alternatives_of(words: list[str]) -> str:
    """A regex alternation of words or phrases, longest first."""
    return "|".join(sorted((str(w) for w in words), key=len, reverse=True))


def rule_param(rule: Rule, key: str, default: Any = None) -> Any:
    return _clean(rule.params.get(key, default))


def note_text(key: str, lang: str, **args: object) -> str:
    return NOTES[key].get(lang, NOTES[key]["id"]).format(**args)


# -- figures of a sentence ----------------------------------------------------------


def conventions(rule: Rule) -> Conventions:
    return Conventions.of(rule_param(rule, "numbers", {}) or {})


def figures(run: Run, sentence: Sentence, conv: Conventions) -> list[Figure]:
    """The quantities a sentence states, read once per audit."""
    key = (conv.key, id(sentence))
    if key not in run.figures:
        run.figures[key] = read_figures(sentence, conv)
    return run.figures[key]


def word_count(text: str) -> int:
    return len(text.split())


def how_fits(got: Interval, printed: Figure | Number, truncation: bool = False) -> str | None:
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


def formatted_like(value: Fraction, like: Figure, ratio: bool = False) -> str:
    """A recomputed value printed like the figure it checks (in its scale:
    "10" for "Rp 10 miliar"); a ratio with at least two decimals, as the
    table rules print theirs."""
    decimals = max(like.num.decimals, 2) if ratio else like.num.decimals
    return format_number(value / like.factor, decimals, like.num.decimal_sep)


def plain(f: Figure) -> str:
    return f.text.replace("%", "").strip()


def sentence_finding(
    rule: Rule,
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
        note = f"{note} {note_text('truncated', lang)}".strip()
    return text_finding(
        rule,
        lang,
        locations=[f.location for f in figs],
        printed=printed,
        expected=expected,
        meaning=(kind, (sentence.heading or "").lower(), *(f.text for f in figs)),
        severity=severity,
        note=note,
        habit="truncated" if fit == "truncated" else "",
        **args,
    )
