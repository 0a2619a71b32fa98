"""Borderless tables held together by a frame drawn cell by cell, and the
page-number box beside a table's last line (built words and rules)."""

from __future__ import annotations

from auditor.model import Cell
from auditor.readers.pdftables.blocks import chain_rules, vertical_rules
from auditor.readers.pdftables.borderless import find_text_tables
from auditor.readers.pdftables.spans import infer_group_spans
from auditor.readers.pdftables.words import Line, Word, group_lines

H = 7.0


def _line(top: float, *pieces: tuple[float, str]) -> list[Word]:
    """Words of one printed line: each piece's words 2 pt apart from ``x``."""
    out: list[Word] = []
    for x, text in pieces:
        for t in text.split():
            out.append(Word(t, x, top, x + 5 * len(t), top + H))
            x += 5 * len(t) + 2
    return out


def _lines(*rows: list[Word]) -> list[Line]:
    return group_lines(w for row in rows for w in row)


def test_segments_meeting_end_to_end_are_one_rule() -> None:
    assert chain_rules([(100.0, 300.0, 400.0), (100.4, 100.0, 200.0), (100.0, 200.0, 300.5)]) == [(100.4, 100.0, 400.0)]


def test_segments_apart_or_off_line_stay_apart() -> None:
    rules = [(100.0, 100.0, 200.0), (100.0, 210.0, 300.0), (110.0, 200.0, 300.0)]
    assert sorted(chain_rules(rules)) == sorted(rules)


def test_vertical_rules_chains_cell_borders() -> None:
    cells = [
        {"x0": 99.5, "x1": 100.5, "top": t, "bottom": t + 50.0, "fill": True, "non_stroking_color": 0}
        for t in (0.0, 50.0, 100.0)
    ]
    assert vertical_rules(cells) == [(100.0, 0.0, 150.0)]


def _framed_table() -> list[Line]:
    """Three columns, a blank three rows tall before the last two rows."""
    return _lines(
        _line(100, (60, "Tujuan"), (160, "Uraian"), (260, "Target")),
        _line(120, (60, "Tujuan satu"), (160, "Penataan taman"), (260, "12")),
        _line(135, (60, "yang hijau"), (160, "Data dasar"), (260, "4")),
        _line(180, (60, "Tujuan dua"), (160, "Pemeliharaan lampu"), (260, "30")),
        _line(195, (60, "yang terang"), (160, "Penataan makam"), (260, "2")),
    )


def test_a_frame_drawn_cell_by_cell_carries_the_table_over_a_tall_blank() -> None:
    # the frame's left side runs in the gutter between columns 1 and 2,
    # drawn as one segment per row band
    frame = [(150.0, 95.0, 142.0), (150.0, 142.0, 205.0)]
    (table,) = find_text_tables(_framed_table(), [], 1, chain_rules(frame))
    assert [r[0].text for r in table.rows] == ["Tujuan", "Tujuan satu", "yang hijau", "Tujuan dua", "yang terang"]
    assert table.ncols == 3


def test_segments_read_one_by_one_do_not_carry_the_table() -> None:
    tables = find_text_tables(_framed_table(), [], 1, [(150.0, 95.0, 142.0), (150.0, 142.0, 205.0)])
    assert [len(t.rows) for t in tables] != [5]


def test_a_page_number_box_beside_the_last_line_is_no_column() -> None:
    rows = [
        _line(100, (60, "Sasaran"), (160, "Indikator"), (260, "Target")),
        _line(115, (60, "Sasaran satu"), (160, "Indikator satu"), (260, "12")),
        _line(130, (60, "Sasaran dua"), (160, "Indikator dua"), (260, "14")),
        _line(145, (60, "Sasaran tiga"), (160, "Indikator tiga"), (260, "16")),
    ]
    box = [Word("15", 420, 150.5, 430, 164.5)]  # larger type, its own line, level with the last
    (table,) = find_text_tables(_lines(*rows, box), [], 1)
    assert table.ncols == 3
    assert all("15" not in c.text for r in table.rows for c in r)


def _cells(r: int, texts: list[str]) -> list[Cell]:
    return [
        Cell(row=r, col=c, text=t, bbox=(100.0 * c, 10.0 * r, 100.0 * c + 90, 10.0 * r + 8))
        for c, t in enumerate(texts)
    ]


def test_a_row_of_column_numbers_spans_nothing_down() -> None:
    rows = [
        _cells(0, ["Tujuan", "Uraian", "Program"]),
        _cells(1, ["1", "2", "3"]),
        _cells(2, ["", "Penataan RTH", "Pemeliharaan RTH"]),
        _cells(3, ["", "Data base", ""]),
    ]
    infer_group_spans(rows, 1)
    assert rows[2][0].text == "" and rows[2][0].span_origin is None
    assert rows[3][0].text == ""


def test_a_column_number_row_with_a_formula_spans_nothing_down() -> None:
    """Column numbers as some publishers print them, with the capaian's
    formula in its number cell: still a row of column numbers."""
    rows = [
        _cells(0, ["Sasaran", "Target", "Realisasi", "Capaian"]),
        _cells(1, ["(1)", "(2)", "(3)", "(4)=(3)/(2)x100%"]),
        _cells(2, ["", "10", "9", "90"]),
    ]
    infer_group_spans(rows, 1)
    assert rows[2][0].text == "" and rows[2][0].span_origin is None


def test_a_group_label_in_the_body_still_spans_down() -> None:
    rows = [
        _cells(0, ["Sasaran", "Indikator", "Target"]),
        _cells(1, ["Sasaran satu", "Luas RTH", "12"]),
        _cells(2, ["", "Taman", "4"]),
    ]
    infer_group_spans(rows, 1)
    assert rows[2][0].span_origin == (1, 0)
