"""Notices that close a loop with someone outside the case's own parties: the written
confirmation of a withdrawn consent (to the person, and to each organisation concerned),
and the letter to a contractor's firm about its operative (policy 11.2).

Decisions the issue left open (documented in the README):

- ``consent-withdrawn`` without ``--agency`` confirms to the person every consent they
  withdrew on the latest withdrawal date up to the letter's date, and says which
  organisations they still consent to; with ``--agency NAME`` it is the notice to that
  organisation: the person's name (so that it can find its records), the date, what the
  organisation should stop doing. It says nothing else about the case (data minimisation).
- ``contractor-letter`` goes to the firm's contact (a ``contractor`` party who is not an
  alleged perpetrator), puts what its operative is reported to have done in the words put to
  an alleged perpetrator, states the measure Keniston requires from the ``outcome`` of the
  latest action logged for the firm, and the date a written report is due: that action's
  ``due``, else 10 working days after the letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from toolkit.casefile.model import Case, Consent, Incident, Party
from toolkit.documents import disclosure
from toolkit.documents.abc_letters import Reported
from toolkit.deadlines.clocks import add_working_days
from toolkit.documents.agreements import agency_addressee
from toolkit.documents.base import Addressee, Request, addressee
from toolkit.errors import InputError

CONTRACTOR_REPORT_DAYS = 10  # working days for the firm's written report (item 12 practice)


@dataclass(frozen=True)
class Withdrawal:
    """What the person withdrew on one day: the organisations and the purposes they had agreed."""

    day: date
    agencies: list[str]
    purposes: list[str]


def _withdrawn(case: Case, party: Party, on: date, agency: str | None) -> list[Consent]:
    wanted = agency.strip().casefold() if agency else None
    found = [
        c for c in case.consents
        if c.party == party.id and c.withdrawn is not None and c.withdrawn <= on
        and (wanted is None or any(a.casefold() == wanted for a in c.agencies))
    ]
    if not found:
        what = f"consent naming {agency}" if agency else "consent"
        raise InputError(
            f"{party.name} ({party.id}) has not withdrawn any {what} by {on.isoformat()}: record the date in "
            f"'withdrawn' of their consent in 'consents' before confirming it"
        )
    latest = max(c.withdrawn for c in found if c.withdrawn)
    return [c for c in found if c.withdrawn == latest]


def consent_withdrawn_context(request: Request) -> dict[str, Any]:
    case: Case = request.case
    if request.party is None:
        raise InputError("a consent-withdrawn letter is about one person: add --party ID (the person who withdrew consent)")
    party: Party = request.party
    on: date = request.document_date
    agency = (request.options.get("agency") or "").strip() or None
    consents = _withdrawn(case, party, on, agency)
    named = [a for c in consents for a in c.agencies]
    if agency:
        named = [a for a in named if a.casefold() == agency.casefold()][:1]
    withdrawal = Withdrawal(consents[0].withdrawn or on, list(dict.fromkeys(named)), list(dict.fromkeys(p for c in consents for p in c.purposes)))
    still = sorted({a for c in case.consents if c.party == party.id for a in c.agencies if c.covers(a, on)})
    return {
        "party": party,
        "to_agency": agency is not None,
        "recipient": agency_addressee(case, withdrawal.agencies[0]) if agency else addressee(case, party),
        "withdrawal": withdrawal,
        "still_shared": [] if agency else still,
    }


def firm_contact(case: Case) -> str | None:
    """The default reader of a contractor letter: a contractor party who is not accused."""
    accused = {p.id for p in case.perpetrators}
    return next((p.id for p in case.parties_with_role("contractor") if p.id not in accused), None)


def contractor_letter_context(request: Request) -> dict[str, Any]:
    case: Case = request.case
    on: date = request.document_date
    firm = request.party
    accused = {p.id for p in case.perpetrators}
    if firm is None or firm.id in accused:
        raise InputError(
            f"a contractor letter goes to the firm, not to its operative: add --party ID of a contractor party who is "
            f"the firm's contact (the contractors in {case.reference} are "
            f"{', '.join(p.id for p in case.parties_with_role('contractor')) or 'none'})"
        )
    operatives = [p for p in case.parties_with_role("contractor") if p.id in accused]
    if not operatives:
        raise InputError(f"no contractor is named as a perpetrator of an incident in {case.reference}: a contractor letter is about an operative's behaviour (policy 11.2)")
    incidents = sorted((i for o in operatives for i in case.incidents_by(o.id) if i.occurred_day <= on), key=lambda i: i.occurred_day)
    logged = [a for a in case.actions if a.party == firm.id and a.done and a.done.date() <= on]
    latest = max(logged, key=lambda a: a.done or datetime.min, default=None)
    due = latest.due.date() if latest and latest.due and latest.due.date() > on else add_working_days(on, CONTRACTOR_REPORT_DAYS)
    return {
        "party": firm,
        "recipient": addressee(case, firm),
        "operatives": operatives,
        "reports": [Reported(i.occurred_day, _put_to_firm(case, i, operatives)) for i in incidents],
        "measure": latest.outcome or "" if latest else "",
        "report_by": due,
    }


def _put_to_firm(case: Case, incident: Incident, operatives: list[Party]) -> str:
    """What the firm is told: the allegation, else a neutral sentence about "your operative"
    at a place that names no one (never the internal description)."""
    if incident.allegation:
        return incident.allegation
    accused = next(o for o in operatives if o.id in incident.perpetrators)
    placed = incident.model_copy(update={"location": disclosure.place_for_perpetrator(case, incident, accused.id)})
    return disclosure.neutral_allegation(placed, subject="your operative")


CONSENT_WITHDRAWN_TYPES: dict[str, Any] = {
    "party": Party, "recipient": Addressee, "to_agency": bool, "withdrawal": Withdrawal, "still_shared": list[str],
}
CONTRACTOR_LETTER_TYPES: dict[str, Any] = {
    "party": Party, "recipient": Addressee, "operatives": list[Party], "reports": list[Reported], "measure": str, "report_by": date,
}
