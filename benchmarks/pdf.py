"""Benchmarks for bundle assembly and LibreOffice conversion (``make bench``).

:func:`run` returns rows ``(name, measured, baseline, ratio, target)`` as numbers, and
:func:`bench_rows` the same rows formatted for ``benchmarks.bench``'s table.  Nothing here
asserts (timings do not belong in tests).

* ``bundle-600-pages``: a 600-page bundle built by :func:`toolkit.bundle.assemble.build_bundle`
  from 40 existing PDFs (15 pages each, embedded font subsets, a letterhead logo in
  every one).  Measured: seconds (target: under 3 s); baseline: the same files joined by
  plain ``qpdf --empty --pages`` in the same run, for scale.  A second row compares
  the bundle's size with ``qpdf --empty --pages <files> -- out.pdf`` over the same files
  (target: at most 1.3 times).
* ``convert-100-letters``: 100 one-page letters through a :class:`ConverterPool` (2
  workers) against one fresh ``soffice`` process (fresh profile, as naive callers do)
  per letter.  The baseline is measured on a sample of letters and extrapolated to 100
  (the row's name says how many); target: at least 15 times faster.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

Row = tuple[str, float, float, float, str]


def make_source_pdfs(folder: Path, documents: int = 40, pages: int = 15) -> list[Path]:
    """Realistic inputs: text in an embedded TrueType font, and the same logo in each."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    from toolkit.bundle import pages as bp

    bp.register_fonts()
    folder.mkdir(parents=True, exist_ok=True)
    logo = Image.new("RGB", (400, 160), (255, 255, 255))
    draw = ImageDraw.Draw(logo)
    draw.rectangle((10, 10, 150, 150), fill=(20, 90, 160))
    draw.ellipse((170, 20, 390, 140), fill=(200, 60, 40))
    logo_buf = io.BytesIO()
    logo.save(logo_buf, "PNG")
    paths = []
    for d in range(documents):
        path = folder / f"doc{d:03d}.pdf"
        c = Canvas(str(path), pagesize=A4, invariant=1)
        for p in range(pages):
            c.drawImage(ImageReader(io.BytesIO(logo_buf.getvalue())), 400, 760, 150, 60)
            c.setFont(bp.SANS, 10.5)
            y = 730
            for line in range(48):
                c.drawString(60, y, f"Document {d} page {p + 1} line {line + 1}: the tenant at flat {d % 9 + 1} "
                                    "reported noise and abuse from the neighbouring property.")
                y -= 14
            c.drawCentredString(297, 30, f"{p + 1}")
            c.showPage()
        c.save()
        paths.append(path)
    return paths


def bench_bundle(work: Path) -> list[Row]:
    from toolkit.bundle.assemble import build_bundle
    from toolkit.bundle.items import BundleDocument, BundleSection

    sources = make_source_pdfs(work / "src")
    sections = [
        BundleSection(f"Section {s + 1}", [
            BundleDocument(f"Document {k}", p) for k, p in enumerate(sources[s * 10:(s + 1) * 10])
        ])
        for s in range(4)
    ]
    # warm-up (imports, font registration) so the row measures the build itself
    build_bundle(sections[:1], work / "warm.pdf", title="warm-up")
    start = time.perf_counter()
    result = build_bundle(sections, work / "bundle.pdf", title="Benchmark bundle")
    elapsed = time.perf_counter() - start
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        raise RuntimeError("qpdf is needed for the bundle benchmark: sudo apt-get install qpdf")
    plain = work / "qpdf.pdf"
    start = time.perf_counter()
    subprocess.run([qpdf, "--empty", "--pages", *map(str, sources), "--", str(plain)], check=True)
    qpdf_time = time.perf_counter() - start
    size, base = result.size, plain.stat().st_size
    return [
        (f"bundle-{result.page_count}-pages-time (s; baseline: plain qpdf concatenation)",
         elapsed, qpdf_time, elapsed / qpdf_time, "< 3 s"),
        ("bundle-size-vs-qpdf (bytes)", float(size), float(base), size / base, "<= 1.3x"),
    ]


def make_letters(folder: Path, count: int) -> list[Path]:
    from docx import Document

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(count):
        doc = Document()
        doc.add_paragraph("Keniston Housing Association")
        doc.add_paragraph(f"Tenant {k}\nFlat {k % 40 + 1}\nKeniston Road\nKE1 2AB")
        doc.add_paragraph(f"Dear tenant {k},")
        for _ in range(4):
            doc.add_paragraph(
                "We have received a report of anti-social behaviour at your property. "
                "We ask you to contact your housing officer within 10 working days. " * 2
            )
        doc.add_paragraph("Yours sincerely,\nHousing Officer")
        path = folder / f"letter{k:03d}.docx"
        doc.save(path)
        paths.append(path)
    return paths


def bench_convert(work: Path, letters: int = 100, sample: int = 6, jobs: int = 2) -> list[Row]:
    from toolkit.pdf.convert import PDF_FILTER, ConverterPool, find_soffice

    docs = make_letters(work / "letters", letters)
    start = time.perf_counter()
    with ConverterPool(jobs=jobs) as pool:
        pool.convert_many(docs, work / "pool-out")
    pooled = time.perf_counter() - start

    soffice = find_soffice()
    start = time.perf_counter()
    for doc in docs[:sample]:
        profile = Path(tempfile.mkdtemp(prefix="bench-profile-", dir=work))
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", PDF_FILTER, "--outdir", str(work / "fresh-out"), str(doc)],
            check=True, capture_output=True, timeout=300,
        )
    per_letter = (time.perf_counter() - start) / sample
    baseline = per_letter * letters
    return [(
        f"convert-{letters}-letters-pool{jobs} vs fresh soffice each (s; baseline from {sample}, extrapolated)",
        pooled, baseline, baseline / pooled, ">= 15x faster",
    )]


def run(work: Path | None = None) -> list[Row]:
    """Run both benchmarks; ``work`` (default: a temporary folder) holds the files."""
    if work is None:
        with tempfile.TemporaryDirectory(prefix="casedocs-bench-") as tmp:
            return run(Path(tmp))
    work = Path(work)
    work.mkdir(parents=True, exist_ok=True)
    return [*bench_bundle(work / "bundle"), *bench_convert(work / "convert")]


def bench_rows(work: Path | None = None) -> list[tuple[str, str, str, str, str]]:
    """The rows for ``benchmarks.bench``'s table, formatted; each says whether it met its target."""
    out = []
    for name, measured, baseline, ratio, target in run(work):
        if name.startswith("bundle-size"):
            ok = ratio <= 1.3
            cells = (f"{measured / 1e6:.2f} MB", f"{baseline / 1e6:.2f} MB", f"{ratio:.2f}x")
        elif name.startswith("bundle-"):
            ok = measured < 3.0
            cells = (f"{measured:.2f} s", f"{baseline:.2f} s", f"{ratio:.1f}x qpdf's time")
        else:
            ok = ratio >= 15
            cells = (f"{measured:.1f} s", f"{baseline:.1f} s", f"{ratio:.1f}x faster")
        out.append((name, *cells, f"{target} ({'met' if ok else 'NOT MET'})"))
    return out


def main() -> None:  # pragma: no cover - for `python -m benchmarks.pdf`
    for row in bench_rows():
        print("  ".join(row))


if __name__ == "__main__":  # pragma: no cover
    main()
