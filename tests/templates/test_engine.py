"""The render stage: strict, sandboxed, escaped, locale-aware, large print, reproducible bytes."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, UTC
from pathlib import Path
from xml.etree import ElementTree

import pytest
from docx import Document

from helpers import CASES, add_version, docx_bytes, fixture_case
from toolkit.documents.base import Request
from toolkit.errors import InputError
from toolkit.documents.generate import render_request
from toolkit.casefile.loader import load_case
from toolkit.templates.registry import Registry, TemplateVersion
from toolkit.templates.engine import CompiledTemplate, Properties, deterministic_zip, read_custom_properties

PROPS = Properties(title="Test", author="Tester", document_date=date(2026, 11, 20), custom={"casedocs.test": "yes"})


def template(tmp_path: Path, *paragraphs: str | list[str]) -> TemplateVersion:
    root = tmp_path / "templates"
    add_version(root, "acknowledgement", 1, docx_bytes(*paragraphs))
    return Registry(root).versions("acknowledgement")[0]


def render(tmp_path: Path, paragraphs: list[str], context: dict, **kw) -> bytes:  # type: ignore[no-untyped-def, type-arg]
    return CompiledTemplate(template(tmp_path, *paragraphs)).render(context, PROPS, **kw)


def paragraphs_of(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


def part(data: bytes, name: str = "word/document.xml") -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")


# -- strict ----------------------------------------------------------------------------
def test_an_undefined_variable_names_the_template_version_and_variable(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        render(tmp_path, ["Dear {{ name }},", "Your case: {{ case_ref }}"], {"name": "Ann"})
    message = str(caught.value)
    assert "acknowledgement-v1-en.docx:1:1: acknowledgement v1 (en) uses 'case_ref', which the toolkit does not provide" in message


def test_an_undefined_attribute_names_it(tmp_path: Path) -> None:
    case = load_case(CASES / "KHA-2026-0003.yaml")
    with pytest.raises(InputError, match=r"acknowledgement v1 \(en\) uses 'nmae', which the toolkit does not provide"):
        render(tmp_path, ["Dear {{ party.nmae }}"], {"party": case.party("V1")})


def test_none_is_not_silently_printed_as_blank_or_none(tmp_path: Path) -> None:
    # an optional field left out prints nothing when the template guards it ...
    data = render(tmp_path, ["A{% if x %}{{ x }}{% endif %}B"], {"x": None})
    assert paragraphs_of(data) == ["AB"]


# -- sandbox ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "tag",
    [
        "{{ case.__class__.__mro__ }}",
        "{{ case.__class__.__mro__[1].__subclasses__() }}",
        "{{ ''.__class__.__base__.__subclasses__() }}",
        "{{ case.__init__.__globals__ }}",
        "{{ case.incidents.append(1) }}",
        "{{ case.incidents.clear() }}",
    ],
)
def test_the_sandbox_blocks_python_internals_and_changes(tmp_path: Path, tag: str) -> None:
    case = load_case(CASES / "KHA-2026-0003.yaml")
    before = len(case.incidents)
    with pytest.raises(InputError, match=r"acknowledgement v1 \(en\)") as caught:
        render(tmp_path, [tag], {"case": case})
    assert "Traceback" not in str(caught.value)
    assert len(case.incidents) == before


# -- escaping and line breaks ----------------------------------------------------------
def test_special_characters_print_exactly_and_the_xml_stays_well_formed(tmp_path: Path) -> None:
    name = "Zoë O'Brien & <Sons> \"Ltd\" ]]> &amp;"
    data = render(tmp_path, ["Dear {{ name }},", "{{ name }}"], {"name": name})
    for part_name in ("word/document.xml", "docProps/core.xml", "docProps/custom.xml"):
        ElementTree.fromstring(part(data, part_name))  # raises if not well-formed
    assert paragraphs_of(data) == [f"Dear {name},", name]


def test_multi_line_text_keeps_its_line_breaks(tmp_path: Path) -> None:
    data = render(tmp_path, ["{{ address|join('\\n') }}", "{{ note }}"], {"address": ["1 High St", "Orpington"], "note": "line one\nline two\nline three"})
    xml = part(data)
    assert xml.count("<w:br/>") == 3
    assert paragraphs_of(data) == ["1 High St\nOrpington", "line one\nline two\nline three"]


def test_a_tag_split_into_runs_renders(tmp_path: Path) -> None:
    data = render(tmp_path, [["Dear {", "{ na", "me }", "}, hello"]], {"name": "Ann"})
    assert paragraphs_of(data) == ["Dear Ann, hello"]


def test_paragraph_tags_remove_their_paragraphs(tmp_path: Path) -> None:
    paragraphs = ["Start", "{%p if flag %}", "Shown when flagged", "{%p else %}", "Shown otherwise", "{%p endif %}", "End"]
    assert paragraphs_of(render(tmp_path, paragraphs, {"flag": True})) == ["Start", "Shown when flagged", "End"]
    assert paragraphs_of(render(tmp_path / "2", paragraphs, {"flag": False})) == ["Start", "Shown otherwise", "End"]


# -- locale ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("locale", "expected"),
    [("pl", "20 listopada 2026"), ("en", "20 November 2026"), ("en-GB", "20 November 2026"), ("cy", "20 Tachwedd 2026"), ("xx-unknown", "20 November 2026")],
)
def test_the_date_filter_speaks_the_readers_language(tmp_path: Path, locale: str, expected: str) -> None:
    data = render(tmp_path, ["{{ d|date }}"], {"d": date(2026, 11, 20), "locale": locale})
    assert paragraphs_of(data) == [expected]


def test_the_other_filters(tmp_path: Path) -> None:
    data = render(
        tmp_path,
        ["{{ when|datetime }}", "{{ n|number }}", "{{ 'pl'|language }}", "{{ m|words }}", "{{ one|words }}", "{{ flag|yesno }}"],
        {"when": datetime(2026, 3, 1, 22, 15), "n": 1234567.5, "m": ["race", "sexual_orientation", "disability"], "one": "sexual_orientation", "flag": False, "locale": "en"},
    )
    assert paragraphs_of(data) == ["1 March 2026, 22:15", "1,234,567.5", "Polish", "race, sexual orientation and disability", "sexual orientation", "No"]
    polish = render(tmp_path / "pl", ["{{ n|number }}", "{{ 'pl'|language }}"], {"n": 1234567.5, "locale": "pl"})
    assert paragraphs_of(polish) == ["1\xa0234\xa0567,5", "polski"]


# -- large print -----------------------------------------------------------------------------
def _sizes(data: bytes, *, furniture: bool = False) -> list[int]:
    """Font sizes in the letter's own parts (or, with ``furniture``, its header and footer)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    sizes = []
    for name in archive.namelist():
        if name.endswith(".xml") and bool(re.match(r"word/(header|footer)\d*\.xml$", name)) == furniture:
            sizes += [int(v) for v in re.findall(r'<w:sz(?:Cs)? w:val="(\d+)"', archive.read(name).decode("utf-8"))]
    return sizes


