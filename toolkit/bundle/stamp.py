"""Bundle page numbers stamped onto PDF pages, upright whatever the page's /Rotate.

The stamp is a small white box with a thin frame and ``Page 12`` in Helvetica Bold, at the
*visual* bottom-right corner of the page as a reader sees it (inside the crop box),
``STAMP_MARGIN_X``/``STAMP_MARGIN_Y`` points from the edges: closer to the edge than
the margins of any ordinary letter or statement (LibreOffice's and Word's footers sit at
least 1 cm up), and white-backed so that it stays legible over a full-bleed scan.

How it is added, and why that way: the page's own content streams are left untouched
and wrapped in ``q ... Q`` (so whatever graphics state they leave behind cannot move or
recolour the stamp), then one small stream is appended that draws the stamp.  That is
far faster than ``PageObject.merge_page`` (which parses and rewrites every content
stream) -- a 600-page bundle is stamped in well under a second -- and keeps the
documents' bytes as they were.  The stamp text is drawn as a pagination artifact
(``/Artifact <</Type /Pagination>> BDC``), so it is searchable but assistive technology
knows it is not part of the document.  One Helvetica-Bold font object (a standard font, not
embedded: nothing to duplicate) serves every page.

Rotation: ``/Rotate`` is kept (landscape pages stay landscape) and the stamp's own
coordinates are mapped into the page's unrotated user space with a ``cm`` matrix, so
it comes out upright at the reader's bottom-right for 0, 90, 180 and 270.
"""

from __future__ import annotations

from pypdf import PageObject, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    RectangleObject,
)

FONT_KEY = "/CasedocsStamp"
FONT_SIZE = 8.5
STAMP_MARGIN_X = 12.0  # pt from the visual right edge (~4 mm)
STAMP_MARGIN_Y = 9.0  # pt from the visual bottom edge (~3 mm)
PAD_X = 4.0
PAD_Y = 3.0
# Helvetica-Bold advance widths (1/1000 em) for the characters a stamp uses.
_HELV = {
    **dict.fromkeys("0123456789", 556),
    " ": 278, "P": 667, "a": 556, "g": 611, "e": 556,
}


def stamp_text(number: int) -> str:
    return f"Page {number}"


def text_width(text: str, size: float = FONT_SIZE) -> float:
    return sum(_HELV.get(ch, 556) for ch in text) * size / 1000.0


def stamp_box(number: int) -> tuple[float, float]:
    """Width and height (pt) of the stamp box for ``number``."""
    return text_width(stamp_text(number)) + 2 * PAD_X, FONT_SIZE + 2 * PAD_Y


def visual_box(page: PageObject) -> tuple[float, float, float, float, int]:
    """``(x0, y0, x1, y1, rotation)`` of the visible area (crop box within media box)."""
    media = page.mediabox
    try:
        crop = page.cropbox
    except Exception:  # noqa: BLE001 - a malformed /CropBox: use the media box
        crop = media
    x0 = max(float(crop.left), float(media.left))
    y0 = max(float(crop.bottom), float(media.bottom))
    x1 = min(float(crop.right), float(media.right))
    y1 = min(float(crop.top), float(media.top))
    if x1 - x0 < 1 or y1 - y0 < 1:  # nonsensical crop box: fall back to the media box
        x0, y0, x1, y1 = float(media.left), float(media.bottom), float(media.right), float(media.top)
    rotation = int(page.get("/Rotate", 0) or 0) % 360
    rotation -= rotation % 90
    return x0, y0, x1, y1, rotation


def visual_to_user(page: PageObject) -> tuple[tuple[float, ...], float, float]:
    """The ``cm`` matrix mapping visual coordinates (origin at the reader's bottom-left,
    x to the right, y up) into the page's user space, and the visual width and height."""
    x0, y0, x1, y1, r = visual_box(page)
    w, h = x1 - x0, y1 - y0
    if r == 0:
        return (1, 0, 0, 1, x0, y0), w, h
    if r == 90:
        return (0, 1, -1, 0, x1, y0), h, w
    if r == 180:
        return (-1, 0, 0, -1, x1, y1), w, h
    return (0, -1, 1, 0, x0, y1), h, w  # 270


