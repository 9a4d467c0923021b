"""A template's translatable text, paragraph by paragraph, and its rebuilding in another language.

The unit a translator works on is a paragraph (a sentence or two in a letter): what Word
shows, with everything the translation must not change replaced by placeholders:

- template tags: ``{{ officer.name }}`` becomes ``{officer_name}``, ``{% if x %}`` becomes
  ``{if_1}`` (the translator keeps each, and may move it where the language needs it);
- fields and other objects in the paragraph: ``{page}``, ``{pages}``, ``{link_1}``...;
- text in another format than the paragraph's own (a bold phrase) as ``<1>...</1>``.

The one placeholder a translation may leave out is the English greeting (``Dear Mrs
Haddad``): a language may open a letter with its own formula instead.

Line breaks and tabs stay as ``\\n`` and ``\\t``. Paragraphs with no words of their own (a
``{%p if %}`` line, an empty spacer) are not offered and are kept as they are.

:func:`translate_part` puts a translation back: the paragraph keeps its properties (style,
alignment, spacing, numbering); its text goes into runs with the paragraph's own run
properties (``<n>`` spans with theirs), and objects and tags come back exactly as they were.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from xml.sax.saxutils import escape

TRANSLATED_PARTS = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>|<w:p(?: [^>]*)?/>", re.S)
_CHILD = re.compile(
    r"<w:pPr>.*?</w:pPr>|<w:hyperlink\b.*?</w:hyperlink>|<w:fldSimple\b.*?</w:fldSimple>"
    r"|<w:r(?: [^>]*)?/>|<w:r(?: [^>]*)?>.*?</w:r>|<w:(\w+)\b[^>]*/>|<w:(\w+)\b[^>]*>.*?</w:\2>",
    re.S,
)
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_PLACEHOLDER = re.compile(r"\{[a-z][a-z0-9_]*\}")
_MARKER = re.compile(r"</?(\d+)>")
_RUN_PROPS = re.compile(r"<w:rPr>.*?</w:rPr>", re.S)
#: Tags a translation may leave out: the English greeting ("Dear Mrs Haddad"), which many
#: languages replace with their own formula without the name ("Szanowna Pani", "تحية طيبة وبعد").
_OPTIONAL_TAG = re.compile(r"\{\{\s*recipient\.salutation\s*\}\}")
_FIELD_NAMES = {"PAGE": "page", "NUMPAGES": "pages", "SECTIONPAGES": "pages", "DATE": "date_field"}


@dataclass
class Segment:
    """One paragraph's translatable text and what is needed to put a translation back."""

    part: str
    index: int  # the paragraph's position in its part
    text: str  # the msgid
    placeholders: dict[str, str] = field(default_factory=dict)  # {name} -> the XML or tag it stands for
    formats: dict[str, str] = field(default_factory=dict)  # "1" -> the run properties of <1>...</1>
    base_format: str = ""
    prefix: str = ""  # leading and trailing spaces, kept outside the msgid
    suffix: str = ""

    @property
    def location(self) -> str:
        return f"{self.part}:{self.index + 1}"


def _run_text(run: str) -> str | None:
    """A run's text (tabs and breaks as characters), or None if it holds anything else."""
    body = _RUN_PROPS.sub("", run, count=1)
    inner = re.sub(r"^<w:r(?: [^>]*)?>|</w:r>$", "", body)
    pieces = re.findall(r"<w:t(?: [^>]*)?>(.*?)</w:t>|<w:t(?: [^>]*)?/>|(<w:tab/>)|(<w:br/>)|(<w:cr/>)|(<[^>]+>)", inner, re.S)
    text = []
    for t, tab, br, cr, other in pieces:
        if other and not other.startswith(("<w:t ", "<w:t>", "<w:t/")) and "lastRenderedPageBreak" not in other:
            return None
        text.append("\t" if tab else "\n" if (br or cr) else unescape(t))
    return "".join(text)


def _name_for(tag: str, used: dict[str, str], counters: dict[str, int]) -> str:
    inside = tag[2:-2].strip()
    if tag.startswith("{{"):
        base = re.sub(r"[^a-z0-9]+", "_", inside.split("(")[0].lower()).strip("_")[:40] or "value"
    else:
        words = inside.lstrip("prc ").split() if inside[:2] in ("p ", "r ", "c ") or inside[:3] == "tr " else inside.split()
        base = (words[0] if words else "tag").lower()
        counters[base] = counters.get(base, 0) + 1
        base = f"{base}_{counters[base]}"
    name, n = base, 1
    while name in used and used[name] != tag:
        n += 1
        name = f"{base}_{n}"
    return name


