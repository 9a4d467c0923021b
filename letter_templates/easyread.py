"""Authoring helpers for Easy Read versions (``format: easy_read``): one idea per line, a
picture beside each idea, large type and plenty of white space (Mencap's and the Department
of Health's Easy Read guidance).

An Easy Read template is recorded as its own language variant, ``en-x-easyread`` (a BCP 47
private-use subtag), so the registry's versions, review status and fallback work for it as
for any language; see toolkit/documents/generate.py.

Each section is a heading and a borderless two-column table: the pictogram (from
``pictograms/``, drawn by ``pictograms/draw.py``) on the left, one short sentence or two on
the right. A ``("tr", "{%tr if ... %}")`` item is a docxtpl row tag, for ideas only some
readers get.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.shared import Mm, Pt

from letterhead import heading, new_document, no_borders, set_widths

EASY_READ = "en-x-easyread"
PICTURES = Path(__file__).resolve().parent / "pictograms"
TEXT_PT, HEADING_PT, TITLE_PT = 14, 18, 22  # at least 14 pt; large print makes them 20 pt and more


def easy_document(**letterhead: str) -> Document:
    doc = new_document(**letterhead)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(TEXT_PT)
    normal.paragraph_format.line_spacing = 1.3
    normal.paragraph_format.space_after = Pt(4)
    for name, size in (("Title", TITLE_PT), ("Heading 1", HEADING_PT)):
        style = doc.styles[name]
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(18)
        style.paragraph_format.space_after = Pt(8)
    return doc


def ideas(doc: Document, title: str | None, items: list[tuple[str, str]]) -> None:
    """A heading (unless None) and one row per idea: (pictogram name, text) or ("tr", row tag)."""
    if title:
        heading(doc, title)
    table = doc.add_table(rows=0, cols=2)
    no_borders(table)
    for picture, text in items:
        row = table.add_row()
        left, right = row.cells
        if picture == "tr":
            left.paragraphs[0].add_run(text)
            continue
        run = left.paragraphs[0].add_run()
        inline = run.add_picture(str(PICTURES / f"{picture}.png"), width=Mm(20))._inline
        inline.docPr.set("descr", f"Picture: {picture}")  # alt text, read out and tagged in the PDF
        left.vertical_alignment = right.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        right.paragraphs[0].add_run(text)
        right.paragraphs[0].paragraph_format.space_before = Pt(6)
        right.paragraphs[0].paragraph_format.space_after = Pt(6)
    set_widths(table, (Mm(28), Mm(138)))
    doc.add_paragraph()
