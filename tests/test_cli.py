"""The `audit` command end to end: outputs, exit codes, options, bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main

BROKEN = """# Laporan Kinerja Uji

Tabel 3.1 Capaian Kinerja

INDIKATOR\tTARGET\tREALISASI\tCAPAIAN
Persentase SDM tersertifikasi\t20\t15,18\t75,90%
Persentase partisipasi masyarakat\t70\t90,03\t141,47%

Tabel 3.2 Realisasi Anggaran

PROGRAM\tANGGARAN\tREALISASI\t%
Program A\tRp. 1.000.000\tRp. 900.000\t90,00
Program B\tRp. 2.000.000\tRp. 1.800.001\t90,00
JUMLAH\tRp. 3.000.000\tRp. 2.700.000\t90,00
"""

CONSISTENT = BROKEN.replace("141,47%", "128,61%").replace("1.800.001", "1.800.000")


@pytest.fixture()
def broken(tmp_path: Path) -> Path:
    p = tmp_path / "broken.md"
    p.write_text(BROKEN, encoding="utf-8")
    return p


@pytest.fixture()
def consistent(tmp_path: Path) -> Path:
    p = tmp_path / "ok.md"
    p.write_text(CONSISTENT, encoding="utf-8")
    return p


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_version_and_help() -> None:
    assert run("--version").output.startswith("lakip-auditor, version ")
    out = run("--help").output
    assert "audit REPORT.pdf" in out and "explain" in out


def test_terminal_report_groups_and_summarises(broken: Path) -> None:
    res = run(broken)
    assert res.exit_code == 1
    assert "Tanpa halaman (ekspor teks)" in res.output
    assert "CAP001" in res.output and "SUM001" in res.output
    assert res.output.rstrip().splitlines()[-1] == "2 error, 0 warning, 0 info"


def test_terminal_report_prints_a_decimal_comma_before_three_digits(tmp_path: Path) -> None:
    # "0,016" looks like a thousands-grouped integer to the table printer
    p = tmp_path / "diff.md"
    p.write_text("Skor kabupaten 3,157 dan skor provinsi 3,141 sehingga kabupaten lebih unggul 0,13 poin.\n")
    res = run(p, "--select", "DOC001")
    assert res.exit_code == 1, res.output
    assert "0,016" in res.output


def test_consistent_report_exits_zero(consistent: Path) -> None:
    res = run(consistent)
    assert res.exit_code == 0, res.output
    assert "Tidak ada temuan." in res.output
    assert res.output.rstrip().endswith("0 error, 0 warning, 0 info")


def test_json_schema(broken: Path) -> None:
    res = run(broken, "--format", "json")
    data = json.loads(res.output)
    assert set(data["document"]) >= {"path", "pages", "sha256"}
    assert data["document"]["pages"] is None
    assert data["summary"] == {"error": 2, "warning": 0, "info": 0, "baselined": 0}
    f = data["findings"][0]
    assert set(f) >= {"rule", "severity", "message", "expected", "printed", "locations"}
    loc = f["locations"][0]
    assert set(loc) >= {"page", "line", "table", "row", "column", "text", "bbox"}
    assert (f["rule"], f["printed"], f["expected"]) == ("CAP001", "141,47%", "128,61")
    assert (loc["page"], loc["line"], loc["table"], loc["row"], loc["column"]) == (None, 7, "T1", 3, 4)
    assert loc["text"] == "141,47%"
    # the inputs of the recomputation are located too
    assert [x["text"] for x in f["locations"][1:]] == ["90,03", "70"]


def test_english_messages(broken: Path) -> None:
    data = json.loads(run(broken, "--format", "json", "--lang", "en").output)
    assert data["findings"][0]["message"].startswith("Achievement 141,47% does not follow")


def test_select_and_ignore(broken: Path) -> None:
    data = json.loads(run(broken, "--format", "json", "--select", "SUM").output)
    assert [f["rule"] for f in data["findings"]] == ["SUM001"]
    data = json.loads(run(broken, "--format", "json", "--ignore", "CAP001,SUM").output)
    assert data["findings"] == []
    res = run(broken, "--select", "XYZ")
    assert res.exit_code == 2 and "Unknown rule code" in res.output


def test_fail_on(broken: Path) -> None:
    assert run(broken, "--fail-on", "never").exit_code == 0
    assert run(broken, "--fail-on", "warning").exit_code == 1


def test_checklists(broken: Path, tmp_path: Path) -> None:
    md = run(broken, "--format", "markdown").output
    assert md.count("- [ ] ") == 2 and "Keputusan reviewer" in md
    out = tmp_path / "checklist.csv"
    assert run(broken, "--format", "csv", "-o", out).exit_code == 1
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert [r["Kode aturan"] for r in rows] == ["CAP001", "SUM001"]
    assert rows[1]["Nilai tercetak"] == "Rp. 2.700.000" and rows[1]["Nilai seharusnya"] == "2.700.001"
    assert rows[0]["Tanggapan"] == "" and rows[0]["Status"] == "Belum"


def test_baseline_accepts_known_findings(broken: Path, tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    assert run(broken, "--write-baseline", base).exit_code == 1
    res = run(broken, "--baseline", base, "--format", "json")
    assert res.exit_code == 0
    assert json.loads(res.output)["summary"]["baselined"] == 2
    # the baseline survives edits elsewhere: a new line shifts every line number
    shifted = tmp_path / "shifted.md"
    shifted.write_text("Kata pengantar baru.\n\n" + BROKEN, encoding="utf-8")
    assert run(shifted, "--baseline", base).exit_code == 0


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "neither a PDF nor"),
    ],
)
def test_bad_input_is_one_sentence_and_exit_2(tmp_path: Path, content: bytes, needle: str) -> None:
    p = tmp_path / "input.pdf"
    p.write_bytes(content)
    res = run(p)
    assert res.exit_code == 2
    assert needle in res.output
    assert "Traceback" not in res.output
    assert len(res.output.strip().splitlines()) == 1


def test_missing_file(tmp_path: Path) -> None:
    res = run(tmp_path / "nope.pdf")
    assert res.exit_code == 2 and "File not found" in res.output


def test_rules_and_explain() -> None:
    out = run("rules").output
    for code in ("CAP001", "ANG001", "COV001", "SUM001", "AVG001"):
        assert code in out
    res = run("explain", "cap001")
    assert res.exit_code == 0 and "realisasi / target * 100" in res.output
    assert run("explain", "NOPE01").exit_code == 2


def test_extra_rule_file_end_to_end(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        """column_roles:
  - role: nilai_akhir
    patterns: ['nilai akhir']
  - role: nilai_awal
    patterns: ['nilai awal']
  - role: selisih
    patterns: ['selisih']
