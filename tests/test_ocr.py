"""Tables printed as images and scanned pages, read by OCR.

The pixel steps (ruling lines, the grid test, shading, separators) are
tested on synthetic arrays; the OCR steps on PDFs made here (a ruled table
rendered, then pasted into a text page as an image; a page turned into a
scan) and on the real image table of the Jombang report (page 26). Tests
that run Tesseract or OCRmyPDF skip with a reason where they are missing.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from auditor.audit import audit_document, load_ruleset
from auditor.cli import main
from auditor.findings.from_pixels import cap_pixel_findings
from auditor.findings.records import Finding
from auditor.model import Cell, Document, Location, Page
from auditor.readers import read_document
from auditor.readers.ocr.gridlines import Rulings, Segment, find_rulings
from auditor.readers.ocr.image_tables import PageImage, cell_boxes, fix_separators, table_images
from auditor.readers.ocr.scanned import is_scanned
from auditor.readers.ocr.settings import OcrSettings, has_ocrmypdf, usable_languages
from auditor.readers.ocr.tesseract import parse_tsv
from auditor.readers.ocr_pass import scanned_to_ocr
from auditor.readers.pdftables.grid import PageTable
from auditor.readers.pdftables.words import Word

HAS_TESSERACT = usable_languages("ind+eng") is not None
needs_tesseract = pytest.mark.skipif(not HAS_TESSERACT, reason="tesseract with the ind or eng model is not installed")
needs_ocrmypdf = pytest.mark.skipif(
    not (HAS_TESSERACT and has_ocrmypdf()), reason="ocrmypdf and tesseract-ocr-ind are not installed"
)


# --------------------------------------------------------------------------
# Pixels


def _grid_image(rows: int = 6, cols: int = 4, cell: tuple[int, int] = (60, 25), faint: int = 0) -> np.ndarray:
    """A white image with a ruled grid (lines ``faint`` grey levels above black)."""
    w, h = cols * cell[0] + 21, rows * cell[1] + 21
    img = np.full((h, w), 255, dtype=np.uint8)
    for r in range(rows + 1):
        img[10 + r * cell[1], 10 : 10 + cols * cell[0] + 1] = faint
    for c in range(cols + 1):
        img[10 : 10 + rows * cell[1] + 1, 10 + c * cell[0]] = faint
    return img


def test_a_ruled_grid_looks_like_a_table() -> None:
    rulings = find_rulings(_grid_image(), min_len=30)
    assert len(rulings.horizontal) == 7 and len(rulings.vertical) == 5
    assert rulings.looks_like_table()


def test_a_faint_grid_with_text_set_tight_under_its_lines_is_found() -> None:
    img = _grid_image(faint=180)
    for r in range(6):  # a "word" of ink one pixel under each row's line
        img[12 + r * 25 : 20 + r * 25, 20:45] = 20
    rulings = find_rulings(img, min_len=30)
    assert len(rulings.horizontal) == 7 and rulings.looks_like_table()


def test_photos_frames_and_chart_gridlines_are_not_tables() -> None:
    rng = np.random.default_rng(7)
    photo = rng.integers(0, 256, size=(200, 300), dtype=np.uint8)
    assert not find_rulings(photo, min_len=30).looks_like_table()
    gradient = np.tile(np.linspace(0, 255, 300).astype(np.uint8), (200, 1))
    assert not find_rulings(gradient, min_len=30).looks_like_table()
    frame = np.full((200, 300), 255, dtype=np.uint8)
    frame[10, 10:290] = frame[190, 10:290] = 0
    frame[10:191, 10] = frame[10:191, 290] = 0
    assert not find_rulings(frame, min_len=30).looks_like_table()
    chart = np.full((200, 300), 255, dtype=np.uint8)
    for y in range(20, 200, 30):  # horizontal gridlines, one axis
        chart[y, 30:290] = 120
    chart[10:190, 30] = 0
    assert not find_rulings(chart, min_len=30).looks_like_table()


def test_shading_bands_are_not_lines() -> None:
    img = np.full((200, 300), 255, dtype=np.uint8)
    img[40:70, :] = 150  # an orange header band: its edges are no ruling
    img[100:130, :] = 225
    rulings = find_rulings(img, min_len=30)
    assert rulings.horizontal == [] and not rulings.looks_like_table()


def test_a_row_of_digits_never_joins_into_a_line() -> None:
    img = np.full((60, 300), 255, dtype=np.uint8)
    for x in range(10, 290, 9):  # the tops of "0000...": strokes 6 px wide, 3 px apart
        img[20:22, x : x + 6] = 0
    assert find_rulings(img, min_len=30).horizontal == []


def test_cell_boxes_follow_the_lines_in_points() -> None:
    rulings = Rulings(
        width=200,
        height=100,
        horizontal=[Segment(0, 0, 200), Segment(50, 0, 200), Segment(100, 0, 200)],
        vertical=[Segment(0, 0, 100), Segment(100, 0, 100), Segment(200, 0, 100)],
    )
    cells = cell_boxes(rulings, (100.0, 300.0, 200.0, 350.0), scale=2.0)
    assert sorted(cells) == [
        (100.0, 300.0, 150.0, 325.0),
        (100.0, 325.0, 150.0, 350.0),
        (150.0, 300.0, 200.0, 325.0),
        (150.0, 325.0, 200.0, 350.0),
    ]


def test_only_large_images_without_text_over_them_are_candidates() -> None:
    words = [Word("teks", 110, 110, 130, 120) for _ in range(5)]
    images = [
        PageImage((100, 100, 400, 300), 150),  # text drawn over it: already read
        PageImage((100, 400, 400, 600), 150),
        PageImage((102, 401, 398, 598), 150),  # the same image twice
        PageImage((100, 700, 150, 750), 150),  # a logo
    ]
    assert [i.bbox for i in table_images(images, words, 595)] == [(100, 400, 400, 600)]


def test_a_scanned_page_is_an_image_over_a_page_without_text() -> None:
    page = (0.0, 0.0, 595.0, 842.0)
    assert is_scanned(0, [page], 595, 842)
    assert is_scanned(1, [(0, 0, 595, 421), (0, 421, 595, 842)], 595, 842)  # strips
    assert not is_scanned(200, [page], 595, 842)
    assert not is_scanned(0, [(100, 100, 300, 300)], 595, 842)
    assert not is_scanned(0, [], 595, 842)


def test_tesseract_tsv_words_keep_their_boxes_and_drop_noise() -> None:
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "4\t1\t1\t1\t1\t0\t10\t10\t300\t20\t-1\t\n"
        "5\t1\t1\t1\t1\t1\t10\t12\t40\t18\t96.5\t0,842\n"
        "5\t1\t1\t1\t1\t2\t60\t12\t5\t18\t12.0\t|\n"
    )
    [w] = parse_tsv(tsv)
    assert (w.text, w.left, w.top, w.right, w.bottom) == ("0,842", 10, 12, 50, 30)


def _ocr_table(texts: list[list[str]]) -> PageTable:
    rows = [[Cell(row=r, col=c, text=t) for c, t in enumerate(row)] for r, row in enumerate(texts)]
    return PageTable(rows=rows, bbox=(0, 0, 100, 100), page=1, source="ocr", col_gaps=[])


def test_separators_follow_the_column_and_percent_misreads_are_undone() -> None:
    t = _ocr_table([["Nilai", "Bobot (Yo)"], ["2,000", "50,00%"], ["0.842", "100.00 Yo"], ["1,500", "30.00%"]])
    fix_separators(t)
    assert [row[0].text for row in t.rows] == ["Nilai", "2,000", "0,842", "1,500"]
    assert [row[1].text for row in t.rows] == ["Bobot (%)", "50,00%", "100.00%", "30.00%"]
    mixed = _ocr_table([["1.000"], ["2,500"]])  # no majority: left as read
    fix_separators(mixed)
    assert [row[0].text for row in mixed.rows] == ["1.000", "2,500"]


# --------------------------------------------------------------------------
# Findings on OCR figures, and pages not read


def _finding(severity: str, table: str | None, page: int) -> Finding:
    loc = Location(page=page, line=None, table=table, row=2, column=3, text="0,842")
    return Finding("CAP001", severity, "Capaian salah.", "0,855", "0,842", (loc,))


def test_findings_on_ocr_figures_are_warnings_saying_so() -> None:
    doc = Document(path="x.pdf", sha256="", kind="pdf", pages=[Page(1), Page(2, ocr=True)])
    out = cap_pixel_findings(
        [_finding("error", "T1", 1), _finding("error", "T2", 1), _finding("info", None, 2)], doc, {"T1"}, "en"
    )
    assert [(f.severity, f.confidence) for f in out] == [("warning", "low"), ("error", "high"), ("info", "low")]
    assert "read from an image by OCR" in out[0].message and "OCR" not in out[1].message


def test_a_page_not_read_is_a_finding_of_its_own() -> None:
    doc = Document(path="x.pdf", sha256="", kind="pdf")
    doc.pages = [Page(1), Page(2, unread="it took longer than 10 s"), Page(3, unread="scanned")]
    doc.lines = []
    ruleset = load_ruleset()
    rules = [r for r in ruleset.rules if r.code == "DOC009"]
    found = audit_document(doc, ruleset, rules, "id")
    assert [(f.rule, f.page, f.severity) for f in found] == [("DOC009", 2, "warning"), ("DOC009", 3, "info")]
    assert "Halaman 2 tidak terbaca (it took longer than 10 s)" in found[0].message
    assert "pindaian" in found[1].message and "--ocr force" in found[1].message


def test_which_scanned_pages_go_to_ocrmypdf() -> None:
    class R:
        def __init__(self, number: int, words: int, scanned: bool) -> None:
            self.number, self.word_count, self.scanned, self.images, self.tables = number, words, scanned, [], []

    doc = Document(path="x.pdf", sha256="", kind="pdf")
    mixed = [R(1, 0, True), R(2, 300, False)]
    whole = [R(1, 0, True), R(2, 2, True)]
    assert scanned_to_ocr(doc, mixed, OcrSettings("auto")) == []
    assert scanned_to_ocr(doc, mixed, OcrSettings("force")) == [1]
    assert scanned_to_ocr(doc, whole, OcrSettings("auto")) == [1, 2]
    assert scanned_to_ocr(doc, whole, OcrSettings("off")) == []
    doc.pages = [Page(1), Page(2), Page(3, unread="it took longer than 10 s")]
    assert scanned_to_ocr(doc, whole, OcrSettings("auto")) == []


# --------------------------------------------------------------------------
# PDFs made here


def _ruled_table_pdf(path: Path) -> None:
    """A ruled capaian table as a text-layer PDF (to be rendered to pixels)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rows = [
        ["Indikator", "Target", "Realisasi", "Capaian (%)"],
        ["Persentase temuan ditindaklanjuti", "80", "72", "90,00"],
        ["Persentase rekomendasi selesai", "50", "45", "95,00"],
        ["Persentase laporan tepat waktu", "40", "30", "75,00"],
    ]
    widths = [190, 60, 70, 80]
    c = canvas.Canvas(str(path), pagesize=A4)
    x0, top, h = 50, 800, 22
    c.setLineWidth(0.8)
    for r in range(len(rows) + 1):
        c.line(x0, top - r * h, x0 + sum(widths), top - r * h)
    x = x0
    for w in [*widths, 0]:
        c.line(x, top, x, top - len(rows) * h)
        x += w
    for r, row in enumerate(rows):
        x = x0
        for text, w in zip(row, widths, strict=True):
            c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 10)
            c.drawString(x + 4, top - r * h - 15, text)
            x += w
    c.save()


