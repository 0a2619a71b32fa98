"""PDF reader: tables, spans, continuations and text lines from real and synthetic PDFs.

Expected cells for the Jombang LKjIP were written by hand from the rendered
pages; the synthetic PDFs are drawn here with reportlab so that every cell is
known exactly.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from auditor.audit import audit_document, load_ruleset
from auditor.cli import main
from auditor.errors import InputError
from auditor.meaning.semantics import TableView
from auditor.model import Document, Table
from auditor.readers import read_document
from auditor.readers.limits import DEFAULT_LIMITS
from auditor.readers.pdftables.borderless import find_text_tables
from auditor.readers.pdftables.words import Line, Word, group_lines, join_text
from tests.corpus_cache import read_cached

JOMBANG = "jombang-inspektorat-lkjip-2022.pdf"
PAGE_W, PAGE_H = A4


# --------------------------------------------------------------------------
# helpers


@pytest.fixture(scope="module")
def jombang(corpus_dir: Path) -> Document:
    return read_cached(corpus_dir / JOMBANG)


def texts(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def table_titled(doc: Document, prefix: str) -> Table:
    found = [t for t in doc.tables if t.title and t.title.startswith(prefix)]
    assert len(found) == 1, [t.title for t in doc.tables]
    return found[0]


def first_table_on(doc: Document, page: int) -> Table:
    return next(t for t in doc.tables if t.page == page)


def assert_geometry(doc: Document, table: Table) -> None:
    """Every cell lies on its page, and the cells of a row share their top."""
    for row in table.rows:
        tops = []
        for cell in row:
            assert cell.page in table.pages
            assert cell.bbox is not None
            x0, top, x1, bottom = cell.bbox
            page = doc.pages[cell.page - 1]
            assert 0 <= x0 < x1 <= page.width and 0 <= top < bottom <= page.height
            tops.append((cell.page, round(top)))
        pages = {p for p, _ in tops}
        for p in pages:
            row_tops = [t for q, t in tops if q == p]
            assert max(row_tops) - min(row_tops) <= 2, row_tops


def line_texts(doc: Document, page: int) -> list[str]:
    return [ln.text for ln in doc.pages[page - 1].lines]


# --------------------------------------------------------------------------
# Jombang LKjIP 2022: ruled Word tables


def test_staff_by_golongan_with_jumlah_row(jombang: Document) -> None:
    t = table_titled(jombang, "Tabel 1.1 Sumber Daya Aparatur Berdasarkan Golongan")
    assert (t.page, t.pages, t.source) == (7, [7], "ruled")
    assert texts(t) == [
        ["No", "Golongan", "A", "B", "C", "D", "Jumlah"],
        ["1", "IV", "6", "6", "1", "-", "13"],
        ["2", "III", "11", "5", "10", "8", "34"],
        ["3", "II", "-", "-", "27", "-", "27"],
        ["4", "I", "-", "-", "-", "-", "0"],
        ["", "JUMLAH", "JUMLAH", "JUMLAH", "JUMLAH", "JUMLAH", "74"],
    ]
    jumlah = t.rows[5]
    assert jumlah[1].span_origin is None
    assert [c.span_origin for c in jumlah[2:6]] == [(5, 1)] * 4
    assert jumlah[1].bold and jumlah[6].bold and all(c.bold for c in t.rows[0])
    assert not t.rows[1][1].bold
    assert_geometry(jombang, t)
    # The merged JUMLAH cell's box covers the columns it spans.
    assert jumlah[1].bbox[2] == pytest.approx(t.rows[4][5].bbox[2], abs=1)


def test_table_text_is_not_repeated_in_lines(jombang: Document) -> None:
    lines = line_texts(jombang, 7)
    assert "Sumber Daya Aparatur Inspektorat Kabupaten Jombang yang terdiri :" in " ".join(lines)
    assert "Tabel 1.1 Sumber Daya Aparatur Berdasarkan Golongan" in lines
    assert not any("Golongan A B" in ln or "Pasca Sarjana" in ln or "JUMLAH" in ln for ln in lines)
    assert all(ln.page == 7 and ln.bbox is not None for ln in jombang.pages[6].lines)
    # Reading order: top to bottom.
    tops = [ln.bbox[1] for ln in jombang.pages[6].lines]
    assert tops == sorted(tops)


def test_evaluation_components_with_total_row(jombang: Document) -> None:
    t = first_table_on(jombang, 16)
    assert texts(t) == [
        ["No", "Komponen", "Bobot", "Nilai Hasil Evaluasi", "% Capaian (Bobot)", "Skor per komponen*)"],
        ["1", "Perencanaan Kinerja", "30%", "26,41", "88,04", "A"],
        ["2", "Pengukuran Kinerja", "30%", "28,75", "95,83", "AA"],
        ["3", "Pelaporan Kinerja", "15%", "7,80", "52,02", "CC"],
        ["4", "Evaluasi Kinerja", "25%", "18,63", "74,50", "BB"],
        ["Total", "Total", "100%", "81,59", "", ""],
    ]
    assert t.rows[5][1].span_origin == (5, 0)
    assert t.rows[5][3].bold
    assert_geometry(jombang, t)


def test_capaian_table_with_spanning_sasaran_and_wrapped_cells(jombang: Document) -> None:
    t = table_titled(jombang, "Tabel 3.2 Capaian Kinerja Inspektorat Tahun 2022")
    sasaran = "Meningkatnya hasil pengawasan yang berkualitas dan akuntabel"
    assert t.page == 24
    assert texts(t) == [
        ["No.", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "% Capaian", "Kriteria"],
        ["1.", sasaran, "Maturitas SPIP", "Level 3 (3,35)", "Level 3 (3,157)", "94,24%", "Sangat Tinggi"],
        ["1.", sasaran, "Kapabilitas APIP", "Level 3", "Level 3", "100%", "Sangat Tinggi"],
        [
            "2.",
            "Meningkatnya Akuntabilitas dan Kinerja Perangkat Daerah",
            "Nilai Evaluasi AKIP PD",
            "Nilai A (83)",
            "Nilai A (82,92)",
            "98,30%",
            "Sangat Tinggi",
        ],
    ]
    assert [c.span_origin for c in t.rows[2]] == [(1, 0), (1, 1), None, None, None, None, None]
    assert t.rows[2][1].is_span_copy and not t.rows[1][1].is_span_copy
    # The merged sasaran cell covers both indicator rows; its copy only its own slot.
    origin, copy = t.rows[1][1].bbox, t.rows[2][1].bbox
    assert origin[3] == pytest.approx(copy[3], abs=1) and copy[1] > origin[1]
    assert_geometry(jombang, t)
    assert "Dari tabel di atas terdapat satu sasaran strategis dengan 3 indikator kinerja. Pada" in line_texts(
        jombang, 24
    )
    assert not any("Maturitas SPIP Level 3" in ln for ln in line_texts(jombang, 24))


def test_group_row_spanning_the_whole_table(jombang: Document) -> None:
    t = table_titled(jombang, "Tabel 3.3 Capaian Kinerja Sasaran")
    assert t.page == 29
    group = "Meningkatkan Penyelenggaraan Pemerintahan yang Bersih dan Akuntabel"
    assert texts(t)[0] == [
        "No",
        "Tujuan/Sasaran",
        "No",
        "Indikator Kinerja",
        "Target 2022",
        "Realisasi 2022",
        "Capaian",
    ]
    assert texts(t)[1] == [group] * 7
    assert [c.span_origin for c in t.rows[1]] == [None] + [(1, 0)] * 6
    assert texts(t)[2] == [
        "1",
        "Meningkatnya hasil pengawasan yang berkualitas dan akuntabel",
        "1",
        "Maturitas SPIP",
        "Level 3 (3,35)",
        "Level 3 (3,157)",
        "94,24%",
    ]
    assert texts(t)[3][2:] == ["2", "Kapabilitas APIP", "Level 3", "Level 3", "100%"]
    assert [c.span_origin for c in t.rows[3][:2]] == [(2, 0), (2, 1)]
    assert texts(t)[4][4:] == ["Nilai A (83)", "Nilai A (81,59)", "98,30%"]
    assert_geometry(jombang, t)


def test_multi_level_header(jombang: Document) -> None:
    t = table_titled(jombang, "Tabel 3.4")
    assert t.title == "Tabel 3.4 Perbandingan Realisasi Kinerja Tahun ini dengan Tahun Lalu dan Beberapa Tahun Terakhir"
    assert t.page == 31 and t.ncols == 8 and len(t.rows) == 9
    head, sub = texts(t)[0], texts(t)[1]
    assert head == ["No", "Sasaran", "No", "Indikator Kinerja", "Target 2022", "Realisasi", "Realisasi", "Realisasi"]
    assert sub == ["No", "Sasaran", "No", "Indikator Kinerja", "Target 2022", "2022", "2021", "2020"]
    assert [c.span_origin for c in t.rows[0]] == [None] * 6 + [(0, 5), (0, 5)]
    assert [c.span_origin for c in t.rows[1]] == [(0, 0), (0, 1), (0, 2), (0, 3), (0, 4), None, None, None]
    assert texts(t)[6] == [
        "1",
        "Meningkatnya hasil pengawasan yang berkualitas Dan akuntabel",
        "5",
        "Maturitas SPIP",
        "Level 3 (3,35)",
        "Level 3 (3,157)",
        "Level 3 (3,346)",
        "Level 3 (3,02)",
    ]
    # The sasaran cell spans all seven indicator rows.
    assert all(row[1].span_origin == (2, 1) for row in t.rows[3:])
    assert texts(t)[8][2:] == ["7", "Nilai Evaluasi AKIP PD", "A (83)", "A (81,59)", "A (82,92)", "N/A"]
    assert texts(t)[2][5] == ""
    assert_geometry(jombang, t)


def test_comparison_with_renstra_target(jombang: Document) -> None:
    t = table_titled(jombang, "Tabel 3.5")
    assert t.page == 33 and t.pages == [33]
    assert texts(t)[0] == [
        "No",
        "Sasaran",
        "No",
        "Indikator Kinerja",
        "Realisasi 2022",
        "Target Akhir Renstra",
        "Capaian Realisasi",
    ]
    assert texts(t)[2][3:] == ["Maturitas SPIP", "Level 3 (3,157)", "Level 3 (3,6)", "87,69%"]
    assert texts(t)[3][3:] == ["Kapabilitas APIP", "Level 3", "Level 3", "100%"]
    assert texts(t)[4][3:] == ["Nilai Evaluasi AKIP PD", "Nilai A (81,59)", "Nilai A (83)", "98,30%"]
    # The next page's table has the same columns and header but is another table.
    nxt = table_titled(jombang, "Tabel 3.6")
    assert nxt.page == 34 and nxt.pages == [34]


def test_table_continued_on_next_page(jombang: Document) -> None:
    # Body rows at the top of page 8 continue Tabel 1.2 of page 7.
    t = table_titled(jombang, "Tabel 1.2")
    assert t.pages == [7, 8]
    assert [row[1] for row in texts(t)] == [
        "Pendidikan",
        "Pasca Sarjana (S2)",
        "Sarjana S1/D-IV",
        "Diploma III",
        "SMA (Sederajat)",
        "SMP (Sederajat)",
        "SD (Sederajat)",
        "JUMLAH",
    ]
    assert [row[0].page for row in t.rows] == [7, 7, 7, 7, 8, 8, 8, 8]
    assert texts(t)[7] == ["JUMLAH", "JUMLAH", "74"] and t.rows[7][1].span_origin == (7, 0)
    assert_geometry(jombang, t)

    # A repeated header row on page 26 is dropped when the Level table is joined.
    levels = next(t for t in jombang.tables if texts(t)[0] == ["Level", "Tingkat", "Karakteristik SPIP"])
    assert levels.pages == [25, 26]
    assert [row[0] for row in texts(levels)] == ["Level", "0", "1", "2", "3", "4", "5"]
    assert levels.rows[4][1].page == 26 and levels.rows[4][1].text == "Terdefinisi"

    # The budget table runs from page 43 to 44 and ends with its JUMLAH row.
    budget = table_titled(jombang, "Tabel 3.13")
    assert budget.pages == [43, 44]
    assert texts(budget)[-1] == ["JUMLAH", "JUMLAH", "13.353.153.913", "12.441.701.788", "93,17"]
    assert [c.row for c in budget.rows[-1]] == [len(budget.rows) - 1] * 5

    # Page 21 opens with a table of its own (other header, other columns).
    program = first_table_on(jombang, 21)
    assert program.pages == [21] and texts(program)[0] == ["No.", "Program", "Anggaran", "Keterangan"]


def test_frames_inside_cells_and_shifted_rulings(jombang: Document) -> None:
    # Page 39: a text frame inside the Realisasi cell is split into lines;
    # they are not rows of their own. The table runs on to page 40, whose
    # rulings stand ~5 pt off those of page 39 (thin slivers between doubled
    # rulings), and ends with its JUMLAH TOTAL row, also framed.
    t = table_titled(jombang, "Tabel 3.8")
    assert t.pages == [39, 40]
    rows = texts(t)
    program = next(r for r in rows if r[0].startswith("Program Penyelenggaraan"))
    assert program[2:] == ["93", "86,71", "93,24", "630.395.770", "524.058.289", "83,13"]
    assert rows[-1][1:] == ["JUMLAH TOTAL"] * 4 + ["13.353.153.913", "12.441.701.788", "93,17"]
    assert len(rows) == 14

    # Page 42: frames in the header and in wrapped cells.
    assets = table_titled(jombang, "Tabel 3.11")
    assert texts(assets)[0] == [
        "No.",
        "Nama/Jenis Barang",
        "Jumlah tersedia",
        "Satuan",
        "Keterangan",
        "Jumlah Kebutuhan",
        "Kekurangan",
    ]
    assert texts(assets)[2] == ["2.", "Kendaraan Dinas Roda 4", "9", "unit", "Baik/ Jumlah Kurang", "12", "-3"]
    assert [r[0] for r in texts(assets)[1:-1]] == [f"{k}." for k in range(1, 15)]


def test_document_structure(jombang: Document) -> None:
    assert jombang.kind == "pdf" and jombang.page_count == 48
    assert [p.number for p in jombang.pages] == list(range(1, 49))
    assert jombang.pages[0].width == pytest.approx(595.3, abs=1)
    assert [t.index for t in jombang.tables] == list(range(1, len(jombang.tables) + 1))
    order = [(t.page, t.bbox[1]) for t in jombang.tables]
    assert order == sorted(order)
    for t in jombang.tables:
        assert all(len(row) == t.ncols for row in t.rows)
        for r, row in enumerate(t.rows):
            for c, cell in enumerate(row):
                assert (cell.row, cell.col) == (r, c)
                if cell.span_origin:
                    origin = t.rows[cell.span_origin[0]][cell.span_origin[1]]
                    assert origin.span_origin is None and origin.text == cell.text
    # The cover page is an image: one warning, no failure; the other notes
    # are about images that look like tables (read by OCR or not).
    cover = "Page 1 has no text layer (scanned or image only); it is not checked."
    assert jombang.warnings.count(cover) == 1
    assert all("looks like a table" in w or "look like tables" in w for w in jombang.warnings if w != cover)
    assert jombang.pages[0].warnings == [cover] and jombang.pages[0].unread == "scanned"


@pytest.mark.parametrize(
    ("name", "min_tables"),
    [("jombang-inspektorat-renstra-2018-2023.pdf", 8), ("jombang-inspektorat-rkt-2020.pdf", 2)],
)
def test_other_corpus_pdfs(corpus_dir: Path, name: str, min_tables: int) -> None:
    doc = read_cached(corpus_dir / name)
    assert doc.kind == "pdf" and doc.lines
    assert len(doc.tables) >= min_tables
    assert any(t.source == "ruled" and len(t.rows) >= 3 for t in doc.tables)


# --------------------------------------------------------------------------
# Bad input


def _small_pdf(path: Path, pages: list[str | None]) -> Path:
    """One page per entry: a line of text, or None for an image-only page."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for text in pages:
        if text is None:
            c.setFillGray(0.6)
            c.rect(72, 300, 400, 300, fill=1, stroke=0)
            from PIL import Image

            buf = io.BytesIO()
            Image.new("L", (40, 30), 128).save(buf, format="PNG")
            buf.seek(0)
            from reportlab.lib.utils import ImageReader

            c.drawImage(ImageReader(buf), 100, 100, width=200, height=150)
        else:
            c.setFont("Helvetica", 11)
            c.drawString(72, 760, text)
        c.showPage()
    c.save()
    return path


