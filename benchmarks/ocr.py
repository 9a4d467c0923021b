"""Benchmark: the cost of the text layer for scanned exhibits (``make bench``).

``bundle-600-scanned-pages``: 40 scanned PDFs of 15 image-only pages each (typed text
rasterised at 150 dpi, as a scanner makes them) put in a bundle

* with OCR, the first time (OCRmyPDF + Tesseract on every page, results cached by hash);
* with OCR again, the cache warm (the second build: should cost about what no OCR costs);

each against the same bundle built without OCR, timed in the same run. The page count can
be lowered for a quick look with ``CASEDOCS_BENCH_OCR_PAGES`` (a multiple of 15).
Nothing here asserts: timings do not belong in tests.
"""

from __future__ import annotations

import io
import os
import tempfile
import time
from pathlib import Path

Row = tuple[str, float, float, float, str]
PAGES_PER_SCAN = 15


def make_scans(folder: Path, pages: int) -> list[Path]:
    """Image-only PDFs: every page a 150 dpi greyscale picture of typed lines."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    folder.mkdir(parents=True, exist_ok=True)
    font = ImageFont.truetype("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf", 24)
    paths = []
    for d in range(max(pages // PAGES_PER_SCAN, 1)):
        path = folder / f"scan{d:03d}.pdf"
        canvas = Canvas(str(path), pagesize=A4, invariant=1)
        for p in range(PAGES_PER_SCAN):
            image = Image.new("L", (1240, 1754), 240)
            draw = ImageDraw.Draw(image)
            for line in range(30):
                draw.text((110, 120 + line * 50), f"Scan {d} page {p + 1} line {line + 1}: noise and abuse at flat {d % 9 + 1} reported.", fill=25, font=font)
            buffer = io.BytesIO()
            image.save(buffer, "PNG")
            canvas.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 0, 0, *A4)
            canvas.showPage()
        canvas.save()
        paths.append(path)
    return paths


def bench_ocr(work: Path, pages: int) -> list[Row]:
    from toolkit.bundle.assemble import build_bundle
    from toolkit.bundle.items import BundleDocument, BundleSection
    from toolkit.bundle.ocr import with_text_layers

    scans = make_scans(work / "scans", pages)
    documents = [BundleDocument(f"Scan {k}", p, exhibit=f"PS{k + 1}") for k, p in enumerate(scans)]
    cache = work / "ocr-cache"

    def build(name: str, ocr: bool) -> float:
        start = time.perf_counter()
        docs = with_text_layers(documents, cache) if ocr else documents
        build_bundle([BundleSection("Exhibits", docs)], work / f"{name}.pdf", title="OCR benchmark")
        return time.perf_counter() - start

    build("warm-up", False)
    plain = build("plain", False)
    first = build("ocr-first", True)
    second = build("ocr-second", True)
    count = len(scans) * PAGES_PER_SCAN
    return [
        (f"bundle-{count}-scanned-pages with OCR, first build (s; baseline: the same bundle without OCR)", first, plain, first / plain, "report"),
        (f"bundle-{count}-scanned-pages with OCR, second build, cache warm (s; baseline: without OCR)", second, plain, second / plain, "<= 1.5x"),
    ]


def bench_rows(work: Path | None = None) -> list[tuple[str, str, str, str, str]]:
    pages = int(os.environ.get("CASEDOCS_BENCH_OCR_PAGES", "600"))
    if work is None:
        with tempfile.TemporaryDirectory(prefix="casedocs-bench-ocr-") as tmp:
            return bench_rows(Path(tmp))
    out = []
    for name, measured, baseline, ratio, target in bench_ocr(Path(work), pages):
        met = "" if target == "report" else (" (met)" if ratio <= 1.5 else " (NOT MET)")
        out.append((name, f"{measured:.1f} s", f"{baseline:.1f} s", f"{ratio:.1f}x", f"{target}{met}"))
    return out


if __name__ == "__main__":  # pragma: no cover
    for row in bench_rows():
        print("  ".join(row))
