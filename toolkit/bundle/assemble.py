"""Court e-bundles: one paginated, indexed, bookmarked PDF plus its index as JSON.

Independent of the case model: the input is a *plan*, a list of :class:`BundleSection`
each with :class:`BundleDocument` entries (title, date, source file, exhibit mark,
note).  Sources may be PDF, JPEG/PNG/TIFF images, Word ``.docx`` (converted with
LibreOffice through :mod:`toolkit.pdf.convert`) or ``.txt``.  A document with no source is
a *note*: a row in the index with no pages ("Evidence provided by Witness A is withheld
from the respondent's copy").

What the bundle looks like follows the judiciary's General Guidance on Electronic Court
Bundles (2021) and the King's Bench Guide (see ``docs/domain.md``, "Injunction
bundle"):

* the index comes first; every document row is a link to the document's first page;
* every page, the index included, is stamped ``Page N`` in a small box bottom right,
  page 1 being the first page of the PDF, continuous to the end; the PDF's page labels
  are the same numbers, so a viewer's "go to page 14" lands on the page stamped 14;
* a bookmark for every section and every document, titled with its page number
  (``Exhibit PS3 — Photograph of front door (p. 14)``);
* the file opens at 100 % with the bookmarks panel shown (``/PageMode /UseOutlines``,
  ``/OpenAction [page 1 /XYZ left top 1]``);
* landscape pages stay landscape and upright (``/Rotate`` is kept; the stamp is placed
  and turned to match, see :mod:`toolkit.bundle.stamp`);
* an exhibit gets a cover page carrying its mark; images become a page sized to fit A4
  (landscape for landscape images) at no more than 300 dpi;
* identical objects (the same logo in twenty letters, a document included twice) are
  stored once; text stays text.

``supplement``: documents added after a bundle was issued go at the end.  The earlier
pages -- index included -- are kept exactly as they were, so no earlier page number or
link changes; the new pages start with an index to the supplement (section
"Supplement", "Supplement 2", ...), continue the numbering, and get bookmarks.

Inputs are all checked before anything is written (a corrupt or password-protected PDF,
an unreadable image, a bad .docx raise :class:`InputError` naming each file), the PDF
and its JSON are written to temporary files and renamed into place only after the
result has been re-read and checked: page count against the index, every page's stamp
found by text extraction, every index link and bookmark landing on the page the index
names, page labels, page mode and open action.  A failed check raises
:class:`BundleCheckError` and leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import logging
import os
import re
import tempfile
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NullObject,
    NumberObject,
    RectangleObject,
    TextStringObject,
)
from pypdf.generic import Fit

from toolkit.bundle import pages as bp
from toolkit.errors import CasedocsWarning, InputError, Problem, ToolError
from toolkit.output import ensure_dir, output_errors, temp_prefix
from toolkit.scratch import scratch
from toolkit.limits import image_size_problem, open_image
from toolkit.bundle.sanitise import active_content, sanitise
from toolkit.bundle.stamp import Stamper, stamp_of, stamp_text, top_left_user

log = logging.getLogger(__name__)

INDEX_FORMAT = "casedocs-bundle-index"
INDEX_VERSION = 1
#: A court e-mail inbox takes about 36 MB (domain.md); warn above this.
INBOX_LIMIT = 36 * 1000 * 1000

PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}
DOCX_SUFFIXES = {".docx"}
TEXT_SUFFIXES = {".txt"}
SUPPORTED = PDF_SUFFIXES | IMAGE_SUFFIXES | DOCX_SUFFIXES | TEXT_SUFFIXES

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DASH = "\u2013"  # en dash in page ranges
_EMDASH = "\u2014"


class BundleCheckError(ToolError):
    """The bundle failed casedocs' own check after building; nothing was written."""


# ----------------------------------------------------------------------------- plan
@dataclass(frozen=True)
class BundleDocument:
    """One entry of a bundle plan.

    ``source`` ``None`` makes a *note*: an index row with no pages.  ``exhibit`` (a mark
    such as ``"PS3"``) gives the document a cover page carrying the mark.  ``note`` is
    printed under the title in the index.  ``cover_text`` is extra text for the exhibit
    cover (e.g. "This is the exhibit marked PS3 referred to in the witness statement of
    P Smith dated 3 March 2026").
    """

    title: str
    source: Path | None = None
    date: dt.date | None = None
    exhibit: str | None = None
    note: str | None = None
    cover_text: str | None = None

    @property
    def is_note(self) -> bool:
        return self.source is None