def segment_paragraph(part: str, index: int, xml: str) -> Segment | None:
    """The paragraph as a :class:`Segment`, or None when it has no words to translate."""
    segment = Segment(part, index, "")
    inner = re.sub(r"^<w:p(?: [^>]*)?>|</w:p>$", "", xml)
    children = [m.group(0) for m in _CHILD.finditer(inner)]
    pieces: list[tuple[str, str]] = []  # (format or "" for an object, text or placeholder)
    counters: dict[str, int] = {}
    objects = 0
    field_runs: list[str] | None = None
    for child in children:
        if child.startswith("<w:pPr>"):
            continue
        if field_runs is not None:  # inside a complex field: collect until its end
            field_runs.append(child)
            if 'w:fldCharType="end"' in child:
                instruction = " ".join(re.findall(r"<w:instrText[^>]*>(.*?)</w:instrText>", "".join(field_runs), re.S)).split()
                name = _FIELD_NAMES.get(instruction[0].upper() if instruction else "", "field")
                name = name if name not in segment.placeholders else f"{name}_{len(segment.placeholders) + 1}"
                segment.placeholders[name] = "".join(field_runs)
                pieces.append(("", "{" + name + "}"))
                field_runs = None
            continue
        if 'w:fldCharType="begin"' in child:
            field_runs = [child]
            continue
        if child.startswith("<w:r") and not child.startswith("<w:rPr"):
            text = _run_text(child)
            if text is not None:
                props = _RUN_PROPS.search(child)
                pieces.append((props.group(0) if props else "<w:rPr></w:rPr>", text))
                continue
        if re.match(r"<w:(proofErr|lastRenderedPageBreak)\b", child):
            continue  # spelling marks: meaningless once the words change
        objects += 1
        name = "link" if child.startswith("<w:hyperlink") else "object"
        name = f"{name}_{objects}"
        segment.placeholders[name] = child
        pieces.append(("", "{" + name + "}"))
    texts = [(fmt, text) for fmt, text in pieces if fmt]
    all_text = "".join(t for _, t in texts)
    words = _TAG.sub("", all_text)
    if (not re.search(r"\w", words, re.UNICODE) or re.fullmatch(r"[\d\s\W]*", words)) and not _OPTIONAL_TAG.search(all_text):
        return None
    # the paragraph's own format: the one carrying most of its text
    weight: dict[str, int] = {}
    for fmt, text in texts:
        weight[fmt] = weight.get(fmt, 0) + len(text)
    segment.base_format = max(weight, key=lambda f: weight[f])
    numbers: dict[str, str] = {}
    out: list[str] = []
    open_format = ""
    used: dict[str, str] = {}
    joined: list[tuple[str, str]] = []
    for fmt, text in pieces:  # runs in the same format are one span (Word splits them freely)
        if joined and fmt and joined[-1][0] == fmt:
            joined[-1] = (fmt, joined[-1][1] + text)
        else:
            joined.append((fmt, text))
    for fmt, text in joined:
        if fmt:
            text = _TAG.sub(lambda m: _tag_placeholder(m.group(0), segment, used, counters), text)
        wanted = "" if not fmt or fmt == segment.base_format else numbers.setdefault(fmt, str(len(numbers) + 1))
        if wanted != open_format:
            if open_format:
                out.append(f"</{open_format}>")
            if wanted:
                out.append(f"<{wanted}>")
            open_format = wanted
        out.append(text)
    if open_format:
        out.append(f"</{open_format}>")
    segment.formats = {n: fmt for fmt, n in numbers.items()}
    full = "".join(out)
    stripped = full.strip(" ")
    segment.prefix = full[: len(full) - len(full.lstrip(" "))]
    segment.suffix = full[len(full.rstrip(" ")) :]
    segment.text = stripped
    return segment


def _tag_placeholder(tag: str, segment: Segment, used: dict[str, str], counters: dict[str, int]) -> str:
    for name, value in used.items():
        if value == tag and tag.startswith("{{"):
            return "{" + name + "}"
    name = _name_for(tag, used, counters)
    used[name] = tag
    segment.placeholders[name] = tag
    return "{" + name + "}"