rules:
  - code: SEL001
    name: selisih
    title: Selisih tidak sama dengan nilai akhir - nilai awal
    engine: row-formula
    severity: warning
    formula: 'selisih = nilai_akhir - nilai_awal'
    message:
      id: 'Selisih {printed} seharusnya {expected}.'
""",
        encoding="utf-8",
    )
    report = tmp_path / "r.md"
    report.write_text(
        "UNIT\tNILAI AWAL\tNILAI AKHIR\tSELISIH\nA\t10,5\t12,0\t1,5\nB\t3,0\t4,0\t2,0\n", encoding="utf-8"
    )
    res = run(report, "--rules", extra, "--format", "json", "--select", "SEL")
    data = json.loads(res.output)
    assert [(f["rule"], f["printed"], f["expected"], f["severity"]) for f in data["findings"]] == [
        ("SEL001", "2,0", "1,00", "warning")
    ]
    assert res.exit_code == 0  # warnings do not fail by default
    assert "SEL001" in run("rules", "--rules", extra).output


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (
            "rules:\n  - code: BAD1\n    engine: row-formula\n    severity: error\n    message: x\n",
            ":2: rule code 'BAD1'",
        ),
        (
            "rules:\n  - code: BAD001\n    engine: row-formula\n    severity: error\n    message: x\n    formula: 'a = b ** 2'\n",
            ":2: rule BAD001: operator not allowed",
        ),
        (
            "rules:\n  - code: BAD001\n    engine: magic\n    severity: error\n    message: x\n",
            "unknown engine 'magic'",
        ),
        ("rules: [\n", "invalid YAML"),
        ("column_roles:\n  - role: x\n    patterns: ['(']\n", ":2: invalid pattern"),
    ],
)
def test_bad_rule_file_names_file_and_line(tmp_path: Path, broken: Path, body: str, needle: str) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text(body, encoding="utf-8")
    res = run(broken, "--rules", extra)
    assert res.exit_code == 2
    assert "bad.yaml" in res.output and needle in res.output
    assert "Traceback" not in res.output


def test_tables_command_shows_roles_and_row_kinds(broken: Path) -> None:
    res = run("tables", broken, "--table", "T2")
    assert res.exit_code == 0
    assert "T2 (line 11, text): Tabel 3.2 Realisasi Anggaran" in res.output
    for word in ("anggaran", "realisasi", "pct", "total", "Rp. 2.700.000"):
        assert word in res.output
    assert "T1 " not in res.output


def test_tables_command_reads_with_extra_vocabulary(tmp_path: Path, broken: Path) -> None:
    """`audit tables --rules` shows the roles the audit with the same file uses."""
    extra = tmp_path / "roles.yaml"
    extra.write_text("column_roles:\n  - role: realisasi_anggaran\n    patterns: ['^realisasi$']\n", encoding="utf-8")
    plain = run("tables", broken, "--table", "T2")
    extended = run("tables", broken, "--table", "T2", "--rules", extra)
    assert extended.exit_code == 0
    assert "REALISASI  role=realisasi " in plain.output
    assert "REALISASI  role=realisasi_anggaran " in extended.output


def test_tables_command_reads_with_either_reader() -> None:
    """`audit tables --reader` inspects the reading the audit with the same
    option used; both readers give the shipped ruled example's tables alike."""
    pdf = Path(__file__).resolve().parents[1] / "fixtures" / "examples" / "consistent-report-ruled.pdf"
    dumps = {reader: run("tables", pdf, "--reader", reader) for reader in ("pdfium", "pdfplumber")}
    assert all(res.exit_code == 0 for res in dumps.values())
    assert "role=realisasi" in dumps["pdfium"].output
    assert dumps["pdfium"].output == dumps["pdfplumber"].output
    assert run("tables", pdf, "--reader", "poppler").exit_code == 2


