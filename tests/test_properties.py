"""Properties of the table rules, over tables drawn by hypothesis.

(a) A table computed consistently and printed with correct rounding (round
    half up at the printed decimals) gives no finding, whatever its figures
    and decimals: rounding alone never raises an alarm.
(b) One changed digit in a checked cell, when no rounding of the printed
    figures can explain it any more, gives a finding that names that cell.

Tables are built with the generator's own printing (fixtures/generate_report.py:
exact rationals, Indonesian formats) and carry the relations they satisfy,
so (b) knows which changes must be caught.
"""

from __future__ import annotations

import sys
from fractions import Fraction
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from auditor.audit import audit_document, load_ruleset
from auditor.checks.registry import TABLE_ENGINES
from auditor.findings.records import Finding
from auditor.readers.text_export import read_text_export

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

from generate_report import (
    HIGHER_FORMULA,
    LOWER_FORMULAS,
    Fmt,
    GeneratedReport,
    Num,
    ReportBuilder,
    TableSpec,
    change_digit,
    figure_span,
    relation_holds,
    with_figure,
)

RULESET = load_ruleset()
TABLE_RULES = [r for r in RULESET.rules if r.engine in TABLE_ENGINES]

CONSISTENT = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MUTATED = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)


def report_of(spec: TableSpec) -> GeneratedReport:
    b = ReportBuilder()
    b.table(spec)
    return b.report(0)


def audit(text: str) -> list[Finding]:
    doc = read_text_export(Path("prop.md"), text, "0")
    findings = audit_document(doc, RULESET, TABLE_RULES)
    assert not doc.warnings, doc.warnings
    return findings


def show(findings: list[Finding]) -> str:
    return "; ".join(f"{f.rule} r{f.locations[0].row} c{f.locations[0].column}: {f.message}" for f in findings)


def hidden(draw: st.DrawFn, lo: int, hi: int, printed_decimals: int, extra: int) -> Fraction:
    """A true value in [lo, hi] with ``extra`` more decimals than printed;
    integers printed without decimals are exact (counts, rupiah)."""
    places = printed_decimals + extra if printed_decimals else 0
    q = 10**places
    return Fraction(draw(st.integers(lo * q, hi * q)), q)


# -- tables -------------------------------------------------------------------------


@st.composite
def capaian_tables(draw: st.DrawFn) -> TableSpec:
    """INDIKATOR | TARGET | REALISASI | CAPAIAN, 0-3 decimals each, capaian from
    the true (unrounded) realisasi; some indicators lower-is-better. A row's
    target and realisasi are one quantity: two counts, or two measures."""
    cap_header = draw(st.sampled_from(["CAPAIAN", "% CAPAIAN", "CAPAIAN (%)", "%"]))
    spec = TableSpec("Tabel uji", [["INDIKATOR KINERJA", "TARGET", "REALISASI", cap_header]])
    cap_fmt = Fmt(draw(st.integers(0, 3)), suffix=draw(st.sampled_from(["", "%", " %"])), ratio=True)
    for i in range(draw(st.integers(1, 6))):
        lower = draw(st.booleans())
        if draw(st.booleans()):  # counts: exact integers, grouped from 1.000 on
            td = rd = 0
            t, r = hidden(draw, 1, 10**6, 0, 0), hidden(draw, 1, 10**6, 0, 0)
        else:  # measures (percentages, indices, levels) below 1.000
            td, rd = draw(st.integers(0, 3)), draw(st.integers(0, 3))
            t, r = hidden(draw, 1, 999, td, 0), hidden(draw, 1, 999, rd, 2)
        if lower:
            assume(r < 2 * t)
            value = (2 * t - r) / t * 100
            name = f"Angka kemiskinan wilayah {i + 1}"
        else:
            value = r / t * 100
            name = f"Indikator kinerja {i + 1}"
        target, real = Num(t, Fmt(td)), Num(r, Fmt(rd))
        assume(target.printed > 0 and real.printed > 0)
        row = spec.add([name, target, real, Num(value, cap_fmt)])
        formulas = LOWER_FORMULAS if lower else (HIGHER_FORMULA,)
        spec.formula("CAP001", (row, 3), {"realisasi": (row, 2), "target": (row, 1)}, *formulas)
    return spec


@st.composite
def budget_tables(draw: st.DrawFn) -> TableSpec:
    """ANGGARAN | REALISASI | % with a TOTAL row (sums, and the % of the sums)."""
    a_head, r_head = draw(st.sampled_from([("ANGGARAN", "REALISASI"), ("PAGU (Rp)", "REALISASI (Rp)")]))
    p_head = draw(st.sampled_from(["%", "PERSENTASE", "% REALISASI", "(%)"]))
    spec = TableSpec("Tabel uji", [["PROGRAM", a_head, r_head, p_head]])
    money = Fmt(prefix=draw(st.sampled_from(["", "Rp. ", "Rp "])))
    pct = Fmt(draw(st.integers(0, 2)), suffix=draw(st.sampled_from(["", "%"])), ratio=True)
    rows, ta, tr = [], Fraction(0), Fraction(0)
    for i in range(draw(st.integers(1, 8))):
        a = Fraction(draw(st.integers(1, 10**12)))
        r = Fraction(draw(st.integers(1, int(a))))
        row = spec.add([f"Program {i + 1}", Num(a, money), Num(r, money), Num(r / a * 100, pct)])
        spec.formula("ANG001", (row, 3), {"realisasi": (row, 2), "anggaran": (row, 1)}, "realisasi / anggaran * 100")
        rows.append(row)
        ta, tr = ta + a, tr + r
    row = spec.add(["TOTAL", Num(ta, money), Num(tr, money), Num(tr / ta * 100, pct)], bold=draw(st.booleans()))
    spec.formula("ANG001", (row, 3), {"realisasi": (row, 2), "anggaran": (row, 1)}, "realisasi / anggaran * 100")
    for c in (1, 2):
        spec.aggregate("SUM001", (row, c), [(p, c) for p in rows], "sum")
    return spec


