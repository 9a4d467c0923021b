"""``merge --pdf``'s print file (toolkit/merge/printing.py): volumes, odd-page starts, postcode order.

The end-to-end run with LibreOffice is in test_merge.py; these build small PDFs with pypdf.
"""

from __future__ import annotations

import io

from benchmarks.merge import KIND, ON
from toolkit.merge import printing
from toolkit.merge.printing import _postcode_order, print_file
from toolkit.merge.result import MergeResult


def _pdf(pages: int, label: str) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": label})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_long_list_is_printed_in_volumes(tmp_path, monkeypatch):
    monkeypatch.setattr(printing, "PRINT_VOLUME", 2)
    pdfs = []
    for index in range(5):
        path = tmp_path / f"{index}.docx"
        path.with_suffix(".pdf").write_bytes(_pdf(1, str(index)))
        pdfs.append((f"BR{index + 1} 1AA", "x", index, path))
    result = MergeResult(tmp_path)
    emitted = []
    printing.make_pdfs(KIND, ON, tmp_path, pdfs, 1, result, emitted.append, False)
    assert [p.name for p in result.print_pdfs] == [f"{KIND}-{ON.isoformat()}-print-0{n}.pdf" for n in (1, 2, 3)]
    assert emitted[-3:] == result.print_pdfs


def test_print_file_starts_every_letter_on_an_odd_page(tmp_path):
    from pypdf import PdfReader

    pdfs = []
    for index, pages in enumerate([1, 2, 3, 4, 5]):
        path = tmp_path / f"{index}.pdf"
        path.write_bytes(_pdf(pages, str(index)))
        pdfs.append(path)
    combined = PdfReader(print_file(pdfs, tmp_path / "print.pdf"))
    assert len(combined.pages) == 2 + 2 + 4 + 4 + 6


def test_postcodes_sort_as_the_post_does():
    codes = ["SE1 7AA", "BR10 1AA", "BR6 0JA", "BR6 0AA", "E1 6AN", "BR1 3AB", "SW1A 2AA", "SW1 1AA"]
    assert sorted(codes, key=_postcode_order) == ["BR1 3AB", "BR6 0AA", "BR6 0JA", "BR10 1AA", "E1 6AN", "SE1 7AA", "SW1 1AA", "SW1A 2AA"]
