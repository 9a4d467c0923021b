"""The application for an injunction against a respondent under 18: a complaint to the youth
court (2014 Act s.1(8)(a); Magistrates' Courts (Injunctions: Anti-Social Behaviour) Rules
2015, SI 2015/423, rr.2-3; s.14 youth offending team), not form N16A.

The youth-court case is a real case file on disk, made from the example injunction case
(KHA-2026-0003): the respondent is 16, his mother is his guardian, the court is a youth court
and the period 6 months. It is loaded and validated like any other case file.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from helpers import ROOT, texts
from toolkit.casefile.loader import load_case
from toolkit.documents.base import Request
from toolkit.documents.generate import render_request

REF = "KHA-2026-0003"
ON = date(2026, 11, 24)
GUARDIAN = """  - id: G1
    role: parent_guardian
    title: Mrs
    name: Carol Doyle
    address:
      - 3 Lime Grove
      - Orpington
    postcode: BR6 9AB

  - id: W1
"""
# CPR wording that has no place in a youth court complaint
CPR_ONLY = ("N16A", "CPR", "Civil Procedure Rules", "Part 8", "rule 8.2", "65.43", "statement of truth", "Claim No.", "Claimant", "Defendant")


def youth_case_file(folder: Path, extra: str = "", **injunction: str) -> Path:
    """KHA-2026-0003 with the respondent 16 on the application date, his mother as guardian,
    in the youth court for 6 months; ``injunction`` replaces or adds injunction keys."""
    cases = folder / "case_files"
    (cases / "evidence").mkdir(parents=True, exist_ok=True)
    if not (cases / "evidence" / REF).exists():
        shutil.copytree(ROOT / "case_files" / "evidence" / REF, cases / "evidence" / REF)
    text = (ROOT / "case_files" / f"{REF}.yaml").read_text(encoding="utf-8")
    text = text.replace("    date_of_birth: 1993-08-27\n", "    date_of_birth: 2010-03-01\n    guardians: [G1]\n", 1)
    text = text.replace("  - id: W1\n", GUARDIAN, 1)
    text = text.replace("  court: County Court at Bromley", "  court: Youth Court at Bromley")
    text = text.replace("  duration: 12 months", "  duration: 6 months")
    for key, value in injunction.items():
        if re.search(rf"^  {key}:", text, flags=re.M):
            text = re.sub(rf"^  {key}:.*$", f"  {key}: {value}", text, count=1, flags=re.M)
        else:
            text = text.replace("  claim_number: K00BR417\n", f"  claim_number: K00BR417\n  {key}: {value}\n", 1)
    path = cases / f"{REF}.yaml"
    path.write_text(text + extra, encoding="utf-8")
    return path


def application(path: Path, on: date = ON, **options: str) -> tuple[str, Document]:
    data = render_request(Request(load_case(path), "claim-form", on, options=dict(options))).data
    return "\n".join(texts(data)), Document(io.BytesIO(data))


def test_without_notice_the_youth_court_application_is_a_complaint_with_what_the_rules_require(tmp_path: Path) -> None:
    text, doc = application(youth_case_file(tmp_path))
    assert "IN THE YOUTH COURT AT BROMLEY" in text and "Case No. K00BR417" in text
    assert "COMPLAINT: APPLICATION FOR AN INJUNCTION" in text
    assert "made by complaint in writing under rules 2 and 3 of the Magistrates' Courts (Injunctions: Anti-Social Behaviour) Rules 2015 (SI 2015/423)" in text
    # r.3(1)(a): the respondent's name, address and date of birth
    assert "The Respondent is Mr Shane Doyle, born on 1 March 2010 (aged 16), of 14 Rowan Court, Kestrel Park Road, Petts Wood, BR5 1QP" in text
    # r.3(1)(b): a parent or guardian's name and address
    assert "The Respondent's parent or guardian (rule 3(1)(b)) is:" in text
    assert "Mrs Carol Doyle, of 3 Lime Grove, Orpington, BR6 9AB." in text
    assert "made to the youth court (section 1(8)(a) of the Act)" in text
    # s.14: without notice, the team is consulted before the first hearing on notice
    assert "section 14(1) does not require the local youth offending team to be consulted before it is made" in text
    assert "before the first hearing on notice (section 14(2))" in text
    # the terms, the evidence of the s.1 conditions (r.3(1)(c)), the interim injunction (s.7)
    for term in load_case(youth_case_file(tmp_path)).injunction.terms:
        assert term in text
    assert "for the first and second conditions under section 1 of the Act (rule 3(1)(c))" in text
    assert "an injunction under section 1 of the Act for 6 months, and, until the application is heard on notice, an interim injunction under section 7" in text
    assert "Legal aid is available for advice and representation" in text
    assert "Applicant" in text and "Respondent" in text
    for words in CPR_ONLY:
        assert words not in text, words
    assert doc.core_properties.title.startswith("Complaint: application for an injunction (youth court)")


def test_on_notice_it_states_the_youth_offending_team_was_consulted(tmp_path: Path) -> None:
    path = youth_case_file(
        tmp_path, without_notice="false", youth_offending_team="Bromley Youth Offending Service", yot_consulted="2026-11-20",
    )
    text, _doc = application(path)
    assert (
        "The consultation required by section 14(1)(a) of the Act has been undertaken: before making this application "
        "the Applicant consulted Bromley Youth Offending Service, the local youth offending team, about it on 20 November 2026."
    ) in text
    assert "without notice" not in text and "section 7" not in text


def test_a_consultation_not_recorded_or_not_yet_made_is_left_blank_to_complete(tmp_path: Path) -> None:
    blank = "the Applicant consulted the local youth offending team (........................................) about it on .............................."
    text, _doc = application(youth_case_file(tmp_path, without_notice="false"))
    assert blank in text
    later = youth_case_file(tmp_path, without_notice="false", yot_consulted="2026-11-25")  # after the document's date
    text, _doc = application(later)
    assert "25 November 2026" not in text and blank in text


def test_the_respondents_copy_of_the_youth_application_hides_the_anonymous_witness(tmp_path: Path) -> None:
    text, _doc = application(youth_case_file(tmp_path), for_respondent="yes")
    assert "COMPLAINT: APPLICATION FOR AN INJUNCTION" in text and "Mrs Carol Doyle" in text
    assert "Nwosu" not in text and "9 Birchfield Close" not in text


def test_the_county_court_claim_form_is_unchanged_by_the_youth_court_wording() -> None:
    text, doc = application(ROOT / "case_files" / f"{REF}.yaml")
    assert "CLAIM FORM (N16A): PARTICULARS OF CLAIM" in text and "Claim No. K00BR417" in text
    assert "The remedy the Claimant seeks, and its legal basis (rule 8.2(b))" in text
    assert "COMPLAINT" not in text and "SI 2015/423" not in text and "youth offending team" not in text
    assert doc.core_properties.title.startswith("Claim form (N16A): particulars")


@pytest.mark.libreoffice
def test_the_youth_court_bundle_titles_the_application_as_a_complaint(tmp_path: Path) -> None:
    from toolkit.bundle.plan import make_bundle

    out = tmp_path / "out"
    pdf, index = make_bundle(youth_case_file(tmp_path), out=out)[:2]
    entries = json.loads(index.read_text(encoding="utf-8"))
    first = entries["sections"][0]
    assert first["title"] == "Complaint"
    assert first["entries"][0]["title"] == "Complaint: application for an injunction (youth court)"
    statement = next(s for s in entries["sections"] if s["title"] == "Witness statements")["entries"][0]["title"]
    assert "for the Applicant" in statement
    reader = PdfReader(pdf)
    index_text = re.sub(r"\s+", " ", "".join(page.extract_text() or "" for page in reader.pages[:2]))
    assert "Complaint: application for an injunction (youth court)" in index_text and "Case No. K00BR417" in index_text
    assert "N16A" not in index_text
    bookmarks = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Complaint (p. 2)" in bookmarks
    tab_1 = re.sub(r"\s+", " ", reader.pages[first["entries"][0]["first_page"] - 1].extract_text() or "")
    assert "COMPLAINT: APPLICATION FOR AN INJUNCTION" in tab_1
