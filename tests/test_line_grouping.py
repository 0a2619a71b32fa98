"""Line grouping and the line helpers of table finding against their general
forms, on every corpus and example page.

``group_lines`` compares band edges without the ``min``/``max`` builtins and
makes each line once its words are in, a line's box is worked out once,
``line_segments`` is kept on the line, ``join_text`` answers cells of no
word or one without grouping, ``word_bbox`` takes its box in one pass and ``_letter_runs`` carries whether the last
run is all letters instead of testing it again: all for speed only. Every
table cell and text line is built from these, so each must give what the
straightforward form below gives, floats bit for bit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.readers.pdftables.blocks import line_segments
from auditor.readers.pdftables.wordrun import page_words
from auditor.readers.pdftables.words import (
    Line,
    Word,
    _letter_runs,
    group_lines,
    join_text,
    rejoined_line_text,
    union_bbox,
    word_bbox,
)
from tests.corpus_files import CORPUS_PDFS, EXAMPLE_PDFS, pdfium_pages


def _general_lines(words: list[Word]) -> list[tuple[list[Word], tuple[float, float, float, float]]]:
    """Lines as grouped before: builtin ``min``/``max`` on every band, and a
    line's box from its words whenever asked."""
    lines: list[list[Word]] = []
    bands: list[tuple[float, float]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        placed = False
        for k in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            top, bottom = bands[k]
            overlap = min(bottom, w.bottom) - max(top, w.top)
            if overlap >= 0.5 * min(w.height, bottom - top):
                lines[k].append(w)
                bands[k] = (min(top, w.top), max(bottom, w.bottom))
                placed = True
                break
        if not placed:
            lines.append([w])
            bands.append((w.top, w.bottom))

    def box(ws: list[Word]) -> tuple[float, float, float, float]:
        return (min(w.x0 for w in ws), min(w.top for w in ws), max(w.x1 for w in ws), max(w.bottom for w in ws))

    for ws in lines:
        ws.sort(key=lambda w: w.x0)
    out = [(ws, box(ws)) for ws in lines]
    out.sort(key=lambda line: (line[1][1], line[1][0]))
    return out


def _general_segments(line: Line, min_gap: float) -> list[tuple[float, float]]:
    segs: list[list[float]] = []
    for w in line.words:
        if segs and w.x0 - segs[-1][1] < min_gap:
            segs[-1][1] = max(segs[-1][1], w.x1)
        else:
            segs.append([w.x0, w.x1])
    return [(a, b) for a, b in segs]


def _general_runs(words: list[Word]) -> list[list[Word]]:
    runs: list[list[Word]] = []
    for w in words:
        last = runs[-1] if runs else None
        if (
            last is not None
            and len(w.text) == 1
            and w.text.isalpha()
            and all(len(x.text) == 1 and x.text.isalpha() for x in last)
            and w.x0 - last[-1].x1 < max(w.height, 1.0)
        ):
            last.append(w)
        else:
            runs.append([w])
    out: list[list[Word]] = []
    for run in runs:
        out.extend([run] if len(run) >= 4 else [[w] for w in run])
    return out


def _hex(box: tuple[float, ...]) -> tuple[str, ...]:
    return tuple(v.hex() for v in box)


def _page_words(path: Path) -> list[list[Word]]:
    return [page_words(page.chars) for page in pdfium_pages(path)]


def _assert_same_grouping(path: Path) -> None:
    for number, words in enumerate(_page_words(path), start=1):
        # the page's words, and bands of them as a table's cells hand them over
        pieces = [words, words[::2], words[::-3], *(words[k : k + 7] for k in range(0, len(words), 7))]
        for piece in pieces:
            got = group_lines(piece)
            want = _general_lines(piece)
            assert [[id(w) for w in ln.words] for ln in got] == [[id(w) for w in ws] for ws, _ in want], (
                f"{path.name} p{number}"
            )
            assert [_hex(ln.bbox) for ln in got] == [_hex(box) for _, box in want], f"{path.name} p{number}"
        for line in group_lines(words):
            for gap in (7.0, 9.6, 7.0, 0.0):  # asked again, and for another gap
                assert line_segments(line, gap) == _general_segments(line, gap), f"{path.name} p{number}"
            assert [[id(w) for w in r] for r in _letter_runs(line.words)] == [
                [id(w) for w in r] for r in _general_runs(line.words)
            ], f"{path.name} p{number}"
            for piece in (line.words, line.words[::-1]):
                want_box = union_bbox((w.x0, w.top, w.x1, w.bottom) for w in piece)
                assert _hex(word_bbox(piece)) == _hex(want_box), f"{path.name} p{number}"
        for w in words[:50]:
            assert join_text([w]) == rejoined_line_text(group_lines([w])[0].words)


@pytest.mark.parametrize("name", CORPUS_PDFS)
def test_every_corpus_page_groups_as_the_general_form(name: str, corpus_dir: Path) -> None:
    _assert_same_grouping(corpus_dir / name)


@pytest.mark.parametrize("path", EXAMPLE_PDFS, ids=lambda p: p.name)
def test_every_example_page_groups_as_the_general_form(path: Path) -> None:
    _assert_same_grouping(path)


def _w(text: str, x0: float, top: float, x1: float, bottom: float) -> Word:
    return Word(text, x0, top, x1, bottom)


def test_signed_zeros_keep_the_first_of_equals() -> None:
    """``min`` keeps the first of equal values: -0.0 before 0.0 stays -0.0."""
    words = [_w("a", -0.0, 0.0, 5.0, 10.0), _w("b", 0.0, -0.0, 5.0, 10.0)]
    for piece in (words, words[::-1]):
        got = group_lines(piece)
        want = _general_lines(piece)
        assert [_hex(ln.bbox) for ln in got] == [_hex(box) for _, box in want]


def test_a_line_of_letter_spaced_and_short_words() -> None:
    line = [
        _w(t, 10.0 * k, 0.0, 10.0 * k + 5.0, 10.0)
        for k, t in enumerate(["T", "a", "r", "g", "e", "t", "2021", "x", "y"])
    ]
    assert [[w.text for w in r] for r in _letter_runs(line)] == [[w.text for w in r] for r in _general_runs(line)]
    assert rejoined_line_text(line) == "Target 2021 x y"


def test_no_words_have_no_box() -> None:
    assert word_bbox([]) is None
    assert word_bbox(iter([_w("a", 1.0, 2.0, 3.0, 4.0)])) == (1.0, 2.0, 3.0, 4.0)


def test_cells_of_no_word_and_one() -> None:
    assert join_text([]) == ""
    assert join_text([_w(" 12,5 ", 0.0, 0.0, 5.0, 10.0)]) == " 12,5 "
