"""The PDFium page source against pdfplumber's: same words, rules and tables.

``--reader pdfium`` is only worth having if the document it gives is the one
pdfplumber gives. Compared here: the page source on a PDF drawn in the test
(words, rules, shading, bold, table cells), the whole document model of the
rendered fixtures, and the words of a few pages of each corpus report.
"""

from __future__ import annotations

import copy
import dataclasses
import io
from itertools import pairwise
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from auditor.model import Document
from auditor.readers import read_document
from auditor.readers.limits import DEFAULT_LIMITS
from auditor.readers.pdfium_page import PdfiumPage, _sorted_by_place
from auditor.readers.pdftables.unruled import is_shading
from tests.corpus_cache import read_cached

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "fixtures" / "examples").glob("*.pdf"))
PDFIUM = dataclasses.replace(DEFAULT_LIMITS, reader="pdfium")
VERTICAL_TOLERANCE = 0.5
HORIZONTAL_TOLERANCE = 1.5
"""Points. PDFium's character box spans the advance of most fonts exactly, but
a script font's glyphs overhang it (Cianjur's Daisy Script, about 1.5 pt)."""


def _drawn_pdf() -> bytes:
    """A page with a ruled table (stroked lines and a rectangle), a shaded
    row, bold header text, and words separated by space-only text objects."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(72, 780, "Tabel 1 Capaian Kinerja")
    c.setFillColorRGB(0.85, 0.85, 0.85)
    c.rect(72, 700, 360, 20, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    xs, ys = [72, 192, 312, 432], [740, 720, 700, 680, 660]
    for y in ys:
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, ys[0], x, ys[-1])
    c.rect(60, 640, 384, 110, stroke=1, fill=0)
    rows = [["Indikator", "Target", "Realisasi"], ["Nilai SAKIP", "70,00", "71,50"], ["Opini BPK", "WTP", "WTP"]]
    for r, row in enumerate(rows):
        c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 10)
        for k, text in enumerate(row):
            c.drawString(xs[k] + 4, ys[r] - 14, text)
    c.setFont("Helvetica", 10)
    x = 72.0
    for word in ["kata", " ", "demi", " ", "kata"]:
        c.drawString(x, 600, word)
        x += c.stringWidth(word, "Helvetica", 10) + (0 if word == " " else -0.5)
    c.showPage()
    c.save()
    return buf.getvalue()


def _words(page: object) -> list[dict]:
    return page.extract_words(return_chars=True)  # type: ignore[attr-defined]


def _assert_same_words(expected: list[dict], got: list[dict], where: str) -> None:
    assert [w["text"] for w in got] == [w["text"] for w in expected], where
    for e, g in zip(expected, got, strict=True):
        assert abs(e["x0"] - g["x0"]) <= HORIZONTAL_TOLERANCE, (where, e["text"])
        assert abs(e["x1"] - g["x1"]) <= HORIZONTAL_TOLERANCE, (where, e["text"])
        assert abs(e["top"] - g["top"]) <= VERTICAL_TOLERANCE, (where, e["text"])
        assert abs(e["bottom"] - g["bottom"]) <= VERTICAL_TOLERANCE, (where, e["text"])


def _pdfium_page(data: bytes | Path, index: int) -> PdfiumPage:
    doc = pypdfium2.PdfDocument(data)
    try:
        return PdfiumPage.read(doc[index])
    finally:
        doc.close()


def test_drawn_page_gives_pdfplumbers_words_rules_and_cells() -> None:
    data = _drawn_pdf()
    ours = _pdfium_page(data, 0)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        theirs = pdf.pages[0]
        _assert_same_words(_words(theirs), _words(ours), "drawn page")
        assert "demi" in [w["text"] for w in _words(ours)]  # the space objects end words
        bold = [w["text"] for w in _words(ours) if all("Bold" in ch["fontname"] for ch in w["chars"])]
        assert bold[:4] == ["Tabel", "1", "Capaian", "Kinerja"]
        assert (len(ours.lines), len(ours.rects)) == (len(theirs.lines), len(theirs.rects))
        assert [is_shading(r) for r in ours.rects] == [is_shading(r) for r in theirs.rects]
        assert any(is_shading(r) for r in ours.rects)
        expected = [sorted(t.cells) for t in theirs.filter(lambda o: not is_shading(o)).find_tables()]
        got = [sorted(t.cells) for t in ours.filter(lambda o: not is_shading(o)).find_tables()]
    assert len(got) == len(expected) == 1
    for e_cells, g_cells in zip(expected, got, strict=True):
        assert len(e_cells) == len(g_cells)
        for e, g in zip(e_cells, g_cells, strict=True):
            assert max(abs(a - b) for a, b in zip(e, g, strict=True)) <= VERTICAL_TOLERANCE


def _transformed_pdf() -> bytes:
    """Text under the matrices real reports use: a page scaled down around
    large type (a word processor's export), a text matrix that slants
    (synthetic italics), a turned line, and a form XObject drawn twice."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.saveState()
    c.scale(0.2, 0.2)
    c.setFont("Helvetica", 50)
    c.drawString(360, 3500, "Capaian 99,03 persen")
    c.restoreState()
    text = c.beginText()
    text.setTextTransform(1, 0, 0.25, 1, 72, 620)
    text.setFont("Times-Roman", 11)
    text.textOut("Realisasi 1,58 miring")
    c.drawText(text)
    c.saveState()
    c.translate(520, 400)
    c.rotate(90)
    c.setFont("Helvetica", 9)
    c.drawString(0, 0, "Tabel 3.2 diputar")
    c.restoreState()
    c.beginForm("stempel")
    c.setFont("Courier", 8)
    c.drawString(0, 0, "TOTAL 1.234.567")
    c.endForm()
    for y in (300, 200):
        c.saveState()
        c.translate(90, y)
        c.doForm("stempel")
        c.restoreState()
    c.showPage()
    c.save()
    return buf.getvalue()


def test_transformed_text_gives_pdfplumbers_characters() -> None:
    """Each text object's characters share its matrix, size and font; every
    character's box is still pdfminer's, whatever the matrix."""
    data = _transformed_pdf()
    ours = _pdfium_page(data, 0).chars
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        theirs = pdf.pages[0].chars
    assert "".join(ch["text"] for ch in ours) == "".join(ch["text"] for ch in theirs)
    assert "TOTAL 1.234.567TOTAL 1.234.567" in "".join(ch["text"] for ch in ours)
    for e, g in zip(theirs, ours, strict=True):
        where = (e["text"], e["fontname"])
        assert g["fontname"] == e["fontname"] and g["upright"] == e["upright"], where
        assert abs(g["size"] - e["size"]) <= VERTICAL_TOLERANCE, where
        for key in ("x0", "x1"):
            assert abs(g[key] - e[key]) <= HORIZONTAL_TOLERANCE, (where, key)
        for key in ("top", "bottom"):
            assert abs(g[key] - e[key]) <= VERTICAL_TOLERANCE, (where, key)


def _model(doc: Document) -> tuple[list, list]:
    tables = [
        (t.page, t.source, t.title, [[(c.text, c.span_origin) for c in row] for row in t.rows], t.bbox)
        for t in doc.tables
    ]
    lines = [(ln.page, ln.text, ln.bold) for ln in doc.lines]
    return tables, lines


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_rendered_fixtures_read_the_same_with_either_reader(path: Path) -> None:
    plumber_tables, plumber_lines = _model(read_document(path))
    pdfium_tables, pdfium_lines = _model(read_document(path, PDFIUM))
    assert pdfium_lines == plumber_lines
    assert [t[:4] for t in pdfium_tables] == [t[:4] for t in plumber_tables]
    for p, q in zip(pdfium_tables, plumber_tables, strict=True):
        assert max(abs(a - b) for a, b in zip(p[4], q[4], strict=True)) <= VERTICAL_TOLERANCE


CORPUS_PAGES = {
    "jombang-inspektorat-lkjip-2022.pdf": [1, 2, 3, 4, 6],
    "sumut-lkjip-2021.pdf": [3, 4, 5, 41],
    "cianjur-dkp-lakip-2015.pdf": [1, 2, 3],
}


@pytest.mark.parametrize("name", sorted(CORPUS_PAGES))
def test_corpus_pages_give_pdfplumbers_words_and_tables(corpus_dir: Path, name: str) -> None:
    path = corpus_dir / name
    with pdfplumber.open(path) as pdf:
        for number in CORPUS_PAGES[name]:
            theirs = pdf.pages[number - 1]
            ours = _pdfium_page(path, number - 1)
            _assert_same_words(_words(theirs), _words(ours), f"{name} p{number}")
            expected = [t.bbox for t in theirs.filter(lambda o: not is_shading(o)).find_tables()]
            got = [t.bbox for t in ours.filter(lambda o: not is_shading(o)).find_tables()]
            assert len(got) == len(expected), f"{name} p{number}"
            for e, g in zip(sorted(expected), sorted(got), strict=True):
                assert max(abs(a - b) for a, b in zip(e, g, strict=True)) <= VERTICAL_TOLERANCE


# --------------------------------------------------------------------------
# Whole corpus reports: document model and findings, reader against reader

KNOWN_DIFFERENT_PAGES = {
    "jombang-inspektorat-lkjip-2022.pdf": {39},
}
"""Pages where the readers still disagree, and why: on p39 the pdfplumber
path cuts a capaian "100,00" into "1 00,00"; its glyphs touch, so PDFium's
reading is the printed one (test below). Every other page must be the same."""
WHOLE_REPORTS = [
    "jombang-inspektorat-lkjip-2022.pdf",
    "sumut-lkjip-2021.pdf",
    "cianjur-dkp-lakip-2015.pdf",
    "jombang-inspektorat-rkt-2020.pdf",
]


def _page_model(doc: Document, skip: set[int]) -> tuple[list, list, list]:
    tables = [
        (t.pages, t.source, t.title, [[(c.text, c.span_origin) for c in row] for row in t.rows])
        for t in doc.tables
        if not skip.intersection(t.pages or [t.page])
    ]
    lines = [(ln.page, ln.text, ln.bold) for ln in doc.lines if ln.page not in skip]
    pages = [(p.number, p.unread, len(p.lines)) for p in doc.pages if p.number not in skip]
    return tables, lines, pages


def _findings(doc: Document, skip: set[int]) -> list[tuple]:
    from auditor.audit import audit_document, load_ruleset

    rules = load_ruleset()
    return sorted(
        (f.rule, f.severity, f.message, f.expected, f.printed, f.page)
        for f in audit_document(copy.deepcopy(doc), rules, rules.rules)
        if not skip.intersection(loc.page for loc in f.locations)
    )


@pytest.mark.parametrize("name", WHOLE_REPORTS)
def test_corpus_reports_read_and_audit_the_same_with_either_reader(corpus_dir: Path, name: str) -> None:
    """Tables (cells, spans, titles, sources), text lines, unread pages and
    findings of a whole report, pages known to differ left out."""
    skip = KNOWN_DIFFERENT_PAGES.get(name, set())
    plumber = read_cached(corpus_dir / name)
    pdfium = read_cached(corpus_dir / name, PDFIUM)
    assert len(pdfium.pages) == len(plumber.pages)
    assert _page_model(pdfium, skip) == _page_model(plumber, skip)
    assert _findings(pdfium, skip) == _findings(plumber, skip)


def test_pdfium_page_reads_images_as_pdfplumber_does(corpus_dir: Path) -> None:
    """Image boxes and pixel sizes: they decide scanned pages and which
    images OCR reads, so a reader without them loses tables."""
    path = corpus_dir / "sumut-lkjip-2021.pdf"
    with pdfplumber.open(path) as pdf:
        for number in (2, 3, 9):
            theirs = sorted(
                (i["x0"], i["top"], i["x1"], i["bottom"], tuple(i["srcsize"])) for i in pdf.pages[number - 1].images
            )
            ours = sorted(
                (i["x0"], i["top"], i["x1"], i["bottom"], tuple(i["srcsize"]))
                for i in _pdfium_page(path, number - 1).images
            )
            assert theirs, f"p{number} has images"
            assert len(ours) == len(theirs)
            for e, g in zip(theirs, ours, strict=True):
                assert e[4] == g[4]
                assert max(abs(float(a) - float(b)) for a, b in zip(e[:4], g[:4], strict=True)) <= 0.01


def test_pdfium_reads_the_capaian_the_page_prints(corpus_dir: Path) -> None:
    """Jombang Tabel 3.8 (pp. 39-40): the capaian of "Persentase tindak
    lanjut" is printed 100,00 with touching glyphs (pdfplumber's own
    characters say so); PDFium's reader gives that cell as printed."""
    name = "jombang-inspektorat-lkjip-2022.pdf"
    with pdfplumber.open(corpus_dir / name) as pdf:
        chars = [c for c in pdf.pages[38].chars if abs(c["top"] - 665.9) < 0.5 and 335 < c["x0"] < 362]
    text = "".join(c["text"] for c in chars)
    assert text == "100,00"
    assert all(b["x0"] - a["x1"] < 0.5 for a, b in pairwise(chars))
    doc = read_cached(corpus_dir / name, PDFIUM)
    (table,) = [t for t in doc.tables if (t.title or "").startswith("Tabel 3.8")]
    row = next(r for r in table.rows if r[1].text.startswith("Persentase tindak lanjut"))
    assert row[4].text == "100,00"


def test_the_text_object_address_is_the_typed_handles() -> None:
    """The re-typed call answers the address the typed handle points at."""
    from pypdfium2 import raw as pdfium_c

    from auditor.readers.pdfium_page import _TEXT_OBJECT_ADDRESS, _address

    doc = pypdfium2.PdfDocument(_drawn_pdf())
    try:
        textpage = doc[0].get_textpage()
        count = pdfium_c.FPDFText_CountChars(textpage.raw)
        typed = [_address(pdfium_c.FPDFText_GetTextObject(textpage.raw, i)) for i in range(count)]
        assert [(_TEXT_OBJECT_ADDRESS(textpage.raw, i) or 0) for i in range(count)] == typed
        assert len({a for a in typed if a}) > 5
        textpage.close()
    finally:
        doc.close()


def test_characters_go_in_the_content_stream_order_of_their_objects() -> None:
    """Characters sort by their object's place in the stream, the text page
    order within a place, and a space-only object's blank before the
    characters of its place."""
    a, b, c, d, e = ({"text": t} for t in "abcde")
    blank = {"text": " "}
    placed = [(2, a), (0, b), (0, c), (0, d), (1, e)]
    ordered = _sorted_by_place(placed, [(2, blank)])
    assert [ch["text"] for ch in ordered] == ["b", "c", "d", "e", " ", "a"]


def test_typed_character_calls_read_as_the_retyped_ones(corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fallback for a binding that cannot be re-typed reads the same characters."""
    from auditor.readers import pdfium_page

    doc = pypdfium2.PdfDocument(corpus_dir / "jombang-inspektorat-lkjip-2022.pdf")
    try:
        pages = [doc[i] for i in (0, 9, 20, 33)]
        retyped = [PdfiumPage.read(page).chars for page in pages]
        monkeypatch.setattr(pdfium_page, "_CHAR_CALLS", (None,) * 4)
        assert [PdfiumPage.read(page).chars for page in pages] == retyped
        assert sum(map(len, retyped)) > 1000
    finally:
        doc.close()