def test_large_print_makes_every_size_at_least_16_point() -> None:
    case = load_case(CASES / "KHA-2026-0002.yaml")  # V1, Mr Pennington, asked for large print
    request = Request(case, "acknowledgement", date(2026, 4, 20), "V1")
    large = render_request(request)
    standard = render_request(Request(case, "acknowledgement", date(2026, 4, 20), "C1"))
    assert large.record["large_print"] == "yes"
    sizes = _sizes(large.data)
    assert sizes and min(sizes) >= 32
    # the letterhead and footer keep their size, or they would take a quarter of each page,
    # except the page number's line ("Ref KHA-2026-0002 · Page 1 of 3")
    standard_footer = part(render_request(Request(case, "acknowledgement", date(2026, 4, 20), "C1")).data, "word/footer1.xml")
    large_footer = part(large.data, "word/footer1.xml")
    page_line = re.compile(r"<w:p[ >](?:(?!</w:p>).)*?PAGE.*?</w:p>", re.S)
    numbered = page_line.search(large_footer)
    assert numbered and "Page" in numbered.group(0)
    assert min(int(v) for v in re.findall(r'<w:sz w:val="(\d+)"', numbered.group(0))) >= 32
    assert page_line.sub("", large_footer) == page_line.sub("", standard_footer)
    large_header = [n for n in zipfile.ZipFile(io.BytesIO(large.data)).namelist() if re.match(r"word/header\d*\.xml$", n)]
    assert large_header and all(part(large.data, n) == part(standard.data, n) for n in large_header)
    # and the standard print of the same letter has smaller text (so the check can fail)
    assert standard.record["large_print"] == "no"
    assert min(_sizes(standard.data)) < 32
    # the default size for text that sets none is large too
    styles = part(large.data, "word/styles.xml")
    default = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles, re.S)
    assert default and re.search(r'<w:sz w:val="(\d+)"', default.group(0))


