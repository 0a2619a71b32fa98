"""The character box worked out per text object gives the same floats as
the box worked out per character.

``_TextObject.char`` and ``_corners`` split pdfminer's glyph box into the terms a text
object's characters share (:func:`_box_terms`, once per object; the vertical
extent once per baseline) and the terms of each character. ``_reference_box``
is the box as it was worked out per character before that split, frozen
here as the oracle: the split must not move any character by a float's
last bit, since the words and tables are compared exactly with it.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.readers.pdfium_page import _pdfminer_box, _TextObject


def _reference_box(m, loose, size, descent_per_pt):
    """The glyph box per character, as :func:`_pdfminer_box` computed it in one piece."""
    a, b, c, d, e, f = m
    det = a * d - b * c
    if not det:
        return loose
    if abs(b) < 1e-6 and a > 0 and d:
        slant = max(c * (loose[1] - f) / d, c * (loose[3] - f) / d)
        u1 = (loose[2] - e - slant) / a
    else:
        u1 = max(((x - e) * d - (y - f) * c) / det for x in (loose[0], loose[2]) for y in (loose[1], loose[3]))
    v0 = descent_per_pt * size
    v1 = v0 + size
    cv0, cv1, dv0, dv1 = c * v0, c * v1, d * v0, d * v1
    au, bu = a * u1, b * u1
    a0, b0 = a * 0.0, b * 0.0
    xs = (a0 + cv0 + e, a0 + cv1 + e, au + cv0 + e, au + cv1 + e)
    ys = (b0 + dv0 + f, b0 + dv1 + f, bu + dv0 + f, bu + dv1 + f)
    return (round(min(xs), 3), round(min(ys), 3), round(max(xs), 3), round(max(ys), 3))


class _Loose:
    """A loose box as PDFium fills it (``FS_RECTF``'s fields)."""

    def __init__(self, left: float, bottom: float, right: float, top: float) -> None:
        self.left, self.bottom, self.right, self.top = left, bottom, right, top


def _text_object(a: float, b: float, c: float, d: float, size: float, descent: float) -> _TextObject:
    """A text object's shared terms without a PDFium page behind it."""
    obj = _TextObject.__new__(_TextObject)
    obj.a, obj.b, obj.c, obj.d, obj.size, obj.descent_per_pt = a, b, c, d, size, descent
    obj.fontname = "F"
    obj._derive_terms()
    return obj


coordinate = st.floats(-900, 900, allow_nan=False)
scale = st.floats(0.05, 30, allow_nan=False) | st.sampled_from([5e-324, 1e-200])
tiny = st.sampled_from([0.0, -0.0, 1e-9, -3e-8, 4e-7])
linear = st.tuples(scale, tiny, st.one_of(tiny, st.floats(-1, 1)), scale) | st.tuples(
    st.floats(-30, 30), st.floats(-30, 30), st.floats(-30, 30), st.floats(-30, 30)
)


@settings(max_examples=400, deadline=None)
@given(linear, coordinate, coordinate, st.tuples(coordinate, coordinate, coordinate, coordinate), scale,
       st.floats(-0.5, 0.0))  # fmt: skip
def test_the_box_per_object_terms_is_the_box_per_character(abcd, e, f, loose, size, descent) -> None:
    m = (*abcd, e, f)
    assert _pdfminer_box(m, loose, size, descent) == _reference_box(m, loose, size, descent)


@settings(max_examples=300, deadline=None)
@given(linear, st.lists(st.tuples(coordinate, st.sampled_from([0.0, 12.5, 700.25]), coordinate), min_size=1,
       max_size=6), scale, st.floats(-0.5, 0.0))  # fmt: skip
def test_characters_of_one_object_on_shared_baselines_keep_their_own_boxes(abcd, chars, size, descent) -> None:
    """The vertical extent remembered for an object's last baseline serves
    only characters on that baseline, whatever the order they come in."""
    height = 842.0
    obj = _text_object(*abcd, size, descent)
    for e, f, right in chars:
        loose = _Loose(e, f - 3.0, right, f + 9.0)
        x0, y0, x1, y1 = _reference_box(
            (*abcd, e, f), (loose.left, loose.bottom, loose.right, loose.top), size, descent
        )
        char = obj.char("x", e, f, loose, height)
        assert (char["x0"], char["x1"], char["size"], char["top"], char["bottom"]) == (
            x0,
            x1,
            y1 - y0,
            height - y1,
            height - y0,
        )
        assert (char["width"], char["height"], char["doctop"]) == (x1 - x0, y1 - y0, height - y1)
