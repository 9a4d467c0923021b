"""What each reader is told (toolkit.documents.disclosure), checked on the documents made.

Letters to an alleged perpetrator name nobody who has not agreed and quote only engaged
clauses; "hate" only for the police's five strands; referrals carry no third party's name
or contact details; the rules are written here from domain.md, not from the module.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document

from helpers import CASES
from toolkit.casefile.loader import load_case
from toolkit.casefile.model import Case, Party
from toolkit.documents.disclosure import as_defendant, hate_strands, neutral_allegation
from toolkit.documents.generate import letter_date, letters_for, render_request
from toolkit.documents.base import Request

pytestmark = pytest.mark.filterwarnings("ignore::toolkit.errors.CasedocsWarning")
EXAMPLES = ["KHA-2025-0003", "KHA-2026-0001", "KHA-2026-0002", "KHA-2026-0003", "KHA-2026-0004", "KHA-2026-0005"]


def words(case: Case, kind: str, on: date, party: str | None, stage: str | None = None, **options: str) -> str:
    data = render_request(Request(case, kind, on, party, stage, dict(options))).data
    document = Document(io.BytesIO(data))
    cells = [p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def identifiers(party: Party) -> list[str]:
    """What would name a person: full name, "Title Surname", a distinctive surname."""
    found = [party.name]
    if party.title:
        found.append(f"{party.title} {party.surname}")
    if len(party.surname) > 3:
        found.append(party.surname)
    return found


def warning_letters() -> list[tuple[str, str, str, date]]:
    made = []
    for reference in EXAMPLES:
        case = load_case(CASES / f"{reference}.yaml")
        for kind, party, stage in letters_for(case):
            if kind == "warning-letter":
                made.append((reference, party, stage or "", letter_date(case, kind, party, stage) or date(2026, 11, 30)))
    return made


@pytest.mark.parametrize("reference, party, stage, on", warning_letters())
def test_a_letter_to_a_perpetrator_names_only_who_agreed_and_quotes_only_engaged_clauses(reference: str, party: str, stage: str, on: date) -> None:
    case = load_case(CASES / f"{reference}.yaml")
    text = words(case, "warning-letter", on, party, stage)
    letter = text.split("Dear ", 1)[1]
    for other in case.parties:
        if other.role in ("perpetrator", "agency_contact", "parent_guardian") or (other.may_be_named and not other.anonymous):
            continue
        for name in identifiers(other):
            assert name not in letter, f"{name} ({other.id}) is named in the {stage} letter of {reference}"
    known = [i for i in case.incidents if (i.reported or i.occurred).date() <= on and party in i.perpetrators]
    engaged = {c for i in known for c in i.clauses}
    tenancy = case.party(party).tenancy or next((g.tenancy for g in case.guardians_of(party) if g.tenancy), None)
    for clause in tenancy.clauses if tenancy else []:
        assert (f"Clause {clause.number}:" in letter) == (clause.number in engaged)
    for incident in known:
        assert incident.description not in letter


def test_each_document_records_the_reader_it_was_shaped_for() -> None:
    case = load_case(CASES / "KHA-2026-0003.yaml")
    on = date(2026, 11, 24)
    shaped = {
        ("warning-letter", "P1", "final", ()): "perpetrator",
        ("referral", "V1", None, (("agency", "Galop"),)): "agency",
        ("witness-statement", None, None, ()): "court",
        ("witness-statement", None, None, (("for_respondent", "yes"),)): "perpetrator",
        ("acknowledgement", "V1", None, ()): "subject",
    }
    for (kind, party, stage, options), reader in shaped.items():
        assert render_request(Request(case, kind, on, party, stage, dict(options))).record["reader"] == reader


def test_hate_only_for_the_five_strands() -> None:
    assert hate_strands(["sex", "age", "race", "gender_reassignment", "religion_belief"]) == ["race", "religion", "transgender identity"]
    sex = load_case(CASES / "KHA-2026-0004.yaml")
    assert sex.motivation == ["sex"]
    assert "hate" not in words(sex, "warning-letter", date(2026, 8, 5), "P1", "first").lower()
    orientation = load_case(CASES / "KHA-2026-0003.yaml")
    assert "hate incident" in words(orientation, "warning-letter", date(2026, 9, 23), "P1", "first")


def test_without_an_allegation_a_neutral_sentence_from_date_place_and_category() -> None:
    case = load_case(CASES / "KHA-2026-0003.yaml")
    incident = next(i for i in case.incidents if i.id == "I3").model_copy(update={"allegation": None})
    assert neutral_allegation(incident) == (
        "It is reported that on 9 October 2026 at about 18:30, at Kestrel Park Road, from the bus stop to the entrance of "
        "Birchfield Close, you behaved in a threatening way towards another person. It has been reported as motivated "
        "by hostility related to sexual orientation."
    )
    changed = case.model_copy(update={"incidents": [incident if i.id == "I3" else i for i in case.incidents]})
    letter = words(changed, "warning-letter", date(2026, 10, 13), "P1", "final")
    assert "you behaved in a threatening way towards another person" in letter and "Mr Morgan from the bus stop" not in letter


def test_the_statement_says_an_allegation_of_the_defendant_and_leaves_quoted_words_alone() -> None:
    assert as_defendant('It is reported that you said "you will pay" to your neighbour.') == (
        'the Defendant said "you will pay" to the Defendant\'s neighbour.'
    )


def referrals() -> list[tuple[str, str, str, date]]:
    made = []
    for reference in EXAMPLES:
        case = load_case(CASES / f"{reference}.yaml")
        for action in case.actions:
            done = action.done
            if action.type == "referral" and action.party and action.agency and done and case.consent_for(action.party, action.agency, done.date()):
                made.append((reference, action.party, action.agency, done.date()))
    return made


@pytest.mark.parametrize("reference, party, agency, on", referrals())
def test_a_referral_gives_no_third_partys_name_or_contact_details(reference: str, party: str, agency: str, on: date) -> None:
    case = load_case(CASES / f"{reference}.yaml")
    text = words(case, "referral", on, party, agency=agency)
    referred = case.party(party)
    needed = {referred.id, *(referred.guardians if referred.is_minor_on(on) else [])}
    own = {*identifiers(referred), referred.phone, referred.email}  # joint tenants share a surname and a phone
    for other in case.parties:
        if other.id in needed or other.role == "agency_contact":
            continue
        details = [*identifiers(other), *(d for d in (other.phone, other.email) if d)]
        if other.address and other.address[0] not in referred.address:
            details.append(other.address[0])
        for detail in (d for d in details if d not in own):
            assert detail not in text, f"{detail} ({other.id}) is in the referral of {party} to {agency}"
