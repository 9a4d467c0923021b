"""A text layer for scanned exhibits, so that the bundle is searchable (e-bundle guidance).

Photographs of documents, scanned diary sheets and PDFs made by a scanner have no text a
judge can search. Each such exhibit is given one with OCRmyPDF and Tesseract (English):

* an image is first laid out on its bundle page exactly as the bundle would draw it (fitted
  to A4, landscape kept, at most 300 dpi), then OCRmyPDF adds invisible text over it;
* a PDF is passed through OCRmyPDF with ``--skip-text``: pages that already have text are
  left alone, pages without are read;
* the result is cached under ``out/<reference>/ocr/<sha256 of the file>/`` (or
  ``$CASEDOCS_OCR_CACHE/<sha256>/``, one cache for many output folders, as the tests use)
  with the list of pages OCR could not read, so building again (or the respondent's copy,
  or a supplement) costs nothing and gives the same bytes;
* a page still without text after OCR (a photograph of a door has no words) is named in the
  bundle index's note for that exhibit, so nobody relies on searching it.

OCRmyPDF runs under the guard LibreOffice runs under (:mod:`toolkit.pdf.guard`): its
address space bounded (:data:`toolkit.limits.OCR_MEMORY`), and OCRmyPDF with every
Tesseract it starts killed when casedocs dies (even by SIGKILL) or the run times out, so
no OCR is left running. A run stopped half-way leaves nothing in the cache (its work is in
this run's private scratch folder, copied into place only when done).

OCRmyPDF is a system package (``make system-deps``). Without it the bundle is still made,
the exhibits are not searchable, and a warning says what to install. A failing OCR run is
a warning too, never a lost bundle: the exhibit goes in as it is, with a note.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from toolkit.errors import CasedocsWarning
from toolkit.limits import OCR_MEMORY
from toolkit.output import ensure_dir
from toolkit.pdf import guard
from toolkit.scratch import scratch

OCR_TOOL = "ocrmypdf"
CACHE = "ocr"
PIPELINE = "ocr-1"  # part of the cache key: change it when the pages are made differently
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}
TEXT_MARK = "has-text"  # in a cache entry: the PDF has text on every page, nothing to do
MIN_CHARACTERS = 3  # a page with fewer letters or digits than this is "not read"
TIMEOUT_PER_PAGE = 300  # seconds: generous, a busy machine is slow; only a hung run is stopped


@dataclass(frozen=True)
class OcrResult:
    pdf: Path
    unreadable: tuple[int, ...]  # 1-based page numbers OCR found no text on


def available() -> bool:
    return shutil.which(OCR_TOOL) is not None


def page_texts(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(pdf).pages]


def _readable(text: str) -> bool:
    return sum(ch.isalnum() for ch in text) >= MIN_CHARACTERS


def needs_ocr(path: Path, cache: Path | None = None) -> bool:
    """An image, or a PDF with at least one page that has no text. With a ``cache``, the
    answer for a PDF is kept there by the file's hash, so a second build reads no pages."""
    suffix = path.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return True
    if suffix != ".pdf":
        return False
    folder = cache / _key(path)[:20] if cache is not None else None
    if folder is not None and (folder / "ocr.json").is_file():
        return True
    if folder is not None and (folder / TEXT_MARK).is_file():
        return False
    try:
        scanned = not all(_readable(t) for t in page_texts(path))
    except Exception:  # noqa: BLE001 - an unreadable PDF is the assembler's to report
        return False
    if folder is not None and not scanned:
        ensure_dir(folder)
        (folder / TEXT_MARK).touch()
    return scanned


def image_pdf(image: Path, target: Path) -> None:
    """The image's bundle page(s) as a PDF, drawn as the assembler draws them."""
    import io

    from toolkit.bundle import pages as bp
    from toolkit.bundle.sources import prepare_image

    problems: list[Any] = []
    frames = prepare_image(image, problems)
    if problems or not frames:
        raise OSError(f"{image} cannot be read as an image")
    buffer = io.BytesIO()
    canvas = bp.new_canvas(buffer, image.name)
    for frame in frames:
        bp.draw_image(canvas, frame.source, frame.px[0], frame.px[1], frame.page, *frame.size)
    canvas.save()
    target.write_bytes(buffer.getvalue())


