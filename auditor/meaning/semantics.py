"""Table semantics: which rows are headers, totals and averages, which
columns hold targets, realisations, budgets and percentages, and the numbers
in each cell parsed with the column's own decimal convention.

Everything here is derived from the words the report prints (through the
vocabulary in ``rules/``), never from positions known for one file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

from auditor.meaning.intervals import interval_sum
from auditor.meaning.leafgrid import regrid_by_header_leaves
from auditor.meaning.numbers import Number, dot_style, is_nil, parse_number
from auditor.meaning.rowshape import (
    INDENT_POINTS,
    ends_vertical_span,
    is_name_text,
    mostly_names,
    mostly_outline_numbers,
    name_start,
    prints_value,
)
from auditor.meaning.vocabulary import RoleVocabulary
from auditor.model import Cell, Table, numbers_columns

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
MAX_HEADER_ROWS = 4
_AMOUNT_IN_TEXT = re.compile(r"\b\d{1,3}(\.\d{3}){2,}\b.*\b\d{1,3}(\.\d{3}){2,}\b")
_OUTLINE = [
    re.compile(r"[A-H][.)]?|(?:I|II|III|IV|V|VI|VII|VIII|IX|X)[.)]"),
    re.compile(r"\d{1,3}[.)]?"),
    re.compile(r"[a-h][.)]"),
    re.compile(r"\d{1,2}\.\d{1,2}[.)]?"),
]

# An outline number with its dot or parenthesis, opening a group title row.
_OUTLINE_TITLE = re.compile(r"(?:[A-Ha-h]|I|II|III|IV|V|VI|VII|VIII|IX|X|\d{1,3})[.)]")

# Columns whose values add up in a total row (amounts and counts).
ADDITIVE_ROLES = {"anggaran", "realisasi", "realisasi_anggaran", "populasi", "total", "weight", None}
RATIO_ROLES = {"capaian", "pct", "ratio_other", "efficiency", "realisasi_kinerja"}
# Rows that describe the columns, not data: the header and the row that
# numbers the columns.
HEADING_KINDS = ("header", "numbering")
# Text columns that never name a row: its number, its unit of measure.
NON_LABEL_ROLES = {"number", "unit"}
# Roles a header leaf's own word gives over the group header above it.
LEAF_ROLES = {"unit"}
# Columns that never hold a row's figures.
NON_FIGURE_ROLES = {"number", "label", "unit", "scale"}
# Columns whose printed numbers are no figures of the row: the bounds of a
# rating scale ("76 <= 90") are what a figure is judged against.
NON_NUMBER_ROLES = {"scale"}


@dataclass
class Column:
    index: int
    header: str
    role: str | None
    year: int | None
    dot_decimal: bool


@dataclass
class Row:
    index: int
    kind: str  # header | numbering | body | subtotal | total | average | summary | group | garbled | empty
    label: str
    closes: list[int] = field(default_factory=list)
    """For total / average / summary rows: the body rows they aggregate."""


def _row_text(row: list[Cell]) -> tuple[str, ...]:
    return tuple(" ".join(c.text.split()) for c in row)


def _is_year(text: str) -> bool:
    return bool(re.fullmatch(r"(19[5-9]\d|20\d\d)", text.strip()))


def merge_split_columns(table: Table) -> Table:
    """Join two neighbouring columns that never both print in one row and of
    which one has no header: a column of a borderless table split in two by
    alignment (wide "Level 3 (3,411)" cells beside right-aligned figures)."""
    rows = [list(r) for r in table.rows]
    c = 1
    while c < (len(rows[0]) if rows else 0):
        left = [r[c - 1] for r in rows]
        right = [r[c] for r in rows]
        clash = any(a.text.strip() and b.text.strip() for a, b in zip(left, right, strict=True))
        headless = not any(b.text.strip() for b in right[:1]) or not any(a.text.strip() for a in left[:1])
        if not clash and headless and any(b.text.strip() for b in right) and any(a.text.strip() for a in left):
            for r in rows:
                keep = r[c - 1] if r[c - 1].text.strip() else replace(r[c], col=c - 1)
                r[c - 1] = keep
                del r[c]
                for k in range(c, len(r)):
                    r[k] = replace(r[k], col=k)
            continue
        c += 1
    if rows and len(rows[0]) == table.ncols:
        return table
    return replace(table, rows=rows)


# a word hyphenated across lines of a narrow header cell: "Capai-an"
_HYPHEN_BREAK = re.compile(r"(?<=[a-z])-\s*(?=[a-z])", re.IGNORECASE)


def rejoined_role(vocab: RoleVocabulary, words: str, exclude: frozenset[str] = frozenset()) -> str | None:
    """The role of a header whose word a narrow column broke ("Targ et",
    "Realisa si", "Capai-an"): the hyphen dropped, or one short fragment
    joined to its neighbour, when that gives a single role."""
    text = _HYPHEN_BREAK.sub("", words)
    role = vocab.column_role(text, exclude)
    if role is not None:
        return role
    tokens = text.split()
    found = set()
    for i in range(len(tokens) - 1):
        if min(len(tokens[i]), len(tokens[i + 1])) > 4:
            continue  # two whole words, not a word and its broken-off end
        joined = " ".join([*tokens[:i], tokens[i] + tokens[i + 1], *tokens[i + 2 :]])
        role = vocab.column_role(joined, exclude)
        if role is not None:
            found.add(role)
    return found.pop() if len(found) == 1 else None


class TableView:
    """A table read with its semantics; built once per table, cached."""

    def __init__(self, table: Table, vocab: RoleVocabulary) -> None:
        self.table = merge_split_columns(table) if table.source == "text-aligned" else table
        self.vocab = vocab
        self.title_rows = self._count_title_rows()
        self.header_rows = self._count_header_rows()
        if self.table.source == "ruled":
            self.table = regrid_by_header_leaves(self.table, self.title_rows, self.header_rows)
        self.numbering_rows = self._column_number_rows()
        self.labels_by_content: frozenset[int] = frozenset()
        """Label columns known from their cells, not from a header word."""
        self.columns = self._columns()
        self._labels: dict[int, str] = {}
        """Row names already read (see :meth:`label`)."""
        self.hierarchy: str | None = None
        """Where parent rows come from: "numbering", "emphasis" or None."""
        self.rows = self._rows()

    def _body_rows(self) -> list[tuple[int, list[Cell]]]:
        """The rows under the header, without the column-number row."""
        return [
            (r, row) for r, row in enumerate(self.table.rows) if r >= self.header_rows and r not in self.numbering_rows
        ]

    # -- numbers --------------------------------------------------------
    @cached_property
    def _numbers(self) -> dict[tuple[int, int], Number]:
        out: dict[tuple[int, int], Number] = {}
        for r, row in enumerate(self.table.rows):
            if r < self.header_rows or r in self.numbering_rows:
                continue
            for c, cell in enumerate(row):
                if cell.is_span_copy:
                    continue
                if c < len(self.columns) and self.columns[c].role in NON_NUMBER_ROLES:
                    continue
                dot = self.columns[c].dot_decimal if c < len(self.columns) else None
                n = parse_number(cell.text, dot)
                if n is not None:
                    if c < len(self.columns) and self.columns[c].role in RATIO_ROLES:
                        n = replace(n, ratio=True)
                    out[(r, c)] = n
        return out

    def number(self, r: int, c: int) -> Number | None:
        return self._numbers.get((r, c))

    def cell(self, r: int, c: int) -> Cell:
        return self.table.rows[r][c]

    # -- headers --------------------------------------------------------
    def _row_has_data_number(self, row: list[Cell]) -> bool:
        """A row printing a figure (not its running number, not a year), or
        one status word beside a name (``Nilai SAKIP | Baik``): header rows
        name statuses side by side (``Sangat Baik | Baik | Cukup``)."""
        own = [c.text for c in row if c.text.strip() and not c.is_span_copy]
        statuses = sum(self.vocab.is_status(t) for t in own)
        if statuses == 1 and any(is_name_text(t, self.vocab) for t in own):
            return True
        first = True
        for cell in row:
            t = cell.text.strip()
            if not t:
                continue
            numbering = first and re.fullmatch(r"\d{1,3}\.?", t)
            first = False
            if _is_year(t) or numbering:
                continue
            if parse_number(t) is not None:
                return True
        return False

    def _is_group_row(self, row: list[Cell]) -> bool:
        texts = {c.text for c in row if c.text.strip()}
        return len(texts) == 1 and len(row) > 2 and sum(1 for c in row if c.text.strip()) > 1

    def _is_title_row(self, row: list[Cell]) -> bool:
        """One text over (nearly) the whole width: a caption printed inside
        the grid, either as one wide cell or as that text copied into every
        column of its span."""
        filled = [c for c in row if c.text.strip()]
        own = [c for c in filled if not c.is_span_copy]
        texts = {" ".join(c.text.split()) for c in filled}
        return len(row) > 2 and len(own) <= 1 and len(texts) == 1 and len(filled) >= len(row) - 1

    def _distinct_header_words(self, row: list[Cell]) -> bool:
        """A row of at least two different header words and no figures."""
        own = {" ".join(c.text.split()) for c in row if c.text.strip() and not c.is_span_copy}
        return len(own) >= 2 and not self._row_has_data_number(row) and self._looks_like_header(row)

    def _count_title_rows(self) -> int:
        """Leading caption rows above the real header row; the column roles
        come from the header words under them, never from the caption."""
        rows = self.table.rows
        n = 0
        while n < MAX_HEADER_ROWS - 1 and n + 1 < len(rows) and self._is_title_row(rows[n]):
            n += 1
        if n and n < len(rows) and self._distinct_header_words(rows[n]):
            return n
        return 0

    def _count_header_rows(self) -> int:
        return self.title_rows + self._count_plain_header_rows(self.table.rows[self.title_rows :])

    def _count_plain_header_rows(self, rows: list[list[Cell]]) -> int:
        n = 0
        for row in rows[:MAX_HEADER_ROWS]:
            if self._row_has_data_number(row) or (n > 0 and (self._is_group_row(row) or self._is_outline_title(row))):
                break
            if n > 0 and ends_vertical_span(row, rows[n - 1]):
                break  # a group name under a header cell that spans down
            if n > 0 and all(not c.text.strip() or c.is_span_copy for c in row):
                n += 1
                continue
            if n > 0 and not self._looks_like_header(row):
                break
            n += 1
        if n == len(rows):
            return min(1, n)
        return max(n, 1) if rows else 0

    def _column_number_rows(self) -> frozenset[int]:
        """The row under the header that numbers the columns (``1 | 2 | 3``,
        ``(1) | (2) | (3)=(2)/(1)``), and its repeats after page breaks.

        It holds consecutive column numbers from 1, one per column, in at
        least three columns and three quarters of the table's: a row of
        figures does not count up from 1 across the table.
        """
        rows = self.table.rows
        if self.header_rows >= len(rows) or not numbers_columns(rows[self.header_rows]):
            return frozenset()
        key = _row_text(rows[self.header_rows])
        return frozenset(r for r in range(self.header_rows, len(rows)) if _row_text(rows[r]) == key)

    def _is_outline_title(self, row: list[Cell]) -> bool:
        """A row opened by an outline number ("A.", "I.", "1.", "a)") is the
        first group title of the body, not a second header row."""
        own = [c.text.strip() for c in row if c.text.strip() and not c.is_span_copy]
        return bool(own) and bool(_OUTLINE_TITLE.fullmatch(own[0]))

    def _looks_like_header(self, row: list[Cell]) -> bool:
        """A second header row is short words or years, not long labels."""
        for cell in row:
            t = cell.text.strip()
            if cell.is_span_copy or not t:
                continue
            # a long cell is body text even when it mentions a role word
            # ("... perubahan nomenklatur ..."); header words are short
            if len(t) > 60 or (len(t) > 40 and self.vocab.column_role(t) is None):
                return False
        return True

    def _header_text(self, c: int) -> str:
        return " ".join(self._header_parts(c))

    def _header_parts(self, c: int) -> list[str]:
        """The header words over column ``c``, top (group) to bottom (leaf)."""
        parts: list[str] = []
        rows = self.table.rows[self.title_rows : self.header_rows]
        for r, row in enumerate(rows):
            text = row[c].text.strip()
            if not text and r + 1 < len(rows) and rows[r + 1][c].text.strip():
                text = self._group_label(row, rows[r + 1], c)
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        return parts

    def _group_label(self, row: list[Cell], below: list[Cell], c: int) -> str:
        """The group header over an empty upper cell.

        A spanning group header ("2018" over TARGET | REALISASI | %) is
        printed once: at the left of its span in a text export (a ruled
        table marks the span itself), centred over it in a borderless
        layout, where year labels go to the nearest column (ties to the
        left); other labels span rightwards.
        """
        left = next((k for k in range(c - 1, -1, -1) if row[k].text.strip()), None)
        right = next((k for k in range(c + 1, len(row)) if row[k].text.strip()), None)
        # a label with nothing under it spans down, not across
        left_is_group = left is not None and bool(below[left].text.strip())
        if (
            self.table.source == "text-aligned"
            and right is not None
            and _is_year(row[right].text)
            and (left is None or not left_is_group or (_is_year(row[left].text) and right - c < c - left))
        ):
            return row[right].text.strip()
        return row[left].text.strip() if left is not None else ""

    def _role(self, header: str, exclude: frozenset[str] = frozenset()) -> str | None:
        """Role from the header words; years only qualify a role."""
        words = " ".join(_YEAR.sub(" ", header).split())
        if not words:
            return None
        role = self.vocab.column_role(words, exclude)
        return role if role is not None else rejoined_role(self.vocab, words, exclude)

    def _leaf_role(self, c: int) -> str | None:
        """A role the leaf's own word gives whatever the group over it says:
        ``Satuan`` under ``Target`` holds units, not targets."""
        parts = self._header_parts(c)
        role = self._role(parts[-1]) if len(parts) > 1 else None
        return role if role in LEAF_ROLES else None

    def _columns(self) -> list[Column]:
        cols = []
        for c in range(self.table.ncols):
            header = self._header_text(c)
            years = _YEAR.findall(header)
            votes = [dot_style(row[c].text) for _, row in self._body_rows()]
            dot = any(v is True for v in votes) and not any(v is False for v in votes)
            cols.append(
                Column(
                    index=c,
                    header=header,
                    role=self._leaf_role(c) or self._role(header),
                    year=int(years[0]) if len(years) == 1 else None,
                    dot_decimal=dot,
                )
            )
        self._mark_label_column(cols)
        roles = {col.role for col in cols}
        if not roles & {"realisasi_anggaran", "anggaran"}:
            # "Capaian kinerja" is the performance side of an efficiency
            # comparison only beside a budget; elsewhere it is the capaian
            # ("realisasi kinerja": the realisasi) of a capaian table
            for col in cols:
                if col.role == "realisasi_kinerja":
                    col.role = self._role(col.header, frozenset({"realisasi_kinerja"}))
        return cols

    def _mark_label_column(self, cols: list[Column]) -> None:
        """The leftmost column of names (after the numbering column) names
        the rows, whatever its header says (``OPD``, ``Pelayanan DKP``,
        ``Kabupaten/Kota``): it is the label column when no other role
        claims it and no label column stands left of it."""
        body = self._body_rows()
        for col in cols:
            cells = [row[col.index] for _, row in body]
            if col.role == "number" or (col.role is None and mostly_outline_numbers(cells)):
                continue
            if col.role is None and mostly_names(cells, self.vocab):
                col.role = "label"
                self.labels_by_content = frozenset({col.index})
            return

    # -- rows -------------------------------------------------------------
    def label(self, r: int) -> str:
        """The row's name: the text cells before its first figure.

        Kept per row once the columns are known (their roles, which the
        label reads, are settled in ``_columns`` before any row is named):
        the rules ask for the same row's name again and again."""
        if r not in self._labels:
            self._labels[r] = self._label(r)
        return self._labels[r]

    def _label(self, r: int) -> str:
        parts: list[str] = []
        own = [c for c in self.table.rows[r] if c.text.strip() and not c.is_span_copy]
        for c, cell in enumerate(self.table.rows[r]):
            t = cell.text.strip()
            if cell.is_span_copy and own and parse_number(own[0].text) is None:
                continue  # the group label above; the row's own name is more specific
            role = self.columns[c].role
            if role in NON_LABEL_ROLES or (t and re.fullmatch(r"[\dIVXivx]{1,4}[.)]?|[a-zA-Z][.)]", t)):
                continue
            if not t or parse_number(t) is not None or is_nil(t):
                if parts:
                    break
                continue
            if (role in ("label", None) or not parts) and t not in parts:
                parts.append(t)
        if not parts:
            parts = [c.text.strip() for c in self.table.rows[r] if c.text.strip() and parse_number(c.text) is None][:1]
        return " | ".join(parts)

    def _closing_role(self, r: int) -> str | None:
        for cell in self.table.rows[r][:4]:
            if cell.is_span_copy:
                continue
            role = self.vocab.row_role(cell.text)
            if role:
                return role
        return None

    @cached_property
    def is_contents(self) -> bool:
        """A table of contents (or list of tables): page numbers, not figures."""
        texts = [c.text.lower() for row in self.table.rows[:4] for c in row]
        if any(t.startswith(("kata pengantar", "daftar isi", "daftar tabel", "daftar gambar")) for t in texts):
            return True
        rows = [" ".join(c.text for c in row) for row in self.table.rows if any(c.text for c in row)]
        return bool(rows) and sum(bool(re.search(r"\.{4,}|…{2,}", t)) for t in rows) * 2 >= len(rows)

    def _rows(self) -> list[Row]:
        if self.is_contents:
            return [Row(r, "header" if r < self.header_rows else "group", "") for r in range(len(self.table.rows))]
        rows: list[Row] = []
        pending: list[int] = []
        # closing rows of groups (a JUMLAH per bidang, a rata-rata per
        # sasaran) that a closing row of the whole table may aggregate
        group_closers: dict[str, list[int]] = {"total": [], "average": []}
        n = len(self.table.rows)
        for r in range(n):
            label = self.label(r) if r >= self.header_rows else ""
            if r < self.header_rows:
                rows.append(Row(r, "header", label))
                continue
            if r in self.numbering_rows:
                rows.append(Row(r, "numbering", ""))
                continue
            numbers = [
                c for c in range(self.table.ncols) if (r, c) in self._numbers and self.columns[c].role != "number"
            ]
            if self._is_garbled(r):
                rows.append(Row(r, "garbled", label))
                continue
            if self._repeats_header(r):
                rows.append(Row(r, "header", label))  # the header printed again after a page break
                continue
            role = self._closing_role(r)
            if role in ("total", "average"):
                closes = self._closes(r, role, pending, rows, group_closers)
                if role == "total":
                    closes = self._without_shared_figures(r, closes)
                rows.append(Row(r, role, label, closes=closes))
                pending = []
                continue
            if not numbers and not prints_value(self.table.rows[r], self._figure_columns, self.vocab):
                has_text = any(c.text.strip() and not c.is_span_copy for c in self.table.rows[r])
                if not (has_text and self._text_records):
                    rows.append(Row(r, "group" if has_text else "empty", label))
                    continue
            if self._is_summary_row(r, pending):
                prev_closing = rows[-1] if rows and rows[-1].kind in ("total", "average", "summary") else None
                closes = list(pending) if pending else (prev_closing.closes if prev_closing else [])
                rows.append(Row(r, "summary", label, closes=closes))
                pending = []
                continue
            rows.append(Row(r, "body", label))
            pending.append(r)
        self._mark_subtotals(rows)
        return rows

    @cached_property
    def _text_records(self) -> bool:
        """A table of words only (a Renstra's Tujuan | Sasaran | Kebijakan |
        Program): no column holds figures and no cell prints one. A group row
        is one that carries no figures where the other rows carry them; here
        no row does, so every row with text of its own is a record (numbered
        ``1.`` or not), not a group heading."""
        return not self._figure_columns and not any(
            self.columns[c].role != "number" and c != self.numbering_col for _, c in self._numbers
        )

    @cached_property
    def _figure_columns(self) -> frozenset[int]:
        """Columns that hold the rows' figures: those a figure role names,
        and unnamed ones whose cells are mostly not names."""
        out = set()
        for col in self.columns:
            if col.role in NON_FIGURE_ROLES or col.index == self.numbering_col:
                continue
            cells = [row[col.index] for _, row in self._body_rows()]
            if col.role is not None or not mostly_names(cells, self.vocab):
                out.add(col.index)
        return frozenset(out)

    @staticmethod
    def _closes(
        r: int, role: str, pending: list[int], rows: list[Row], group_closers: dict[str, list[int]]
    ) -> list[int]:
        """The rows a JUMLAH / RATA-RATA row aggregates: the rows since the
        previous closing row; with none, the group closers of its kind above
        it (JUMLAH TOTAL over each bidang's Jumlah, the overall rata-rata over
        each sasaran's rata-rata); or, right under another closing row (a
        RATA-RATA under a JUMLAH), the rows that one closes."""
        if pending:
            group_closers[role].append(r)
            return list(pending)
        if len(group_closers[role]) >= 2:
            closes, group_closers[role][:] = list(group_closers[role]), []
            return closes
        # blank rows between the two closing rows change nothing
        prev = next((p for p in reversed(rows) if p.kind != "empty"), None)
        if prev is not None and prev.kind in ("total", "average", "summary") and prev.closes:
            return list(prev.closes)
        return []

    def _without_shared_figures(self, r: int, closes: list[int]) -> list[int]:
        """The closed rows without those that print none of the total's
        figures themselves: where the total prints its own figures, such a row
        only repeats, in a cell spanning down to it, the figures of a row above
        (a programme's budget beside its second indicator), which the sum
        counts once."""
        total_cols = [
            c for c, cell in enumerate(self.table.rows[r]) if (r, c) in self._numbers and c in self._figure_columns
        ]
        if not total_cols:
            return closes

        def shares(k: int) -> bool:
            cells = [self.table.rows[k][c] for c in total_cols]
            return all(c.is_span_copy and c.span_origin is not None and c.span_origin[0] < k for c in cells)

        return [k for k in closes if not shares(k)]

    # -- hierarchy ----------------------------------------------------------
    def level(self, r: int) -> int | None:
        """Outline level from the row's numbering: A. > 1. > a. > 1.1 > none.

        Only the numbering column (or a first column used as one) counts: a
        roman numeral in a 'Golongan' column is a label, not an outline.
        """
        c = self.numbering_col
        if c is None:
            return None
        cell = self.table.rows[r][c]
        if cell.is_span_copy or not cell.text.strip():
            return 5
        t = cell.text.strip()
        for lvl, pat in enumerate(_OUTLINE, start=1):
            if pat.fullmatch(t):
                return lvl
        return 5

    @cached_property
    def numbering_col(self) -> int | None:
        for col in self.columns:
            if col.role == "number":
                return col.index
        body = [row[0] for _, row in self._body_rows()]
        own = [c.text.strip() for c in body if c.text.strip() and not c.is_span_copy]
        if own and sum(any(p.fullmatch(t) for p in _OUTLINE) for t in own) >= max(2, len(own) - 1):
            return 0
        return None

    def _mark_subtotals(self, rows: list[Row]) -> None:
        """A numbered row with figures followed by deeper rows with figures is
        a subtotal of them; totals then close only the rows no subtotal covers.
        Without numbering, parent rows may be set apart by bold type or
        capitals (see :meth:`_emphasis_children`)."""
        if self.numbering_col is None:
            children_of = self._emphasis_children(rows)
            self.hierarchy = "emphasis" if children_of else None
        else:
            children_of = self._numbered_children(rows)
            self.hierarchy = "numbering" if children_of else None
        covered = {k for kids in children_of.values() for k in kids}
        for row in rows:
            if row.index in children_of:
                row.kind = "subtotal"
                row.closes = children_of[row.index]
            elif row.kind in ("total", "average", "summary") and covered:
                row.closes = [k for k in row.closes if k not in covered]

    def _numbered_children(self, rows: list[Row]) -> dict[int, list[int]]:
        """Each numbered body row's rows of the next outline level under it."""
        children_of: dict[int, list[int]] = {}
        for i, row in enumerate(rows):
            if row.kind != "body":
                continue
            lvl, depth = self.level(row.index), self._label_depth(row.index)
            kids: list[int] = []
            for nxt in rows[i + 1 :]:
                if nxt.kind in ("group", "empty"):
                    continue
                if nxt.kind != "body" or self._shares_group_label(row.index, nxt.index):
                    break
                nl, nd = self.level(nxt.index), self._label_depth(nxt.index)
                deeper = depth is not None and nd is not None and nd > depth
                if (lvl is None or nl is None or nl <= lvl) and not deeper:
                    break
                kids.append(nxt.index)
            if kids:
                # the next level down: the next label column (Program >
                # Kegiatan, whatever the numbering says) or the next outline level
                key = self._label_depth if depth is not None else self.level
                top = min(key(k) or 0 for k in kids)
                children_of[row.index] = [k for k in kids if key(k) == top]
        return children_of

    def _emphasis_children(self, rows: list[Row]) -> dict[int, list[int]]:
        """Parent rows told apart by type alone: bold rows, rows in capitals
        or rows whose names start further left, each over the other rows, in
        a table whose other rows are not set apart so. Type says little by
        itself, so the hierarchy is taken only where the figures show it (see
        :meth:`_emphasis_confirmed`)."""
        body = [row.index for row in rows if row.kind == "body"]
        for marked in (self._is_bold_row, self._is_caps_row, self._is_outdented_row):
            flags = [marked(r) for r in body]
            if all(flags) or not any(flags) or not flags[0]:
                continue  # every row alike, or plain rows above the first parent
            children = self._children_under(marked, rows)
            if self._emphasis_confirmed(children):
                return children
        return {}

    def _children_under(self, marked: Callable[[int], bool], rows: list[Row]) -> dict[int, list[int]]:
        """Each marked body row's unmarked body rows up to the next marked
        or closing row."""
        children: dict[int, list[int]] = {}
        parent: int | None = None
        for row in rows:
            if row.kind in ("group", "empty"):
                continue
            if row.kind != "body":
                parent = None
            elif marked(row.index):
                parent = row.index
                children[parent] = []
            elif parent is not None:
                children[parent].append(row.index)
        return {p: kids for p, kids in children.items() if kids}

    def _emphasis_confirmed(self, children: dict[int, list[int]]) -> bool:
        """At least two parents equal the sum of their rows, and more parents
        add up than do not. Where every child is also indented under its
        parent, the layout says as much as the type: a parent of a single
        row counts too, and then no parent may fail to add up."""
        indented = bool(children) and all(self._indented(k, p) for p, kids in children.items() for k in kids)
        fits = [self._adds_up(p, kids) for p, kids in children.items() if len(kids) >= (1 if indented else 2)]
        if indented:
            return fits.count(True) >= 2 and False not in fits
        return fits.count(True) >= 2 and fits.count(True) > fits.count(False)

    @cached_property
    def _name_columns(self) -> list[int]:
        return [col.index for col in self.columns if col.role == "label"] or [0]

    def _name_start(self, r: int) -> float | None:
        return name_start(self.table.rows[r], self._name_columns)

    def _indented(self, child: int, parent: int) -> bool:
        """Whether the child's name starts clearly right of the parent's."""
        a, b = self._name_start(child), self._name_start(parent)
        return a is not None and b is not None and a >= b + INDENT_POINTS

    @cached_property
    def _name_start_range(self) -> tuple[float, float] | None:
        starts = [x for _, row in self._body_rows() if (x := name_start(row, self._name_columns)) is not None]
        return (min(starts), max(starts)) if starts else None

    def _is_outdented_row(self, r: int) -> bool:
        """A row whose name starts at the leftmost start of the body's names,
        in a table where some names start further right."""
        x, span = self._name_start(r), self._name_start_range
        return x is not None and span is not None and x < span[0] + INDENT_POINTS < span[1]

    def _is_bold_row(self, r: int) -> bool:
        """A row set in bold; a bold status word (``Baik``) is a value's
        emphasis, not a heading's."""
        return any(
            c.bold
            for c in self.table.rows[r]
            if c.text.strip() and not c.is_span_copy and not self.vocab.is_status(c.text)
        )

    def _is_caps_row(self, r: int) -> bool:
        letters = [ch for ch in self.label(r) if ch.isalpha()]
        return len(letters) >= 3 and all(ch.isupper() for ch in letters)

    def _adds_up(self, parent: int, kids: list[int]) -> bool | None:
        """Whether the parent's figures are the sums of its rows' in every
        column where all of them print a plain figure; None with no such column."""
        verdict: bool | None = None
        for col in self.columns:
            if col.role in NON_LABEL_ROLES or col.role in RATIO_ROLES or col.role in ("label", "target", "target_end"):
                continue
            total = self.number(parent, col.index)
            parts = [self.number(k, col.index) for k in kids]
            if total is None or total.percent or any(p is None or p.percent for p in parts):
                continue
            s = interval_sum([p.interval() for p in parts if p is not None])
            verdict = bool(s.overlaps(total.interval())) and verdict is not False
        return verdict

    def _label_depth(self, r: int) -> int | None:
        """Which of two or more label columns the row's own name is in
        (0 = the first: a Program row; 1 = the next: its Kegiatan rows), or
        None without such columns or own label."""
        label_cols = [col.index for col in self.columns if col.role == "label"]
        if len(label_cols) < 2:
            return None
        row = self.table.rows[r]
        return next((k for k, c in enumerate(label_cols) if row[c].text.strip() and not row[c].is_span_copy), None)

    def _shares_group_label(self, r: int, k: int) -> bool:
        """Row k continues row r's group (its label cells span from r): then r
        is the first row of a group, not a heading that sums what follows."""
        c_num = self.numbering_col
        parent = self.table.rows[r]
        label_cols = {col.index for col in self.columns if col.role == "label"}
        return any(
            (cell.is_span_copy and cell.span_origin is not None and cell.span_origin[0] == r)
            # a borderless layout prints the group label once, with no span:
            # a blank label cell under a filled one, beside a filled label
            # (the first row of the group fills the other label column too:
            # a Program row above its Kegiatan rows does not)
            or (
                c in label_cols
                and not cell.text.strip()
                and parent[c].text.strip()
                and any(self.table.rows[k][o].text.strip() and parent[o].text.strip() for o in label_cols if o != c)
            )
            for c, cell in enumerate(self.table.rows[k])
            if c != c_num
        )

    def _repeats_header(self, r: int) -> bool:
        texts = [" ".join(c.text.lower().split()) for c in self.table.rows[r]]
        return any(
            texts == [" ".join(c.text.lower().split()) for c in self.table.rows[h]] and any(texts)
            for h in range(self.header_rows)
        )

    @cached_property
    def is_fragment(self) -> bool:
        """The rest of a table from the previous page that was not joined to
        it: its closing rows would close only the rows printed here. Seen as
        columns that say nothing of what they hold, or as a numbered list
        that starts past 1."""
        headless = self.table.source != "text" and all(
            col.role in (None, "number") or col.index in self.labels_by_content for col in self.columns
        )
        return headless or self._numbering_starts_late()

    def _numbering_starts_late(self) -> bool:
        c = self.numbering_col
        if c is None:
            return False
        for _, row in self._body_rows():
            t = row[c].text.strip().rstrip(".)")
            if not t or row[c].is_span_copy:
                continue
            return t.isdigit() and int(t) > 1
        return False

    def _is_garbled(self, r: int) -> bool:
        """A text cell holding amounts ("Jumlah Rp. 15.017.635.000 Rp. 12.959...")
        is several cells run together by extraction: the row cannot be read."""
        for cell in self.table.rows[r]:
            t = cell.text
            if cell.is_span_copy or parse_number(t) is not None or is_nil(t):
                continue
            if _AMOUNT_IN_TEXT.search(t) and re.search(r"[A-Za-z]", t):
                return True
        return False

    @cached_property
    def _bold_columns(self) -> frozenset[int]:
        """Columns whose own text is bold in every body row (two at least)."""
        out = set()
        for c in range(self.table.ncols):
            own = [row[c] for _, row in self._body_rows() if row[c].text.strip() and not row[c].is_span_copy]
            if len(own) >= 2 and all(cell.bold for cell in own):
                out.add(c)
        return frozenset(out)

    def _is_summary_row(self, r: int, pending: list[int]) -> bool:
        """A bold closing row at the end of the table, not itself labelled."""
        row = self.table.rows[r]
        # a bold mark ("X" for not achieved) is no bold closing row, nor a
        # column set bold in every row (the sasaran beside its indicators)
        if not any(
            c.bold
            and k not in self._bold_columns
            and re.search(r"\d|[^\W\d_]{2}", c.text)
            and not self.vocab.is_status(c.text)
            for k, c in enumerate(row)
        ):
            return False
        if self.numbering_col is not None and (self.level(r) or 5) < 5:
            return False  # "3. Jabatan Fungsional Umum": a numbered heading, bold like its siblings
        if pending and all(any(self.table.rows[p][c].bold for c in range(len(row))) for p in pending):
            return False  # the whole table is bold: boldness says nothing
        later = self.table.rows[r + 1 :]
        return all(any(c.bold for c in lr if c.text.strip()) or not any(c.text.strip() for c in lr) for lr in later)

    def column_header(self, c: int) -> str:
        return self.columns[c].header or f"#{c + 1}"
