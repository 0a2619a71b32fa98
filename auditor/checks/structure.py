"""Structural slips: a row printed twice, a row label repeated with other
figures inside one table, a heading that gives the report's own results
another year than the report's.

Rows are compared after normalising their text (case, punctuation and
spacing: "Kemensos." and "Kemensos" are one text), and only inside one block
of a table: a group title, subtotal or total row starts a new block, since
"Laki-laki" under "Pusat" and again under "Daerah" is no slip.

The counts a sentence gives for a table's items ("diukur melalui 2
indikator") are checked by CLM003 (auditor/checks/narrative/claims.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.checks.common import make_finding, text_finding
from auditor.checks.engine import Setting
from auditor.checks.run import Run, TableLayout
from auditor.findings.records import Finding
from auditor.meaning.context import is_heading
from auditor.meaning.numbers import is_nil, parse_number
from auditor.meaning.semantics import HEADING_KINDS, TableView
from auditor.model import Location
from auditor.rulesets.loader import Rule
from auditor.rulesets.yaml_lines import LINE_KEY

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_SEPARATORS = ("subtotal", "total", "average", "summary")


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _own_cells(view: TableView, r: int) -> list[int]:
    return [c for c, cell in enumerate(view.table.rows[r]) if cell.text.strip() and not cell.is_span_copy]


def _numbering(view: TableView) -> int | None:
    """The column that numbers the rows (1., 2., a.): not a figure, not a label."""
    for col in view.columns:
        if col.role == "number":
            return col.index
    return view.numbering_col


def _repeated_header(view: TableView, r: int) -> bool:
    """A header printed again inside the table ("NO | PEGAWAI | JABATAN")."""
    cells = view.table.rows[r]
    return any(
        len(cells[c].text) <= 8 and view.vocab.column_role(cells[c].text) == "number" for c in _own_cells(view, r)
    )


def blocks(view: TableView) -> list[list[int]]:
    """Body rows in runs that no group title, subtotal, total or repeated
    header row splits. A group title row prints one text where the table's
    rows print several."""
    widths = [len(_own_cells(view, row.index)) for row in view.rows if row.kind not in (*HEADING_KINDS, "empty")]
    wide = bool(widths) and max(widths) >= 2
    out: list[list[int]] = [[]]
    for row in view.rows:
        if row.kind in (*HEADING_KINDS, "empty"):
            continue
        title = wide and row.kind == "group" and len(_own_cells(view, row.index)) == 1
        if row.kind in _SEPARATORS or title or _repeated_header(view, row.index):
            out.append([])
            continue
        out[-1].append(row.index)
    return [b for b in out if len(b) > 1]


def _label_cell(view: TableView, r: int) -> int | None:
    """The row's own name: its first own text cell that is not a figure."""
    skip = _numbering(view)
    for c, cell in enumerate(view.table.rows[r]):
        t = cell.text.strip()
        if not t or c == skip or cell.is_span_copy:
            continue
        if parse_number(t) is not None or is_nil(t) or re.fullmatch(r"[\dIVXivx]{1,4}[.)]?|[a-zA-Z][.)]", t):
            continue
        return c
    return None


def _continuation(view: TableView, r: int, c: int) -> bool:
    """Row r only carries the wrapped end of the row above: its numbering is
    copied from above and it prints no figure of its own outside column c
    ("Kendaraan Dinas Roda" over "4")."""
    k = _numbering(view)
    if k is None or r == 0 or not view.table.rows[r][k].is_span_copy:
        return False
    return all(view.number(r, cc) is None for cc in range(view.table.ncols) if cc != c)


