"""The bundle's own check, run on the written PDF before it is renamed into place: page
count, stamps, links, bookmarks, page labels, page mode and open action against the index."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
)

from toolkit.bundle.sanitise import active_content
from toolkit.bundle.stamp import stamp_of, stamp_text


PAGE_IN_TITLE = re.compile(r"\(p\. (\d+)\)$")


class _Pages:
    """The bundle's pages by object number, to tell where a link or bookmark lands."""

    def __init__(self, reader: PdfReader) -> None:
        self.number = {p.indirect_reference.idnum: i + 1 for i, p in enumerate(reader.pages)}  # type: ignore[union-attr]

    def of(self, dest: Any) -> int | None:
        try:
            return self.number.get(dest.get_object()[0].idnum)
        except Exception:  # noqa: BLE001 - a malformed destination lands nowhere
            return None


def verify_bundle(pdf: Path, data: dict[str, Any]) -> list[str]:
    """Re-read a bundle and compare it with its index data; returns what is wrong."""
    try:
        reader = PdfReader(pdf)
        count = len(reader.pages)
    except Exception as exc:  # noqa: BLE001 - whatever pypdf raises, the bundle is not usable
        return [f"the bundle cannot be re-read ({exc})"]
    wrong: list[str] = []
    if count != data["page_count"]:
        wrong.append(f"{count} pages, the index says {data['page_count']}")
    wrong += [f"active content is left in it ({name})" for name in active_content(reader)]
    stamps = _stamps(reader)
    if len(stamps) > 20:
        return wrong + stamps[:21]
    pages = _Pages(reader)
    return wrong + stamps + _viewer_settings(reader, pages) + _index_links(reader, pages, data) + _bookmarks(reader, data)


def _stamps(reader: PdfReader) -> list[str]:
    """Every page stamped with its number, and page labels that say the same."""
    wrong = [f"page {i + 1} is stamped {found!r}" for i, page in enumerate(reader.pages) if (found := stamp_of(page)) != stamp_text(i + 1)]
    bad_labels = [i + 1 for i, label in enumerate(reader.page_labels) if label != str(i + 1)]
    if bad_labels:
        wrong.append(f"page labels differ from the stamps on pages {bad_labels[:10]}")
    return wrong


def _viewer_settings(reader: PdfReader, pages: _Pages) -> list[str]:
    """The file opens on page 1 at 100 % with the bookmarks shown."""
    wrong = []
    root: Any = reader.trailer["/Root"]
    if root.get("/PageMode") != "/UseOutlines":
        wrong.append("/PageMode is not /UseOutlines")
    try:
        action = root.get("/OpenAction").get_object()
        if not (pages.of(action) == 1 and action[1] == "/XYZ" and float(action[4]) == 1.0):
            wrong.append("/OpenAction is not page 1 at 100 %")
    except Exception:  # noqa: BLE001 - missing or not an array
        wrong.append("/OpenAction is missing or malformed")
    return wrong


def _documents(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for s in data["sections"] for e in s["entries"] if e["kind"] == "document"]


def _index_links(reader: PdfReader, pages: _Pages, data: dict[str, Any]) -> list[str]:
    """One link on the index pages for every document, landing on its first page."""
    wrong = []
    expected = {e["id"]: e["first_page"] for e in _documents(data)}
    seen: dict[str, int] = {}
    for p in (p for part in data["parts"] for p in part["index_pages"]):
        if not 1 <= p <= len(reader.pages):
            wrong.append(f"index page {p} is outside the bundle")
            continue
        for annot in reader.pages[p - 1].get("/Annots", ArrayObject()) or []:
            link = annot.get_object()
            if link.get("/Subtype") != "/Link" or "/NM" not in link:
                continue
            link_id = str(link["/NM"])
            target = pages.of(link.get("/Dest"))
            seen[link_id] = seen.get(link_id, 0) + 1
            if link_id not in expected:
                wrong.append(f"index page {p} has a link {link_id} to no document")
            elif target != expected[link_id]:
                wrong.append(f"the index link for {link_id} lands on page {target}, not {expected[link_id]}")
    wrong += [f"document {i} has {seen.get(i, 0)} index links, not 1" for i in expected if seen.get(i) != 1]
    return wrong


def _bookmarks(reader: PdfReader, data: dict[str, Any]) -> list[str]:
    """A bookmark per section and per document, each titled with the page it lands on."""
    wrong: list[str] = []
    counts = {"sections": 0, "documents": 0}

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
                continue
            counts["sections" if depth == 0 else "documents"] += 1
            page = reader.get_destination_page_number(item)
            target = None if page is None else page + 1
            m = PAGE_IN_TITLE.search(item.title)
            if m and int(m.group(1)) != target:
                wrong.append(f"bookmark {item.title!r} lands on page {target}")
            elif not m and not item.title.endswith("(no pages)"):
                wrong.append(f"bookmark {item.title!r} has no page number")

    walk(reader.outline, 0)
    if counts["documents"] != len(_documents(data)):
        wrong.append(f"{counts['documents']} document bookmarks for {len(_documents(data))} documents")
    if counts["sections"] != len(data["sections"]):
        wrong.append(f"{counts['sections']} section bookmarks for {len(data['sections'])} sections")
    return wrong
