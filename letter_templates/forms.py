"""Helpers for first versions of forms and contracts (the ABC, the consent form):
tick-box rows, signature tables, fact tables, and the letterhead's words in another language.

Like :mod:`letterhead`, only for writing a *first* version in code; later versions are
edited in Word or LibreOffice. Every tick box is an empty ☐ (never pre-ticked: the ICO
requires that consent is an active choice) in a table row of its own.
"""

from __future__ import annotations

from docx import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table

from letterhead import set_widths

BOX = "☐"  # U+2610 BALLOT BOX: empty
BOX_FONT = "Segoe UI Symbol"  # has U+2610 on Windows; LibreOffice falls back to DejaVu Sans


def repeat_header(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def cant_split(row) -> None:  # type: ignore[no-untyped-def]
    """The row is never split across two pages (its text stays together)."""
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def keep_together(table: Table) -> None:
    """Keep a table on one page (and with what follows): every paragraph keeps with the next."""
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _bold(cell, text: str) -> None:  # type: ignore[no-untyped-def]
    cell.paragraphs[0].add_run(text).bold = True


def box(cell) -> None:  # type: ignore[no-untyped-def]
    """An empty tick box, large enough to tick with a pen."""
    run = cell.paragraphs[0].add_run(BOX)
    run.font.size = Pt(16)
    run.font.name = BOX_FONT
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BOX_FONT)


def fact_table(doc: Document, rows: list[tuple[str, str]], widths: tuple[Mm, Mm] = (Mm(50), Mm(116))) -> Table:
    """Label | value rows (labels bold). A value may hold Jinja; a label may be a ``{%tr %}`` tag."""
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        if label.startswith("{%tr"):
            cells[0].paragraphs[0].add_run(label)
            continue
        _bold(cells[0], label)
        cells[1].paragraphs[0].add_run(value)
        cant_split(table.rows[-1])
    set_widths(table, widths)
    keep_together(table)
    doc.add_paragraph()
    return table


def tick_table(doc: Document, headers: tuple[str, ...], loop: str | None, cells_text: tuple[str, ...],
               widths: tuple[Mm, ...]) -> Table:
    """A table whose first column is an empty box: one row per item of ``loop``
    (a ``for`` clause, e.g. ``"agency in agencies"``), or a single row when ``loop`` is None."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers):
        _bold(cell, text)
    repeat_header(table)
    if loop:
        table.add_row().cells[0].paragraphs[0].add_run(f"{{%tr for {loop} %}}")
    row = table.add_row()
    cant_split(row)
    box(row.cells[0])
    for cell, text in zip(row.cells[1:], cells_text):
        cell.paragraphs[0].add_run(text)
    if loop:
        table.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
    set_widths(table, widths)
    keep_together(table)
    doc.add_paragraph()
    return table


def signature_table(doc: Document, headers: tuple[str, str, str, str], loop: str, who: str, name: str,
                    widths: tuple[Mm, ...] = (Mm(50), Mm(46), Mm(44), Mm(26))) -> Table:
    """Who | printed name | signature | date: one tall row per item of ``loop``."""
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers):
        _bold(cell, text)
    repeat_header(table)
    table.add_row().cells[0].paragraphs[0].add_run(f"{{%tr for {loop} %}}")
    row = table.add_row()
    row.height, row.height_rule = Mm(18), WD_ROW_HEIGHT_RULE.AT_LEAST
    cant_split(row)
    row.cells[0].paragraphs[0].add_run(who)
    row.cells[1].paragraphs[0].add_run(name)
    table.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
    set_widths(table, widths)
    keep_together(table)
    doc.add_paragraph()
    return table


def localise(doc: Document, words: dict[str, str]) -> None:
    """Replace the letterhead's fixed English words (header, footer, address block labels)."""

    def runs():  # type: ignore[no-untyped-def]
        parts = [doc]
        for section in doc.sections:
            parts += [section.header, section.footer]
        for part in parts:
            for paragraph in part.paragraphs:
                yield from paragraph.runs
            for table in part.tables:
                for row in table.rows:
                    for cell in row.cells:
                        for paragraph in cell.paragraphs:
                            yield from paragraph.runs

    for run in runs():
        text = run.text
        for english, other in words.items():
            text = text.replace(english, other)
        if text != run.text:
            run.text = text


POLISH_LETTERHEAD = {
    "Tackling harassment and hate crime together": "Razem przeciwko nękaniu i przestępstwom z nienawiści",
    "Page ": "Strona ",
    " of ": " z ",
    "Date: ": "Data: ",
    "Our ref: ": "Nasz znak: ",
    "Contact: ": "Osoba kontaktowa: ",
    "Tel: ": "Tel.: ",
    "Email: ": "E-mail: ",
}
