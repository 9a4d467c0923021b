"""docxtpl compatibility: one test per docxtpl feature, through ``toolkit.render_file``.

Every template is made here with python-docx (one re-saved by the installed LibreOffice);
each test opens the result and checks its text, table grid, pictures and relationships.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import jinja2
import pytest
from docx import Document
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage, Listing, RichText
from helpers import resave_with_libreoffice
from PIL import Image as PILImage

import toolkit
from toolkit import InputError, Picture, TemplateInputError, add_filter


def png(colour: str = "red", size: tuple[int, int] = (40, 20)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def template(path: Path, *paragraphs: str, header: str | None = None, footer: str | None = None) -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        document.sections[0].footer.paragraphs[0].text = footer
    document.save(path)
    return path


def table_template(path: Path, *rows: list[str], width_mm: int = 30) -> Path:
    document = Document()
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for cells, texts in zip(table.rows, rows):
        for cell, text in zip(cells.cells, texts):
            cell.text = text
            cell.width = Mm(width_mm)
    document.save(path)
    return path


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def text_of(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def grid(data: bytes) -> tuple[list[int], list[int]]:
    """The table's grid column widths, and the number of grid columns each row spans."""
    xml = parts(data)["word/document.xml"].decode()
    widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', xml)]
    spans = []
    for row in re.findall(r"<w:tr[ >].*?</w:tr>", xml, re.S):
        cells = re.findall(r"<w:tc>.*?</w:tc>", row, re.S)
        spans.append(sum(int(m.group(1)) if (m := re.search(r'<w:gridSpan w:val="(\d+)"', c)) else 1 for c in cells))
    return widths, spans


def assert_relationships_resolve(data: bytes) -> None:
    """Every r:id/r:embed a part names is in its .rels, and every internal target exists."""
    found = parts(data)
    for name in [n for n in found if re.match(r"word/[^/]+\.xml$", n)]:
        rels = found.get(f"word/_rels/{name[5:]}.rels", b"").decode()
        targets = dict(re.findall(r'Id="([^"]+)" Type="[^"]+" Target="([^"]+)"', rels))
        for rel_id in re.findall(r'\sr:(?:id|embed)="([^"]+)"', found[name].decode()):
            assert rel_id in targets, f"{name} names {rel_id}, missing from its relationships"
            if not targets[rel_id].startswith("http"):
                assert f"word/{targets[rel_id]}" in found, f"{name}: {rel_id} -> {targets[rel_id]} is not in the package"


# -- reading templates as docxtpl does ----------------------------------------------------
@pytest.mark.libreoffice
def test_a_template_saved_by_libreoffice_compiles_with_quotes_in_its_tags(tmp_path: Path) -> None:
    made = template(tmp_path / "made.docx", 'Dear {{ name|default("tenant") }},', "{% if kind == 'warning' %}A warning.{% endif %}",
                    '{{ "Smith & Sons" }} {{ note|replace("&", "and") }}')
    saved = tmp_path / "saved.docx"
    saved.write_bytes(resave_with_libreoffice(made.read_bytes(), tmp_path / "lo"))
    xml = parts(saved.read_bytes())["word/document.xml"]
    assert b"&quot;tenant&quot;" in xml and b"&apos;warning&apos;" in xml  # as LibreOffice stores them
    data = toolkit.render_file(saved, {"kind": "warning", "note": "Tom & Jerry", "name": "Zoë O'Brien & <Sons>"})
    assert text_of(data).splitlines() == ["Dear Zoë O'Brien & <Sons>,", "A warning.", "Smith & Sons Tom and Jerry"]


def test_an_error_shows_the_tag_as_jinja_reads_it(tmp_path: Path) -> None:
    # an author typed the characters &quot; (python-docx stores them as &amp;quot;): not a quote
    path = template(tmp_path / "t.docx", "Dear {{ name|default(&quot;x&quot;) }}, & welcome")
    with pytest.raises(TemplateInputError) as info:
        toolkit.render_file(path, {"name": "A"})
    assert "unexpected char '&'" in str(info.value)
    assert '(in the paragraph "Dear {{ name|default(&quot;x&quot;) }}, & welcome")' in str(info.value)


