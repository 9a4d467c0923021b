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


# ----------------------------------------------------------------------------- self-check
PAGE_IN_TITLE = re.compile(r"\(p\. (\d+)\)$")


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
            m = PAGE_IN_TITLE.search(item.title)
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
