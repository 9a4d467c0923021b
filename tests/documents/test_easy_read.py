"""Easy Read (format: easy_read): one idea a line, a picture beside each, large type, a low reading level."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from helpers import CASES, a_case_with_every_action
from readability import check_easy_read, flesch_kincaid_grade, ideas_of, sizes, syllables
from toolkit.casefile.loader import load_case
from toolkit.documents.generate import generate
from toolkit.errors import CasedocsWarning
from toolkit.merge.recipients import Recipient
from toolkit.merge.letter import render_recipient
from toolkit.merge.run import merge
from toolkit.templates.engine import compiled
from toolkit.templates.registry import Registry

ON = date(2026, 11, 30)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_the_syllable_counter_on_known_words() -> None:
    counted = {w: syllables(w) for w in ("harassment", "police", "organisation", "the", "home", "called", "people", "happen", "safer")}
    assert counted == {"harassment": 3, "police": 2, "organisation": 5, "the": 1, "home": 1, "called": 1, "people": 2, "happen": 2, "safer": 2}
    # the standard letter's text scores as the adult text it is
    assert flesch_kincaid_grade(["Harassment and hate crime are never acceptable, and we take every report seriously."]) > 8


def easy_reader_letter(kind: str, tmp_path: Path) -> Document:
    case = load_case(CASES / "KHA-2026-0003.yaml")
    case.party("V1").format = "easy_read"
    with pytest.warns(CasedocsWarning, match="Easy Read version of the .* not yet been checked with readers"):
        (docx,) = generate(kind, case, party="V1", on=ON, out=tmp_path)
    return Document(str(docx))


@pytest.mark.parametrize("kind", ["acknowledgement", "consent-form", "update-letter"])
def test_case_documents_in_easy_read(kind: str, tmp_path: Path) -> None:
    document = easy_reader_letter(kind, tmp_path)
    check_easy_read(document)
    text = "\n".join(t for _, t in ideas_of(document))
    if kind == "acknowledgement":
        assert "Priya Sharma will help you." in text and "Call the police on 999." in text
        assert "You told us on 7 September 2026." in text
    elif kind == "update-letter":  # nothing done since the update of 24 November: said so, and when we will be in touch
        assert "We last gave you news on 24 November 2026." in text and "We have nothing new to tell you since then." in text
        assert "You will hear from Priya Sharma again by 14 December 2026." in text
    else:  # the same consent, in easy words: optional, withdrawable, one box per organisation
        assert "Saying no is fine." in text and "You can change your mind at any time." in text
        assert "Metropolitan Police Service" in "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        assert "6 years" in text


def test_policy_notice_in_easy_read_through_the_merge(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "name,address_line_1,postcode,language,format\n"
        "Sam Price,2 Elm Road,BR1 1AA,en,easy_read\n"
        "Ola Nowak,3 Elm Road,BR1 1AB,pl,easy_read\n"
        "Ann Lee,4 Elm Road,BR1 1AD,en,standard\n"
    )
    result = merge("policy-notice", rows, out=tmp_path / "out", on=ON, jobs=1, keep_paths=True)
    easy, polish, standard = (Document(str(p)) for p in result.documents)
    check_easy_read(easy)
    check_easy_read(polish)  # no Polish notice: English Easy Read, not English standard print
    assert not ideas_of(standard)
    assert result.easy_read == 0 and result.fell_back["pl"] == 1
    assert any("Easy Read version, not yet checked with readers" in n for n in result.notes())


def test_large_print_easy_read_is_at_least_16_point() -> None:
    template = Registry().select_for_reader("policy-notice", ON, "en", wants_easy_read=True).template
    recipient = Recipient(name="Sam Price", address_line_1="2 Elm Road", postcode="BR1 1AA", format="large_print")
    data = render_recipient("policy-notice", recipient, template, ON)
    document = Document(io.BytesIO(data))
    assert min(sizes(document)) >= 32
    assert compiled(template).template.language == "en-x-easyread"


def test_a_kind_without_easy_read_says_so_and_makes_the_standard_one(tmp_path: Path) -> None:
    case = load_case(CASES / "KHA-2026-0003.yaml")
    case.party("P1").format = "easy_read"
    with pytest.warns(CasedocsWarning, match="asked for easy read: there is no easy read version of the warning-letter"):
        (docx,) = generate("warning-letter", case, party="P1", stage="first", on=ON, out=tmp_path)
    assert not ideas_of(Document(str(docx)))


def test_update_letter_in_easy_read_words_every_step_with_its_picture(tmp_path: Path) -> None:
    """Each action the reader is told about, in Easy Read words chosen by the template from
    the step's type, beside a picture; the officer's own words for her as written."""
    case, kinds = a_case_with_every_action()
    case.party("V1").format = "easy_read"
    with pytest.warns(CasedocsWarning, match="Easy Read version of the update-letter .* not yet been checked with readers"):
        (docx,) = generate("update-letter", case, party="V1", on=ON, out=tmp_path)
    document = Document(str(docx))
    check_easy_read(document)  # the reading level of the whole letter, every step included
    steps = [t for _, t in ideas_of(document) if t.startswith(("25 November 2026\n", "26 November 2026\n"))]
    assert len(steps) == len(kinds) + 1
    said = [t.split("\n", 1)[1] for t in steps]
    assert "We asked a court to order the other person to stop." in said
    assert "We asked Victim Support to help you. You said yes to this." in said
    assert "You and your neighbour met at the community centre." in said
    assert not any("person concerned" in s or "Youth Offending" in s for s in said)  # no standard wording, nothing not hers
    assert len(set(said)) == len(said)
    pictures = {d.split(": ", 1)[1] for d in document.element.xpath(".//wp:docPr/@descr")}
    assert {"court", "lock", "interpreter", "support"} <= pictures