def top_left_user(page: PageObject) -> tuple[float, float]:
    """User-space point at the reader's top-left corner (for /XYZ destinations)."""
    x0, y0, x1, y1, r = visual_box(page)
    return {0: (x0, y1), 90: (x0, y0), 180: (x1, y0), 270: (x1, y1)}[r]


def _num(v: float) -> str:
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return s if s not in ("-0", "") else "0"


def stamp_stream(page: PageObject, number: int) -> bytes:
    """Content-stream bytes drawing the stamp for ``number`` on ``page``."""
    matrix, vw, _vh = visual_to_user(page)
    text = stamp_text(number)
    bw, bh = stamp_box(number)
    bx = vw - STAMP_MARGIN_X - bw
    by = STAMP_MARGIN_Y
    cm = " ".join(_num(v) for v in matrix)
    return (
        f"\nQ q {cm} cm\n"
        f"/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"
        f"1 g 0 G 0.6 w {_num(bx)} {_num(by)} {_num(bw)} {_num(bh)} re B\n"
        f"0 g BT {FONT_KEY} {_num(FONT_SIZE)} Tf {_num(bx + PAD_X)} {_num(by + PAD_Y + 0.9)} Td "
        f"({text}) Tj ET\nEMC Q\n"
    ).encode("latin-1")


class Stamper:
    """Stamps pages of one :class:`PdfWriter`, sharing one font and one ``q`` stream."""

    def __init__(self, writer: PdfWriter) -> None:
        self.writer = writer
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica-Bold"),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
        self.font_ref = writer._add_object(font)
        opener = DecodedStreamObject()
        opener.set_data(b"q\n")
        self.opener_ref = writer._add_object(opener)

    def stamp(self, page: PageObject, number: int) -> None:
        """Add the stamp for ``number`` to ``page`` (a page already in the writer)."""
        self._add_font(page)
        stream = DecodedStreamObject()
        stream.set_data(stamp_stream(page, number))
        stream_ref = self.writer._add_object(stream.flate_encode())
        contents = page.get("/Contents")
        parts = ArrayObject([self.opener_ref])
        if contents is not None:
            resolved = contents.get_object()
            if isinstance(resolved, ArrayObject):
                parts.extend(resolved)
            elif isinstance(contents, IndirectObject):
                parts.append(contents)
            else:  # a direct stream (not allowed by the spec, but seen): make it indirect
                parts.append(self.writer._add_object(resolved))
        parts.append(stream_ref)
        page[NameObject("/Contents")] = parts

    def _add_font(self, page: PageObject) -> None:
        fonts = _child_dict(_child_dict(page, "/Resources"), "/Font")
        fonts[NameObject(FONT_KEY)] = self.font_ref


def _child_dict(parent: DictionaryObject, key: str) -> DictionaryObject:
    """``parent[key]`` resolved, created empty where the page has none."""
    found = parent.get(key)
    if found is None:
        child = DictionaryObject()
        parent[NameObject(key)] = child
        return child
    return found.get_object()


def stamp_of(page: PageObject) -> str | None:
    """The text of this page's bundle stamp (``"Page 12"``), found by extracting text from
    the stamp stream alone; ``None`` when the page carries no casedocs stamp."""
    contents = page.get("/Contents")
    if contents is None:
        return None
    resolved = contents.get_object()
    if not isinstance(resolved, ArrayObject) or not resolved:
        return None
    last = resolved[-1].get_object()
    try:
        data = last.get_data()
    except Exception:  # noqa: BLE001 - an unreadable stream carries no stamp
        return None
    if b"/Pagination" not in data or FONT_KEY.encode() not in data:
        return None
    fonts = page.get("/Resources", DictionaryObject()).get_object().get("/Font")
    if fonts is None or FONT_KEY not in fonts.get_object():
        return None
    probe = PageObject.create_blank_page(width=1000, height=1000)
    probe[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject(FONT_KEY): fonts.get_object()[FONT_KEY]})}
    )
    stream = DecodedStreamObject()
    stream.set_data(data.replace(b"\nQ q ", b"\nq ", 1))
    probe[NameObject("/Contents")] = stream
    probe.mediabox = RectangleObject((-5000, -5000, 5000, 5000))
    text = probe.extract_text().strip()
    return text or None
