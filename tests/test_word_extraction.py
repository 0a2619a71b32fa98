"""The reader's own word extraction against pdfplumber's default one.

``page_words`` replaces pdfplumber's ``WordExtractor`` on PDFium pages for
speed only: every table and finding is built from these words, so they must
be the extractor's exactly (same words, same order, the same floats bit for
bit), on every real page and on the cases a real page rarely shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.readers.pdf import _extracted_words, _words
from auditor.readers.pdfium_page import PdfiumPage
from auditor.readers.pdftables.wordrun import page_words
from auditor.readers.pdftables.words import Word
from tests.corpus_files import CORPUS_PDFS, EXAMPLE_PDFS, pdfium_pages


def _exact(words: list[Word]) -> list[tuple]:
    """Each word with its floats as hex, so that ``0.0`` and ``-0.0`` differ."""
    return [(w.text, w.x0.hex(), w.top.hex(), w.x1.hex(), w.bottom.hex(), w.nchars, w.nbold) for w in words]


def _assert_same_words(path: Path) -> None:
    for number, page in enumerate(pdfium_pages(path), start=1):
        expected = _exact(_extracted_words(page))
        assert _exact(page_words(page.chars)) == expected, f"{path.name} p{number}"


@pytest.mark.parametrize("name", CORPUS_PDFS)
def test_every_corpus_page_has_the_extractors_words(name: str, corpus_dir: Path) -> None:
    _assert_same_words(corpus_dir / name)


@pytest.mark.parametrize("path", EXAMPLE_PDFS, ids=lambda p: p.name)
def test_every_example_page_has_the_extractors_words(path: Path) -> None:
    _assert_same_words(path)


def _char(
    text: str,
    x0: float,
    top: float,
    *,
    width: float = 5.0,
    height: float = 10.0,
    upright: bool = True,
    fontname: str = "Arial",
) -> dict:
    return {
        "object_type": "char",
        "text": text,
        "fontname": fontname,
        "size": height,
        "x0": x0,
        "x1": x0 + width,
        "width": width,
        "top": top,
        "bottom": top + height,
        "doctop": top,
        "height": height,
        "upright": upright,
    }


def _row(text: str, x0: float, top: float, **kwargs: object) -> list[dict]:
    return [_char(t, x0 + 5.0 * i, top, **kwargs) for i, t in enumerate(text)]  # type: ignore[arg-type]


def _same(chars: list[dict]) -> list[Word]:
    """The new words of ``chars``, checked against the extractor's."""
    words = page_words(chars)
    assert _exact(words) == _exact(_extracted_words(PdfiumPage(600.0, 800.0, {"char": chars})))
    return words


def test_an_empty_page_has_no_words() -> None:
    assert _same([]) == []


def test_spaces_end_words_and_blank_words_are_dropped() -> None:
    chars = [*_row("ab cd", 10, 10), _char("\xa0", 40, 10), _char(" ", 45, 10), *_row("ef", 50, 10)]
    assert [w.text for w in _same(chars)] == ["ab", "cd", "ef"]


def test_an_empty_text_stands_alone_and_is_dropped() -> None:
    chars = [*_row("ab", 10, 10), _char("", 20, 10), *_row("cd", 25, 10)]
    assert [w.text for w in _same(chars)] == ["ab", "cd"]


def test_ligatures_are_expanded_and_count_as_one_char() -> None:
    chars = [_char("e", 10, 10), _char("ﬃ", 15, 10), _char("ﬁx", 20, 10)]
    words = _same(chars)
    assert [(w.text, w.nchars) for w in words] == [("effiﬁx", 3)]


def test_gaps_and_line_offsets_on_the_tolerance_boundary() -> None:
    chars = [
        _char("a", 10, 10),
        _char("b", 18, 10),  # 3 past a's end: same word
        _char("c", 26.0001, 10),  # just over 3 past: new word
        _char("d", 31.0001, 13),  # 3 lower: same line, same word
        _char("e", 36.0001, 16.0001),  # just over 3 lower than d: new word
        _char("f", 100, 30),
        _char("g", 104, 30),  # starts inside f: continues it
        _char("h", 99, 30.5),  # starts before g: same line, sorts first
    ]
    assert [w.text for w in _same(chars)] == ["ab", "cd", "e", "hfg"]


def test_lines_chain_within_the_tolerance() -> None:
    chars = _row("xy", 50, 15) + _row("ab", 10, 10) + _row("cd", 30, 12.5) + _row("zz", 10, 25)
    assert [w.text for w in _same(chars)] == ["ab", "cd", "xy", "zz"]


def test_turned_characters_read_down_their_column() -> None:
    turned = [
        _char("t", 200, 100, width=10, height=5, upright=False),
        _char("u", 201, 95, width=10, height=5, upright=False),
        _char("r", 202, 114, width=10, height=5, upright=False),  # 4 past s: new word
        _char("n", 300, 50, width=10, height=5, upright=False),
        _char("s", 203, 105, width=10, height=5, upright=False),
    ]
    chars = _row("top", 10, 10) + turned + _row("end", 10, 700)
    assert [w.text for w in _same(chars)] == ["top", "uts", "r", "n", "end"]


def test_bold_characters_are_counted_per_word() -> None:
    chars = (
        _row("ab", 10, 10, fontname="Arial,Bold")
        + _row("cd", 20, 10, fontname="Arial-BlackMT")
        + [_char(" ", 30, 10)]
        + _row("ef", 35, 10, fontname="Times")
    )
    assert [(w.text, w.nchars, w.nbold) for w in _same(chars)] == [("abcd", 4, 4), ("ef", 2, 0)]


def test_words_take_the_fast_path_on_pdfium_pages() -> None:
    chars = [*_row("Capaian", 10, 10), _char(" ", 45, 10), *_row("Kinerja", 50, 10)]
    page = PdfiumPage(600.0, 800.0, {"char": chars})
    assert _exact(_words(page)) == _exact(_extracted_words(page))