# -- tables: column loops and merges --------------------------------------------------------
def test_a_column_loop_widens_the_grid_keeping_the_table_width(tmp_path: Path) -> None:
    path = table_template(tmp_path / "t.docx", ["Name", "{%tc for c in cols %}", "{{ c }}", "{%tc endfor %}"],
                          ["Row", "{%tc for c in cols %}", "x", "{%tc endfor %}"], width_mm=40)
    before, _ = grid(path.read_bytes())
    widths, spans = grid(toolkit.render_file(path, {"cols": ["A", "B", "C", "D", "E"]}))
    assert len(before) == 4 and spans == [6, 6] and len(widths) == 6
    assert abs(sum(widths) - sum(before)) <= 6 and len(set(widths)) == 1  # the table's width, shared out


def test_a_commented_out_cell_narrows_the_grid(tmp_path: Path) -> None:
    path = table_template(tmp_path / "t.docx", ["A", "{#tc removed #}", "C"], ["1", "{#tc removed #}", "3"])
    widths, spans = grid(toolkit.render_file(path, {}))
    assert spans == [2, 2] and len(widths) == 2


def test_horizontal_merge_spans_the_loop(tmp_path: Path) -> None:
    path = table_template(tmp_path / "t.docx", ["Head", "{%tc for c in cols %}", "{% hm %}Group", "{%tc endfor %}", "Total"],
                          ["Row", "{%tc for c in cols %}", "{{ c }}", "{%tc endfor %}", "9"])
    data = toolkit.render_file(path, {"cols": ["x", "y", "z"]})
    widths, spans = grid(data)
    assert spans == [5, 5] and len(widths) == 5
    assert '<w:gridSpan w:val="3"/>' in parts(data)["word/document.xml"].decode()
    assert [c.text for c in Document(io.BytesIO(data)).tables[0].rows[0].cells] == ["Head", "Group", "Group", "Group", "Total"]


def test_vertical_merge_restarts_then_continues(tmp_path: Path) -> None:
    path = table_template(tmp_path / "t.docx", ["Group", "Item"], ["{%tr for i in items %}", ""],
                          ["{% vm %}{{ group }}", "{{ i }}"], ["{%tr endfor %}", ""])
    data = toolkit.render_file(path, {"items": ["a", "b", "c"], "group": "G"})
    xml = parts(data)["word/document.xml"].decode()
    assert re.findall(r'<w:vMerge w:val="(\w+)"/>', xml) == ["restart", "continue", "continue"]
    table = Document(io.BytesIO(data)).tables[0]
    assert [c.text for c in table.column_cells(1)] == ["Item", "a", "b", "c"]
    assert grid(data)[1] == [2, 2, 2, 2]


# -- docxtpl's context objects -------------------------------------------------------------
def test_richtext_with_a_hyperlink(tmp_path: Path) -> None:
    path = template(tmp_path / "t.docx", "See {{r link }} for more.")
    tpl = DocxTemplate(path)
    link = RichText("the policy & <help>", bold=True, url_id=tpl.build_url_id("https://example.org/policy?a=1&b=2"))
    data = toolkit.render_file(path, {"link": link}, template=tpl)
    assert text_of(data) == "See the policy & <help> for more."
    found = parts(data)
    assert b'<w:hyperlink r:id="' in found["word/document.xml"]
    assert b'Target="https://example.org/policy?a=1&amp;b=2" TargetMode="External"' in found["word/_rels/document.xml.rels"]
    assert_relationships_resolve(data)


def test_a_richtext_link_without_its_template_is_refused_not_left_dangling(tmp_path: Path) -> None:
    path = template(tmp_path / "t.docx", "See {{r link }}.")
    link = RichText("here", url_id=DocxTemplate(template(tmp_path / "other.docx", "x")).build_url_id("https://example.org"))
    with pytest.raises(TemplateInputError, match=r"refers to relationship rId\d+, which the template does not have: .*template=tpl"):
        toolkit.render_file(path, {"link": link})


