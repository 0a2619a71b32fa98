"""Words the reporters print, in Bahasa Indonesia and English, defined once."""

from __future__ import annotations

from auditor.findings.records import Finding
from auditor.meaning.layout import Layout
from auditor.model import Location

LABELS = {
    "id": {
        "page": "Halaman",
        "no_page": "Tanpa halaman (ekspor teks)",
        "line": "baris teks",
        "table": "Tabel",
        "row": "baris",
        "column": "kolom",
        "where": "Lokasi",
        "rule": "Aturan",
        "severity": "Tingkat",
        "message": "Temuan",
        "printed": "Tercetak",
        "expected": "Seharusnya",
        "no_findings": "Tidak ada temuan.",
        "baselined": "temuan diterima oleh baseline",
        "checklist": "Daftar periksa reviu",
        "decision": "Keputusan reviewer",
        "note": "Catatan",
        "document": "Dokumen",
        "warnings": "Peringatan pembacaan",
        "inputs": "Sel masukan",
        "front_matter": "Bagian awal",
    },
    "en": {
        "page": "Page",
        "no_page": "No page (text export)",
        "line": "line",
        "table": "Table",
        "row": "row",
        "column": "column",
        "where": "Where",
        "rule": "Rule",
        "severity": "Severity",
        "message": "Finding",
        "printed": "Printed",
        "expected": "Expected",
        "no_findings": "No findings.",
        "baselined": "findings accepted by the baseline",
        "checklist": "Review checklist",
        "decision": "Reviewer decision",
        "note": "Note",
        "document": "Document",
        "warnings": "Reading warnings",
        "inputs": "Input cells",
        "front_matter": "Front matter",
    },
}


def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["id"])


def page_label(page: int, lang: str, layout: Layout | None = None) -> str:
    """'Halaman 19 (PDF 24)' where the page prints its number, else 'Halaman 24'."""
    printed = layout.printed.get(page) if layout else None
    word = labels(lang)["page"]
    return f"{word} {printed} (PDF {page})" if printed else f"{word} {page}"


def table_label(table: str, layout: Layout | None = None) -> str:
    """The caption number as printed ('Tabel 3.2 (T11)'), or the table id
    where the report prints none; the id is what `audit tables` takes."""
    caption = layout.captions.get(table) if layout else None
    return f"{caption} ({table})" if caption else table


def describe_location(loc: Location, lang: str, *, with_page: bool = True, layout: Layout | None = None) -> str:
    """'Halaman 19 (PDF 24), Tabel 3.2 (T5) baris 3 (Maturitas SPIP), kolom "% Capaian"'."""
    lab = labels(lang)
    parts: list[str] = []
    if with_page and loc.page is not None:
        parts.append(page_label(loc.page, lang, layout))
    if loc.line is not None:
        parts.append(f"{lab['line']} {loc.line}")
    if loc.table:
        cell = f"{table_label(loc.table, layout)} {lab['row']} {loc.row}"
        if loc.row_label:
            # the most specific part: the indicator, not its sasaran
            cell += f" ({_short(loc.row_label.split(' | ')[-1])})"
        if loc.column_header:
            cell += f', {lab["column"]} "{_short(loc.column_header)}"'
        parts.append(cell)
    return ", ".join(parts)


def summary_line(summary: dict[str, int]) -> str:
    return f"{summary['error']} error, {summary['warning']} warning, {summary['info']} info"


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def first_location(f: Finding) -> Location | None:
    return f.locations[0] if f.locations else None
