"""What one rendering adds to a template's package: pictures, links, carried parts.

A picture or a hyperlink needs a *relationship* from the part that shows it (the body,
a header, a footnote) to its target, and a picture needs its media part and a content
type. casedocs's own :class:`Picture` and docxtpl's ``InlineImage`` are placed through
:meth:`PackageChanges.picture` for the part being rendered, so they work in any part.

docxtpl's ``RichText`` links (``tpl.build_url_id``) and ``Subdoc`` (``tpl.new_subdoc``)
were made against a python-docx ``Document`` (the *donor*): their XML names
relationship ids of the donor's main document part. :meth:`PackageChanges.carry` adds
each such relationship, and the part it points to, to whichever part the XML landed in,
and takes the donor's styles and numbering when a sub-document added to them.

Everything added is named deterministically (``rIdCd1``, ``word/media/casedocs-1.png``),
in the order the template places it, so the same inputs give the same bytes.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass, field
from typing import IO, Any
from xml.sax.saxutils import escape as xml_escape

from docx.image.image import Image as DocxImage
from docx.shared import Length
from jinja2 import TemplateError
from lxml import etree

RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
IMAGE = f"{RELS}/image"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
HYPERLINK = f"{RELS}/hyperlink"
_NAMESPACES = (
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    f'xmlns:r="{RELS}"'
)
# attributes are space-separated as Word, LibreOffice and python-docx write them; the literal
# space makes this scan 25 times faster than \s (it runs on every part of every letter)
REFERENCE = re.compile(r' r:(?:id|embed|link|pict|dm|lo|qs|cs)="([^"]+)"')
_DONOR_PARTS = ("word/styles.xml", "word/numbering.xml")  # what docxtpl's sub-document composer changes
ImageSource = str | bytes | IO[bytes]


def rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


@dataclass
class Picture:
    """An image to place inline: ``{{ picture }}`` (in its own run, docxtpl's ``{{r }}``, or anywhere).

    ``source`` is a path, bytes or a binary file; ``width``/``height`` are python-docx
    lengths (``Mm(20)``); give one and the other keeps the aspect ratio, give neither
    and the image's own size is used. ``anchor`` makes the picture a link.
    """

    source: ImageSource
    width: Length | int | None = None
    height: Length | int | None = None
    description: str = ""
    anchor: str | None = None
    _changes: PackageChanges | None = field(default=None, repr=False, compare=False)

    def __html__(self) -> str:
        if self._changes is None:
            raise TemplateError("a picture can only be placed while a document is rendered")
        return self._changes.picture(self)


def read_source(source: ImageSource) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, str):
        with open(source, "rb") as handle:
            return handle.read()
    source.seek(0)
    return source.read()


def _attribute(value: str) -> str:
    return xml_escape(value, {'"': "&quot;"})


@dataclass
class PackageChanges:
    """The relationships, parts and content types one rendering adds."""

    base: dict[str, bytes]
    current: str = "word/document.xml"
    rels: dict[str, list[str]] = field(default_factory=dict)  # part -> <Relationship/> elements
    parts: dict[str, bytes] = field(default_factory=dict)
    overrides: dict[str, str] = field(default_factory=dict)  # part name -> content type
    donors: list[Any] = field(default_factory=list)  # python-docx Documents (docxtpl's tpl.docx)
    style_donors: list[Any] = field(default_factory=list)  # those whose styles and numbering are this template's
    _media: dict[tuple[str, str], str] = field(default_factory=dict)  # (sha1, ext) -> part name
    _related: dict[tuple[str, str, str], str] = field(default_factory=dict)
    _carried: dict[int, str] = field(default_factory=dict)  # donor part (by identity) -> its name here
    _ids: set[tuple[str, str]] = field(default_factory=set)  # (part, relationship id) added
    _count: int = 0

    def add_donor(self, docx: Any, *, styles: bool) -> None:
        """A Document docxtpl objects were made on; ``styles`` when it is this template's own
        (a sub-document's styles and numbering were added to it)."""
        if docx is None:
            return
        if all(docx is not d for d in self.donors):
            self.donors.append(docx)
        if styles and all(docx is not d for d in self.style_donors):
            self.style_donors.append(docx)

    def _next(self) -> int:
        self._count += 1
        return self._count

    def relate(self, part: str, target: str, reltype: str, *, external: bool = False, rel_id: str | None = None) -> str:
        """A relationship from ``part`` (the same one again for the same target)."""
        key = (part, reltype, target)
        if key in self._related and rel_id is None:
            return self._related[key]
        rel_id = rel_id or f"rIdCd{self._next()}"
        mode = ' TargetMode="External"' if external else ""
        self.rels.setdefault(part, []).append(
            f'<Relationship Id="{rel_id}" Type="{reltype}" Target="{_attribute(target)}"{mode}/>'
        )
        self._related[key] = rel_id
        self._ids.add((part, rel_id))
        return rel_id

    def add_part(self, name: str, data: bytes, content_type: str) -> str:
        """``data`` as a new part named like ``name``; an existing, different part keeps its name."""
        if (existing := self.parts.get(name, self.base.get(name))) is not None and existing != data:
            stem, ext = posixpath.splitext(name)
            name = f"{posixpath.dirname(stem)}/casedocs-{self._next()}{ext}"
        self.parts[name] = data
        self.overrides[name] = content_type
        return name

    def media(self, blob: bytes, ext: str, content_type: str) -> str:
        key = (hashlib.sha1(blob).hexdigest(), ext)
        if key not in self._media:
            self._media[key] = self.add_part(f"word/media/casedocs-{self._next()}.{ext}", blob, content_type)
        return self._media[key]

    def picture(self, picture: Picture) -> str:
        """The run XML that shows ``picture`` in the part being rendered."""
        blob = read_source(picture.source)
        image = DocxImage.from_blob(blob)
        cx, cy = image.scaled_dimensions(picture.width, picture.height)
        target = self.media(blob, image.ext, image.content_type)
        rel_id = self.relate(self.current, posixpath.relpath(target, posixpath.dirname(self.current)), IMAGE)
        number = 5000 + self._next()
        alt, name = _attribute(picture.description), _attribute(image.filename or "image")
        link = ""
        if picture.anchor:
            link = f'<a:hlinkClick r:id="{self.relate(self.current, picture.anchor, HYPERLINK, external=True)}"/>'
        return (
            f'</w:t></w:r><w:r><w:drawing><wp:inline {_NAMESPACES} distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{number}" name="Picture {number}" descr="{alt}">{link}</wp:docPr>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            f'<pic:nvPicPr><pic:cNvPr id="{number}" name="{name}" descr="{alt}">{link}</pic:cNvPr><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            '</wp:inline></w:drawing></w:r><w:r><w:t xml:space="preserve">'
        )

    # -- docxtpl's objects: relationships made on a donor Document --------------------
    def carry(self, part: str, xml: str, known: frozenset[str]) -> None:
        """Add the donors' relationships that ``xml`` (rendered ``part``) names but lacks.

        ``known`` are the ids the template's part has or names itself. Any other id nobody
        can supply is refused: a link or picture would silently dangle (Word then calls
        the file unreadable)."""
        for rel_id in REFERENCE.findall(xml):
            if rel_id in known or (part, rel_id) in self._ids:
                continue
            found = self._donor_rel(part, rel_id)
            if found is None:
                raise TemplateError(
                    f"{part} refers to relationship {rel_id}, which the template does not have: a docxtpl RichText link "
                    f"(tpl.build_url_id) or sub-document needs its DocxTemplate, render_file(path, context, template=tpl)"
                )
            self._carry_rel(part, found)

    def _donor_rel(self, part: str, rel_id: str) -> Any:
        for donor in self.donors:
            package_part = next((p for p in donor.part.package.iter_parts() if p.partname == f"/{part}"), None)
            for source in (package_part, donor.part):
                if source is not None and rel_id in source.rels:
                    return source.rels[rel_id]
        return None

    def _carry_rel(self, part: str, rel: Any) -> None:
        if rel.is_external:
            self.relate(part, rel.target_ref, rel.reltype, external=True, rel_id=rel.rId)
            return
        target = rel.target_part
        name = self._carried.get(id(target))
        if name is None:
            name = self._carried[id(target)] = self.add_part(str(target.partname).lstrip("/"), target.blob, target.content_type)
            for inner in getattr(target, "rels", {}).values():  # a carried chart or diagram keeps its own parts
                self._carry_rel(name, inner)
        self.relate(part, posixpath.relpath(name, posixpath.dirname(part)), rel.reltype, rel_id=rel.rId)

    def take_donor_styles(self) -> None:
        """A sub-document's styles and numbering, as docxtpl's composer added them to the donor."""
        for donor in self.style_donors:
            for package_part in donor.part.package.iter_parts():
                name = str(package_part.partname).lstrip("/")
                if name not in _DONOR_PARTS:
                    continue
                ours = self.base.get(name)
                # unchanged when it serialises as python-docx would write the template's own part
                if ours is not None and etree.tostring(etree.fromstring(ours), encoding="UTF-8", standalone=True) == package_part.blob:
                    continue
                self.parts[name] = package_part.blob
                if ours is None:
                    self.overrides[name] = package_part.content_type
                    rel = next(r for r in donor.part.rels.values() if not r.is_external and r.target_part is package_part)
                    self.relate("word/document.xml", posixpath.relpath(name, "word"), rel.reltype, rel_id=rel.rId)

    # -- writing it all into the package -------------------------------------------------
    def apply(self, parts: dict[str, bytes]) -> None:
        parts.update(self.parts)
        for part, elements in self.rels.items():
            name = rels_name(part)
            rels = parts.get(name, f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PACKAGE_RELS}"></Relationships>'.encode())
            parts[name] = rels.replace(b"</Relationships>", "".join(elements).encode("utf-8") + b"</Relationships>")
        if self.overrides:
            types = parts["[Content_Types].xml"].decode("utf-8")
            extra = "".join(
                f'<Override PartName="/{name}" ContentType="{ctype}"/>'
                for name, ctype in self.overrides.items()
                if f'PartName="/{name}"' not in types
            )
            parts["[Content_Types].xml"] = types.replace("</Types>", extra + "</Types>").encode("utf-8")
