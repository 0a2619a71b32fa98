"""A page read through pypdfium2, shaped like the pdfplumber page the reader uses.

pdfminer's parsing and pdfplumber's per-object conversion are most of an
audit's cost; PDFium parses the same page several times faster. This module
turns one PDFium page into what :mod:`auditor.readers.pdf` takes from a
pdfplumber page: characters (text, box, font size, font name) as pdfplumber
char dicts, and the painted paths as pdfplumber's ``rect`` / ``line`` /
``curve`` dicts, classified the way pdfminer classifies them. pdfplumber's
own word extraction and table finder then run on these plain dicts
(:class:`PdfiumPage` is a pdfplumber ``Container``), so both readers share
one set of algorithms and differ only in who parsed the content stream.

Boxes follow pdfminer's conventions, not PDFium's: a character spans its
advance width from its origin and, vertically, the font size from the
font's descent below the baseline. Generated characters (the spaces and
line breaks PDFium infers) are dropped: pdfminer has none.

Only upright pages whose media box starts at the origin are read here
(:func:`plain_page`); the reader keeps pdfplumber for any other document.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator
from operator import itemgetter
from typing import NamedTuple

import pypdfium2
import pypdfium2.raw as pdfium_c
from pdfplumber.container import Container
from pdfplumber.table import Table, TableFinder, TableSettings
from pdfplumber.utils.text import WordExtractor

from auditor.readers.pdftables.lattice import ruled_cells

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_FONT_NAME_BYTES = 256
_LAST_CODE_POINT = 0x10FFFF


def open_document(data: bytes, password: str | None = None) -> pypdfium2.PdfDocument | None:
    """The PDF opened by PDFium, or None if PDFium cannot open it (the
    pdfplumber page then serves, and reports the damage)."""
    try:
        return pypdfium2.PdfDocument(data, password=password)
    except pypdfium2.PdfiumError:
        return None


def page_source(doc: pypdfium2.PdfDocument | None, number: int, fallback: object) -> object:
    """What a page is read from: PDFium's page ``number`` (from 1) when the
    document is open in PDFium and the page is plain, else ``fallback``
    (the pdfplumber page)."""
    if doc is None or number > len(doc):
        return fallback
    page = doc[number - 1]
    try:
        return PdfiumPage.read(page) if plain_page(page) else fallback
    finally:
        page.close()


def plain_page(page: pypdfium2.PdfPage) -> bool:
    """Whether the page's coordinates need no rotation or offset: then PDF
    user space, flipped, is pdfplumber's top-left space."""
    mediabox = page.get_mediabox()
    return page.get_rotation() == 0 and mediabox[0] == 0 and mediabox[1] == 0


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF row-vector convention, as pdfminer's mult_matrix)."""
    a, b, c, d, e, f = m
    a1, b1, c1, d1, e1, f1 = n
    return (
        a * a1 + b * c1,
        a * b1 + b * d1,
        c * a1 + d * c1,
        c * b1 + d * d1,
        e * a1 + f * c1 + e1,
        e * b1 + f * d1 + f1,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return (a * x + c * y + e, b * x + d * y + f)


class PdfiumPage(Container):
    """One page's characters and paths, with pdfplumber's word and table
    algorithms available on them (``extract_words``, ``find_tables``,
    ``filter``, ``rects``, ``edges``)."""

    def __init__(self, width: float, height: float, objects: dict[str, list[dict]]) -> None:
        self.width = width
        self.height = height
        self.bbox = (0.0, 0.0, width, height)
        self._objects = objects

    @classmethod
    def read(cls, page: pypdfium2.PdfPage) -> PdfiumPage:
        """Read every character and painted path of ``page`` once.

        The characters are put in content-stream order, as pdfminer gives
        them: pdfplumber's word extraction cuts the character list into runs
        of upright and of turned characters before it clusters lines, so a
        space listed apart from its line (PDFium keeps space-only text objects
        out of its text page, and orders a few objects its own way) would not
        end the word it stands in."""
        width, height = float(page.get_width()), float(page.get_height())
        textpage = page.get_textpage()
        try:
            objects: dict[str, list[dict]] = {"char": [], "rect": [], "line": [], "curve": [], "image": []}
            text_objects: dict[int, int] = {}
            placed: list[tuple[object, Matrix, int]] = []
            for obj, kind, matrix in _page_objects(page.raw):
                if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                    for shaped in _path(obj, matrix, height):
                        objects[shaped["object_type"]].append(shaped)
                elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                    objects["image"].append(_image(obj, matrix, height))
                else:
                    address = _address(obj)
                    text_objects[address] = len(text_objects)
                    placed.append((obj, matrix, address))
            chars, printing = _chars(textpage, height, text_objects)
            blanks = [
                (text_objects[address], char)
                for obj, matrix, address in placed
                if address not in printing
                for char in _blank_object(obj, matrix, textpage.raw, height)
            ]
            objects["char"] = _sorted_by_place(chars, blanks)
        finally:
            textpage.close()
        return cls(width, height, objects)

    @property
    def objects(self) -> dict[str, list[dict]]:
        return self._objects

    def filter(self, test: Callable[[dict], bool]) -> PdfiumPage:
        """The page with only the objects passing ``test`` (as pdfplumber's).

        Each kind of object is tested when it is first asked for: the reader
        filters a page for its table finder, which reads only the paths,
        and testing every character too cost more than finding the tables."""
        return _FilteredPage(self, test)

    def _kind(self, kind: str) -> list[dict]:
        return self._objects.get(kind, [])

    @property
    def chars(self) -> list[dict]:
        return self._kind("char")

    @property
    def rects(self) -> list[dict]:
        return self._kind("rect")

    @property
    def lines(self) -> list[dict]:
        return self._kind("line")

    @property
    def curves(self) -> list[dict]:
        return self._kind("curve")

    @property
    def images(self) -> list[dict]:
        return self._kind("image")

    def extract_words(self, **kwargs: object) -> list[dict]:
        """pdfplumber's word extraction, with its defaults, over these chars."""
        return_chars = bool(kwargs.pop("return_chars", False))
        return WordExtractor(**kwargs).extract_words(self.chars, return_chars)  # type: ignore[arg-type]

    def find_tables(self, table_settings: dict | None = None) -> list[Table]:
        """pdfplumber's table finder over these edges: with its default
        settings, the same steps on tuples (:mod:`auditor.readers.pdftables.lattice`)."""
        if table_settings is None:
            found = ruled_cells(self.lines, self.rects, self.curves)
            if found is not None:
                return [Table(self, cells) for cells in found]  # type: ignore[arg-type]
        return TableFinder(self, TableSettings.resolve(table_settings)).tables  # type: ignore[arg-type]

    def close(self) -> None:
        """Nothing to release: the objects are plain dicts."""


class _FilteredPage(PdfiumPage):
    """A page's objects passing a test, each kind tested on first use."""

    def __init__(self, source: PdfiumPage, test: Callable[[dict], bool]) -> None:
        super().__init__(source.width, source.height, {})
        self._source = source
        self._test = test

    def _kind(self, kind: str) -> list[dict]:
        kept = self._objects.get(kind)
        if kept is None:
            kept = self._objects[kind] = [o for o in self._source._kind(kind) if self._test(o)]
        return kept

    @property
    def objects(self) -> dict[str, list[dict]]:
        return {kind: self._kind(kind) for kind in self._source.objects}


# --------------------------------------------------------------------------
# Characters


def _address(obj: object) -> int:
    """A page object's identity: its handle's address."""
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


def _sorted_by_place(placed: list[tuple[int, dict]], blanks: list[tuple[int, dict]]) -> list[dict]:
    """The characters in the content-stream order of their text objects:
    ``placed`` holds the text page's characters and ``blanks`` the
    space-only objects' spaces, each with its object's place in the stream
    (:func:`_chars`). One stable sort on the place alone: the blanks are listed first,
    so each comes before the characters of its place, and the characters
    keep their text page order; half the time of sorting on (place, index)
    pairs."""
    keyed = blanks + placed
    keyed.sort(key=itemgetter(0))
    return [char for _, char in keyed]


def _retyped(name: str, restype: object, *argtypes: object) -> Callable | None:
    """PDFium's function ``name`` taking plain addresses (``c_void_p``)
    where the binding declares typed pointers, or None where the binding's
    function cannot be re-typed (a binding that is not plain ctypes).

    The calls that run once per character of the document cost more in
    ctypes' conversion of their typed arguments and results than in PDFium:
    addresses cut the per-character calls to about a third of their cost."""
    try:
        address = ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value
        return ctypes.CFUNCTYPE(restype, *argtypes)(address)
    except (TypeError, ctypes.ArgumentError, AttributeError):
        return None


_VOID, _INT = ctypes.c_void_p, ctypes.c_int
_CHAR_CALLS = (
    _retyped("FPDFText_GetTextObject", _VOID, _VOID, _INT),
    _retyped("FPDFText_GetUnicode", ctypes.c_uint, _VOID, _INT),
    _retyped("FPDFText_GetLooseCharBox", _INT, _VOID, _INT, _VOID),
    _retyped("FPDFText_GetCharOrigin", _INT, _VOID, _INT, _VOID, _VOID),
)
_TEXT_OBJECT_ADDRESS: Callable[[object, int], int | None] = _CHAR_CALLS[0] or (
    lambda raw, i: _address(pdfium_c.FPDFText_GetTextObject(raw, i))
)


def _char_calls(raw: object, *out: ctypes._SimpleCData | ctypes.Structure) -> tuple:
    """The text page and the out-parameters (loose box, origin x, origin y)
    as the per-character calls take them, and those calls: the text
    object's address, the code point, the loose box, the origin. Each call
    is made as ``call(page, i, *its out-parameters)``, re-typed or typed."""
    if None not in _CHAR_CALLS:
        return (ctypes.cast(raw, ctypes.c_void_p).value, *(ctypes.addressof(v) for v in out), *_CHAR_CALLS)
    typed = (
        _TEXT_OBJECT_ADDRESS,
        pdfium_c.FPDFText_GetUnicode,
        pdfium_c.FPDFText_GetLooseCharBox,
        pdfium_c.FPDFText_GetCharOrigin,
    )
    return (raw, *(ctypes.byref(v) for v in out), *typed)


class _TextObject:
    """What every character of one text object shares, read at its first
    character: the matrix's linear part, the font size, name and descent,
    and for an unrotated object the vertical extent of its last baseline.

    An object's characters mostly share one baseline, so the vertical part
    of their boxes (two products, two roundings) is worked out once per
    baseline (:meth:`char`), from the same terms in the same order as
    the box of :func:`_pdfminer_box`, so the same floats."""

    __slots__ = (
        "a", "b", "baseline", "c", "d", "descent_per_pt", "extent", "fontname", "simple", "size", "terms", "upright",
    )  # fmt: skip

    def __init__(self, raw: object, i: int, fonts: dict[int, tuple[str, float]], buffers: tuple) -> None:
        name_buf, descent, matrix = buffers
        pdfium_c.FPDFText_GetMatrix(raw, i, ctypes.byref(matrix))
        self.a, self.b, self.c, self.d = matrix.a, matrix.b, matrix.c, matrix.d
        self.size = float(pdfium_c.FPDFText_GetFontSize(raw, i))
        self.fontname, self.descent_per_pt = _font(pdfium_c.FPDFText_GetTextObject(raw, i), fonts, name_buf, descent)
        self._derive_terms()

    def _derive_terms(self) -> None:
        """What the matrix, size and descent decide for every character."""
        self.upright = self.a * self.d > 0 and self.b * self.c <= 0
        self.terms = _box_terms(self.a, self.b, self.c, self.d, self.size, self.descent_per_pt)
        # a matrix whose determinant underflows to zero keeps PDFium's box, as in _corners
        self.simple = self.b == 0 and self.c == 0 and self.a > 0 and self.d > 0 and self.terms.det != 0
        self.baseline: float | None = None
        self.extent = (0.0, 0.0, 0.0)

    def char(self, text: str, e: float, f: float, box: object, height: float) -> dict:
        """pdfplumber's char dict of ``text`` set at origin (``e``, ``f``),
        PDFium's loose ``box`` around it, on a page ``height`` high.

        The box is pdfminer's (:func:`_pdfminer_box`), written out for the
        common unrotated, unslanted, unmirrored matrix: the same arithmetic
        with its zero terms left out, so the same floats. One call per
        character does the box and the dict: this runs for every character
        of the document."""
        if self.simple:
            xb = self.a * ((box.right - e) / self.a) + e
            x0, x1 = (round(e, 3), round(xb, 3)) if e <= xb else (round(xb, 3), round(e, 3))
            size, top, bottom = self.extent if f == self.baseline else self._vertical(f, height)
        else:
            m: Matrix = (self.a, self.b, self.c, self.d, e, f)
            x0, y0, x1, y1 = _corners(self.terms, m, (box.left, box.bottom, box.right, box.top))
            size, top, bottom = y1 - y0, height - y1, height - y0
        return {
            "object_type": "char", "text": text, "fontname": self.fontname, "size": size,
            "x0": x0, "x1": x1, "width": x1 - x0, "top": top, "bottom": bottom, "doctop": top,
            "height": size, "upright": self.upright,
        }  # fmt: skip

    def _vertical(self, f: float, height: float) -> tuple[float, float, float]:
        """Size, top and bottom of a character of this (simple) object set
        on baseline ``f``, kept for the object's next character."""
        ya, yb = self.terms.dv0 + f, self.terms.dv1 + f
        y0, y1 = (ya, yb) if ya <= yb else (yb, ya)
        y0, y1 = round(y0, 3), round(y1, 3)
        self.baseline, self.extent = f, (y1 - y0, height - y1, height - y0)
        return self.extent


def _chars(textpage: pypdfium2.PdfTextPage, height: float, places: dict[int, int]) -> tuple[list, set[int]]:
    """Every character PDFium read from the content stream, as pdfplumber's
    char dict, with the place of its text object in the stream (``places``,
    by the object's address; a character whose object is not known keeps
    the place of the character before it), and the addresses of the
    objects that print something other than spaces.

    This runs for every character of the document: the PDFium calls and the
    out-parameters they fill are bound once, outside the loop, and what a
    text object's characters share (matrix, size, font, baseline) is read
    once per object."""
    raw = textpage.raw
    box, origin_x, origin_y = pdfium_c.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
    page, box_out, x_out, y_out, object_address, unicode, loose_box, char_origin = _char_calls(
        raw, box, origin_x, origin_y
    )
    buffers = (ctypes.create_string_buffer(_FONT_NAME_BYTES), ctypes.c_float(), pdfium_c.FS_MATRIX())
    fonts: dict[int, tuple[str, float]] = {}
    shared: dict[int, _TextObject] = {}
    is_generated, place_of = pdfium_c.FPDFText_IsGenerated, places.get
    placed: list[tuple[int, dict]] = []
    printing: set[int] = set()
    append, printed, place = placed.append, printing.add, -1
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        # a generated character has no text object: asked only then
        address = object_address(page, i) or 0
        if not address and is_generated(raw, i) == 1:
            continue
        code = unicode(page, i)
        loose_box(page, i, box_out)
        char_origin(page, i, x_out, y_out)
        obj = shared.get(address) if address else None
        if obj is None:
            obj = _TextObject(raw, i, fonts, buffers)
            if address:
                shared[address] = obj
        text = _char_text(code) if code == 0x02 or code > _LAST_CODE_POINT else chr(code)
        key = address or -1
        if not text.isspace():
            printed(key)
        place = place_of(key, place)
        append((place, obj.char(text, origin_x.value, origin_y.value, box, height)))
    return placed, printing


def _pdfminer_box(
    m: Matrix, loose: tuple[float, float, float, float], size: float, descent_per_pt: float
) -> tuple[float, float, float, float]:
    """A character's box as pdfminer draws it, in PDF page space.

    pdfminer's glyph box spans the advance width horizontally and the font
    size from the font's descent vertically, in text space, and is then
    carried to the page by the character's matrix ``m`` (origin included).
    PDFium's loose box spans the advance too but its own ascent/descent:
    carried back to text space it gives the advance, and the vertical span
    is rebuilt from the size and descent.
    """
    return _corners(_box_terms(*m[:4], size, descent_per_pt), m, loose)


class _BoxTerms(NamedTuple):
    """The terms of :func:`_pdfminer_box` that do not depend on the
    character's origin or advance: worked out once per text object, they
    are the same floats for each of its characters."""

    det: float
    slanted: bool
    cv0: float
    cv1: float
    dv0: float
    dv1: float
    x_lo: float
    x_hi: float
    y_lo: float
    y_hi: float


def _box_terms(a: float, b: float, c: float, d: float, size: float, descent_per_pt: float) -> _BoxTerms:
    """The per-object terms of the box for matrix ``a b c d`` and a font of
    ``size`` with ``descent_per_pt``: the glyph box's corners (u, v) lie in
    (0, u1) x (v0, v1), and only u1 varies between characters."""
    v0 = descent_per_pt * size
    v1 = v0 + size
    cv0, cv1, dv0, dv1 = c * v0, c * v1, d * v0, d * v1
    a0, b0 = a * 0.0, b * 0.0
    slanted = bool(abs(b) < 1e-6 and a > 0 and d)
    return _BoxTerms(a * d - b * c, slanted, cv0, cv1, dv0, dv1, a0 + cv0, a0 + cv1, b0 + dv0, b0 + dv1)


def _corners(
    terms: _BoxTerms, m: Matrix, loose: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    """The box of :func:`_pdfminer_box` from its per-object ``terms``."""
    a, b, c, d, e, f = m
    det = terms.det
    if not det:
        return loose
    # The advance starts at the origin (u = 0); only its end is taken from the box.
    if terms.slanted:
        # Unrotated, perhaps slanted (synthetic italics): PDFium's box spans
        # its own ascent-to-descent slant, which is known from its height.
        slant = max(c * (loose[1] - f) / d, c * (loose[3] - f) / d)
        u1 = (loose[2] - e - slant) / a
    else:
        u1 = max(((x - e) * d - (y - f) * c) / det for x in (loose[0], loose[2]) for y in (loose[1], loose[3]))
    # The four corners, written out: this runs for every character of the document.
    au, bu = a * u1, b * u1
    xs = (terms.x_lo + e, terms.x_hi + e, au + terms.cv0 + e, au + terms.cv1 + e)
    ys = (terms.y_lo + f, terms.y_hi + f, bu + terms.dv0 + f, bu + terms.dv1 + f)
    # Rounded: PDFium's matrices are single precision, and float noise
    # must not order two letters set at one height by a millionth.
    return (round(min(xs), 3), round(min(ys), 3), round(max(xs), 3), round(max(ys), 3))


def _blank_object(obj: object, outer: Matrix, textpage: object, height: float) -> list[dict]:
    """A space for a text object that prints only spaces.

    PDFium leaves such objects out of its text page (a word processor draws
    the space between two words as an object of its own), so their text
    there is empty, and it may put no space in their place; pdfminer keeps
    them, and a space always ends a word. A text object with no text in the
    text page is such a space (PDFium makes no object of an empty string).
    Its box starts at the object's origin: only its line matters to words."""
    n = pdfium_c.FPDFTextObj_GetText(obj, textpage, None, 0)
    if n > 64:
        return []
    if n > 2:
        buf = ctypes.create_string_buffer(n)
        pdfium_c.FPDFTextObj_GetText(obj, textpage, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)), n)
        if not buf.raw[: n - 2].decode("utf-16-le", "replace").isspace():
            return []
    a, b, c, d, e, f = _multiply(_object_matrix(obj), outer)
    size_c = ctypes.c_float()
    size = float(size_c.value) if pdfium_c.FPDFTextObj_GetFontSize(obj, size_c) else 0.0
    size *= abs(d) if d else 1.0
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    descent = ctypes.c_float()
    found = font and pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), descent)
    bottom_y = f - abs(float(descent.value) / 1000 if found else 0.0) * size
    top_y = height - (bottom_y + size)
    return [
        {
            "object_type": "char", "text": " ", "fontname": "", "size": size,
            "x0": e, "x1": e, "width": 0.0, "top": top_y, "bottom": height - bottom_y, "doctop": top_y,
            "height": size, "upright": a * d > 0 and b * c <= 0,
        }
    ]  # fmt: skip


