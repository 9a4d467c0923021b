"""Fixing a rendered part's structure where Jinja's text output cannot: table grids, drawing ids.

A column loop (``{%tc for %}``), a cell removed (``{#tc #}``) or merged (``{% hm %}``,
``{% vm %}``, ``{% colspan %}``) changes how many cells a row has, but the table's
``<w:tblGrid>`` still lists the template's columns: Word shrugs, LibreOffice drops the
extra cells' text in a fixed-width table. docxtpl fixes the grid after rendering
(:meth:`DocxTemplate.fix_tables`: new columns share the table's width, surplus columns
give theirs back); casedocs uses that same method, on the parts that need it only (a
letter without such tags is not parsed again). A picture repeated by a loop repeats its
``wp:docPr`` id, which Word reports as unreadable content: duplicates are renumbered.
"""

from __future__ import annotations

import re

from docxtpl import DocxTemplate
from lxml import etree

_helper = DocxTemplate.__new__(DocxTemplate)  # fix_tables uses no instance state
_GRID_CHANGING = re.compile(r"\{%-?\s*(?:tc\s|hm\s*-?%\}|vm\s*-?%\}|colspan\s)|\{#\s*tc\s")
_DOC_PR = re.compile(r'(<wp:docPr\b[^>]*?\bid=")(\d+)(")')


def changes_grid(raw_xml: str) -> bool:
    """Whether a template part has tags that change a table's number of cells (checked once, at
    compile, on the text: Word may split a tag across runs)."""
    return bool(re.search(r"<w:tbl[ >]", raw_xml)) and bool(_GRID_CHANGING.search(re.sub(r"<[^>]+>", "", raw_xml)))


def fix_grids(xml: str) -> str:
    """Each table's grid made to fit its widest row, as docxtpl does after rendering."""
    declaration = re.match(r"<\?xml[^>]*\?>\s*", xml)
    tree = _helper.fix_tables(xml[declaration.end():] if declaration else xml)
    body = etree.tostring(tree, encoding="unicode")
    return (declaration.group(0) if declaration else "") + body


def unique_drawing_ids(xml: str, start: int) -> str:
    """Renumber repeated ``wp:docPr`` ids (from ``start`` up); a part without repeats is unchanged."""
    ids = _DOC_PR.findall(xml)
    if len(ids) == len({i[1] for i in ids}):
        return xml
    seen: set[str] = set()
    counter = iter(range(start, start + len(ids) + 1))

    def renumber(match: re.Match[str]) -> str:
        if match.group(2) not in seen:
            seen.add(match.group(2))
            return match.group(0)
        return f"{match.group(1)}{next(counter)}{match.group(3)}"

    return _DOC_PR.sub(renumber, xml)
