"""The consent to share information form (policy 8.5, 8.6; ICO guidance under the UK GDPR
and the Data Protection Act 2018): named organisations with their own unticked boxes,
purposes, special category data, withdrawal, retention, the record, large print."""

from __future__ import annotations

import io
import re
import subprocess
import warnings
import zipfile
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from toolkit.association import KENISTON
from toolkit.cli.main import main
from toolkit.documents.base import Request
from toolkit.errors import InputError
from toolkit.documents.generate import render_request
from toolkit.casefile.loader import load_case, resolve_case

BOX = "☐"


def case(reference: str):
    return load_case(resolve_case(reference))


def render(c, party: str, on: date, options: dict | None = None) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return render_request(Request(c, "consent-form", on, party, None, options or {})).data


def text(data: bytes) -> str:
    body = Document(io.BytesIO(data)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


def rows(data: bytes) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for table in Document(io.BytesIO(data)).tables for row in table.rows]


def box_rows(data: bytes) -> list[str]:
    """The label of every row whose first cell is nothing but an empty box."""
    return [row[1] for row in rows(data) if row[0] == BOX]


def agency_rows(data: bytes) -> list[str]:
    """The organisations' boxes: the first table of boxes (the second is special category data)."""
    for table in Document(io.BytesIO(data)).tables:
        labels = [row.cells[1].text for row in table.rows if row.cells[0].text == BOX]
        if labels:
            return labels
    return []


