"""The two checks of a label that does not fit its figures or its row:
a figure pair quoted under another subject (DOC013) and a remark naming
another indicator of its table (STR005), on what the rule cases cannot
express (a remark cell spanned over rows) and on their parts."""

from __future__ import annotations

import re

from auditor.audit import load_ruleset
from auditor.checks.pair_subjects import _initials, _named, _names_in, _subject_before
from auditor.checks.remarks import misnamed_remarks
from auditor.meaning.names import tokens
from auditor.meaning.semantics import TableView
from auditor.model import Cell, Table

RULES = load_ruleset()
STR005 = next(r for r in RULES.rules if r.code == "STR005")
ROWS = [
    ["NO", "INDIKATOR KINERJA", "REALISASI", "KET."],
    ["1", "Maturitas SPIP", "3,157", "Dibandingkan dengan Nilai Maturitas SPIP Provinsi"],
    ["2", "Kapabilitas APIP", "3,00", "Dibandingkan dengan Nilai Maturitas SPIP Provinsi"],
    ["3", "Nilai Evaluasi AKIP PD", "81,59", "Dibandingkan dengan Nilai SAKIP Kabupaten"],
]


def _view(spanned: bool) -> TableView:
    rows = [[Cell(r, c, t) for c, t in enumerate(row)] for r, row in enumerate(ROWS)]
    if spanned:  # one remark cell printed across the rows of Maturitas SPIP and Kapabilitas APIP
        rows[2][3] = Cell(2, 3, ROWS[1][3], span_origin=(1, 3))
    return TableView(Table(1, rows, title="Tabel 3.6 Perbandingan"), RULES.vocabulary)


def test_a_remark_of_its_own_naming_the_row_above_is_found() -> None:
    found = [(r, c, other) for r, c, _text, other in misnamed_remarks(STR005, _view(spanned=False))]
    assert found == [(2, 3, 1)]


def test_a_remark_cell_spanned_over_two_rows_belongs_to_both_and_passes() -> None:
    assert list(misnamed_remarks(STR005, _view(spanned=True))) == []


def test_the_subject_of_a_figure_is_the_longest_known_name_right_before_it() -> None:
    names = {("sumber", "daya", "manusia"), ("daya", "manusia"), ("sarana", "prasarana")}
    lead = re.compile("sebanyak|sejumlah|sebesar")
    text = "efisiensi sarana prasarana sebesar 18,99% dikurangi ketersediaan Sumber Daya Manusia sebanyak "
    assert _subject_before(text, frozenset(names), lead) == ("sumber", "daya", "manusia")
    # a name further back than the lead words is not the figure's subject
    assert _subject_before("Sumber Daya Manusia yang tersedia sebanyak ", frozenset(names), lead) is None


def test_the_subjects_a_sentence_names_are_found_by_words_and_by_initials() -> None:
    """The one-pass lookup of the names a sentence holds (used to find the
    report's own, too common subjects) finds exactly the subjects the
    per-subject test finds: all words in order, or the initials as a word."""
    subjects = {("sumber", "daya", "manusia"), ("daya", "manusia"), ("sarana", "prasarana"), ("unit", "kerja")}
    by_initials: dict[str, list[tuple[str, ...]]] = {}
    for name in subjects:
        by_initials.setdefault(_initials(name), []).append(name)
    sentences = [
        "Ketersediaan Sumber Daya Manusia sebanyak 74 orang",
        "SDM dan sarana prasarana",
        "sarana dan prasarana",
        "kerja unit",
        "Unit Kerja: 12 UK",
    ]
    for text in sentences:
        words = tokens(text)
        expected = {name for name in subjects if _names_in(words, name)}
        assert _named(words, subjects, by_initials, 3) == expected, text
    assert _named(tokens("SDM dan sarana prasarana"), subjects, by_initials, 3) == {
        ("sumber", "daya", "manusia"),
        ("sarana", "prasarana"),
    }
    assert _named(tokens("prasarana dan sarana"), subjects, by_initials, 3) == set()
