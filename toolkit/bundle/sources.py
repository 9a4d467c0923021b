"""Reading a bundle's sources before anything is written: PDFs (opened, checked, made safe),
images (turned upright, at most 300 dpi), text files and converted .docx; every problem
found is reported at once, naming its file."""

from __future__ import annotations

import contextlib
import io
import logging
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from PIL import Image
from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
)

from toolkit.bundle import pages as bp
from toolkit.errors import CasedocsWarning, InputError, Problem, ToolError
from toolkit.limits import image_size_problem, open_image
from toolkit.bundle.sanitise import sanitise

from toolkit.bundle.items import BundleDocument, Frame, IMAGE_SUFFIXES, Item, PDF_SUFFIXES, SUPPORTED, TEXT_SUFFIXES

log = logging.getLogger(__name__)

# ----------------------------------------------------------------------------- checks
@contextlib.contextmanager
def quiet_pypdf() -> Iterator[None]:
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
    with quiet_pypdf():
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
                ok = bool(reader.decrypt(""))
            except Exception:  # noqa: BLE001 - any failure to open it means it stays locked
                ok = False
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
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds for a broken file
        bad(f"cannot be read as a PDF; it may be corrupt ({exc.__class__.__name__}: {exc})")
        return None
    return reader


def prepare_image(path: Path, problems: list[Problem]) -> list[Frame]:
    from PIL import ImageOps, ImageSequence, UnidentifiedImageError

    from reportlab.lib.utils import ImageReader

    try:
        im = open_image(path)
    except ValueError as exc:  # over the pixel limit (Pillow's bomb check, worded)
        problems.append(Problem(str(path), 0, 0, str(exc)))
        return []
    except (UnidentifiedImageError, OSError) as exc:
        problems.append(Problem(str(path), 0, 0, f"cannot be read as an image; it may be corrupt ({exc})"))
        return []
    oversize_image = image_size_problem(im)
    if oversize_image:
        problems.append(Problem(str(path), 0, 0, oversize_image))
        return []
    try:
        im.load()
    except (OSError, ValueError) as exc:
        problems.append(Problem(str(path), 0, 0, f"cannot be read as an image; it may be corrupt ({exc})"))
        return []
    frames: list[Frame] = []
    fmt = im.format
    try:
        for index, frame in enumerate(ImageSequence.Iterator(im)):
            if index and (oversize := image_size_problem(frame, index)):
                problems.append(Problem(str(path), 0, 0, oversize))
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
                frames.append(Frame(str(path), px, page, (w, h)))  # embedded as is
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
                frames.append(Frame(ImageReader(buf), img.size, page, (w, h)))
            else:
                frames.append(Frame(ImageReader(img), img.size, page, (w, h)))
            log.debug("%s frame %d: %s -> %s px", path, index, px, img.size)
    except (OSError, ValueError) as exc:
        problems.append(Problem(str(path), 0, 0, f"cannot be read as an image; it may be corrupt ({exc})"))
        return []
    return frames


def _photographic(img: Image.Image) -> bool:
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


def check_plan(sections: Sequence[Sequence[Item]], problems: list[Problem], used_marks: set[str]) -> None:
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


def load_items(
    plan: Sequence[tuple[str, list[BundleDocument]]],
    *,
    converter: Any,
    jobs: int,
    workdir: Path,
    used_marks: set[str] = frozenset(),  # type: ignore[assignment]
    progress: Callable[[str], None] | None = None,
) -> list[list[Item]]:
    """Check every source and load it; raise one :class:`InputError` with every problem."""
    from toolkit.pdf.convert import check_docx

    problems: list[Problem] = []
    sections: list[list[Item]] = []
    docx_items: list[Item] = []
    for _title, docs in plan:
        items: list[Item] = []
        for doc in docs:
            if doc.source is None:
                items.append(Item(doc, "note"))
                continue
            path = Path(doc.source)
            suffix = path.suffix.lower()
            if not path.is_file():
                problems.append(Problem(str(path), 0, 0, "file not found"))
                items.append(Item(doc, "note"))
                continue
            if suffix not in SUPPORTED:
                problems.append(Problem(
                    str(path), 0, 0,
                    f"cannot go in a bundle: {suffix or 'no extension'} is not one of "
                    + ", ".join(sorted(SUPPORTED)),
                ))
                items.append(Item(doc, "note"))
                continue
            if suffix in PDF_SUFFIXES:
                items.append(Item(doc, "pdf", reader=_open_pdf(path, problems)))
            elif suffix in IMAGE_SUFFIXES:
                items.append(Item(doc, "image", frames=prepare_image(path, problems)))
            elif suffix in TEXT_SUFFIXES:
                items.append(Item(doc, "text", text_pages=_read_text(path, problems)))
            else:
                problem = check_docx(path)
                if problem:
                    problems.append(problem)
                item = Item(doc, "docx")
                items.append(item)
                docx_items.append(item)
        sections.append(items)
    check_plan(sections, problems, set(used_marks))
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


def source_page_count(path: Path) -> int:
    """How many pages a bundle gives a source file (without its cover page), counted as
    :func:`toolkit.bundle.assemble.build_bundle` lays it out; a .docx must be converted to PDF first."""
    problems: list[Problem] = []
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        reader = _open_pdf(path, problems)
        count = len(reader.pages) if reader is not None else 0
    elif suffix in IMAGE_SUFFIXES:
        count = len(prepare_image(path, problems))
    elif suffix in TEXT_SUFFIXES:
        count = len(_read_text(path, problems))
    else:
        problems.append(Problem(str(path), 0, 0, f"cannot go in a bundle: {suffix or 'no extension'} is not one of {', '.join(sorted(SUPPORTED))}"))
        count = 0
    if problems:
        raise InputError(problems)
    return count
