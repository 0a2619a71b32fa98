"""Truncation as a habit (NUM002): several figures cut off instead of
rounded become one warning naming every place; one stays its rule's own."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from auditor.audit import audit_document, load_ruleset
from auditor.checks.truncation_habit import gather_truncations
from auditor.findings.records import Finding
from auditor.readers.text_export import read_text_export
from tests.corpus_cache import audited_cached

RULESET = load_ruleset()
RULES = [RULESET.get(c) for c in ("NUM002", "COV001", "NAR001")]

# 2.483 / 34.587 x 100 = 7,1790 (printed 7,17); 2 / 3 = 66,666 (printed 66,66);
# 3.000 / 4.000 = 75 printed 80,00 is a plain error
TABLE = "POPULASI LKS\tREALISASI\t%\n34.587\t2.483\t{a}\n3.000\t2.000\t66,67\n4.000\t3.000\t80,00\n"
SENTENCE = "\nDari 3 orang pendamping, 2 orang atau {b}% telah tersertifikasi.\n"


def _audit(tmp_path: Path, text: str, lang: str = "id") -> list[Finding]:
    doc = read_text_export(tmp_path / "case.md", text, "0")
    return audit_document(doc, RULESET, [r for r in RULES if r is not None], lang)


def test_two_truncated_figures_become_one_warning_naming_both(tmp_path: Path) -> None:
    found = _audit(tmp_path, TABLE.format(a="7,17") + SENTENCE.format(b="66,66"))
    habit = [f for f in found if f.rule == "NUM002"]
    assert len(habit) == 1
    (h,) = habit
    assert h.severity == "warning"
    assert "7,17 (dibulatkan 7,18, T1 baris 2 [COV001])" in h.message
    assert "66,66% (dibulatkan 66,67, baris teks 6 [NAR001])" in h.message
    assert [loc.text for loc in h.locations] == ["7,17", "66,66%"]
    # the per-figure warnings are gone; the real error stays
    assert [(f.rule, f.severity, f.printed) for f in found if f.rule != "NUM002"] == [("COV001", "error", "80,00")]


def test_the_english_message_names_the_places_too(tmp_path: Path) -> None:
    found = _audit(tmp_path, TABLE.format(a="7,17") + SENTENCE.format(b="66,66"), "en")
    (h,) = [f for f in found if f.rule == "NUM002"]
    assert h.message.startswith("2 computed figures in this report fit only if the result was truncated")
    assert "7,17 (rounded 7,18, T1 row 2 [COV001])" in h.message


def test_one_truncated_figure_stays_its_own_rules_warning(tmp_path: Path) -> None:
    found = _audit(tmp_path, TABLE.format(a="7,17") + SENTENCE.format(b="66,67"))
    assert not [f for f in found if f.rule == "NUM002"]
    cut = [f for f in found if f.severity == "warning"]
    assert [(f.rule, f.printed, f.expected) for f in cut] == [("COV001", "7,17", "7,18")]


def test_without_the_habit_rule_every_figure_is_warned(tmp_path: Path) -> None:
    doc = read_text_export(tmp_path / "case.md", TABLE.format(a="7,17") + SENTENCE.format(b="66,66"), "0")
    rules = [r for r in RULES[1:] if r is not None]
    found = audit_document(doc, RULESET, rules)
    assert sorted(f.printed or "" for f in found if f.severity == "warning") == ["66,66%", "7,17"]


def test_a_truncation_turned_into_a_note_is_not_gathered(tmp_path: Path) -> None:
    # a figure another check explained (severity info) is no longer a cut-off figure
    doc = read_text_export(tmp_path / "case.md", TABLE.format(a="7,17") + SENTENCE.format(b="66,66"), "0")
    plain = audit_document(doc, RULESET, [r for r in RULES[1:] if r is not None])
    assert len([f for f in plain if f.habit == "truncated"]) == 2
    notes = [replace(f, severity="info") if f.habit else f for f in plain]
    assert gather_truncations(notes, [r for r in RULES if r is not None], "id") == notes
    # while as warnings they are gathered into one
    assert [f.rule for f in gather_truncations(plain, [r for r in RULES if r is not None], "id")].count("NUM002") == 1


def test_sumut_single_truncated_capaian_stays_a_cap001_warning(corpus_dir: Path) -> None:
    # one capaian in the report fits only if cut off: no habit to report
    found = audited_cached(corpus_dir / "sumut-lkjip-2021.pdf").findings
    assert not [f for f in found if f.rule == "NUM002"]
    cut = [f for f in found if f.habit == "truncated"]
    assert [(f.rule, f.severity) for f in cut] == [("CAP001", "warning")]