@dataclass(frozen=True)
class BundleSection:
    """A titled section.  ``chronological`` sorts its documents by date (undated last,
    otherwise in the order given) -- for contemporaneous documents."""

    title: str
    documents: Sequence[BundleDocument] = ()
    chronological: bool = False

    def ordered(self) -> list[BundleDocument]:
        docs = list(self.documents)
        if self.chronological:
            docs.sort(key=lambda d: (d.date is None, d.date or dt.date.min))
        return docs


@dataclass
class BundleResult:
    pdf: Path
    index: Path
    page_count: int
    size: int
    data: dict[str, Any]


# ----------------------------------------------------------------------------- items
@dataclass
class _Frame:
    source: Any  # path (JPEG pass-through) or ImageReader
    px: tuple[int, int]
    page: tuple[float, float]
    size: tuple[float, float]


@dataclass
class _Item:
    doc: BundleDocument
    kind: str  # pdf | docx | image | text | note
    reader: PdfReader | None = None
    frames: list[_Frame] = field(default_factory=list)
    text_pages: list[list[str]] = field(default_factory=list)
    tab: str = ""
    id: str = ""
    first: int = 0
    last: int = 0
    cover_rl: int | None = None  # page index in the ReportLab PDF
    content_rl: list[int] = field(default_factory=list)
    _pdf_pages: int | None = None

    @property
    def content_pages(self) -> int:
        if self.kind in ("pdf", "docx"):
            assert self.reader is not None
            if self._pdf_pages is None:
                self._pdf_pages = len(self.reader.pages)
            return self._pdf_pages
        if self.kind == "image":
            return len(self.frames)
        if self.kind == "text":
            return len(self.text_pages)
        return 0

    @property
    def page_count(self) -> int:
        if self.kind == "note":
            return 0
        return self.content_pages + (1 if self.doc.exhibit else 0)


def format_date(d: dt.date | None) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}" if d else ""


def page_span(first: int, last: int) -> str:
    if not first:
        return ""
    return str(first) if first == last else f"{first}{_DASH}{last}"


def doc_label(doc: BundleDocument) -> str:
    return f"Exhibit {doc.exhibit} {_EMDASH} {doc.title}" if doc.exhibit else doc.title


# ----------------------------------------------------------------------------- checks
@contextlib.contextmanager
def _quiet_pypdf():
    """pypdf logs every oddity of a broken file on the root handler; we report the file
    as an :class:`InputError` instead, so its chatter goes to debug logging only."""
    logger = logging.getLogger("pypdf")
    old_level, old_propagate = logger.level, logger.propagate
    logger.setLevel(logging.ERROR if not log.isEnabledFor(logging.DEBUG) else old_level)
    try:
        yield
    finally:
        logger.setLevel(old_level)
        logger.propagate = old_propagate


def _open_pdf(path: Path, problems: list[Problem]) -> PdfReader | None:
    """Open and fully check a PDF input; a :class:`Problem` for anything wrong."""
    with _quiet_pypdf():
        reader = _open_pdf_checked(path, problems)
        removed = sanitise(reader) if reader is not None else 0
    if removed:
        warnings.warn(
            f"{path}: {removed} active item{'s' if removed != 1 else ''} (scripts, actions, web links or attached files) "
            "removed before it went into the bundle; its pages are unchanged",
            CasedocsWarning, stacklevel=2,
        )
    return reader


def _open_pdf_checked(path: Path, problems: list[Problem]) -> PdfReader | None:
    def bad(msg: str) -> None:
        problems.append(Problem(str(path), 0, 0, msg))

    try:
        data = path.read_bytes()
    except OSError as exc:
        bad(f"cannot be read ({exc.strerror or exc})")
        return None
    if not data.lstrip()[:5].startswith(b"%PDF"):
        bad("is not a PDF file (it does not start with %PDF); it may be corrupt")
        return None
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                bad("is encrypted (password-protected); ask for a copy without a password")
                return None
        count = len(reader.pages)
        if count < 1:
            bad("has no pages; it may be corrupt")
            return None
        for n, page in enumerate(reader.pages, start=1):
            box = page.mediabox
            if box.width <= 0 or box.height <= 0:
                bad(f"page {n} has no size; the file is corrupt")
                return None
            contents = page.get("/Contents")
            if contents is None:
                continue
            streams = contents.get_object()
            for s in streams if isinstance(streams, ArrayObject) else [contents]:
                s.get_object().get_data()
    except Exception as exc:  # pypdf raises many kinds for a broken file
        bad(f"cannot be read as a PDF; it may be corrupt ({exc.__class__.__name__}: {exc})")
        return None
    return reader


