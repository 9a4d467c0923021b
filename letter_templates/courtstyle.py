"""Court-style layout for the injunction documents (witness statement, draft order).

No letterhead and no letter block: A4, black Arial, a 35 mm left margin for binding
(CPR PD 32 19.1), the court and the title of the proceedings at the top, and the claim
number and "Page X of Y" centred in the footer (the bundle's own page stamp goes bottom
right, so the two never collide).
"""

from __future__ import annotations

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from letterhead import FONT, bottom_border, field, new_document, no_borders, set_widths

BLACK = RGBColor(0, 0, 0)
TEXT_WIDTH = Mm(210 - 35 - 22)


def court_document(
    *, line_spacing: float = 1.5, margins_mm: tuple[int, int, int, int] = (35, 22, 20, 22), number_label: str = "Claim No.",
) -> Document:
    """``margins_mm``: left, right, top, bottom (a witness statement has 35 mm all round,
    PD 32 19.1(1)); ``number_label`` names the court's number in the footer (a tag such as
    ``{{ title.number_label }}`` for a template that serves the youth court too)."""
    doc = new_document(reference="")
    section = doc.sections[0]
    left, right, top, bottom = margins_mm
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    # no letterhead: empty the header
    header = section.header._element
    for child in list(header):
        header.remove(child)
    header.append(OxmlElement("w:p"))
    # footer: claim number and page X of Y, nothing else
    footer = section.footer._element
    for child in list(footer):
        footer.remove(child)
    section.footer.add_paragraph()
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(number_label + " {{ title.claim_number }} · Page ")
    run.font.size = Pt(9)
    field(p, "PAGE")
    p.add_run(" of ").font.size = Pt(9)
    field(p, "NUMPAGES")
    for r in p.runs:
        r.font.color.rgb = BLACK
        r.font.size = Pt(9)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    normal.paragraph_format.line_spacing = line_spacing
    normal.paragraph_format.space_after = Pt(8)
    for name in ("Title", "Heading 1", "Heading 2"):
        doc.styles[name].font.color.rgb = BLACK
    doc.styles["Heading 2"].font.size = Pt(12)
    ln = doc.styles["List Number"]
    ln.paragraph_format.left_indent = Mm(10)
    ln.paragraph_format.first_line_indent = Mm(-10)
    ln.paragraph_format.tab_stops.add_tab_stop(Mm(10))
    return doc


def runs(doc: Document, *parts: tuple[str, bool], style: str | None = None, align=None):  # type: ignore[no-untyped-def]
    """A paragraph of several runs, each (text, bold); each Jinja tag stays inside one run."""
    paragraph = doc.add_paragraph(style=style)
    for text, bold in parts:
        paragraph.add_run(text).bold = bold
    if align is not None:
        paragraph.alignment = align
    return paragraph


def centred(doc: Document, text: str, *, bold: bool = True, size: int | None = None, space_after: int = 6):  # type: ignore[no-untyped-def]
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(space_after)
    paragraph.paragraph_format.line_spacing = 1.15
    run = paragraph.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    return paragraph


def rule(doc: Document) -> None:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(2)
    bottom_border(paragraph, "000000")


def _cell_text(cell, text: str, *, bold: bool = False, align=WD_ALIGN_PARAGRAPH.LEFT) -> None:  # type: ignore[no-untyped-def]
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    paragraph.paragraph_format.line_spacing = 1.15
    paragraph.paragraph_format.space_after = Pt(4)
    run = paragraph.add_run(text)
    run.bold = bold


