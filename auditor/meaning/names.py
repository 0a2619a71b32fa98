"""Matching the names of one indicator (or program) printed in several places.

Names drift between places: "Persentase SDM Kesos yang tersertifikasi" in the
summary, "Persentase Sumber Daya Manusia (SDM) Kesejahteraan Sosial yang
Tersertifikasi" in Bab III; capitals, word order, "jumlah" dropped, typos
("terkreditasi"). Two names match when the distinctive words of the shorter
one are found in the longer one, where a word is found

- as itself or with a small typo (similarity ratio >= 0.85), or
- as an abbreviation of consecutive words: initials (LKS = Lembaga
  Kesejahteraan Sosial) or leading syllables (Kesos = KEsejahteraan SOSial).

Words are weighted by how rare they are among all the names of the document,
so "penurunan penduduk miskin" and "penurunan penduduk rentan" stay apart:
they share their common words and differ in the one that matters.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import lru_cache

STOPWORDS = frozenset(
    [
        "persentase",
        "prosentase",
        "presentase",
        "jumlah",
        "yang",
        "dan",
        "dalam",
        "di",
        "ke",
        "dari",
        "pada",
        "untuk",
        "atas",
        "serta",
        "oleh",
        "dengan",
        "terhadap",
        "tahun",
        "indikator",
        "kinerja",
        "nilai",
        "tingkat",
        "angka",
        "rasio",
        "the",
        "of",
        "per",
        "atau",
        "melalui",
        "program",
        "kegiatan",
        "direktorat",
        "jenderal",
        "ditjen",
        "badan",
        "sekretariat",
        "kementerian",
        "dinas",
        "bagian",
    ]
)
"""Words that name no subject: measure words, connectives, and the
organisational prefixes one report adds and another drops ("Program
Rehabilitasi Sosial", "Direktorat Jenderal Rehabilitasi Sosial")."""
_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=65536)
def tokens(name: str) -> tuple[str, ...]:
    """The words of ``name`` that name its subject (lower case, no stopwords
    or bare numbers). Cached: the rules ask for the same names' words tens
    of thousands of times in a long report."""
    words = _WORD.findall(name.lower())
    return tuple(w for w in words if w not in STOPWORDS and not w.isdigit())