def _prepare_image(path: Path, problems: list[Problem]) -> list[_Frame]:
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    from reportlab.lib.utils import ImageReader

    try:
        im = open_image(path)
    except ValueError as exc:  # over the pixel limit (Pillow's bomb check, worded)
        problems.append(Problem(str(path), 0, 0, str(exc)))
        return []
    except (UnidentifiedImageError, OSError) as exc:
        problems.append(Problem(str(path), 0, 0, f"cannot be read as an image; it may be corrupt ({exc})"))
        return []
    too_big = image_size_problem(im)
    if too_big:
        problems.append(Problem(str(path), 0, 0, too_big))
        return []
    try:
        im.load()
    except (OSError, ValueError) as exc:
        problems.append(Problem(str(path), 0, 0, f"cannot be read as an image; it may be corrupt ({exc})"))
        return []
    frames: list[_Frame] = []
    fmt = im.format
    try:
        for index, frame in enumerate(ImageSequence.Iterator(im)):
            if index and (too_big := image_size_problem(frame, index)):
                problems.append(Problem(str(path), 0, 0, too_big))
                return []
            dpi = frame.info.get("dpi") or im.info.get("dpi")
            dpi_t = (float(dpi[0]), float(dpi[1])) if dpi else None
            orientation = frame.getexif().get(0x0112, 1) if fmt == "JPEG" else 1
            oriented = ImageOps.exif_transpose(frame) if orientation not in (1, None) else frame
            px = oriented.size
            page, w, h = bp.image_placement(px[0], px[1], dpi_t)
            max_px = (round(w / 72 * bp.MAX_DPI), round(h / 72 * bp.MAX_DPI))
            too_big = px[0] > max_px[0] * 1.02 or px[1] > max_px[1] * 1.02
            if fmt == "JPEG" and not too_big and oriented is frame and frame.mode in ("RGB", "L"):
                frames.append(_Frame(str(path), px, page, (w, h)))  # embedded as is
                continue
            img = oriented
            if img.mode in ("RGBA", "LA", "PA", "P") or "transparency" in img.info:
                rgba = img.convert("RGBA")
                flat = Image.new("RGB", rgba.size, (255, 255, 255))
                flat.paste(rgba, mask=rgba.getchannel("A"))
                img = flat
            elif img.mode in ("1", "I;16", "I", "F"):
                img = img.convert("L")
            elif img.mode not in ("RGB", "L"):
                img = img.convert("RGB")
            if too_big:
                img = img.resize(max_px, Image.Resampling.LANCZOS)
            buf = io.BytesIO()
            if fmt == "JPEG" or _photographic(img):
                img.save(buf, "JPEG", quality=88, optimize=True)
                buf.seek(0)
                frames.append(_Frame(ImageReader(buf), img.size, page, (w, h)))
            else:
                frames.append(_Frame(ImageReader(img), img.size, page, (w, h)))
            log.debug("%s frame %d: %s -> %s px", path, index, px, img.size)
    except (OSError, ValueError) as exc:
        problems.append(Problem(str(path), 0, 0, f"cannot be read as an image; it may be corrupt ({exc})"))
        return []
    return frames


def _photographic(img) -> bool:
    """Many colours (a photograph saved as PNG/TIFF): JPEG is far smaller than Flate."""
    thumb = img.copy()
    thumb.thumbnail((200, 200))
    return thumb.getcolors(maxcolors=2048) is None


def _read_text(path: Path, problems: list[Problem]) -> list[list[str]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(str(path), 0, 0, f"cannot be read ({exc.strerror or exc})"))
        return []
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly everything
        problems.append(Problem(str(path), 0, 0, "is not a text file (neither UTF-8 nor Windows-1252)"))
        return []
    if "\x00" in text:
        problems.append(Problem(str(path), 0, 0, "is not a text file (it contains NUL bytes)"))
        return []
    return bp.layout_text(text.replace("\r\n", "\n").replace("\r", "\n"))


def _check_plan(sections: Sequence[Sequence[_Item]], problems: list[Problem], used_marks: set[str]) -> None:
    marks: dict[str, BundleDocument] = {}
    for items in sections:
        for item in items:
            doc = item.doc
            where = str(doc.source) if doc.source else "<bundle plan>"
            if not doc.title.strip():
                problems.append(Problem(where, 0, 0, "a bundle entry has an empty title"))
            if doc.exhibit is not None:
                mark = doc.exhibit.strip()
                if not mark:
                    problems.append(Problem(where, 0, 0, f"exhibit mark of {doc.title!r} is empty"))
                elif mark in marks or mark in used_marks:
                    problems.append(Problem(where, 0, 0, f"exhibit mark {mark} is used twice"))
                marks[mark] = doc
                if doc.is_note:
                    problems.append(Problem(where, 0, 0, f"exhibit {mark} has no source file"))