def _kind(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_document(path)
    message = str(info.value)
    assert message.endswith(".") and "\n" not in message and "Traceback" not in message
    return info.value.kind


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert _kind(path) == "not-pdf"


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    assert _kind(path) == "empty"


def test_header_only(tmp_path: Path) -> None:
    path = tmp_path / "stub.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    assert _kind(path) == "corrupt"


def test_truncated_real_pdf(tmp_path: Path, corpus_dir: Path) -> None:
    data = (corpus_dir / JOMBANG).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * 0.3)])
    assert _kind(path) == "corrupt"


def test_truncated_small_pdf(tmp_path: Path) -> None:
    whole = _small_pdf(tmp_path / "whole.pdf", ["Laporan Kinerja 2022"]).read_bytes()
    path = tmp_path / "half.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    assert _kind(path) == "corrupt"


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt="secret")
    c.drawString(72, 760, "Rahasia")
    c.showPage()
    c.save()
    assert _kind(path) == "encrypted"


def test_scanned_pdf(tmp_path: Path) -> None:
    path = _small_pdf(tmp_path / "scan.pdf", [None, None])
    assert _kind(path) == "no-text"


def test_partly_scanned_pdf_warns_per_page(tmp_path: Path) -> None:
    doc = read_document(_small_pdf(tmp_path / "mixed.pdf", ["Bab I Pendahuluan", None, "Bab II"]))
    assert [ln.text for ln in doc.lines] == ["Bab I Pendahuluan", "Bab II"]
    assert doc.warnings == ["Page 2 has no text layer (scanned or image only); it is not checked."]
    assert doc.pages[1].warnings == doc.warnings and not doc.pages[0].warnings


