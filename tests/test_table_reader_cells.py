"""Reader-layer mechanisms on plain words and cell boxes: numbers split by a
stray gap, letter-spaced words, text run over a row rule, ruled rows that
stack numbered records, and a label broken by a page break."""

from __future__ import annotations

from auditor.model import Cell
from auditor.readers.pdftables.continuation import append_continuation, continued_label, join_evidence
from auditor.readers.pdftables.grid import PageTable
from auditor.readers.pdftables.ruled import ruled_grid
from auditor.readers.pdftables.words import Word, join_text

H = 10.0  # font height


def words_at(top: float, *pieces: tuple[float, str]) -> list[Word]:
    """Words on one line: (x0, text), 5 pt a character."""
    return [Word(t, x, top, x + 5 * len(t), top + H) for x, t in pieces]


def grid_texts(t: PageTable) -> list[list[str]]:
    return [[c.text for c in row] for row in t.rows]


# -- numbers split by a stray gap, letter-spaced words -----------------------


def test_number_split_by_a_stray_gap_is_rejoined() -> None:
    # the PDF stores the first digit apart, touching (or overlapping) the rest
    assert join_text([Word("1", 100, 0, 105, H), Word("99,800,000", 104.5, 0, 154.5, H)]) == "199,800,000"
    assert join_text([Word("1", 100, 0, 105, H), Word("0,924,024,550", 105.5, 0, 170, H)]) == "10,924,024,550"
    assert join_text([Word("3", 100, 0, 105, H), Word("28.380.000,00", 105, 0, 170, H)]) == "328.380.000,00"


def test_pieces_that_are_no_one_number_stay_apart() -> None:
    # a real space between them, a leading group of four digits, no grouping
    assert join_text([Word("2", 100, 0, 105, H), Word("100,000", 108, 0, 143, H)]) == "2 100,000"
    assert join_text([Word("12", 100, 0, 110, H), Word("345,000", 110, 0, 145, H)]) == "12 345,000"
    assert join_text([Word("1", 100, 0, 105, H), Word("2015", 105, 0, 125, H)]) == "1 2015"


def test_letter_spaced_words_are_read_whole() -> None:
    spaced = [Word(ch, 100 + 9 * k, 0, 105 + 9 * k, H) for k, ch in enumerate("Target")]
    assert join_text([*spaced, Word("th", 170, 0, 180, H), Word("2015", 185, 0, 205, H)]) == "Target th 2015"
    # three single letters are no letter-spaced word (a list "A B C")
    abc = [Word(ch, 100 + 9 * k, 0, 105 + 9 * k, H) for k, ch in enumerate("ABC")]
    assert join_text(abc) == "A B C"


# -- ruled rows ---------------------------------------------------------------


def test_a_label_line_run_over_the_rule_stays_in_its_cell() -> None:
    # row 2's rule at y=40 crosses the last line of row 1's label (top 37)
    boxes = [(0, 0, 50, 20), (50, 0, 200, 20), (0, 20, 50, 40), (50, 20, 200, 40), (0, 40, 50, 60), (50, 40, 200, 60)]
    words = [
        *words_at(5, (5, "No"), (55, "Program")),
        *words_at(23, (5, "1"), (55, "Program"), (100, "Pengelolaan")),
        *words_at(37, (55, "Persampahan")),
        *words_at(43, (5, "2"), (55, "Program"), (100, "Pemakaman")),
    ]
    t = ruled_grid(boxes, (0, 0, 200, 60), words, 1)
    assert t is not None
    assert grid_texts(t) == [["No", "Program"], ["1", "Program Pengelolaan Persampahan"], ["2", "Program Pemakaman"]]


def _stacked(numbers: list[str]) -> PageTable | None:
    """One ruled row stacking three records; the label column double-spaced."""
    boxes = [(0, 0, 30, 20), (30, 0, 150, 20), (150, 0, 220, 20)]
    boxes += [(0, 20, 30, 140), (30, 20, 150, 140), (150, 20, 220, 140)]
    words = words_at(5, (5, "No"), (35, "Indikator"), (155, "Capaian"))
    for k, (number, value) in enumerate(zip(numbers, ["100,24", "211,07", "67,17"], strict=True)):
        words += words_at(25 + 40 * k, (5, number), (155, value))
    for k, label in enumerate(["Retribusi", "Persampahan", "Kebersihan", "Retribusi", "Pemakaman"]):
        words += words_at(25 + 20 * k, (35, label))
    return ruled_grid(boxes, (0, 0, 220, 140), words, 1)


