"""Reader for text exports of a LAKIP PDF (markdown-like, tab-separated tables).

Format, as produced by common PDF-to-text converters:
- headings start with ``#``; paragraphs are single lines;
- each table row is one line with tab-separated cells; a leading empty cell
  means "same group as the row above" (a spanning cell in the PDF);
- some cells keep a little HTML (``<b>``, ``<ul><li>``, ``<i>``).

A table that is interrupted only by blank lines and resumes with the same
header row is one table split over two pages; it is joined back.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from auditor.errors import InputError
from auditor.model import Cell, Document, Table, TextLine, normalise_grid

_TAG = re.compile(r"<[^>]+>")
_DIGIT = re.compile(r"\d")
_BOLD = re.compile(r"^\s*(<b>|\*\*)")
_MD_EMPH = re.compile(r"(\*\*|__|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w))")


def clean_cell(raw: str) -> tuple[str, bool]:
    """Return the visible text of a cell and whether it is printed bold."""
    bold = bool(_BOLD.match(raw))
    text = raw.replace("<li>", " ").replace("<br>", " ").replace("<br/>", " ")
    text = _TAG.sub("", text)
    text = _MD_EMPH.sub("", text)
    text = html.unescape(text)
    return " ".join(text.split()), bold


@dataclass
class TableBlock:
    """Rows of one table as printed: (line number, raw cells) per row."""

    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    title: str | None = None


@dataclass
class TextBlock:
    line: int
    raw: str
    heading_level: int = 0


Block = TableBlock | TextBlock


def parse_blocks(text: str) -> list[Block]:
    """Split a text export into text lines and tables, in reading order.

    Continuation tables (same header after only blank lines) are joined.
    """
    blocks: list[Block] = []
    current: TableBlock | None = None
    blank_run_since_table = False
    last_text: str | None = None
    for n, raw in enumerate(text.splitlines(), start=1):
        if "\t" in raw:
            cells = raw.split("\t")
            if current is None:
                prev = blocks[-1] if blocks else None
                if (
                    isinstance(prev, TableBlock)
                    and blank_run_since_table
                    and prev.rows
                    and _same_header(prev.rows[0][1], cells)
                ):
                    current = prev  # continuation: skip the repeated header
                    blank_run_since_table = False
                    continue
                current = TableBlock(title=last_text)
                blocks.append(current)
            current.rows.append((n, cells))
            continue
        if not raw.strip():
            if current is not None:
                current = None
                blank_run_since_table = True
            continue
        current = None
        blank_run_since_table = False
        stripped = raw.lstrip()
        level = len(stripped) - len(stripped.lstrip("#")) if stripped.startswith("#") else 0
        blocks.append(TextBlock(line=n, raw=raw, heading_level=level))
        visible, _ = clean_cell(stripped.lstrip("#"))
        if visible:
            last_text = visible if len(visible) <= 200 else None
    return blocks


def _same_header(a: list[str], b: list[str]) -> bool:
    norm = [clean_cell(c)[0].lower() for c in a]
    return len(a) == len(b) and norm == [clean_cell(c)[0].lower() for c in b] and any(norm)


def table_from_block(block: TableBlock, index: int) -> Table:
    """Build a grid; leading empty cells continue the group of the row above."""
    grid: list[list[Cell]] = []
    for r, (line_no, raw_cells) in enumerate(block.rows):
        row: list[Cell] = []
        leading = True
        for c, raw in enumerate(raw_cells):
            text, bold = clean_cell(raw)
            cell = Cell(row=r, col=c, text=text, line=line_no, bold=bold)
            if text:
                leading = False
            elif leading and r > 0 and c < len(grid[r - 1]) and grid[r - 1][c].text:
                above = grid[r - 1][c]
                cell.span_origin = above.span_origin or (above.row, above.col)
                cell.text = above.text
            row.append(cell)
        grid.append(row)
    first_line = block.rows[0][0] if block.rows else None
    return Table(
        index=index,
        rows=normalise_grid(grid),
        line=first_line,
        title=block.title,
        source="text",
    )


def read_text_export(path: Path, text: str, digest: str) -> Document:
    doc = Document(path=str(path), sha256=digest, kind="text")
    blocks = parse_blocks(text)
    # Prose alone can be audited (its sentences' arithmetic), but a file with
    # no table, no heading and not one figure is not a report at all.
    if not any(isinstance(b, TableBlock) or b.heading_level or _DIGIT.search(b.raw) for b in blocks):
        raise InputError(
            f"{path.name} is not a PDF and no table, heading or figure was recognised in it as a text export.",
            kind="not-report",
        )
    for block in blocks:
        if isinstance(block, TableBlock):
            doc.tables.append(table_from_block(block, len(doc.tables) + 1))
        else:
            visible, bold = clean_cell(block.raw.lstrip().lstrip("#"))
            if visible:
                doc.lines.append(TextLine(text=visible, line=block.line, bold=bold or block.heading_level > 0))
    return doc
