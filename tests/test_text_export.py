"""The text-export reader on the real Kementerian Sosial export."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.audit import load_ruleset
from auditor.meaning.semantics import TableView
from auditor.readers import read_document
from auditor.readers.text_export import clean_cell


@pytest.fixture(scope="module")
def kemensos(corpus_dir: Path):
    return read_document(corpus_dir / "kemensos-lakip-2018.md")


def _table_at(doc, line: int):
    return next(t for t in doc.tables if t.line == line)


def test_cells_lose_markup_but_keep_boldness() -> None:
    assert clean_cell("<b>TOTAL</b>") == ("TOTAL", True)
    assert clean_cell("<ul><li>• a</li><li>• b</li></ul>") == ("• a • b", False)
    assert clean_cell("Terwujudnya <i>good governance</i>") == ("Terwujudnya good governance", False)


def test_tables_have_line_numbers_and_no_pages(kemensos) -> None:
    t = _table_at(kemensos, 977)
    assert t.page is None
    assert [c.text for c in t.rows[1]][:2] == ["1.", "Sekretariat Jenderal"]
    assert t.rows[8][2].text == "Rp. 43.393.136.929.000" and t.rows[8][2].bold
    assert t.rows[8][2].line == 985


def test_leading_empty_cell_continues_the_group_above(kemensos) -> None:
    t = _table_at(kemensos, 330)
    covered = t.rows[2][0]
    assert covered.span_origin == (1, 0)
    assert covered.text.startswith("Berkontribusi menurunkan")


def test_table_split_over_pages_is_joined(kemensos) -> None:
    t = _table_at(kemensos, 1391)
    assert len(t.rows) == 41  # one header, 39 kegiatan, TOTAL
    assert t.rows[23][0].text == "23" and t.rows[23][0].line == 1423
    assert t.rows[40][1].text == "TOTAL"


def test_multi_level_headers_and_roles(kemensos) -> None:
    rules = load_ruleset()
    view = TableView(_table_at(kemensos, 756), rules.vocabulary)
    assert view.header_rows == 2
    heads = [(c.header, c.role, c.year) for c in view.columns]
    assert heads[0] == ("REALISASI 2015", "realisasi", 2015)
    assert heads[3] == ("2018 TARGET", "target", 2018)
    assert heads[5] == ("2018 CAPAIAN", "capaian", 2018)
    assert heads[6] == ("2019 TARGET", "target", 2019)
    view = TableView(_table_at(kemensos, 365), rules.vocabulary)
    assert [c.role for c in view.columns] == ["target", "realisasi", "pct", "target", "ratio_other"]


def test_row_kinds(kemensos) -> None:
    rules = load_ruleset()
    view = TableView(_table_at(kemensos, 550), rules.vocabulary)
    kinds = [(r.kind, r.closes) for r in view.rows]
    assert kinds[4] == ("total", [1, 2, 3])
    assert kinds[5] == ("summary", [1, 2, 3])
    view = TableView(_table_at(kemensos, 345), rules.vocabulary)
    assert view.rows[3].kind == "average" and view.rows[3].closes == [1, 2]


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("JUMLAH", "total"),
        ("Total Anggaran", "total"),
        ("Sub Total", "total"),
        ("Jumlah anak terlantar yang mendapat pelayanan", None),
        ("Jumlah penduduk miskin", None),
        ("Rata-rata Capaian", "average"),
        ("RATA-RATA", "average"),
        ("Rata-rata lama sekolah", None),
    ],
)
def test_row_roles_are_not_fooled_by_indicator_names(label: str, role: str | None) -> None:
    assert load_ruleset().vocabulary.row_role(label) == role
