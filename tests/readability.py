"""Easy Read checks the tests share: the reading level (Flesch-Kincaid grade with our own
syllable counter, no downloaded data) and the layout (one idea a row, a picture beside each,
large type, alt text)."""

from __future__ import annotations

import re

from docx import Document



def syllables(word: str) -> int:
    """English syllables by vowel groups, less a silent final e/es/ed (no dictionary needed)."""
    word = word.lower().strip("'’")
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", word)))


def flesch_kincaid_grade(sentences: list[str]) -> float:
    """0.39 (words/sentence) + 11.8 (syllables/word) - 15.59, over words made of letters
    (phone numbers, emails and web addresses are read out, not read as words)."""
    words = [w for s in sentences for w in re.findall(r"[A-Za-z'’]+(?:-[A-Za-z]+)*", re.sub(r"\S*[@\d]\S*|\S+\.(?:uk|org|com)\S*", " ", s))]
    count = sum(len(re.findall(r".+?(?:[.!?](?=\s|$)|$)", s.strip())) or 1 for s in sentences if s.strip())
    return 0.39 * len(words) / count + 11.8 * sum(syllables(w) for w in words) / len(words) - 15.59


def ideas_of(document: Document) -> list[tuple[bool, str]]:
    """(has a picture, text) for every row of the ideas tables (those with pictures)."""
    rows = []
    for table in document.tables:
        if not table._tbl.xpath(".//w:drawing"):
            continue
        for row in table.rows:
            left, right = row.cells[0], row.cells[-1]
            rows.append((bool(left._tc.xpath(".//w:drawing")), right.text.strip()))
    return rows


def sizes(document: Document) -> list[int]:
    """Every explicit and default font size (half-points) in the body and the styles used there."""
    body = [int(v) for v in re.findall(r'<w:sz w:val="(\d+)"', document.element.xml)]
    normal = document.styles["Normal"].font.size.pt * 2
    return [*body, int(normal)]


def check_easy_read(document: Document) -> None:
    ideas = ideas_of(document)
    assert len(ideas) >= 8 and all(picture and text for picture, text in ideas), ideas
    for _, text in ideas:  # one idea a line: at most two short sentences
        sentences = re.findall(r".+?[.!?](?=\s|$)", text) or [text]  # a full stop inside an address is not an end
        assert len(sentences) <= 2 and all(len(s.split()) <= 16 for s in sentences), text
    assert min(sizes(document)) >= 28  # 14 pt and more
    descriptions = document.element.xpath(".//wp:docPr/@descr")
    assert descriptions and all(d.startswith("Picture: ") for d in descriptions)  # alt text for screen readers
    grade = flesch_kincaid_grade([t for _, t in ideas])
    assert grade <= 5, grade
