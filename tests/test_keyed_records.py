"""Text tables whose rows are the entries of one column (built words): cells
set beside an entry, one line lower or centred on it, join its record."""

from __future__ import annotations

from auditor.model import counts_columns
from auditor.readers.pdftables.borderless import find_text_tables
from auditor.readers.pdftables.grid import PageTable
from tests.test_frame_rules import _line, _lines

HEADER_BAND = (55.0, 99.0, 460.0, 108.0)
"""A shaded header band: the evidence that lets a table of text be a table."""

HEADER = _line(100, (60, "Tujuan"), (160, "Uraian"), (260, "Indikator"), (360, "Kebijakan"))
NUMBERS = _line(110, (60, "1"), (160, "2"), (260, "3"), (360, "4"))


def _body(indikator: str = "Kawasan TPA") -> list[list]:
    """Three Uraian entries. The Tujuan cell starts one line below the first
    entry; the second entry stands alone; the third runs three lines with its
    Indikator one line lower and its Kebijakan top-aligned."""
    return [
        _line(124, (160, "Penataan taman"), (260, "Taman terawat"), (360, "Pengendalian")),
        _line(132, (60, "1. Ruang hijau"), (360, "kawasan kota")),
        _line(140, (60, "yang lestari"), (360, "yang padat")),
        _line(160, (160, "- Data dasar")),
        _line(176, (160, "- Operasi TPA"), (360, "Sarana utama")),
        _line(184, (160, "dan sarana (ha)"), (260, indikator), (360, "yang memadai")),
        _line(192, (160, "yang ada")),
    ]


def _table(*lines: list) -> PageTable:
    (table,) = find_text_tables(_lines(*lines), [HEADER_BAND], 1)
    return table


def _texts(table: PageTable) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def test_cells_beside_an_entry_join_its_record() -> None:
    table = _table(HEADER, NUMBERS, *_body())
    assert [row[1:] for row in _texts(table)[2:]] == [
        ["Penataan taman", "Taman terawat", "Pengendalian kawasan kota yang padat"],
        ["- Data dasar", "", ""],
        ["- Operasi TPA dan sarana (ha) yang ada", "Kawasan TPA", "Sarana utama yang memadai"],
    ]
    tujuan = [row[0] for row in table.rows[2:]]
    assert tujuan[0].text == "1. Ruang hijau yang lestari" and tujuan[0].span_origin is None
    assert [c.span_origin for c in tujuan[1:]] == [(2, 0), (2, 0)]


def test_without_a_column_number_row_the_rows_stay_as_cut() -> None:
    """Nothing tells the header from the body: the Tujuan cell keeps the row
    it opened, and the lower Indikator its own."""
    rows = _texts(_table(HEADER, *_body()))
    assert rows[1:3] == [
        ["", "Penataan taman", "Taman terawat", "Pengendalian kawasan kota yang padat"],
        ["1. Ruang hijau yang lestari", "", "", ""],
    ]
    assert rows[-1][2:] == ["Kawasan TPA", ""]


def test_a_figure_in_the_body_keeps_the_rows_as_cut() -> None:
    """Rows with figures are cut by their figures; a lone figure one line
    below is no cell of the entry above to be moved."""
    rows = _texts(_table(HEADER, NUMBERS, *_body(indikator="12")))
    assert rows[3] == ["1. Ruang hijau yang lestari", "", "", ""]
    assert rows[-1][2:] == ["12", ""]


def test_counts_columns_reads_the_column_number_row() -> None:
    assert counts_columns(["1", "2", "3", "4"], 4)
    assert counts_columns(["(1)", "(2)", "(3)=(2)/(1)"], 4)
    assert not counts_columns(["1", "2", "4"], 3)
    assert not counts_columns(["1", "2", "3"], 5)
    assert not counts_columns(["12", "5", "3"], 3)