def _load_items(
    plan: Sequence[tuple[str, list[BundleDocument]]],
    *,
    converter: Any,
    jobs: int,
    workdir: Path,
    used_marks: set[str] = frozenset(),  # type: ignore[assignment]
    progress: Callable[[str], None] | None = None,
) -> list[list[_Item]]:
    """Check every source and load it; raise one :class:`InputError` with every problem."""
    from toolkit.pdf.convert import check_docx

    problems: list[Problem] = []
    sections: list[list[_Item]] = []
    docx_items: list[_Item] = []
    for _title, docs in plan:
        items: list[_Item] = []
        for doc in docs:
            if doc.source is None:
                items.append(_Item(doc, "note"))
                continue
            path = Path(doc.source)
            suffix = path.suffix.lower()
            if not path.is_file():
                problems.append(Problem(str(path), 0, 0, "file not found"))
                items.append(_Item(doc, "note"))
                continue
            if suffix not in SUPPORTED:
                problems.append(Problem(
                    str(path), 0, 0,
                    f"cannot go in a bundle: {suffix or 'no extension'} is not one of "
                    + ", ".join(sorted(SUPPORTED)),
                ))
                items.append(_Item(doc, "note"))
                continue
            if suffix in PDF_SUFFIXES:
                items.append(_Item(doc, "pdf", reader=_open_pdf(path, problems)))
            elif suffix in IMAGE_SUFFIXES:
                items.append(_Item(doc, "image", frames=_prepare_image(path, problems)))
            elif suffix in TEXT_SUFFIXES:
                items.append(_Item(doc, "text", text_pages=_read_text(path, problems)))
            else:
                problem = check_docx(path)
                if problem:
                    problems.append(problem)
                item = _Item(doc, "docx")
                items.append(item)
                docx_items.append(item)
        sections.append(items)
    _check_plan(sections, problems, set(used_marks))
    if problems:
        raise InputError(problems)
    if docx_items:
        if progress:
            progress(f"converting {len(docx_items)} Word document(s) with LibreOffice")
        pairs = [(Path(it.doc.source), workdir / f"docx-{k:04d}.pdf") for k, it in enumerate(docx_items)]  # type: ignore[arg-type]
        if converter is not None:
            outs = converter.convert(pairs)
        else:
            from toolkit.pdf.convert import ConverterPool

            with ConverterPool(jobs=jobs) as pool:
                outs = pool.convert(pairs)
        for item, pdf in zip(docx_items, outs, strict=True):
            reader = _open_pdf(pdf, problems)
            if reader is None:  # pragma: no cover - convert already checked it
                raise ToolError(f"LibreOffice (soffice) produced an unreadable PDF for {item.doc.source}")
            item.reader = reader
    return sections


# ----------------------------------------------------------------------------- building
@dataclass
class _Part:
    """One build step: the main bundle, or one supplement."""

    heading: str
    title: str
    subtitle: str
    sections: list[tuple[str, list[_Item]]]
    supplement: bool
    start_page: int  # first page number of this part
    start_tab: int  # first tab number
    index_pages: list[int] = field(default_factory=list)


def _index_rows(part: _Part) -> list[bp.IndexRow]:
    rows: list[bp.IndexRow] = []
    for title, items in part.sections:
        rows.append(bp.IndexRow("section", title))
        for item in items:
            if item.kind == "note":
                rows.append(bp.IndexRow("note", item.doc.title, note=item.doc.note or "",
                                        date=format_date(item.doc.date)))
            else:
                rows.append(bp.IndexRow("document", doc_label(item.doc), number=item.tab,
                                        date=format_date(item.doc.date), note=item.doc.note or "",
                                        link_id=item.id))
    return rows


def _number(part: _Part, index_page_count: int) -> None:
    page = part.start_page
    part.index_pages = list(range(page, page + index_page_count))
    page += index_page_count
    for _title, items in part.sections:
        for item in items:
            if item.kind == "note":
                continue
            item.first = page
            item.last = page + item.page_count - 1
            page += item.page_count


def _assign_ids(part: _Part) -> None:
    """Tab numbers run on through the bundle (and its supplements); ids are ``D<tab>``."""
    tab = part.start_tab
    for _t, items in part.sections:
        for item in items:
            if item.kind != "note":
                item.tab, item.id = str(tab), f"D{tab}"
                tab += 1