def test_listing_keeps_line_breaks_and_escapes(tmp_path: Path) -> None:
    path = template(tmp_path / "t.docx", "Address: {{ address }}")
    data = toolkit.render_file(path, {"address": Listing("1 High St\nLondon & <Kent>")})
    assert text_of(data) == "Address: 1 High St\nLondon & <Kent>"
    assert b"<w:br/>" in parts(data)["word/document.xml"]


def test_inline_image_with_a_docxtpl_template_in_body_and_header(tmp_path: Path) -> None:
    path = template(tmp_path / "t.docx", "Logo: {{ logo }}", header="Header {{ logo }}")
    tpl = DocxTemplate(path)  # never rendered: InlineImage(tpl, ...) must not need tpl.current_rendering_part
    data = toolkit.render_file(path, {"logo": InlineImage(tpl, io.BytesIO(png()), width=Mm(20))})
    found = parts(data)
    assert_relationships_resolve(data)
    media = [n for n in found if n.startswith("word/media/")]
    assert len(media) == 1 and found[media[0]] == png()  # one copy, related from both parts
    assert b"image" in found["word/_rels/header1.xml.rels"] and b'<a:blip r:embed="' in found["word/header1.xml"]
    assert b'Extension="png"' in found["[Content_Types].xml"] or b'/word/media/' in found["[Content_Types].xml"]
    shapes = Document(io.BytesIO(data)).inline_shapes
    assert len(shapes) == 1 and shapes[0].width == Mm(20) and shapes[0].height == Mm(10)  # aspect ratio kept


def test_casedocs_pictures_in_a_footer_get_unique_ids(tmp_path: Path) -> None:
    path = template(tmp_path / "t.docx", "{% for p in pics %}{{ p }}{% endfor %}", footer="{{ seal }}")
    pics = [Picture(png("blue"), Mm(10)), Picture(png("green"), Mm(10))]
    data = toolkit.render_file(path, {"pics": pics, "seal": Picture(png("blue"), height=Mm(5), description="Seal & crest")})
    found = parts(data)
    assert_relationships_resolve(data)
    ids = re.findall(rb'<wp:docPr id="(\d+)"', b"".join(found[n] for n in ("word/document.xml", "word/footer1.xml")))
    assert len(ids) == 3 == len(set(ids))
    assert len([n for n in found if n.startswith("word/media/")]) == 2  # the blue one once
    assert b'descr="Seal &amp; crest"' in found["word/footer1.xml"]


def test_subdoc_with_a_picture_in_the_body_and_a_header(tmp_path: Path) -> None:
    path = template(tmp_path / "t.docx", "Before", "{{p sub }}", "After", header="{{p sub }}")
    tpl = DocxTemplate(path)
    sub = tpl.new_subdoc()
    sub.add_paragraph("Inserted & kept")
    sub.add_picture(io.BytesIO(png("purple")), width=Mm(15))
    data = toolkit.render_file(path, {"sub": sub}, template=tpl)
    assert_relationships_resolve(data)
    document = Document(io.BytesIO(data))
    assert [p.text for p in document.paragraphs] == ["Before", "Inserted & kept", "", "After"]
    assert document.sections[0].header.paragraphs[0].text == "Inserted & kept"
    assert len(document.inline_shapes) == 1


def test_new_subdoc_merges_another_docx_with_its_picture_and_style(tmp_path: Path) -> None:
    other = Document()
    style = other.styles.add_style("Casedocs Merged", 1)
    other.add_paragraph("From the other file", style=style)
    other.add_picture(io.BytesIO(png("orange")), width=Mm(12))
    other.save(tmp_path / "other.docx")
    path = template(tmp_path / "t.docx", "{{p merged }}")
    tpl = DocxTemplate(path)
    data = toolkit.render_file(path, {"merged": tpl.new_subdoc(tmp_path / "other.docx")})
    assert_relationships_resolve(data)
    document = Document(io.BytesIO(data))
    assert document.paragraphs[0].text == "From the other file"
    assert document.paragraphs[0].style.name == "Casedocs Merged"
    assert len(document.inline_shapes) == 1


