"""Render stage: a .docx template plus a context becomes exact, reproducible bytes.

Templates use docxtpl's syntax (``{{ }}``, ``{%p %}``, ``{%tr %}``, ``{%tc %}``, ``{% hm %}``...),
read and repaired as docxtpl does (:mod:`toolkit.templates.source`), with docxtpl's
line-break handling and table-grid repair (:mod:`toolkit.templates.repair`), and accept
docxtpl's context objects (``RichText``, ``Listing``, ``InlineImage``, ``Subdoc``), but the
pipeline around them is ours, because:

- the per-template work (unzip, repair tags, compile Jinja) is done once per template
  and reused for every document (a mail merge renders thousands);
- the output must be byte-identical for identical inputs, which docxtpl's save is not
  (zip timestamps, document properties): we write the zip ourselves with fixed
  timestamps and set the core and custom document properties explicitly;
- Jinja runs sandboxed (a template cannot reach Python internals), autoescaped (so
  ``Zoë O'Brien & <Sons>`` prints exactly) and strict (an undefined variable is an error
  naming the template, its version and the variable, never a blank in a letter).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from collections.abc import Callable, Hashable, Iterator, Mapping
from html import unescape
from pathlib import Path
from typing import Any, Protocol
from xml.sax.saxutils import escape as xml_escape

from docx.oxml.ns import nsmap
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Environment, TemplateError, UndefinedError

from toolkit.errors import InputError, Problem, TemplateInputError
from toolkit.templates.filters import ENV
from toolkit.templates.language import is_right_to_left, isolate_left_to_right, keep_numbers_left_to_right, set_document_language
from toolkit.templates.package import REFERENCE, PackageChanges, Picture, rels_name
from toolkit.templates.repair import changes_grid, fix_grids, unique_drawing_ids
from toolkit.templates.source import jinja_source, paragraph_text
from toolkit.templates.title import CORE_PROPS as _CORE_PROPS, title_in

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_RENDERED_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_FURNITURE = re.compile(r"^word/(header|footer)\d*\.xml$")
_CUSTOM_PROPS = "docProps/custom.xml"
_SIZE = re.compile(rb'(<w:sz(?:Cs)? w:val=")(\d+)"')
# a paragraph (not its properties) holding a PAGE field (not NUMPAGES)
_PAGE_NUMBER_PARAGRAPH = re.compile(rb"<w:p[ >](?:(?!</w:p>).)*?\bPAGE\b.*?</w:p>", re.S)
_STYLE_PARTS = ("word/styles.xml", "word/stylesWithEffects.xml")  # the second is Word 2010's copy
LARGE_PRINT_HALF_POINTS = 32  # 16 pt: RNIB's large print starts at 16 pt
_helper = DocxTemplate.__new__(DocxTemplate)  # resolve_listing uses no instance state
# docxtpl imports docxcompose (for Subdoc), which maps python-docx's "cp" prefix to the custom
# properties namespace for the whole process, so python-docx no longer reads core properties
# (revision, dates); docxcompose's own queries name their namespaces, so python-docx's is restored
nsmap["cp"] = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
Finish = Callable[[dict[str, bytes]], None]  # a last change to the parts (docxtpl's replace_pic...)


class TemplateSource(Hashable, Protocol):
    """What the engine needs of a template: a name for messages, a path, its language, its bytes."""

    @property
    def label(self) -> str: ...

    @property
    def language(self) -> str | None: ...

    @property
    def path(self) -> Path: ...

    def read_bytes(self) -> bytes: ...


@dataclass(frozen=True)
class TemplateFile:
    """A .docx outside the registry (``render_file``, ``templates preview``), named by its file."""

    path: Path
    language: str | None = None  # None: the template's own language settings are kept

    @property
    def label(self) -> str:
        return self.path.name

    def read_bytes(self) -> bytes:
        try:
            return self.path.read_bytes()
        except OSError as error:
            raise InputError.at(self.path, 0, 0, f"this template cannot be read ({error.strerror or error})") from None


@dataclass(frozen=True)
class Properties:
    """What a document records about its own making (core + custom properties)."""

    title: str  # the kind's English title; a translated template's own title replaces it
    author: str
    document_date: date
    custom: Mapping[str, str]
    reference: str = ""  # follows the title: "Acknowledgement of your report — KHA-2026-0003"


class CompiledTemplate:
    """A template, unzipped, repaired and compiled once; render it many times."""

    def __init__(self, template: TemplateSource, env: Environment = ENV) -> None:
        self.template = template
        raw = template.read_bytes()
        try:
            archive = zipfile.ZipFile(io.BytesIO(raw))
            self.parts: dict[str, bytes] = {name: archive.read(name) for name in archive.namelist()}
        except (zipfile.BadZipFile, KeyError, OSError) as error:
            raise InputError.at(template.path, 0, 0, f"this template is not a readable .docx ({error})") from None
        self.right_to_left = bool(template.language and is_right_to_left(template.language))
        if self.right_to_left:
            env = env.overlay(finalize=isolate_left_to_right)
        if language := template.language:  # the manifest's language, not python-docx's en-US (see language.py)
            for name in [n for n in _STYLE_PARTS if n in self.parts]:
                self.parts[name] = set_document_language(self.parts[name], language)
        # a translation (or Easy Read version) names the document in its reader's language
        translated = bool(language) and str(language).lower() != "en" and _CORE_PROPS in self.parts
        self.own_title = title_in(self.parts[_CORE_PROPS].decode("utf-8")) if translated else ""
        self.compiled = {}
        self.sources: dict[str, str] = {}  # repaired Jinja source of each part, one paragraph a line
        self.grid_parts: set[str] = set()  # parts whose tables' grids are fixed after rendering
        # relationship ids each part has or its own XML names (even if its .rels lacks them:
        # the template's business, as it was saved)
        self.known_ids: dict[str, frozenset[str]] = {}
        # the unchanging parts (styles, theme, fonts: most of a letter's bytes) deflated once, not per document
        self.deflated = {n: deflate(d) for n, d in self.parts.items() if not _RENDERED_PARTS.match(n) and len(d) >= 1024}
        # per part, the last rendering and its finished bytes; and large print's enlarged parts
        # (memos: a letter's bytes are exactly what they would be without them)
        self._finished: dict[str, tuple[str, bytes]] = {}
        self._enlarged: dict[str, tuple[bytes, bytes]] = {}
        self._large_deflated: dict[str, tuple[bytes, bytes, int]] = {}
        for name, data in self.parts.items():
            # docxtpl also fills tags in the title, subject... of the document's properties
            if _RENDERED_PARTS.match(name) or (name == _CORE_PROPS and b"{" in data):
                xml = data.decode("utf-8")
                source = jinja_source(xml)
                self.sources[name] = source
                if changes_grid(xml):
                    self.grid_parts.add(name)
                own = self.parts.get(rels_name(name), b"").decode("utf-8")
                self.known_ids[name] = frozenset(REFERENCE.findall(xml)) | frozenset(re.findall(r'\bId="([^"]+)"', own))
                try:
                    self.compiled[name] = env.from_string(source)
                except TemplateError as error:
                    raise template_error(template, error, source) from None

    def render(
        self, context: Mapping[str, Any], properties: Properties | None, *, large_print: bool = False,
        donors: list[Any] | None = None, finish: Finish | None = None,
    ) -> bytes:
        """The document's bytes. ``properties`` None keeps the template's own (a file outside
        the registry); ``donors`` are python-docx Documents docxtpl objects were made on
        (found in the context too); ``finish`` changes the parts last."""
        changes = PackageChanges(self.parts)
        for docx in donors or []:
            changes.add_donor(docx, styles=True)
        ctx = {key: _bind(value, changes) for key, value in context.items()}
        out: dict[str, bytes] = dict(self.parts)
        for number, (name, template) in enumerate(self.compiled.items()):
            changes.current = name
            try:
                rendered = template.render(ctx)
                changes.carry(name, rendered, self.known_ids[name])
            except TemplateError as error:
                raise template_error(self.template, error) from None
            last = self._finished.get(name)
            if last is not None and last[0] == rendered:  # a header or footer is the same in every letter
                out[name] = last[1]
                if self.deflated.get(name, (None,))[0] is not last[1]:
                    self.deflated[name] = deflate(last[1])
                continue
            out[name] = self._finish_part(name, rendered, 9000 + 1000 * number).encode("utf-8")
            self._finished[name] = (rendered, out[name])
        if changes.style_donors:
            changes.take_donor_styles()
        changes.apply(out)
        if finish is not None:
            finish(out)
        deflated = self.deflated
        if large_print:
            deflated = dict(deflated)
            # The letter's own text grows; the letterhead and footer (page furniture with
            # explicit small sizes) keep theirs, or they would take a quarter of each page,
            # except the line with the page number, which a reader needs to keep the pages in order.
            for name in [n for n in out if _RENDERED_PARTS.match(n) or n in _STYLE_PARTS]:
                before, after = self._enlarged.get(name, (None, b""))
                if before is not out[name]:  # enlarged once per distinct part (styles: once per template)
                    after = enlarge_page_numbers(out[name]) if _FURNITURE.match(name) else enlarge(out[name])
                    self._enlarged[name] = (out[name], after)
                    self._large_deflated.pop(name, None)
                elif name not in self._large_deflated:
                    self._large_deflated[name] = deflate(after)
                out[name] = after
            deflated.update(self._large_deflated)
        if properties is not None:
            _set_properties(out, properties, self.own_title)
        return deterministic_zip(out, deflated)

    def _finish_part(self, name: str, rendered: str, first_id: int) -> str:
        """Rendered Jinja output to the part's XML: paragraphs joined, escapes undone,
        docxtpl's line breaks (``\\n`` ``\\a`` ``\\t`` ``\\f``), grids and drawing ids fixed."""
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", rendered)
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        if any(c in xml for c in "\n\t\a\f"):
            xml = _helper.resolve_listing(xml)
        if name in self.grid_parts:
            xml = fix_grids(xml)
        if xml.count("<wp:docPr") > 1:
            xml = unique_drawing_ids(xml, first_id)
        if self.right_to_left:
            xml = keep_numbers_left_to_right(xml)
        return xml