def _char_text(code: int) -> str:
    """The character as pdfminer would give it: PDFium's hyphen marker for a
    broken word (U+0002) is the hyphen printed there."""
    if code == 0x02:
        return "-"
    try:
        return chr(code)
    except ValueError:
        return "\ufffd"


def _font(
    obj: object, fonts: dict[int, tuple[str, float]], name_buf: ctypes.Array, descent: ctypes.c_float
) -> tuple[str, float]:
    """The base font name and descent per point of the font of a character's
    text object ``obj``, read once per font."""
    font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
    if not font:
        return "", 0.0
    key = ctypes.cast(font, ctypes.c_void_p).value or 0
    if key not in fonts:
        length = pdfium_c.FPDFFont_GetBaseFontName(font, name_buf, _FONT_NAME_BYTES)
        name = name_buf.value.decode("utf-8", "replace") if length else ""
        ok = pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), ctypes.byref(descent))
        per_pt = float(descent.value) / 1000.0 if ok else 0.0
        fonts[key] = (name, -abs(per_pt))
    return fonts[key]


# --------------------------------------------------------------------------
# Images


def _image(obj: object, outer: Matrix, height: float) -> dict:
    """An image as pdfplumber gives it: where the unit square lands under
    the image's matrix (pdfminer's ``LTImage`` box) and the pixel size of
    its data (``srcsize``), which tell a scanned page and an image's
    resolution."""
    m = _multiply(_object_matrix(obj), outer)
    corners = [_apply(m, x, y) for x in (0.0, 1.0) for y in (0.0, 1.0)]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    w, h = ctypes.c_uint(), ctypes.c_uint()
    if not pdfium_c.FPDFImageObj_GetImagePixelSize(obj, w, h):
        w.value = h.value = 0
    return {
        "object_type": "image", "x0": x0, "x1": x1, "y0": y0, "y1": y1,
        "top": height - y1, "bottom": height - y0, "doctop": height - y1,
        "width": x1 - x0, "height": y1 - y0, "srcsize": (w.value, h.value),
    }  # fmt: skip


