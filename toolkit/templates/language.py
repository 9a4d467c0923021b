"""A template's language in the .docx itself: the language tag and the writing direction.

Word and LibreOffice read the language of text from ``w:lang`` (spell checking, hyphenation,
and the ``/Lang`` of a tagged PDF that a screen reader uses to choose its voice). The
templates were made with python-docx's default, ``en-US``, whatever their language, so the
renderer sets the document default from the manifest's language instead: the manifest is
where a template's language is recorded.

Right-to-left languages (Arabic, Urdu, Persian, Hebrew...) also need every paragraph set
right to left (``w:bidi``), their runs marked as complex script (``w:rtl``), and tables laid
out from the right (``w:bidiVisual``); :func:`make_right_to_left` does that to a document
part when a translation is built.
"""

from __future__ import annotations

import re

from babel import Locale, UnknownLocaleError
from babel.core import get_global

SOURCE_TAGS = {"en": "en-GB"}  # Keniston writes British English


def base_language(language: str) -> str:
    return language.replace("_", "-").split("-")[0].lower()


def is_right_to_left(language: str) -> bool:
    """Whether a language is written right to left, from CLDR's character order (Babel)."""
    try:
        return Locale.parse(base_language(language)).character_order == "right-to-left"
    except (UnknownLocaleError, ValueError):
        return False


#: Fonts installed by ``make setup`` (fonts-noto-core) for scripts written right to left;
#: Naskh is the plain text style of Arabic script, which also covers Urdu, Persian and Pashto.
SCRIPT_FONTS = {"Arab": "Noto Naskh Arabic", "Hebr": "Noto Sans Hebrew", "Syrc": "Noto Sans Syriac", "Thaa": "Noto Sans Thaana"}


def script_font(language: str) -> str:
    """The font for a right-to-left language's script (CLDR's likely script, through Babel)."""
    likely = get_global("likely_subtags").get(base_language(language), "")
    script = next((part for part in likely.split("_") if len(part) == 4 and part.istitle()), "Arab")
    return SCRIPT_FONTS.get(script, SCRIPT_FONTS["Arab"])


def docx_language_tag(language: str) -> str:
    """The tag for ``w:lang``: BCP 47 without private-use variants (an Easy Read version is in
    its language), English as British English."""
    language = language.replace("_", "-").split("-x-")[0]
    return SOURCE_TAGS.get(language.lower(), language)


def set_document_language(styles_xml: bytes, language: str, *, font: str | None = None) -> bytes:
    """``styles.xml`` with its default run language set to ``language``.

    For a right-to-left language the complex-script language (``w:bidi``) is set too, and the
    defaults become right to left; left-to-right languages keep Arabic as the complex-script
    language, as Word does. ``font`` becomes the complex-script font of the defaults and of
    every style (a right-to-left script is drawn with it, not with Arial).
    """
    if font is not None:
        styles_xml = _set_cs_font(styles_xml.decode("utf-8"), font).encode("utf-8")
    if is_right_to_left(language):  # letter spacing (a title's) breaks up a joined script
        styles_xml = re.sub(rb'<w:spacing w:val="-?\d+"/>', b"", styles_xml)
    tag = docx_language_tag(language).encode()
    rtl = is_right_to_left(language)
    lang = b'<w:lang w:val="%s" w:eastAsia="%s" w:bidi="%s"/>' % (tag, tag, tag if rtl else b"ar-SA")
    default = re.search(rb"<w:rPrDefault>\s*<w:rPr>(.*?)</w:rPr>", styles_xml, re.S)
    if default is None:
        return styles_xml
    inner = re.sub(rb"<w:lang [^>]*/>", b"", default.group(1))
    # the schema's order: rtl and cs come before lang, lang before eastAsianLayout
    after = re.search(rb"<w:(?:eastAsianLayout|specVanish|oMath)[ />]", inner)
    at = after.start() if after else len(inner)
    inner = inner[:at] + (b"<w:rtl/>" if rtl and b"<w:rtl" not in inner else b"") + lang + inner[at:]
    return styles_xml[: default.start(1)] + inner + styles_xml[default.end(1) :]


_PPR = re.compile(r"<w:pPr>(.*?)</w:pPr>", re.S)


def _set_cs_font(xml: str, font: str) -> str:
    """Every ``w:rFonts`` with ``font`` as its complex-script font (no theme font over it)."""

    def one(match: re.Match[str]) -> str:
        attributes = re.sub(r'\s+w:cs(?:theme)?="[^"]*"', "", match.group(1))
        return f'<w:rFonts{attributes} w:cs="{font}"/>'

    return re.sub(r"<w:rFonts((?:\s+[\w:]+=\"[^\"]*\")*)\s*/>", one, xml)


#: The postal address block stays left to right where it is: it must show through the
#: window of a UK envelope, and it is written in English (a name, a street, a postcode).
_ADDRESS_TABLE = re.compile(r"<w:tbl>(?:(?!</w:tbl>).)*?recipient\.address(?:(?!</w:tbl>).)*?</w:tbl>", re.S)


def make_right_to_left(xml: str, font: str) -> str:
    """A document part set right to left, except the postal address block (see above)."""
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"\0address{len(kept) - 1}\0"

    xml = _rtl_everything(_ADDRESS_TABLE.sub(keep, xml), font)
    return re.sub(r"\0address(\d+)\0", lambda m: kept[int(m.group(1))], xml)