def _key(path: Path) -> str:
    digest = hashlib.sha256(PIPELINE.encode())
    digest.update(path.read_bytes())
    return digest.hexdigest()


def searchable(path: Path, cache: Path, *, jobs: int | None = None) -> OcrResult:
    """The exhibit with a text layer, from the cache when it has been read before.

    Raises ``OSError`` or ``subprocess.SubprocessError`` when OCRmyPDF fails."""
    folder = cache / _key(path)[:20]
    result_pdf = folder / (path.stem + ".pdf")
    meta = folder / "ocr.json"
    if meta.is_file():
        recorded = json.loads(meta.read_text(encoding="utf-8"))
        done = folder / recorded["pdf"]
        if done.is_file():
            if not result_pdf.is_file():  # the same bytes under another name: no OCR, a copy
                _place(done, result_pdf)
            return OcrResult(result_pdf, tuple(recorded["unreadable"]))
    ensure_dir(folder)
    # the work (and OCRmyPDF's own temporary files) in this run's private scratch folder,
    # which the next run removes if this one is killed; the cache gets finished files only
    with scratch("ocr") as work:
        source = path
        if path.suffix.lower() in IMAGE_SUFFIXES:
            source = work / "image.pdf"
            image_pdf(path, source)
        pages = len(page_texts(source))
        out = work / "ocr.pdf"
        command = [
            OCR_TOOL, "--skip-text", "--output-type", "pdf", "--optimize", "0", "--language", "eng",
            "--jobs", str(jobs or os.cpu_count() or 1), "--quiet", str(source), str(out),
        ]
        guard.run(command, memory=OCR_MEMORY, timeout=TIMEOUT_PER_PAGE * max(pages, 1), env={**os.environ, "TMPDIR": str(work)})
        unreadable = [n for n, text in enumerate(page_texts(out), start=1) if not _readable(text)]
        _place(out, result_pdf)
        record = work / "ocr.json"
        record.write_text(json.dumps({"pdf": result_pdf.name, "unreadable": unreadable}), encoding="utf-8")
        _place(record, meta)  # last: the entry counts as done only once its PDF is there
    return OcrResult(result_pdf, tuple(unreadable))


def _place(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` whole or not at all (the scratch folder may be on
    another file system than the cache)."""
    partial = target.with_suffix(target.suffix + ".part")
    shutil.copyfile(source, partial)
    os.replace(partial, target)


def _pages(numbers: tuple[int, ...]) -> str:
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(str(n) for n in numbers)


def cache_for(folder: Path) -> Path:
    """Where OCR results for a case's bundles are kept."""
    shared = os.environ.get("CASEDOCS_OCR_CACHE")
    return Path(shared) if shared else folder / CACHE


def with_text_layers(documents: list[Any], cache: Path) -> list[Any]:
    """The bundle documents, each scanned one replaced by its searchable PDF (and a note
    naming the pages OCR could not read)."""
    todo = [d for d in documents if d.source is not None and needs_ocr(Path(d.source), cache)]
    if not todo:
        return documents
    if not available():
        warnings.warn(
            f"{len(todo)} scanned exhibit(s) are not text-searchable: install OCRmyPDF and Tesseract "
            "('make system-deps', or 'sudo apt-get install ocrmypdf tesseract-ocr tesseract-ocr-eng')",
            CasedocsWarning, stacklevel=2,
        )
        return documents
    done = []
    for doc in documents:
        if doc not in todo:
            done.append(doc)
            continue
        try:
            result = searchable(Path(doc.source), cache)
        except (OSError, subprocess.SubprocessError) as exc:
            warnings.warn(f"OCR failed for {doc.source} ({exc}): it goes in the bundle without a text layer", CasedocsWarning, stacklevel=2)
            done.append(replace(doc, note=_join(doc.note, "Not text-searchable: OCR failed on this exhibit.")))
            continue
        note = doc.note
        if result.unreadable:
            note = _join(note, f"OCR could not read {_pages(result.unreadable)} of this exhibit: not text-searchable.")
        done.append(replace(doc, source=result.pdf, note=note))
    return done


def _join(first: str | None, second: str) -> str:
    return f"{first} {second}" if first else second


__all__ = ["CACHE", "OcrResult", "available", "cache_for", "needs_ocr", "searchable", "with_text_layers"]