@st.composite
def sum_tables(draw: st.DrawFn) -> TableSpec:
    """Many parts with 0-2 decimals and a JUMLAH row."""
    d = draw(st.integers(0, 2))
    # headers naming an additive quantity, and others (SUM001 then also accepts the mean)
    header, how = draw(
        st.sampled_from(
            [("LUAS (Ha)", "sum|mean"), ("JUMLAH (ORANG)", "sum|mean"), ("BOBOT", "sum"), ("REALISASI", "sum")]
        )
    )
    spec = TableSpec("Tabel uji", [["NO", "URAIAN", header]])
    rows, total = [], Fraction(0)
    for i in range(draw(st.integers(2, 30))):
        v = hidden(draw, 0, 100000, d, 2)
        rows.append(spec.add([str(i + 1), f"Uraian {i + 1}", Num(v, Fmt(d))]))
        total += v
    label = draw(st.sampled_from(["JUMLAH", "TOTAL", "Jumlah"]))
    row = spec.add(["", label, Num(total, Fmt(d))], bold=draw(st.booleans()))
    spec.aggregate("SUM001", (row, 2), [(p, 2) for p in rows], how)
    return spec


@st.composite
def average_tables(draw: st.DrawFn) -> TableSpec:
    """Scores with 0-3 decimals and a RATA-RATA row with its own decimals."""
    d, avg_d = draw(st.integers(0, 3)), draw(st.integers(0, 3))
    spec = TableSpec("Tabel uji", [["NO", "UNIT", "NILAI"]])
    rows, values = [], []
    for i in range(draw(st.integers(2, 12))):
        v = hidden(draw, 0, 100, d, 2)
        rows.append(spec.add([str(i + 1), f"Unit layanan {i + 1}", Num(v, Fmt(d))]))
        values.append(v)
    label = draw(st.sampled_from(["RATA-RATA", "Rata-rata", "Nilai rata-rata", "RERATA"]))
    row = spec.add(["", label, Num(sum(values, Fraction(0)) / len(values), Fmt(avg_d))], bold=draw(st.booleans()))
    spec.aggregate("AVG001", (row, 2), [(p, 2) for p in rows], "mean")
    return spec


TABLES = {
    "capaian": capaian_tables(),
    "budget": budget_tables(),
    "sum": sum_tables(),
    "average": average_tables(),
}


# -- (a) consistent tables give no finding ------------------------------------------


def _no_finding(spec: TableSpec) -> None:
    report = report_of(spec)
    texts = report.texts()
    assert all(relation_holds(r, texts) for r in report.relations), "the strategy drew an inconsistent table"
    findings = audit(report.text)
    assert not findings, f"{show(findings)}\n{report.text}"


@CONSISTENT
@given(capaian_tables())
def test_consistent_capaian_table_gives_no_finding(spec: TableSpec) -> None:
    _no_finding(spec)


@CONSISTENT
@given(budget_tables())
def test_consistent_budget_table_gives_no_finding(spec: TableSpec) -> None:
    _no_finding(spec)


@CONSISTENT
@given(sum_tables())
def test_consistent_sum_gives_no_finding(spec: TableSpec) -> None:
    _no_finding(spec)


@CONSISTENT
@given(average_tables())
def test_consistent_average_gives_no_finding(spec: TableSpec) -> None:
    _no_finding(spec)


# -- (b) a changed digit beyond rounding is found, at its cell -----------------------


def _changed_digit_is_found(data: st.DataObject, kind: str) -> None:
    spec = data.draw(TABLES[kind], label="table")
    report = report_of(spec)
    cell = data.draw(st.sampled_from(report.checked()), label="cell")
    span = figure_span(cell.text)
    assert span is not None
    figure = change_digit(
        cell.text[span[0] : span[1]],
        data.draw(st.integers(0, 40), label="position"),
        data.draw(st.sampled_from("0123456789"), label="digit"),
    )
    assume(figure is not None)
    new_text = with_figure(cell.text, figure)
    texts = report.texts()
    texts[cell.key] = new_text
    broken = [report.relations[i].rule for i in cell.relations if relation_holds(report.relations[i], texts) is False]
    assume(broken)  # a change that some rounding still explains cannot be called wrong
    findings = audit(report.with_cell(cell, new_text))
    named = [f.rule for f in findings if any(loc.row == cell.row and loc.column == cell.column for loc in f.locations)]
    assert named, (
        f"{cell.text!r} -> {new_text!r} at r{cell.row} c{cell.column} breaks {broken} but no finding names it: "
        f"{show(findings)}\n{report.with_cell(cell, new_text)}"
    )


@MUTATED
@given(st.data())
def test_changed_digit_in_capaian_table_is_found(data: st.DataObject) -> None:
    _changed_digit_is_found(data, "capaian")


@MUTATED
@given(st.data())
def test_changed_digit_in_budget_table_is_found(data: st.DataObject) -> None:
    _changed_digit_is_found(data, "budget")


@MUTATED
@given(st.data())
def test_changed_digit_in_sum_is_found(data: st.DataObject) -> None:
    _changed_digit_is_found(data, "sum")


@MUTATED
@given(st.data())
def test_changed_digit_in_average_is_found(data: st.DataObject) -> None:
    _changed_digit_is_found(data, "average")
