"""Row kinds the semantics layer gives small printed tables.

Tables are written with " | " between cells, as in tests/rule_cases; a
leading empty cell continues the group above, as in a text export.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.audit import load_ruleset
from auditor.meaning.semantics import TableView
from auditor.readers.text_export import read_text_export

VOCAB = load_ruleset().vocabulary


def view_of(table: str) -> TableView:
    rows = [line.split("|") for line in table.strip("\n").splitlines()]
    text = "Tabel uji\n\n" + "\n".join("\t".join(c.strip() for c in row) for row in rows) + "\n"
    doc = read_text_export(Path("case.md"), text, "0")
    assert len(doc.tables) == 1
    return TableView(doc.tables[0], VOCAB)


def kinds(view: TableView) -> list[str]:
    return [r.kind for r in view.rows]


@pytest.mark.parametrize(
    "numbers",
    [
        "1 | 2 | 3 | 4 | 5",
        "(1) | (2) | (3) | (4) | (5)",
        "1 | 2 | 3 | 4 | 5=4/3",
        "(1) | (2) | (3) | (4) | (5) = (4)/(3) x 100%",
    ],
)
def test_a_row_numbering_the_columns_is_no_data(numbers: str) -> None:
    view = view_of(
        f"""
        No | Indikator | Target | Realisasi | Capaian (%)
        {numbers}
        1 | Rasio cakupan layanan | 13 | 11 | 84,62
        2 | Rasio pelayanan | 340 | 338,5 | 99,56
        """
    )
    assert kinds(view) == ["header", "numbering", "body", "body"]
    assert view.number(1, 4) is None
    assert view.level(2) == view.level(3)  # the numbering column is read from the body


def test_figures_counting_up_are_data() -> None:
    # Under a header of years, 1 | 2 | 3 are figures; nor does a row that
    # numbers only some columns number them.
    view = view_of(
        """
        Uraian | 2019 | 2020 | 2021
        Jumlah kegiatan | 1 | 2 | 3
        Jumlah lokasi | 4 | 5 | 6
        """
    )
    assert "numbering" not in kinds(view)
    view = view_of(
        """
        No | Indikator | Satuan | Target | Realisasi | Capaian
        1 | 2 | 3 | | |
        1 | Rasio | % | 10 | 8 | 80
        """
    )
    assert "numbering" not in kinds(view)


def test_a_column_bold_in_every_row_makes_no_summary_row() -> None:
    view = view_of(
        """
        Sasaran | Indikator | Target | Realisasi | Capaian
        <b>Terwujudnya pemanfaatan ruang</b> | RTH per wilayah | 0,820 | 0,162 | 19,76
        <b>Berkembangnya wilayah</b> | Penataan pemakaman | 5 | 5 | 100
        """
    )
    assert kinds(view) == ["header", "body", "body"]


def test_a_bold_mark_makes_no_summary_row() -> None:
    view = view_of(
        """
        Indikator | Hasil 2015 | Tercapai | Target 2015
        RTH per wilayah | 0,612 | √ | 0,820
        TPST per penduduk | 61 | <b>X</b> | 18
        """
    )
    assert kinds(view) == ["header", "body", "body"]
