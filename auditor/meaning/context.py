"""The whole document as rules that look beyond one table see it: every
table with its semantics, the narrative split into sentences (each knowing
its section heading and the tables around it), and the report year.

Built once per audit; document-level engines (cross-references, narrative
claims, counts, structure) read it and never re-parse the document.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from auditor.meaning.numbers import Number, parse_number
from auditor.meaning.semantics import TableView
from auditor.meaning.vocabulary import RoleVocabulary
from auditor.model import Document, Location, TextLine

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# A number as printed in running text: 1.234.567 | 0,80 | 1.58 | 20 % | Rp. 1.000,-
NUMBER_IN_TEXT = re.compile(
    # no sign after a digit or % ("8,5%-9,5%" is a range, not minus 9,5)
    r"(?<![\w.,%])(?:Rp\.?\s?)?\(?[-+]?\d+(?:[.,]\d+)*(?:,-)?\)?(?:\s?%|\s?persen\b)?(?![\w])",
    re.IGNORECASE,
)
# a semicolon separates the items of one list ("terdiri dari 1 Sekretariat; 1 Inspektorat; ..."), not sentences
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-Z0-9\"'(])|(?<=[.!?])\s*$")
_LIST_MARKER = re.compile(r"^(?:[-•*]|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
_ABBREVIATION_DOT = re.compile(
    r"\b(Rp|No|Hal|Tbl|dll|dsb|dst|Kab|Kec|Prov|Dr|Ir|H|Hj|Drs|St|Jl|a\.n|u\.p|s\.d|Sdr|Bpk)\.$", re.I
)


@dataclass(frozen=True)
class TextNumber:
    """A number found in a sentence, with where it stands."""

    number: Number
    start: int
    end: int
    location: Location

    @property
    def is_year(self) -> bool:
        n = self.number
        return n.decimals == 0 and not n.percent and not n.grouped and 1950 <= n.value <= 2099


@dataclass
class Sentence:
    text: str
    lines: list[TextLine]
    offsets: list[int]
    """Start offset of each line's text inside ``text``."""
    order: tuple[float, float, float]
    heading: str | None = None
    numbers: list[TextNumber] = field(default_factory=list)

    def line_at(self, offset: int) -> TextLine:
        idx = 0
        for i, start in enumerate(self.offsets):
            if start <= offset:
                idx = i
        return self.lines[idx]

    def location(self, start: int, end: int) -> Location:
        ln = self.line_at(start)
        return Location(
            page=ln.page, line=ln.line, table=None, row=None, column=None, text=self.text[start:end], bbox=ln.bbox
        )


def line_order(ln: TextLine) -> tuple[float, float, float]:
    if ln.page is not None:
        return (ln.page, ln.bbox[1] if ln.bbox else 0.0, ln.bbox[0] if ln.bbox else 0.0)
    return (0, float(ln.line or 0), 0.0)


def table_order(view: TableView) -> tuple[float, float, float]:
    t = view.table
    if t.page is not None:
        return (t.page, t.bbox[1] if t.bbox else 0.0, t.bbox[0] if t.bbox else 0.0)
    return (0, float(t.line or 0), 0.0)


def find_numbers(sentence: Sentence) -> list[TextNumber]:
    """Numbers of a sentence, parsed in the sentence's own decimal habit."""
    out: list[TextNumber] = []
    for m in NUMBER_IN_TEXT.finditer(sentence.text):
        raw = m.group(0).strip().rstrip(".,")
        start = m.start()
        # running text never prints negatives in accounting parentheses:
        # "(2019)" is a year, "(1)" an enumerator, "(2015" half of a range
        if raw.startswith("(") and (raw.endswith(")") or ")" not in raw):
            raw, start = raw[1:], start + 1
        if raw.endswith(")") and "(" not in raw:
            raw = raw[:-1]
        if not raw or not any(ch.isdigit() for ch in raw):
            continue
        n = parse_number(raw)
        if n is None:
            continue
        out.append(TextNumber(n, start, start + len(raw), sentence.location(start, start + len(raw))))
    return out


_BAB = re.compile(r"^BAB [IVX]+\b", re.IGNORECASE)
"""A chapter title line ("BAB III AKUNTABILITAS KINERJA")."""


def is_heading(ln: TextLine, vocab: RoleVocabulary) -> bool:
    """Bold short lines (markdown headings in a text export) open a section;
    a status word alone (``Sangat Baik`` printed bold as a predikat) is a
    value, not a heading."""
    t = ln.text.strip()
    if not t or len(t) > 160 or vocab.is_status(t.lstrip("# ")):
        return False
    if ln.bold:
        return True
    # numbered list items ("1. KPM PKH ...") look like titles: only BAB counts
    return bool(_BAB.match(t))