def _render_part(part: _Part) -> tuple[PdfReader, list[list[tuple[str, tuple]]]]:
    """Lay out the index, number everything, draw our own pages on one canvas."""
    _assign_ids(part)
    rows = _index_rows(part)
    layout = bp.layout_index(part.title, part.subtitle, rows, heading=part.heading)
    _number(part, len(layout.pages))
    # fill in page numbers (widths are fixed, so the layout does not change)
    row_iter = iter(rows)
    for _title, items in part.sections:
        section_row = next(row_iter)
        firsts = [it.first for it in items if it.kind != "note"]
        lasts = [it.last for it in items if it.kind != "note"]
        section_row.pages = page_span(min(firsts), max(lasts)) if firsts else ""
        for item in items:
            row = next(row_iter)
            if item.kind != "note":
                row.pages = page_span(item.first, item.last)
    buf = io.BytesIO()
    canvas = bp.new_canvas(buf, part.title)
    links = bp.draw_index(canvas, layout)
    rl_page = len(layout.pages)
    for _title, items in part.sections:
        for item in items:
            if item.doc.exhibit and item.kind != "note":
                bp.draw_cover(canvas, item.doc.exhibit, item.doc.title, format_date(item.doc.date),
                              item.doc.cover_text)
                item.cover_rl = rl_page
                rl_page += 1
            if item.kind == "image":
                for fr in item.frames:
                    bp.draw_image(canvas, fr.source, fr.px[0], fr.px[1], fr.page, *fr.size)
                    item.content_rl.append(rl_page)
                    rl_page += 1
            elif item.kind == "text":
                bp.draw_text_pages(canvas, item.text_pages)
                item.content_rl.extend(range(rl_page, rl_page + len(item.text_pages)))
                rl_page += len(item.text_pages)
    canvas.save()
    return PdfReader(io.BytesIO(buf.getvalue())), links


def _append_part(writer: PdfWriter, part: _Part, stamper: Stamper) -> None:
    """Append the part's pages to ``writer``, stamp them, link the index, add bookmarks."""
    rl, links = _render_part(part)
    base = len(writer.pages)
    assert base + 1 == part.start_page, (base, part.start_page)
    for k in range(len(part.index_pages)):
        writer.add_page(rl.pages[k])
    for _title, items in part.sections:
        for item in items:
            if item.kind == "note":
                continue
            if item.cover_rl is not None:
                writer.add_page(rl.pages[item.cover_rl])
            if item.kind in ("pdf", "docx"):
                assert item.reader is not None
                for page in item.reader.pages:
                    writer.add_page(page)
            else:
                for k in item.content_rl:
                    writer.add_page(rl.pages[k])
            assert len(writer.pages) == item.last, (item.doc.title, len(writer.pages), item.last)
    for n in range(base, len(writer.pages)):
        stamper.stamp(writer.pages[n], n + 1)
    # links on the index pages
    targets = {it.id: it.first for _t, items in part.sections for it in items if it.kind != "note"}
    for k, page_links in enumerate(links):
        page = writer.pages[base + k]
        annots = page.get("/Annots")
        annots = annots.get_object() if annots is not None else ArrayObject()
        for link_id, rect in page_links:
            annots.append(writer._add_object(_link(writer, rect, targets[link_id] - 1, link_id)))
        if annots:
            page[NameObject("/Annots")] = annots
    # bookmarks
    for title, items in part.sections:
        docs = [it for it in items if it.kind != "note"]
        if docs:
            parent = writer.add_outline_item(
                title=f"{title} (p. {docs[0].first})", page_number=docs[0].first - 1,
                fit=_fit(writer.pages[docs[0].first - 1]), bold=True,
            )
        else:
            parent = writer.add_outline_item(
                title=f"{title} (no pages)", page_number=part.start_page - 1,
                fit=_fit(writer.pages[part.start_page - 1]), bold=True,
            )
        for it in docs:
            label = doc_label(it.doc)
            if it.doc.date:
                label += f", {format_date(it.doc.date)}"
            writer.add_outline_item(
                title=f"{label} (p. {it.first})", page_number=it.first - 1, parent=parent,
                fit=_fit(writer.pages[it.first - 1]),
            )


def _fit(page: PageObject) -> Fit:
    left, top = top_left_user(page)
    return Fit.xyz(left=left, top=top, zoom=None)


def _link(writer: PdfWriter, rect: tuple, target: int, link_id: str) -> DictionaryObject:
    page = writer.pages[target]
    left, top = top_left_user(page)
    return DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"),
        NameObject("/Subtype"): NameObject("/Link"),
        NameObject("/Rect"): RectangleObject(rect),
        NameObject("/Border"): ArrayObject([NumberObject(0), NumberObject(0), NumberObject(0)]),
        NameObject("/NM"): TextStringObject(link_id),
        NameObject("/Contents"): TextStringObject(f"Go to page {target + 1}"),
        NameObject("/Dest"): ArrayObject([
            page.indirect_reference, NameObject("/XYZ"), FloatObject(left), FloatObject(top), NullObject(),
        ]),
    })


