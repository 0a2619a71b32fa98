"""What the cells of a row look like, apart from what they mean: whether a
figure cell prints a value (a number, a dash, or a qualitative value such as
``Level 3`` or ``WTP``), whether a column holds names, and where a row's name
starts on the page (its indent).

A heading row names a group and leaves the figure columns empty (or spans
across them); a row that prints anything of its own in a figure column is
data, whatever the value says. These tests only look at the printed text and
boxes, so they hold for any publisher's tables; the status words a value
may be (``Baik``, ``Tercapai``) come from the vocabulary (``status_words``).
"""

from __future__ import annotations

import re

from auditor.meaning.numbers import is_nil, parse_number
from auditor.meaning.vocabulary import RoleVocabulary
from auditor.model import Cell

_MAX_VALUE_CHARS = 24
_MAX_VALUE_WORDS = 4
_MAX_VALUE_WORD = 8
"""A value's words are short (Level, Nilai, Opini); a heading split over
columns by a borderless layout shows long ones (Meningkatnya, Pengawasan)."""
_ACRONYM = re.compile(r"[A-Z]{1,4}[+-]?")
"""A grade or opinion printed as letters: WTP, BB, A, AA, B+."""
_NUMBER_TOKEN = re.compile(r"\d[\d.,]*")
_PARENTHESES = re.compile(r"\([^()]*\)")
_OUTLINE_NUMBER = re.compile(r"[\dIVXivx]{1,4}[.)]?|[a-zA-Z][.)]")
INDENT_POINTS = 3.0
"""How much further right a row's name must start to count as indented."""


def is_value_text(text: str, vocab: RoleVocabulary) -> bool:
    """Whether a figure cell's text is a value: a number, a nil mark, a
    status word (``Baik``, ``Tercapai``), or a short qualitative value with a
    digit or a grade in letters (``Level 3``, ``A (83)``, ``WTP``, ``BB``),
    not a piece of running text."""
    t = " ".join(text.split())
    if not t:
        return False
    if is_nil(t) or parse_number(t) is not None or vocab.is_status(t):
        return True
    words = t.split()
    if len(t) > _MAX_VALUE_CHARS or len(words) > _MAX_VALUE_WORDS:
        return False
    if any(len(w) > _MAX_VALUE_WORD for w in words):
        return False
    if len(_NUMBER_TOKEN.findall(_PARENTHESES.sub(" ", t))) > 1:
        return False  # several figures run together ("98.81 % 91.30 %"): no one value
    return any(ch.isdigit() for ch in t) or any(_ACRONYM.fullmatch(w) for w in words)


def prints_value(row: list[Cell], figure_columns: frozenset[int], vocab: RoleVocabulary) -> bool:
    """Whether the row prints a value of its own in a figure column (span
    copies belong to the row they come from)."""
    return any(
        c in figure_columns and not cell.is_span_copy and is_value_text(cell.text, vocab) for c, cell in enumerate(row)
    )


def is_name_text(text: str, vocab: RoleVocabulary) -> bool:
    """A cell naming something: words, not a figure, a dash, an outline number
    or a status word (a column of ``Baik`` / ``Cukup`` holds values)."""
    t = text.strip()
    if not t or is_nil(t) or parse_number(t) is not None or _OUTLINE_NUMBER.fullmatch(t) or vocab.is_status(t):
        return False
    return sum(ch.isalpha() for ch in t) >= 3


def mostly_names(cells: list[Cell], vocab: RoleVocabulary) -> bool:
    """A column of names: at least two own cells, and at least two thirds of
    its own printed cells are names."""
    own = [c.text for c in cells if c.text.strip() and not c.is_span_copy]
    names = sum(is_name_text(t, vocab) for t in own)
    return names >= 2 and names * 3 >= len(own) * 2


def mostly_outline_numbers(cells: list[Cell]) -> bool:
    """A column that numbers the rows (1., 2., a), II) without saying so in
    its header: all but one of its own cells are outline numbers."""
    own = [c.text.strip() for c in cells if c.text.strip() and not c.is_span_copy]
    return len(own) >= 2 and sum(bool(_OUTLINE_NUMBER.fullmatch(t)) for t in own) >= len(own) - 1


def name_start(row: list[Cell], label_columns: list[int]) -> float | None:
    """The left edge of the row's own name: the box of its first own text
    cell among the label columns; None without boxes."""
    for c in label_columns:
        cell = row[c]
        if cell.text.strip() and not cell.is_span_copy:
            return cell.bbox[0] if cell.bbox is not None else None
    return None


def ends_vertical_span(row: list[Cell], above: list[Cell]) -> bool:
    """A lone text under a header cell that spans down (its slot above is a
    copy of the same column's cell higher up): the header cell stopped
    spanning here, so this text starts the body; a sub-header sits under a
    group header that spans across, not under one that spans down."""
    own = [c for c, cell in enumerate(row) if cell.text.strip() and not cell.is_span_copy]
    if len(own) != 1:
        return False
    top = above[own[0]]
    return top.is_span_copy and top.span_origin is not None and top.span_origin[1] == own[0]
