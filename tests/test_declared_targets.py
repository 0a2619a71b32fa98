"""An integer target is a declared value, exact as printed; a realisasi is
a measurement and stands for its rounding interval."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from auditor.audit import audit_document, load_ruleset
from auditor.meaning.intervals import Interval
from auditor.meaning.numbers import parse_number, role_interval
from auditor.readers.text_export import read_text_export

RULES = load_ruleset()


def _cap(row: str, tmp_path: Path) -> list[tuple[str | None, str | None]]:
    rows = ["No | Indikator | Target | Realisasi | Capaian (%)", row]
    text = "Tabel uji\n\n" + "\n".join("\t".join(c.strip() for c in r.split("|")) for r in rows) + "\n"
    doc = read_text_export(tmp_path / "t.md", text, "0")
    return [(f.printed, f.expected) for f in audit_document(doc, RULES, RULES.selected(["CAP"], None), "en")]


def test_role_interval() -> None:
    n = parse_number("75")
    assert n is not None
    assert role_interval(n, "target") == Interval.point(Fraction(75))
    assert role_interval(n, "target_end") == Interval.point(Fraction(75))
    assert role_interval(n, "realisasi") == Interval(Fraction(745, 10), Fraction(755, 10))
    decimal = parse_number("75,5")
    assert decimal is not None
    assert role_interval(decimal, "target") == decimal.interval()


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # 80 / 75 = 106,67: 105 would fit only with a target of 75,5
        ("1 | Persentase masyarakat terlayani | 75 | 80 | 105", [("105", "106,67")]),
        # 3,76 / 1 x 100 = 376: a target of 1% is 1, not 0,5 to 1,5
        ("1 | Persentase layanan | 1% | 3,76% | 378%", [("378%", "376,00")]),
        ("1 | Persentase layanan | 1% | 3,76% | 376%", []),
        # the realisasi 4 is measured: 3,5 to 4,5 of 5 gives 70 to 90
        ("1 | Indeks layanan | 5,00 | 4 | 90,00", []),
        ("1 | Persentase layanan | 75 | 80 | 106,67", []),
    ],
)
def test_integer_targets_are_exact(tmp_path: Path, row: str, expected: list[tuple[str, str]]) -> None:
    assert _cap(row, tmp_path) == expected