def _finish(writer: PdfWriter, title: str) -> None:
    """Document-level settings: labels, page mode, open action, metadata, dedup."""
    n = len(writer.pages)
    if "/PageLabels" in writer._root_object:
        del writer._root_object["/PageLabels"]
    writer.set_page_label(0, n - 1, style=PageLabelStyle.DECIMAL, start=1)
    writer.page_mode = "/UseOutlines"
    first = writer.pages[0]
    left, top = top_left_user(first)
    writer._root_object[NameObject("/OpenAction")] = ArrayObject(
        [first.indirect_reference, NameObject("/XYZ"), FloatObject(left), FloatObject(top), NumberObject(1)]
    )
    writer._root_object[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): _true()}
    )
    writer._root_object[NameObject("/Lang")] = TextStringObject("en-GB")
    writer.add_metadata({"/Title": title, "/Creator": "casedocs", "/Producer": "casedocs (pypdf)"})
    # two passes: the second merges dictionaries whose children the first made identical
    writer.compress_identical_objects()
    writer.compress_identical_objects()


def _true():
    from pypdf.generic import BooleanObject

    return BooleanObject(True)


# ----------------------------------------------------------------------------- index JSON
def _section_json(title: str, items: list[_Item], supplement: bool) -> dict[str, Any]:
    docs = [it for it in items if it.kind != "note"]
    entries = []
    for it in items:
        d = it.doc
        if it.kind == "note":
            entries.append({
                "kind": "note", "title": d.title, "note": d.note,
                "date": d.date.isoformat() if d.date else None,
            })
            continue
        entries.append({
            "kind": "document", "id": it.id, "tab": it.tab, "title": d.title,
            "date": d.date.isoformat() if d.date else None, "exhibit": d.exhibit, "note": d.note,
            "source": Path(d.source).name if d.source else None, "source_type": it.kind,
            "first_page": it.first, "last_page": it.last,
            "cover_page": it.first if d.exhibit else None,
        })
    return {
        "title": title, "supplement": supplement,
        "first_page": docs[0].first if docs else None,
        "last_page": docs[-1].last if docs else None,
        "entries": entries,
    }


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# ----------------------------------------------------------------------------- self-check
_P_RE = re.compile(r"\(p\. (\d+)\)$")


def verify_bundle(pdf: Path, data: dict[str, Any]) -> list[str]:
    """Re-read a bundle and compare it with its index data; returns what is wrong."""
    wrong: list[str] = []
    try:
        reader = PdfReader(pdf)
        pages = reader.pages
        n = len(pages)
    except Exception as exc:
        return [f"the bundle cannot be re-read ({exc})"]
    if n != data["page_count"]:
        wrong.append(f"{n} pages, the index says {data['page_count']}")
    wrong += [f"active content is left in it ({name})" for name in active_content(reader)]
    page_no = {p.indirect_reference.idnum: i + 1 for i, p in enumerate(pages)}  # type: ignore[union-attr]

    def dest_page(dest: Any) -> int | None:
        try:
            arr = dest.get_object()
            return page_no.get(arr[0].idnum)
        except Exception:
            return None

    for i, page in enumerate(pages):
        found = stamp_of(page)
        if found != stamp_text(i + 1):
            wrong.append(f"page {i + 1} is stamped {found!r}")
            if len(wrong) > 20:
                return wrong
    labels = reader.page_labels
    bad_labels = [i + 1 for i, lab in enumerate(labels) if lab != str(i + 1)]
    if bad_labels:
        wrong.append(f"page labels differ from the stamps on pages {bad_labels[:10]}")
    root = reader.trailer["/Root"]
    if root.get("/PageMode") != "/UseOutlines":
        wrong.append("/PageMode is not /UseOutlines")
    oa = root.get("/OpenAction")
    try:
        oa = oa.get_object()
        if not (dest_page(oa) == 1 and oa[1] == "/XYZ" and float(oa[4]) == 1.0):
            wrong.append("/OpenAction is not page 1 at 100 %")
    except Exception:
        wrong.append("/OpenAction is missing or malformed")

    documents = [e for s in data["sections"] for e in s["entries"] if e["kind"] == "document"]
    expected = {e["id"]: e["first_page"] for e in documents}
    index_pages = [p for part in data["parts"] for p in part["index_pages"]]
    seen: dict[str, int] = {}
    for p in index_pages:
        if not 1 <= p <= n:
            wrong.append(f"index page {p} is outside the bundle")
            continue
        for annot in pages[p - 1].get("/Annots", ArrayObject()) or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Link" or "/NM" not in a:
                continue
            link_id = str(a["/NM"])
            target = dest_page(a.get("/Dest"))
            seen[link_id] = seen.get(link_id, 0) + 1
            if link_id not in expected:
                wrong.append(f"index page {p} has a link {link_id} to no document")
            elif target != expected[link_id]:
                wrong.append(f"the index link for {link_id} lands on page {target}, not {expected[link_id]}")
    for link_id in expected:
        if seen.get(link_id) != 1:
            wrong.append(f"document {link_id} has {seen.get(link_id, 0)} index links, not 1")

    outline_docs = 0
    outline_sections = 0

    def walk(items: list, depth: int) -> None:
        nonlocal outline_docs, outline_sections
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
                continue
            target = reader.get_destination_page_number(item) + 1
            m = _P_RE.search(item.title)
            if depth == 0:
                outline_sections += 1
            else:
                outline_docs += 1
            if m and int(m.group(1)) != target:
                wrong.append(f"bookmark {item.title!r} lands on page {target}")
            elif not m and not item.title.endswith("(no pages)"):
                wrong.append(f"bookmark {item.title!r} has no page number")

    walk(reader.outline, 0)
    if outline_docs != len(documents):
        wrong.append(f"{outline_docs} document bookmarks for {len(documents)} documents")
    if outline_sections != len(data["sections"]):
        wrong.append(f"{outline_sections} section bookmarks for {len(data['sections'])} sections")
    return wrong


