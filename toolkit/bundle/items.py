"""What a bundle is made of: its sections and documents (the plan), the items read from
them, and how the index prints dates and page ranges."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from toolkit.errors import ToolError

INDEX_FORMAT = "casedocs-bundle-index"
INDEX_VERSION = 1
#: A court e-mail inbox takes about 36 MB (domain.md); warn above this.
INBOX_LIMIT = 36 * 1000 * 1000

PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}
DOCX_SUFFIXES = {".docx"}
TEXT_SUFFIXES = {".txt"}
SUPPORTED = PDF_SUFFIXES | IMAGE_SUFFIXES | DOCX_SUFFIXES | TEXT_SUFFIXES

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DASH = "\u2013"  # en dash in page ranges
EMDASH = "\u2014"


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
class Frame:
    source: Any  # path (JPEG pass-through) or ImageReader
    px: tuple[int, int]
    page: tuple[float, float]
    size: tuple[float, float]


@dataclass
class Item:
    doc: BundleDocument
    kind: str  # pdf | docx | image | text | note
    reader: PdfReader | None = None
    frames: list[Frame] = field(default_factory=list)
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
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}" if d else ""


def page_span(first: int, last: int) -> str:
    if not first:
        return ""
    return str(first) if first == last else f"{first}{DASH}{last}"


def doc_label(doc: BundleDocument) -> str:
    return f"Exhibit {doc.exhibit} {EMDASH} {doc.title}" if doc.exhibit else doc.title
