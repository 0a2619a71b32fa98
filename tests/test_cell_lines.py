"""Cell texts grouped once per word list, against a fresh grouping.

A ruled table's text and the cells of overlapping borderless blocks take
the lines :class:`CellLines` grouped before for the same word list. Every
answer it gives while reading real pages must be what :func:`group_lines`
and :func:`join_text` give afresh on the same words, and the reuse must
actually happen (else the test proves nothing).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest

from auditor.readers.pdf import _read_page
from auditor.readers.pdfium_page import PdfiumPage
from auditor.readers.pdftables.words import CellLines, Line, Word, group_lines, join_text

CORPUS_PDFS = ["cianjur-dkp-lakip-2015.pdf", "jombang-inspektorat-lkjip-2022.pdf", "sumut-lkjip-2021.pdf"]


def _shape(lines: list[Line]) -> list[list[int]]:
    """The lines as the identities of their words, in order."""
    return [[id(w) for w in ln.words] for ln in lines]


class _Checked(CellLines):
    """A :class:`CellLines` that checks each answer and counts the reused ones."""

    reused = 0

    def lines(self, words: list[Word]) -> list[Line]:
        _Checked.reused += tuple(map(id, words)) in self._seen
        got = super().lines(words)
        assert _shape(got) == _shape(group_lines(list(words)))
        return got

    def text(self, words: list[Word]) -> str:
        _Checked.reused += len(words) >= 2 and tuple(map(id, words)) in self._seen
        got = super().text(words)
        assert got == join_text(words)
        return got


@pytest.mark.parametrize("name", CORPUS_PDFS)
def test_reused_cell_lines_equal_a_fresh_grouping(name: str, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.readers.pdftables import borderless, ruled

    monkeypatch.setattr(ruled, "CellLines", _Checked)
    monkeypatch.setattr(borderless, "CellLines", _Checked)
    _Checked.reused = 0
    doc = pypdfium2.PdfDocument((corpus_dir / name).read_bytes())
    try:
        for i in range(len(doc)):
            page = doc[i]
            _read_page(PdfiumPage.read(page), i + 1)
            page.close()
    finally:
        doc.close()
    assert _Checked.reused > 100
