"""Reviewer and CI outputs, parsed back from what each format wrote.

Real inputs: one text export and one PDF of the shared corpus, each audited
once in-process (auditing a PDF takes seconds) and rendered in every format.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from click.testing import CliRunner

from auditor.audit import audit_document, load_ruleset
from auditor.cli import main
from auditor.findings.result import AuditResult
from auditor.readers import read_document
from auditor.reporters import (
    BINARY_REPORTERS,
    REPORTERS,
    csv_report,
    github_report,
    junit_report,
    sarif_report,
    xlsx_report,
)
from auditor.reporters.labels import summary_line
from auditor.reporters.worksheet import page_cell
from tests.corpus_cache import audited_cached

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SCHEMA = ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json"


def audit(path: Path, lang: str = "id") -> AuditResult:
    """What ``audit PATH`` computes before any reporter runs."""
    ruleset = load_ruleset()
    rules = ruleset.selected([], [])
    doc = read_document(path)
    findings = audit_document(doc, ruleset, rules, lang)
    return AuditResult(document=doc, findings=findings, lang=lang, warnings=doc.warnings, rules=rules)


def audited(path: Path) -> AuditResult:
    """:func:`audit`, done once per document for the whole session (seconds per PDF)."""
    return audited_cached(path)


@pytest.fixture(scope="module")
def pdf_result(corpus_dir: Path) -> AuditResult:
    return audited(corpus_dir / "jombang-inspektorat-lkjip-2022.pdf")


@pytest.fixture(scope="module")
def text_result(corpus_dir: Path) -> AuditResult:
    return audited(corpus_dir / "kemensos-lakip-2018.md")


def render(reporter, result: AuditResult) -> str:
    buf = io.StringIO()
    reporter(result, buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    return jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


@pytest.mark.parametrize("which", ["pdf_result", "text_result"])
def test_sarif_is_valid_against_the_2_1_0_schema(which: str, request, sarif_validator) -> None:
    result: AuditResult = request.getfixturevalue(which)
    assert result.findings, "a real report with no finding would not exercise the locations"
    data = json.loads(render(sarif_report.report, result))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_validator.iter_errors(data)]
    assert errors == []


def test_sarif_pdf_locations_name_the_page_without_inventing_lines(pdf_result: AuditResult) -> None:
    data = json.loads(render(sarif_report.report, pdf_result))
    results = data["runs"][0]["results"]
    assert len(results) == len(pdf_result.findings)
    for res, f in zip(results, pdf_result.findings, strict=True):
        loc = res["locations"][0]
        assert "region" not in loc["physicalLocation"]
        assert loc["properties"]["page"] == f.locations[0].page
        assert loc["logicalLocations"][0]["name"].startswith(f"p{f.locations[0].page}")
        assert loc["message"]["text"].startswith("Halaman ")
    assert data["runs"][0]["artifacts"][0]["hashes"]["sha-256"] == pdf_result.document.sha256


def test_sarif_text_export_regions_have_lines(text_result: AuditResult) -> None:
    data = json.loads(render(sarif_report.report, text_result))
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in data["runs"][0]["results"]]
    assert lines == [f.locations[0].line for f in text_result.findings]
    assert all(isinstance(n, int) and n >= 1 for n in lines)


def test_the_schema_rejects_a_region_without_a_line(sarif_validator) -> None:
    # the bug this guards against: a PDF region that had only a snippet
    bad = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "x"}},
                "results": [
                    {
                        "message": {"text": "m"},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": "a.pdf"},
                                    "region": {"snippet": {"text": "1"}},
                                }
                            }
                        ],
                    }
                ],
            }
        ],
    }
    assert not sarif_validator.is_valid(bad)


# --- Kertas Kerja Reviu: xlsx and CSV -------------------------------------

KKR_ID = [
    "No", "Kode aturan", "Tingkat", "Halaman", "Lokasi", "Uraian temuan", "Nilai tercetak",
    "Nilai seharusnya", "Dasar perhitungan", "Tanggapan", "Status", "Sidik temuan",
]  # fmt: skip


def xlsx_book(result: AuditResult):
    buf = io.BytesIO()
    xlsx_report.report(result, buf)
    buf.seek(0)
    return openpyxl.load_workbook(buf)


def test_xlsx_working_paper_has_one_row_per_finding(pdf_result: AuditResult) -> None:
    book = xlsx_book(pdf_result)
    assert book.sheetnames == ["KKR", "Ringkasan"]
    sheet = book["KKR"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == KKR_ID
    assert len(rows) - 1 == len(pdf_result.findings)
    by_name = [dict(zip(KKR_ID, r, strict=True)) for r in rows[1:]]
    for row, f in zip(by_name, pdf_result.findings, strict=True):
        assert (row["Kode aturan"], row["Halaman"]) == (f.rule, page_cell(f.locations[0].page, pdf_result.layout))
        assert str(f.locations[0].page) in str(row["Halaman"])  # the PDF page is always there
        assert row["Uraian temuan"] == f.message and row["Status"] == "Belum"
        assert row["Tanggapan"] is None
        assert row["Dasar perhitungan"].count("\n") == len(f.locations) - 1
        assert (row["Nilai tercetak"] or "") == (f.printed or "")
    assert sheet.freeze_panes == "A2"
    assert sheet["F2"].alignment.wrap_text and sheet.column_dimensions["F"].width >= 40


def test_xlsx_status_is_a_drop_down(pdf_result: AuditResult) -> None:
    sheet = xlsx_book(pdf_result)["KKR"]
    (check,) = sheet.data_validations.dataValidation
    assert check.type == "list" and check.formula1 == '"Belum,Diterima,Ditolak"'
    assert f"K{len(pdf_result.findings) + 1}" in check.sqref
    assert "J2" not in check.sqref


def test_xlsx_summary_names_the_document_and_counts(pdf_result: AuditResult) -> None:
    values = list(xlsx_book(pdf_result)["Ringkasan"].iter_rows(values_only=True))
    info = {r[0]: r[1] for r in values if r[0]}
    assert info["Dokumen"] == pdf_result.document.path
    assert info["SHA-256"] == pdf_result.document.sha256
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", info["Tanggal audit"])
    assert info["Kesalahan"] == pdf_result.summary["error"]
    assert info["Peringatan"] == pdf_result.summary["warning"]
    per_rule = Counter(f.rule for f in pdf_result.findings)
    assert {code: info[code] for code in per_rule} == dict(per_rule)


def test_xlsx_in_english(pdf_result: AuditResult) -> None:
    english = AuditResult(document=pdf_result.document, findings=pdf_result.findings, lang="en", rules=pdf_result.rules)
    book = xlsx_book(english)
    assert book.sheetnames == ["Findings", "Summary"]
    header = [c.value for c in book["Findings"][1]]
    assert header[:3] == ["No", "Rule code", "Severity"] and header[10] == "Status"
    assert book["Findings"].data_validations.dataValidation[0].formula1 == '"Open,Accepted,Rejected"'


def test_csv_has_the_xlsx_columns_for_excel(text_result: AuditResult) -> None:
    data = render(csv_report.report, text_result)
    assert data.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(data.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == KKR_ID
    assert len(rows) - 1 == len(text_result.findings)
    xlsx_rows = list(xlsx_book(text_result)["KKR"].iter_rows(min_row=2, values_only=True))
    for row, xrow in zip(rows[1:], xlsx_rows, strict=True):
        assert row[:8] == ["" if v is None else str(v) for v in xrow[:8]]
        assert row[8].split(" | ") == xrow[8].split("\n")
    # one finding, one physical line: no line break inside a cell
    assert len(data.strip().splitlines()) == len(rows)


def test_cli_writes_xlsx_and_csv_files(tmp_path: Path, corpus_dir: Path) -> None:
    report = corpus_dir / "kemensos-lakip-2018.md"
    out = tmp_path / "kkr.xlsx"
    res = CliRunner().invoke(main, [str(report), "--format", "xlsx", "-o", str(out), "--lang", "en"])
    assert res.exit_code == 1, res.output
    assert openpyxl.load_workbook(out).sheetnames == ["Findings", "Summary"]
    out_csv = tmp_path / "kkr.csv"
    res = CliRunner().invoke(main, [str(report), "--format", "csv", "-o", str(out_csv)])
    assert res.exit_code == 1
    with out_csv.open(encoding="utf-8-sig", newline="") as fh:
        assert next(csv.reader(fh, delimiter=";")) == KKR_ID


# --- outputs that cannot be written ----------------------------------------


def test_output_into_a_missing_folder_is_a_usage_error(tmp_path: Path, corpus_dir: Path) -> None:
    report = corpus_dir / "kemensos-lakip-2018.md"
    for fmt in ("json", "xlsx"):
        res = CliRunner().invoke(main, [str(report), "--format", fmt, "-o", str(tmp_path / "no" / f"k.{fmt}")])
        assert res.exit_code == 2, res.output
        assert res.output.startswith("audit: Folder untuk berkas keluaran") and len(res.output.splitlines()) == 1
    assert not (tmp_path / "no").exists()


def test_xlsx_needs_an_output_file(corpus_dir: Path) -> None:
    res = CliRunner().invoke(main, [str(corpus_dir / "kemensos-lakip-2018.md"), "--format", "xlsx", "--lang", "en"])
    assert res.exit_code == 2 and "-o" in res.output and len(res.output.splitlines()) == 1


def test_output_the_system_refuses_is_a_usage_error(tmp_path: Path, corpus_dir: Path) -> None:
    # a path under a regular file: the folder "exists" as a name but is no folder
    blocker = tmp_path / "file"
    blocker.write_text("x")
    res = CliRunner().invoke(main, [str(corpus_dir / "kemensos-lakip-2018.md"), "-o", str(blocker / "out.txt")])
    assert res.exit_code == 2, res.output
    assert res.output.startswith("audit: ") and "Traceback" not in res.output


def _count(fmt: str, text: str) -> int:
    """How many findings ``text`` (one output of ``fmt``) holds, read back."""
    if fmt == "json":
        return len(json.loads(text)["findings"])
    return len(json.loads(text)["runs"][0]["results"])


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_an_ascii_terminal_gets_every_finding_not_a_crash(fmt: str, text_result: AuditResult) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    code = "from auditor.cli import main; main()"
    args = [sys.executable, "-c", code, text_result.document.path, "--format", fmt]
    proc = subprocess.run(args, capture_output=True, env=env, cwd=ROOT, timeout=300, check=False)
    assert proc.returncode == 1, proc.stderr.decode("utf-8", "replace")
    text = proc.stdout.decode("ascii")  # every byte is ASCII, or this raises
    if fmt != "text":
        assert _count(fmt, text) == len(text_result.findings)
        # the escapes read back as the characters: nothing was lost
        assert json.loads(text) == json.loads(render(REPORTERS[fmt], text_result))
    else:
        assert text.rstrip().splitlines()[-1].startswith(f"{text_result.summary['error']} error")


# --- CI formats: JUnit XML and GitHub annotations ---------------------------


def test_junit_has_one_case_per_rule_and_failures_carry_the_findings(pdf_result: AuditResult) -> None:
    root = ET.fromstring(render(junit_report.report, pdf_result).encode("utf-8"))
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    codes = [c.get("name", "").split()[0] for c in cases]
    assert sorted(codes) == sorted({r.code for r in pdf_result.rules} | {f.rule for f in pdf_result.findings})
    per_rule = Counter(f.rule for f in pdf_result.findings)
    failed = {c.get("name", "").split()[0]: c.find("failure") for c in cases if c.find("failure") is not None}
    assert set(failed) == set(per_rule)
    assert int(suite.get("failures", "")) == len(per_rule) and int(suite.get("tests", "")) == len(cases)
    for code, failure in failed.items():
        assert failure.get("message") == f"{per_rule[code]} temuan"
        lines = (failure.text or "").splitlines()
        assert len(lines) == per_rule[code]
        messages = [f.message for f in pdf_result.findings if f.rule == code]
        assert all(m in line for m, line in zip(messages, lines, strict=True))
    assert suite.get("name") == pdf_result.document.path


def test_junit_for_a_clean_document_has_no_failure(text_result: AuditResult) -> None:
    clean = AuditResult(document=text_result.document, findings=[], rules=text_result.rules)
    root = ET.fromstring(render(junit_report.report, clean))
    assert root.get("failures") == "0" and root.findall(".//failure") == []
    assert len(root.findall(".//testcase")) == len(text_result.rules)


ANNOTATION = re.compile(r"^::(error|warning|notice) (file=[^,:]+(?:,line=\d+)?,title=[A-Z]+\d+)::(.+)$")


@pytest.mark.parametrize("which", ["pdf_result", "text_result"])
def test_github_annotations_one_line_per_finding(which: str, request) -> None:
    result: AuditResult = request.getfixturevalue(which)
    lines = render(github_report.report, result).splitlines()
    assert len(lines) == len(result.findings)
    for line, f in zip(lines, result.findings, strict=True):
        m = ANNOTATION.match(line)
        assert m, line
        props = dict(p.split("=", 1) for p in m.group(2).split(","))
        assert props["title"] == f.rule
        assert m.group(1) == {"error": "error", "warning": "warning", "info": "notice"}[f.severity]
        assert props.get("line") == (str(f.locations[0].line) if f.locations[0].line is not None else None)
        message = m.group(3).replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
        assert f.message in message


def test_github_escapes_what_would_end_a_property() -> None:
    assert github_report.escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert github_report.escape_data("50% selesai\nbaris 2") == "50%25 selesai%0Abaris 2"


# --- --statistics, and every format on every real document ------------------


def test_statistics_counts_per_rule_on_stderr(text_result: AuditResult) -> None:
    res = CliRunner().invoke(main, [text_result.document.path, "--format", "json", "--statistics"])
    assert res.exit_code == 1
    assert len(json.loads(res.stdout)["findings"]) == len(text_result.findings)  # stdout stays JSON
    lines = res.stderr.strip().splitlines()
    assert lines[0] == "Jumlah temuan per aturan:"
    counted = {m.group(2): int(m.group(1)) for m in (re.match(r"\s+(\d+)\s+(\S+)\s", x) for x in lines[1:-1]) if m}
    assert counted == dict(Counter(f.rule for f in text_result.findings))
    assert lines[-1].startswith(f"{text_result.summary['error']} error")


def _read_back(fmt: str, result: AuditResult, validator: jsonschema.Draft4Validator) -> int:
    """Render ``result`` as ``fmt`` and parse it back: the number of findings it holds."""
    if fmt == "xlsx":
        return xlsx_book(result)["KKR"].max_row - 1
    text = render(REPORTERS[fmt], result)
    if fmt == "json":
        return len(json.loads(text)["findings"])
    if fmt == "sarif":
        data = json.loads(text)
        assert validator.is_valid(data), next(iter(validator.iter_errors(data))).message
        return len(data["runs"][0]["results"])
    if fmt == "csv":
        return len(list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))) - 1
    if fmt == "junit":
        return sum(len((f.text or "").splitlines()) for f in ET.fromstring(text).iter("failure"))
    if fmt == "github":
        assert all(ANNOTATION.match(line) for line in text.splitlines())
        return len(text.splitlines())
    if fmt == "markdown":
        return text.count("\n- [ ] ")
    if fmt == "html":
        return text.count("<article class='finding ")
    assert text.rstrip().splitlines()[-1] == summary_line(result.summary)
    return len(result.findings)


CORPUS_DOCS = [*sorted(p.name for p in CORPUS.glob("*.pdf")), "kemensos-lakip-2018.md"]


@pytest.mark.parametrize("name", CORPUS_DOCS)
def test_every_format_renders_every_corpus_document(name: str, corpus_dir: Path, sarif_validator) -> None:
    result = audited(corpus_dir / name)
    for fmt in [*REPORTERS, *BINARY_REPORTERS]:
        assert _read_back(fmt, result, sarif_validator) == len(result.findings), fmt
