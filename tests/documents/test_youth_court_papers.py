"""The other papers of a youth court case (a respondent under 18, 2014 Act s.1(8)(a)): the
witness statement, the application to withhold a witness's identity and the draft order say
what the law requires in a magistrates' court, not the county court's CPR wording.

* Witness statement: a signed declaration, not the PD 22 statement of truth; a hearsay
  notice (Civil Evidence Act 1995 s.2; SI 1999/681 r.3) for what others told the officer.
* Anonymity application: no CPR 39.2(4); the power is left for the solicitor to state; the
  2014 Act s.16 (special measures) and s.17 (s.49 of the 1933 Act disapplied).
* Draft order: the complaint, "Case No.", the youth offending team consultation (s.14) from
  ``injunction.youth_offending_team`` and ``yot_consulted``.

The case file is the youth court version of KHA-2026-0003 made by
``test_youth_application.youth_case_file`` (the respondent 16, his mother as guardian).
"""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from helpers import ROOT, texts
from documents.test_youth_application import ON, REF, youth_case_file
from toolkit.casefile.loader import load_case
from toolkit.documents.base import Request
from toolkit.documents.generate import render_request

# wording of the Civil Procedure Rules with no place in a youth court paper
CPR_WORDS = ("CPR", "Practice Direction", "PD 22", "PD 32", "statement of truth", "Statement of truth", "Claim No.", "Claimant", "Defendant")
TEAM = "Bromley Youth Offending Service"


def render(path: Path, kind: str, on: date = ON, **options: str) -> tuple[str, Document]:
    data = render_request(Request(load_case(path), kind, on, options=dict(options))).data
    doc = Document(io.BytesIO(data))
    footer = "\n".join(p.text for s in doc.sections for p in s.footer.paragraphs)
    return "\n".join(texts(data)) + "\n" + footer, doc


def assert_no_cpr(text: str) -> None:
    for words in CPR_WORDS:
        assert words not in text, words


def test_the_youth_witness_statement_has_a_declaration_and_a_hearsay_notice_not_the_cpr_forms(tmp_path: Path) -> None:
    text, _doc = render(youth_case_file(tmp_path), "witness-statement")
    assert "Case No. K00BR417" in text and "Applicant" in text and "Respondent" in text
    statement, notice = text.split("HEARSAY NOTICE")
    assert "Declaration\nI believe that the facts stated in this witness statement are true." in statement
    assert "I am willing to attend the hearing to give evidence and be cross-examined on it" in statement
    assert_no_cpr(text)
    # the notice the magistrates' courts' hearsay rules require (SI 1999/681 r.3)
    assert "rule 3 of the Magistrates' Courts (Hearsay Evidence in Civil Proceedings) Rules 1999 (SI 1999/681)" in notice
    assert "This is a hearsay notice." in notice  # r.3(4)(a)
    assert "not less than 21 days before the hearing (rule 3(1))" in notice
    assert "asks the court to direct a different period under rule 3(2)" in notice  # without notice
    assert "within 7 days after this notice is served" in notice and "(rule 4)" in notice
    # every incident the officer did not see is identified, with who told the Applicant
    hearsay = [line for line in notice.splitlines() if line.startswith("(") and "told the Applicant" in line]
    assert len(hearsay) == 6
    assert hearsay[0].startswith("(1)\tThe incident of 6 September 2026") and "Mr Liam Hargreaves and Mr Rhys Morgan told the Applicant" in hearsay[0]
    assert all("not being called to give oral evidence: ....." in line for line in hearsay)


def test_the_respondents_copy_of_the_hearsay_notice_names_no_protected_witness(tmp_path: Path) -> None:
    court, _doc = render(youth_case_file(tmp_path), "witness-statement")
    theirs, _doc = render(youth_case_file(tmp_path), "witness-statement", for_respondent="yes")
    items = [[line.split(":")[0] for line in text.split("HEARSAY NOTICE")[1].splitlines() if "told the Applicant" in line] for text in (court, theirs)]
    assert items[0] == items[1] and len(items[0]) == 6  # the same statements, by incident
    assert "Nwosu" not in theirs and "9 Birchfield Close" not in theirs