def _render(pdf: Path, dpi: int, box: tuple[float, float, float, float] | None = None):
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    page = doc[0]
    w, h = page.get_size()
    crop = (box[0], h - box[3], w - box[2], box[1]) if box else (0, 0, 0, 0)
    image = page.render(scale=dpi / 72, crop=crop).to_pil().convert("RGB")
    page.close()
    doc.close()
    return image


def _report_with_image(path: Path, image, size: tuple[float, float]) -> None:
    """A text page with ``image`` pasted in, as a report pastes a table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(50, 800, "BAB III AKUNTABILITAS KINERJA")
    c.drawString(50, 780, "Capaian indikator kinerja tahun 2022 disajikan pada tabel berikut:")
    c.drawString(50, 760, "Tabel 3.1 Capaian Indikator Kinerja")
    c.drawImage(ImageReader(image), 50, 740 - size[1], width=size[0], height=size[1])
    c.drawString(50, 700 - size[1], "Seluruh indikator telah diukur sesuai rencana.")
    c.showPage()
    c.save()


@pytest.fixture(scope="module")
def image_table_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("ocr")
    _ruled_table_pdf(tmp / "table.pdf")
    image = _render(tmp / "table.pdf", 200, (45, 37, 455, 135))
    report = tmp / "report.pdf"
    _report_with_image(report, image, (410, 98))
    return report


@needs_tesseract
def test_a_table_printed_as_an_image_is_read_and_checked_as_a_warning(image_table_report: Path) -> None:
    doc = read_document(image_table_report)
    [table] = [t for t in doc.tables if t.source == "ocr"]
    texts = [[c.text for c in row] for row in table.rows]
    assert texts[0][1:] == ["Target", "Realisasi", "Capaian (%)"]
    assert [row[1:] for row in texts[1:]] == [["80", "72", "90,00"], ["50", "45", "95,00"], ["40", "30", "75,00"]]
    assert table.title and table.title.startswith("Tabel 3.1")
    ruleset = load_ruleset()
    found = [f for f in audit_document(doc, ruleset, ruleset.rules, "en") if f.rule == "CAP001"]
    assert [(f.printed, f.expected, f.severity, f.confidence) for f in found] == [("95,00", "90,00", "warning", "low")]
    assert "read from an image by OCR" in found[0].message


def test_without_ocr_the_image_table_is_not_read(image_table_report: Path) -> None:
    doc = read_document(image_table_report, ocr=OcrSettings(mode="off"))
    assert not [t for t in doc.tables if t.source == "ocr"] and not doc.warnings


def test_without_tesseract_one_note_names_the_packages(
    image_table_report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditor.readers.ocr import document

    monkeypatch.setattr(document, "usable_languages", lambda _: None)
    doc = read_document(image_table_report)
    assert not [t for t in doc.tables if t.source == "ocr"]
    assert len(doc.warnings) == 1 and "tesseract-ocr-ind" in doc.warnings[0] and "page 1" in doc.warnings[0]


def test_the_budget_stops_ocr_and_says_so(image_table_report: Path) -> None:
    doc = read_document(image_table_report, ocr=OcrSettings(max_images=0))
    assert not [t for t in doc.tables if t.source == "ocr"]
    assert doc.warnings == [
        "Images that look like tables (page 1) were not read: the OCR budget "
        "(--ocr-max-images 0, --ocr-seconds 60) was spent."
    ]


def test_photos_cost_no_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    from auditor.readers.ocr import image_tables

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photo must not be OCR'd")

    monkeypatch.setattr(image_tables, "ocr_words", refuse)
    rng = np.random.default_rng(3)
    photo = Image.fromarray(rng.integers(0, 256, size=(400, 600, 3), dtype=np.uint8))
    report = tmp_path / "photo.pdf"
    _report_with_image(report, photo, (400, 260))
    doc = read_document(report)
    assert not doc.tables and not doc.warnings


@needs_tesseract
def test_the_jombang_spip_table_printed_as_an_image_is_read(corpus_dir: Path) -> None:
    """Page 26 of the Jombang LKjIP: the SPIP maturity table is an image;
    its Lingkungan Pengendalian row prints 30,00% x 2,850 = 0,842."""
    import pdfplumber

    from auditor.readers.ocr.document import read_image_tables
    from auditor.readers.pdf import _image_boxes

    path = corpus_dir / "jombang-inspektorat-lkjip-2022.pdf"
    with pdfplumber.open(path) as pdf:
        images = _image_boxes(pdf.pages[25])
    found = read_image_tables(path.read_bytes(), None, [(26, images)], OcrSettings())
    [table] = found.tables[26]
    rows = {row[0].text: [c.text for c in row[1:]] for row in table.rows}
    assert rows["Lingkungan Pengendalian"] == ["30.00%", "2,850", "0,842"]
    assert rows["Penilaian Risiko"] == ["20.00%", "2,583", "0,517"]
    assert rows["NILAI MATURITAS PENYELENGGARAAN SPIP"][-1] == "3,157"


# --------------------------------------------------------------------------
# Scanned pages


def _text_pdf(path: Path, lines: list[str]) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 14)
    for i, text in enumerate(lines):
        c.drawString(72, 760 - 24 * i, text)
    c.showPage()
    c.save()


def _as_scan(src: Path, dst: Path, dpi: int = 200) -> None:
    """``src``'s first page turned into an image-only PDF, as a scanner makes it."""
    image = _render(src, dpi)
    image.save(dst, "PDF", resolution=dpi)


