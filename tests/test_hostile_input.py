"""Hostile and broken input ends in exit 0, 1 or 2 with one sentence, fast.

Rule files that are wrong in type, nesting, size or encoding; files that
are not what their name says; and a CI-sized fuzz batch over the corpus
(the long batch is ``python -m tests.fuzz``, see README).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main
from tests.fuzz.mutate import build_cases, make_seeds
from tests.fuzz.runner import run_case, summary

GOOD = """\
column_roles:
  - role: selisih
    patterns: ['beda capaian']
rules:
  - code: SEL001
    engine: row-formula
    severity: warning
    formula: 'selisih = nilai_akhir - nilai_awal'
    message: 'Selisih {printed}.'
"""


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def _laughs(levels: int) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(lines) + f"\nrules: *a{levels - 1}\n"


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (GOOD.replace("['beda capaian']", "5"), ":2: 'patterns' must be a list"),
        (GOOD.replace("rules:\n", "rules: 3\nx:\n"), "unknown key(s) x"),
        ("rules: 3\n", ":1: 'rules' must be a list"),
        ("column_roles: {role: x}\n", ":1: 'column_roles' must be a list"),
        (GOOD.replace("    patterns:", "    colour: red\n    patterns:"), "column role: unknown key(s) colour"),
        ("row_roles:\n  total: 5\n", ":2: row role 'total' must map to a list"),
        (GOOD.replace("warning", "x" * 20000), ":7: a value longer than"),
        ("rules: " + "[" * 5000 + "]" * 5000 + "\n", ":1: nested more than 40 levels"),
        (_laughs(9), "expands to more than"),
    ],
)
def test_bad_rule_file_is_one_sentence_with_file_and_line(tmp_path: Path, body: str, needle: str) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text(body, encoding="utf-8")
    for args in (("rules", "--rules", extra), ("explain", "CAP001", "--rules", extra)):
        start = time.monotonic()
        res = run(*args)
        assert time.monotonic() - start < 10
        assert res.exit_code == 2, res.output
        assert needle in res.output and "bad.yaml" in res.output
        assert len(res.output.strip().splitlines()) == 1 and "Traceback" not in res.output


def test_rule_file_not_utf8_names_the_line(tmp_path: Path) -> None:
    extra = tmp_path / "latin.yaml"
    extra.write_bytes(GOOD.replace("beda capaian", "beda capaián").encode("latin-1"))
    res = run("rules", "--rules", extra)
    assert res.exit_code == 2
    assert "latin.yaml:3: not UTF-8 text" in res.output


def test_rule_file_with_a_control_character_is_one_sentence_with_the_line(tmp_path: Path) -> None:
    """PyYAML's reader error spans two lines; the message must not."""
    extra = tmp_path / "escape.yaml"
    extra.write_text(GOOD.replace("beda capaian", "beda cap\x1bian"), encoding="utf-8")
    res = run("rules", "--rules", extra)
    assert res.exit_code == 2
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and "escape.yaml:3: invalid YAML: character #x001b is not allowed." in lines[0]


def test_good_rule_file_with_a_small_alias_still_loads(tmp_path: Path) -> None:
    extra = tmp_path / "ok.yaml"
    body = GOOD.replace("['beda capaian']", "&p ['beda capaian']")
    body = body.replace("rules:\n", "  - role: selisih_lain\n    patterns: *p\nrules:\n")
    extra.write_text(body, "utf-8")
    res = run("rules", "--rules", extra)
    assert res.exit_code == 0, res.output
    assert "SEL001" in res.output


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"Ini bukan laporan, hanya catatan.\nBaris kedua.\n", "no table, heading or figure was recognised"),
        (b"", "is empty"),
    ],
)
def test_a_file_that_is_not_a_report_exits_2(tmp_path: Path, content: bytes, needle: str) -> None:
    for name in ("laporan.pdf", "laporan.txt"):
        p = tmp_path / name
        p.write_bytes(content)
        res = run(p)
        assert res.exit_code == 2 and needle in res.output
        assert len(res.output.strip().splitlines()) == 1


def test_more_pages_than_max_pages_exits_2(corpus_dir: Path) -> None:
    res = run(corpus_dir / "jombang-inspektorat-rkt-2020.pdf", "--max-pages", "2")
    assert res.exit_code == 2 and "more than 2 pages" in res.output


def test_fuzz_batch_ends_in_0_1_or_2(tmp_path: Path, corpus_dir: Path) -> None:
    """30 cases, every mutation kind at least twice, none may exit 3 or hang."""
    seeds = make_seeds(corpus_dir, tmp_path / "seeds", pages="1-2")
    report = Path(__file__).resolve().parents[1] / "fixtures" / "examples" / "broken-report-ruled.pdf"
    cases = build_cases(seeds, report, tmp_path / "cases", 30, run_seed=7)
    outcomes = [run_case(c, timeout=60, extra=("--page-timeout", "2")) for c in cases]
    assert not [o for o in outcomes if o.problem], summary(outcomes)
