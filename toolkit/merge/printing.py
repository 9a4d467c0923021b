"""``merge --pdf``: every letter to PDF, and the print file for duplex printing in postcode order.

The letters are converted through the LibreOffice pool in batches of :data:`PDF_BATCH` (an
interrupted run keeps the batches it finished). The print file has every letter start on an
odd page (a blank page follows a letter with an odd page count), sorted by postcode as the
post sorts them; past :data:`PRINT_VOLUME` letters it comes in numbered volumes, so that
neither the file nor the memory to build it grows without bound.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

from toolkit.merge.progress import ProgressBar
from toolkit.merge.result import MergeResult
from toolkit.output import replace_atomically

PDF_BATCH = 100
PRINT_VOLUME = 1000  # letters per print file; a longer list gets volumes (-print-01.pdf, ...)

PrintItem = tuple[str, str, int, Path]  # postcode, name, line, the letter's .docx


def make_pdfs(
    kind: str, on: date, folder: Path, items: list[PrintItem], jobs: int,
    result: MergeResult, emit: Callable[[Path], None], progress: bool,
) -> None:
    """A PDF beside every letter (converting only those not there yet), then the print file or volumes."""
    from toolkit.pdf.convert import ConverterPool

    missing = [(d, d.with_suffix(".pdf")) for _, _, _, d in items if not d.with_suffix(".pdf").exists()]
    bar = ProgressBar(f"{kind}: PDF", len(missing)) if progress else None
    try:
        if missing:
            with ConverterPool(jobs=min(jobs, len(missing))) as pool:
                for start in range(0, len(missing), PDF_BATCH):  # an interrupted run keeps finished batches
                    pool.convert(missing[start : start + PDF_BATCH], progress=(lambda p: bar.advance()) if bar else None)
    finally:
        if bar:
            bar.close()
    for _, _, _, docx in items:
        result.pdfs.append(docx.with_suffix(".pdf"))
        emit(docx.with_suffix(".pdf"))
    items.sort(key=lambda item: (_postcode_order(item[0]), item[1].lower(), item[2]))
    ordered = [d.with_suffix(".pdf") for _, _, _, d in items]
    volumes = [ordered[i : i + PRINT_VOLUME] for i in range(0, len(ordered), PRINT_VOLUME)]
    for number, volume in enumerate(volumes, start=1):
        suffix = "" if len(volumes) == 1 else f"-{number:02d}"
        printed = print_file(volume, folder / f"{kind}-{on.isoformat()}-print{suffix}.pdf")
        result.print_pdfs.append(printed)
        emit(printed)


def _postcode_order(postcode: str) -> tuple[str, int, str, str]:
    """Postcodes in the order the post sorts them: ``BR6 0JA`` before ``BR10 1AA``."""
    outward, _, inward = postcode.partition(" ")
    area = outward[: len(outward) - len(outward.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))]
    rest = outward[len(area):]
    digits = rest[: len(rest) - len(rest.lstrip("0123456789"))]
    return (area, int(digits or 0), rest[len(digits):], inward)


def print_file(pdfs: list[Path], target: Path) -> Path:
    """One PDF of every letter in order, each starting on an odd page (for duplex printing)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for pdf in pdfs:
        reader = PdfReader(pdf)
        for page in reader.pages:
            writer.add_page(page)
        if len(reader.pages) % 2:
            last = reader.pages[-1].mediabox
            writer.add_blank_page(width=float(last.width), height=float(last.height))
    buffer = io.BytesIO()
    writer.write(buffer)
    return replace_atomically(target, buffer.getvalue())
