"""The Kertas Kerja Reviu as an Excel workbook (``--format xlsx -o kkr.xlsx``).

Sheet one is the working paper a reviewer fills in: a frozen header row, an
autofilter, wrapped text and a drop-down on Status so that every decision is
one of three words a later script can count. Sheet two ("Ringkasan") says
which file was audited (path and SHA-256, so the paper cannot be mistaken
for one about another version) and how many findings each rule made.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from auditor import __version__
from auditor.findings.result import AuditResult
from auditor.reporters import worksheet
from auditor.reporters.worksheet import COLUMNS, STATUSES

WIDTHS = {
    "no": 5, "rule": 11, "severity": 12, "page": 14, "where": 38, "message": 60,
    "printed": 18, "expected": 18, "basis": 60, "response": 40, "status": 11, "fingerprint": 18,
}  # fmt: skip

SUMMARY = {
    "id": {
        "sheet": "Ringkasan", "title": "Kertas Kerja Reviu", "document": "Dokumen", "sha": "SHA-256",
        "date": "Tanggal audit", "tool": "Alat", "severity": "Tingkat", "count": "Jumlah",
        "rule": "Kode aturan", "rule_title": "Judul aturan", "baselined": "Diterima oleh baseline",
        "total": "Jumlah temuan",
    },
    "en": {
        "sheet": "Summary", "title": "Review working paper", "document": "Document", "sha": "SHA-256",
        "date": "Audit date", "tool": "Tool", "severity": "Severity", "count": "Count",
        "rule": "Rule code", "rule_title": "Rule title", "baselined": "Accepted by the baseline",
        "total": "Findings",
    },
}  # fmt: skip

SHEET_NAME = {"id": "KKR", "en": "Findings"}
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")


def report(result: AuditResult, out: BinaryIO) -> None:
    lang = result.lang if result.lang in SUMMARY else "id"
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_NAME[lang]
    _findings_sheet(sheet, result, lang)
    _summary_sheet(book.create_sheet(SUMMARY[lang]["sheet"]), result, lang)
    book.save(out)


def _findings_sheet(sheet: Worksheet, result: AuditResult, lang: str) -> None:
    sheet.append(worksheet.headers(lang))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
    for row in worksheet.rows(result):
        values = {**row.values, "basis": "\n".join(row.basis)}
        sheet.append([values[c] for c in COLUMNS])
    for r in sheet.iter_rows(min_row=2):
        for cell in r:
            cell.alignment = WRAP
    for i, col in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = WIDTHS[col]
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{max(sheet.max_row, 1)}"
    _status_dropdown(sheet, lang, max(sheet.max_row, 2))


def _status_dropdown(sheet: Worksheet, lang: str, last_row: int) -> None:
    """A list validation on the Status column, rows without findings included,
    so that a reviewer who adds a row by hand gets the same three choices."""
    letter = get_column_letter(COLUMNS.index("status") + 1)
    choices = ",".join(STATUSES[lang])
    check = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True, showDropDown=False)
    check.error = {"id": "Pilih salah satu: ", "en": "Choose one of: "}[lang] + choices
    check.showErrorMessage = True
    sheet.add_data_validation(check)
    check.add(f"{letter}2:{letter}{last_row + 200}")


def _summary_sheet(sheet: Worksheet, result: AuditResult, lang: str) -> None:
    words = SUMMARY[lang]
    doc = result.document
    sheet.append([words["title"]])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([words["document"], doc.path])
    sheet.append([words["sha"], doc.sha256])
    sheet.append([words["date"], datetime.now(timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")])
    sheet.append([words["tool"], f"lakip-auditor {__version__}"])
    sheet.append([words["total"], len(result.findings)])
    sheet.append([words["baselined"], result.baselined])
    sheet.append([])
    _bold_row(sheet, [words["severity"], words["count"]])
    for severity, n in result.summary.items():
        sheet.append([worksheet.SEVERITY_WORDS[lang][severity], n])
    sheet.append([])
    _bold_row(sheet, [words["rule"], words["count"], words["rule_title"]])
    for code, title, n in worksheet.rule_counts(result):
        sheet.append([code, n, title])
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 70
    sheet.column_dimensions["C"].width = 70


def _bold_row(sheet: Worksheet, values: list[str]) -> None:
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