# --------------------------------------------------------------------------
# Paths


def _object_matrix(obj: object) -> Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _page_objects(page: object) -> Iterator[tuple[object, int, Matrix]]:
    """Every path, text and image object with its type and the matrix from its
    form XObjects to page space, in content-stream order (a form's objects
    where the form is painted, as pdfminer reads them)."""
    yield from _objects_of(
        lambda k: pdfium_c.FPDFPage_GetObject(page, k), pdfium_c.FPDFPage_CountObjects(page), _IDENTITY
    )


def _objects_of(get: Callable[[int], object], count: int, outer: Matrix) -> Iterator[tuple[object, int, Matrix]]:
    for k in range(count):
        obj = get(k)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_IMAGE):
            yield obj, kind, outer
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            yield from _objects_of(
                lambda j, f=obj: pdfium_c.FPDFFormObj_GetObject(f, j),
                pdfium_c.FPDFFormObj_CountObjects(obj),
                _multiply(_object_matrix(obj), outer),
            )


def _colour(getter: Callable, obj: object, rgba: tuple[ctypes.c_uint, ...]) -> tuple[float, ...] | None:
    """A path's fill or stroke colour as pdfminer's RGB fractions, read into
    ``rgba`` (out-parameters shared by one path's two colours)."""
    r, g, b, a = rgba
    if not getter(obj, r, g, b, a):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)


