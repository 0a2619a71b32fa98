"""The words of a table looked up by cell box through an index, as by a scan."""

from __future__ import annotations

import random

from auditor.readers.pdftables.words import Word, WordIndex, words_in


def _words(rng: random.Random, n: int) -> list[Word]:
    """Words on a coarse grid of positions, so that centres tie and sit on cell edges."""
    out = []
    for i in range(n):
        x, top = rng.randrange(0, 40) * 5.0, rng.randrange(0, 40) * 4.0
        out.append(Word(text=f"w{i}", x0=x, top=top, x1=x + rng.choice((4.0, 10.0)), bottom=top + 4.0))
    return out


def test_within_gives_the_scan_s_words_in_the_scan_s_order() -> None:
    rng = random.Random(12)
    for _ in range(50):
        words = _words(rng, rng.randrange(0, 120))
        index = WordIndex(words)
        for _ in range(40):
            x0, top = rng.randrange(0, 40) * 5.0, rng.randrange(0, 40) * 4.0
            box = (x0, top, x0 + rng.randrange(0, 20) * 5.0, top + rng.randrange(0, 20) * 4.0)
            assert index.within(box) == words_in(box, words)


def test_a_word_without_a_position_is_looked_up_as_by_the_scan() -> None:
    """A NaN coordinate has no place in a sorted order: such a table is scanned."""
    nan = float("nan")
    words = [
        Word(text="a", x0=0, top=0, x1=4, bottom=4),
        Word(text="b", x0=0, top=nan, x1=4, bottom=4),
        Word(text="c", x0=0, top=8, x1=4, bottom=12),
    ]
    index = WordIndex(words)
    for box in ((0, 0, 10, 20), (0, 5, 10, 20), (0, nan, 10, 20)):
        assert [w.text for w in index.within(box)] == [w.text for w in words_in(box, words)]