def _bind(value: Any, changes: PackageChanges) -> Any:
    """The context as the template sees it: pictures bound to this rendering, docxtpl's
    ``InlineImage`` as a :class:`Picture` (so it needs no ``tpl.current_rendering_part``), and
    the Documents docxtpl's objects were made on noted as donors of their relationships."""
    if isinstance(value, Picture):
        value._changes = changes
        return value
    if isinstance(value, InlineImage):  # only its links are taken: tpl may be another template altogether
        changes.add_donor(getattr(value.tpl, "docx", None), styles=False)
        return Picture(value.image_descriptor, value.width, value.height, anchor=value.anchor, _changes=changes)
    if _is_subdoc(value):
        changes.add_donor(value.docx, styles=True)
        return value
    if isinstance(value, dict):
        bound = {k: _bind(v, changes) for k, v in value.items()}
        return value if all(bound[k] is v for k, v in value.items()) else bound
    if isinstance(value, (list, tuple)):
        items = [_bind(v, changes) for v in value]
        return value if all(a is b for a, b in zip(items, value)) else type(value)(items)
    return value


def _is_subdoc(value: Any) -> bool:
    # docxtpl's Subdoc by its shape: importing docxtpl.subdoc loads docxcompose, which changes
    # how python-docx reads core properties for the whole process
    return type(value).__name__ == "Subdoc" and hasattr(value, "subdocx")


