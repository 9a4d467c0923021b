"""How big evidence may be once unpacked, and how much memory LibreOffice may take.

Evidence comes from outside, and a small file can unpack into a huge one: a 3 MB .docx
that inflates to 1 GB drove LibreOffice to 12 GB of memory, and a 13000 x 13000 PNG
takes 877 MB to decode. So the unpacked size is checked *before* converting or
decoding, against limits far above any real evidence (README, "Reliability"), and
every LibreOffice worker runs with a bounded address space, so that no input can take
the machine even if it gets past these checks.
"""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path
from typing import Any

#: A .docx may unpack to at most this many bytes in all (a long report full of photos is ~100 MB).
MAX_DOCX_INFLATED = 300 * 1024 * 1024
#: ... from at most this many parts.
MAX_DOCX_MEMBERS = 10_000
#: An image (each page of a TIFF) may have at most this many pixels (a 48-megapixel photo has 48 million).
MAX_IMAGE_PIXELS = 120_000_000
#: An image file may have at most this many pages (frames).
MAX_IMAGE_FRAMES = 1_000
#: Address space of each LibreOffice worker, bytes (a letter converts in well under 1 GB).
SOFFICE_MEMORY = 3 * 1024 * 1024 * 1024
#: Address space of each OCRmyPDF process and the Tesseract it runs, bytes. Tesseract reserves
#: far more address space than it uses: with 2 GB it failed on a one-page scanned diary sheet
#: (and OCRmyPDF still reported success, with no text); with 3 GB it read it. 4 GB leaves room.
OCR_MEMORY = 4 * 1024 * 1024 * 1024

_CHUNK = 1 << 20


def docx_bomb_problem(archive: zipfile.ZipFile) -> str | None:
    """Why a .docx would unpack to more than the limits allow, or ``None``.

    The sizes a zip declares can lie, so the parts are inflated (and discarded) as a
    stream, stopping as soon as the total passes the limit: bounded time and memory.
    """
    members = archive.infolist()
    if len(members) > MAX_DOCX_MEMBERS:
        return f"it holds {len(members):,} parts; a Word document has far fewer (at most {MAX_DOCX_MEMBERS:,} are accepted), so it was not opened"
    too_big = (
        f"it unpacks to more than {MAX_DOCX_INFLATED // (1024 * 1024):,} MB (a 'zip bomb', or a document that must be "
        "split): it was not converted; save it again from Word, or split it"
    )
    if sum(m.file_size for m in members) > MAX_DOCX_INFLATED:
        return too_big
    total = 0
    for member in members:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                total += len(chunk)
                if total > MAX_DOCX_INFLATED:
                    return too_big
    return None


def image_size_problem(image: Any, frame: int = 0) -> str | None:
    """Why an opened (not yet decoded) Pillow image is too large to decode, or ``None``."""
    width, height = image.size
    if frame >= MAX_IMAGE_FRAMES:
        return f"it has more than {MAX_IMAGE_FRAMES:,} pages: split it into smaller files"
    if width * height > MAX_IMAGE_PIXELS:
        page = f"page {frame + 1} is" if frame else "it is"
        return (
            f"{page} {width:,} x {height:,} pixels ({width * height / 1e6:,.0f} megapixels), over the limit of "
            f"{MAX_IMAGE_PIXELS / 1e6:,.0f} megapixels: it was not decoded; save a smaller copy (no court page needs more)"
        )
    return None


def open_image(path: Path) -> Any:
    """Open an image (its header only) with Pillow's bomb check worded, not its raw warning.

    Pillow's limit is set to ours: above it Pillow only warns (silenced here, as
    :func:`image_size_problem` then says how large, before anything is decoded); above
    twice it Pillow refuses to open the file at all, which becomes a ``ValueError``.
    """
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            return Image.open(path)
        except Image.DecompressionBombError:
            raise ValueError(
                f"it is over {2 * MAX_IMAGE_PIXELS / 1e6:,.0f} megapixels, far over the limit of {MAX_IMAGE_PIXELS / 1e6:,.0f}: "
                "it was not decoded; save a smaller copy (no court page needs more)"
            ) from None


def limit_memory(memory: int = SOFFICE_MEMORY) -> None:
    """In a child process before it starts LibreOffice (or OCR): bound its address space to
    ``memory`` bytes (or less, if the system's hard limit is lower)."""
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):  # a system that does not bound address space (macOS): run unbounded
        pass
