"""Characters Liberation Sans does not have (an emoji in an officer's name) in the pages casedocs draws.

ReportLab draws with one font at a time and shows a missing glyph as an empty box, so
text is split into runs: each character in the first font that has it, Liberation
first, then DejaVu Sans (monochrome emoji and symbols) and Noto Sans Symbols 2 (colour
emoji fonts are bitmaps ReportLab cannot embed). A character none of them has is shown
as a visible white square and a warning names it, rather than silently dropped.
"""

from __future__ import annotations

import warnings
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from toolkit.errors import CasedocsWarning

MISSING = "\u25a1"  # WHITE SQUARE: in Liberation Sans
_FALLBACKS = (
    ("CDFallback-DejaVu", ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf")),
    ("CDFallback-Symbols2", ("/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf", "/usr/share/fonts/noto/NotoSansSymbols2-Regular.ttf")),
)
_warned: set[str] = set()


@cache
def _fallbacks() -> tuple[str, ...]:
    found = []
    for name, paths in _FALLBACKS:
        path = next((p for p in paths if Path(p).is_file()), None)
        if path is not None:
            pdfmetrics.registerFont(TTFont(name, path))
            found.append(name)
    return tuple(found)


def _has(font: str, char: str) -> bool:
    face = getattr(pdfmetrics.getFont(font), "face", None)
    return face is None or ord(char) in face.charToGlyph  # a standard font: ReportLab's own business


def runs(text: str, font: str) -> list[tuple[str, str]]:
    """``text`` as (font, text) runs, each character in the first font that has it."""
    out: list[tuple[str, str]] = []
    for char in text:
        chosen = font if char.isspace() or _has(font, char) else next((f for f in _fallbacks() if _has(f, char)), None)
        if chosen is None:
            if char not in _warned:
                _warned.add(char)
                warnings.warn(
                    f"no font here has the character {char} (U+{ord(char):04X}): it is shown as {MISSING} in the bundle's own pages",
                    CasedocsWarning, stacklevel=2,
                )
            chosen, char = font, MISSING
        if out and out[-1][0] == chosen:
            out[-1] = (chosen, out[-1][1] + char)
        else:
            out.append((chosen, char))
    return out


def text_width(text: str, font: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(part, name, size) for name, part in runs(text, font))


def draw(canvas: Canvas, x: float, y: float, text: str, align: str = "left") -> None:
    """Draw ``text`` in the canvas's current font and size (falling back per character)."""
    font, size = canvas._fontname, canvas._fontsize
    width = text_width(text, font, size)
    x -= width if align == "right" else width / 2 if align == "centre" else 0
    for name, part in runs(text, font):
        canvas.setFont(name, size)
        canvas.drawString(x, y, part)
        x += pdfmetrics.stringWidth(part, name, size)
    canvas.setFont(font, size)