def _pdf_of_pages(dst: Path, *parts: Path) -> None:
    import pypdfium2

    out = pypdfium2.PdfDocument.new()
    for part in parts:
        src = pypdfium2.PdfDocument(str(part))
        out.import_pages(src)
        src.close()
    buf = io.BytesIO()
    out.save(buf)
    dst.write_bytes(buf.getvalue())


SCAN_TEXT = ["Laporan Kinerja Tahun 2022", "Realisasi anggaran 1.250.000 rupiah"]


def test_a_scanned_page_among_text_pages_is_skipped_and_reported(tmp_path: Path) -> None:
    _text_pdf(tmp_path / "text.pdf", ["Bab I Pendahuluan", "Laporan ini disusun tahun 2022."])
    _text_pdf(tmp_path / "src.pdf", SCAN_TEXT)
    _as_scan(tmp_path / "src.pdf", tmp_path / "scan.pdf")
    _pdf_of_pages(tmp_path / "mixed.pdf", tmp_path / "text.pdf", tmp_path / "scan.pdf")
    doc = read_document(tmp_path / "mixed.pdf")  # auto: the document has text, the scan is listed
    assert doc.pages[1].unread == "scanned" and not doc.pages[1].ocr
    assert "Bab I Pendahuluan" in [ln.text for ln in doc.lines]
    ruleset = load_ruleset()
    found = audit_document(doc, ruleset, [r for r in ruleset.rules if r.code == "DOC009"], "en")
    assert [(f.page, f.severity) for f in found] == [(2, "info")]