def split_sentences(lines: list[TextLine], vocab: RoleVocabulary) -> list[Sentence]:
    """Join running text into sentences (a PDF line ends mid-sentence) and
    remember which line each part of a sentence came from."""
    out: list[Sentence] = []
    heading: str | None = None
    buf_text = ""
    buf_lines: list[TextLine] = []
    buf_offsets: list[int] = []

    def flush() -> None:
        nonlocal buf_text, buf_lines, buf_offsets
        if buf_text.strip():
            out.append(Sentence(buf_text, buf_lines, buf_offsets, line_order(buf_lines[0]), heading))
        buf_text, buf_lines, buf_offsets = "", [], []

    prev: TextLine | None = None
    for ln in lines:
        if is_heading(ln, vocab):
            flush()
            heading = ln.text.strip()
            prev = ln
            continue
        text = ln.text.strip()
        if not text:
            flush()
            continue
        if ln.page is None and not _continues(buf_text, text):
            flush()  # a text export keeps one paragraph per line
        elif ln.page is not None and _paragraph_break(prev, ln):
            flush()
        pos = 0
        for m in _SENTENCE_END.finditer(text):
            piece = text[pos : m.start()]
            if _ABBREVIATION_DOT.search(piece.rstrip()):
                continue
            buf_text = _joined(buf_text, piece, buf_offsets, buf_lines, ln)
            flush()
            pos = m.end()
        rest = text[pos:]
        if rest:
            buf_text = _joined(buf_text, rest, buf_offsets, buf_lines, ln)
        if text.endswith(":"):
            flush()  # "... sebagai berikut:" introduces a table or a list
        prev = ln
    flush()
    return out


def _paragraph_break(prev: TextLine | None, ln: TextLine) -> bool:
    """A new page, or a vertical gap wider than a line: a table, a figure or
    a blank line lies between, and no sentence runs across it."""
    if prev is None or prev.page != ln.page:
        return True
    if prev.bbox is None or ln.bbox is None:
        return False
    height = max(prev.bbox[3] - prev.bbox[1], 1.0)
    return ln.bbox[1] - prev.bbox[3] > 0.9 * height


def _continues(buf: str, text: str) -> bool:
    """A text-export paragraph cut by a page break: the part before it ends
    without a full stop ("... sebanyak") and the next goes on in lower case or
    with a figure ("141.819 KK atau ..."), not with a new list item."""
    if not buf or buf.rstrip()[-1:] in ".!?:;" or _LIST_MARKER.match(buf.lstrip()):
        return False
    return bool(text[:1].islower() or (text[:1].isdigit() and not _LIST_MARKER.match(text)))


def _joined(buf: str, piece: str, offsets: list[int], lines: list[TextLine], ln: TextLine) -> str:
    if not piece:
        return buf
    sep = " " if buf else ""
    offsets.append(len(buf) + len(sep))
    lines.append(ln)
    return buf + sep + piece


@dataclass
class DocContext:
    doc: Document
    vocab: RoleVocabulary
    views: list[TableView]

    @cached_property
    def sentences(self) -> list[Sentence]:
        sents = split_sentences(self.doc.lines, self.vocab)
        for s in sents:
            s.numbers = find_numbers(s)
        return sents

    @cached_property
    def report_year(self) -> int | None:
        """The year the report is about: the commonest year in its headings."""
        years = Counter(int(y) for ln in self.doc.lines if is_heading(ln, self.vocab) for y in _YEAR.findall(ln.text))
        if not years:
            years = Counter(int(y) for ln in self.doc.lines[:200] for y in _YEAR.findall(ln.text))
        return years.most_common(1)[0][0] if years else None

    @cached_property
    def section_starts(self) -> list[tuple[float, float, float]]:
        """Where each section begins (its heading), in reading order."""
        return sorted(line_order(ln) for ln in self.doc.lines if is_heading(ln, self.vocab))

    @cached_property
    def _year_index(self) -> tuple[list[tuple[float, float, float]], list[int | None]]:
        """For each line, the running maximum of reading order and the year of
        the last heading so far that :meth:`context_year` accepts: one pass,
        so that each look-up is a bisection instead of a rescan."""
        year = self.report_year
        reach: list[tuple[float, float, float]] = []
        best: list[int | None] = []
        top: tuple[float, float, float] | None = None
        current: int | None = None
        for ln in self.doc.lines:
            o = line_order(ln)
            top = o if top is None or o > top else top
            if is_heading(ln, self.vocab):
                ys = _YEAR.findall(ln.text)
                if len(ys) == 1 and (year is None or abs(int(ys[0]) - year) <= 1):
                    current = int(ys[0])
            reach.append(top)
            best.append(current)
        return reach, best

    def context_year(self, order: tuple[float, float, float]) -> int | None:
        """The year of the nearest heading before a place (Perjanjian Kinerja
        Tahun 2019 in a 2018 report). Only the years next to the report year
        count: a heading naming another year is more often a slip (STR003)
        than a section about that year's figures."""
        reach, best = self._year_index
        i = bisect.bisect_right(reach, order)  # lines before the first one past ``order``
        found = best[i - 1] if i else None
        return found or self.report_year

    @cached_property
    def section_tables(self) -> dict[int, list[tuple[tuple[float, float, float], TableView]]]:
        """Per section (its number among :attr:`section_starts`), its tables
        with their reading order, in the document's order of tables: a
        sentence looks only at its own section's tables, not at every table
        of the document."""
        out: dict[int, list[tuple[tuple[float, float, float], TableView]]] = {}
        for view in self.views:
            order = table_order(view)
            out.setdefault(bisect.bisect_right(self.section_starts, order), []).append((order, view))
        return out
