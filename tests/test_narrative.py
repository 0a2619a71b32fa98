"""Narrative, claim and structure engines beyond the per-rule cases: how
running text is read, where findings point, and that the rules take their
formulas and words from the rule files."""

from __future__ import annotations

import copy
from pathlib import Path

from auditor.audit import audit_document, load_ruleset
from auditor.audit import table_views as _table_views
from auditor.meaning.context import DocContext
from auditor.model import Document, Page, TextLine
from auditor.readers.text_export import read_text_export
from auditor.rulesets.loader import RuleSet

RULES = load_ruleset()


def _doc(text: str, tmp_path: Path) -> Document:
    return read_text_export(tmp_path / "r.md", text, "0")


def _sentences(text: str, tmp_path: Path) -> list:
    doc = _doc(text, tmp_path)
    return DocContext(doc, RULES.vocabulary, _table_views(doc, RULES)).sentences


def _run(doc: Document, codes: list[str], lang: str = "id", rules: RuleSet = RULES) -> list:
    return audit_document(doc, rules, rules.selected(codes, None), lang)


def test_running_text_numbers(tmp_path: Path) -> None:
    (s,) = _sentences(
        "Menurut Nainggolan (2012) di 7 provinsi, dengan (1) pendataan dan (2) pendampingan, "
        "target penurunan kemiskinan 8,5%-9,5% tercapai.\n",
        tmp_path,
    )
    nums = [(n.number.text, n.number.value, n.is_year) for n in s.numbers]
    assert nums == [("2012", 2012, True), ("7", 7, False), ("1", 1, False), ("2", 2, False),
                    ("8,5%", 8.5, False), ("9,5%", 9.5, False)]  # fmt: skip


def test_a_list_with_semicolons_is_one_sentence(tmp_path: Path) -> None:
    (s,) = _sentences(
        "Organisasi terdiri dari 1 Sekretariat Jenderal; 1 Inspektorat Jenderal; dan 3 Staf Ahli.\n", tmp_path
    )
    assert [n.number.text for n in s.numbers] == ["1", "1", "3"]


def test_a_paragraph_cut_by_a_page_break_is_one_sentence(tmp_path: Path) -> None:
    text = (
        "Dari jumlah pendamping PKH sebanyak 25.435 orang, telah terdiklatkan sebanyak 3.365 orang. Pada\n\n\n\n"
        "tahun 2019 ditargetkan sebanyak 43.800 orang atau meningkat 1.191% dibandingkan target 2018 sebanyak 3.392 orang.\n"
        "1. KPM PKH yang tergraduasi\n"
        "2. 40% penduduk dengan status sosial ekonomi terendah\n"
    )
    sentences = _sentences(text, tmp_path)
    assert [s.text[:25] for s in sentences[:2]] == ["Dari jumlah pendamping PK", "Pada tahun 2019 ditargetk"]
    # list items are not continuations of each other
    assert not any("tergraduasi" in s.text and "40%" in s.text for s in sentences)
    second = sentences[1]
    assert [ln.line for ln in second.lines] == [1, 5]
    assert second.numbers[1].location.line == 5  # 43.800 is printed after the page break


def test_findings_in_a_pdf_point_at_page_and_box() -> None:
    text = "Realisasi tahun 2018 sebanyak 2.538 orang atau 15,18% dari populasi sebanyak 393.916 orang."
    line = TextLine(text=text, page=7, bbox=(72.0, 300.0, 520.0, 312.0))
    doc = Document(path="r.pdf", sha256="0", kind="pdf", pages=[Page(number=7)], lines=[line])
    (f,) = _run(doc, ["NAR001"])
    assert (f.printed, f.expected) == ("15,18%", "0,64")
    assert all(loc.page == 7 and loc.bbox == line.bbox for loc in f.locations)


def test_messages_in_english(tmp_path: Path) -> None:
    doc = _doc("Sebanyak 2.538 orang atau 15,18% dari populasi sebanyak 393.916 orang.\n", tmp_path)
    (f,) = _run(doc, ["NAR001"], lang="en")
    assert f.message == "Percentage 15,18% in the sentence does not follow: 2.538 / 393.916 x 100 = 0,64."


def test_capaian_sentences_use_the_formulas_of_CAP001(tmp_path: Path) -> None:
    """NAR002 accepts what CAP001 accepts: drop CAP001's lower-is-better
    alternatives and the same sentence is reported."""
    doc = _doc("Target angka kemiskinan adalah 10,00% dan realisasinya 9,00%, sehingga capaiannya 110,00%.\n", tmp_path)
    assert _run(doc, ["NAR002"]) == []
    rules = copy.deepcopy(RULES)
    cap = rules.get("CAP001")
    assert cap is not None
    cap.alternatives = []
    doc = _doc("Target angka kemiskinan adalah 10,00% dan realisasinya 9,00%, sehingga capaiannya 110,00%.\n", tmp_path)
    (f,) = _run(doc, ["NAR002"], rules=rules)
    assert (f.printed, f.expected) == ("110,00%", "90,00")


def test_claim_findings_list_the_table_cells(tmp_path: Path) -> None:
    text = (
        "# Capaian Kinerja\n\n"
        "Seluruh indikator telah melebihi target.\n\n"
        "INDIKATOR\tTARGET\tREALISASI\tCAPAIAN\n"
        "Persentase penurunan penduduk miskin\t0,80\t1,58\t197,50\n"
        "Persentase SDM Kesos yang tersertifikasi\t20\t15,18\t75,90\n"
        "Kapabilitas APIP\tLevel 3\tLevel 3\t100\n"
    )
    (f,) = _run(_doc(text, tmp_path), ["CLM001"])
    assert f.locations[0].line == 3 and f.locations[0].table is None
    # 75,90 certainly is not above 100; 100 (99,5 ... 100,5) may be
    assert [(loc.table, loc.row, loc.column, loc.text) for loc in f.locations[1:]] == [("T1", 3, 4, "75,90")]
    assert "Persentase SDM Kesos yang tersertifikasi (75,90)" in f.message


def test_count_words_and_numbers(tmp_path: Path) -> None:
    table = "".join(f"Kegiatan {i}\t{i}.000.000\n" for i in range(1, 13))
    text = f"# Kegiatan\n\nAnggaran digunakan untuk dua belas kegiatan sebagai berikut:\n\nKEGIATAN\tANGGARAN\n{table}"
    assert _run(_doc(text, tmp_path), ["CLM003"]) == []
    (f,) = _run(_doc(text.replace("dua belas kegiatan", "sebelas kegiatan"), tmp_path), ["CLM003"])
    assert (f.printed, f.expected) == ("sebelas", "12")
    assert len(f.locations) == 13  # the sentence, then every listed kegiatan


def test_wrapped_labels_are_not_repeated_labels(tmp_path: Path) -> None:
    """A PDF row whose label wraps onto a continuation row ("Kendaraan Dinas
    Roda" over "4") is named by both parts."""
    text = (
        "No.\tNama Barang\tJumlah\tKebutuhan\n"
        "1.\tKendaraan Dinas Roda\t9\t12\n"
        "\t4\t\t\n"
        "2.\tKendaraan Dinas Roda\t10\t10\n"
        "\t2\t\t\n"
    )
    assert _run(_doc(text, tmp_path), ["STR"]) == []