def test_a_fully_scanned_pdf_without_ocr_exits_2_with_one_sentence(tmp_path: Path) -> None:
    _text_pdf(tmp_path / "src.pdf", SCAN_TEXT)
    _as_scan(tmp_path / "src.pdf", tmp_path / "scan.pdf")
    res = CliRunner().invoke(main, [str(tmp_path / "scan.pdf"), "--ocr", "off"])
    assert res.exit_code == 2
    assert res.output.strip().splitlines() == [
        "audit: scan.pdf has no text layer (it looks scanned); run it with --ocr auto to read it by OCR."
    ]


def test_a_fully_scanned_pdf_without_the_tools_names_the_packages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditor.readers import ocr_pass
    from auditor.readers.ocr import scanned

    monkeypatch.setattr(scanned.shutil, "which", lambda _: None)
    monkeypatch.setattr(ocr_pass, "has_ocrmypdf", lambda: False)
    _text_pdf(tmp_path / "src.pdf", SCAN_TEXT)
    _as_scan(tmp_path / "src.pdf", tmp_path / "scan.pdf")
    res = CliRunner().invoke(main, [str(tmp_path / "scan.pdf")])
    assert res.exit_code == 2
    [line] = res.output.strip().splitlines()
    assert "tesseract-ocr-ind" in line and "ocrmypdf" in line


