"""Letters about an ABC after it is signed (issue 14): the invitation only before the review,
the outcome only after a logged review and from its outcome (never its notes), the breach
letter only with an incident during the contract; the final warning states its measure."""

from __future__ import annotations

import io
import warnings
from datetime import date, datetime

import pytest
from docx import Document

from toolkit.casefile.loader import load_case, resolve_case
from toolkit.casefile.model import Case, Incident
from toolkit.documents.generate import letter_date, letters_for, reader_of, render_request
from toolkit.documents.base import Request
from toolkit.errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def case(reference: str = "KHA-2026-0002") -> Case:
    return load_case(resolve_case(reference))


def render(c: Case, kind: str, on: date, party: str | None = "P1", stage: str | None = None) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = render_request(Request(c, kind, on, party, stage)).data
    body = Document(io.BytesIO(data)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p"))


def test_invitation_is_before_the_review_and_names_the_meeting_fixed_in_the_log():
    c = case()
    review = next(a for a in c.actions if a.type == "abc_review")
    review.done = None  # planned, not yet held: the officer has fixed the meeting
    body = render(c, "abc-review", date(2026, 7, 28))
    assert "The review meeting will be on 11 August 2026" in body and "16:00" in body
    assert "We will write to you after the meeting to confirm what was decided." in body


def test_invitation_is_refused_once_the_review_is_held():
    with pytest.raises(InputError, match=r"held on 2026-08-13.*abc-review-outcome"):
        render(case(), "abc-review", date(2026, 8, 13))


def test_outcome_letter_exists_only_after_a_logged_review():
    with pytest.raises(InputError, match=r"no review .* by 2026-08-12"):
        render(case(), "abc-review-outcome", date(2026, 8, 12))
    body = render(case(), "abc-review-outcome", date(2026, 8, 13))
    assert "The review took place on 13 August 2026" in body
    assert "No breaches of the contract have been reported since it was signed" in body  # the outcome
    assert "Review with Tyler, Ms O'Brien and PC Lowe" not in body  # the notes
    assert "The contract stays in force until 11 November 2026" in body
    assert "Dear Ms O'Brien," in body  # a minor's letter goes to the parent
    assert reader_of(Request(case(), "abc-review-outcome", date(2026, 8, 13), "P1")).id == "G1"


def test_outcome_letter_needs_the_reviews_outcome():
    c = case()
    next(a for a in c.actions if a.type == "abc_review").outcome = None
    with pytest.raises(InputError, match=r"has no 'outcome'.*notes are internal"):
        render(c, "abc-review-outcome", date(2026, 8, 13))


def test_letters_make_the_outcome_letter_on_the_review_day():
    assert ("abc-review-outcome", "P1", None) in letters_for(case())
    assert letter_date(case(), "abc-review-outcome", "P1", None) == date(2026, 8, 13)


def test_breach_letter_cites_incidents_during_the_contract_as_allegations():
    c = case()
    with pytest.raises(InputError, match="no incident attributed to Tyler Brennan"):
        render(c, "abc-breach", date(2026, 9, 1))
    c.incidents.append(Incident(
        id="I9", occurred=datetime(2026, 8, 28, 17, 0), category="verbal_abuse",
        description="Mr Clarke saw Tyler mimic Mr Pennington's cane at the bus stop.",
        allegation="It is reported that Tyler made fun of a neighbour's disability near the bus stop on Mallard Walk.",
        perpetrators=["P1"], victims=["V1"],
    ))
    body = render(c, "abc-breach", date(2026, 9, 1))
    assert "28 August 2026" in body and "made fun of a neighbour's disability" in body
    assert "Mr Clarke" not in body and "Pennington" not in body
    assert "by 8 September 2026" in body  # seven days to get in touch
    assert "Reported breach of Tyler Brennan's Acceptable Behaviour Contract" in body
    assert "30 April 2026" not in body  # an incident before the contract is not a breach of it


def test_final_warning_states_the_measure_from_its_outcome_not_its_notes():
    body = render(case("KHA-2026-0004"), "warning-letter", date(2026, 8, 20), "P1", "final")
    assert "What we have decided" in body
    assert "you must contact us only in writing, or by telephone to the Tenancy Services Manager" in body
    assert "Also restricts Mr Sillitoe" not in body
    first = render(case("KHA-2026-0004"), "warning-letter", date(2026, 8, 6), "P1", "first")
    assert "What we have decided" not in first  # the first warning imposed no measure
