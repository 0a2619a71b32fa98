"""The Kertas Kerja Reviu (review working paper): one row per finding.

The xlsx and CSV outputs are the same table, so the columns, their headers in
both languages and the value of every cell are defined here once; each format
only lays the rows out. "Dasar perhitungan" lists every location the finding
was computed from (the printed cell first, then its inputs) so a reviewer can
redo the sum without opening the JSON.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from auditor.findings.records import Finding
from auditor.findings.result import AuditResult
from auditor.meaning.layout import Layout
from auditor.model import Location
from auditor.reporters.labels import describe_location, table_label

COLUMNS = [
    "no", "rule", "severity", "page", "where", "message",
    "printed", "expected", "basis", "response", "status", "fingerprint",
]  # fmt: skip

HEADERS = {
    "id": {
        "no": "No", "rule": "Kode aturan", "severity": "Tingkat", "page": "Halaman",
        "where": "Lokasi", "message": "Uraian temuan", "printed": "Nilai tercetak",
        "expected": "Nilai seharusnya", "basis": "Dasar perhitungan", "response": "Tanggapan",
        "status": "Status", "fingerprint": "Sidik temuan",
    },
    "en": {
        "no": "No", "rule": "Rule code", "severity": "Severity", "page": "Page",
        "where": "Location", "message": "Finding", "printed": "Printed value",
        "expected": "Expected value", "basis": "Basis of calculation", "response": "Response",
        "status": "Status", "fingerprint": "Fingerprint",
    },
}  # fmt: skip

STATUSES = {"id": ["Belum", "Diterima", "Ditolak"], "en": ["Open", "Accepted", "Rejected"]}
"""The reviewer's decision; the first is the default of every new row."""

PROSE = {"id": "Teks", "en": "Text"}
"""The place of a finding in running text, which has no table, row or column."""

SEVERITY_WORDS = {
    "id": {"error": "Kesalahan", "warning": "Peringatan", "info": "Informasi"},
    "en": {"error": "Error", "warning": "Warning", "info": "Info"},
}


@dataclass(frozen=True)
class Row:
    """One finding as the working paper shows it; ``basis`` stays a list so
    that each format can join it its own way (line breaks in a cell, or one
    separator on a CSV line)."""

    values: dict[str, object]
    basis: list[str]


def headers(lang: str) -> list[str]:
    table = HEADERS.get(lang, HEADERS["id"])
    return [table[c] for c in COLUMNS]


def _where(loc: Location, titles: dict[str, str], lang: str, layout: Layout) -> str:
    """The table's caption and id, then the row and column as the report names them."""
    where = describe_location(loc, lang, with_page=False, layout=layout) or PROSE[lang]
    title = titles.get(loc.table or "")
    if title and loc.table:
        label = table_label(loc.table, layout)
        where = where.replace(f"{label} ", f"{label} «{title}» ", 1)
    return where


def page_cell(page: int | None, layout: Layout) -> object:
    """The page as printed with the PDF page beside it ("19 (PDF 24)"), or
    the PDF page alone (a number, which sorts) where none is printed."""
    if page is None:
        return ""
    printed = layout.printed.get(page)
    return f"{printed} (PDF {page})" if printed else page


def _basis(f: Finding, lang: str, layout: Layout) -> list[str]:
    return [f"{describe_location(loc, lang, layout=layout)}: {loc.text}" for loc in f.locations]


def rows(result: AuditResult) -> list[Row]:
    """Every finding in report order, numbered from 1."""
    lang = result.lang if result.lang in HEADERS else "id"
    titles = {t.id: t.title for t in result.document.tables if t.title}
    out: list[Row] = []
    for i, f in enumerate(result.findings, start=1):
        loc = f.locations[0] if f.locations else None
        values: dict[str, object] = {
            "no": i,
            "rule": f.rule,
            "severity": SEVERITY_WORDS[lang][f.severity],
            "page": page_cell(loc.page if loc else None, result.layout),
            "where": _where(loc, titles, lang, result.layout) if loc else "",
            "message": f.message,
            "printed": f.printed or "",
            "expected": f.expected or "",
            "response": "",
            "status": STATUSES[lang][0],
            "fingerprint": f.fingerprint,
        }
        out.append(Row(values=values, basis=_basis(f, lang, result.layout)))
    return out


def rule_counts(result: AuditResult) -> list[tuple[str, str, int]]:
    """(code, title, count) per rule that found something, most frequent first."""
    counts = Counter(f.rule for f in result.findings)
    titles = {f.rule: f.title for f in result.findings}
    return [(code, titles[code], n) for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