def test_a_failing_page_does_not_stop_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.readers import pdf as pdf_reader

    real = pdf_reader._read_page

    def flaky(ppage, number):  # type: ignore[no-untyped-def]
        if number == 2:
            raise pdf_reader.PdfminerException(KeyError("Resources"))
        return real(ppage, number)

    monkeypatch.setattr(pdf_reader, "_read_page", flaky)
    doc = read_document(_small_pdf(tmp_path / "three.pdf", ["satu", "dua", "tiga"]))
    assert [ln.text for ln in doc.lines] == ["satu", "tiga"]
    assert len(doc.pages) == 3
    assert doc.warnings == ["Page 2 could not be read (halaman 2 tidak terbaca: KeyError: 'Resources'); it is skipped."]
    assert doc.pages[1].warnings == doc.warnings


def _long_pdf(path: Path, npages: int) -> Path:
    """Pages of prose with a small borderless table on each."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in range(1, npages + 1):
        c.setFont("Helvetica", 11)
        c.drawString(72, 780, f"Halaman isi nomor {n} dari laporan kinerja")
        for r, row in enumerate([["Indikator", "Target", "Realisasi"], ["Maturitas SPIP", "3,35", str(n)]]):
            top = 740 - 18 * r
            c.drawString(72, top, row[0])
            for k, text in enumerate(row[1:]):
                c.drawRightString(330 + 90 * k, top, text)
        c.drawString(72, 690, "Sumber: Inspektorat")
        c.showPage()
    c.save()
    return path


def test_parallel_read_matches_sequential(tmp_path: Path) -> None:
    from auditor.readers.pdf import read_pdf

    path = _long_pdf(tmp_path / "long.pdf", 12)
    data = path.read_bytes()
    seq, par = read_pdf(path, data, "x", workers=1), read_pdf(path, data, "x", workers=2)
    assert [(ln.text, ln.page, ln.bbox, ln.bold) for ln in par.lines] == [
        (ln.text, ln.page, ln.bbox, ln.bold) for ln in seq.lines
    ]
    assert [(t.pages, t.title, t.rows) for t in par.tables] == [(t.pages, t.title, t.rows) for t in seq.tables]
    assert len(seq.pages) == 12 and seq.lines[0].text == "Halaman isi nomor 1 dari laporan kinerja"


def test_a_failing_page_in_a_worker_does_not_stop_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.readers import pdf as pdf_reader

    real = pdf_reader._read_page

    def flaky(ppage, number):  # type: ignore[no-untyped-def]
        if number == 10:
            raise pdf_reader.PdfminerException(KeyError("Resources"))
        return real(ppage, number)

    monkeypatch.setattr(pdf_reader, "_read_page", flaky)  # worker processes are forked: they see it
    path = _long_pdf(tmp_path / "long.pdf", 12)
    doc = pdf_reader.read_pdf(path, path.read_bytes(), "x", workers=2)
    assert len(doc.pages) == 12
    assert doc.warnings == [
        "Page 10 could not be read (halaman 10 tidak terbaca: KeyError: 'Resources'); it is skipped."
    ]
    assert {ln.page for ln in doc.lines} == set(range(1, 13)) - {10}


def test_every_page_failing_is_corrupt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.readers import pdf as pdf_reader

    def broken(ppage, number):  # type: ignore[no-untyped-def]
        raise pdf_reader.PdfminerException(ValueError("bad stream"))

    monkeypatch.setattr(pdf_reader, "_read_page", broken)
    assert _kind(_small_pdf(tmp_path / "bad.pdf", ["satu", "dua"])) == "corrupt"


# --------------------------------------------------------------------------
# Synthetic layouts


BORDERLESS_ROWS = [
    ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"],
    ["1", "Maturitas SPIP", "3,35", "3,16", "94,24"],
    ["2", "Kapabilitas APIP", "3,00", "3,00", "100,00"],
    ["3", "Persentase tindak lanjut hasil pengawasan yang telah selesai", "93,00", "86,71", "93,24"],
    ["4", "Nilai Evaluasi AKIP", "83,00", "81,59", "98,30"],
]
ABOVE = [
    "Capaian kinerja dihitung dengan membandingkan realisasi terhadap target yang telah",
    "ditetapkan dalam perjanjian kinerja, dengan hasil sebagaimana tabel berikut ini.",
]
BELOW = [
    "Dari tabel di atas terlihat bahwa tiga dari empat indikator belum mencapai target",
    "yang ditetapkan, sehingga perlu langkah perbaikan pada tahun berikutnya.",
]


def _draw_lines(c: canvas.Canvas, lines: list[str], top: float, size: float = 10) -> float:
    c.setFont("Helvetica", size)
    for text in lines:
        c.drawString(72, PAGE_H - top - size, text)
        top += size * 1.35
    return top


def _borderless_pdf(path: Path) -> Path:
    """A designer table: no rules, a shaded header band, zebra rows, one wrapped cell."""
    c = canvas.Canvas(str(path), pagesize=A4)
    top = _draw_lines(c, ABOVE, 90)
    c.setFont("Helvetica", 10)
    c.drawString(72, PAGE_H - top - 22, "Tabel 3.1 Capaian Indikator Kinerja Tahun 2023")
    top += 34
    cols = [(72, 96, "c"), (100, 290, "l"), (300, 360, "r"), (372, 432, "r"), (446, 523, "r")]
    for r, row in enumerate(BORDERLESS_ROWS):
        cells = [
            simpleSplit(t, "Helvetica", 10, right - left - 6) for t, (left, right, _) in zip(row, cols, strict=True)
        ]
        height = 8 + 12 * max(len(p) for p in cells)
        if r == 0 or r % 2 == 0:
            c.setFillGray(0.75 if r == 0 else 0.92)
            c.rect(68, PAGE_H - top - height, 459, height, fill=1, stroke=0)
        c.setFillGray(0)
        for parts, (left, right, align) in zip(cells, cols, strict=True):
            font = "Helvetica-Bold" if r == 0 else "Helvetica"
            c.setFont(font, 10)
            for k, text in enumerate(parts):
                y = PAGE_H - top - 4 - 10 - 12 * k
                if align == "l" or r == 0:
                    c.drawString(left + 3, y, text)
                elif align == "r":
                    c.drawRightString(right - 3, y, text)
                else:
                    c.drawCentredString((left + right) / 2, y, text)
        top += height
    _draw_lines(c, BELOW, top + 18)
    c.showPage()
    c.save()
    return path


def test_borderless_table(tmp_path: Path) -> None:
    doc = read_document(_borderless_pdf(tmp_path / "designer.pdf"))
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.source == "text-aligned" and t.pages == [1]
    assert t.title == "Tabel 3.1 Capaian Indikator Kinerja Tahun 2023"
    assert texts(t) == BORDERLESS_ROWS
    assert all(c.bold for c in t.rows[0]) and not any(c.bold for c in t.rows[1])
    assert all(c.span_origin is None for row in t.rows for c in row)
    assert_geometry(doc, t)
    lines = [ln.text for ln in doc.lines]
    assert lines[:2] == ABOVE and lines[-2:] == BELOW
    assert not any("Maturitas" in ln or "pengawasan yang telah" in ln for ln in lines)


def test_prose_and_lists_are_not_tables(tmp_path: Path) -> None:
    path = tmp_path / "prose.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    top = _draw_lines(c, ABOVE + BELOW, 80)
    c.setFont("Helvetica", 10)
    for k, item in enumerate(
        ["Peraturan Presiden Nomor 29 Tahun 2014", "Peraturan Menteri PAN-RB Nomor 53 Tahun 2014"]
    ):
        c.drawString(72, PAGE_H - top - 20 - 14 * k, f"{k + 1}.")
        c.drawString(95, PAGE_H - top - 20 - 14 * k, item)
    for k, (label, value) in enumerate([("PNS", "74 orang"), ("Non PNS", "4 (empat) orang"), ("Jumlah", "78 orang")]):
        c.drawString(95, PAGE_H - top - 80 - 14 * k, label)
        c.drawString(170, PAGE_H - top - 80 - 14 * k, ":")
        c.drawString(180, PAGE_H - top - 80 - 14 * k, value)
    c.showPage()
    c.save()
    doc = read_document(path)
    assert doc.tables == []
    assert len(doc.lines) == 4 + 2 + 3
    assert "1. Peraturan Presiden Nomor 29 Tahun 2014" in [ln.text for ln in doc.lines]


def _ruled_table_over_two_pages(path: Path, first: int, second: int) -> list[list[str]]:
    """A Word-like ruled table whose header row is repeated on page 2."""
    header = ["No", "Kegiatan", "Anggaran", "Realisasi", "%"]
    body = [
        [str(k), f"Kegiatan pendukung nomor {k}", f"{100 + k}.000.000", f"{90 + k}.500.000", f"{85 + k % 10},50"]
        for k in range(1, first + second + 1)
    ]
    body.append(["JUMLAH", "", "1.234.000.000", "1.100.000.000", "89,14"])
    xs = [72, 100, 300, 390, 480, 523]
    c = canvas.Canvas(str(path), pagesize=A4)

    def draw(rows: list[list[str]], top: float, page: int) -> None:
        h = 18
        for r, row in enumerate(rows):
            y = PAGE_H - top - h * (r + 1)
            for k, text in enumerate(row):
                c.setFont("Helvetica-Bold" if r == 0 or row[0] == "JUMLAH" else "Helvetica", 9)
                c.drawString(xs[k] + 3, y + 5, text)
            c.line(xs[0], y + h, xs[-1], y + h)
            c.line(xs[0], y, xs[-1], y)
        bottom = PAGE_H - top - h * len(rows)
        for k, x in enumerate(xs):
            if rows[-1][0] == "JUMLAH" and k == 1:  # JUMLAH spans No and Kegiatan
                c.line(x, PAGE_H - top, x, bottom + h)
            else:
                c.line(x, PAGE_H - top, x, bottom)
        c.setFont("Helvetica", 8)
        c.drawCentredString(PAGE_W / 2, 30, f"Halaman {page}")

    _draw_lines(c, ["Realisasi anggaran per kegiatan disajikan pada tabel berikut."], 72)
    c.drawString(72, PAGE_H - 110, "Tabel L.1 Realisasi Anggaran per Kegiatan")
    draw([header, *body[:first]], 118, 1)
    c.showPage()
    draw([header, *body[first:]], 60, 2)
    _draw_lines(c, ["Demikian realisasi anggaran tahun 2023."], 60 + 18 * (second + 3) + 20)
    c.showPage()
    c.save()
    return [header, *body]


def test_ruled_table_split_over_two_pages(tmp_path: Path) -> None:
    path = tmp_path / "split.pdf"
    expected = _ruled_table_over_two_pages(path, first=34, second=6)
    doc = read_document(path)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.pages == [1, 2] and t.source == "ruled"
    assert t.title == "Tabel L.1 Realisasi Anggaran per Kegiatan"
    expected[-1][1] = "JUMLAH"  # the merged cell's slot repeats its text
    assert texts(t) == expected
    assert t.rows[-1][1].span_origin == (len(expected) - 1, 0)
    assert [row[0].page for row in t.rows] == [1] * 35 + [2] * 7
    assert [c.row for c in t.rows[-1]] == [41] * 5
    assert_geometry(doc, t)
    lines = [ln.text for ln in doc.lines]
    assert "Demikian realisasi anggaran tahun 2023." in lines
    assert not any("Kegiatan pendukung" in ln for ln in lines)


ZEBRA_ROWS = [
    ["No", "Program", "Kegiatan", "Target anggaran", "Realisasi anggaran", "%"],
    ["1", "Program Pelayanan Administrasi Perkantoran", "", "950.000,00", "940.000,00", "98,95"],
    ["", "", "Penyediaan Jasa Surat Menyurat", "900.000,00", "900.000,00", "100,00"],
    ["", "", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", "50.000,00", "40.000,00", "80,00"],
    ["2", "Program Peningkatan Disiplin Aparatur", "", "128.800.000,00", "128.156.000,00", "99,50"],
    ["3", "", "Pengadaan Pakaian Kerja Lapangan", "128.800.000,00", "128.156.000,00", "99,50"],
]
"""A Program > Kegiatan budget table; the third program is printed as a
kegiatan of the second (a number, no program name), as such reports do."""


def _word_zebra_pdf(path: Path, rows: list[list[str]]) -> Path:
    """A designed Word table: every row ruled by a 1 pt filled rectangle, an
    outer frame, no inner column rules, and every other row shaded the way
    Word paints a shaded cell: a padding strip on each side and one strip
    per line of text (plus a black header band)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    _draw_lines(c, ["Realisasi anggaran per program dan kegiatan:"], 72)
    xs = [72, 100, 200, 320, 410, 500, 540]
    pad, lead, size = 5.4, 12.0, 9
    top = 110.0

    def rule(x0: float, y_top: float, w: float, h: float) -> None:
        c.setFillGray(0.25)
        c.rect(x0, PAGE_H - y_top - h, w, h, fill=1, stroke=0)

    for r, row in enumerate(rows):
        font = "Helvetica-Bold" if r == 0 else "Helvetica"
        cells = [simpleSplit(t, font, size, xs[k + 1] - xs[k] - 2 * pad) for k, t in enumerate(row)]
        height = lead * max(1, *(len(p) for p in cells)) + 2
        rule(xs[0], top, xs[-1] - xs[0], 1)
        if r % 2 == 0:
            c.setFillGray(0.0 if r == 0 else 0.75)
            for k in range(len(row)):
                x0, x1 = xs[k], xs[k + 1]
                for x in (x0, x1 - pad):
                    c.rect(x, PAGE_H - top - 1 - height, pad, height, fill=1, stroke=0)
                for j in range(max(1, len(cells[k]))):
                    c.rect(x0 + pad, PAGE_H - top - 1 - lead * (j + 1), x1 - x0 - 2 * pad, lead, fill=1, stroke=0)
        c.setFillGray(1.0 if r == 0 else 0.0)
        c.setFont(font, size)
        for k, parts in enumerate(cells):
            for j, text in enumerate(parts):
                y = PAGE_H - top - 1 - lead * (j + 1) + 3
                if k >= 3 and r > 0:
                    c.drawRightString(xs[k + 1] - pad, y, text)
                else:
                    c.drawString(xs[k] + pad, y, text)
        rule(xs[0], top, 1, height + 1)
        rule(xs[-1] - 1, top, 1, height + 1)
        top += height + 1
    rule(xs[0], top, xs[-1] - xs[0], 1)
    _draw_lines(c, ["Sumber: DPA 2015."], top + 20)
    c.showPage()
    c.save()
    return path


