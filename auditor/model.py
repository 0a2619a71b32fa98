"""The document model every reader produces and every rule reads.

PDFs and text exports differ in what they know (a PDF has pages and bounding
boxes, a text export has line numbers), so every location field is optional;
the rules never need to know which reader built the model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

BBox = tuple[float, float, float, float]
"""(x0, top, x1, bottom) in PDF points, origin at the page's top-left."""


@dataclass(slots=True)
class TextLine:
    """One line of running text (narrative, headings, captions)."""

    text: str
    page: int | None = None
    line: int | None = None
    bbox: BBox | None = None
    bold: bool = False


@dataclass(slots=True)
class Cell:
    """One slot of a table grid.

    A spanning cell occupies several slots; every slot it covers except its
    top-left one has ``span_origin`` set to that slot's (row, col) and repeats
    its text, so a rule can read a row's group label without walking spans.
    """

    row: int
    col: int
    text: str
    bbox: BBox | None = None
    page: int | None = None
    line: int | None = None
    bold: bool = False
    span_origin: tuple[int, int] | None = None

    @property
    def is_span_copy(self) -> bool:
        return self.span_origin is not None


@dataclass(frozen=True)
class Join:
    """Where a table was continued on a later page, and why it was taken
    for the same table: a reviewer checks the evidence, not the verdict."""

    page: int
    """The page whose part was appended."""
    row: int
    """The grid row (0-based) where the appended part starts."""
    header_rows: int
    """Rows of the part that repeated the header and were dropped."""
    evidence: tuple[str, ...]
    """Each reason, in words: ``same leaf geometry``, ``repeated header (2 rows)``,
    ``numbering continues 3 -> 4``, ``label continued: 'Aparatur'``."""


@dataclass
class Table:
    """A rectangular grid of cells as found in the document.

    ``rows`` is a full grid: every row has ``ncols`` cells. ``header_rows`` is
    left to the semantics layer to decide; readers only report the grid.
    """

    index: int
    rows: list[list[Cell]]
    page: int | None = None
    line: int | None = None
    bbox: BBox | None = None
    title: str | None = None
    source: str = "text"
    """How the table was found: "ruled", "text-aligned", "text" (export), or
    "ocr" (read from pixels: an image of a table, or a scanned page)."""
    pages: list[int] = field(default_factory=list)
    """Every page the table covers (a table may continue on the next page)."""
    joins: list[Join] = field(default_factory=list)
    """The parts appended from later pages, with the evidence for each."""

    @property
    def id(self) -> str:
        return f"T{self.index}"

    @property
    def ncols(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass(frozen=True)
class Location:
    page: int | None
    line: int | None
    table: str | None
    row: int | None
    """1-based row of the table grid (header rows included)."""
    column: int | None
    """1-based column of the table grid."""
    text: str
    """The cell or phrase exactly as printed."""
    bbox: BBox | None = None
    row_label: str | None = None
    column_header: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["bbox"] = [round(v, 1) for v in self.bbox] if self.bbox else None
        return d


@dataclass
class Page:
    number: int
    width: float = 0.0
    height: float = 0.0
    lines: list[TextLine] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unread: str | None = None
    """Why the page was not checked (damaged, past a limit, scanned), if it was not."""
    ocr: bool = False
    """Its text was read from pixels by OCR (a scanned page)."""


@dataclass
class Document:
    """Everything a rule may look at, in reading order."""

    path: str
    sha256: str
    kind: str  # "pdf" or "text"
    pages: list[Page] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    lines: list[TextLine] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """Problems met while reading (a page that could not be read, ...)."""

    @property
    def page_count(self) -> int | None:
        return len(self.pages) if self.kind == "pdf" else None


def normalise_grid(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Pad ragged rows with empty cells so that the grid is rectangular."""
    width = max((len(r) for r in rows), default=0)
    out: list[list[Cell]] = []
    for r_i, row in enumerate(rows):
        padded = list(row)
        last = row[-1] if row else None
        while len(padded) < width:
            padded.append(
                Cell(
                    row=r_i,
                    col=len(padded),
                    text="",
                    page=last.page if last else None,
                    line=last.line if last else None,
                )
            )
        out.append(padded)
    return out


_COLUMN_NUMBER = re.compile(r"\(?(\d{1,2})\)?(?:\s*=\s*[\d\s()+\-x×*/:.,%]+)?", re.IGNORECASE)
"""A column number as printed under a header: "3", "(3)", "(4)=(3)/(2)x100%"."""


def numbers_columns(row: Sequence[Cell]) -> bool:
    """Whether a row numbers the columns (1, 2, 3 ... or (1), (2), (3)=(2)/(1)),
    one number per cell it prints, in at least three and three quarters of
    its cells. Such a row heads the columns: the reader spans none of its
    cells down into the body, the table semantics take it for no record."""
    return counts_columns([c.text for c in row if not c.is_span_copy], len(row))


def counts_columns(texts: Sequence[str], width: int) -> bool:
    """Whether ``texts`` (a row's own cell texts, blanks included or not)
    number ``width`` columns as :func:`numbers_columns` says: the test on
    text alone, for a reader that has words in columns before it has cells."""
    own = [t.strip() for t in texts if t.strip()]
    if len(own) < 3 or len(own) * 4 < width * 3:
        return False
    matches = [_COLUMN_NUMBER.fullmatch(t) for t in own]
    return all(matches) and [int(m.group(1)) for m in matches if m] == list(range(1, len(own) + 1))
