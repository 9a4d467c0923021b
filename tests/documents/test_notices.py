"""Consent withdrawn (to the person and to each organisation) and the letter to a contractor's
firm (policy 11.2), issue 14: made only when the log allows, and saying only what each reader needs."""

from __future__ import annotations

import io
import warnings
from datetime import date

import pytest
from docx import Document

from toolkit.casefile.loader import load_case, resolve_case
from toolkit.casefile.model import Case
from toolkit.documents.generate import PlannedLetter, planned_letters, reader_of, render_request
from toolkit.documents.base import Request
from toolkit.errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def case(reference: str) -> Case:
    return load_case(resolve_case(reference))


def render(c: Case, kind: str, on: date, party: str | None, **options: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = render_request(Request(c, kind, on, party, None, options)).data
    body = Document(io.BytesIO(data)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p"))


def test_withdrawal_is_confirmed_to_the_person_with_what_still_stands():
    body = render(case("KHA-2026-0001"), "consent-withdrawn", date(2026, 4, 2), "V1")
    assert "on 2 April 2026 you told us that you no longer agree" in body
    assert "Stop Hate UK" in body
    still = body.split("still stands")[0].rsplit("\n", 1)[-1]
    assert "Metropolitan Police Service" in still and "Victim Support" in still and "Stop Hate UK" not in still
    assert "she did not want any more calls" not in body  # the file's comment is not a reader's text


def test_withdrawal_notice_to_the_organisation_says_only_what_it_needs():
    c = case("KHA-2026-0001")
    request = Request(c, "consent-withdrawn", date(2026, 4, 2), "V1", None, {"agency": "Stop Hate UK"})
    assert reader_of(request) is None  # read by the organisation: English
    body = render(c, "consent-withdrawn", date(2026, 4, 2), "V1", agency="Stop Hate UK")
    assert "Agnieszka Wiśniewska has withdrawn the consent" in body and "on 2 April 2026" in body
    assert "Dear colleague," in body
    for private in ("Larkspur", "Denton", "graffiti", "Metropolitan Police Service", "BR6 9QT"):
        assert private not in body  # nothing about the case, the other consents or her address


def test_no_withdrawal_no_letter():
    with pytest.raises(InputError, match="has not withdrawn any consent by 2026-04-01"):
        render(case("KHA-2026-0001"), "consent-withdrawn", date(2026, 4, 1), "V1")
    with pytest.raises(InputError, match="has not withdrawn any consent naming Victim Support"):
        render(case("KHA-2026-0001"), "consent-withdrawn", date(2026, 11, 1), "V1", agency="Victim Support")


def test_letters_confirm_each_withdrawal_and_notify_each_organisation():
    planned = planned_letters(case("KHA-2026-0001"))
    assert PlannedLetter("consent-withdrawn", "V1", None, date(2026, 4, 2)) in planned
    assert PlannedLetter("consent-withdrawn", "V1", None, date(2026, 4, 2), (("agency", "Stop Hate UK"),)) in planned


def test_contractor_letter_goes_to_the_firm_with_the_measure_and_the_date():
    c = case("KHA-2026-0005")
    body = render(c, "contractor-letter", date(2026, 9, 25), "C2")
    assert "Dear Ms Brightwell," in body
    assert "Mr Lee Fenwick" in body and "clause 11.2" in body and "item 12" in body
    assert "must not attend any Keniston property" in body  # the outcome logged for the firm
    assert "Contracts manager instructed" not in body  # its notes
    assert "What we expect you to do, by 9 October 2026" in body  # the action's due
    assert "no longer using your firm" in body
    assert "Chaudhry" not in body and "Rukhsana" not in body  # the tenant is not named to the firm
    assert "you don't need that thing on indoors" not in body  # the internal account stays internal
    assert PlannedLetter("contractor-letter", "C2", None, date(2026, 9, 25)) in planned_letters(c)


def test_contractor_letter_is_not_written_to_the_operative():
    with pytest.raises(InputError, match="goes to the firm, not to its operative"):
        render(case("KHA-2026-0005"), "contractor-letter", date(2026, 9, 25), "C1")
