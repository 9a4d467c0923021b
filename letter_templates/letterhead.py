"""How a template's first version is written: the Keniston letterhead and a few helpers.

Templates are plain .docx files; after version 1 they are edited in Word or LibreOffice
and saved as a new version (see README, "Templates"). These helpers only make writing a
*first* version in code consistent: A4, Arial (Liberation Sans on Linux, metric-
compatible), the letterhead, the reference and "Page X of Y" in the footer.

Run a kind's ``build_v1.py`` (``.venv/bin/python letter_templates/KIND/build_v1.py``) to
write its .docx and record its SHA-256 in the manifest. Never re-run it for a version
that has been approved and used: add a new version instead. A later version built in code
(``build_v2.py``) is recorded with :func:`record`, through casedocs's own ``templates
new-version``: linted first, numbered, hashed, never over an existing file.
"""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path

import yaml
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

TEAL = RGBColor(0x00, 0x5F, 0x73)
GREY = RGBColor(0x55, 0x55, 0x55)
FONT = "Arial"
ROOT = Path(__file__).resolve().parent


def new_document(
    *, landscape: bool = False, reference: str = "Ref {{ case.reference }} · ", marking: str = " · OFFICIAL – SENSITIVE"
) -> Document:
    """An empty A4 document with Keniston's styles, header and footer.

    ``reference`` starts the footer line; documents that belong to no case (a mail
    merge) pass "".
    """
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_height, section.page_width = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(22)
    section.top_margin, section.bottom_margin = Mm(18), Mm(20)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)

    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size in (("Title", 18), ("Heading 1", 14), ("Heading 2", 12)):
        style = doc.styles[name]
        style.font.name, style.font.size, style.font.bold = FONT, Pt(size), True
        style.font.color.rgb = TEAL
        style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(10), Pt(4)
        style.paragraph_format.keep_with_next = True
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
    _header(section)
    _footer(section, reference, marking)
    return doc


def _header(section) -> None:  # type: ignore[no-untyped-def]
    header = section.header
    table = header.add_table(rows=1, cols=2, width=section.page_width - section.left_margin - section.right_margin)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    name = left.paragraphs[0]
    run = name.add_run("{{ association.name }}")
    run.bold, run.font.size, run.font.color.rgb = True, Pt(15), TEAL
    strap = left.add_paragraph()
    tag = strap.add_run("Tackling harassment and hate crime together")
    tag.font.size, tag.font.color.rgb, tag.italic = Pt(8.5), GREY, True
    contact = right.paragraphs[0]
    contact.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    lines = "{{ association.address|join(', ') }}, {{ association.postcode }}\nTel {{ association.phone }} · {{ association.email }}\n{{ association.website }}"
    small = contact.add_run(lines)
    small.font.size, small.font.color.rgb = Pt(8), GREY
    header.paragraphs[0].text = ""
    rule = header.add_paragraph()
    bottom_border(rule)


def _footer(section, reference: str, marking: str) -> None:  # type: ignore[no-untyped-def]
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _small(paragraph, f"{reference}Page ")
    field(paragraph, "PAGE")
    _small(paragraph, " of ")
    field(paragraph, "NUMPAGES")
    note = section.footer.add_paragraph()
    note.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _small(note, "{{ association.name }} · {{ association.registered }}" + marking)


def _small(paragraph: Paragraph, text: str) -> None:
    run = paragraph.add_run(text)
    run.font.size, run.font.color.rgb = Pt(8), GREY


def field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice update on every page."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        run.font.size, run.font.color.rgb = Pt(8), GREY
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == instruction:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        else:
            run.text = text


def bottom_border(paragraph: Paragraph, color: str = "005F73") -> None:
    """A rule under the paragraph (the letterhead's, or a court document's in black)."""
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "1"), ("w:color", color)):
        bottom.set(qn(key), value)
    border.append(bottom)
    ppr.append(border)


def no_borders(table: Table) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tblpr.append(borders)


OFFICER_DETAILS = (
    "Date: {{ doc.date|date }}\nOur ref: {{ case.reference }}\nContact: {{ officer.name }}\n"
    "{{ officer.job_title }}\nTel: {{ officer.phone }}\nEmail: {{ officer.email }}"
)


