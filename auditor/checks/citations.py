"""The same regulation cited two ways in one report (DOC010).

A report cites its legal basis many times, from the Kata Pengantar to Bab
I and the appendices, and each citation is retyped: "Peraturan Presiden
Nomor 46 tahun 2016 tentang Kementerian Sosial" in one paragraph and
"Peraturan Presiden Nomor 46 tahun 2015 tentang Kementerian Sosial" in the
next. Two kinds of slip are read from the citations themselves, without a
register of regulations:

* the same title (and kind, and issuer) under a number or a year that
  differs in one of the two (the same number with another year, or the
  same year with another number); when both differ the report may well
  cite an old regulation and its replacement, which share a title;
* the same kind, issuer, number and year under titles that share less
  than half of their words (an acronym matches the words it abbreviates).

Amendments ("tentang Perubahan atas ...") share their titles by nature and
are not compared by title. Every place of both forms is named.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.common import text_finding
from auditor.checks.narrative.common import alternatives_of, rule_param
from auditor.checks.run import Run
from auditor.findings.records import Finding
from auditor.meaning.context import Sentence
from auditor.meaning.figures import pattern
from auditor.rulesets.loader import Rule


@dataclass(frozen=True)
class Citation:
    """One regulation as a sentence cites it."""

    kind: str
    issuer: str
    number: int
    year: int
    title: tuple[str, ...]
    head: tuple[str, ...]
    """The title's words before its first comma."""
    sentence: Sentence
    start: int
    end: int

    @property
    def form(self) -> str:
        return f"Nomor {self.number} Tahun {self.year}"

    @property
    def text(self) -> str:
        return self.sentence.text[self.start : self.end]

    @property
    def title_text(self) -> str:
        """The title as printed (up to its first comma, when that is a title)."""
        m = re.search(r"\btentang\s+(?:tentang\s+)?", self.text, re.IGNORECASE)
        return self.text[m.end() :] if m else ""


@dataclass(frozen=True)
class CitationWords:
    """The words of a rule that find citations and normalise their parts."""

    regex: re.Pattern[str]
    kinds: dict[str, str]
    title_end: re.Pattern[str]
    issuer_stop: frozenset[str]
    amendment: re.Pattern[str]
    min_title_words: int
    max_title_words: int

    @staticmethod
    def of(rule: Rule) -> CitationWords:
        kinds = {str(k).lower(): str(v).lower() for k, v in (rule_param(rule, "kinds", {}) or {}).items()}
        kind_alt = alternatives_of([re.escape(k).replace(r"\-", r"-\s?").replace(r"\ ", r"\s+") for k in kinds])
        regex = pattern(
            rf"\b(?P<kind>{kind_alt})\s+(?P<issuer>(?:(?!nomor\b|no\b)[^\s,.;:()]+\s+){{0,8}}?)"
            rf"(?:nomor|no\.?)\s*:?\s*(?P<number>\d{{1,4}})\s+tahun\s+(?P<year>(?:19|20)\d\d)\b"
            rf"(?:\s*,?\s*(?:tentang\s+)+(?P<title>[^.;:()]{{2,400}}))?"
        )
        title_end = pattern(
            rf"{rule_param(rule, 'title_end', r'(?!x)x')}|[\"“”'‘’]\s*$|\s+(?:(?:dan|serta|atau)\s+)?(?:{kind_alt})\b"
        )
        return CitationWords(
            regex=regex,
            kinds=kinds,
            title_end=title_end,
            issuer_stop=frozenset(str(w).lower() for w in rule_param(rule, "issuer_stop", []) or []),
            amendment=pattern(str(rule_param(rule, "amendment", r"(?!x)x"))),
            min_title_words=int(rule_param(rule, "min_title_words", 2)),
            max_title_words=int(rule_param(rule, "max_title_words", 12)),
        )

    def kind_of(self, printed: str) -> tuple[str, str]:
        """(kind, issuer implied by an abbreviation): ``Permendagri`` is a
        Peraturan Menteri of Dalam Negeri."""
        key = " ".join(re.sub(r"-\s+", "-", printed.lower()).split())
        full = self.kinds.get(key, key)
        kind, _, issuer = full.partition("|")
        return kind, issuer

    def issuer_key(self, words: str) -> str:
        """Initials of the issuer's words, an acronym's letters whole: "PAN
        dan RB", "PANRB" and "Pendayagunaan Aparatur Negara dan Reformasi
        Birokrasi" are one issuer."""
        out = []
        for w in re.split(r"[\s\-/]+", words.strip()):
            bare = re.sub(r"\W", "", w)
            if not bare or bare.lower() in self.issuer_stop:
                continue
            out.append(bare.lower() if bare.isupper() and len(bare) > 1 else bare[0].lower())
        return "".join(out)

    def title_of(self, raw: str | None) -> tuple[tuple[str, ...], tuple[str, ...], int]:
        """(the title's words, those before its first comma, how many
        characters of ``raw`` it takes). A title may hold commas
        ("Kedudukan, Susunan Organisasi, ..."), and so may the clause after
        it: both readings are kept, and a finding needs both."""
        if not raw:
            return (), (), 0
        m = self.title_end.search(raw)
        cut = raw[: m.start()] if m else raw
        words, head = _words(cut)[: self.max_title_words], _words(cut.split(",")[0])
        shown = cut.split(",")[0] if len(head) >= self.min_title_words else cut
        return words, head, len(shown.rstrip())


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[^\w]+", text.lower()) if w)


