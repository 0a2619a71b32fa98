"""A figure pair quoted under another subject than the one it belongs to.

"... dikurangi ketersediaan Sumber Daya Manusia sebanyak 329 unit atau
78,52%": the arithmetic of the sentence holds, but 329 unit / 78,52% is what
another sentence gives the sarana dan prasarana, and the report gives the
Sumber Daya Manusia figures of their own (74 orang / 80,44%). A sentence
copied from the paragraph before and half edited keeps its old label.

Three pieces of evidence must agree before a sentence is reported:

1. it quotes a distinctive pair, a count with its unit and a percentage
   side by side ("329 unit atau 78,52%"), under a subject Y: a name of two
   or more subject words known from the tables (a caption, column header or
   row label) that ends right before the count;
2. another sentence prints both figures, with the same unit, under a
   subject X that is not Y, and does not name Y at all;
3. Y is the subject of a figure of the same kind elsewhere whose value is
   different from the pair's.

Small counts, round percentages (0, 100) and names the report uses in very
many sentences (its own agency) are left alone: they match by chance.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise

from auditor.checks.common import text_finding
from auditor.checks.narrative.common import conventions, rule_param
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.context import DocContext, Sentence
from auditor.meaning.figures import Conventions, Figure, read_figures
from auditor.meaning.names import holds_run, tokens
from auditor.rulesets.loader import Rule

_MIN_WORDS = 2


@dataclass(frozen=True)
class Mention:
    """A figure of a sentence with the subject named right before it."""

    sentence: Sentence
    figure: Figure
    subject: tuple[str, ...] | None


@dataclass(frozen=True)
class Pair:
    """A count with its unit and the percentage printed beside it."""

    count: Mention
    percent: Figure

    @property
    def text(self) -> str:
        return f"{self.count.figure.text} {self.count.figure.unit} atau {self.percent.text}"


def known_names(ctx: DocContext) -> frozenset[tuple[str, ...]]:
    """Every run of two or more subject words of a table caption, column
    header or row label: the names a sentence may use for a subject."""
    texts: list[str] = []
    for view in ctx.views:
        texts.append(view.table.title or "")
        texts.extend(col.header or "" for col in view.columns)
        texts.extend(part for row in view.rows for part in (view.label(row.index) or "").split(" | "))
    out: set[tuple[str, ...]] = set()
    for text in texts:
        words = tokens(text)
        for i in range(len(words)):
            for j in range(i + _MIN_WORDS, min(len(words), i + 8) + 1):
                out.add(words[i:j])
    return frozenset(out)


def _subject_before(text: str, names: frozenset[tuple[str, ...]], lead: re.Pattern[str]) -> tuple[str, ...] | None:
    """The longest known name ending right before a figure, past at most a
    few lead words ("sebanyak", "sejumlah", "sebesar")."""
    words = list(tokens(text))
    for _ in range(2):
        if words and lead.fullmatch(words[-1]):
            words.pop()
    for k in range(min(len(words), 7), _MIN_WORDS - 1, -1):
        if tuple(words[-k:]) in names:
            return tuple(words[-k:])
    return None


def _initials(name: tuple[str, ...]) -> str:
    """The name as one word of its initials (SDM for Sumber Daya Manusia)."""
    return "".join(w[0] for w in name)


def _names_in(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """The sentence (its words) names the subject: all the subject's words
    together, in order, or its initials as one word."""
    return _initials(name) in words or holds_run(words, name)


def _overlap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One name holds all the words of the other: the same subject, named
    shorter or longer ("sarana prasarana", "kebutuhan sarana prasarana")."""
    return set(a) <= set(b) or set(b) <= set(a)


def _distinctive(pair: Pair, min_count: int) -> bool:
    """Not a count or percentage that other quantities share by chance."""
    count, pct = pair.count.figure.value, pair.percent.value
    return count >= min_count and 0 < pct < 100 and pair.percent.num.decimals > 0