def test_shaded_rows_and_row_rules_only(tmp_path: Path) -> None:
    # Shading is no rule: each ruled band is one row, the columns come from
    # the words, a multi-line cell is one cell.
    doc = read_document(_word_zebra_pdf(tmp_path / "zebra.pdf", ZEBRA_ROWS))
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.source == "ruled"
    assert texts(t) == ZEBRA_ROWS
    assert all(c.span_origin is None for row in t.rows for c in row)
    assert_geometry(doc, t)
    assert "Sumber: DPA 2015." in [ln.text for ln in doc.lines]
    assert not any("Penyediaan" in ln.text for ln in doc.lines)

    # Program rows add up their kegiatan, whatever the numbering says.
    view = TableView(t, load_ruleset().vocabulary)
    assert [(r.kind, r.closes) for r in view.rows] == [
        ("header", []),
        ("subtotal", [2, 3]),
        ("body", []),
        ("body", []),
        ("subtotal", [5]),
        ("body", []),
    ]


def test_a_program_that_does_not_add_up(tmp_path: Path) -> None:
    rows = [list(r) for r in ZEBRA_ROWS]
    rows[1][4] = "900.000,00"  # 900.000 + 40.000 = 940.000
    rows[1][5] = "94,74"
    doc = read_document(_word_zebra_pdf(tmp_path / "zebra.pdf", rows))
    rules = load_ruleset()
    findings = audit_document(doc, rules, rules.selected(["SUM"], []))
    assert [(f.rule, f.printed, f.expected) for f in findings] == [("SUM003", "900.000,00", "940.000,00")]