# ----------------------------------------------------------------------------- public API
def build_bundle(
    sections: Sequence[BundleSection],
    out_pdf: Path,
    *,
    title: str,
    subtitle: str = "",
    index_path: Path | None = None,
    converter: Any = None,
    jobs: int = 2,
    progress: Callable[[str], None] | None = None,
) -> BundleResult:
    """Build a bundle from ``sections`` into ``out_pdf`` and its index JSON.

    ``title`` heads the index and is the PDF's title (e.g. "Keniston HA v J Doe — claim
    K00XX123 — Bundle A"); ``subtitle`` goes under it.  ``index_path`` defaults to
    ``out_pdf`` with ``.json``.  ``converter`` is an open
    :class:`~toolkit.pdf.convert.ConverterPool` to reuse (else one with ``jobs`` workers is
    started if there are .docx sources).
    """
    out_pdf = Path(out_pdf)
    index_path = Path(index_path) if index_path else out_pdf.with_suffix(".json")
    plan = [(s.title, s.ordered()) for s in sections]
    if not any(plan):
        raise InputError([Problem("<bundle plan>", 0, 0, "the bundle has no sections")])
    with scratch("bundle") as work:
        loaded = _load_items(plan, converter=converter, jobs=jobs, workdir=Path(work), progress=progress)
        part = _Part("Index", title, subtitle, [(t, items) for (t, _), items in zip(plan, loaded, strict=True)],
                     supplement=False, start_page=1, start_tab=1)
        writer = PdfWriter()
        stamper = Stamper(writer)
        _append_part(writer, part, stamper)
        data = {
            "format": INDEX_FORMAT, "version": INDEX_VERSION, "title": title, "subtitle": subtitle,
            "file": out_pdf.name, "sha256": None, "page_count": len(writer.pages),
            "parts": [{"kind": "bundle", "index_pages": part.index_pages}],
            "sections": [_section_json(t, items, False) for t, items in part.sections],
        }
        _finish(writer, title)
        return _write(writer, data, out_pdf, index_path)