def test_every_agency_has_its_own_unticked_box():
    data = render(case("KHA-2026-0002"), "V1", date(2026, 11, 25))
    agencies = ["Metropolitan Police Service", "Age UK Bromley & Greenwich", "Royal National Institute of Blind People"]
    assert agency_rows(data) == agencies
    for name in agencies:  # one row each, not a list in one row
        assert sum(1 for row in rows(data) if name in " ".join(row)) == 1
    assert "☑" not in text(data) and "☒" not in text(data)
    assert re.search(rb'w14:checked w14:val="1"|<w:checked/>', zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")) is None


def test_withdrawn_agency_is_not_asked_again_but_was_on_the_day():
    c = case("KHA-2026-0001")
    today = agency_rows(render(c, "V1", date(2026, 11, 25)))
    assert today == ["Metropolitan Police Service", "Victim Support", "London Borough of Bromley Community Safety Team"]
    assert agency_rows(render(c, "V1", date(2026, 3, 3)))[-1] == "Stop Hate UK"


def test_agency_option_names_just_that_one():
    data = render(case("KHA-2026-0001"), "V1", date(2026, 11, 25), {"agency": "Galop"})
    assert agency_rows(data) == ["Galop"]


def test_party_without_consents_gets_the_case_agencies():
    # W1 has no consent or referral of their own: the organisations the case proposes
    labels = agency_rows(render(case("KHA-2026-0002"), "W1", date(2026, 11, 25)))
    assert labels == ["Metropolitan Police Service", "Age UK Bromley & Greenwich", "Royal National Institute of Blind People", "Bromley Youth Service"]


def test_no_agency_anywhere_is_refused():
    c = case("KHA-2026-0002")
    c.consents.clear()
    c.actions.clear()
    with pytest.raises(InputError, match="must name every organisation"):
        render(c, "V1", date(2026, 11, 25))


def test_purposes_shared_data_and_special_categories():
    c = case("KHA-2026-0002")
    data = render(c, "V1", date(2026, 11, 25))
    body = text(data)
    for purpose in c.consents[0].purposes:
        assert purpose in body
    assert "What has happened: the dates, places and details of the incidents" in body
    assert "special category data" in body and "explicit consent" in body
    # motivation disability -> health only; each with its own box
    assert [label for label in box_rows(data) if label.startswith("my ")] == ["my health, including any disability and any injury"]
    race = render(case("KHA-2026-0001"), "V1", date(2026, 3, 3))
    assert "my racial or ethnic origin, including my nationality" in box_rows(race)


def test_optional_withdrawable_and_how():
    body = text(render(case("KHA-2026-0005"), "V1", date(2026, 11, 25)))
    assert "Giving consent is optional." in body
    assert "You can withdraw your consent at any time" in body
    for contact in ("020 7946 0327", KENISTON.harassment_line, KENISTON.email, KENISTON.address_line):
        assert contact in body


def test_law_retention_and_section_115():
    body = text(render(case("KHA-2026-0005"), "V1", date(2026, 11, 25)))
    assert "UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018" in body
    assert "Data Protection Act 1998" not in body
    assert re.findall(r"\b1998\b", body) == ["1998"]  # only the Crime and Disorder Act
    assert "Section 115 of the Crime and Disorder Act 1998 gives us a power, not a duty" in body
    assert "That power does not override data protection law" in body
    assert "for 6 years after the case is closed" in body
    assert "Information Commissioner's Office" in body


def test_record_of_language_and_interpreter_on_the_day_consent_was_given():
    data = render(case("KHA-2026-0001"), "V1", date(2026, 3, 3))  # English: the pl form came later
    record = {row[0]: row[1] for row in rows(data) if len(row) == 2}
    assert record["Language used"] == "Polish"
    assert record["Interpreter"] == "Katarzyna Nowak"
    assert record["How consent was given"] == "Through an interpreter"
    assert record["Date consent was given"] == "3 March 2026"
    blank = {row[0]: row[1] for row in rows(render(case("KHA-2026-0005"), "V1", date(2026, 11, 25))) if len(row) == 2}
    assert blank["Date consent was given"] == ""
    assert blank["How consent was given"].count(BOX) == 3


def test_minor_is_countersigned_by_a_guardian():
    data = render(case("KHA-2026-0002"), "P1", date(2026, 5, 5))  # on a basis other than consent: an ABC requirement
    signers = [(r[0], r[1]) for r in rows(data) if len(r) == 4 and r[0] not in ("Signed by", "Completed with")]
    assert ("The person", "Tyler Brennan") in signers
    assert ("Parent or guardian", "Siobhán O'Brien") in signers
    assert "Because Tyler Brennan is under 18, a parent or guardian signs this form too." in text(data)


def test_cli_and_make_style_invocation(tmp_path, capsys):
    assert main(["generate", "consent-form", "KHA-2026-0005", "--party", "V1", "--date", "2026-11-25", "--out", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip().endswith("KHA-2026-0005-consent-form-V1-2026-11-25.docx")
    assert main(["generate", "consent-form", "KHA-2026-0005", "--out", str(tmp_path)]) == 1
    assert "add --party ID" in capsys.readouterr().err


@pytest.mark.libreoffice
def test_large_print_consent_form_through_libreoffice(tmp_path):
    from toolkit.pdf.convert import ConverterPool

    c = case("KHA-2026-0002")
    assert c.party("V1").format == "large_print"  # Mr Pennington asked for large print
    docx = tmp_path / "consent-lp.docx"
    docx.write_bytes(render(c, "V1", date(2026, 11, 25)))
    sizes = [int(s) for part in ("word/styles.xml", "word/document.xml")
             for s in re.findall(rb'<w:sz w:val="(\d+)"', zipfile.ZipFile(docx).read(part))]
    assert min(sizes) >= 32
    with ConverterPool(jobs=1) as pool:
        (pdf,) = pool.convert_many([docx], tmp_path)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")], check=True)
    reader = PdfReader(pdf)
    flat = " ".join("\n".join(p.extract_text() for p in reader.pages).split())
    for expected in ("Consent to share your information", "Royal National Institute of Blind People",
                     "Data Protection Act 2018", "Harold Pennington", "Record of consent"):
        assert expected in flat
    assert len(list(tmp_path.glob("page-*.png"))) == len(reader.pages) >= 4


def test_a_perpetrators_form_is_worded_for_them_not_as_for_a_victim() -> None:
    c = case("KHA-2026-0002")
    next(k for k in c.consents if k.party == "P1").basis = "consent"  # a support referral they are free to refuse
    perpetrator = text(render(c, "P1", date(2026, 5, 1)))
    victim = text(render(c, "V1", date(2026, 5, 1)))
    assert "so that they can offer you support to change the behaviour that has been reported" in perpetrator
    assert "so that they can support you and so that together we can deal with the harassment" not in perpetrator
    assert "so that they can support you and so that together we can deal with the harassment" in victim