def test_records_stacked_in_one_ruled_row(tmp_path: Path) -> None:
    # One ruled row holds three indicators of one sasaran: each cell stacks
    # their values as paragraphs. Figures never wrap: three rows, the
    # sasaran spanning them. A cell of two figures under one label stays one row.
    path = tmp_path / "stacked.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    xs = [72, 190, 330, 380, 440, 500]
    header = ["Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi"]
    sasaran = ["Terwujudnya", "pemanfaatan ruang", "yang berhasil guna", "dan berdaya guna", "serta mampu", "mendukung"]
    records = [
        (["RTH per wilayah", "perkotaan"], "%", "0,820", "0,162"),
        (["Persentase", "penanganan sampah"], "%", "5", "5"),
        (["TPST per penduduk"], "%", "18", "25"),
    ]
    lead, top = 11.0, 100.0
    c.setFont("Helvetica", 9)
    for k, text in enumerate(header):
        c.drawString(xs[k] + 4, PAGE_H - top - 13, text)
    band_top = top + 18
    for j, text in enumerate(sasaran):
        c.drawString(xs[0] + 4, PAGE_H - band_top - lead * (j + 1), text)
    y = band_top
    for label, unit, target, real in records:
        for j, text in enumerate(label):
            c.drawString(xs[1] + 4, PAGE_H - y - lead * (j + 1), text)
        c.drawString(xs[2] + 4, PAGE_H - y - lead, unit)
        c.drawRightString(xs[4] - 4, PAGE_H - y - lead, target)
        c.drawRightString(xs[5] - 4, PAGE_H - y - lead, real)
        y += lead * (len(label) + 1)
    bottom = max(y, band_top + lead * (len(sasaran) + 1))
    for yy in (top, band_top, bottom):
        c.line(xs[0], PAGE_H - yy, xs[-1], PAGE_H - yy)
    for x in xs:
        c.line(x, PAGE_H - top, x, PAGE_H - bottom)
    c.showPage()
    c.save()
    doc = read_document(path)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    joined = " ".join(sasaran)
    assert texts(t) == [
        header,
        [joined, "RTH per wilayah perkotaan", "%", "0,820", "0,162"],
        [joined, "Persentase penanganan sampah", "%", "5", "5"],
        [joined, "TPST per penduduk", "%", "18", "25"],
    ]
    assert [row[0].span_origin for row in t.rows] == [None, None, (1, 0), (1, 0)]


