"""Model and page-reading objects are slotted: a 400-page report holds
hundreds of thousands of words and cells, and a per-instance dict costs
more than the fields it holds (issue 12)."""

import pickle

import pytest

from auditor.model import Cell, TextLine
from auditor.readers.pdftables.grid import PageTable
from auditor.readers.pdftables.words import Line, Word


def _samples() -> list[object]:
    word = Word("Jumlah", 10.0, 20.0, 40.0, 30.0, nchars=6, nbold=6)
    cell = Cell(row=1, col=2, text="100", bbox=(1.0, 2.0, 3.0, 4.0), page=3, span_origin=(0, 2))
    return [
        word,
        Line([word]),
        cell,
        TextLine("Tabel 3.7", page=48, bbox=(1.0, 2.0, 3.0, 4.0), bold=True),
        PageTable(rows=[[cell]], bbox=(0.0, 0.0, 9.0, 9.0), page=3, source="ruled", col_gaps=[], words=[word]),
    ]


@pytest.mark.parametrize("obj", _samples(), ids=lambda o: type(o).__name__)
def test_no_instance_dict(obj: object) -> None:
    assert not hasattr(obj, "__dict__")


@pytest.mark.parametrize("obj", _samples(), ids=lambda o: type(o).__name__)
def test_survives_the_pipe_from_a_page_worker(obj: object) -> None:
    """Page results come back from worker processes pickled."""
    assert pickle.loads(pickle.dumps(obj)) == obj


def test_word_centre_still_computed() -> None:
    w = Word("x", 10.0, 20.0, 30.0, 40.0)
    assert (w.cx, w.cy) == (20.0, 30.0)
