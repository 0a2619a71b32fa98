"""Sub-totals of a table whose header names no role (read as a fragment):
checked where the fragment's other sub-totals add up, never its first
closing row nor a total of sub-totals, and never on too little evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.audit import audit_document, load_ruleset
from auditor.checks.aggregates import closing_candidates
from auditor.checks.fragment_blocks import vouched_cells
from auditor.meaning.semantics import TableView
from auditor.model import Document
from auditor.readers import read_document
from tests.test_table_semantics import SPAN, grid

RULES = load_ruleset()
CLOSING = ["SUM001", "SUM002", "SUM003", "AVG001"]


def _blocks(sizes: list[list[int]], printed: list[int]) -> list[list[str]]:
    """A header naming no role, then one block of rows per list, each closed
    by a ``Sub Total`` row printing the figure given, then a ``Total``."""
    spec = [["No.", "Kecamatan", "Kabupaten", "Penerima (KK)"]]
    for k, (block, sub) in enumerate(zip(sizes, printed, strict=True)):
        for i, n in enumerate(block):
            spec.append([f"{i + 1}.", f"Kec {k}-{i}", f"Kab {k}", str(n)])
        spec.append(["Sub Total", SPAN, SPAN, str(sub)])
    spec.append(["Total", SPAN, SPAN, str(sum(printed))])
    return spec


BLOCKS = [[84, 16], [38, 34, 21, 7], [2, 55, 43], [30, 6, 6, 8], [32, 16, 2], [38, 34]]


def _audit(spec: list[list[str]]) -> list:
    doc = Document(path="t.pdf", sha256="0", kind="pdf", tables=[grid(spec)])
    return audit_document(doc, RULES, [r for r in RULES.rules if r.code in CLOSING], lang="en")


def test_the_table_is_read_as_a_fragment() -> None:
    assert TableView(grid(_blocks(BLOCKS, [sum(b) for b in BLOCKS])), RULES.vocabulary).is_fragment


def test_a_subtotal_the_other_subtotals_contradict_is_reported() -> None:
    printed = [sum(b) for b in BLOCKS]
    printed[-1] = 100  # 38 + 34 = 72
    (f,) = _audit(_blocks(BLOCKS, printed))
    assert (f.rule, f.printed, f.expected, f.severity, f.confidence) == ("SUM001", "100", "72", "error", "medium")
    assert f.locations[0].row == 25 and f.locations[0].column == 4


def test_consistent_subtotals_are_quiet() -> None:
    assert _audit(_blocks(BLOCKS, [sum(b) for b in BLOCKS])) == []


def test_the_first_closing_row_may_close_rows_of_an_earlier_page() -> None:
    printed = [sum(b) for b in BLOCKS]
    printed[0] = 180  # its block may have begun before the page break
    assert _audit(_blocks(BLOCKS, printed)) == []


def test_a_total_of_subtotals_is_left_alone() -> None:
    spec = _blocks(BLOCKS, [sum(b) for b in BLOCKS])
    spec[-1][-1] = "2.000"  # may count the rows of the earlier page
    assert _audit(spec) == []


def test_fewer_than_four_subtotals_adding_up_per_break_vouch_for_nothing() -> None:
    blocks = BLOCKS[:5]  # the first is not judged: three add up, one does not
    printed = [sum(b) for b in blocks]
    printed[-1] = 49
    assert _audit(_blocks(blocks, printed)) == []


def test_subtotals_that_often_do_not_add_up_vouch_for_nothing() -> None:
    printed = [sum(b) for b in BLOCKS]
    printed[2], printed[4] = 99, 49  # two of five others broken: not the table's habit
    printed[-1] = 100
    assert _audit(_blocks(BLOCKS, printed)) == []


def test_percentage_subtotals_are_not_vouched_for() -> None:
    spec = [[*row[:3], f"{row[3]}%"] if i else row for i, row in enumerate(_blocks(BLOCKS, [sum(b) for b in BLOCKS]))]
    view = TableView(grid(spec), RULES.vocabulary)
    assert vouched_cells(view, lambda v, c: True) == frozenset()


def test_a_fragment_without_vouching_subtotals_gives_no_candidates() -> None:
    spec = [
        ["3", "Biro Hukum", "1.000", "900"],
        ["4", "Biro Umum", "2.000", "1.000"],
        ["", "JUMLAH", "9.000", "5.000"],
    ]
    view = TableView(grid(spec), RULES.vocabulary)
    assert view.is_fragment
    assert [list(closing_candidates(view, row)) for row in view.rows if row.closes] == [[]]


@pytest.fixture(scope="module")
def sumut(corpus_dir: Path):
    return read_document(corpus_dir / "sumut-lkjip-2021.pdf")


def test_sumut_labuhanbatu_subtotal(sumut) -> None:
    """Tabel 3.7 (p47-48): the Labuhanbatu Sub Total prints 100 where its
    two kecamatan give 38 + 34 = 72; the twelve other sub-totals add up."""
    findings = audit_document(sumut, RULES, [r for r in RULES.rules if r.code in CLOSING], lang="en")
    on_table = [f for f in findings if f.locations[0].page in (47, 48) and "Penerima" in f.message]
    assert [(f.rule, f.printed, f.expected, f.severity) for f in on_table] == [("SUM001", "100", "72", "error")]
