"""The whole-document rules (DOC) beyond their rule cases: what counts as a
slip of the pen, and sentences the layout cut in two."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.audit import audit_document, load_ruleset
from auditor.checks.slips import slip_of
from auditor.meaning.numbers import parse_number
from auditor.readers.text_export import read_text_export

RULES = load_ruleset()


@pytest.mark.parametrize(
    ("printed", "true", "kind"),
    [
        ("1,157", "3,157", "leading"),  # first digit changed
        ("0,157", "3,157", "leading"),  # first digit dropped to 0
        ("0.612", "0.162", "swap"),  # adjacent digits exchanged
        ("3,517", "3,157", "swap"),
        ("3,158", "3,157", None),  # a last digit is another value, not a slip
        ("3,175", "3,157", "swap"),
        ("3,157", "3,157", None),
        ("1,157%", "3,157", None),  # a percentage is not a score
        ("31,57", "3,157", None),  # other decimals: not compared
        ("157", "3157", "leading"),  # leading digit dropped
        ("3,715", "3,157", None),  # a rotation is two changes
    ],
)
def test_slip_of(printed: str, true: str, kind: str | None) -> None:
    a, b = parse_number(printed), parse_number(true)
    assert a is not None and b is not None
    assert slip_of(a, b) == kind


TABLE = (
    "Tabel 3.2 Capaian Kinerja\n\n"
    "Indikator Kinerja\tTarget\tRealisasi\tCapaian\n"
    "Maturitas SPIP\t3,35\t3,157\t94,24%\n"
    "Nilai Evaluasi AKIP PD\t83\t81,59\t98,30%\n\n"
)


def test_a_sentence_whose_end_is_printed_bold_is_read_whole(tmp_path: Path) -> None:
    # "... dengan" then a bold line "nilai 3,157 (A).": the splitter takes the
    # bold line for a heading; the figure is still the sentence's
    text = TABLE + "Hasil Nilai Evaluasi AKIP PD diperoleh berdasarkan laporan dengan\n# nilai 3,157 (A).\n"
    doc = read_text_export(tmp_path / "r.md", text, "0")
    found = audit_document(doc, RULES, RULES.selected(["DOC004"], None))
    assert [(f.printed, f.locations[0].line) for f in found] == [("3,157", 8)]
    assert "Maturitas SPIP" in found[0].message and "81,59" in found[0].message