def title_block(
    doc: Document, *, defendant_label: str = "Defendant", claimant_label: str = "Claimant", width_mm: int = 153,
    number_label: str = "Claim No.",
) -> None:
    """The court and claim number, the matter, and the parties (Claimant / Defendant, or
    tags such as ``{{ title.claimant_label }}`` for a template that serves the youth court too)."""
    top = doc.add_table(rows=1, cols=2)
    no_borders(top)
    top.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_widths(top, (Mm(width_mm - 50), Mm(50)))
    _cell_text(top.rows[0].cells[0], "{{ title.court }}", bold=True)
    _cell_text(top.rows[0].cells[1], number_label + " {{ title.claim_number }}", bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    centred(
        doc,
        "IN THE MATTER OF AN APPLICATION FOR AN INJUNCTION UNDER PART 1 OF THE "
        "ANTI-SOCIAL BEHAVIOUR, CRIME AND POLICING ACT 2014",
        bold=False, size=10, space_after=8,
    )
    between = doc.add_paragraph()
    between.paragraph_format.line_spacing = 1.15
    between.add_run("BETWEEN:").bold = True
    parties = doc.add_table(rows=3, cols=2)
    no_borders(parties)
    parties.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_widths(parties, (Mm(width_mm - 40), Mm(40)))
    _cell_text(parties.rows[0].cells[0], "{{ title.claimant }}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _cell_text(parties.rows[0].cells[1], claimant_label, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _cell_text(parties.rows[1].cells[0], "- and -", align=WD_ALIGN_PARAGRAPH.CENTER)
    _cell_text(parties.rows[2].cells[0], "{{ title.defendant }}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _cell_text(parties.rows[2].cells[1], defendant_label, align=WD_ALIGN_PARAGRAPH.RIGHT)


def boxed(doc: Document, lines: list[tuple[str, bool]]) -> None:
    """A one-cell table with a border: the penal notice, displayed prominently."""
    table = doc.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_widths(table, (TEXT_WIDTH,))
    cell = table.rows[0].cells[0]
    first = True
    for text, bold in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        paragraph.paragraph_format.line_spacing = 1.15
        paragraph.paragraph_format.space_after = Pt(4)
        run = paragraph.add_run(text)
        run.bold = bold
    doc.add_paragraph().paragraph_format.space_after = Pt(2)


def finish(doc: Document) -> None:
    """Before saving: Word's numbered paragraphs ("List Number") get a 10 mm hanging indent
    as direct formatting (the numbering definition's own indent would otherwise win), and
    the statement of truth is kept on one page with the signature lines after it."""
    numbering = doc.part.numbering_part.element
    for lvl in numbering.iter(qn("w:lvl")):
        style = lvl.find(qn("w:pStyle"))
        if style is None or style.get(qn("w:val")) != "ListNumber":
            continue
        for tab in lvl.iter(qn("w:tab")):
            tab.set(qn("w:pos"), "567")
        for ind in lvl.iter(qn("w:ind")):
            ind.set(qn("w:left"), "567")
            ind.set(qn("w:hanging"), "567")
    ppr = doc.styles["List Number"].element.pPr
    for spacing in ppr.findall(qn("w:contextualSpacing")):
        ppr.remove(spacing)
    for paragraph in doc.paragraphs:
        if paragraph.style is not None and paragraph.style.name == "List Number":
            fmt = paragraph.paragraph_format
            fmt.left_indent, fmt.first_line_indent = Mm(10), Mm(-10)
            fmt.tab_stops.add_tab_stop(Mm(10))


def keep_together(paragraphs) -> None:  # type: ignore[no-untyped-def]
    """Keep these paragraphs on one page (each kept with the next)."""
    for paragraph in paragraphs[:-1]:
        paragraph.paragraph_format.keep_with_next = True
    for paragraph in paragraphs:
        paragraph.paragraph_format.keep_together = True


def numbered_para(doc: Document, number: str, text: str, *, bold_number: bool = False, level: int = 1):  # type: ignore[no-untyped-def]
    """A paragraph with a literal number ("1.") and a hanging indent: for orders, whose
    paragraphs refer to each other by number; ``level=2`` for "(1)" items under a numbered
    paragraph."""
    paragraph = doc.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.first_line_indent = Mm(10 * level), Mm(-10)
    fmt.tab_stops.add_tab_stop(Mm(10 * level))
    paragraph.add_run(f"{number}\t").bold = bold_number
    paragraph.add_run(text)
    return paragraph


__all__ = ["BLACK", "FONT", "boxed", "centred", "court_document", "finish", "keep_together", "numbered_para", "rule", "runs", "title_block"]
