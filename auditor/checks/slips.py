"""A figure in the narrative that is not its subject's but close to one.

A sentence about one indicator ("Nilai Evaluasi AKIP PD ... dengan nilai
3,157") prints a value that none of the tables gives that indicator, while
the tables do give it to another indicator (3,157 is the Maturitas SPIP
score), or it is a table value of the same indicator with one slip of the
pen: a changed or dropped leading digit (1,157 for 3,157) or two adjacent
digits swapped (0.612 for 0.162). Cross-references (XRF001) compare copies
of one quantity and need the sentence to say which measure a figure is;
this rule asks a weaker question with a stronger answer: is the figure a
recognisable mistake for a value the tables print.

Only figures with at least ``min_digits`` significant digits are compared,
so that small round numbers never match by chance.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.common import text_finding
from auditor.checks.narrative.common import conventions, rule_param
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.context import DocContext, Sentence, find_numbers, is_heading
from auditor.meaning.figures import Figure, pattern, read_figures
from auditor.meaning.intervals import Interval
from auditor.meaning.names import NameIndex, tokens
from auditor.meaning.numbers import Number, format_number
from auditor.meaning.quantities import table_kind
from auditor.meaning.semantics import TableView
from auditor.model import TextLine
from auditor.rulesets.loader import Rule


@dataclass(frozen=True)
class RowValues:
    """The figures a table row gives one subject."""

    subject: str
    numbers: tuple[Number, ...]


def _row_values(views: list[TableView]) -> list[RowValues]:
    out = []
    for view in views:
        if table_kind(view) not in ("capaian", "plan"):
            continue  # only tables of indicators, not of regions, staff or money
        for row in view.rows:
            if row.kind not in ("body", "subtotal"):
                continue
            # "Sasaran | Indikator": the row's own name is the last part
            label = (view.label(row.index) or "").split(" | ")[-1].strip()
            nums = tuple(
                n
                for c, col in enumerate(view.columns)
                if col.role != "number" and (n := view.number(row.index, c)) is not None
            )
            if len(tokens(label)) >= 2 and nums:
                out.append(RowValues(label, nums))
    return out


def _digits(n: Number) -> str:
    """The significant digits as printed: 3,157 -> "3157", 0.162 -> "162"
    (a cell "Level 3 (3,157)" is read as its figure, 3,157)."""
    return str(abs(int(n.value * 10**n.decimals))) if n.value * 10**n.decimals == int(n.value * 10**n.decimals) else ""


def slip_of(printed: Number, true: Number) -> str | None:
    """How ``printed`` is a slip of ``true``: "leading" (first digit changed
    or dropped), "swap" (two adjacent digits exchanged), else None. Both are
    read at the same number of decimals."""
    if printed.decimals != true.decimals or printed.percent != true.percent:
        return None
    a, b = _digits(printed), _digits(true)
    if a == b:
        return None
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if diff == [0]:
            return "leading"
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
            return "swap"
    if len(a) == len(b) - 1 and a == b[1:] and printed.value < true.value:
        return "leading"
    return None


def _subject(sentence: Sentence, subjects: list[tuple[str, frozenset[str]]]) -> str | None:
    """The one subject a sentence names with all its words (``subjects``:
    each name with the set of its :func:`tokens`, made once per document
    rather than once per sentence)."""
    words = set(tokens(sentence.text))
    named = {k: s for s, k in subjects if k <= words}
    # a name inside a longer named one is the same mention ("AKIP PD" in "Nilai Evaluasi AKIP PD")
    kept = [s for k, s in named.items() if not any(k < other for other in named)]
    return kept[0] if len(kept) == 1 else None


def _paragraph_sentences(ctx: DocContext) -> Iterator[Sentence]:
    """The sentences, with one cut by the layout joined back: a sentence
    ending without punctuation ("... dengan") whose rest goes on in lower
    case ("nilai 3,157 (A).") as the next sentence or as a line printed in
    bold (which the splitter takes for a heading)."""
    sents = ctx.sentences
    following = {id(a): b for a, b in zip(ctx.doc.lines, ctx.doc.lines[1:], strict=False)}
    i = 0
    while i < len(sents):
        s = sents[i]
        nxt = sents[i + 1] if i + 1 < len(sents) else None
        rest: list[TextLine] = []
        if s.text.rstrip()[-1:].isalpha():
            after = following.get(id(s.lines[-1]))
            if nxt is not None and nxt.heading == s.heading and nxt.text[:1].islower():
                rest = nxt.lines
            elif after is not None and is_heading(after, ctx.vocab) and after.text.strip()[:1].islower():
                rest = [after]
        if not rest:
            yield s
            i += 1
            continue
        yield _joined(s, rest)
        i += 2 if nxt is not None and rest is nxt.lines else 1


def _joined(s: Sentence, rest: list[TextLine]) -> Sentence:
    text, lines, offsets = s.text, list(s.lines), list(s.offsets)
    for ln in rest:
        offsets.append(len(text) + 1)
        lines.append(ln)
        text = f"{text} {ln.text.strip()}"
    joined = Sentence(text, lines, offsets, s.order, s.heading)
    joined.numbers = find_numbers(joined)
    return joined


def _attributed(rule: Rule, s: Sentence, f: Figure) -> bool:
    """The figure is given as the subject's value ("tercapai 1,157", "dengan
    nilai 3,157") and is not a label in parentheses."""
    before = s.text[: f.start]
    if before.count("(") > before.count(")"):
        return False
    return bool(pattern(rule_param(rule, "value_before", r"\bnilai\s+$")).search(before[-60:].lower()))


