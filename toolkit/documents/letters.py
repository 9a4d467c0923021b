"""Letters about the case: the acknowledgement to a victim and the warning letters to a perpetrator."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from toolkit.casefile.model import Case, Incident, Party, Tenancy
from toolkit.documents.base import Addressee, Request, addressee, guardian_addressee, require_party
from toolkit.documents import disclosure
from toolkit.errors import InputError

STAGES = ("verbal", "first", "final")
REPLY_DAYS = {"verbal": 14, "first": 14, "final": 7}
STAGE_ACTIONS = {"verbal": "verbal_warning", "first": "warning_letter", "final": "final_warning"}


def logged_outcome(case: Case, action_type: str, party_id: str, on: date) -> str:
    """The ``outcome`` of the latest ``action_type`` action for the party done by ``on``: the
    measure a letter announces, in words for its reader (never the action's notes)."""
    done = [a for a in case.actions if a.type == action_type and a.done and a.done.date() <= on and a.party in (party_id, None)]
    latest = max(done, key=lambda a: a.done or datetime.min, default=None)
    return latest.outcome or "" if latest else ""


def acknowledgement_context(request: Request) -> dict[str, Any]:
    party = require_party(request)
    received = request.case.received
    return {
        "party": party,
        "recipient": addressee(request.case, party),
        "within_24_hours": request.document_date <= (received + timedelta(hours=24)).date(),
        "incidents": [i for i in request.case.incidents if party.id in i.victims] or list(request.case.incidents),
    }


def warning_letter_context(request: Request) -> dict[str, Any]:
    party = require_party(request)
    case, stage = request.case, request.stage
    if stage not in STAGES:
        raise InputError(f"a warning letter needs --stage {', '.join(STAGES[:-1])} or {STAGES[-1]}")
    # read by the alleged perpetrator's household: allegations, not the case log
    incidents = disclosure.for_perpetrator(case, case.incidents_by(party.id), party, request.document_date)
    if not incidents:
        raise InputError(
            f"{party.name} ({party.id}) is not named as a perpetrator of any incident in {case.reference} "
            f"up to {request.document_date.isoformat()}: a warning letter must cite specific incidents"
        )
    minor = party.is_minor_on(request.document_date)
    guardians = case.guardians_of(party.id) if minor else []
    return {
        "case": disclosure.perpetrator_case(case),
        "party": party,
        "tenancy": disclosure.engaged_tenancy(party.tenancy or next((g.tenancy for g in guardians if g.tenancy), None), incidents),
        "stage": stage,
        "minor": minor,
        "guardians": guardians,
        "recipient": guardian_addressee(case, party) if minor else addressee(case, party),
        "incidents": incidents,
        "towards_staff": all(case.party(v).role == "staff_member" for i in incidents for v in i.victims) and any(i.victims for i in incidents),
        "measure": logged_outcome(case, STAGE_ACTIONS[stage], party.id, request.document_date),
        "reply_days": REPLY_DAYS[stage],
        "reply_by": request.document_date + timedelta(days=REPLY_DAYS[stage]),
    }


ACKNOWLEDGEMENT_TYPES: dict[str, Any] = {
    "party": Party, "recipient": Addressee, "within_24_hours": bool, "incidents": list[Incident],
}
WARNING_LETTER_TYPES: dict[str, Any] = {
    "party": Party, "tenancy": Tenancy | None, "stage": str, "minor": bool, "guardians": list[Party], "recipient": Addressee,
    "incidents": list[Incident], "towards_staff": bool, "measure": str, "reply_days": int, "reply_by": date,
}