def _segment_calls() -> tuple[Callable, ...] | None:
    """``FPDFPath_CountSegments``, ``FPDFPath_GetPathSegment``,
    ``FPDFPathSegment_GetPoint``, ``_GetType`` and ``_GetClose``, every
    handle and out-parameter passed as a plain address: a table page is
    thousands of rules of five segments each, and building and checking
    typed handles per segment cost as much as the calls. None where the
    binding's functions cannot be re-typed (a binding that is not plain
    ctypes): the typed calls then serve."""
    calls = (
        _retyped("FPDFPath_CountSegments", _INT, _VOID),
        _retyped("FPDFPath_GetPathSegment", _VOID, _VOID, _INT),
        _retyped("FPDFPathSegment_GetPoint", _INT, _VOID, _VOID, _VOID),
        _retyped("FPDFPathSegment_GetType", _INT, _VOID),
        _retyped("FPDFPathSegment_GetClose", _INT, _VOID),
    )
    return None if None in calls else calls


_SEGMENT_CALLS = _segment_calls()


def _segments(obj: object, matrix: Matrix) -> tuple[str, list[tuple[float, float]]]:
    """The path as pdfminer's operators (one letter each) and their end
    points, in page space: a Bezier curve is one ``c`` at its end point, a
    closed subpath ends in ``h`` at its start. The matrix is applied as
    :func:`_apply` applies it, written out: this runs for every segment."""
    x, y = ctypes.c_float(), ctypes.c_float()
    if _SEGMENT_CALLS is None:
        count, get_segment, get_point, get_type, get_close = (
            pdfium_c.FPDFPath_CountSegments, pdfium_c.FPDFPath_GetPathSegment, pdfium_c.FPDFPathSegment_GetPoint,
            pdfium_c.FPDFPathSegment_GetType, pdfium_c.FPDFPathSegment_GetClose,
        )  # fmt: skip
        path, x_out, y_out = obj, ctypes.byref(x), ctypes.byref(y)
    else:
        count, get_segment, get_point, get_type, get_close = _SEGMENT_CALLS
        path, x_out, y_out = _address(obj), ctypes.addressof(x), ctypes.addressof(y)
    a, b, c, d, e, f = matrix
    ops: list[str] = []
    pts: list[tuple[float, float]] = []
    moveto, bezierto = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_BEZIERTO
    pending_curve = 0
    start: tuple[float, float] | None = None
    for k in range(count(path)):
        seg = get_segment(path, k)
        get_point(seg, x_out, y_out)
        px, py = x.value, y.value
        pt = (a * px + c * py + e, b * px + d * py + f)
        kind = get_type(seg)
        if kind == moveto:
            ops.append("m")
            pts.append(pt)
            start = pt
        elif kind == bezierto:
            pending_curve += 1
            if pending_curve == 3:
                ops.append("c")
                pts.append(pt)
                pending_curve = 0
        else:
            ops.append("l")
            pts.append(pt)
        if get_close(seg) and start is not None and pending_curve == 0:
            ops.append("h")
            pts.append(start)
    return "".join(ops), pts


