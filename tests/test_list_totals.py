"""DOC006 on PDF-like text lines: a list crossing a page break (with the
page number and a running footer between two items) is one list; lines
between items on one page end it."""

from __future__ import annotations

from auditor.audit import audit_document, load_ruleset
from auditor.model import Document, TextLine

RULES = load_ruleset()
RULE = RULES.get("DOC006")


def _doc(pages: list[list[str]]) -> Document:
    lines = [
        TextLine(text, page=p, bbox=(72.0, 100.0 + 14 * i, 400.0, 112.0 + 14 * i))
        for p, texts in enumerate(pages, start=1)
        for i, text in enumerate(texts)
    ]
    return Document(path="x.pdf", sha256="", kind="pdf", lines=lines)


def _findings(pages: list[list[str]]):
    assert RULE is not None
    return audit_document(_doc(pages), RULES, [RULE])


ITEMS_P1 = [
    "Luas taman adalah sebagai berikut :",
    "1. Hutan Kota : 20.000",
    "2. Alun-alun Kota : 6.000",
    "3. Taman PKK : 180",
]
FURNITURE = ["23", "Dinas Kebersihan dan Pertamanan Kabupaten Contoh"]


def test_a_list_across_a_page_break_is_added_up() -> None:
    found = _findings([[*ITEMS_P1, *FURNITURE], ["4. Taman Joglo : 4.725", "JUMLAH : 31.905 M2", "Dan capaian ..."]])
    assert [(f.rule, f.severity, f.printed, f.expected) for f in found] == [("DOC006", "error", "31.905", "30.905")]
    pages = [loc.page for loc in found[0].locations]
    assert pages == [2, 1, 1, 1, 2]
    assert [loc.text for loc in found[0].locations] == ["31.905", "20.000", "6.000", "180", "4.725"]


def test_a_list_across_a_page_break_that_adds_up_passes() -> None:
    assert _findings([[*ITEMS_P1, *FURNITURE], ["4. Taman Joglo : 4.725", "JUMLAH : 30.905 M2"]]) == []


def test_text_between_items_on_one_page_ends_the_list() -> None:
    # the "JUMLAH" closes only the items after the paragraph (too few to judge)
    page = [*ITEMS_P1, "Selain itu terdapat taman lingkungan:", "4. Taman Joglo : 4.725", "JUMLAH : 31.905"]
    assert _findings([page]) == []


def test_english_message_names_the_list() -> None:
    assert RULE is not None
    doc = _doc([[*ITEMS_P1, "4. Taman Joglo : 4.725", "Total : 31.905 m2"]])
    (f,) = audit_document(doc, RULES, [RULE], lang="en")
    assert f.message == (
        'The total 31.905 of the list of 4 items ("Hutan Kota" to "Taman Joglo") is not the sum of its items: 30.905.'
    )