def test_a_ruled_row_stacking_numbered_records_is_cut_per_record() -> None:
    t = _stacked(["1", "2", "3"])
    assert t is not None
    assert grid_texts(t) == [
        ["No", "Indikator", "Capaian"],
        ["1", "Retribusi Persampahan", "100,24"],
        ["2", "Kebersihan Retribusi", "211,07"],
        ["3", "Pemakaman", "67,17"],
    ]


def test_numbers_that_do_not_run_on_leave_the_row_whole() -> None:
    t = _stacked(["1", "5", "3"])
    assert t is not None
    assert len(t.rows) == 2


# -- a label broken by a page break -------------------------------------------


def _part(page: int, rows: list[list[str]], word_rows: list[list[Word]], span_row: int | None = None) -> PageTable:
    cells = []
    for r, row in enumerate(rows):
        top = 20.0 * r
        out = []
        for c, text in enumerate(row):
            box = (0.0, top, 300.0, top + 18) if r == span_row else (100.0 * c, top, 100.0 * c + 100, top + 18)
            origin = (r, 0) if r == span_row and c > 0 else None
            out.append(Cell(r, c, row[0] if r == span_row else text, bbox=box, page=page, span_origin=origin))
        cells.append(out)
    words = [w for ws in word_rows for w in ws]
    gaps = [(98.0, 102.0), (198.0, 202.0)]
    return PageTable(
        rows=cells, bbox=(0, 0, 300, 20.0 * len(rows)), page=page, source="ruled", col_gaps=gaps, words=words
    )


def test_a_label_tail_at_the_top_of_the_next_page_ends_the_label() -> None:
    first = _part(1, [["No", "Program", "Anggaran"], ["3", "Program Peningkatan Disiplin", "128.800.000"]], [])
    tail_words = [words_at(4, (105, "Aparatur"))]
    nxt = _part(2, [["Aparatur", "", ""], ["4", "Program Perencanaan", "61.678.100"]], tail_words, span_row=0)
    assert continued_label(first.rows[-1], nxt, 0) == 1
    rows = [list(r) for r in first.rows]
    evidence = join_evidence(rows, nxt, 0) + append_continuation(rows, nxt, 0)
    assert [[c.text for c in r] for r in rows] == [
        ["No", "Program", "Anggaran"],
        ["3", "Program Peningkatan Disiplin Aparatur", "128.800.000"],
        ["4", "Program Perencanaan", "61.678.100"],
    ]
    assert evidence == ["same leaf geometry", "numbering continues 3 -> 4", "label continued: 'Aparatur'"]


def test_a_numbered_or_bold_heading_opening_the_page_is_no_tail() -> None:
    first = _part(1, [["No", "Program", "Anggaran"], ["3", "Program Peningkatan Disiplin", "128.800.000"]], [])
    numbered = _part(2, [["II. Misi Kedua", "", ""], ["4", "Program", "1"]], [words_at(4, (105, "II."))], span_row=0)
    assert continued_label(first.rows[-1], numbered, 0) is None
    bold = _part(2, [["Urusan Pilihan", "", ""], ["4", "Program", "1"]], [words_at(4, (105, "Urusan"))], span_row=0)
    bold.rows[0][0].bold = True
    assert continued_label(first.rows[-1], bold, 0) is None
    sasaran = "Sasaran Strategis 1 : Meningkatnya pengelolaan lingkungan"
    heading = _part(2, [[sasaran, "", ""], ["4", "Program", "1"]], [words_at(4, (105, "Sasaran"))], span_row=0)
    assert continued_label(first.rows[-1], heading, 0) is None
    figures = _part(2, [["", "Aparatur", "5.000"], ["4", "Program", "1"]], [words_at(4, (105, "Aparatur"))])
    assert continued_label(first.rows[-1], figures, 0) is None