def load_index(index_path: Path) -> dict[str, Any]:
    """Read a bundle's index JSON (as written by :func:`build_bundle`)."""
    index_path = Path(index_path)
    try:
        data = json.loads(index_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", 0)
        col = getattr(exc, "colno", 0)
        raise InputError.at(index_path, line, col, f"cannot be read as a bundle index ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != INDEX_FORMAT:
        raise InputError.at(index_path, 0, 0, "is not a casedocs bundle index")
    if data.get("version") != INDEX_VERSION:
        raise InputError.at(index_path, 0, 0, f"is a bundle index of version {data.get('version')}, "
                                              f"this casedocs reads version {INDEX_VERSION}")
    return data


def build_supplement(
    previous_index: Path,
    documents: Sequence[BundleDocument],
    out_pdf: Path,
    *,
    previous_pdf: Path | None = None,
    index_path: Path | None = None,
    subtitle: str = "",
    converter: Any = None,
    jobs: int = 2,
    progress: Callable[[str], None] | None = None,
) -> BundleResult:
    """Append ``documents`` to a bundle already issued, continuing its numbering.

    ``previous_index`` is that bundle's index JSON; its PDF is ``previous_pdf`` or the
    ``file`` the index names, beside it, and must be unchanged (its SHA-256 is checked).
    The result is the whole bundle, earlier pages exactly as they were, followed by an
    index to the supplement and the new documents.
    """
    previous_index = Path(previous_index)
    out_pdf = Path(out_pdf)
    index_path = Path(index_path) if index_path else out_pdf.with_suffix(".json")
    prev = load_index(previous_index)
    prev_pdf = Path(previous_pdf) if previous_pdf else previous_index.parent / prev["file"]
    if not prev_pdf.is_file():
        raise InputError.at(prev_pdf, 0, 0, f"the bundle named by {previous_index} is not there")
    if prev.get("sha256") and _sha256(prev_pdf) != prev["sha256"]:
        raise InputError.at(prev_pdf, 0, 0, f"has changed since {previous_index} was written "
                                            "(its SHA-256 differs); supplement the bundle as issued")
    if not documents:
        raise InputError.at(previous_index, 0, 0, "no documents to add in the supplement")
    wrong = verify_bundle(prev_pdf, prev)
    if wrong:
        raise InputError.at(prev_pdf, 0, 0, "does not match its index: " + "; ".join(wrong[:5]))
    n_supp = sum(1 for s in prev["sections"] if s.get("supplement"))
    section_title = "Supplement" if n_supp == 0 else f"Supplement {n_supp + 1}"
    used_marks = {e["exhibit"] for s in prev["sections"] for e in s["entries"] if e.get("exhibit")}
    tabs = [int(e["tab"]) for s in prev["sections"] for e in s["entries"] if e["kind"] == "document"]
    with scratch("bundle") as work:
        plan = [(section_title, list(documents))]
        loaded = _load_items(plan, converter=converter, jobs=jobs, workdir=Path(work),
                             used_marks=used_marks, progress=progress)
        with _quiet_pypdf():
            writer = PdfWriter(clone_from=PdfReader(prev_pdf))
        part = _Part(f"Index to {section_title.lower()}", prev["title"], subtitle or
                     f"{section_title}: documents added after the bundle (pages 1{_DASH}{prev['page_count']}) "
                     f"was issued, numbered on from page {prev['page_count'] + 1}",
                     [(section_title, loaded[0])], supplement=True,
                     start_page=prev["page_count"] + 1, start_tab=max(tabs, default=0) + 1)
        stamper = Stamper(writer)
        _append_part(writer, part, stamper)
        data = dict(prev)
        data.update({
            "file": out_pdf.name, "sha256": None, "page_count": len(writer.pages),
            "parts": [*prev["parts"], {"kind": "supplement", "index_pages": part.index_pages}],
            "sections": [*prev["sections"], _section_json(section_title, loaded[0], True)],
        })
        _finish(writer, prev["title"])
        return _write(writer, data, out_pdf, index_path)


def _write(writer: PdfWriter, data: dict[str, Any], out_pdf: Path, index_path: Path) -> BundleResult:
    with output_errors(out_pdf.parent):
        return _write_checked(writer, data, out_pdf, index_path)


def _write_checked(writer: PdfWriter, data: dict[str, Any], out_pdf: Path, index_path: Path) -> BundleResult:
    ensure_dir(out_pdf.parent)
    ensure_dir(index_path.parent)
    fd, tmp_pdf = tempfile.mkstemp(prefix=temp_prefix(out_pdf), suffix=".tmp", dir=out_pdf.parent)
    tmp_json = None
    try:
        with os.fdopen(fd, "wb") as f:
            writer.write(f)
        wrong = verify_bundle(Path(tmp_pdf), data)
        if wrong:
            raise BundleCheckError(
                "the bundle failed casedocs' own check, so it was not written "
                "(this is a bug in casedocs; please report it with the input files): "
                + "; ".join(wrong[:10])
            )
        data["sha256"] = _sha256(Path(tmp_pdf))
        fd2, tmp_json = tempfile.mkstemp(prefix=temp_prefix(index_path), suffix=".tmp", dir=index_path.parent)
        with os.fdopen(fd2, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2, ensure_ascii=False)
            f.write("\n")
        size = os.path.getsize(tmp_pdf)
        os.replace(tmp_pdf, out_pdf)
        os.replace(tmp_json, index_path)
    except BaseException:
        Path(tmp_pdf).unlink(missing_ok=True)
        if tmp_json:
            Path(tmp_json).unlink(missing_ok=True)
        raise
    if size > INBOX_LIMIT:
        warnings.warn(
            f"{out_pdf} is {size / 1e6:.1f} MB; a court e-mail inbox takes about "
            f"{INBOX_LIMIT / 1e6:.0f} MB: split the bundle or send it by a link",
            CasedocsWarning, stacklevel=2,
        )
    return BundleResult(out_pdf, index_path, data["page_count"], size, data)