def test_two_values_of_one_record_stay_one_row(tmp_path: Path) -> None:
    # A count and its percentage stacked under one label: one record.
    path = tmp_path / "two-values.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    xs = [72, 260, 360, 460]
    rows = [
        (["Indikator"], ["Target"], ["Realisasi"]),
        (["Lembaga Kesejahteraan Sosial", "yang terakreditasi"], ["1.313", "", "3,79%"], ["2.483", "", "7,18%"]),
        (["Persentase SDM tersertifikasi"], ["20"], ["15,18"]),
    ]
    c.setFont("Helvetica", 9)
    top = 100.0
    for cells in rows:
        height = 11.0 * max(len(p) for p in cells) + 6
        for k, parts in enumerate(cells):
            for j, text in enumerate(parts):
                c.drawString(xs[k] + 4, PAGE_H - top - 11 * (j + 1), text)
        c.line(xs[0], PAGE_H - top, xs[-1], PAGE_H - top)
        for x in xs:
            c.line(x, PAGE_H - top, x, PAGE_H - top - height)
        top += height
    c.line(xs[0], PAGE_H - top, xs[-1], PAGE_H - top)
    c.showPage()
    c.save()
    t = read_document(path).tables[0]
    assert texts(t) == [
        ["Indikator", "Target", "Realisasi"],
        ["Lembaga Kesejahteraan Sosial yang terakreditasi", "1.313 3,79%", "2.483 7,18%"],
        ["Persentase SDM tersertifikasi", "20", "15,18"],
    ]


def test_boxed_running_footer_is_no_table(tmp_path: Path) -> None:
    # A footer ruled into two cells (name | page number) on every page is
    # page furniture, not a table of its own on each page.
    path = tmp_path / "footer.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for page in range(1, 6):
        _draw_lines(c, [f"Bab {page}: uraian capaian kinerja tahun 2015 pada halaman ini."], 90)
        c.setLineWidth(0.75)
        for y in (22, 40):
            c.rect(72, y, 380, 18, fill=0, stroke=1)
            c.rect(452, y, 71, 18, fill=0, stroke=1)
        c.setFont("Helvetica", 9)
        c.drawString(78, 46, "Dinas Kebersihan dan Pertamanan Kabupaten Cianjur")
        c.drawString(480, 46, str(page + 44))
        c.drawString(78, 28, "Laporan Akuntabilitas Kinerja 2015")
        c.showPage()
    c.save()
    doc = read_document(path)
    assert doc.tables == []
    assert [ln.text for ln in doc.pages[2].lines][-2:] == [
        "Dinas Kebersihan dan Pertamanan Kabupaten Cianjur 47",
        "Laporan Akuntabilitas Kinerja 2015",
    ]


# --------------------------------------------------------------------------
# Cell text


def _w(text: str, x0: float, top: float) -> Word:
    return Word(text=text, x0=x0, top=top, x1=x0 + 6 * len(text), bottom=top + 10)


def test_cell_text_joins_wrapped_lines_and_keeps_hyphens() -> None:
    words = [_w("praktek-", 10, 0), _w("praktek", 10, 12), _w("pengendalian", 60, 12), _w("Sarjana", 10, 24)]
    assert join_text(words) == "praktek-praktek pengendalian Sarjana"
    assert join_text([_w("Rp", 10, 0), _w("-", 30, 0), _w("1.000", 10, 12)]) == "Rp - 1.000"


# --------------------------------------------------------------------------
# Borderless tables from words (geometry as a designer layout prints it)


def _line(top: float, runs: list[tuple[str, float, float]], height: float = 8.5) -> list[Word]:
    return [Word(text=t, x0=x0, top=top, x1=x1, bottom=top + height) for t, x0, x1 in runs]


def _prose(top: float) -> list[Word]:
    return [Word(text="kata", x0=63 + 40 * k, top=top, x1=98 + 40 * k, bottom=top + 10) for k in range(12)]


def _table_grid(words: list[Word], bands: list[tuple[float, float, float, float]]) -> list[list[str]]:
    lines: list[Line] = group_lines(words)
    tables = find_text_tables(lines, bands, 1)
    assert len(tables) == 1
    return [[c.text for c in row] for row in tables[0].rows]


def test_header_label_centred_over_two_number_columns() -> None:
    """``2018`` over ``Target | Realisasi`` bridges the gutter between two
    right-aligned number columns; the columns come from the body, and the
    right-hand header cell runs on beside the sub-headers."""
    words = [
        *_prose(320),
        *_line(347, [("2018", 106, 125), ("Capaian", 180, 213), ("Target", 234, 260), ("Realisasi", 285, 322)]),
        *_line(357.3, [("2019", 238, 257), ("dibanding", 283, 323)]),
        *_line(366.3, [("Target", 73, 99), ("Realisasi", 121, 157), ("Target", 279, 305), ("2019", 308, 327)]),
        *_line(
            384.1, [("0,8", 93, 105), ("2,59", 149, 165), ("323,75", 194, 220), ("1,00", 250, 267), ("259", 317, 332)]
        ),
        *_prose(408),
    ]
    lines = group_lines(words)
    (table,) = find_text_tables(lines, [(63, 343, 336, 380)], 1)
    assert [[c.text for c in row] for row in table.rows] == [
        ["2018", "2018", "Capaian", "Target 2019", "Realisasi dibanding Target 2019"],
        ["Target", "Realisasi", "Capaian", "Target 2019", "Realisasi dibanding Target 2019"],
        ["0,8", "2,59", "323,75", "1,00", "259"],
    ]
    assert table.rows[0][1].span_origin == (0, 0) and table.rows[1][4].span_origin == (0, 4)


def test_row_label_starting_like_a_source_note_stays_in_the_table() -> None:
    rows = [
        ("Manajemen Perubahan", "4"),
        ("Penguatan Pengawasan", "3"),
        ("Penguatan Akuntabilitas", "5"),
        ("Tata Laksana", "12"),
        ("Sumber Daya Manusia", "7"),
        ("Pelayanan Publik", "9"),
    ]
    words = [*_line(100, [("AREA", 67, 90), ("JUMLAH", 300, 330)])]
    for k, (label, figure) in enumerate(rows, start=1):
        words += _line(100 + 16 * k, [(label, 67, 67 + 5 * len(label)), (figure, 320, 330)])
    words += _line(100 + 16 * 8, [("Sumber: Inspektorat", 67, 150)])
    assert _table_grid(words, []) == [["AREA", "JUMLAH"], *[list(row) for row in rows]]


