"""Braille (format: braille): a .brf beside the .docx, UEB grade 2 through liblouis, 40 x 25, page numbers."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from helpers import CASES
from toolkit.casefile.loader import load_case
from toolkit.documents.generate import generate
from toolkit.errors import CasedocsWarning
from toolkit.formats import braille
from toolkit.formats.braille import Block, from_brf, paginate, table_for, translate, wrap


def words(text: str) -> str:
    return " ".join(re.sub(r"[^\w@.\-]+", " ", text.lower()).split())


def test_acknowledgement_in_braille_back_translates_to_the_letter(tmp_path: Path) -> None:
    docx, brf = generate("acknowledgement", CASES / "KHA-2026-0003.yaml", party="C1", on=date(2026, 11, 26), out=tmp_path)
    assert brf == docx.with_suffix(".brf") and brf.is_file()
    data = brf.read_bytes()
    pages = data.decode("ascii").split("\f")
    assert len(pages) >= 3  # a two-page print letter is longer in braille
    for number, page in enumerate(pages, start=1):
        lines = page.split("\r\n")
        assert lines[-1] == "" and len(lines) == 26, (number, len(lines))  # 25 lines, each ending CR LF
        assert all(len(line) <= 40 for line in lines)
        assert lines[24].strip() == braille.page_number(number) and lines[24].endswith(braille.page_number(number))
    # contracted (grade 2): "and" is the single cell "&", "the" is "!"
    assert " & " in data.decode() and " ! " in data.decode()
    text = words(from_brf(data, "en"))
    for expected in (
        "dear mrs ellery",
        "we received your report on 7 september 2026",
        "kha-2026-0003",
        "if you are in danger, call the police on 999",
        "margaret ellery",
        "11 birchfield close",
    ):
        assert words(expected) in text, expected


def test_other_languages_use_their_own_table_or_say_why_not(tmp_path: Path) -> None:
    assert table_for("en-GB") == "en-ueb-g2.ctb"
    assert table_for("ar").startswith("ar")
    assert table_for("ur") == "ur-pk-g2.ctb"  # the contracted one, where liblouis has two
    assert table_for("pl") == "pl.tbl"
    with pytest.raises(braille.BrailleUnavailable, match="no literary braille table for 'tlh'"):
        table_for("tlh")
    # a Polish reader of braille gets Polish braille (Polish letters have their own cells)
    case = load_case(CASES / "KHA-2026-0001.yaml")
    case.party("V1").format = "braille"
    with pytest.warns(CasedocsWarning):
        docx, brf = generate("acknowledgement", case, party="V1", on=date(2026, 11, 26), out=tmp_path)
    assert "otrzymaliśmy" in from_brf(brf.read_bytes(), "pl").lower()
    assert translate(["Dear Ms Nowak"], "en-ueb-g2.ctb") == [",DE> ,MS ,N[AK"]


def test_a_language_without_a_table_gets_print_and_a_warning_saying_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tables = tmp_path / "tables"  # a liblouis with English tables only
    tables.mkdir()
    for name in ("en-ueb-g2.ctb",):
        (tables / name).symlink_to(braille.tables_dir() / name)
    monkeypatch.setenv("LOUIS_TABLEPATH", str(tables))
    case = load_case(CASES / "KHA-2026-0001.yaml")
    case.party("V1").format = "braille"
    with pytest.warns(CasedocsWarning, match="reads braille, but liblouis has no literary braille table for 'pl': only the print version"):
        written = generate("acknowledgement", case, party="V1", on=date(2026, 11, 26), out=tmp_path / "out")
    assert [p.suffix for p in written] == [".docx"]


def test_layout_wraps_at_spaces_divides_long_words_and_keeps_headings_with_text() -> None:
    assert wrap("AB CD EF", first_indent=2, width=8) == ["  AB CD", "EF"]
    assert all(len(line) <= 10 for line in wrap("X" * 25, width=10))
    assert "".join(line.rstrip("-") for line in wrap("X" * 25, width=10)) == "X" * 25
    blocks = [(Block("para"), "P" * 30)] * 23 + [(Block("Heading", "heading"), "HEAD"), (Block("after"), "BODY")]
    pages = paginate(blocks, width=40, height=25).split("\f")
    second = pages[1].split("\r\n")
    assert second[0].strip() == "HEAD" and second[1].strip() == "BODY"  # not stranded at a page's foot
    assert pages[0].split("\r\n")[24].strip() == "#A" and second[24].strip() == "#B"
