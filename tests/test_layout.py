"""Chapters, printed page numbers and the order findings are listed in,
on small synthetic documents."""

from __future__ import annotations

from auditor.findings.arrange import arrange
from auditor.findings.records import Finding
from auditor.meaning.layout import Layout, layout_of, printed_pages, roman_value
from auditor.model import Document, Location, Page, Table, TextLine

H = 842.0


def _doc(lines: list[TextLine], npages: int) -> Document:
    pages = [Page(number=n, width=595, height=H) for n in range(1, npages + 1)]
    return Document(path="x.pdf", sha256="0", kind="pdf", pages=pages, lines=lines)


def _footer(page: int, text: str) -> TextLine:
    return TextLine(text=text, page=page, bbox=(72, H - 40, 500, H - 30))


def _body(page: int, text: str, top: float = 300, bold: bool = False) -> TextLine:
    return TextLine(text=text, page=page, bbox=(72, top, 500, top + 12), bold=bold)


def test_roman_numerals() -> None:
    assert [roman_value(t) for t in ["i", "iv", "IX", "xii", "vv", "2", "dari"]] == [1, 4, 9, 12, None, None, None]


def test_footer_numbers_that_increment_are_page_numbers() -> None:
    # cover without number, front matter i-iii, body 1..6 with a page lacking its footer
    lines = [_footer(p, f"Laporan Kinerja Tahun 2022 {r}") for p, r in [(2, "i"), (3, "ii"), (4, "iii")]]
    lines += [_footer(p, f"Laporan Kinerja Tahun 2022 {p - 4}") for p in range(5, 11) if p != 8]
    pages = printed_pages(_doc(lines, 10))
    assert pages == {2: "i", 3: "ii", 4: "iii", 5: "1", 6: "2", 7: "3", 8: "4", 9: "5", 10: "6"}


def test_a_constant_year_or_a_number_in_the_text_is_no_page_number() -> None:
    lines = [_footer(p, "Laporan Kinerja Tahun 2022") for p in range(1, 8)]
    lines += [_body(p, f"sebanyak {p * 7} orang") for p in range(1, 8)]
    assert printed_pages(_doc(lines, 7)) == {}


def test_two_pages_are_too_few_to_trust() -> None:
    lines = [_footer(1, "Hal. 5"), _footer(2, "Hal. 6")]
    assert printed_pages(_doc(lines, 2)) == {}


def test_chapters_skip_the_table_of_contents() -> None:
    lines = [
        _body(2, "BAB I PENDAHULUAN ........ 1", 100),
        _body(2, "BAB II PERENCANAAN KINERJA ........ 5", 120),
        _body(3, "BAB I", 80, bold=True),
        _body(3, "PENDAHULUAN", 100, bold=True),
        _body(5, "BAB II : PERENCANAAN KINERJA", 80, bold=True),
        _body(7, "BAB I", 20),  # a running header repeating an earlier chapter
        _body(9, "LAMPIRAN", 80, bold=True),
    ]
    layout = layout_of(_doc(lines, 9))
    assert [label for _, label in layout.starts] == ["BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA", "LAMPIRAN"]
    assert layout.chapter_at((2, 500)) is None
    assert layout.chapter_at((4, 10)) == "BAB I PENDAHULUAN"
    assert layout.chapter_at((7, 500)) == "BAB II PERENCANAAN KINERJA"


def test_text_export_chapter_split_over_two_lines() -> None:
    lines = [TextLine(text=t, line=i) for i, t in enumerate(["BAB", "1", "PENDAHULUAN", "isi", "BAB 2 PENUTUP"], 1)]
    doc = Document(path="x.md", sha256="0", kind="text", lines=lines)
    assert [label for _, label in layout_of(doc).starts] == ["BAB I PENDAHULUAN", "BAB II PENUTUP"]


def test_table_captions_as_printed() -> None:
    doc = _doc([], 1)
    doc.tables = [
        Table(index=1, rows=[], title="Tabel 3.2. Capaian Indikator"),
        Table(index=2, rows=[], title="Capaian"),
        Table(index=3, rows=[], title=None),
    ]
    assert layout_of(doc).captions == {"T1": "Tabel 3.2"}


def _finding(rule: str, severity: str, page: int, table: str | None, top: float) -> Finding:
    loc = Location(page=page, line=None, table=table, row=1, column=1, text="1", bbox=(10, top, 20, top + 5))
    return Finding(rule=rule, severity=severity, message=rule, expected=None, printed=None, locations=(loc,))


def test_findings_by_chapter_and_page_errors_first_related_together() -> None:
    layout = Layout(starts=[((1, 0.0), "BAB I"), ((3, 400.0), "BAB II")])
    findings = [
        _finding("W1", "warning", 2, "T1", 100),
        _finding("I1", "info", 2, None, 150),
        _finding("E2", "error", 2, "T2", 200),
        _finding("E1", "error", 2, "T1", 300),
        _finding("X", "warning", 3, None, 100),
        _finding("Y", "error", 3, None, 500),
    ]
    groups = arrange(findings, layout)
    assert [(g.chapter, g.page, [f.rule for f in g.findings]) for g in groups] == [
        ("BAB I", 2, ["E1", "W1", "E2", "I1"]),
        ("BAB I", 3, ["X"]),
        ("BAB II", 3, ["Y"]),
    ]