def test_large_print_from_a_template_that_sets_no_sizes(tmp_path: Path) -> None:
    data = render(tmp_path, ["Hello"], {}, large_print=True)
    default = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", part(data, "word/styles.xml"), re.S)
    assert default and '<w:sz w:val="32"/>' in default.group(0)
    assert min(_sizes(data)) >= 32


# -- reproducible bytes --------------------------------------------------------------------
def test_two_renders_are_byte_identical_and_depend_only_on_the_parts(tmp_path: Path) -> None:
    compiled = CompiledTemplate(template(tmp_path, "Dear {{ name }},", "{{ d|date }}"))
    context = {"name": "Zoë O'Brien & <Sons>", "d": date(2026, 11, 20)}
    first, second = compiled.render(context, PROPS), compiled.render(dict(context), PROPS)
    assert first == second
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert archive.namelist()[0] == "[Content_Types].xml"
    assert archive.namelist()[1:] == sorted(archive.namelist()[1:])
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    # the archive is a function of its parts alone (no cached compression changes a byte)
    parts = {name: archive.read(name) for name in archive.namelist()}
    assert deterministic_zip(parts) == first
    # a different input gives different bytes
    assert compiled.render({**context, "name": "Ann"}, PROPS) != first


def test_properties_are_written_as_given(tmp_path: Path) -> None:
    props = Properties(title="A & B <c>", author="Priya Sharma, Keniston", document_date=date(2026, 3, 2),
                       custom={"casedocs.b": "2 & <3>", "casedocs.a": "1"})
    data = CompiledTemplate(template(tmp_path, "x")).render({}, props)
    core = Document(io.BytesIO(data)).core_properties
    assert (core.title, core.author, core.created, core.modified, core.revision) == (
        "A & B <c>", "Priya Sharma, Keniston", datetime(2026, 3, 2, tzinfo=UTC), datetime(2026, 3, 2, tzinfo=UTC), 1,
    )
    assert read_custom_properties(data) == {"casedocs.a": "1", "casedocs.b": "2 & <3>"}
    custom = ElementTree.fromstring(part(data, "docProps/custom.xml"))
    names = [p.get("name") for p in custom]
    assert names == ["casedocs.a", "casedocs.b"]
    assert [p.get("pid") for p in custom] == ["2", "3"]
    assert 'Target="docProps/custom.xml"' in part(data, "_rels/.rels")
    assert 'PartName="/docProps/custom.xml"' in part(data, "[Content_Types].xml")


def test_the_fixture_case_renders_a_well_formed_warning_letter(tmp_path: Path) -> None:
    case = load_case(fixture_case(tmp_path / "cases"))
    rendered = render_request(Request(case, "warning-letter", date(2026, 6, 3), "P1", "first"))
    for name in zipfile.ZipFile(io.BytesIO(rendered.data)).namelist():
        if name.endswith((".xml", ".rels")):
            ElementTree.fromstring(part(rendered.data, name))
