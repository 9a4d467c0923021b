"""Which characters can go into a document, and how to name the ones that cannot.

A .docx is XML 1.0, which has no place for most control characters: a vertical tab or a
NUL in a name makes a file that Word, LibreOffice and python-docx refuse to open, and a
form feed silently splits a numbered paragraph. So every text value read from an input
(a case file, a recipients list) is checked here before anything is made from it, and
the first character that cannot be printed is named to the officer by its code point
and its usual name ("U+000B (vertical tab)").

Refused: C0 controls other than tab and newline (carriage return too: YAML and CSV
already turn line ends into newlines, so one left in a value came from an escape or a
stray byte), DEL and the C1 controls, the non-characters (U+FDD0..U+FDEF and every code
point ending in FFFE or FFFF), and lone surrogates (which cannot be written as UTF-8).
"""

from __future__ import annotations

import re

# The C0 controls' names, as a person meets them (tab and newline are allowed).
_C0_NAMES = (
    "null", "start of heading", "start of text", "end of text", "end of transmission", "enquiry",
    "acknowledge", "bell", "backspace", "tab", "newline", "vertical tab", "form feed",
    "carriage return", "shift out", "shift in", "data link escape", "device control 1",
    "device control 2", "device control 3", "device control 4", "negative acknowledge",
    "synchronous idle", "end of transmission block", "cancel", "end of medium", "substitute",
    "escape", "file separator", "group separator", "record separator", "unit separator",
)
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff"
    + "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(1, 17))
    + "]"
)


def describe(char: str) -> str:
    """``'\\x0b'`` -> ``U+000B (vertical tab)``."""
    code = ord(char)
    if code < 0x20:
        name = _C0_NAMES[code]
    elif code == 0x7F:
        name = "delete"
    elif code <= 0x9F:
        name = "a C1 control character"
    elif 0xD800 <= code <= 0xDFFF:
        name = "half of a surrogate pair, alone"
    else:
        name = "a Unicode non-character"
    return f"U+{code:04X} ({name})"


def first_unprintable(text: str) -> tuple[int, str] | None:
    """The index and description of the first character that cannot go into a document."""
    found = _UNPRINTABLE.search(text)
    return (found.start(), describe(found.group())) if found else None


def refusal(description: str, what: str = "value") -> str:
    """The message for a ``what`` (value, key, cell) holding ``description``."""
    return f"this {what} contains {description}, a character that cannot be printed in a document: delete it or replace it with a space"