def _value_key(n: Number) -> tuple[float, int, bool]:
    return (n.value, n.decimals, n.percent)


def _by_value(rows: list[RowValues]) -> dict[tuple[float, int, bool], list[str]]:
    """The subjects whose rows print each value, in reading order: a look-up
    per figure instead of a walk over every row of the document."""
    out: dict[tuple[float, int, bool], list[str]] = {}
    for rv in rows:
        for n in rv.numbers:
            subjects = out.setdefault(_value_key(n), [])
            if not subjects or subjects[-1] != rv.subject:
                subjects.append(rv.subject)
    return out


def _verdict(
    f: Figure,
    own: list[Number],
    own_intervals: list[Interval],
    others: dict[tuple[float, int, bool], list[str]],
    index: NameIndex,
    subject: str,
) -> tuple[str, str, str | None] | None:
    """("other", value, its subject) or ("leading" | "swap", the true value,
    None). ``own_intervals`` are ``own``'s intervals, built once per subject."""
    printed = f.num.interval()
    if any(printed.overlaps(iv) for iv in own_intervals):
        return None
    for n in own:
        kind = slip_of(f.num, n)
        if kind:
            return kind, format_number(n.value, n.decimals, f.num.decimal_sep), None
    for other in others.get(_value_key(f.num), []):
        if not index.matches(other, subject):
            return "other", f.text, other
    return None


def _own_value(f: Figure, own: list[Number]) -> str:
    """The indicator's commonest table value printed like the figure (same
    decimals, else any decimals; both or neither a percentage): what the
    sentence should say."""
    for same_decimals in (True, False):
        like = Counter(
            format_number(n.value, n.decimals, f.num.decimal_sep)
            for n in own
            if n.percent == f.num.percent and (n.decimals == f.num.decimals if same_decimals else n.decimals > 0)
        )
        if like:
            return like.most_common(1)[0][0]
    return "-"


def _slips(rule: Rule, ctx: DocContext) -> Iterator[tuple[Sentence, Figure, str, str, str, str | None, str]]:
    conv = conventions(rule)
    min_digits = int(rule_param(rule, "min_digits", 3))
    rows = _row_values(ctx.views)
    subjects = sorted({rv.subject for rv in rows})
    index = NameIndex(subjects)
    subject_words = [(s, frozenset(tokens(s))) for s in subjects]
    values = _by_value(rows)
    owns: dict[str, list[Number]] = {}
    own_intervals: dict[str, list[Interval]] = {}
    for s in _paragraph_sentences(ctx):
        subject = _subject(s, subject_words)
        if subject is None:
            continue
        if subject not in owns:  # one walk over the rows per subject named, not per sentence
            owns[subject] = [n for rv in rows if index.matches(rv.subject, subject) for n in rv.numbers]
            own_intervals[subject] = [n.interval() for n in owns[subject]]
        own = owns[subject]
        if not own:
            continue
        for f in read_figures(s, conv):  # joined sentences are new objects: not cached by id
            if len(_digits(f.num)) < min_digits or not _attributed(rule, s, f):
                continue
            verdict = _verdict(f, own, own_intervals[subject], values, index, subject)
            if verdict:
                yield s, f, subject, *verdict, _own_value(f, own)


def check_figure_slips(rule: Rule, run: Run) -> Iterator[Finding]:
    """A sentence's figure for an indicator that is another indicator's
    table value, or a one-slip variant of the indicator's own table value."""
    notes = rule_param(rule, "kinds", {}) or {}
    ctx, lang = run.context, run.lang
    for _s, f, subject, kind, value, other, own in _slips(rule, ctx):
        how = (notes.get(kind) or {}).get(lang) or (notes.get(kind) or {}).get("id") or kind
        yield text_finding(
            rule,
            lang,
            locations=[f.location],
            printed=f.text,
            expected=None if kind == "other" else value,
            meaning=("figure-slip", subject.lower(), f.text),
            subject=subject,
            how=how.format(value=value, other=other or "", own=own),
        )
