"""A template's own title, in its core properties (``docProps/core.xml``, ``dc:title``).

The title names a document in the PDF's properties, in a screen reader's first words and
in the window's title bar, so a translation must carry its own: ``templates translate``
takes it from the catalogue (a message like any paragraph), Word keeps it under
File > Info > Properties, and the engine uses it for a document made from a template that
is not the English one (:mod:`toolkit.templates.engine`).
"""

from __future__ import annotations

import io
import re
import zipfile
from html import unescape
from xml.sax.saxutils import escape

CORE_PROPS = "docProps/core.xml"
_TITLE = re.compile(r"<dc:title>(.*?)</dc:title>|<dc:title\s*/>", re.S)


def title_in(core_xml: str) -> str:
    """The title in a core-properties part ("" when there is none)."""
    found = _TITLE.search(core_xml)
    return unescape(found.group(1) or "").strip() if found else ""


def own_title(docx: bytes) -> str:
    """The title a .docx carries ("" when it has none or no core properties)."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as archive:
            return title_in(archive.read(CORE_PROPS).decode("utf-8")) if CORE_PROPS in archive.namelist() else ""
    except (zipfile.BadZipFile, UnicodeDecodeError):
        return ""


def with_title(core_xml: str, title: str) -> str:
    """The core-properties part with ``title`` as its title (added when it has none)."""
    element = f"<dc:title>{escape(title)}</dc:title>"
    if _TITLE.search(core_xml):
        return _TITLE.sub(lambda _: element, core_xml, count=1)
    return re.sub(r"(<cp:coreProperties\b[^>]*>)", lambda m: m.group(1) + element, core_xml, count=1)
