"""Indicator and program names matched by meaning, measured on real pairs.

The pairs come from the Kementerian Sosial report: the same indicator or
programme printed under different names in the summary, Bab III, the
appendices; and different ones whose names share most words.
"""

from __future__ import annotations

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
