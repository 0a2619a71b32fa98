"""``audit tables`` shows what the reading decided and why: the header tree
over each leaf column, leaf roles with their group and number convention,
joins over pages with their evidence, row kinds and parents."""

from __future__ import annotations

from pathlib import Path

from auditor.audit import load_ruleset
from auditor.meaning.table_dump import image_marks, table_dump
from auditor.model import Cell, Join, Table
from tests.corpus_cache import read_cached


def _table() -> Table:
    """No | Indikator | Tahun 2021 (Target | Realisasi), continued on page 2."""
    texts = [
        ["No", "Indikator", "Tahun 2021", "Tahun 2021"],
        ["No", "Indikator", "Target", "Realisasi"],
        ["1", "Indeks kepuasan", "80,00", "82,50"],
        ["2", "Persentase temuan", "75,00", "70,25"],
        ["3", "Nilai SAKIP", "1.250,00", "1.300,00"],
        ["Jumlah", "Jumlah", "1.405,00", "1.452,75"],
    ]
    origins = {(0, 3): (0, 2), (1, 0): (0, 0), (1, 1): (0, 1), (5, 1): (5, 0)}
    rows = []
    for r, row in enumerate(texts):
        page = 1 if r < 4 else 2
        rows.append(
            [
                Cell(r, c, t, bbox=(100.0 * c, 20.0 * r, 100.0 * c + 90, 20.0 * r + 18), page=page,
                     span_origin=origins.get((r, c)))
                for c, t in enumerate(row)
            ]
        )  # fmt: skip
    join = Join(
        page=2,
        row=4,
        header_rows=2,
        evidence=("same leaf geometry", "repeated header (2 rows)", "numbering continues 2 -> 3"),
    )
    return Table(index=1, rows=rows, page=1, source="ruled", pages=[1, 2], joins=[join])


def test_dump_shows_header_tree_roles_conventions_and_joins() -> None:
    out = table_dump(_table(), load_ruleset().vocabulary)
    assert "T1 (pages 1-2, ruled)" in out
    assert "header rows: 2" in out
    assert "c3  Tahun 2021 > Target  role=target  group=Tahun 2021  year=2021  numbers=1.234,56 (id)" in out
    assert "c4  Tahun 2021 > Realisasi  role=realisasi  group=Tahun 2021" in out
    assert "c2  Indikator  role=label" in out
    assert (
        "page 2 joined at row 5, 2 header row(s) dropped: same leaf geometry; repeated header (2 rows); "
        "numbering continues 2 -> 3"
    ) in out
    grid = [[c.strip() for c in ln.split("│")[1:4]] for ln in out.splitlines() if ln.startswith("│ r")]
    assert grid == [
        ["r1", "header", ""],
        ["r2", "header", ""],
        ["r3", "body", "r6"],
        ["r4", "body", "r6"],
        ["r5", "body", "r6"],
        ["r6", "total", ""],
    ]


def test_dump_names_the_english_convention() -> None:
    table = _table()
    for row in table.rows[2:]:
        for c in (2, 3):
            cell = row[c]
            row[c] = Cell(
                cell.row, c, cell.text.replace(".", "_").replace(",", ".").replace("_", ","), cell.bbox, page=cell.page
            )
    out = table_dump(table, load_ruleset().vocabulary)
    assert "c3  Tahun 2021 > Target  role=target  group=Tahun 2021  year=2021  numbers=1,234.56 (en)" in out


def test_image_marks_label_leaves_and_joined_parts() -> None:
    marks = image_marks(_table(), load_ruleset().vocabulary)
    labels = {(page, label) for page, _, label in marks}
    assert (1, "target (Tahun 2021)") in labels
    assert (2, "realisasi (Tahun 2021)") in labels
    assert any(page == 2 and label.startswith("joined to p1: same leaf geometry") for page, _, label in marks)


def test_dump_of_a_corpus_table_with_a_three_level_header(corpus_dir: Path) -> None:
    """Sumut p51 (Tabel 3.10): Tahun 2021 over Target / Realisasi Kinerja over Volume | Satuan."""
    doc = read_cached(corpus_dir / "sumut-lkjip-2021.pdf")
    table = next(t for t in doc.tables if t.page == 51 and "3.10" in (t.title or ""))
    out = table_dump(table, load_ruleset().vocabulary)
    assert "header rows: 3" in out
    assert "Tahun 2021 > Target > Volume" in out
    assert "Tahun 2021 > Realisasi Kinerja > Satuan" in out