def _path(obj: object, outer: Matrix, height: float) -> list[dict]:
    """A painted path as pdfplumber dicts, split into subpaths and classified
    as pdfminer's ``paint_path`` does (line, axis-aligned rect, or curve)."""
    fillmode, stroke_flag = ctypes.c_int(), ctypes.c_int()
    if pdfium_c.FPDFPath_GetDrawMode(obj, fillmode, stroke_flag):
        fill, stroke = fillmode.value != 0, bool(stroke_flag.value)
        if fill or stroke:  # else a clipping path ("W n"): nothing is painted
            return _painted(obj, _multiply(_object_matrix(obj), outer), height, fill, stroke)
    return []


def _painted(obj: object, matrix: Matrix, height: float, fill: bool, stroke: bool) -> list[dict]:
    width = ctypes.c_float()
    linewidth = float(width.value) if pdfium_c.FPDFPageObj_GetStrokeWidth(obj, width) else 0.0
    rgba = (ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint())
    style = {
        "fill": fill,
        "stroke": stroke,
        "linewidth": linewidth,
        "non_stroking_color": _colour(pdfium_c.FPDFPageObj_GetFillColor, obj, rgba),
        "stroking_color": _colour(pdfium_c.FPDFPageObj_GetStrokeColor, obj, rgba),
    }
    ops, pts = _segments(obj, matrix)
    out: list[dict] = []
    for first, end in _subpaths(ops):
        shaped = _classify(ops[first:end], pts[first:end], height, style)
        if shaped is not None:
            out.append(shaped)
    return out


def _subpaths(ops: str) -> Iterator[tuple[int, int]]:
    """Where each subpath lies in the operators: from the start and from
    every later ``m`` to the next."""
    first = 0
    while first < len(ops):
        end = ops.find("m", first + 1)
        if end < 0:
            end = len(ops)
        yield first, end
        first = end


def _classify(shape: str, pts: list[tuple[float, float]], height: float, style: dict) -> dict | None:
    if shape[:1] != "m" or len(shape) < 2:
        return None
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in {"mlh", "ml"}:
        return _shape("line", pts[:2], height, style)
    if shape in {"mlllh", "mllll"}:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        closed = pts[0] == pts[4]
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if closed and square:
            return _shape("rect", pts, height, style)
    return _shape("curve", pts, height, style)


def _shape(kind: str, pts: list[tuple[float, float]], height: float, style: dict) -> dict:
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    obj = {
        "object_type": kind,
        "x0": x0,
        "x1": x1,
        "y0": y0,
        "y1": y1,
        "top": height - y1,
        "bottom": height - y0,
        "doctop": height - y1,
        "width": x1 - x0,
        "height": y1 - y0,
        **style,
    }
    if kind == "curve":
        obj["pts"] = [(x, height - y) for x, y in pts]
    return obj
