"""Active content out of evidence: a bundle is read, never run.

An exhibit PDF comes from outside (a tenant, the police, a solicitor), and the bundle is
opened by a judge, a clerk and the respondent. So every page of an exhibit loses, before
it is copied into a bundle, whatever a viewer could *do* rather than show:

- the page's additional actions (``/AA``: page-open and page-close JavaScript);
- every annotation's actions (``/A`` and ``/AA``): JavaScript, Launch, SubmitForm,
  ImportData, GoToR/GoToE (other files), Rendition, and **URI** too: a web link in
  evidence is a tracking or phishing risk for the judge and the respondent, while its
  address stays readable on the page (the link's text is page content, which is kept);
- a form field's actions up its ``/Parent`` chain (calculations, keystroke scripts);
- annotations that are themselves active or carry files: FileAttachment, Screen,
  Movie, Sound, RichMedia (a link or field keeps its place, inert).

Document-level JavaScript, OpenAction, embedded files and XFA/AcroForm scripts live in
the exhibit's catalogue, which a bundle never copies (it has its own), so they are gone
too; :func:`active_content` finds any of them left in a finished file, for the tests and
the bundle's own check. Page content streams are not touched: what the court reads is
exactly what was provided.
"""

from __future__ import annotations

from typing import Any
from collections.abc import Iterator

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

_ACTIVE_ANNOTS = {"/FileAttachment", "/Screen", "/Movie", "/Sound", "/RichMedia", "/3D"}
# What no object of a finished bundle may hold: keys, and the action types (/S values)
ACTIVE_KEYS = {"/JS", "/JavaScript", "/AA", "/EmbeddedFile", "/EmbeddedFiles", "/XFA", "/Launch", "/URI"}
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/URI", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE", "/Rendition", "/RichMediaExecute", "/Sound", "/Movie"}


def sanitise(reader: PdfReader) -> int:
    """Strip active content from every page of ``reader`` in place; the number of things removed.

    The count includes what the catalogue holds (document JavaScript, an OpenAction
    script, embedded files, XFA), which is left behind because a bundle never copies it.
    """
    removed = _in_catalogue(reader)
    for page in reader.pages:
        if "/AA" in page:
            del page["/AA"]
            removed += 1
        annots = page.get("/Annots")
        if annots is None:
            continue
        kept = ArrayObject()
        for ref in annots.get_object():
            annot = ref.get_object()
            if not isinstance(annot, DictionaryObject) or annot.get("/Subtype") in _ACTIVE_ANNOTS:
                removed += 1
                continue
            removed += _strip_actions(annot)
            kept.append(ref)
        page[NameObject("/Annots")] = kept
    return removed


def _in_catalogue(reader: PdfReader) -> int:
    root: Any = reader.trailer["/Root"].get_object()
    names = root.get("/Names")
    names = names.get_object() if names is not None else {}
    form = root.get("/AcroForm")
    form = form.get_object() if form is not None else {}
    action = root.get("/OpenAction")
    scripted = action is not None and isinstance(action.get_object(), DictionaryObject)
    return sum((scripted, "/JavaScript" in names, "/EmbeddedFiles" in names, "/XFA" in form, "/AA" in root))


def _strip_actions(annot: DictionaryObject) -> int:
    """Remove ``/A`` and ``/AA`` from an annotation and from the form fields it belongs to."""
    removed = 0
    node: Any = annot
    seen: set[int] = set()
    while isinstance(node, DictionaryObject) and id(node) not in seen:
        seen.add(id(node))
        for key in ("/A", "/AA"):
            if key in node:
                del node[key]
                removed += 1
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return removed


def active_content(reader: PdfReader) -> list[str]:
    """What active content a PDF still holds, as ``key`` or ``/S value`` names (empty: none)."""
    found: list[str] = []
    for obj in _objects(reader):
        if isinstance(obj, DictionaryObject):
            found += [key for key in obj if key in ACTIVE_KEYS]
            if obj.get("/S") in ACTIVE_ACTIONS:
                found.append(str(obj["/S"]))
            if obj.get("/Subtype") in _ACTIVE_ANNOTS:
                found.append(str(obj["/Subtype"]))
    root: Any = reader.trailer["/Root"].get_object()
    action = root.get("/OpenAction")
    if isinstance(action, (DictionaryObject, IndirectObject)) and isinstance(action.get_object(), DictionaryObject):
        found.append("/OpenAction")
    return sorted(set(found))


def _objects(reader: PdfReader) -> Iterator[Any]:
    """Every object reachable from the trailer, once."""
    stack: list[Any] = [reader.trailer]
    seen: set[tuple[int, int]] = set()
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            yield obj
            stack.extend(value for name, value in obj.items() if name != "/Parent" or isinstance(value, IndirectObject))
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