def test_a_caption_separates_two_tables() -> None:
    words: list[Word] = []
    top = 100.0
    for caption in ("Tabel 1.1 Pegawai", "Tabel 1.2 Pegawai"):
        words += _line(top, [(caption, 63, 150)], height=10)
        for k, (label, figure) in enumerate([("NO", "JUMLAH"), ("Laki-laki", "12"), ("Perempuan", "7")]):
            words += _line(top + 20 + 16 * k, [(label, 67, 110), (figure, 300, 330)])
        top += 75  # the next caption a line's height under the last row
    tables = find_text_tables(group_lines(words), [], 1)
    assert [[[c.text for c in row] for row in t.rows] for t in tables] == [
        [["NO", "JUMLAH"], ["Laki-laki", "12"], ["Perempuan", "7"]],
    ] * 2


# A sasaran printed once beside its indicators, in a layout without rules
# between rows (Cianjur p21's geometry): lines 15 pt apart, 10 pt tall.
_STACKED_HEADER = [("No", 181, 197), ("Sasaran", 250, 340), ("Indikator", 435, 527), ("Satuan", 580, 616),
                   ("Target", 627, 661)]  # fmt: skip


def _stacked_table(blank: float) -> list[Word]:
    """Sasaran 1 over two full lines and a short one, beside indicators a and b;
    indicator c printed ``blank`` points lower; sasaran 2 beside indicator d."""
    rows = [
        (209, [("1.", 181, 190), ("Terwujudnya ruang yang", 208, 382), ("- Indikator a", 393, 480), ("%", 593, 603),
               ("10", 645, 657)]),
        (224, [("berhasilguna dan berdayaguna", 208, 382)]),
        (239, [("Lingkungan Hidup", 208, 300), ("- Indikator b", 393, 480), ("%", 593, 603), ("20", 645, 657)]),
        (254, [("yang handal.", 208, 262)]),
        (269 + blank, [("- Indikator c", 393, 480), ("%", 593, 603), ("30", 645, 657)]),
        (284 + blank, [("2.", 181, 190), ("Berkembangnya wilayah", 208, 320), ("- Indikator d", 393, 480),
                       ("Ha", 590, 606), ("40", 645, 657)]),
    ]  # fmt: skip
    words = _line(176, _STACKED_HEADER, height=10)
    for top, runs in rows:
        words += _line(top, runs, height=10)
    return words


