"""Render stage: a registered .docx template plus a context becomes exact, reproducible bytes.

Templates use docxtpl's syntax (``{{ }}``, ``{%p %}``, ``{%tr %}``) and docxtpl's own
tag-repair (:mod:`toolkit.templates.source`) and line-break handling
(:meth:`DocxTemplate.resolve_listing`), but the pipeline around them is ours, because:

- the per-template work (unzip, repair tags, compile Jinja) is done once per template
  version and reused for every document (a mail merge renders thousands);
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
from html import unescape
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any, Literal
from collections.abc import Mapping
from xml.sax.saxutils import escape as xml_escape

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_datetime_format
from babel.numbers import format_decimal
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, UndefinedError, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment
from markupsafe import Markup

from toolkit.errors import InputError
from toolkit.templates.language import set_document_language
from toolkit.templates.registry import TemplateVersion
from toolkit.templates.source import jinja_source, paragraph_text

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_RENDERED_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_FURNITURE = re.compile(r"^word/(header|footer)\d*\.xml$")
_CUSTOM_PROPS = "docProps/custom.xml"
_CORE_PROPS = "docProps/core.xml"
_STYLE_PARTS = ("word/styles.xml", "word/stylesWithEffects.xml")  # the second is Word 2010's copy
LARGE_PRINT_HALF_POINTS = 32  # 16 pt: RNIB's large print starts at 16 pt
_helper = DocxTemplate.__new__(DocxTemplate)  # resolve_listing uses no instance state


# -- locale-aware filters (policy 12.1: dates and numbers in the reader's locale) -----
def babel_locale(language: str) -> Locale:
    """The Babel locale for a BCP 47 tag; British English for ``en`` and unknown tags."""
    tag = language.replace("-", "_")
    if tag.lower() == "en":
        tag = "en_GB"
    try:
        return Locale.parse(tag)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en_GB")


def _locale(ctx: Context) -> Locale:
    return babel_locale(str(ctx.get("locale", "en")))


DateStyle = Literal["full", "long", "medium", "short"]  # CLDR's date lengths


@pass_context
def _f_date(ctx: Context, value: date | datetime | None, style: DateStyle = "long") -> str:
    if value is None:
        return ""
    day = value.date() if isinstance(value, datetime) else value
    return format_date(day, format=style, locale=_locale(ctx))


@pass_context
def _f_datetime(ctx: Context, value: datetime | date | None, style: DateStyle = "long") -> str:
    if value is None:
        return ""
    if not isinstance(value, datetime):
        return _f_date(ctx, value, style)
    locale = _locale(ctx)
    day = format_date(value.date(), format=style, locale=locale)
    clock = format_time(value.time(), format="short", locale=locale)
    # the locale's own way of joining them (CLDR): "20 April 2026, 10:05", "20 kwietnia 2026 10:05"
    pattern = str(get_datetime_format(style, locale=locale))
    return pattern.replace("{1}", day).replace("{0}", clock).replace("'", "")


@pass_context
def _f_time(ctx: Context, value: datetime | None) -> str:
    return "" if value is None else format_time(value.time(), format="short", locale=_locale(ctx))


@pass_context
def _f_number(ctx: Context, value: int | float | Decimal) -> str:
    return format_decimal(value, locale=_locale(ctx))


def _f_yesno(value: object, yes: str = "Yes", no: str = "No") -> str:
    return yes if value else no


@pass_context
def _f_language(ctx: Context, tag: str) -> str:
    """A language's name in the reader's language: ``pl`` -> "Polish" (or "polski")."""
    try:
        return Locale.parse(tag.replace("-", "_")).get_display_name(_locale(ctx)) or tag
    except (UnknownLocaleError, ValueError):
        return tag


def _f_words(value: str | list[str], conjunction: str = "and") -> str:
    """Case-file values in words: ``sexual_orientation`` -> "sexual orientation"."""
    items = [value] if isinstance(value, str) else list(value)
    words = [str(v).replace("_", " ") for v in items]
    if not words:
        return ""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


_CONTENT_WIDTH_TWIPS = 9412  # A4 less 22 mm margins each side (letterhead.py)


def _f_docx_table(table: Mapping[str, Any]) -> Markup:
    """A table whose columns are only known at run time (a report's figures), as Word XML.

    Use it alone in a paragraph with docxtpl's paragraph form, ``{{p figures|docx_table }}``,
    which replaces the paragraph with the table. ``table`` has ``header`` (list),
    ``rows`` (lists, label first) and optionally ``footer`` (a list, or None). The
    header repeats on every page; rows do not break across pages.
    """
    header, rows, footer = list(table["header"]), [list(r) for r in table["rows"]], table.get("footer")
    count = len(header)
    first = _CONTENT_WIDTH_TWIPS * (2 if count <= 3 else 1) // (5 if count <= 3 else 3) if count > 1 else _CONTENT_WIDTH_TWIPS
    rest = (_CONTENT_WIDTH_TWIPS - first) // max(count - 1, 1)
    widths = [first] + [rest] * (count - 1)
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>'
    borders = "".join(border.format(edge) for edge in ("top", "left", "bottom", "right", "insideH", "insideV"))

    def cell(text: object, width: int, *, bold: bool, shade: bool, right: bool, keep: bool) -> str:
        shading = '<w:shd w:val="clear" w:color="auto" w:fill="DCEBEF"/>' if shade else ""
        # keep-with-next on every row but the last holds a short table on one page
        keep_next = "<w:keepNext/>" if keep else ""
        align = '<w:jc w:val="right"/>' if right else ""
        weight = "<w:b/>" if bold else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
            f'<w:p><w:pPr>{keep_next}<w:spacing w:before="40" w:after="40"/>{align}</w:pPr>'
            f'<w:r><w:rPr>{weight}</w:rPr><w:t xml:space="preserve">{xml_escape(str(text))}</w:t></w:r></w:p></w:tc>'
        )

    def row(values: list[Any], *, bold: bool = False, shade: bool = False, heading: bool = False, last: bool = False) -> str:
        props = "<w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if heading else "") + "</w:trPr>"
        cells = "".join(
            cell(v, w, bold=bold, shade=shade, right=i > 0, keep=not last) for i, (v, w) in enumerate(zip(values, widths))
        )
        return f"<w:tr>{props}{cells}</w:tr>"

    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    all_rows = [(list(header), True), *((list(r), False) for r in rows), *([(list(footer), False)] if footer else [])]
    body = "".join(
        row(values, bold=is_header or (footer is not None and n == len(all_rows) - 1), shade=is_header, heading=is_header,
            last=n == len(all_rows) - 1)
        for n, (values, is_header) in enumerate(all_rows)
    )
    return Markup(
        f'<w:tbl><w:tblPr><w:tblW w:w="{_CONTENT_WIDTH_TWIPS}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>'
        '<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>'
    )


def build_environment() -> SandboxedEnvironment:
    # immutable: a template can read the case but not change it (no list.append, dict.update)
    env = ImmutableSandboxedEnvironment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters.update(
        date=_f_date, datetime=_f_datetime, time=_f_time, number=_f_number, yesno=_f_yesno, language=_f_language, words=_f_words,
        docx_table=_f_docx_table,
    )
    return env


ENV = build_environment()


# -- images (charts in reports) -------------------------------------------------------
@dataclass
class Image:
    """A PNG to place inline, e.g. ``{{ chart }}`` in its own paragraph; width in mm."""

    png: bytes
    width_mm: float
    height_mm: float
    description: str = ""
    _renderer: _RenderState | None = field(default=None, repr=False)

    def __html__(self) -> str:
        if self._renderer is None:
            raise TemplateError("an image can only be rendered inside a document")
        return self._renderer.place(self)


@dataclass
class _RenderState:
    """Per-document state: images added while rendering the main document part."""

    images: list[tuple[str, str, bytes]] = field(default_factory=list)  # (rId, media name, bytes)

    def place(self, image: Image) -> str:
        number = len(self.images) + 1
        rel_id, media = f"rIdCasedocsImg{number}", f"media/casedocs-image{number}.png"
        self.images.append((rel_id, media, image.png))
        cx, cy = int(image.width_mm * 36000), int(image.height_mm * 36000)
        alt = xml_escape(image.description, {'"': "&quot;"})
        return (
            '</w:t></w:r><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{4000 + number}" name="Chart {number}" descr="{alt}"/>'
            '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:nvPicPr><pic:cNvPr id="{4000 + number}" name="chart{number}.png" descr="{alt}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            '</wp:inline></w:drawing></w:r><w:r><w:t xml:space="preserve">'
        )


# -- the compiled template ------------------------------------------------------------
@dataclass(frozen=True)
class Properties:
    """What a document records about its own making (core + custom properties)."""

    title: str
    author: str
    document_date: date
    custom: Mapping[str, str]


class CompiledTemplate:
    """A template version, unzipped, repaired and compiled once; render it many times."""

    def __init__(self, template: TemplateVersion) -> None:
        self.template = template
        raw = template.read_bytes()
        try:
            archive = zipfile.ZipFile(io.BytesIO(raw))
            self.parts: dict[str, bytes] = {name: archive.read(name) for name in archive.namelist()}
        except (zipfile.BadZipFile, KeyError, OSError) as error:
            raise InputError.at(template.path, 0, 0, f"this template is not a readable .docx ({error})") from None
        for name in _STYLE_PARTS:
            if name in self.parts:  # the manifest's language, not python-docx's en-US (see language.py)
                self.parts[name] = set_document_language(self.parts[name], template.language)
        self.compiled = {}
        self.sources: dict[str, str] = {}  # repaired Jinja source of each part, one paragraph a line
        # the unchanging parts (styles, theme, fonts: most of a letter's bytes) deflated once, not per document
        self.deflated = {n: deflate(d) for n, d in self.parts.items() if not _RENDERED_PARTS.match(n) and len(d) >= 1024}
        # per part, the last rendering and its finished bytes; and large print's enlarged parts
        # (memos: a letter's bytes are exactly what they would be without them)
        self._finished: dict[str, tuple[str, bytes]] = {}
        self._enlarged: dict[str, tuple[bytes, bytes]] = {}
        self._large_deflated: dict[str, tuple[bytes, bytes, int]] = {}
        for name, data in self.parts.items():
            if _RENDERED_PARTS.match(name):
                source = jinja_source(data.decode("utf-8"))
                self.sources[name] = source
                try:
                    self.compiled[name] = ENV.from_string(source)
                except TemplateError as error:
                    raise template_error(template, error, source) from None

    def render(self, context: Mapping[str, Any], properties: Properties, *, large_print: bool = False) -> bytes:
        state = _RenderState()
        ctx = {key: _bind(value, state) for key, value in context.items()}
        out: dict[str, bytes] = dict(self.parts)
        for name, template in self.compiled.items():
            try:
                rendered = template.render(ctx)
            except TemplateError as error:
                raise template_error(self.template, error) from None
            last = self._finished.get(name)
            if last is not None and last[0] == rendered:  # a header or footer is the same in every letter
                out[name] = last[1]
                if self.deflated.get(name, (None,))[0] is not last[1]:
                    self.deflated[name] = deflate(last[1])
                continue
            xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", rendered)
            xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
            if any(c in xml for c in "\n\t\a\f"):
                xml = _helper.resolve_listing(xml)
            out[name] = xml.encode("utf-8")
            self._finished[name] = (rendered, out[name])
        if state.images:
            _add_images(out, state)
        deflated = self.deflated
        if large_print:
            deflated = dict(deflated)
            # The letter's own text grows; the letterhead and footer (page furniture with
            # explicit small sizes) keep theirs, or they would take a quarter of each page.
            for name in [n for n in out if (_RENDERED_PARTS.match(n) and not _FURNITURE.match(n)) or n in _STYLE_PARTS]:
                before, after = self._enlarged.get(name, (None, b""))
                if before is not out[name]:  # enlarged once per distinct part (styles: once per template)
                    after = enlarge(out[name])
                    self._enlarged[name] = (out[name], after)
                    self._large_deflated.pop(name, None)
                elif name not in self._large_deflated:
                    self._large_deflated[name] = deflate(after)
                out[name] = after
            deflated.update(self._large_deflated)
        _set_properties(out, properties)
        return deterministic_zip(out, deflated)


def _bind(value: Any, state: _RenderState) -> Any:
    if isinstance(value, Image):
        value._renderer = state
    elif isinstance(value, dict):
        for item in value.values():
            _bind(item, state)
    elif isinstance(value, list):
        for item in value:
            _bind(item, state)
    return value


def template_error(template: TemplateVersion, error: TemplateError, source: str | None = None) -> InputError:
    """An error in a template, naming the template file, its version and the problem."""
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
    return InputError.at(template.path, 0, 0, text)


def compiled(template: TemplateVersion) -> CompiledTemplate:
    """One compiled template per version per process (a merge renders thousands).

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
def _compiled(template: TemplateVersion, stamp: tuple[int, ...]) -> CompiledTemplate:
    return CompiledTemplate(template)


# -- output shaping -------------------------------------------------------------------
def enlarge(xml: bytes) -> bytes:
    """Large print from the same template: every font size raised to at least 16 pt,
    larger sizes (headings) scaled in proportion, so the hierarchy survives."""

    def bigger(match: re.Match[bytes]) -> bytes:
        size = int(match.group(2))
        new = max(LARGE_PRINT_HALF_POINTS, round(size * LARGE_PRINT_HALF_POINTS / 22))
        return match.group(1) + str(new).encode() + b'"'

    xml = re.sub(rb'(<w:sz(?:Cs)? w:val=")(\d+)"', bigger, xml)
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


def _add_images(parts: dict[str, bytes], state: _RenderState) -> None:
    rels_name = "word/_rels/document.xml.rels"
    rels = parts[rels_name].decode("utf-8")
    extra = "".join(
        f'<Relationship Id="{rel_id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="{media}"/>'
        for rel_id, media, _ in state.images
    )
    parts[rels_name] = rels.replace("</Relationships>", extra + "</Relationships>").encode("utf-8")
    for _, media, png in state.images:
        parts[f"word/{media}"] = png
    types = parts["[Content_Types].xml"].decode("utf-8")
    if 'Extension="png"' not in types:
        types = types.replace("</Types>", '<Default Extension="png" ContentType="image/png"/></Types>')
    parts["[Content_Types].xml"] = types.encode("utf-8")
    document = parts["word/document.xml"].decode("utf-8")
    for prefix, uri in (
        ("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
        ("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    ):
        if f"xmlns:{prefix}=" not in document[:4000]:
            document = document.replace("<w:document ", f'<w:document xmlns:{prefix}="{uri}" ', 1)
    parts["word/document.xml"] = document.encode("utf-8")


def _set_properties(parts: dict[str, bytes], props: Properties) -> None:
    stamp = datetime.combine(props.document_date, datetime.min.time()).strftime("%Y-%m-%dT%H:%M:%SZ")
    parts[_CORE_PROPS] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{xml_escape(props.title)}</dc:title><dc:creator>{xml_escape(props.author)}</dc:creator>"
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