def test_sarif_output(broken: Path) -> None:
    data = json.loads(run(broken, "--format", "sarif").output)
    run_ = data["runs"][0]
    assert data["version"] == "2.1.0"
    assert {r["id"] for r in run_["tool"]["driver"]["rules"]} >= {"CAP001", "SUM001"}
    res = run_["results"][0]
    assert (res["ruleId"], res["level"]) == ("CAP001", "error")
    assert res["locations"][0]["physicalLocation"]["region"] == {"snippet": {"text": "141,47%"}, "startLine": 7}
    assert res["partialFingerprints"]["lakipFingerprint/v1"]


def test_encrypted_and_truncated_pdfs_exit_2_with_one_sentence(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    locked = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(locked), encrypt="secret")
    c.drawString(72, 760, "Rahasia")
    c.save()
    whole = tmp_path / "whole.pdf"
    c = canvas.Canvas(str(whole))
    c.drawString(72, 760, "Laporan Kinerja 2022")
    c.save()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    for path in (locked, cut):
        res = run(path)
        assert res.exit_code == 2
        assert len(res.output.strip().splitlines()) == 1 and "Traceback" not in res.output
        assert res.output.startswith("audit: ")


def test_tables_images_draw_the_cells_read(tmp_path: Path, broken: Path) -> None:
    example = Path(__file__).resolve().parents[1] / "fixtures" / "examples" / "consistent-report-ruled.pdf"
    res = run("tables", example, "--page", "1", "--images", tmp_path / "img")
    assert res.exit_code == 0
    pngs = sorted((tmp_path / "img").glob("page-*.png"))
    assert pngs and pngs[0].name == "page-001.png"
    assert pngs[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    res = run("tables", broken, "--images", tmp_path / "img2")
    assert res.exit_code == 2 and "needs a PDF" in res.output