def holds_run(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """The name's words stand together, in order, among ``words`` (both as
    :func:`tokens` gives them): a remark or sentence that names the subject."""
    n = len(name)
    return any(words[i : i + n] == name for i in range(len(words) - n + 1))


@lru_cache(maxsize=65536)
def _typo_equal(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    # upper bounds of ratio() first (real_quick_ratio's, from the lengths,
    # then quick_ratio): most pairs of words are told apart by them alone
    if 2.0 * min(len(a), len(b)) / (len(a) + len(b)) < 0.85:
        return False
    if 2.0 * _common_letters(a, b) / (len(a) + len(b)) < 0.85:
        return False
    return SequenceMatcher(None, a, b).ratio() >= 0.85


def _common_letters(a: str, b: str) -> int:
    """The letters ``a`` and ``b`` share, counted with multiplicity: the
    ``matches`` of ``SequenceMatcher(None, a, b).quick_ratio()``, whose
    value is ``2.0 * matches / (len(a) + len(b))``, without building the
    matcher's index of ``b`` for the many pairs it rejects."""
    left: dict[str, int] = {}
    for ch in b:
        left[ch] = left.get(ch, 0) + 1
    matches = 0
    for ch in a:
        n = left.get(ch, 0)
        if n > 0:
            left[ch] = n - 1
            matches += 1
    return matches


def _abbreviates(abbr: str, words: tuple[str, ...], start: int) -> int:
    """How many words from ``start`` the abbreviation spells out (0: none).

    Each word contributes a non-empty prefix, in order: LKS -> l|k|s,
    kesos -> ke|sos. The first letters must agree (the first part is a
    prefix of the first word): most pairs are told apart by that alone.
    """
    if not 2 <= len(abbr) <= 8 or start >= len(words) or words[start][:1] != abbr[:1]:
        return 0

    def walk(pos: int, w: int) -> int:
        if pos == len(abbr):
            return w - start
        if w >= len(words):
            return 0
        word = words[w]
        # each part is a short proper prefix: "reh|sos", "l|k|s"
        for k in range(min(len(word) - 1, 4, len(abbr) - pos), 0, -1):
            if word[:k] == abbr[pos : pos + k]:
                got = walk(pos + k, w + 1)
                if got >= 2:
                    return got
        return 0

    return walk(0, start)


MAX_MATCHES_KEPT = 200_000
"""Answers one NameIndex keeps (tens of MB at most); past it they are forgotten
and computed again, so a huge report costs time, not memory."""


class NameIndex:
    """Word rarity over a document's names; similarity between two names."""

    def __init__(self, names: Iterable[str]) -> None:
        self.docs = [set(tokens(n)) for n in names]
        self.df: Counter[str] = Counter(w for d in self.docs for w in d)
        self.n = max(len(self.docs), 1)
        self._matched: dict[tuple[tuple[str, ...], tuple[str, ...], float, float], bool] = {}
        """Answers of :meth:`matches` (the index never changes after this),
        by the two names' words: a section heading is compared with every
        indicator once for each sentence under it, and many printed names
        differ only in case, numbers or stopwords."""
        self._weights: dict[str, float] = {}
        self._covered: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[float, float]] = {}
        """Answers of :meth:`coverage`, by the two names' words (all it reads)."""
        self._name_weights: dict[tuple[str, ...], tuple[float, ...]] = {}

    def weight(self, word: str) -> float:
        """How rare ``word`` is among the names (kept: asked for every word
        of both names of every comparison)."""
        known = self._weights.get(word)
        if known is None:
            known = self._weights[word] = math.log(1 + self.n / (1 + self.df.get(word, 0)))
        return known

    def _weights_of(self, words: tuple[str, ...]) -> tuple[float, ...]:
        """The :meth:`weight` of each word of a name, in order, kept by the
        words (a name is compared with many others): summed in the same
        order, the totals are the same floats."""
        known = self._name_weights.get(words)
        if known is None:
            if len(self._name_weights) >= MAX_MATCHES_KEPT:
                self._name_weights.clear()
            known = self._name_weights[words] = tuple(self.weight(w) for w in words)
        return known

    def coverage(self, a: str, b: str) -> tuple[float, float]:
        """(share of the shorter name's weight found in the longer one,
        share of the longer name's weight that the shorter one accounts for)."""
        return self._kept_coverage(tokens(a), tokens(b))

    def _kept_coverage(self, ta: tuple[str, ...], tb: tuple[str, ...]) -> tuple[float, float]:
        """:meth:`coverage` of two names' words, kept by them."""
        key = (ta, tb)
        known = self._covered.get(key)
        if known is None:
            if len(self._covered) >= MAX_MATCHES_KEPT:
                self._covered.clear()
            known = self._covered[key] = self._coverage(ta, tb)
        return known

    def _coverage(self, ta: tuple[str, ...], tb: tuple[str, ...]) -> tuple[float, float]:
        """:meth:`coverage` of two names' words.

        An abbreviation is only tried where it can start: ``_abbreviates``
        answers 0 for a word outside 2..8 letters, or at a word of the longer
        name that begins with another letter, so skipping those calls
        changes no answer.
        """
        if not ta or not tb:
            return 0.0, 0.0
        if ta == tb:
            return 1.0, 1.0
        short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
        initials = {x[:1] for x in long_}
        covered_long: set[int] = set()
        found = total = 0.0
        for word, w in zip(short, self._weights_of(short), strict=True):
            total += w
            if self._found_as_word(word, long_, covered_long):
                found += w
                continue
            if not (2 <= len(word) <= 8 and word[:1] in initials):
                continue
            for i in range(len(long_)):
                if long_[i][:1] != word[:1]:
                    continue  # _abbreviates answers 0
                span = _abbreviates(word, long_, i)
                if span and not covered_long & set(range(i, i + span)):
                    covered_long.update(range(i, i + span))
                    found += w
                    break
        # "Sumber Daya Manusia (SDM)": a covered abbreviation covers its expansion
        for j in [j for j in covered_long if 2 <= len(long_[j]) <= 8]:
            first = long_[j][:1]
            for i in range(len(long_)):
                if long_[i][:1] != first:
                    continue  # _abbreviates answers 0
                span = _abbreviates(long_[j], long_, i)
                if span and j not in range(i, i + span):
                    covered_long.update(range(i, i + span))
                    break
        long_weights = self._weights_of(long_)
        long_total = sum(long_weights)
        long_found = sum(w for i, w in enumerate(long_weights) if i in covered_long)
        return (found / total if total else 0.0), (long_found / long_total if long_total else 0.0)

    @staticmethod
    def _found_as_word(word: str, long_: tuple[str, ...], covered_long: set[int]) -> bool:
        """Cover the first free word of ``long_`` that is ``word`` or a typo
        of it (one-to-one: a word of the longer name is used once).

        :func:`_typo_equal` is asked only of words it could call equal: it
        answers False for two different words unless both have five letters
        or more, and their lengths pass its first bound
        (``2 * min / (sum) >= 0.85``, here with the same float arithmetic),
        so the words skipped here are exactly those it would reject.
        """
        n = len(word)
        if n < 5:
            for i, x in enumerate(long_):
                if x == word and i not in covered_long:
                    covered_long.add(i)
                    return True
            return False
        for i, x in enumerate(long_):
            if i in covered_long:
                continue
            m = len(x)
            if x == word or (m >= 5 and 2.0 * min(n, m) / (n + m) >= 0.85 and _typo_equal(word, x)):
                covered_long.add(i)
                return True
        return False

    def matches(self, a: str, b: str, short_min: float = 0.85, long_min: float = 0.75) -> bool:
        """Same subject: the shorter name is (nearly) all in the longer one,
        and the longer one is not mostly about something else ("Rehabilitasi
        Sosial" is not "Rehabilitasi Sosial Lanjut Usia")."""
        ta, tb = tokens(a), tokens(b)
        key = (ta, tb, short_min, long_min)
        known = self._matched.get(key)
        if known is None:
            if len(self._matched) >= MAX_MATCHES_KEPT:
                self._matched.clear()
            known = self._matched[key] = self._words_match(ta, tb, short_min, long_min)
        return known

    def _matches(self, a: str, b: str, short_min: float, long_min: float) -> bool:
        """:meth:`matches` computed afresh."""
        return self._words_match(tokens(a), tokens(b), short_min, long_min)

    def _words_match(self, ta: tuple[str, ...], tb: tuple[str, ...], short_min: float, long_min: float) -> bool:
        """:meth:`matches` of two names' words (all it reads)."""
        if ta == tb and ta:
            return True
        if min(len(ta), len(tb)) < 2:
            return False
        short_cov, long_cov = self._kept_coverage(ta, tb)
        if short_cov < 1.0 and long_cov < 1.0:
            # each name keeps a word the other lacks: "... Bencana Sosial" vs
            # "... Bencana Alam" name two things in the same slot
            return False
        return short_cov >= short_min and long_cov >= long_min
