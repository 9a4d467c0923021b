"""Letters and forms as accessible, archival PDFs: tagged (structure, language, title) and PDF/A-2b.

Checked structurally with pypdf (veraPDF, the reference PDF/A and PDF/UA checker, is a Java
program not available offline here): the catalogue's /MarkInfo and /StructTreeRoot, the
structure elements a screen reader walks, /Lang, the title shown instead of the file name,
the XMP identification ``pdfaid:part=2``, the output intent, and every font embedded.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from helpers import CASES
from toolkit.documents.generate import generate


def structure(reader: PdfReader) -> Counter[str]:
    """Standard structure types used (through the role map), counted."""
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    roles = root.get("/RoleMap", {})
    seen: Counter[str] = Counter()
    stack = [root["/K"]]
    while stack:
        node = stack.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            stack += node
        elif isinstance(node, DictionaryObject) and "/S" in node:
            seen[str(roles.get(node["/S"], node["/S"]))] += 1
            if "/K" in node:
                stack.append(node["/K"])
    return seen


def embedded_fonts(reader: PdfReader) -> tuple[set[str], set[str]]:
    embedded, not_embedded = set(), set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptors = [font.get("/FontDescriptor")] + [
                d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", [])
            ]
            described = [d.get_object() for d in descriptors if d is not None]
            has_file = any(k in d for d in described for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            (embedded if has_file else not_embedded).add(str(font.get("/BaseFont")))
    return embedded, not_embedded


def check_accessible_archival(pdf: Path, language: str, title: str) -> Counter[str]:
    reader = PdfReader(pdf)
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"] is True or catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712
    assert "/StructTreeRoot" in catalog
    assert str(catalog["/Lang"]).lower().startswith(language.lower())
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]
    assert reader.metadata is not None and reader.metadata.title == title
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", xmp), xmp[:400]
    assert re.search(r"<pdfaid:conformance>B</pdfaid:conformance>", xmp)
    assert title in xmp  # dc:title, which PDF/A requires to match the Info title
    assert catalog["/OutputIntents"][0].get_object()["/S"] == "/GTS_PDFA1"
    embedded, missing = embedded_fonts(reader)
    assert embedded and not missing, missing
    return structure(reader)


@pytest.mark.libreoffice
def test_letter_pdf_is_tagged_archival_and_in_british_english(tmp_path: Path) -> None:
    case = CASES / "KHA-2026-0003.yaml"
    docx, pdf = generate("warning-letter", case, party="P1", stage="first", on=date(2026, 11, 26), pdf=True, out=tmp_path)
    assert pdf.suffix == ".pdf" and docx.with_suffix(".pdf") == pdf
    tags = check_accessible_archival(pdf, "en-GB", "Warning about your behaviour (first) — KHA-2026-0003")
    # the letter's headings, its lists and the letterhead's table are in the structure
    assert tags["/P"] >= 5 and tags["/H1"] + tags["/H2"] >= 1, tags
    assert tags["/Table"] >= 1 and tags["/TD"] >= 2


@pytest.mark.libreoffice
def test_form_pdf_is_tagged_with_its_tables_and_its_language(tmp_path: Path) -> None:
    case = CASES / "KHA-2026-0001.yaml"  # V1 reads Polish
    _, pdf = generate("consent-form", case, party="V1", on=date(2026, 11, 26), pdf=True, out=tmp_path)
    tags = check_accessible_archival(pdf, "pl", "Consent to share information — KHA-2026-0001")
    # one row per organisation with its box: a real table a screen reader can walk
    assert tags["/Table"] >= 2 and tags["/TR"] >= 4, tags
