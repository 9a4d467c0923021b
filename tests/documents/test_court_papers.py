"""The claim form, the anonymity application, the certificate of service, the notice to the
police, and the youth court rule (domain.md, "Injunction application and bundle").

Documents are rendered from the example injunction case (KHA-2026-0003) and read back with
python-docx, as the court, the respondent or the police would read them.
"""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from helpers import ANONYMOUS, ROOT, all_text, texts
from toolkit.casefile.loader import load_case
from toolkit.documents.generate import render_request
from toolkit.documents.base import Request
from toolkit.errors import InputError

CASE = ROOT / "case_files" / "KHA-2026-0003.yaml"
ON = date(2026, 11, 24)
LEGAL_AID = (
    "the respondent is entitled to a reasonable opportunity to obtain legal representation and to apply "
    "for legal aid, which may be available without any means test"
)


@pytest.fixture(scope="module")
def case():
    return load_case(CASE)


def render(case, kind: str, **options: str) -> bytes:
    return render_request(Request(case, kind, ON, options=dict(options))).data


def joined(data: bytes) -> str:
    return "\n".join(texts(data))


def with_injunction(case, **changes):
    return case.model_copy(update={"injunction": case.injunction.model_copy(update=changes)})


def youth_case(case, **changes):
    """The example case with the respondent 16 on the application date, in the youth court."""
    respondent = case.party("P1").model_copy(update={"date_of_birth": date(2010, 3, 1)})
    parties = [respondent if p.id == "P1" else p for p in case.parties]
    injunction = case.injunction.model_copy(update={"court": "Youth Court at Bromley", **changes})
    return case.model_copy(update={"parties": parties, "injunction": injunction})


# -- claim form --------------------------------------------------------------------------
def test_claim_form_has_the_r65_43_2_d_statement_in_full_and_the_part_8_matters(case) -> None:
    text = joined(render(case, "claim-form"))
    assert "CLAIM FORM (N16A): PARTICULARS OF CLAIM" in text
    assert text.count(LEGAL_AID) >= 2  # the notice box and the numbered statement
    assert "Part 8 of the Civil Procedure Rules applies to this claim" in text
    assert "section 1 of the Anti-social Behaviour, Crime and Policing Act 2014 (rule 8.2(c))" in text
    # the terms applied for (r.65.43(3)(b)), every one, in the case's words
    for term in case.injunction.terms:
        assert term in text
    # grounds, without notice and why, power of arrest and why, the evidence filed with it
    assert "section 1(2)" in text and "section 1(3)" in text and "section 2(1)(a)" in text
    assert "made without notice to the Defendant under section 6 of the Act" in text
    assert "attach a power of arrest to the prohibitions numbered 1 to 4 in the draft order" in text
    assert "the 1st witness statement of Priya Sharma, with exhibits PS1–PS9, filed with this claim form (CPR 65.43(2)(c))" in text
    assert "14 November 2026, Birchfield Close, outside number 7: threatening behaviour." in text


def test_claim_form_on_notice_says_nothing_of_s6(case) -> None:
    text = joined(render(with_injunction(case, without_notice=False, power_of_arrest=False, arrest_terms=None), "claim-form"))
    assert "without notice" not in text and "power of arrest" not in text
    assert LEGAL_AID in text


# -- anonymity application ---------------------------------------------------------------
def test_anonymity_application_has_a_sealed_schedule_only_in_the_courts_copy(case) -> None:
    court = render(case, "anonymity-application")
    text = joined(court)
    assert "CPR 39.2(4)" in text and "Witness A" in text
    schedule = text.split("SEALED SCHEDULE: FOR THE JUDGE ONLY", 1)[1]
    assert "Mrs Patricia Nwosu" in schedule and "9 Birchfield Close" in schedule and "PS4, PS6" in schedule
    # the schedule starts on a page of its own
    body = Document(io.BytesIO(court)).element.body.xml
    assert 'w:type="page"' in body.split("SEALED SCHEDULE")[0].rsplit("<w:p>", 3)[-1] or 'w:type="page"' in body.split("SEALED SCHEDULE")[0][-3000:]
    served = render(case, "anonymity-application", for_respondent="yes")
    assert "SEALED SCHEDULE" not in all_text(served)
    for word in ANONYMOUS:
        assert word not in all_text(served)
    assert "The schedule of names is held by the court, sealed, and is not part of this copy." in joined(served)


def test_no_anonymity_application_without_an_anonymous_witness(case) -> None:
    parties = [p.model_copy(update={"anonymous": False}) for p in case.parties]
    with pytest.raises(InputError, match="no anonymous witness"):
        render(case.model_copy(update={"parties": parties}), "anonymity-application")


