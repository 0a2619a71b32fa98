"""Indicator and program names matched by meaning, measured on real pairs.

The pairs come from the Kementerian Sosial report: the same indicator or
programme printed under different names in the summary, Bab III, the
appendices; and different ones whose names share most words.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.meaning.names import NameIndex

SAME = [
    ("Persentase penurunan penduduk miskin", "Persentase penurunan jumlah penduduk miskin"),
    ("Persentase SDM Kesos yang tersertifikasi",
     "Persentase Sumber Daya Manusia (SDM) Kesejahteraan Sosial yang Tersertifikasi"),
    ("SDM Kesos tersertifikasi", "Persentase Sumber Daya Manusia (SDM) Kesejahteraan Sosial yang Tersertifikasi"),
    ("Persentase LKS yang terkreditasi", "Persentase Lembaga Kesejahteraan Sosial (LKS) yang terakreditasi"),
    ("Partisipasi PSKS dalam penyelenggaraan kesejahteraan sosial",
     "Persentase partisipasi PSKS dalam Penyelenggaraan Kesejahteraan Sosial"),
    ("Rehsos Anak", "Rehabilitasi Sosial Anak"),
    ("Pemberdayaan KAT", "Pemberdayaan Komunitas Adat Terpencil (KAT)"),
    ("Program Rehabilitasi Sosial", "Direktorat Jenderal Rehabilitasi Sosial"),
    ("PS Korban Bencana Alam", "Perlindungan Sosial Korban Bencana Alam"),
]  # fmt: skip
DIFFERENT = [
    ("Persentase penurunan penduduk miskin", "Persentase penurunan penduduk rentan"),
    ("Rehabilitasi Sosial", "Rehabilitasi Sosial Lanjut Usia"),
    ("Pemberdayaan Sosial", "Pemberdayaan Sosial Perorangan, Keluarga, dan Kelembagaan Masyarakat"),
    ("PS Korban Bencana Sosial", "Perlindungan Sosial Korban Bencana Alam"),
    ("Persentase partisipasi masyarakat", "Persentase partisipasi PSKS dalam Penyelenggaraan Kesejahteraan Sosial"),
    ("Rehsos Napza", "Rehsos Anak"),
    ("Penanggulangan Kemiskinan Perdesaan", "Penanggulangan Kemiskinan Perkotaan"),
    ("Perorangan", "Persentase Partisipasi PSKS perorangan dan lembaga"),
]  # fmt: skip


def test_matching_precision_and_recall_on_real_names() -> None:
    index = NameIndex([n for pair in SAME + DIFFERENT for n in pair])
    found = [index.matches(a, b) for a, b in SAME]
    false = [index.matches(a, b) for a, b in DIFFERENT]
    recall = sum(found) / len(found)
    precision = sum(found) / (sum(found) + sum(false))
    print(f"name matching: recall {recall:.2f}, precision {precision:.2f}")
    assert [p for p, ok in zip(SAME, found, strict=True) if not ok] == []
    assert [p for p, bad in zip(DIFFERENT, false, strict=True) if bad] == []


def test_matching_is_symmetric() -> None:
    index = NameIndex([n for pair in SAME + DIFFERENT for n in pair])
    for a, b in SAME + DIFFERENT:
        assert index.matches(a, b) == index.matches(b, a)


def test_a_kept_answer_is_the_answer_computed_afresh(monkeypatch) -> None:
    """Answers are kept per index (a heading meets every indicator once per
    sentence under it); asked again, and after the store is emptied for
    being full, they are what the comparison itself gives."""
    import auditor.meaning.names as names

    pairs = SAME + DIFFERENT
    index = NameIndex([n for pair in pairs for n in pair])
    fresh = [index._matches(a, b, 0.85, 0.75) for a, b in pairs]
    monkeypatch.setattr(names, "MAX_MATCHES_KEPT", 5)
    for _ in range(3):
        assert [index.matches(a, b) for a, b in pairs] == fresh
        assert len(index._matched) <= 5
    assert fresh.count(True) >= len(SAME) - 1  # the comparison ran, not a constant


def test_typo_equality_is_difflibs_ratio_on_real_words() -> None:
    """The length and letter bounds in front of ``SequenceMatcher.ratio``
    change no answer: every pair of words of the shipped Kemensos sample
    pairs (``SAME`` and ``DIFFERENT``) is judged as the ratio alone judges it."""
    from difflib import SequenceMatcher

    from auditor.meaning.names import _typo_equal, tokens

    words = sorted({w for pair in SAME + DIFFERENT for name in pair for w in tokens(name)})
    assert len(words) > 40
    agree = similar = 0
    for a in words:
        for b in words:
            expected = a == b or (min(len(a), len(b)) >= 5 and SequenceMatcher(None, a, b).ratio() >= 0.85)
            assert _typo_equal(a, b) == expected, (a, b)
            agree += 1
            similar += expected and a != b
    assert similar > 0 and agree == len(words) ** 2


def test_abbreviations_spell_out_their_words() -> None:
    """An abbreviation covers the words its parts begin, from where it starts."""
    from auditor.meaning.names import _abbreviates, tokens

    long_ = tokens("Persentase Sumber Daya Manusia Kesejahteraan Sosial yang Tersertifikasi")
    assert _abbreviates("sdm", long_, long_.index("sumber")) == 3
    assert _abbreviates("kesos", long_, long_.index("kesejahteraan")) == 2
    assert _abbreviates("sdm", long_, long_.index("daya")) == 0  # it starts elsewhere
    assert _abbreviates("lks", long_, 0) == 0
    assert _abbreviates("sdm", long_, len(long_)) == 0
    lks = tokens("Lembaga Kesejahteraan Sosial")
    assert _abbreviates("lks", lks, 0) == 3


_WORDS = [
    "sdm", "kesos", "lks", "ks", "sumber", "daya", "manusia", "kesejahteraan", "sosial", "lembaga",
    "tersertifikasi", "tersertifikas", "terakreditasi", "terkreditasi", "rehsos", "rehabilitasi",
    "anak", "napza", "jumlah", "yang", "2019", "penduduk", "pendudk", "miskin", "kat", "komunitas",
    "adat", "terpencil", "sosia", "rs",
]  # fmt: skip


def _reference_coverage(index: NameIndex, a: str, b: str) -> tuple[float, float]:
    """The coverage as first written: every word against every word, every
    abbreviation tried at every start."""
    from auditor.meaning.names import _abbreviates, _typo_equal, tokens

    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0, 0.0
    if ta == tb:
        return 1.0, 1.0
    weight = index.weight
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    covered: set[int] = set()
    found = total = 0.0
    for word in short:
        w = weight(word)
        total += w
        same = [i for i, x in enumerate(long_) if i not in covered and _typo_equal(word, x)]
        if same:
            covered.add(same[0])
            found += w
            continue
        for i in range(len(long_)):
            span = _abbreviates(word, long_, i)
            if span and not covered & set(range(i, i + span)):
                covered.update(range(i, i + span))
                found += w
                break
    for j in list(covered):
        for i in range(len(long_)):
            span = _abbreviates(long_[j], long_, i)
            if span and j not in range(i, i + span):
                covered.update(range(i, i + span))
                break
    long_total = sum(weight(x) for x in long_)
    long_found = sum(weight(x) for i, x in enumerate(long_) if i in covered)
    return (found / total if total else 0.0), (long_found / long_total if long_total else 0.0)


def test_coverage_is_the_exhaustive_comparison() -> None:
    """Skipping the abbreviations that cannot start, and keeping answers by
    the names' words, change no coverage of any pair of sample names."""
    names = [n for pair in SAME + DIFFERENT for n in pair]
    names += ["SDM", "sdm kesos", "Kesos SDM tersertifikasi 2019", "LKS", "Lembaga Kesejahteraan Sosial"]
    index = NameIndex(names)
    for a in names:
        for b in names:
            assert index.coverage(a, b) == _reference_coverage(index, a, b), (a, b)
            assert index.coverage(a, b) == _reference_coverage(index, a, b), (a, b)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6), min_size=2, max_size=6))
def test_coverage_agrees_on_random_names(word_lists: list[list[str]]) -> None:
    """Random names built from real, abbreviated and misspelt words."""
    names = [" ".join(ws) for ws in word_lists]
    index = NameIndex(names)
    for a in names:
        for b in names:
            assert index.coverage(a, b) == _reference_coverage(index, a, b), (a, b)


@given(st.text(alphabet="aeiknrst", max_size=14), st.text(alphabet="aeiknrst", max_size=14))
def test_common_letters_are_quick_ratios_matches(a: str, b: str) -> None:
    """The bound in front of ``ratio()`` is difflib's ``quick_ratio`` itself."""
    from difflib import SequenceMatcher

    from auditor.meaning.names import _common_letters

    if a or b:
        assert 2.0 * _common_letters(a, b) / (len(a) + len(b)) == SequenceMatcher(None, a, b).quick_ratio()