@needs_ocrmypdf
def test_ocr_force_reads_a_rendered_page_turned_into_a_scan(tmp_path: Path) -> None:
    _text_pdf(tmp_path / "text.pdf", ["Bab I Pendahuluan", "Laporan ini disusun tahun 2022."])
    _text_pdf(tmp_path / "src.pdf", SCAN_TEXT)
    _as_scan(tmp_path / "src.pdf", tmp_path / "scan.pdf", dpi=300)
    _pdf_of_pages(tmp_path / "mixed.pdf", tmp_path / "text.pdf", tmp_path / "scan.pdf")
    doc = read_document(tmp_path / "mixed.pdf", ocr=OcrSettings(mode="force"))
    assert doc.pages[1].ocr and doc.pages[1].unread is None and not doc.pages[0].ocr
    text = " ".join(ln.text for ln in doc.pages[1].lines)
    assert "Laporan Kinerja Tahun 2022" in text and "1.250.000" in text
    assert "Page 2 was scanned: the text was read by OCR (OCRmyPDF); check the figures found there." in doc.warnings


@needs_ocrmypdf
def test_a_scan_of_the_jombang_spip_page_is_read_by_ocrmypdf(tmp_path: Path, corpus_dir: Path) -> None:
    """The real page 26 (text and the SPIP table image) turned into a scan:
    in auto mode a fully scanned PDF is OCR'd and audited."""
    import pypdfium2

    src = pypdfium2.PdfDocument(str(corpus_dir / "jombang-inspektorat-lkjip-2022.pdf"))
    page = src[25]
    image = page.render(scale=200 / 72).to_pil().convert("RGB")
    page.close()
    src.close()
    image.save(tmp_path / "scan26.pdf", "PDF", resolution=200)
    doc = read_document(tmp_path / "scan26.pdf")
    assert doc.pages[0].ocr
    text = " ".join(ln.text for ln in doc.lines) + " ".join(c.text for t in doc.tables for r in t.rows for c in r)
    assert "PENETAPAN TUJUAN" in text and "0,842" in text
    assert doc.tables and all(t.source == "ocr" for t in doc.tables)
    ruleset = load_ruleset()
    assert all(f.severity != "error" for f in audit_document(doc, ruleset, ruleset.rules, "id"))