def docxtpl_objects(value: Any) -> Iterator[Any]:
    """Every docxtpl ``InlineImage`` and ``Subdoc`` in a context (dicts, lists and tuples followed)."""
    if isinstance(value, InlineImage) or _is_subdoc(value):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from docxtpl_objects(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from docxtpl_objects(item)


def template_error(template: TemplateSource, error: TemplateError, source: str | None = None) -> TemplateInputError:
    """An error in a template, naming the template file, its version and the problem.

    It is a Jinja ``TemplateError`` too (code written for docxtpl catches it), with
    docxtpl's ``docx_context``: the text of the paragraphs around the error."""
    message = error.message or str(error)
    lineno = getattr(error, "lineno", None)
    if source is not None and lineno and (where := paragraph_text(source, lineno)):
        message = f'{message} (in the paragraph "{where}")'
    if isinstance(error, UndefinedError):
        found = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", message)
        name = next((g for g in found.groups() if g), message) if found else message
        text = f"{template.label} uses '{name}', which the toolkit does not provide ({message})"
    else:
        text = f"{template.label} has a template error: {message}"
    problem = TemplateInputError([Problem(str(template.path), 0, 0, text)])
    problem.original = error
    problem.docx_context = tuple(paragraph_text(source, n) for n in range(max(lineno - 3, 1), lineno + 4)) if source and lineno else ()
    return problem


def compiled(template: TemplateSource) -> CompiledTemplate:
    """One compiled template per template file per process (a merge renders thousands).

    The cache is keyed on the file's identity too, so a template file changed on disk while
    a process runs is read (and its hash checked) again, not served from memory.
    """
    try:
        stat = template.path.stat()
        stamp: tuple[int, ...] = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    except OSError:
        stamp = ()  # CompiledTemplate reports the missing file
    return _compiled(template, stamp)


@lru_cache(maxsize=64)
def _compiled(template: TemplateSource, stamp: tuple[int, ...]) -> CompiledTemplate:
    return CompiledTemplate(template)


# -- output shaping -------------------------------------------------------------------
def _bigger(match: re.Match[bytes]) -> bytes:
    size = int(match.group(2))
    new = max(LARGE_PRINT_HALF_POINTS, round(size * LARGE_PRINT_HALF_POINTS / 22))
    return match.group(1) + str(new).encode() + b'"'


def enlarge_page_numbers(xml: bytes) -> bytes:
    """Large print for page furniture: only the paragraphs that hold a PAGE field grow."""
    return _PAGE_NUMBER_PARAGRAPH.sub(lambda m: _SIZE.sub(_bigger, m.group(0)), xml)


def enlarge(xml: bytes) -> bytes:
    """Large print from the same template: every font size raised to at least 16 pt,
    larger sizes (headings) scaled in proportion, so the hierarchy survives."""
    xml = _SIZE.sub(_bigger, xml)
    # text with no size anywhere is 10 pt (the default of the default): give it 16 pt
    default = re.search(rb"<w:rPrDefault>\s*<w:rPr>(.*?)</w:rPr>", xml, re.S)
    if default and b"<w:sz " not in default.group(1):
        size = b'<w:sz w:val="%d"/><w:szCs w:val="%d"/>' % (LARGE_PRINT_HALF_POINTS, LARGE_PRINT_HALF_POINTS)
        after = re.search(rb"<w:(?:highlight|u|effect|bdr|shd|fitText|vertAlign|rtl|cs|em|lang|eastAsianLayout|specVanish|oMath)[ />]", default.group(1))
        at = default.start(1) + after.start() if after else default.end(1)  # keep the schema's element order
        xml = xml[:at] + size + xml[at:]
    elif b"<w:docDefaults" not in xml and b"<w:styles" in xml[:2000] and b"<w:rPrDefault" not in xml:
        size = b'<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:rPrDefault></w:docDefaults>'
        xml = re.sub(rb"(<w:styles[^>]*>)", lambda m: m.group(1) + size % (LARGE_PRINT_HALF_POINTS, LARGE_PRINT_HALF_POINTS), xml, count=1)
    return xml


def _set_properties(parts: dict[str, bytes], props: Properties, own_title: str = "") -> None:
    title = (own_title or props.title) + (f" — {props.reference}" if props.reference else "")
    stamp = datetime.combine(props.document_date, datetime.min.time()).strftime("%Y-%m-%dT%H:%M:%SZ")
    parts[_CORE_PROPS] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{xml_escape(title)}</dc:title><dc:creator>{xml_escape(props.author)}</dc:creator>"
        f"<cp:lastModifiedBy>{xml_escape(props.author)}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()
    items = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{xml_escape(name)}">'
        f"<vt:lpwstr>{xml_escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(sorted(props.custom.items()), start=2)
    )
    parts[_CUSTOM_PROPS] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{items}</Properties>'
    ).encode()
    types = parts["[Content_Types].xml"].decode("utf-8")
    if f'PartName="/{_CUSTOM_PROPS}"' not in types:
        types = types.replace(
            "</Types>",
            f'<Override PartName="/{_CUSTOM_PROPS}" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
        )
        parts["[Content_Types].xml"] = types.encode("utf-8")
    rels = parts["_rels/.rels"].decode("utf-8")
    if _CUSTOM_PROPS not in rels:
        rels = rels.replace(
            "</Relationships>",
            '<Relationship Id="rIdCasedocsCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" '
            f'Target="{_CUSTOM_PROPS}"/></Relationships>',
        )
        parts["_rels/.rels"] = rels.encode("utf-8")