# -- certificate of service and the police -----------------------------------------------
def test_certificate_of_service_is_n215_content_for_personal_service(case) -> None:
    text = joined(render(case, "certificate-of-service"))
    assert "CERTIFICATE OF SERVICE" in text and "N215" in text and "CPR 6.5(3)" in text
    assert "by handing the documents to the Defendant personally" in text
    assert "the interim injunction order dated" in text and "plan of the exclusion zone attached to it" in text
    assert "without its sealed schedule" in text
    for blank in ("Date of service", "Time of service", "Address or place where served"):
        assert blank in text
    assert "I believe that the facts stated in this certificate are true." in text


def test_police_notice_quotes_only_the_power_of_arrest_paragraphs(case) -> None:
    text = joined(render(case, "police-notice"))
    assert "To: the officer in charge of the police station for the area where the Defendant lives (postcode BR5 1QP)" in text
    assert "Copy to: DC Sam Okonjo" in text
    assert "The court attached a power of arrest to paragraphs 1 to 4 of the order." in text
    terms = case.injunction.terms
    for n in (0, 1, 2, 4):
        assert terms[n] in text
    assert terms[3] not in text and terms[5] not in text  # no power of arrest on these
    assert "section 9(1)" in text and "within 24 hours" in text


def test_no_police_notice_without_a_power_of_arrest(case) -> None:
    with pytest.raises(InputError, match="no power of arrest"):
        render(with_injunction(case, power_of_arrest=False, arrest_terms=None), "police-notice")


# -- the statement's number --------------------------------------------------------------
def test_a_second_statement_is_the_2nd(case) -> None:
    data = render(with_injunction(case, statement_number=2), "witness-statement")
    text = texts(data)
    assert text[0].splitlines()[2] == "2nd statement"
    assert "2ND WITNESS STATEMENT OF PRIYA SHARMA" in text
    assert "the 2nd witness statement of Priya Sharma" in joined(render(with_injunction(case, statement_number=2), "claim-form"))


def test_exhibit_marks_are_bold(case) -> None:
    doc = Document(io.BytesIO(render(case, "witness-statement")))
    bold = {r.text for p in doc.paragraphs for r in p.runs if r.bold}
    assert {f"PS{n}" for n in range(1, 10)} <= bold
    # the words around a mark are not bold
    paragraph = next(p for p in doc.paragraphs if "marked PS3" in p.text)
    assert not any(r.bold and "marked" in r.text for r in paragraph.runs)


# -- the youth court ---------------------------------------------------------------------
def test_youth_court_papers_say_so(case) -> None:
    young = youth_case(case, without_notice=False, duration="6 months")
    order = joined(render(young, "draft-order"))
    assert "IN THE YOUTH COURT AT BROMLEY" in order
    assert "in the youth court" in order
    assert "Applicant" in order and "supervision order" in order
    # no team or day recorded: blanks for the officer to fill in (the recorded ones: test_youth_court_papers.py)
    assert "consulted the local youth offending team (........................................) about the application on .............................., before making it (section 14(1)(a) of the Act)" in order
    claim = joined(render(young, "claim-form"))
    assert "made to the youth court (section 1(8)(a) of the Act)" in claim and "N16A" not in claim
    statement = joined(render(young, "witness-statement"))
    assert "in the youth court" in statement and "section 1(6)" in statement


def test_youth_court_without_notice_consults_the_team_before_the_return_date(case) -> None:
    order = joined(render(youth_case(case, duration="6 months"), "draft-order"))
    assert "Before the return date the Applicant must consult the local youth offending team about the application, and inform any other body or person it thinks appropriate (section 14(2) of the Act)." in order


def test_validate_reports_the_youth_court_rule_at_its_lines(tmp_path: Path) -> None:
    from toolkit.casefile.loader import load_all

    shutil.copytree(ROOT / "case_files" / "evidence" / "KHA-2026-0003", tmp_path / "evidence" / "KHA-2026-0003")
    lines = CASE.read_text(encoding="utf-8").splitlines()
    text = "\n".join(lines).replace("date_of_birth: 1993-08-27", "date_of_birth: 2009-06-01").replace(
        "    date_of_birth: 2009-06-01", "    date_of_birth: 2009-06-01\n    guardians: [V2]", 1,
    ).replace("  duration: 12 months", "  duration: 18 months")
    path = tmp_path / "KHA-2026-0003.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_all([path])
    messages = str(caught.value).splitlines()
    written = path.read_text(encoding="utf-8").splitlines()
    court_line = next(n for n, line in enumerate(written, 1) if line.startswith("  court: County Court"))
    duration_line = next(n for n, line in enumerate(written, 1) if line.startswith("  duration: 18 months"))
    court = next(m for m in messages if "youth court" in m)
    duration = next(m for m in messages if "12 months" in m)
    assert court.startswith(f"{path}:{court_line}:10: ") and "s.1(8)" in court and "17 on the application date (2026-11-24)" in court
    assert duration.startswith(f"{path}:{duration_line}:13: ") and "s.1(6)" in duration and "'18 months'" in duration


def test_an_adult_respondent_in_the_county_court_is_valid(case) -> None:
    assert case.injunction.court == "County Court at Bromley"  # loaded without error
