"""Braille: a document as a ready-to-emboss ``.brf`` (policy 12.1, ``format: braille``).

Translation is liblouis's (Debian ``liblouis-bin``), through its ``lou_translate`` command
rather than the ``louis`` Python binding: Debian ships the binding (``python3-louis``) for the
system interpreter only, so the project's virtualenv cannot import it, and loading
``liblouis.so`` through ctypes would tie us to its C ABI. One process per document costs a
few milliseconds and needs only the command and its tables.

English is Unified English Braille grade 2 (``en-ueb-g2.ctb``, the UK's code since 2016).
Another language uses the literary, six-dot table liblouis declares for it (the ``#+language``
metadata in each table, as ``lou_findTable`` reads it), contracted where one exists; a
language without one raises :class:`BrailleUnavailable`, saying so.

Layout (UKAAF's and BANA's usual form for embossed letters): 40 cells by 25 lines; text on
lines 1-24, the braille page number right-aligned on line 25; paragraphs start at cell 3 and
run over at cell 1; headings centred after a blank line; words longer than a line are
divided with a hyphen. The file is North American Braille ASCII (``en-us-brf.dis``), lines
ending CR LF and pages separated by a form feed, which embossers and braille displays read.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from toolkit.errors import ToolError
from toolkit.templates.language import base_language

CELLS = 40
LINES = 25
DISPLAY_TABLE = "en-us-brf.dis"  # dots -> North American Braille ASCII, the .brf convention
PREFERRED = {"en": "en-ueb-g2.ctb"}  # UEB grade 2, not the American EBAE tables also tagged "en"
TABLE_DIRS = ("/usr/share/liblouis/tables", "/usr/local/share/liblouis/tables")
INSTALL_HINT = "install liblouis (`sudo apt-get install liblouis-bin`, or `make setup` as root)"
#: Symbols the letters use that liblouis's literary tables do not know, in words.
SYMBOLS = {"☐": "[ ]", "☑": "[x]", "·": "-", "–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"'}


class BrailleUnavailable(Exception):
    """No braille table for a language: the run says why, and makes the print version only."""


@dataclass(frozen=True)
class Block:
    """A paragraph of the document as braille lays it out: a ``paragraph`` (first line
    indented), a ``heading`` (centred) or a ``line`` (an address or table line, from cell 1)."""

    text: str
    style: str = "paragraph"


def document_blocks(docx: bytes) -> list[Block]:
    """The document's text in reading order: the letterhead, then the body (tables row by row).

    The footer is left out: it holds the print page numbers, and braille has its own.
    """
    document = Document(io.BytesIO(docx))
    blocks: list[Block] = []
    header = document.sections[0].header
    for item in [*header.iter_inner_content(), *document.iter_inner_content()]:
        if isinstance(item, Paragraph):
            blocks += _paragraph_blocks(item)
        elif isinstance(item, Table):
            for row in item.rows:
                for cell in {id(c._tc): c for c in row.cells}.values():  # a merged cell once
                    for paragraph in cell.paragraphs:
                        blocks += _paragraph_blocks(paragraph, "line")
    return blocks


def _paragraph_blocks(paragraph: Paragraph, style: str = "paragraph") -> list[Block]:
    name = paragraph.style.name if paragraph.style is not None else ""
    if name.startswith(("Heading", "Title")):
        style = "heading"
    parts = [part.strip() for part in paragraph.text.split("\n") if part.strip()]
    if len(parts) > 1 and style == "paragraph":  # lines broken by hand (an address): one a line
        style = "line"
    return [Block(part, style) for part in parts]


def tables_dir() -> Path:
    for candidate in (os.environ.get("LOUIS_TABLEPATH", "").split(",")[0], *TABLE_DIRS):
        if candidate and Path(candidate, PREFERRED["en"]).is_file():
            return Path(candidate)
    raise ToolError(f"liblouis's braille tables were not found: {INSTALL_HINT}")


def table_for(language: str) -> str:
    """The liblouis table for a language: UEB grade 2 for English, else the most contracted
    literary six-dot table whose metadata names the language (``ur`` -> ``ur-pk-g2.ctb``)."""
    base = base_language(language)
    folder = tables_dir()
    if base in PREFERRED:
        return PREFERRED[base]
    best: tuple[int, str] | None = None
    for path in sorted(folder.iterdir()):
        meta = _metadata(path)
        if meta.get("language", "").lower() != base or meta.get("type") != "literary" or meta.get("dots") == "8":
            continue
        if meta.get("direction") == "backward":
            continue
        grade = int(meta["grade"]) if meta.get("grade", "").isdigit() else 1
        if best is None or grade > best[0]:
            best = (grade, path.name)
    if best is None:
        raise BrailleUnavailable(f"liblouis has no literary braille table for '{language}'")
    return best[1]


def _metadata(path: Path) -> dict[str, str]:
    meta: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if not line.startswith("#"):
                    if line.strip():
                        break
                    continue
                found = re.match(r"#\+(\w+)\s*:\s*(\S+)", line)
                if found:
                    meta.setdefault(found.group(1).lower(), found.group(2).strip())
    except OSError:
        pass
    return meta


def translate(texts: list[str], table: str, *, backward: bool = False) -> list[str]:
    """Each text (one line each) to braille ASCII with liblouis, or back to print."""
    command = shutil.which("lou_translate")
    if command is None:
        raise ToolError(f"lou_translate (liblouis) was not found: {INSTALL_HINT}")
    lines = [_plain(t) for t in texts]
    result = subprocess.run(
        [command, "--backward" if backward else "--forward", f"{DISPLAY_TABLE},{table}"],
        input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "LOUIS_TABLEPATH": str(tables_dir())},
    )
    out = result.stdout.split("\n")[: len(lines)]
    if result.returncode != 0 or len(out) != len(lines):
        raise ToolError(f"liblouis could not translate with {table}: {result.stderr.strip() or f'exit status {result.returncode}'}")
    return out


def _plain(text: str) -> str:
    for symbol, words in SYMBOLS.items():
        text = text.replace(symbol, words)
    return " ".join(text.split())


def page_number(number: int) -> str:
    """A braille page number in braille ASCII: the numeric indicator and letters a-j."""
    return "#" + "".join("JABCDEFGHI"[int(d)] for d in str(number))


def wrap(braille: str, *, first_indent: int = 0, width: int = CELLS) -> list[str]:
    """Lines of at most ``width`` cells, broken at spaces; a longer word is divided with a hyphen."""
    lines: list[str] = []
    line = " " * first_indent
    for word in braille.split(" "):
        if not word:
            continue
        while len(word) > width:  # a web address, a long reference: divide it
            room = width - len(line) - (1 if line.strip() else 0) - 1
            if room < 4:
                lines.append(line.rstrip())
                line, room = "", width - 1
            lines.append((line + (" " if line.strip() else "") + word[:room] + "-").rstrip())
            line, word = "", word[room:]
        candidate = f"{line} {word}" if line.strip() else line + word
        if len(candidate) <= width:
            line = candidate
        else:
            lines.append(line.rstrip())
            line = word
    if line.strip():
        lines.append(line.rstrip())
    return lines


def paginate(blocks: list[tuple[Block, str]], *, width: int = CELLS, height: int = LINES) -> str:
    """Pages of ``height`` lines: ``height - 1`` of text and the page number on the last."""
    body = height - 1
    pages: list[list[str]] = [[]]

    def add(lines: list[str], keep: int = 1) -> None:
        # a heading is kept with the first line of what follows (``keep`` lines together)
        if len(pages[-1]) + min(keep, len(lines)) > body:
            pages.append([])
        for line in lines:
            if len(pages[-1]) >= body:
                pages.append([])
            if line or pages[-1]:  # no blank line at the top of a page
                pages[-1].append(line)

    for block, braille in blocks:
        if block.style == "heading":
            lines = [line.center(width).rstrip() for line in wrap(braille, width=width)]
            if pages[-1]:
                lines = ["", *lines]
            add(lines, keep=len(lines) + 1)
        else:
            add(wrap(braille, first_indent=2 if block.style == "paragraph" else 0, width=width))
    out = []
    for number, page in enumerate(pages, start=1):
        lines = page + [""] * (body - len(page)) + [page_number(number).rjust(width)]
        out.append("\r\n".join(lines) + "\r\n")
    return "\f".join(out)


def to_brf(docx: bytes, language: str) -> bytes:
    """The document as a .brf in the braille of ``language`` (ASCII bytes)."""
    table = table_for(language)
    blocks = document_blocks(docx)
    braille = translate([b.text for b in blocks], table)
    return paginate(list(zip(blocks, braille))).encode("ascii", errors="replace")


def from_brf(brf: bytes, language: str) -> str:
    """Back-translation of a .brf to print, line by line, for checking: page numbers dropped."""
    lines = []
    for page in brf.decode("ascii").split("\f"):
        rows = page.split("\r\n")
        lines += [r.strip() for r in rows[: LINES - 1] if r.strip()]
    return " ".join(translate(lines, table_for(language), backward=True))