def deterministic_zip(parts: Mapping[str, bytes], deflated: Mapping[str, tuple[bytes, bytes, int]] | None = None) -> bytes:
    """A .docx whose bytes depend only on its parts: fixed times, fixed order, fixed flags.

    ``deflated`` maps a part name to (its bytes, those bytes deflated, their CRC) as a template
    holds them: a part that *is* that object is not compressed again (in a merge most
    of a letter -- styles, theme, fonts -- is the template's, unchanged). The archive is
    byte-identical either way: zipfile writes every header; only the deflating, which
    gives the same bytes for the same input, is skipped.
    """
    buffer = io.BytesIO()
    order = sorted(parts, key=lambda n: (n != "[Content_Types].xml", n))
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            data = parts[name]
            cached = deflated.get(name) if deflated else None
            if cached is not None and cached[0] is data:
                info.file_size = len(data)  # as writestr does, before opening
                with archive.open(info, "w") as dest:
                    if all(hasattr(dest, a) for a in ("_compressor", "_crc", "_file_size")) and len(cached) > 2:
                        # zipfile's own counters, as write() would leave them, without reading 800 kB again
                        dest._compressor = _Precompressed(cached[1])  # type: ignore[attr-defined]
                        dest._crc, dest._file_size = cached[2], len(data)  # type: ignore[attr-defined]
                    else:
                        dest.write(data)
            else:
                archive.writestr(info, data)
    return buffer.getvalue()


class _Precompressed:
    """Stands in for zipfile's compressor when the deflated bytes were made once already."""

    def __init__(self, deflated: bytes) -> None:
        self.deflated = deflated

    def compress(self, data: bytes) -> bytes:
        return b""

    def flush(self) -> bytes:
        return self.deflated


def deflate(data: bytes) -> tuple[bytes, bytes, int]:
    """``(data, deflated, crc32)``: raw deflate exactly as zipfile does it for
    :func:`deterministic_zip`'s entries, to be reused wherever ``data`` is (the same object)."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return data, compressor.compress(data) + compressor.flush(), zlib.crc32(data)


def read_custom_properties(docx: bytes) -> dict[str, str]:
    """The custom properties of a .docx (what :func:`_set_properties` wrote)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        if _CUSTOM_PROPS not in archive.namelist():
            return {}
        xml = archive.read(_CUSTOM_PROPS).decode("utf-8")
    return {
        unescape(name): unescape(value)
        for name, value in re.findall(r'<property [^>]*name="([^"]*)"[^>]*><vt:lpwstr>(.*?)</vt:lpwstr>', xml, re.S)
    }
