"""Active content in an exhibit PDF never reaches a bundle; the pages themselves are unchanged."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject, DictionaryObject, NameObject, NumberObject, RectangleObject, TextStringObject,
)
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from toolkit.bundle.assemble import build_bundle
from toolkit.bundle.items import BundleDocument as Doc, BundleSection as Section
from toolkit.bundle.sanitise import active_content
from toolkit.errors import CasedocsWarning


def _name(text: str) -> NameObject:
    return NameObject(text)


def _action(kind: str, **values: object) -> DictionaryObject:
    action = DictionaryObject({_name("/Type"): _name("/Action"), _name("/S"): _name(kind)})
    for key, value in values.items():
        action[_name(f"/{key}")] = value if not isinstance(value, str) else TextStringObject(value)
    return action


def _annot(writer: PdfWriter, subtype: str, y: int, **extra: object) -> object:
    annot = DictionaryObject({
        _name("/Type"): _name("/Annot"), _name("/Subtype"): _name(subtype),
        _name("/Rect"): RectangleObject([72, y, 300, y + 20]),
    })
    for key, value in extra.items():
        annot[_name(f"/{key}")] = value
    return writer._add_object(annot)


def hostile_pdf(path: Path) -> Path:
    """Two pages of text with every kind of active content a viewer could run."""
    plain = path.with_name("plain.pdf")
    canvas = Canvas(str(plain), pagesize=A4)
    for n in (1, 2):
        canvas.drawString(72, 700, f"Hostile exhibit page {n}: visit https://example.org/evidence")
        canvas.showPage()
    canvas.save()
    writer = PdfWriter(clone_from=str(plain))
    js = _action("/JavaScript", JS="app.alert('pwned')")
    writer._root_object[_name("/OpenAction")] = writer._add_object(js)
    writer.add_attachment("evil.exe", b"MZ not really a program")
    names = writer._root_object[_name("/Names")].get_object()
    names[_name("/JavaScript")] = DictionaryObject({_name("/Names"): ArrayObject([
        TextStringObject("run"), writer._add_object(_action("/JavaScript", JS="this.exportDataObject({cName: 'evil.exe', nLaunch: 2});")),
    ])})
    page = writer.pages[0]
    page[_name("/AA")] = DictionaryObject({_name("/O"): _action("/JavaScript", JS="app.launchURL('https://tracker.example')")})
    field = writer._add_object(DictionaryObject({
        _name("/FT"): _name("/Tx"), _name("/T"): TextStringObject("amount"),
        _name("/AA"): DictionaryObject({_name("/C"): _action("/JavaScript", JS="event.value = 1")}),
    }))
    page[_name("/Annots")] = ArrayObject([
        _annot(writer, "/Link", 600, A=_action("/JavaScript", JS="app.alert(1)")),
        _annot(writer, "/Link", 560, A=_action("/Launch", F="cmd.exe")),
        _annot(writer, "/Link", 520, A=_action("/URI", URI="https://example.org/evidence")),
        _annot(writer, "/FileAttachment", 480, Contents=TextStringObject("attached")),
        _annot(writer, "/Widget", 440, Parent=field, AA=DictionaryObject({_name("/K"): _action("/JavaScript", JS="1")})),
        _annot(writer, "/Text", 400, Contents=TextStringObject("a reviewer's note")),
    ])
    writer._root_object[_name("/AcroForm")] = DictionaryObject({
        _name("/Fields"): ArrayObject([field]), _name("/XFA"): ArrayObject([TextStringObject("template"), NumberObject(0)]),
    })
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_the_hostile_exhibit_really_is_hostile(tmp_path: Path) -> None:
    found = active_content(PdfReader(hostile_pdf(tmp_path / "hostile.pdf")))
    for name in ("/AA", "/JS", "/JavaScript", "/Launch", "/URI", "/EmbeddedFiles", "/XFA", "/FileAttachment", "/OpenAction"):
        assert name in found


def test_a_bundle_holds_none_of_it_and_the_same_pages(tmp_path: Path) -> None:
    hostile = hostile_pdf(tmp_path / "hostile.pdf")
    with pytest.warns(CasedocsWarning, match=r"hostile\.pdf: 11 active items .* removed before it went into the bundle"):
        result = build_bundle([Section("Exhibits", [Doc("A hostile exhibit", hostile, exhibit="PS1")])], tmp_path / "bundle.pdf", title="t")
    bundle = PdfReader(result.pdf)
    assert active_content(bundle) == []
    # every object of the file, not only those reachable from its pages
    raw = result.pdf.read_bytes()
    for name in (b"/JavaScript", b"/JS", b"/Launch", b"/URI", b"/EmbeddedFile", b"/EmbeddedFiles", b"/XFA", b"/AA"):
        assert not re.search(re.escape(name) + rb"(?![A-Za-z0-9+#])", raw), name  # (a font named /AAAAAA+Arial is fine)
    assert b"evil.exe" not in raw and b"pwned" not in raw and b"tracker" not in raw
    original = PdfReader(hostile)
    exhibit = [p for p in bundle.pages if "Hostile exhibit page" in p.extract_text()]
    assert len(exhibit) == 2
    for before, after in zip(original.pages, exhibit):
        # the page's own content stream is there byte for byte (the stamp is wrapped around it)
        streams = [ref.get_object().get_data() for ref in after["/Contents"].get_object()]
        assert before.get_contents().get_data() in streams
        assert before.mediabox == after.mediabox
    # the harmless note stays; the link, field and attachment annotations are inert or gone
    annots = [a.get_object() for a in exhibit[0].get("/Annots", [])]
    assert sorted(str(a["/Subtype"]) for a in annots) == ["/Link", "/Link", "/Link", "/Text", "/Widget"]
    assert not any("/A" in a or "/AA" in a for a in annots)