def segments_of(part: str, xml: str) -> list[Segment]:
    found = []
    for index, match in enumerate(_PARAGRAPH.finditer(xml)):
        segment = segment_paragraph(part, index, match.group(0))
        if segment is not None:
            found.append(segment)
    return found


def check_translation(segment: Segment, translation: str) -> str | None:
    """Why ``translation`` cannot replace the segment's text (a placeholder lost, added or
    doubled; a format marker unbalanced), or None when it can."""
    optional = {"{" + name + "}" for name, value in segment.placeholders.items() if _OPTIONAL_TAG.fullmatch(value)}
    got = sorted(_PLACEHOLDER.findall(translation))
    wanted = sorted(p for p in _PLACEHOLDER.findall(segment.text) if p not in optional or p in got)
    if wanted != got:
        missing = sorted(set(wanted) - set(got)) or [p for p in set(got) if got.count(p) < wanted.count(p)]
        extra = sorted(set(got) - set(wanted)) or [p for p in set(got) if got.count(p) > wanted.count(p)]
        what = []
        if missing:
            what.append(f"keep {', '.join(missing)}")
        if extra:
            what.append(f"remove {', '.join(extra)} (not in the English)")
        return "the placeholders must be the English ones, each once: " + "; ".join(what)
    stack: list[str] = []
    for match in _MARKER.finditer(translation):
        if not match.group(0).startswith("</"):
            stack.append(match.group(1))
        elif not stack or stack.pop() != match.group(1):
            return f"the format marker {match.group(0)} does not close an open <{match.group(1)}>"
    if stack:
        return f"the format marker <{stack[-1]}> is not closed"
    unknown = {m.group(1) for m in _MARKER.finditer(translation)} - set(segment.formats)
    if unknown:
        return f"there is no format marker <{sorted(unknown)[0]}> in the English"
    return None


def _runs(text: str, props: str) -> str:
    """Runs for plain text with tabs and line breaks; tags were restored already (raw)."""
    out = []
    for piece in re.split(r"(\t|\n)", text):
        if piece == "\t":
            out.append(f"<w:r>{props}<w:tab/></w:r>")
        elif piece == "\n":
            out.append(f"<w:r>{props}<w:br/></w:r>")
        elif piece:
            out.append(f'<w:r>{props}<w:t xml:space="preserve">{piece}</w:t></w:r>')
    return "".join(out)


def rebuild_paragraph(xml: str, segment: Segment, translation: str) -> str:
    """The paragraph with its text replaced by ``translation`` (checked already)."""
    opening = re.match(r"<w:p(?: [^>]*)?>", xml)
    assert opening is not None
    ppr = re.search(r"<w:pPr>.*?</w:pPr>", xml, re.S)
    body: list[str] = []
    text = segment.prefix + translation + segment.suffix
    for piece in re.split(r"(</?\d+>|\{[a-z][a-z0-9_]*\})", text):
        if not piece:
            continue
        marker = _MARKER.fullmatch(piece)
        if marker:
            body.append(piece)  # resolved below
            continue
        if _PLACEHOLDER.fullmatch(piece) and piece[1:-1] in segment.placeholders:
            value = segment.placeholders[piece[1:-1]]
            body.append(("\0tag" + value) if value.startswith("{") else ("\0xml" + value))
            continue
        body.append(escape(piece))
    # resolve formats: text between <n> and </n> takes format n; tags are text in that format
    out, current = [], segment.base_format
    pending = ""
    for piece in body:
        marker = _MARKER.fullmatch(piece)
        if marker:
            out.append(_runs(pending, current))
            pending = ""
            current = segment.base_format if piece.startswith("</") else segment.formats[marker.group(1)]
        elif piece.startswith("\0xml"):
            out.append(_runs(pending, current) + piece[4:])
            pending = ""
        elif piece.startswith("\0tag"):
            pending += escape(piece[4:])  # a tag is text in the XML, escaped like the rest
        else:
            pending += piece
    out.append(_runs(pending, current))
    return opening.group(0) + (ppr.group(0) if ppr else "") + "".join(out) + "</w:p>"


def translate_part(part: str, xml: str, translations: dict[str, str]) -> str:
    """``xml`` with every offered paragraph replaced by its translation (by msgid)."""
    index = -1

    def replace(match: re.Match[str]) -> str:
        nonlocal index
        index += 1
        segment = segment_paragraph(part, index, match.group(0))
        if segment is None:
            return match.group(0)
        return rebuild_paragraph(match.group(0), segment, translations[segment.text])

    return _PARAGRAPH.sub(replace, xml)
