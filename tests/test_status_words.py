"""Status words are vocabulary (``status_words`` in rules/vocabulary.yaml):
a malformed list is refused with its file and line, and a word added by an
extra rule file changes how a table's cells are read."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.audit import load_ruleset
from auditor.errors import RuleFileError
from auditor.meaning.semantics import TableView
from tests.test_table_semantics import RULES, grid


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ("status_words: terpenuhi\n", ":1: 'status_words' must be a list of patterns"),
        ("status_words:\n  level: [baik]\n", ":2: 'status_words' must be a list of patterns"),
        ("# own words\nstatus_words:\n  - 'terpenuhi'\n  - '('\n", ":3: invalid pattern '('"),
        ("status_words:\n  - 3\n", ":2: pattern 3 must be a string"),
        ("status_words:\n  - terpenuhi\n  - {word: lulus}\n", ":3: pattern {"),
    ],
)
def test_a_malformed_status_list_names_file_and_line(tmp_path: Path, body: str, needle: str) -> None:
    extra = tmp_path / "status.yaml"
    extra.write_text(body, encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_ruleset([extra])
    assert str(extra) in str(err.value) and needle in str(err.value)


def achievements(word: str) -> list[list[str]]:
    """Indicators judged by one word each, no figure printed anywhere."""
    return [
        ["Uraian", "Capaian"],
        ["Ketersediaan dokumen perencanaan", word],
        ["Kelengkapan data kinerja", word],
        ["Ketepatan waktu pelaporan", word],
    ]


def kinds(spec: list[list[str]], ruleset_extra: list[Path] | None = None) -> list[str]:
    vocab = load_ruleset(ruleset_extra).vocabulary if ruleset_extra else RULES.vocabulary
    return [r.kind for r in TableView(grid(spec), vocab).rows]


def test_a_shipped_status_word_is_a_rows_value() -> None:
    assert kinds(achievements("Tercapai")) == ["header", "body", "body", "body"]


def test_an_added_status_word_makes_its_rows_print_a_value(tmp_path: Path) -> None:
    """Without the word, "Terpenuhi" reads as a name and every row as a group
    heading printing nothing; with it, each row prints its result."""
    extra = tmp_path / "own-words.yaml"
    extra.write_text("status_words:\n  - '(?:belum\\s+)?terpenuhi'\n", encoding="utf-8")
    assert kinds(achievements("Terpenuhi")) == ["header", "group", "group", "group"]
    assert kinds(achievements("Terpenuhi"), [extra]) == ["header", "body", "body", "body"]
    assert load_ruleset([extra]).vocabulary.is_status("(Belum Terpenuhi).")
    assert not RULES.vocabulary.is_status("Terpenuhi")