def address_block(doc: Document, details: str = OFFICER_DETAILS, size: int = 10) -> None:
    """Recipient on the left, ``details`` (date, reference, who to contact) on the right, in
    ``size`` points (Easy Read: as large as its text)."""
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    set_widths(table, (Mm(96), Mm(70)))
    left, right = table.rows[0].cells
    left.paragraphs[0].add_run("{{ recipient.name }}\n{{ recipient.address|join('\\n') }}\n{{ recipient.postcode }}")
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    run = right.paragraphs[0].add_run(details)
    run.font.size = Pt(size)
    doc.add_paragraph()


def set_widths(table: Table, widths: tuple[Mm, ...]) -> None:
    """Column widths that both Word (cell widths) and LibreOffice (the grid) obey."""
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def repeat_header(table: Table) -> None:
    """The table's first row is repeated at the top of every page it runs onto."""
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(flag)


def heading(doc: Document, text: str, level: int = 1) -> Paragraph:
    return doc.add_paragraph(text, style="Title" if level == 0 else f"Heading {level}")


def para(doc: Document, text: str, *, bold: bool = False, italic: bool = False, style: str | None = None) -> Paragraph:
    """One paragraph; each Jinja tag stays inside this single run, so it cannot split."""
    paragraph = doc.add_paragraph(style=style)
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    return paragraph


def bullet(doc: Document, text: str) -> Paragraph:
    return para(doc, text, style="List Bullet")


def numbered(doc: Document, text: str) -> Paragraph:
    return para(doc, text, style="List Number")


def tag(doc: Document, text: str) -> Paragraph:
    """A docxtpl paragraph tag such as ``{%p if minor %}`` (the paragraph itself vanishes)."""
    return doc.add_paragraph(text)


def signature(doc: Document) -> None:
    """The sign-off, kept on one page (never "Yours sincerely" alone at a page's foot)."""
    lines = [para(doc, "Yours sincerely,"), doc.add_paragraph(), para(doc, "{{ officer.name }}", bold=True)]
    para(doc, "{{ officer.job_title }}, {{ association.name }}")
    for line in lines:
        line.paragraph_format.keep_with_next = True


def save(
    doc: Document,
    kind: str,
    *,
    title: str,
    description: str,
    version: int = 1,
    language: str = "en",
    effective_from: date = date(2020, 4, 6),
    approved_by: str = "Joanna Okafor, Housing Services Manager",
    review_due: date = date(2027, 12, 31),
    change_note: str = "First version.",
    translation_status: str = "source",
    translated_by: str | None = None,
) -> Path:
    """Write the .docx and record it (with its SHA-256) in the kind's manifest."""
    folder = ROOT / kind
    folder.mkdir(exist_ok=True)
    path = folder / f"{kind}-v{version}-{language}.docx"
    doc.core_properties.author = "Keniston Housing Association"
    doc.core_properties.title = title
    doc.save(path)
    manifest_path = folder / "manifest.yaml"
    manifest = yaml.safe_load(manifest_path.read_text()) if manifest_path.exists() else {}
    manifest.update({"kind": kind, "title": title, "description": description})
    # the first revision of (version, language) is this script's; later revisions are recorded by add_version
    versions = [v for v in manifest.get("versions", []) if (v["version"], v.get("language", "en"), v.get("revision")) != (version, language, None)]
    entry = {
        "version": version, "language": language, "file": path.name, "effective_from": effective_from,
        "approved_by": approved_by, "review_due": review_due, "change_note": change_note,
        "translation_status": translation_status,
    }
    if translated_by:
        entry["translated_by"] = translated_by
    entry["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    versions.append(entry)
    manifest["versions"] = sorted(versions, key=lambda v: (v["version"], v["language"], v.get("revision") or 1))
    manifest_path.write_text(
        "# Versions of this template: never edit an approved .docx in place; add a new version.\n"
        + yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True, width=100)
    )
    return path


def record(doc: Document, kind: str, *, title: str, **entry: object) -> Path:
    """Record ``doc`` as the next version of ``kind`` (or a translation of the newest, with
    ``language=``) through ``toolkit.templates.versions.add_version``, as ``casedocs templates
    new-version`` does: the lint runs first and a file that fails it is refused."""
    from toolkit.templates.versions import add_version  # the installed casedocs (make setup)

    doc.core_properties.author = "Keniston Housing Association"
    doc.core_properties.title = title
    buffer = io.BytesIO()
    doc.save(buffer)
    recorded = add_version(kind, buffer.getvalue(), **entry)  # type: ignore[arg-type]
    for warning in recorded.warnings:
        print(warning)
    return recorded.template.path
