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

The plan's types are in :mod:`toolkit.bundle.items`, reading the sources in
:mod:`toolkit.bundle.sources`, the final check in :mod:`toolkit.bundle.verify`.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
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
from toolkit.errors import CasedocsWarning, InputError, Problem
from toolkit.output import ensure_dir, output_errors, temp_beside
from toolkit.scratch import scratch
from toolkit.bundle.stamp import Stamper, top_left_user

from toolkit.bundle.items import BundleCheckError, BundleDocument, BundleResult, BundleSection, DASH, INBOX_LIMIT, INDEX_FORMAT, INDEX_VERSION, Item, doc_label, format_date, page_span
from toolkit.bundle.sources import load_items, quiet_pypdf
from toolkit.bundle.verify import verify_bundle

log = logging.getLogger(__name__)

# ----------------------------------------------------------------------------- building
@dataclass
class _Part:
    """One build step: the main bundle, or one supplement."""

    heading: str
    title: str
    subtitle: str
    sections: list[tuple[str, list[Item]]]
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


def _true() -> BooleanObject:
    return BooleanObject(True)


# ----------------------------------------------------------------------------- index JSON
def _section_json(title: str, items: list[Item], supplement: bool) -> dict[str, Any]:
    docs = [it for it in items if it.kind != "note"]
    entries: list[dict[str, Any]] = []
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


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


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
        loaded = load_items(plan, converter=converter, jobs=jobs, workdir=Path(work), progress=progress)
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
    if prev.get("sha256") and file_sha256(prev_pdf) != prev["sha256"]:
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
        loaded = load_items(plan, converter=converter, jobs=jobs, workdir=Path(work),
                             used_marks=used_marks, progress=progress)
        with quiet_pypdf():
            writer = PdfWriter(clone_from=PdfReader(prev_pdf))
        part = _Part(f"Index to {section_title.lower()}", prev["title"], subtitle or
                     f"{section_title}: documents added after the bundle (pages 1{DASH}{prev['page_count']}) "
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
    buffer = io.BytesIO()
    writer.write(buffer)
    tmp_pdf = temp_beside(out_pdf, buffer.getvalue())
    tmp_json = None
    try:
        wrong = verify_bundle(Path(tmp_pdf), data)
        if wrong:
            raise BundleCheckError(
                "the bundle failed casedocs' own check, so it was not written "
                "(this is a bug in casedocs; please report it with the input files): "
                + "; ".join(wrong[:10])
            )
        data["sha256"] = file_sha256(Path(tmp_pdf))
        tmp_json = temp_beside(index_path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
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