def row_labels(view: TableView) -> dict[int, tuple[int, str]]:
    """Each row's label cell and full name (its label path, with the wrapped
    end of a label printed on a continuation row below)."""
    out: dict[int, tuple[int, str]] = {}
    last: int | None = None
    for row in view.rows:
        r = row.index
        if row.kind in HEADING_KINDS:
            continue
        c = _label_cell(view, r)
        if last is not None and _continuation(view, r, out[last][0]):
            tail = view.table.rows[r][out[last][0]]
            if tail.text.strip() and not tail.is_span_copy:
                out[last] = (out[last][0], f"{out[last][1]} {tail.text.strip()}")
            continue
        if c is None:
            last = None
            continue
        out[r] = (c, view.label(r) or view.cell(r, c).text)
        last = r
    return out


def _group_context(view: TableView, r: int, upto: int) -> tuple[tuple[int, int], ...]:
    """The spanning group cells (SASARAN over its INDIKATOR rows) left of the label."""
    return tuple(cell.span_origin for cell in view.table.rows[r][:upto] if cell.span_origin is not None)


def _row_key(view: TableView, r: int) -> tuple[str, ...]:
    skip = _numbering(view)
    return tuple(_norm(cell.text) for c, cell in enumerate(view.table.rows[r]) if c != skip)


def _figures(view: TableView, r: int, label: int) -> dict[int, str]:
    skip = _numbering(view)
    return {
        c: view.table.rows[r][c].text
        for c in range(view.table.ncols)
        if c not in (skip, label) and view.number(r, c) is not None
    }


def _layout(run: Run, view: TableView) -> TableLayout:
    """Blocks and row labels of a table, read once per audit for both rules."""
    key = id(view)
    if key not in run.layouts:
        run.layouts[key] = (blocks(view), row_labels(view))
    return run.layouts[key]


def check_duplicate_rows(rule: Rule, run: Run) -> Iterator[Finding]:
    """A row printed twice inside one block of a table."""
    lang = run.lang
    for view in run.context.views:
        header = {_row_key(view, r) for r in range(view.header_rows)}
        table_blocks, labels = _layout(run, view)
        for block in table_blocks:
            first_of: dict[tuple[str, ...], int] = {}
            for r in block:
                if r not in labels:
                    continue
                c = labels[r][0]
                key = _row_key(view, r)
                if key in header or not any(key):
                    continue
                if key not in first_of:
                    first_of[key] = r
                    continue
                first = first_of[key]
                cells = [(r, cc) for cc in _own_cells(view, r)]
                cells.sort(key=lambda rc: rc[1] != c)
                yield make_finding(
                    rule, view, lang,
                    cells=[*cells, (first, c)],
                    printed=view.cell(r, c).text, expected=None,
                    table=view.table.id, first=first + 1, dup=r + 1,
                )  # fmt: skip


def _repeats(run: Run, view: TableView) -> list[tuple[int, int, int]]:
    """(first row, repeating row, label column) of every label printed again
    in one block with other figures, rows of a keyed list left out."""
    out: list[tuple[int, int, int]] = []
    table_blocks, labels = _layout(run, view)
    for block in table_blocks:
        first_of: dict[tuple[object, ...], int] = {}
        for r in block:
            if r not in labels:
                continue
            c, name = labels[r]
            label = _norm(name)
            if not label:
                continue
            key = (_group_context(view, r, c), label)
            if key not in first_of:
                first_of[key] = r
                continue
            first = first_of[key]
            a, b = _figures(view, first, c), _figures(view, r, c)
            if not b or not _differ(view, first, r, a, b) or _row_key(view, first) == _row_key(view, r):
                continue
            if _keyed(view, first, r, c):
                continue
            out.append((first, r, c))
    return out


_YEARLIKE = re.compile(r"^\s*(19[5-9]\d|20\d\d)\s*$")