def _cells(table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def test_numbered_record_runs_on_beside_its_next_indicator() -> None:
    """The sasaran's lines beside indicator b wrap on from its cell (the first
    word would not have fitted on the full line above): they belong to record
    1, which indicator b's row shares as a span; record 2 has its own number."""
    (table,) = find_text_tables(group_lines(_stacked_table(0)), [], 1)
    sasaran = "Terwujudnya ruang yang berhasilguna dan berdayaguna Lingkungan Hidup yang handal."
    assert _cells(table) == [
        ["No", "Sasaran", "Indikator", "Satuan", "Target"],
        ["1.", sasaran, "- Indikator a", "%", "10"],
        ["1.", sasaran, "- Indikator b", "%", "20"],
        ["1.", sasaran, "- Indikator c", "%", "30"],
        ["2.", "Berkembangnya wilayah", "- Indikator d", "Ha", "40"],
    ]
    assert [table.rows[r][1].span_origin for r in (2, 3)] == [(1, 1), (1, 1)]


def test_unnumbered_row_with_a_label_that_would_have_fitted_keeps_it() -> None:
    """A second programme row without a number whose label would have fitted
    on the short line above starts a cell of its own: no wrap, no carry."""
    words = _line(176, _STACKED_HEADER, height=10)
    for top, runs in [
        (209, [("1.", 181, 190), ("Program A", 208, 260), ("- Indikator a", 393, 480), ("%", 593, 603),
               ("10", 645, 657)]),
        (224, [("Kegiatan B", 208, 262), ("- Indikator b", 393, 480), ("%", 593, 603), ("20", 645, 657)]),
        (239, [("2.", 181, 190), ("Program C", 208, 260), ("- Indikator c", 393, 480), ("%", 593, 603),
               ("30", 645, 657)]),
    ]:  # fmt: skip
        words += _line(top, runs, height=10)
    (table,) = find_text_tables(group_lines(words), [], 1)
    assert [row[1] for row in _cells(table)] == ["Sasaran", "Program A", "Kegiatan B", "Program C"]


def test_column_rule_carries_a_table_across_a_tall_blank() -> None:
    """A blank four lines tall inside sasaran 1's record ends a borderless
    block; a rule drawn down the gutter through it (a table ruled at its frame
    and between columns only) carries the table on. A rule outside the
    gutters (a page border) proves nothing."""
    words = _stacked_table(60)
    without = find_text_tables(group_lines(words), [], 1)
    assert [len(t.rows) for t in without] == [3]
    border = [(150.0, 170.0, 450.0)]
    assert [len(t.rows) for t in find_text_tables(group_lines(words), [], 1, border)] == [3]
    column_rule = [(202.75, 206.0, 420.0)]
    (table,) = find_text_tables(group_lines(words), [], 1, column_rule)
    assert [row[2] for row in _cells(table)[1:]] == [f"- Indikator {x}" for x in "abcd"]
    assert [row[4] for row in _cells(table)[1:]] == ["10", "20", "30", "40"]


def test_a_dropped_trailing_line_opens_no_empty_column() -> None:
    """A page number right of the table, a row gap under it, is dropped from
    the block; its column goes with it."""
    words = [*_stacked_table(0), *_line(310, [("16", 764, 774)], height=10)]
    (table,) = find_text_tables(group_lines(words), [], 1)
    assert table.rows[0][-1].text == "Target" and len(table.rows[0]) == 5


def _justified_table(extra: list[tuple[str, float, float]] = ()) -> list[Word]:
    """The stacked table with its first row justified: wide word gaps split
    each text cell into runs; the header labels span the gaps."""
    words = _line(176, [("No", 181, 197), ("Sasaran", 250, 340), ("Indikator Kinerja", 430, 540),
                        ("Satuan", 580, 616), ("Target", 627, 661)], height=10)  # fmt: skip
    words += _line(209, [("1.", 181, 190), ("Terwujudnya", 208, 260), ("ruang", 280, 330), ("yang", 345, 382),
                         ("-", 393, 397), ("Indikator", 402, 433), ("a", 450, 480), ("per", 495, 520),
                         ("satuan", 535, 569), ("%", 593, 603), ("10", 645, 657)], height=10)  # fmt: skip
    words += _line(224, [("berhasilguna", 208, 300), ("Wilayah", 403, 470)], height=10)
    words += _line(239, [("2.", 181, 190), ("Berkembangnya", 208, 320), ("- Indikator b", 393, 480),
                         ("Ha", 590, 606), ("20", 645, 657)], height=10)  # fmt: skip
    words += _line(254, [("wilayah", 208, 262), ("Muslim", 403, 440), *extra], height=10)
    return words


def test_a_page_number_level_with_the_last_line_is_no_column() -> None:
    """A page number in the margin, on the baseline of the table's last line,
    opens a column no other line uses: it is left out of the table."""
    (table,) = find_text_tables(group_lines(_justified_table([("16", 760, 768)])), [], 1)
    assert len(table.rows[0]) == 5
    assert [row[-1] for row in _cells(table)] == ["Target", "10", "20"]
    assert "16" not in {w.text for w in table.words}


def test_overlapping_lines_do_not_hide_the_line_spacing() -> None:
    """A tall box beside a cell's last line overlaps the line above; the
    overlap is no line spacing, so the cell's lines still read as one cell."""
    words = _justified_table()
    words += [Word(text="▪", x0=300, top=245, x1=306, bottom=270)]  # a tall mark beside "wilayah"
    (table,) = find_text_tables(group_lines(words), [], 1)
    assert [row[1] for row in _cells(table)][1:] == ["Terwujudnya ruang yang berhasilguna", "Berkembangnya wilayah ▪"]


def _dense_pdf(path: Path, rects_on_page_2: int) -> Path:
    """Three pages of text; page 2 also carries many tiny rectangles."""
    c = canvas.Canvas(str(path))
    for number, text in enumerate(["satu", "dua", "tiga"], start=1):
        c.drawString(72, 760, text)
        if number == 2:
            for i in range(rects_on_page_2):
                c.rect(72 + (i % 400), 100 + (i // 400), 0.5, 0.5, stroke=1, fill=0)
        c.showPage()
    c.save()
    return path


def test_a_page_with_more_objects_than_the_limit_is_skipped(tmp_path: Path) -> None:
    """A page past --max-objects (1200 rectangles and the 3 characters of
    "dua") is skipped and says why; the others are read."""
    path = _dense_pdf(tmp_path / "dense.pdf", 1200)
    doc = read_document(path, dataclasses.replace(DEFAULT_LIMITS, max_objects=1000))
    assert [ln.text for ln in doc.lines] == ["satu", "tiga"]
    assert doc.warnings == [
        "Page 2 could not be read (halaman 2 tidak terbaca: it holds 1203 objects, more than --max-objects 1000); "
        "it is skipped."
    ]
    assert [ln.text for ln in read_document(path).lines] == ["satu", "dua", "tiga"]


def test_max_objects_flag_reaches_the_reader(tmp_path: Path) -> None:
    path = _dense_pdf(tmp_path / "dense.pdf", 1200)
    result = CliRunner().invoke(main, [str(path), "--format", "json", "--max-objects", "1000", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert '"DOC009"' in result.output and "--max-objects 1000" in result.output


_FOUR_COLUMNS = [("No", 181, 197), ("Sasaran Strategis", 250, 340), ("Indikator Kinerja", 430, 540),
                 ("Target", 603, 638)]  # fmt: skip
_NUMBERED = [("1", 186, 192), ("2", 292, 298), ("3", 478, 484), ("4", 617, 623)]


def _four_column_head() -> list[Word]:
    """A header and the row numbering its four columns (1 | 2 | 3 | 4)."""
    return [*_line(176, _FOUR_COLUMNS, height=10), *_line(194, _NUMBERED, height=10)]


def test_a_justified_row_under_the_column_numbers_stays_in_the_table() -> None:
    """The first body row is justified: eight runs of words for four columns,
    as a row of a wider table would print. Its runs keep the table's gutters
    and the line under it wraps on across the wide word gaps: one table."""
    words = _four_column_head()
    words += _line(209, [("1.", 181, 190), ("Terwujudnya", 208, 270), ("pemanfaatan", 290, 382), ("- 3.10.4", 393, 440),
                         ("RTH", 460, 490), ("Per", 505, 520), ("satuan", 535, 575), ("0.820%", 603, 638)],
                   height=10)  # fmt: skip
    words += _line(224, [("ruang yang berhasilguna", 208, 380), ("dan Wilayah Perkotaan", 403, 560)], height=10)
    words += _line(239, [("2.", 181, 190), ("Berkembangnya wilayah", 208, 340), ("- 3.11.19 Penataan", 393, 560),
                         ("0 Ha", 610, 632)], height=10)  # fmt: skip
    words += _line(254, [("di dukung", 208, 260), ("Pemakaman", 403, 470)], height=10)
    (table,) = find_text_tables(group_lines(words), [], 1)
    assert _cells(table) == [
        ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
        ["1", "2", "3", "4"],
        ["1.", "Terwujudnya pemanfaatan ruang yang berhasilguna", "- 3.10.4 RTH Per satuan dan Wilayah Perkotaan",
         "0.820%"],
        ["2.", "Berkembangnya wilayah di dukung", "- 3.11.19 Penataan Pemakaman", "0 Ha"],
    ]  # fmt: skip


_WIDER_HEADER = [("Kode", 181, 197), ("Unit", 208, 240), ("Program", 260, 382), ("Pagu", 393, 440),
                 ("Realisasi", 460, 500), ("Sisa", 515, 575), ("Capaian", 590, 610), ("Ket", 620, 640)]  # fmt: skip


def _with_wider_table(next_row: list[tuple[str, float, float]]) -> list[list[list[str]]]:
    """The four-column table, one body row, then a wider table whose eight
    columns nest in its four (its header keeps every gutter) and ``next_row``."""
    words = _four_column_head()
    words += _line(209, [("1.", 181, 190), ("Sasaran satu", 208, 330), ("Indikator satu", 393, 540),
                         ("10%", 610, 632)], height=10)  # fmt: skip
    words += _line(230, _WIDER_HEADER, height=10)
    words += _line(245, next_row, height=10)
    words += _line(260, [("02", 181, 193), ("Bidang", 208, 238), ("Program B", 260, 330), ("2.000", 410, 440),
                         ("1.500", 470, 500), ("500", 545, 575), ("75%", 590, 610), ("-", 630, 634)],
                   height=10)  # fmt: skip
    return [_cells(t) for t in find_text_tables(group_lines(words), [], 1)]


_FIRST_TABLE = [
    ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
    ["1", "2", "3", "4"],
    ["1.", "Sasaran satu", "Indikator satu", "10%"],
]


def test_a_wider_table_under_a_table_is_still_cut_off() -> None:
    """A wider table's next row prints as many runs as its header, its gaps
    where the header's are: the first table ends above the wider one."""
    first, second = _with_wider_table(
        [("01", 181, 193), ("Dinas", 208, 235), ("Program A", 260, 330), ("1.000", 410, 440),
         ("900", 470, 500), ("100", 545, 575), ("90%", 590, 610), ("-", 630, 634)]
    )  # fmt: skip
    assert first == _FIRST_TABLE
    assert second[0] == [t for t, _, _ in _WIDER_HEADER]


def test_a_wider_table_row_with_blank_cells_is_no_wrapped_line() -> None:
    """Under the wider table's header, a row with blank cells prints fewer
    runs than twice the first table's columns, but it leaves the header's
    gaps open (no cell wraps across them): the first table still ends."""
    tables = _with_wider_table(
        [("01", 181, 193), ("Dinas", 208, 235), ("Program A", 260, 330), ("1.000", 410, 440), ("90%", 590, 610)]
    )
    assert tables[0] == _FIRST_TABLE