def _rtl_everything(xml: str, font: str) -> str:
    """A document part with every paragraph, run and table set right to left.

    ``w:bidi`` goes first in a paragraph's properties after the style and keep/numbering
    elements it must follow (the schema fixes the order); ``w:rtl`` goes at the end of a run's
    properties; ``w:bidiVisual`` into each table's properties. Alignment ``left``/``right``
    is read by Word relative to the direction, so ``start``/``end`` need no change.
    """

    def paragraph(match: re.Match[str]) -> str:
        inner = match.group(1)
        if "<w:bidi/>" in inner:
            return match.group(0)
        anchor = re.search(r"<w:(?:adjustRightInd|snapToGrid|spacing|ind|contextualSpacing|mirrorIndents|"
                           r"suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|"
                           r"cnfStyle|rPr|sectPr|pPrChange)[ />]", inner)
        at = anchor.start() if anchor else len(inner)
        return f"<w:pPr>{inner[:at]}<w:bidi/>{inner[at:]}</w:pPr>"

    xml = _PPR.sub(paragraph, xml)
    # paragraphs with no properties at all
    xml = re.sub(r"<w:p>(?!<w:pPr>)", "<w:p><w:pPr><w:bidi/></w:pPr>", xml)
    xml = re.sub(r"(<w:p [^>]*>)(?!<w:pPr>)", r"\1<w:pPr><w:bidi/></w:pPr>", xml)
    xml = re.sub(r"<w:r>(?!<w:rPr>)", "<w:r><w:rPr></w:rPr>", xml)
    xml = re.sub(r"(<w:r [^>]*>)(?!<w:rPr>)", r"\1<w:rPr></w:rPr>", xml)
    xml = re.sub(r"<w:rPr>((?:(?!</w:rPr>).)*?)</w:rPr>",
                 lambda m: m.group(0) if "<w:rtl" in m.group(1) else f"<w:rPr>{_rtl_run(m.group(1), font)}</w:rPr>", xml, flags=re.S)
    return re.sub(r"<w:tblPr>((?:(?!</w:tblPr>).)*)</w:tblPr>", _rtl_table, xml, flags=re.S)


def _rtl_table(match: re.Match[str]) -> str:
    inner = match.group(1)
    if "<w:bidiVisual/>" in inner:
        return match.group(0)
    # bidiVisual follows tblStyle, tblpPr and tblOverlap
    before = re.match(r"(?:<w:tblStyle [^>]*/>)?(?:<w:tblpPr [^>]*/>)?(?:<w:tblOverlap [^>]*/>)?", inner)
    at = before.end() if before else 0
    return f"<w:tblPr>{inner[:at]}<w:bidiVisual/>{inner[at:]}</w:tblPr>"


def _rtl_run(inner: str, font: str) -> str:
    """Run properties for right-to-left text: the script's font, bold and italic for complex
    script too (Word draws Arabic with ``bCs``/``iCs``, not ``b``/``i``), and ``rtl``."""
    inner = re.sub(r'<w:spacing w:val="-?\d+"/>', "", inner)  # letter spacing breaks the joined script
    inner = inner.replace("<w:b/>", "<w:b/><w:bCs/>") if "<w:bCs" not in inner else inner
    inner = inner.replace("<w:i/>", "<w:i/><w:iCs/>") if "<w:iCs" not in inner else inner
    if "<w:rFonts" in inner:
        inner = _set_cs_font(inner, font)
    else:  # rFonts comes first, after an rStyle
        style = re.match(r"<w:rStyle [^>]*/>", inner)
        at = style.end() if style else 0
        inner = inner[:at] + f'<w:rFonts w:cs="{font}"/>' + inner[at:]
    # rtl comes after the formatting elements and before cs, em, lang, eastAsianLayout...
    anchor = re.search(r"<w:(?:cs|em|lang|eastAsianLayout|specVanish|oMath)[ />]", inner)
    at = anchor.start() if anchor else len(inner)
    return inner[:at] + "<w:rtl/>" + inner[at:]


#: In right-to-left text the spaces inside a phone number take the paragraph's direction, so
#: "020 7946 0000" would show as "0000 7946 020" (the Unicode bidi algorithm treats digits as
#: right to left for the neutrals between them). A left-to-right mark before the number
#: makes every group of it left to right (rule W7), so it reads as it is dialled; its spaces
#: become no-break spaces, so that a line never ends in the middle of the number.
LEFT_TO_RIGHT_MARK = "\u200e"
_SPACED_NUMBER = re.compile(r"(?<![\w\u200e+])\+?\d+(?:[ \u00a0]+\d+)+(?!\w)")  # not a postcode's "1 4"
_TEXT = re.compile(r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)")


def _left_to_right(match: re.Match[str]) -> str:
    return LEFT_TO_RIGHT_MARK + match.group(0).replace(" ", "\u00a0")


def keep_numbers_left_to_right(xml: str) -> str:
    """A rendered part of a right-to-left document with each spaced number marked left to right."""
    return _TEXT.sub(lambda m: m.group(1) + _SPACED_NUMBER.sub(_left_to_right, m.group(2)) + m.group(3), xml)


#: A value from the case file written in a left-to-right script (a sentence an officer wrote, a
#: place "Kitchen of Flat 3 (repair visit)") inside right-to-left text: its first and last
#: characters, when punctuation, would take the paragraph's direction, so the full stop shows
#: on the left and a closing bracket mirrored. A left-to-right isolate (U+2066 ... U+2069)
#: keeps the value's punctuation with it without changing the text around it.
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_RIGHT_TO_LEFT_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def isolate_left_to_right(value: object) -> object:
    """Jinja ``finalize`` for right-to-left templates: a left-to-right value that starts or ends
    with punctuation is isolated; anything else (markup, dates, names, numbers) is unchanged."""
    if type(value) is not str or not value or not _LATIN_LETTER.search(value) or _RIGHT_TO_LEFT_LETTER.search(value):
        return value
    if value[0].isalnum() and value[-1].isalnum():
        return value
    return "\u2066" + value + "\u2069"
