"""Scanned exhibits get a text layer (OCRmyPDF + Tesseract), cached by the file's hash; a page
OCR cannot read is named in the index (toolkit.bundle.ocr; domain.md, "text searchable").

The scans are made here: an image of a page of typed words (Liberation Sans, 300 dpi), and a
photograph-like image with no words at all.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader

from toolkit.bundle import ocr
from toolkit.bundle.assemble import build_bundle
from toolkit.bundle.items import BundleDocument, BundleSection

WORDS = ["Birchfield", "hammer", "Thursday", "Kestrel"]
FONT = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"


def scanned_page(path: Path) -> Path:
    """An A5 "scan" at 300 dpi with a few lines of known words, slightly grey like a scanner."""
    image = Image.new("L", (1748, 2480), 245)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 64)
    lines = ["Incident diary sheet", "Thursday 12 November", "He came to Birchfield Close", "holding a hammer near Kestrel Park"]
    for n, line in enumerate(lines):
        draw.text((150, 200 + n * 140), line, fill=20, font=font)
    image.save(path, dpi=(300, 300))
    return path


def wordless(path: Path) -> Path:
    """A photograph with no words: coloured bands."""
    image = Image.new("RGB", (1200, 900), (90, 120, 60))
    draw = ImageDraw.Draw(image)
    for n in range(0, 900, 60):
        draw.rectangle((0, n, 1200, n + 30), fill=(30 + n // 10, 80, 140))
    image.save(path)
    return path


@pytest.fixture()
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("CASEDOCS_OCR_CACHE", raising=False)
    return tmp_path / "case" / ocr.CACHE


def test_a_scanned_page_becomes_searchable_and_is_cached_by_its_hash(tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan = scanned_page(tmp_path / "diary.png")
    assert ocr.cache_for(tmp_path / "case") == own_cache
    first = ocr.searchable(scan, own_cache)
    text = " ".join(ocr.page_texts(first.pdf))
    for word in WORDS:
        assert word in text
    assert first.unreadable == ()
    # the second time nothing is run: the cache answers, with the same file
    before = first.pdf.read_bytes()

    def no_ocr(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("OCR ran again for a file it has read before")

    monkeypatch.setattr(subprocess, "Popen", no_ocr)  # OCRmyPDF runs under the guard, through Popen
    again = ocr.searchable(scan, own_cache)
    assert again == first and again.pdf.read_bytes() == before
    # a copy of the same bytes under another name is the same entry
    copy = tmp_path / "copy.png"
    copy.write_bytes(scan.read_bytes())
    assert ocr.searchable(copy, own_cache).unreadable == ()


def test_the_bundle_is_searchable_and_names_the_page_ocr_could_not_read(tmp_path: Path, own_cache: Path) -> None:
    documents = [
        BundleDocument("Diary sheet", scanned_page(tmp_path / "diary.png"), dt.date(2026, 11, 12), exhibit="PS1"),
        BundleDocument("Photograph of the door", wordless(tmp_path / "door.jpg"), dt.date(2026, 11, 13), exhibit="PS2"),
    ]
    searchable = ocr.with_text_layers(documents, own_cache)
    assert searchable[0].note is None and Path(searchable[0].source).suffix == ".pdf"
    assert searchable[1].note == "OCR could not read page 1 of this exhibit: not text-searchable."
    result = build_bundle([BundleSection("Exhibits", searchable)], tmp_path / "bundle.pdf", title="Test bundle")
    pages = [page.extract_text() or "" for page in PdfReader(result.pdf).pages]
    index = json.loads(result.index.read_text())
    diary = index["sections"][0]["entries"][0]
    found = " ".join(pages[diary["first_page"] - 1: diary["last_page"]])
    for word in WORDS:
        assert word in found
    assert "OCR could not read page 1" in pages[0]  # the note is in the index


def test_pdfs_with_text_are_left_alone(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "typed.pdf"
    canvas = Canvas(str(path))
    canvas.drawString(72, 720, "A typed letter with its own text")
    canvas.save()
    assert not ocr.needs_ocr(path)
    assert ocr.needs_ocr(scanned_page(tmp_path / "scan.tif"))
    documents = [BundleDocument("Letter", path)]
    assert ocr.with_text_layers(documents, tmp_path / "cache") == documents


def test_without_ocrmypdf_the_bundle_is_made_and_a_warning_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from toolkit.errors import CasedocsWarning

    monkeypatch.setattr(ocr, "available", lambda: False)
    documents = [BundleDocument("Diary sheet", scanned_page(tmp_path / "diary.png"))]
    with pytest.warns(CasedocsWarning, match="not text-searchable: install OCRmyPDF"):
        assert ocr.with_text_layers(documents, tmp_path / "cache") == documents
