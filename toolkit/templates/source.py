"""From a part's raw XML to the Jinja source the engine compiles, read as docxtpl reads it.

docxtpl parses each part with lxml and serialises it again before repairing the tags,
so a character a word processor stored as an entity (LibreOffice writes ``"`` and ``'``
as ``&quot;``/``&apos;``, some tools write ``&#8217;``) is a plain character by the
time Jinja sees it. casedocs works on the raw bytes (it is much faster), so it resolves
those entities itself: in text, every character entity except the three XML needs
(``&amp; &lt; &gt;``), exactly as lxml's serialiser leaves them; inside a Jinja tag, all
of them, so ``{{ name|default(&quot;tenant&quot;) }}`` compiles as
``{{ name|default("tenant") }}``. Inside a tag the result is Jinja code, and what it
prints is escaped by the engine's autoescape, so a literal ``"A & B"`` prints correctly.
"""

from __future__ import annotations

import re
from html import unescape

from docxtpl import DocxTemplate

_helper = DocxTemplate.__new__(DocxTemplate)  # patch_xml uses no instance state
_TEXT = re.compile(r">([^<]*&[^<]*)<")
_ENTITY = re.compile(r"&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_KEPT = {"amp", "lt", "gt"}  # what lxml writes back in text
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")  # within a paragraph, as patch_xml cleans tags
_CHAR_REFS = {"#38": "&amp;", "#x26": "&amp;", "#60": "&lt;", "#x3c": "&lt;", "#62": "&gt;", "#x3e": "&gt;"}


def _resolve_entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name in _KEPT:
        return match.group(0)
    if name.lower() in _CHAR_REFS:  # a character reference to & < > stays escaped, as lxml writes it
        return _CHAR_REFS[name.lower()]
    return unescape(match.group(0))


def _resolve_text(match: re.Match[str]) -> str:
    return ">" + _ENTITY.sub(_resolve_entity, match.group(1)) + "<"


def _unescape_tag(match: re.Match[str]) -> str:
    return unescape(match.group(0)) if "&" in match.group(0) else match.group(0)


def jinja_source(xml: str) -> str:
    """The compiled form of a part: entities resolved, tags repaired (docxtpl's
    :meth:`~docxtpl.DocxTemplate.patch_xml`), one paragraph a line (for error lines)."""
    if "&" in xml:
        xml = _TEXT.sub(_resolve_text, xml)
    source = _helper.patch_xml(xml)
    if "&" in source:
        source = _TAG.sub(_unescape_tag, source)
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", source)


def paragraph_text(source: str, lineno: int) -> str:
    """The text of line ``lineno`` of a compiled part's source (one paragraph a line),
    shortened: the text as the reader sees it, tags exactly as Jinja reads them."""
    lines = source.split("\n")
    if not 1 <= lineno <= len(lines):
        return ""
    line = re.sub(r"<[^>]+>", "", lines[lineno - 1])
    pieces = _TAG.split(line)
    tags = [*_TAG.findall(line), ""]
    text = " ".join("".join(unescape(piece) + tag for piece, tag in zip(pieces, tags)).split())
    return text if len(text) <= 80 else text[:77] + "..."
