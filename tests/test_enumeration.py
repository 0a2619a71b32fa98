"""A cell that lists several items counts as that many (numbered, lettered, bulleted)."""

from __future__ import annotations

import pytest

from auditor.meaning.enumeration import items_in_cell


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("1. Persentase PMKS terlayani 2. Persentase korban bencana 3. Indeks Kepuasan", 3),
        ("(1) Persentase PMKS terlayani (2) Nilai SAKIP", 2),
        ("a. Persentase PMKS terlayani b. Jumlah anak terlantar", 2),
        ("• Indeks Kepuasan Masyarakat • Nilai SAKIP", 2),
        ("- Indeks Kepuasan Masyarakat\n- Nilai SAKIP\n- Opini BPK", 3),
        ("Persentase PMKS yang memperoleh pelayanan rehabilitasi sosial dasar", 1),
        ("1. Program Penunjang Urusan Pemerintahan", 1),  # its own number, not a list
        ("2. Nilai SAKIP 3. Opini BPK", 1),  # a numbering that does not start at 1
        ("Indeks 2. Nilai", 1),
        ("Persentase penurunan - kenaikan jumlah penduduk rentan", 1),  # a dash inside a name
    ],
)
def test_items_in_cell(text: str, items: int) -> None:
    assert items_in_cell(text) == items