def test_the_youth_anonymity_application_cites_no_cpr_and_leaves_the_power_to_the_solicitor(tmp_path: Path) -> None:
    text, _doc = render(youth_case_file(tmp_path), "anonymity-application")
    assert "Case No. K00BR417" in text
    assert "The power relied on: ....." in text and "(to be completed by the Applicant's solicitor before this application is filed)" in text
    assert "The Civil Procedure Rules, whose rule 39.2(4) gives the county court this power, do not apply in the youth court" in text
    assert "Section 16 of the Act applies the special measures for witnesses in Chapter 1 of Part 2 of the Youth Justice and Criminal Evidence Act 1999" in text
    assert "section 11 of the Contempt of Court Act 1981" in text
    assert "(section 49 of the Children and Young Persons Act 1933) does not apply to these proceedings (section 17 of the Act)" in text
    assert "SEALED SCHEDULE: FOR THE COURT ONLY" in text and "Mrs Patricia Nwosu" in text
    assert_no_cpr(text)
    theirs, _doc = render(youth_case_file(tmp_path), "anonymity-application", for_respondent="yes")
    assert "SEALED SCHEDULE" not in theirs and "Nwosu" not in theirs and "The power relied on" in theirs


def test_the_youth_draft_order_without_notice_says_the_team_is_consulted_before_the_return_date(tmp_path: Path) -> None:
    text, _doc = render(youth_case_file(tmp_path, youth_offending_team=TEAM), "draft-order")
    assert "Case No. K00BR417" in text and "AND UPON reading the complaint and" in text
    assert "section 14(1) of the Act did not require the Applicant to consult the local youth offending team before making it" in text
    assert f"Before the return date the Applicant must consult {TEAM}, the local youth offending team, about the application" in text
    assert "a detention order (Schedule 2 to the Anti-social Behaviour, Crime and Policing Act 2014)" in text
    assert "You and your parent or guardian are advised to consult a solicitor" in text
    assert "Respondent (Respondent)" not in text and "claim form" not in text and "contempt" not in text
    assert_no_cpr(text)


def test_the_youth_draft_order_on_notice_recites_the_consultation_from_the_case(tmp_path: Path) -> None:
    path = youth_case_file(tmp_path, without_notice="false", youth_offending_team=TEAM, yot_consulted="2026-11-20")
    text, _doc = render(path, "draft-order")
    assert (
        f"AND UPON the Applicant having consulted {TEAM}, the local youth offending team, about the application on "
        "20 November 2026, before making it (section 14(1)(a) of the Act)"
    ) in text
    assert "return date" not in text
    assert_no_cpr(text)
    later = youth_case_file(tmp_path, without_notice="false", yot_consulted="2026-11-25")  # after the order's date
    text, _doc = render(later, "draft-order")
    assert "25 November 2026" not in text
    assert "the local youth offending team (........................................) about the application on .............................." in text


def test_the_county_court_papers_keep_their_cpr_wording() -> None:
    path = ROOT / "case_files" / f"{REF}.yaml"
    statement, _doc = render(path, "witness-statement")
    assert "Statement of truth" in statement and "HEARSAY NOTICE" not in statement and "Claim No. K00BR417" in statement
    application, _doc = render(path, "anonymity-application")
    assert "applies for an order under CPR 39.2(4) that:" in application and "SEALED SCHEDULE: FOR THE JUDGE ONLY" in application
    assert "The power relied on" not in application
    order, _doc = render(path, "draft-order")
    assert "(CPR 65.43(2)(d))" in order and "AND UPON reading the claim form and" in order and "youth offending team" not in order


@pytest.mark.libreoffice
def test_the_youth_bundle_holds_the_youth_papers_with_no_cpr_and_the_notice_on_its_own_page(tmp_path: Path) -> None:
    from toolkit.bundle.plan import make_bundle

    pdf, index = make_bundle(youth_case_file(tmp_path, youth_offending_team=TEAM), out=tmp_path / "out")[:2]
    entries = json.loads(index.read_text(encoding="utf-8"))
    applications = next(s for s in entries["sections"] if s["title"] == "Applications")["entries"]
    assert [e["title"] for e in applications] == [
        "Application that a witness's identity not be disclosed", "Sealed schedule of names (for the court only)",
    ]
    reader = PdfReader(pdf)
    pages = [re.sub(r"[ \t]+", " ", page.extract_text() or "") for page in reader.pages]
    schedule = pages[applications[1]["first_page"] - 1]
    assert "SEALED SCHEDULE: FOR THE COURT ONLY" in schedule and "Nwosu" in schedule
    notice = [n for n, page in enumerate(pages) if "HEARSAY NOTICE" in page]
    assert len(notice) == 1 and "Declaration" not in pages[notice[0]] and "This is a hearsay notice." in pages[notice[0]]
    statement = next(s for s in entries["sections"] if s["title"] == "Witness statements")["entries"][0]
    papers = " ".join(pages[: statement["last_page"]])
    for words in ("CPR", "Practice Direction", "statement of truth", "Statement of truth", "Claim No."):
        assert words not in papers, words
    order = next(s for s in entries["sections"] if s["title"] == "Draft order")["entries"][0]
    assert f"consult {TEAM}" in re.sub(r"\s+", " ", " ".join(pages[order["first_page"] - 1: order["last_page"]]))
