"""Lower-is-better capaian: the expected value follows the report's own
formula (the indicator's other copies, a formula the text states, the
table's or the report's other rows), and the message names it."""

from __future__ import annotations

from pathlib import Path

from auditor.audit import audit_document, load_ruleset
from auditor.findings.records import Finding
from auditor.readers.text_export import read_text_export

RULES = load_ruleset()
HEADER = "No | Indikator | Target | Realisasi | Capaian (%)"


def _table(title: str, rows: list[str]) -> str:
    body = "\n".join("\t".join(c.strip() for c in r.split("|")) for r in [HEADER, *rows])
    return f"{title}\n\n{body}\n\n"


def _audit(text: str, tmp_path: Path, codes: tuple[str, ...] = ("CAP001",)) -> list[Finding]:
    doc = read_text_export(tmp_path / "r.md", text, "0")
    return audit_document(doc, RULES, RULES.selected(list(codes), None), "en")


# target / realisasi x 100 on two rows; the inflasi row fits no formula
T_OVER_R = [
    "1 | Tingkat pengangguran terbuka | 5,40 | 6,33 | 85,31",
    "2 | Persentase penduduk miskin | 8,04 | 8,49 | 94,70",
    "3 | Tingkat inflasi | 2,85 | 1,71 | 225,00",
    "4 | Indeks kepuasan masyarakat | 80,00 | 84,00 | 105,00",
]


def test_the_tables_other_rows_give_the_formula(tmp_path: Path) -> None:
    (f,) = _audit(_table("Tabel 1", T_OVER_R), tmp_path)
    assert (f.printed, f.expected) == ("225,00", "166,67")
    assert "target / realisasi x 100" in f.message
    assert "other rows of this table: 2" in f.message
    assert "2,85 / 1,71" in f.message


def test_a_formula_stated_in_the_text_wins_over_the_tables_rows(tmp_path: Path) -> None:
    text = (
        "Untuk indikator yang semakin rendah semakin baik, capaian dihitung dengan rumus "
        "(2 x target - realisasi) / target x 100.\n\n" + _table("Tabel 1", T_OVER_R)
    )
    (f,) = _audit(text, tmp_path)
    assert (f.printed, f.expected) == ("225,00", "140,00")
    assert "(2 x target - realisasi) / target x 100" in f.message
    assert "the formula the report states" in f.message


def test_the_indicators_other_copies_win(tmp_path: Path) -> None:
    copy = _table("Tabel 2", ["1 | Tingkat inflasi | 2,85 | 1,71 | 140,00"])
    (f,) = _audit(_table("Tabel 1", T_OVER_R) + copy, tmp_path)
    assert (f.printed, f.expected) == ("225,00", "140,00")
    assert "other copies of this indicator: 1" in f.message


def test_without_a_practice_the_message_is_the_plain_one(tmp_path: Path) -> None:
    (f,) = _audit(_table("Tabel 1", ["1 | Tingkat inflasi | 2,85 | 1,71 | 225,00"]), tmp_path)
    assert (f.printed, f.expected) == ("225,00", "60,00")
    assert f.message.startswith("Achievement 225,00 does not follow: realisation / target x 100")


def test_a_higher_is_better_row_keeps_realisasi_over_target(tmp_path: Path) -> None:
    rows = [*T_OVER_R[:2], "3 | Indeks kepuasan masyarakat | 80,00 | 84,00 | 110,00"]
    (f,) = _audit(_table("Tabel 1", rows), tmp_path)
    assert (f.printed, f.expected) == ("110,00", "105,00")


def test_cap004_names_the_reports_formula(tmp_path: Path) -> None:
    # kemiskinan printed as realisasi / target; the table's other rows use target / realisasi
    rows = [
        *T_OVER_R[:1],
        "2 | Persentase penduduk miskin | 8,04 | 8,49 | 105,60",
        "3 | Tingkat inflasi | 2,85 | 1,71 | 166,67",
    ]
    (f,) = _audit(_table("Tabel 1", rows), tmp_path, ("CAP004",))
    assert (f.printed, f.expected) == ("105,60", "94,70")
    assert "target / realisasi x 100 = 94,70" in f.message
    assert "other rows of this table: 2" in f.message


def test_two_lower_formulas_in_one_table_is_one_warning(tmp_path: Path) -> None:
    rows = [
        "1 | Tingkat pengangguran terbuka | 5,40 | 6,33 | 85,31",
        "2 | Persentase penduduk miskin | 8,04 | 8,49 | 94,70",
        "3 | Tingkat inflasi | 2,85 | 1,71 | 140,00",
    ]
    (f,) = _audit(_table("Tabel 1", rows), tmp_path, ("CAP006", "CAP005", "CAP001"))
    assert (f.rule, f.severity, f.printed) == ("CAP006", "warning", "140,00")
    assert '(2 x target - realisasi) / target x 100 for "Tingkat inflasi"' in f.message
    assert '"Tingkat pengangguran terbuka", "Persentase penduduk miskin"' in f.message
    assert len(f.locations) == 3
    # one formula throughout: nothing to say
    one = [*rows[:2], "3 | Tingkat inflasi | 2,85 | 1,71 | 166,67"]
    assert _audit(_table("Tabel 1", one), tmp_path, ("CAP006", "CAP005", "CAP001")) == []


TPST = "1 | Jumlah sampah per TPST | 18 | 25 | {capaian}"
DECLARED = "Untuk indikator jumlah sampah per TPST berlaku semakin rendah realisasi semakin baik.\n\n"


def test_a_polarity_declared_in_the_text_is_the_indicators(tmp_path: Path) -> None:
    table = _table("Tabel 1", [TPST.format(capaian="61,11")])
    # (2 x 18 - 25) / 18 = 61,11: a lower-is-better formula on an indicator
    # whose name says nothing: CAP002 asks, unless the text declares it
    assert [f.rule for f in _audit(table, tmp_path, ("CAP002",))] == ["CAP002"]
    assert _audit(DECLARED + table, tmp_path, ("CAP002", "CAP001")) == []
    # declared lower, printed as realisasi / target: CAP004
    wrong = _table("Tabel 1", [TPST.format(capaian="138,89")])
    assert _audit(wrong, tmp_path, ("CAP004",)) == []
    (f,) = _audit(DECLARED + wrong, tmp_path, ("CAP004",))
    assert (f.printed, f.expected) == ("138,89", "61,11")
