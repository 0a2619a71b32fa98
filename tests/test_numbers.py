from __future__ import annotations

from fractions import Fraction

import pytest

from auditor.meaning.numbers import dot_style, format_number, is_nil, parse_number


@pytest.mark.parametrize(
    ("text", "value", "decimals", "percent"),
    [
        ("1.234.567", "1234567", 0, False),
        ("0,80", "0.80", 2, False),
        ("0.8", "0.8", 1, False),
        ("20%", "20", 0, True),
        ("20 %", "20", 0, True),
        ("Rp. 338.089.886.000", "338089886000", 0, False),
        ("Rp43.393.136.929.000,-", "43393136929000", 0, False),
        ("1,291%", "1.291", 3, True),
        ("141,47%", "141.47", 2, True),
        ("-12,5", "-12.5", 1, False),
        ("1,234,567.50", "1234567.50", 2, False),
        ("90.30", "90.30", 2, False),
    ],
)
def test_printed_forms(text: str, value: str, decimals: int, percent: bool) -> None:
    n = parse_number(text)
    assert n is not None
    assert n.value == Fraction(value)
    assert n.decimals == decimals
    assert n.percent is percent
    assert n.text == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Level 3 (3,35)", "3.35"),
        ("Nilai A (83)", "83"),
        ("A (81,59)", "81.59"),
        ("Level 3\n(3,157)", "3.157"),
        ("(3,157)", "3.157"),
    ],
)
def test_qualitative_cells_carry_their_measured_value(text: str, value: str) -> None:
    n = parse_number(text)
    assert n is not None and n.qualitative and n.value == Fraction(value)


@pytest.mark.parametrize("text", ["", "Level 3", "80 WTP", "WTP", "Sangat Tinggi", "1. Program", "n/a"])
def test_non_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_nil_cells() -> None:
    assert is_nil("-") and is_nil("N/A") and not is_nil("") and not is_nil("0")


def test_ambiguous_dot_follows_the_column_convention() -> None:
    assert parse_number("1.000").value == 1000
    assert parse_number("1.000", dot_decimal=True).value == 1
    assert parse_number("1,291", dot_decimal=True).value == 1291
    assert dot_style("1.58") is True and dot_style("1,58") is False
    assert dot_style("1.000") is None and dot_style("12") is None


def test_interval_follows_printed_precision() -> None:
    n = parse_number("76,42")
    iv = n.interval()
    assert iv.lo == Fraction("76.415") and iv.hi == Fraction("76.425")
    assert parse_number("20%").interval().hi == Fraction("20.5")
    # counts and rupiah printed with thousands separators are exact
    assert parse_number("37.092.747").interval().lo == 37092747
    assert parse_number("74").interval(exact_integers=True).hi == 74


def test_format_number_rounds_half_up_in_the_report_style() -> None:
    assert format_number(Fraction("260.625"), 2) == "260,63"
    assert format_number(Fraction(41234132871044), 0) == "41.234.132.871.044"
    assert format_number(Fraction("1.5"), 2, ".") == "1.50"
    assert format_number(Fraction("-3.157"), 3) == "-3,157"


def test_malformed_amounts_and_their_readings() -> None:
    """Valid in neither convention: refused by the parser, with readings."""
    from auditor.meaning.numbers import malformed_readings

    assert malformed_readings("2.807.870.000.00") == ["2.807.870.000,00", "280.787.000.000"]
    assert malformed_readings("133.825.00,00") == ["13.382.500,00", "1.338.250.000"]
    assert malformed_readings("9.871.1466.000") == ["98.711.466.000"]
    for bad in ("2.807.870.000.00", "133.825.00,00", "650.290.147.50", "9.871.1466.000"):
        assert parse_number(bad) is None and parse_number(bad, True) is None
    valid = ("97.86", "19.76", "1.087", "0.612", "1,234.00", "Rp43.393.136.929.000,-", "(3,157)", "1,291%")
    # several figures in one cell are not one malformed figure
    not_amounts = ("3.10.6", "1.1.2", "31.12.2015", "2.0.1", "1.2.3.4", "70,00 127 370.000", "77 90,4 100,10 5.5")
    for text in valid + not_amounts:
        assert malformed_readings(text) is None, text


def test_a_malformed_amount_is_reported_once_and_used_nowhere(tmp_path) -> None:
    """The total and the ratio beside 2.807.870.000.00 cannot be checked: the
    only finding is NUM001 (a sum that left the cell out would be false)."""
    from auditor.audit import audit_document, load_ruleset
    from auditor.readers.text_export import read_text_export

    text = (
        "Tabel uji\n\nKEGIATAN\tANGGARAN\tREALISASI\t%\nRapat\t100.000,00\t90.000,00\t90,00\n"
        "Jasa\t2.807.870.000,00\t2.807.870.000.00\t100,00\nJUMLAH\t2.807.970.000,00\t2.807.960.000,00\t100,00\n"
    )
    rules = load_ruleset()
    doc = read_text_export(tmp_path / "r.md", text, "0")
    found = audit_document(doc, rules, rules.rules)
    assert [(f.rule, f.printed) for f in found] == [("NUM001", "2.807.870.000.00")]


def test_a_figure_parsed_again_is_the_cached_number_of_its_convention() -> None:
    """parse_number is cached per (text, convention): the rules parse the
    same cells many times, and "1.000" must still differ by convention."""
    from auditor.meaning.numbers import parse_number

    parse_number.cache_clear()
    first = parse_number("1.000")
    assert parse_number("1.000") is first
    assert parse_number.cache_info().hits == 1
    dotted = parse_number("1.000", True)
    assert dotted is not None and first is not None
    assert (first.value, first.decimals) == (1000, 0)
    assert (dotted.value, dotted.decimals) == (1, 3)
