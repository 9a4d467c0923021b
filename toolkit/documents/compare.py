"""What differs between two .docx documents, in words a person can check.

``verify`` regenerates a document and compares the bytes; when they differ, the officer
needs to know *what* differs: the document properties (who made it, from which case
file and template), the text of the paragraphs as a short unified diff, and otherwise
which parts of the file differ (a document opened and saved again by Word keeps its text
and properties but not its bytes).
"""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from html import unescape

from toolkit.templates.engine import read_custom_properties

MAX_LINES = 40
_CORE = re.compile(r"<(?:dc|cp|dcterms):(\w+)[^>]*>([^<]*)</(?:dc|cp|dcterms):\1>")


def docx_text(data: bytes) -> str:
    """Paragraph text of every part Word shows, one paragraph a line."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = sorted(n for n in archive.namelist() if re.match(r"word/(document|header\d*|footer\d*)\.xml$", n))
        chunks = []
        for name in names:
            xml = archive.read(name).decode("utf-8")
            paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
            # field codes (PAGE, NUMPAGES) are instructions, not text; entities are characters
            text = [
                unescape(re.sub(r"<[^>]+>", "", re.sub(r"<w:(br|cr|tab)/>", " ", re.sub(r"<w:instrText[ >].*?</w:instrText>", "", p, flags=re.S))))
                for p in paragraphs
            ]
            chunks.append(f"--- {name}\n" + "\n".join(t for t in text if t.strip()))
    return "\n".join(chunks) + "\n"


def _properties(data: bytes) -> dict[str, str]:
    """Core (title, author, dates) and custom properties of a .docx."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        core = archive.read("docProps/core.xml").decode("utf-8") if "docProps/core.xml" in archive.namelist() else ""
    found = {name: unescape(value) for name, value in _CORE.findall(core)}
    found.update(read_custom_properties(data))
    return found


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def differences(issued: bytes, again: bytes, limit: int = MAX_LINES) -> list[str]:
    """What differs from ``issued`` in ``again``: properties, then a text diff, else the parts."""
    lines: list[str] = []
    before, after = _properties(issued), _properties(again)
    for name in sorted(set(before) | set(after)):
        if before.get(name) != after.get(name):
            lines.append(f"property {name}: {before.get(name, '(none)')!r} in the document, {after.get(name, '(none)')!r} made again")
    diff = list(difflib.unified_diff(
        docx_text(issued).splitlines(), docx_text(again).splitlines(), "the document", "made again", n=1, lineterm="",
    ))
    lines += diff
    if not lines:
        old, new = _parts(issued), _parts(again)
        changed = sorted(name for name in set(old) | set(new) if old.get(name) != new.get(name))
        lines.append(
            "the text and the properties are the same; the file differs in "
            + (", ".join(changed) if changed else "how it is packed")
            + " (was it opened and saved again, by Word for example?)"
        )
    if len(lines) > limit:
        lines = [*lines[:limit], f"... ({len(lines) - limit} more lines)"]
    return lines