def _keyed(view: TableView, r1: int, r2: int, label: int) -> bool:
    """Two rows of a list keyed by another column than the label (a year,
    a unit, a group: "IKU A | 2020 | ...", "IKU A | 2021 | ..."): the same
    label on other keys is no duplicate."""
    skip = _numbering(view)
    for c in range(view.table.ncols):
        if c in (skip, label) or c >= len(view.table.rows[r1]) or c >= len(view.table.rows[r2]):
            continue
        t1, t2 = (view.table.rows[r][c].text.strip() for r in (r1, r2))
        if not t1 or not t2 or _norm(t1) == _norm(t2):
            continue
        years = _YEARLIKE.match(t1) and _YEARLIKE.match(t2)
        texts = parse_number(t1) is None and parse_number(t2) is None and not is_nil(t1) and not is_nil(t2)
        if years or texts:
            return True
    return False


def check_repeated_labels(rule: Rule, run: Run) -> Iterator[Finding]:
    """One finding per table, naming every repeated label and its rows."""
    lang = run.lang
    for view in run.context.views:
        repeats = _repeats(run, view)
        if not repeats:
            continue
        first, r, c = repeats[0]
        a, b = _figures(view, first, c), _figures(view, r, c)
        cells = [(r, c), *((r, cc) for cc in b), (first, c), *((first, cc) for cc in a)]
        others = repeats[1:]
        for f2, r2, c2 in others:
            cells += [(r2, c2), (f2, c2)]
        item = rule.params.get("more_item", {})
        item_t = str(item.get(lang) or item.get("id") or '"{label}" ({first}, {dup})')
        more = "; ".join(item_t.format(label=view.cell(r2, c2).text, first=f2 + 1, dup=r2 + 1) for f2, r2, c2 in others)
        notes = rule.params.get("more_note", {})
        note = str(notes.get(lang) or notes.get("id") or "{more}").format(more=more) if others else ""
        yield make_finding(
            rule, view, lang,
            cells=cells,
            printed=view.cell(r, c).text, expected=None, note=note,
            table=view.table.id, first=first + 1, dup=r + 1,
            first_values=", ".join(a.values()) or "-", dup_values=", ".join(b.values()),
        )  # fmt: skip


def _differ(view: TableView, r1: int, r2: int, a: dict[int, str], b: dict[int, str]) -> bool:
    """Some column prints figures in both rows that no rounding reconciles,
    or a figure in one row only."""
    if set(a) != set(b):
        return True
    for c in a:
        n1, n2 = view.number(r1, c), view.number(r2, c)
        if n1 is not None and n2 is not None and not n1.interval().overlaps(n2.interval()):
            return True
    return False


def _clean(value: object) -> object:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if k != LINE_KEY}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


RESULTS = Setting("results", str, r"\bcapaian\b", "A heading about the report's own results matches this.")
EXCLUDE = Setting("exclude", str, r"(?!x)x", "Headings matching this (plans, agreements, periods) are left alone.")
HEADING_YEAR = (RESULTS, EXCLUDE)


def check_heading_year(rule: Rule, run: Run) -> Iterator[Finding]:
    """A heading that says what year the report's own results are for
    ("Capaian Kinerja Tahun 2017") must name the report year. Headings about
    plans, agreements for next year, comparisons, Renstra periods or ranges
    are not about the results and are left alone."""
    ctx, lang = run.context, run.lang
    year = ctx.report_year
    if year is None:
        return
    results = re.compile(str(_clean(RESULTS.of(rule))), re.IGNORECASE)
    exclude = re.compile(str(_clean(EXCLUDE.of(rule))), re.IGNORECASE)
    for ln in ctx.doc.lines:
        if not is_heading(ln, ctx.vocab):
            continue
        text = " ".join(ln.text.split())
        years = set(_YEAR.findall(text))
        if len(years) != 1 or not results.search(text) or exclude.search(text):
            continue
        said = int(years.pop())
        if said == year:
            continue
        loc = Location(page=ln.page, line=ln.line, table=None, row=None, column=None, text=text, bbox=ln.bbox)
        yield text_finding(
            rule,
            lang,
            locations=[loc],
            printed=str(said),
            expected=str(year),
            meaning=("heading-year", _norm(_YEAR.sub("", text))),
            heading=text,
        )
