"""The pages casedocs draws itself for a bundle: index, exhibit covers, images, text files.

All of them are drawn on one ReportLab canvas, so the embedded font subsets (Liberation
Sans and Liberation Mono, metric-compatible with Arial and Courier New) are in the file
once, whatever the number of pages.  Text is real text (searchable, with ToUnicode
maps).  Every page keeps a bottom strip of ``BOTTOM`` points free for the page stamp.

Layout is separate from drawing: :func:`layout_index` decides which rows go on which
index page with fixed column widths, so the number of index pages is known before any
bundle page number is (the numbers then fill a column whose width does not depend on
them).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from toolkit.bundle.glyphs import draw, text_width

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
TOP = 18 * mm
BOTTOM = 22 * mm  # keeps the stamp strip free

SANS, SANS_BOLD, SANS_ITALIC, MONO = "CDSans", "CDSans-Bold", "CDSans-Italic", "CDMono"

_FONT_DIRS = (
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/liberation",
    "/usr/share/fonts/TTF",
    "/Library/Fonts",
)
_FONT_FILES = {
    SANS: ("LiberationSans-Regular.ttf", "Vera.ttf"),
    SANS_BOLD: ("LiberationSans-Bold.ttf", "VeraBd.ttf"),
    SANS_ITALIC: ("LiberationSans-Italic.ttf", "VeraIt.ttf"),
    MONO: ("LiberationMono-Regular.ttf", "Vera.ttf"),
}
_registered = False


def register_fonts() -> None:
    """Register the fonts once (Liberation; ReportLab's bundled Vera if it is missing)."""
    global _registered
    if _registered:
        return
    import reportlab
    from reportlab import rl_config

    # Binary streams as they are: ReportLab's default wraps every image (a JPEG passed
    # through included) in ASCII85, 25 % bigger and slow to encode.
    rl_config.useA85 = 0

    rl_fonts = Path(reportlab.__file__).parent / "fonts"
    for name, (liberation, vera) in _FONT_FILES.items():
        path = next(
            (Path(d) / liberation for d in _FONT_DIRS if (Path(d) / liberation).is_file()),
            rl_fonts / vera,
        )
        pdfmetrics.registerFont(TTFont(name, str(path)))
    _registered = True


def width(text: str, font: str, size: float) -> float:
    return text_width(text, font, size)


def wrap(text: str, font: str, size: float, max_width: float) -> list[str]:
    """Greedy word wrap; a word wider than the line is broken between characters."""
    lines: list[str] = []
    for para in text.splitlines() or [""]:
        words = para.split()
        if not words:
            lines.append("")
            continue
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if width(candidate, font, size) <= max_width:
                line = candidate
                continue
            if line:
                lines.append(line)
                line = ""
            while width(word, font, size) > max_width:
                cut = len(word)
                while cut > 1 and width(word[:cut], font, size) > max_width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def _clip(lines: list[str], limit: int) -> list[str]:
    if len(lines) <= limit:
        return lines
    return [*lines[: limit - 1], lines[limit - 1].rstrip() + " …"]


# --------------------------------------------------------------------------- index
@dataclass
class IndexRow:
    """One row of the index: a section heading, a document, or a note (no pages)."""

    kind: str  # "section" | "document" | "note"
    text: str
    number: str = ""
    date: str = ""
    note: str = ""
    link_id: str | None = None  # documents: the entry id; its link carries it as /NM
    pages: str = ""  # filled in once numbers are known
    # layout results
    text_lines: list[str] = field(default_factory=list)
    note_lines: list[str] = field(default_factory=list)
    height: float = 0.0


COL_NO = 13 * mm
COL_DATE = 25 * mm
COL_PAGES = 22 * mm
COL_DOC = PAGE_W - 2 * MARGIN_X - COL_NO - COL_DATE - COL_PAGES
X_NO = MARGIN_X
X_DOC = X_NO + COL_NO
X_DATE = X_DOC + COL_DOC
X_PAGES = X_DATE + COL_DATE
TEXT_SIZE, NOTE_SIZE, SECTION_SIZE = 10.0, 8.5, 10.5
LEAD, NOTE_LEAD = 12.5, 10.5
ROW_PAD = 3.5
HEADER_ROW_H = 16.0
MAX_LINES = 12


@dataclass
class IndexLayout:
    title_lines: list[str]
    subtitle_lines: list[str]
    heading: str
    pages: list[list[IndexRow]]


def _measure(row: IndexRow) -> None:
    if row.kind == "section":
        row.text_lines = _clip(wrap(row.text, SANS_BOLD, SECTION_SIZE, COL_DOC + COL_NO - 6), MAX_LINES)
        row.note_lines = []
        row.height = len(row.text_lines) * LEAD + 2 * ROW_PAD + 2
        return
    font = SANS_ITALIC if row.kind == "note" else SANS
    row.text_lines = _clip(wrap(row.text, font, TEXT_SIZE, COL_DOC - 6), MAX_LINES)
    row.note_lines = (
        _clip(wrap(row.note, SANS_ITALIC, NOTE_SIZE, COL_DOC - 6), MAX_LINES) if row.note else []
    )
    row.height = len(row.text_lines) * LEAD + len(row.note_lines) * NOTE_LEAD + 2 * ROW_PAD


def _title_block(title: str, subtitle: str) -> tuple[list[str], list[str], float]:
    tl = _clip(wrap(title, SANS_BOLD, 14, PAGE_W - 2 * MARGIN_X), 6)
    sl = _clip(wrap(subtitle, SANS, 10.5, PAGE_W - 2 * MARGIN_X), 6) if subtitle else []
    return tl, sl, len(tl) * 17 + len(sl) * 13.5


def layout_index(title: str, subtitle: str, rows: list[IndexRow], heading: str = "Index") -> IndexLayout:
    """Measure rows and split them over index pages (headings kept with the next row)."""
    register_fonts()
    tl, sl, title_h = _title_block(title, subtitle)
    for row in rows:
        _measure(row)
    first_top = PAGE_H - TOP - title_h - 28 - HEADER_ROW_H
    cont_top = PAGE_H - TOP - 22 - HEADER_ROW_H
    pages: list[list[IndexRow]] = [[]]
    y = first_top
    section: IndexRow | None = None
    for i, row in enumerate(rows):
        need = row.height
        if row.kind == "section":
            section = row
            if i + 1 < len(rows) and rows[i + 1].kind != "section":
                need += rows[i + 1].height  # keep a heading with its first row
        if y - need < BOTTOM and pages[-1]:
            pages.append([])
            y = cont_top
            if row.kind != "section" and section is not None:
                # a page that starts inside a section says which section it is
                repeat = IndexRow("section", f"{section.text} (continued)")
                _measure(repeat)
                pages[-1].append(repeat)
                y -= repeat.height
        pages[-1].append(row)
        y -= row.height
    return IndexLayout(tl, sl, heading, pages)


def draw_index(canvas: Canvas, layout: IndexLayout) -> list[list[tuple[str, tuple[float, float, float, float]]]]:
    """Draw the index pages; returns, per page, ``(link_id, rect)`` for each document row."""
    links: list[list[tuple[str, tuple[float, float, float, float]]]] = []
    total = len(layout.pages)
    for p, rows in enumerate(layout.pages):
        page_links: list[tuple[str, tuple[float, float, float, float]]] = []
        y = PAGE_H - TOP
        if p == 0:
            canvas.setFont(SANS_BOLD, 14)
            for line in layout.title_lines:
                y -= 15
                draw(canvas, MARGIN_X, y, line)
                y -= 2
            canvas.setFont(SANS, 10.5)
            for line in layout.subtitle_lines:
                y -= 12
                draw(canvas, MARGIN_X, y, line)
                y -= 1.5
            y -= 22
            canvas.setFont(SANS_BOLD, 13)
            draw(canvas, MARGIN_X, y, layout.heading)
            y -= 6
        else:
            y -= 14
            canvas.setFont(SANS_BOLD, 11)
            draw(canvas, MARGIN_X, y, f"{layout.heading} (continued)")
            canvas.setFont(SANS, 9)
            draw(canvas, PAGE_W - MARGIN_X, y, f"index page {p + 1} of {total}", align="right")
            y -= 8
        # column headings
        canvas.setFillGray(0.85)
        canvas.rect(MARGIN_X, y - HEADER_ROW_H, PAGE_W - 2 * MARGIN_X, HEADER_ROW_H, stroke=0, fill=1)
        canvas.setFillGray(0)
        canvas.setFont(SANS_BOLD, 9)
        base = y - HEADER_ROW_H + 5
        draw(canvas, X_NO + 3, base, "Tab")
        draw(canvas, X_DOC + 3, base, "Document")
        draw(canvas, X_DATE + 3, base, "Date")
        draw(canvas, X_PAGES + COL_PAGES - 3, base, "Page", align="right")
        y -= HEADER_ROW_H
        canvas.setLineWidth(0.4)
        for row in rows:
            top = y
            bottom = y - row.height
            if row.kind == "section":
                canvas.setFillGray(0.93)
                canvas.rect(MARGIN_X, bottom, PAGE_W - 2 * MARGIN_X, row.height, stroke=0, fill=1)
                canvas.setFillGray(0)
                canvas.setFont(SANS_BOLD, SECTION_SIZE)
                ty = top - ROW_PAD - 10
                for line in row.text_lines:
                    draw(canvas, X_NO + 3, ty, line)
                    ty -= LEAD
                if row.pages:
                    canvas.setFont(SANS_BOLD, TEXT_SIZE)
                    draw(canvas, X_PAGES + COL_PAGES - 3, top - ROW_PAD - 10, row.pages, align="right")
            else:
                ty = top - ROW_PAD - 9.5
                canvas.setFont(SANS, TEXT_SIZE)
                if row.number:
                    draw(canvas, X_NO + 3, ty, row.number)
                if row.date:
                    draw(canvas, X_DATE + 3, ty, row.date)
                if row.pages:
                    draw(canvas, X_PAGES + COL_PAGES - 3, ty, row.pages, align="right")
                canvas.setFont(SANS_ITALIC if row.kind == "note" else SANS, TEXT_SIZE)
                if row.kind == "document":
                    canvas.setFillColorRGB(0.0, 0.2, 0.55)  # reads as a link
                for line in row.text_lines:
                    draw(canvas, X_DOC + 3, ty, line)
                    ty -= LEAD
                canvas.setFillGray(0)
                canvas.setFont(SANS_ITALIC, NOTE_SIZE)
                ty += LEAD - NOTE_LEAD
                for line in row.note_lines:
                    draw(canvas, X_DOC + 3, ty, line)
                    ty -= NOTE_LEAD
                if row.link_id:
                    page_links.append((row.link_id, (MARGIN_X, bottom, PAGE_W - MARGIN_X, top)))
            canvas.setStrokeGray(0.6)
            canvas.line(MARGIN_X, bottom, PAGE_W - MARGIN_X, bottom)
            canvas.setStrokeGray(0)
            y = bottom
        links.append(page_links)
        canvas.showPage()
    return links


# --------------------------------------------------------------------------- covers
def draw_cover(canvas: Canvas, mark: str, title: str, date: str, text: str | None) -> None:
    """An exhibit's cover page: the mark, large, then its title, date and any text."""
    register_fonts()
    cx = PAGE_W / 2
    canvas.setLineWidth(1.2)
    canvas.rect(MARGIN_X, BOTTOM + 10 * mm, PAGE_W - 2 * MARGIN_X, PAGE_H - TOP - BOTTOM - 10 * mm)
    y = PAGE_H * 0.64
    canvas.setFont(SANS, 16)
    draw(canvas, cx, y + 58, "Exhibit", align="centre")
    size = 54.0
    while width(mark, SANS_BOLD, size) > PAGE_W - 2 * MARGIN_X - 30 and size > 14:
        size -= 2
    canvas.setFont(SANS_BOLD, size)
    draw(canvas, cx, y, mark, align="centre")
    y -= 44
    canvas.setFont(SANS, 14)
    for line in _clip(wrap(title, SANS, 14, PAGE_W - 2 * MARGIN_X - 40), 8):
        draw(canvas, cx, y, line, align="centre")
        y -= 18
    if date:
        y -= 6
        canvas.setFont(SANS, 12)
        draw(canvas, cx, y, date, align="centre")
        y -= 16
    if text:
        y -= 14
        canvas.setFont(SANS_ITALIC, 11)
        for line in _clip(wrap(text, SANS_ITALIC, 11, PAGE_W - 2 * MARGIN_X - 60), 12):
            draw(canvas, cx, y, line, align="centre")
            y -= 14
    canvas.showPage()


# --------------------------------------------------------------------------- images
IMAGE_MARGIN = 12 * mm
MAX_DPI = 300


def image_page_size(px_w: int, px_h: int) -> tuple[float, float]:
    return landscape(A4) if px_w > px_h else A4


def image_placement(px_w: int, px_h: int, dpi: tuple[float, float] | None) -> tuple[tuple[float, float], float, float]:
    """Page size, and the image's width and height on it (pt): fitted to the page within
    its margins, never larger than its natural size (at its own dpi, or 96)."""
    page = image_page_size(px_w, px_h)
    avail_w = page[0] - 2 * IMAGE_MARGIN
    avail_h = page[1] - IMAGE_MARGIN - BOTTOM
    xdpi, ydpi = dpi if dpi and 30 <= dpi[0] <= 2400 and 30 <= dpi[1] <= 2400 else (96.0, 96.0)
    natural_w, natural_h = px_w / xdpi * 72, px_h / ydpi * 72
    scale = min(avail_w / natural_w, avail_h / natural_h, 1.0)
    if natural_w < 72 * 2 and natural_h < 72 * 2:  # tiny images: shown at least 2 inches
        scale = min(avail_w / natural_w, avail_h / natural_h, 144 / max(natural_w, natural_h))
    return page, natural_w * scale, natural_h * scale


def draw_image(canvas: Canvas, image_source: Any, px_w: int, px_h: int, page: tuple[float, float], w: float, h: float) -> None:
    """Draw one image centred in the area above the stamp strip of a ``page``-sized page."""
    canvas.setPageSize(page)
    x = (page[0] - w) / 2
    area_bottom = BOTTOM
    area_h = page[1] - IMAGE_MARGIN - BOTTOM
    y = area_bottom + (area_h - h) / 2
    canvas.drawImage(image_source, x, y, width=w, height=h, preserveAspectRatio=False)
    canvas.showPage()
    canvas.setPageSize(A4)


# --------------------------------------------------------------------------- text files
TEXT_FONT_SIZE = 9.5
TEXT_LEAD = 12.0


def layout_text(text: str) -> list[list[str]]:
    """Lines of a plain-text file, wrapped to A4, split into pages (form feeds kept)."""
    register_fonts()
    max_w = PAGE_W - 2 * MARGIN_X
    per_page = int((PAGE_H - TOP - BOTTOM) // TEXT_LEAD)
    pages: list[list[str]] = []
    for chunk in text.split("\f"):
        lines: list[str] = []
        for raw in chunk.expandtabs(4).splitlines():
            lines.extend(_wrap_keep_indent(raw, max_w))
        if not lines:
            lines = [""]
        for k in range(0, len(lines), per_page):
            pages.append(lines[k : k + per_page])
    if not any(any(line.strip() for line in page) for page in pages):
        pages = [["(This file is empty.)"]]
    return pages


def _wrap_keep_indent(raw: str, max_w: float) -> list[str]:
    if width(raw, MONO, TEXT_FONT_SIZE) <= max_w:
        return [raw]
    indent = len(raw) - len(raw.lstrip(" "))
    pad = " " * min(indent, 16)
    out: list[str] = []
    for k, line in enumerate(wrap(raw, MONO, TEXT_FONT_SIZE, max_w - width(pad, MONO, TEXT_FONT_SIZE))):
        out.append(pad + line if k or indent else line)
    return out


def draw_text_pages(canvas: Canvas, pages: list[list[str]]) -> None:
    for lines in pages:
        canvas.setFont(MONO, TEXT_FONT_SIZE)
        y = PAGE_H - TOP - TEXT_FONT_SIZE
        for line in lines:
            draw(canvas, MARGIN_X, y, line)
            y -= TEXT_LEAD
        canvas.showPage()


def new_canvas(buffer: io.BytesIO, title: str) -> Canvas:
    """A canvas with deterministic output (no timestamps, fixed /ID)."""
    register_fonts()
    c = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setCreator("casedocs")
    return c