class _Index:
    """The mentions of the document, read once, with the lookups the checks
    make per pair: each sentence's words and figures, the mentions of a
    count by its value and unit, the mentions of a subject. A rescan of
    every mention per pair grew with the square of the report."""

    def __init__(self, rule: Rule, ctx: DocContext) -> None:
        self.conv: Conventions = conventions(rule)
        self.names = known_names(ctx)
        self.lead = re.compile(rule_param(rule, "lead_words", r"sebanyak|sejumlah|sebesar|adalah|yaitu|mencapai"))
        between = rule_param(rule, "pair_between", r"^\s*(?:atau|yaitu|sebesar|\()\s*$")
        self.between = re.compile(between, re.IGNORECASE)
        self.sentences = ctx.sentences
        self.words: dict[int, tuple[str, ...]] = {id(s): tokens(s.text) for s in self.sentences}
        self.in_sentence: dict[int, list[Mention]] = {}
        self.by_figure: dict[tuple[str, Fraction], list[Mention]] = {}
        self.by_subject: dict[tuple[str, ...], list[Mention]] = {}
        for s in self.sentences:
            for f in read_figures(s, self.conv):
                self._add(Mention(s, f, _subject_before(s.text[: f.start], self.names, self.lead)))
        self.common = self._common(int(rule_param(rule, "common_share_percent", 5)))

    def _add(self, m: Mention) -> None:
        self.in_sentence.setdefault(id(m.sentence), []).append(m)
        self.by_figure.setdefault((m.figure.unit, m.figure.value), []).append(m)
        if m.subject:
            self.by_subject.setdefault(m.subject, []).append(m)

    def names_in(self, sentence: Sentence, name: tuple[str, ...]) -> bool:
        return _names_in(self.words[id(sentence)], name)

    def _common(self, share: int) -> frozenset[tuple[str, ...]]:
        """Subjects named in more than ``share`` percent of the sentences
        (at least five): the report's own agency, its region. Each
        sentence's runs of words are looked up once, not once per subject."""
        subjects = set(self.by_subject)
        if not subjects:
            return frozenset()
        by_initials: dict[str, list[tuple[str, ...]]] = {}
        for name in subjects:
            by_initials.setdefault(_initials(name), []).append(name)
        longest = max(len(name) for name in subjects)
        counts: dict[tuple[str, ...], int] = {}
        for s in self.sentences:
            for name in _named(self.words[id(s)], subjects, by_initials, longest):
                counts[name] = counts.get(name, 0) + 1
        limit = max(5, len(self.sentences) * share // 100)
        return frozenset(name for name, n in counts.items() if n > limit)

    def pairs(self) -> Iterator[Pair]:
        for ms in self.in_sentence.values():
            for a, b in pairwise(ms):
                if self._side_by_side(a, b):
                    yield Pair(a, b.figure)

    def _side_by_side(self, a: Mention, b: Mention) -> bool:
        """A count, its unit, a joining word and a percentage: "329 unit atau 78,52%"."""
        unit = a.figure.unit
        if unit not in self.conv.count_units or b.figure.unit != "%":
            return False
        gap = a.sentence.text[a.figure.end : b.figure.start].lstrip()
        return gap.lower().startswith(unit) and bool(self.between.match(gap[len(unit) :]))


def _named(
    words: tuple[str, ...],
    subjects: set[tuple[str, ...]],
    by_initials: dict[str, list[tuple[str, ...]]],
    longest: int,
) -> set[tuple[str, ...]]:
    """The subjects a sentence names, by their words or their initials."""
    out = {name for w in set(words) for name in by_initials.get(w, ())}
    for i in range(len(words)):
        for j in range(i + _MIN_WORDS, min(len(words), i + longest) + 1):
            if words[i:j] in subjects:
                out.add(words[i:j])
    return out


def _carrier(index: _Index, pair: Pair, y: tuple[str, ...]) -> tuple[Mention, tuple[str, ...]] | None:
    """Another sentence printing both figures under a subject X, not Y."""
    count = pair.count.figure
    for m in index.by_figure.get((count.unit, count.value), ()):
        s = m.sentence
        if s is pair.count.sentence or index.names_in(s, y):
            continue
        figs = index.in_sentence[id(s)]
        if not any(x.figure.unit == "%" and x.figure.value == pair.percent.value for x in figs):
            continue
        for x in figs:
            if x.subject and x.subject not in index.common and not _overlap(x.subject, y):
                return m, x.subject
    return None


def _own_figure(index: _Index, pair: Pair, y: tuple[str, ...]) -> Mention | None:
    """A figure of the same kind as the pair's (a count, a percentage) that
    another sentence gives Y itself, with a different value."""
    sent = pair.count.sentence
    for m in index.by_subject.get(y, ()):
        if m.sentence is sent:
            continue
        f = m.figure
        if f.unit in index.conv.count_units and f.value != pair.count.figure.value:
            return m
        if f.unit == "%" and f.value != pair.percent.value:
            return m
    return None


def _display(sentence: Sentence, name: tuple[str, ...]) -> str:
    """The name as the sentence prints it ("Sumber Daya Manusia")."""
    parts = [re.escape(w) for w in name]
    m = re.search(r"\b" + r"\W+(?:\w+\W+)?".join(parts) + r"\b", sentence.text, re.IGNORECASE)
    return m.group(0) if m else " ".join(name)


def misattributed(rule: Rule, ctx: DocContext) -> Iterator[tuple[Pair, str, Mention, str, Mention]]:
    """(pair, its subject, the carrier's figure, the carrier's subject, the subject's own figure)."""
    index = _Index(rule, ctx)
    min_count = int(rule_param(rule, "min_count", 10))
    for pair in index.pairs():
        y = pair.count.subject
        if y is None or y in index.common or not _distinctive(pair, min_count):
            continue
        carrier = _carrier(index, pair, y)
        if carrier is None:
            continue
        own = _own_figure(index, pair, y)
        if own is None:
            continue
        other, x = carrier
        yield pair, _display(pair.count.sentence, y), other, _display(other.sentence, x), own


def _own_text(own: Mention) -> str:
    """The subject's own figure, with the percentage printed beside it."""
    f = own.figure
    if f.unit == "%":
        return f.text
    after = own.sentence.text[f.end :]
    m = re.match(rf"\s*{re.escape(f.unit)}\s+atau\s+(\d[\d.,]*\s?%)", after, re.IGNORECASE)
    return f"{f.text} {f.unit}" + (f" atau {m.group(1)}" if m else "")


def check_pair_subjects(rule: Rule, run: Run) -> Iterator[Finding]:
    """A sentence quoting a count-and-percentage pair under one subject that
    another sentence gives another subject, while the first subject has
    figures of its own."""
    for pair, subject, other, other_name, own in misattributed(rule, run.context):
        own_text = _own_text(own)
        yield text_finding(
            rule,
            run.lang,
            locations=[pair.count.figure.location, other.figure.location, own.figure.location],
            printed=pair.text,
            expected=None,
            meaning=("figure-under-other-subject", subject.lower(), pair.text),
            subject=subject,
            other=other_name,
            own=own_text,
        )