def test_replace_pic_media_and_zipname(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("{{ x }}")
    document.add_picture(io.BytesIO(png("red")), width=Mm(10))
    logo = document.sections[0].header.paragraphs[0].add_run()
    logo.add_picture(io.BytesIO(png("yellow", (10, 10))), width=Mm(5))
    logo._r.xpath(".//pic:cNvPr")[0].set("name", "logo.png")
    document.save(tmp_path / "t.docx")
    (tmp_path / "yellow.png").write_bytes(png("yellow", (10, 10)))
    tpl = DocxTemplate(tmp_path / "t.docx")
    tpl.replace_pic("image.png", io.BytesIO(png("black")))  # python-docx names the body picture image.png
    tpl.replace_media(str(tmp_path / "yellow.png"), io.BytesIO(png("white", (10, 10))))
    data = toolkit.render_file(tmp_path / "t.docx", {"x": "filled"}, template=tpl)
    media = sorted(v for n, v in parts(data).items() if n.startswith("word/media/"))
    assert media == sorted([png("black"), png("white", (10, 10))])
    tpl = DocxTemplate(tmp_path / "t.docx")
    tpl.replace_pic("no-such-picture.png", io.BytesIO(png()))
    with pytest.raises(InputError, match=r"replace_pic: no picture named no-such-picture.png"):
        toolkit.render_file(tmp_path / "t.docx", {"x": "y"}, template=tpl)
    # asked of the template an InlineImage was made with, but that template not given: refused, not ignored
    with pytest.raises(InputError, match=r"were asked of a DocxTemplate .* template=tpl"):
        toolkit.render_file(tmp_path / "t.docx", {"x": InlineImage(tpl, io.BytesIO(png()))})


# -- filters and errors ---------------------------------------------------------------------
def test_custom_filters_for_one_template_or_for_all(tmp_path: Path) -> None:
    path = template(tmp_path / "t.docx", "{{ n|double }} {{ name|shout }}")
    data = toolkit.render_file(path, {"n": 21, "name": "ann & bob"}, filters={"double": lambda v: v * 2, "shout": str.upper})
    assert text_of(data) == "42 ANN & BOB"
    add_filter("casedocs_test_reverse", lambda v: v[::-1])
    data = toolkit.render_file(template(tmp_path / "u.docx", "{{ 'abc'|casedocs_test_reverse }}"), {})
    assert text_of(data) == "cba"
    with pytest.raises(ValueError, match=r"there is already a filter called 'date'"):
        add_filter("date", str)


def test_template_errors_are_jinja_template_errors_with_the_casedocs_message(tmp_path: Path) -> None:
    path = template(tmp_path / "t.docx", "One", "Two {% if x %}", "Three")
    with pytest.raises(jinja2.TemplateError) as info:
        toolkit.render_file(path, {"x": 1})
    assert isinstance(info.value, InputError)
    assert str(info.value).startswith(f"{path}:1:1: t.docx has a template error: Unexpected end of template.")
    assert "Two {% if x %}" in "\n".join(info.value.docx_context)
    with pytest.raises(jinja2.TemplateError, match=r"t.docx uses 'missing', which the toolkit does not provide"):
        toolkit.render_file(template(tmp_path / "t.docx", "{{ missing }}"), {})


def test_render_file_is_sandboxed_autoescaped_and_deterministic(tmp_path: Path) -> None:
    path = template(tmp_path / "t.docx", "{{ name }}")
    first = toolkit.render_file(path, {"name": "<w:r>&"})
    assert first == toolkit.render_file(path, {"name": "<w:r>&"})
    assert text_of(first) == "<w:r>&"
    with pytest.raises(jinja2.TemplateError, match=r"unsafe|not safely accessible|access to attribute"):
        toolkit.render_file(template(tmp_path / "u.docx", "{{ name.__class__.__mro__ }}"), {"name": "x"})