def citations(words: CitationWords, sentences: list[Sentence]) -> list[Citation]:
    out = []
    for s in sentences:
        for m in words.regex.finditer(s.text):
            kind, implied = words.kind_of(m.group("kind"))
            title, head, length = words.title_of(m.group("title"))
            end = m.start("title") + length if title else m.end("year")
            out.append(
                Citation(
                    kind=kind,
                    issuer=implied or words.issuer_key(m.group("issuer")),
                    number=int(m.group("number")),
                    year=int(m.group("year")),
                    title=title,
                    head=head,
                    sentence=s,
                    start=m.start(),
                    end=min(end, len(s.text)),
                )
            )
    return out


def _one_issuer(group: list[Citation]) -> bool:
    """The citations name at most one issuer (an unnamed one is the report's own)."""
    return len({c.issuer for c in group if c.issuer}) <= 1


def _same_title(a: tuple[str, ...], b: tuple[str, ...], least: int, most: int) -> bool:
    """The titles agree on their first words, as many as the shorter has
    (at least ``least``, at most ``most``: the rest may be the clause after
    the title)."""
    k = min(len(a), len(b), most)
    return k >= least and a[:k] == b[:k]


def _initials(words: tuple[str, ...], i: int, n: int) -> str:
    return "".join(w[0] for w in words[i : i + n])


def _shared(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """Words of ``a`` found in ``b``, an acronym of ``a`` matching the
    words of ``b`` it abbreviates (``SAKIP``: Sistem Akuntabilitas Kinerja
    Instansi Pemerintah)."""
    bag = set(b)
    got = 0
    for w in a:
        if w in bag or any(_initials(b, i, len(w)) == w for i in range(len(b) - len(w) + 1) if len(w) > 1):
            got += 1
    return got


def _different_titles(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    short, long_ = sorted((a, b), key=len)
    return bool(short) and 2 * max(_shared(short, long_), _shared(long_, short)) < len(short)


def _forms(group: list[Citation], key) -> dict[object, list[Citation]]:
    by: dict[object, list[Citation]] = defaultdict(list)
    for c in group:
        by[key(c)].append(c)
    return by


def _odd_one(forms: dict[object, list[Citation]]) -> tuple[list[Citation], list[Citation]]:
    """(the form cited less often, or later on a tie; the other)."""
    a, b = sorted(forms.values(), key=lambda cs: (-len(cs), cs[0].sentence.order))
    return b, a


def _number_slips(words: CitationWords, cites: list[Citation]) -> Iterator[tuple[list[Citation], list[Citation]]]:
    """Pairs of forms of one title whose number or year (not both) differ."""
    titled = [
        c for c in cites if len(c.title) >= words.min_title_words and not words.amendment.match(" ".join(c.title))
    ]
    by_kind = _forms(titled, lambda c: c.kind)
    for group in by_kind.values():
        for key in (lambda c: (c.number,), lambda c: (c.year,)):
            for same in _forms(group, key).values():
                yield from _title_pairs(words, same)


def _title_pairs(words: CitationWords, same: list[Citation]) -> Iterator[tuple[list[Citation], list[Citation]]]:
    forms = _forms(same, lambda c: (c.number, c.year))
    keys = sorted(forms)
    for i, ka in enumerate(keys):
        for kb in keys[i + 1 :]:
            a, b = forms[ka], forms[kb]
            if not _same_title(a[0].title, b[0].title, words.min_title_words, 6) or not _one_issuer(a + b):
                continue
            yield _odd_one({ka: a, kb: b})


def _title_slips(words: CitationWords, cites: list[Citation]) -> Iterator[tuple[list[Citation], list[Citation]]]:
    """Pairs of titles given to one kind, issuer, number and year: they
    differ read whole and read up to their first comma."""
    heads = [c for c in cites if len(c.head) >= words.min_title_words]
    for group in _forms(heads, lambda c: (c.kind, c.number, c.year)).values():
        if not _one_issuer(group):
            continue
        titles = _forms(group, lambda c: c.title)
        keys = list(titles)
        for i, ta in enumerate(keys):
            for tb in keys[i + 1 :]:
                a, b = titles[ta], titles[tb]
                if _different_titles(ta, tb) and _different_titles(a[0].head, b[0].head):
                    yield _odd_one({ta: a, tb: b})


def check_regulation_citations(rule: Rule, run: Run) -> Iterator[Finding]:
    """``Peraturan Presiden Nomor 46 tahun 2016 tentang Kementerian Sosial``
    where the report elsewhere cites it as ``Nomor 46 tahun 2015``: one of
    the two is mistyped (also one number or year under two titles)."""
    words = CitationWords.of(rule)
    cites = citations(words, run.context.sentences)
    seen: set[tuple[int, int]] = set()
    for kind, pairs in (("number", _number_slips(words, cites)), ("title", _title_slips(words, cites))):
        for odd, other in pairs:
            mark = (id(odd[0]), id(other[0]))
            if mark in seen:
                continue
            seen.add(mark)
            yield _finding(rule, run.lang, kind, odd, other)


def _finding(rule: Rule, lang: str, kind: str, odd: list[Citation], other: list[Citation]) -> Finding:
    o, e = odd[0], other[0]
    printed, expected = (o.form, e.form) if kind == "number" else (o.title_text, e.title_text)
    how = rule_param(rule, "kinds_of_slip", {}).get(kind, {})
    return text_finding(
        rule,
        lang,
        locations=[c.sentence.location(c.start, c.end) for c in odd + other],
        printed=printed,
        expected=expected,
        meaning=("regulation", o.kind, o.form, " ".join(o.title)),
        regulation=o.kind.title(),
        how=how.get(lang, how.get("id", "")),
        first=o.text,
        second=e.text,
    )