# --------------------------------------------------------------------------
# Passwords


def _qpdf_encrypt(src: Path, dst: Path, user: str, owner: str) -> None:
    import shutil
    import subprocess

    if shutil.which("qpdf") is None:
        pytest.skip("qpdf is not installed")
    subprocess.run(["qpdf", "--encrypt", user, owner, "256", "--", str(src), str(dst)], check=True)


def test_an_encrypted_pdf_opens_with_its_password(tmp_path: Path) -> None:
    _text_pdf(tmp_path / "plain.pdf", ["Laporan Kinerja Tahun 2022"])
    _qpdf_encrypt(tmp_path / "plain.pdf", tmp_path / "locked.pdf", "rahasia", "pemilik")
    doc = read_document(tmp_path / "locked.pdf", password="rahasia")
    assert [ln.text for ln in doc.lines] == ["Laporan Kinerja Tahun 2022"]
    for args, sentence in (
        ([], "audit: locked.pdf is encrypted (password-protected); give its password with --password."),
        (["--password", "salah"], "audit: The password given for locked.pdf is not correct."),
    ):
        res = CliRunner().invoke(main, [str(tmp_path / "locked.pdf"), *args])
        assert res.exit_code == 2 and res.output.strip().splitlines() == [sentence]
    res = CliRunner().invoke(main, [str(tmp_path / "locked.pdf"), "--password", "rahasia", "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.output)["document"]["pages"] == 1


def test_an_owner_password_only_pdf_reads_normally(tmp_path: Path) -> None:
    _text_pdf(tmp_path / "plain.pdf", ["Laporan Kinerja Tahun 2022"])
    _qpdf_encrypt(tmp_path / "plain.pdf", tmp_path / "restricted.pdf", "", "pemilik")
    doc = read_document(tmp_path / "restricted.pdf")
    assert [ln.text for ln in doc.lines] == ["Laporan Kinerja Tahun 2022"]


# --------------------------------------------------------------------------
# Determinism


def _json_run(path: Path, monkeypatch: pytest.MonkeyPatch, workers: str) -> bytes:
    monkeypatch.setenv("AUDIT_PDF_WORKERS", workers)
    res = CliRunner().invoke(main, [str(path), "--format", "json", "--fail-on", "never"])
    assert res.exit_code == 0, res.output
    return res.stdout_bytes


def test_json_output_is_byte_identical_across_runs_and_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    report = Path(__file__).resolve().parents[1] / "fixtures" / "examples" / "broken-report-ruled.pdf"
    first = _json_run(report, monkeypatch, "1")
    assert json.loads(first)["findings"]
    assert _json_run(report, monkeypatch, "1") == first
    assert _json_run(report, monkeypatch, "2") == first


@needs_tesseract
def test_ocr_output_is_byte_identical_across_runs(image_table_report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _json_run(image_table_report, monkeypatch, "1")
    assert b"OCR" in first
    assert _json_run(image_table_report, monkeypatch, "2") == first
