"""Letters to a victim while the case runs and when it ends: the update and the closure letter.

Policy 8.10 promises regular contact "to update them with actions"; 10.3 asks for victims'
comments on the service. Both letters are made from the case log as it stood on the
letter's date and say only what the victim may read:

- an action's ``notes`` are internal and never printed; where the log records an
  ``outcome`` for an action *about the victim* (their own referral, the news given in a
  ``victim_update``), that is printed, since it is written for them;
- what was done about the alleged perpetrator is told in general words ("we gave the
  person concerned a written warning"), never with another party's ``outcome``, which is
  written for that party;
- actions that are about someone else and have no general wording (``other`` actions
  about a contractor's firm, a perpetrator's own referral) are left out.

Decisions the issue left open (documented in the README): an update letter covers the
actions done after the previous contact with the victim (``initial_contact`` or
``victim_update``) and up to the letter's own contact (or the end of its date); the
closure letter's outcome is the ``outcome`` of the last ``case_review`` on or before the
closing date, and its survey asks the two questions ``feedback`` records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from toolkit.casefile.model import Action, Case, Incident, Party
from toolkit.deadlines.clocks import CONTACT_INTERVAL, CONTACT_TYPES, add_working_days
from toolkit.documents.base import Addressee, Request, addressee, guardian_addressee
from toolkit.errors import InputError

SURVEY_REPLY_DAYS = 28  # four weeks to send the survey back

# How an action is told to the victim when it is not about them (or has no outcome).
# An action type missing here, with no outcome for the victim, is not told.
ABOUT_THE_CASE = {
    "incident_form": "We recorded your report on our incident form.",
    "graffiti_removal": "We removed the graffiti.",
    "emergency_repair": "We carried out an emergency repair to make your home secure.",
    "verbal_warning": "We gave the person concerned a verbal warning and confirmed it in writing.",
    "warning_letter": "We sent the person concerned a written warning.",
    "final_warning": "We sent the person concerned a final written warning.",
    "abc": "The person concerned signed an Acceptable Behaviour Contract, which sets out what they must and must not do.",
    "abc_review": "We reviewed the Acceptable Behaviour Contract with the person concerned.",
    "injunction_application": "We applied to the court for an injunction against the person concerned.",
    "notice_seeking_possession": "We served a notice seeking possession on the person concerned.",
    "case_review": "We reviewed your case.",
}
ABOUT_THE_VICTIM = {
    "security_works": "We fitted extra security to your home.",
    "interpreter_booked": "We booked an interpreter for you.",
    "mediation": "We arranged mediation.",
    "referral": "We referred you to {agency}, as you agreed.",
}


@dataclass(frozen=True)
class Step:
    """One thing done, as the victim is told it."""

    day: date
    text: str


def victim_text(action: Action, party: Party, case: Case) -> str | None:
    """The sentence a victim reads about ``action``; ``None`` when it is not theirs to read."""
    own = action.party == party.id
    if own and action.outcome:
        return action.outcome
    if own and action.type in ABOUT_THE_VICTIM:
        if action.type == "referral" and not action.agency:
            return None
        return ABOUT_THE_VICTIM[action.type].format(agency=action.agency or "")
    if action.type in ABOUT_THE_CASE and (action.party is None or action.party == party.id or action.party in {p.id for p in case.perpetrators}):
        return ABOUT_THE_CASE[action.type]
    return None


def steps_between(case: Case, party: Party, after: datetime | None, until: datetime) -> list[Step]:
    """What was done for ``party`` after ``after`` (exclusive) up to ``until`` (inclusive),
    contacts with them excepted, oldest first; the same sentence twice on one day once."""
    steps: list[Step] = []
    for action in sorted((a for a in case.actions if a.done), key=lambda a: a.done or until):
        assert action.done is not None
        if action.type in CONTACT_TYPES or action.done > until or (after is not None and action.done <= after):
            continue
        text = victim_text(action, party, case)
        step = Step(action.done.date(), text) if text else None
        if step and step not in steps:
            steps.append(step)
    return steps


def contacts_with(case: Case, party: Party) -> list[Action]:
    """Done contacts with the victim (first contact and updates), oldest first."""
    done = [a for a in case.actions if a.type in CONTACT_TYPES and a.party == party.id and a.done]
    return sorted(done, key=lambda a: a.done or datetime.min)


def _victim(request: Request, what: str) -> Party:
    case: Case = request.case
    if request.party is None:
        ids = ", ".join(p.id for p in case.victims) or "none"
        raise InputError(f"{what} is written to one victim: add --party ID (the victims are {ids})")
    return request.party


def _recipient(case: Case, party: Party, on: date) -> Addressee:
    return guardian_addressee(case, party) if party.is_minor_on(on) and party.guardians else addressee(case, party)


def update_letter_context(request: Request) -> dict[str, Any]:
    case: Case = request.case
    party = _victim(request, "an update letter")
    on: date = request.document_date
    end_of_day = datetime.combine(on, time.max)
    contacts = [a for a in contacts_with(case, party) if a.done and a.done <= end_of_day]
    this = next((a for a in reversed(contacts) if a.type == "victim_update" and a.done and a.done.date() == on), None)
    until = this.done if this and this.done else end_of_day
    earlier = [a for a in contacts if a is not this and a.done and a.done < until]
    previous = earlier[-1].done if earlier else None
    incidents = [
        i for i in case.incidents
        if party.id in i.victims and (i.reported or datetime.combine(i.occurred_day, time())) <= until
        and (previous is None or (i.reported or datetime.combine(i.occurred_day, time())) > previous)
    ]
    still_open = case.closed is None or case.closed > on
    return {
        "party": party,
        "recipient": _recipient(case, party, on),
        "minor": party.is_minor_on(on),
        "previous_contact": previous.date() if previous else None,
        "steps": steps_between(case, party, previous, until),
        "new_incidents": sorted(incidents, key=lambda i: i.occurred_day),
        "news": this.outcome if this and this.outcome else "",
        "still_open": still_open,
        "next_contact": add_working_days(on, CONTACT_INTERVAL),
    }


def closure_letter_context(request: Request) -> dict[str, Any]:
    case: Case = request.case
    party = _victim(request, "a closure letter")
    on: date = request.document_date
    if case.closed is None or case.closed > on:
        raise InputError(
            f"{case.reference} is not closed on {on.isoformat()}: a closure letter is written when the case closes "
            f"(set 'status: closed', 'closed' and 'closure_reason', and date the letter on or after the closing date)"
        )
    end = datetime.combine(on, time.max)
    reviews = [a for a in case.actions if a.type == "case_review" and a.done and a.done.date() <= case.closed and a.outcome]
    outcome = max(reviews, key=lambda a: a.done or end).outcome if reviews else ""
    support = sorted({a for c in case.consents if c.party == party.id and c.given <= on for a in c.agencies if c.covers(a, on)})
    return {
        "party": party,
        "recipient": _recipient(case, party, on),
        "minor": party.is_minor_on(on),
        "closed": case.closed,
        "outcome": outcome or "",
        "steps": steps_between(case, party, None, end),
        "support": support,
        "reply_by": on + timedelta(days=SURVEY_REPLY_DAYS),
    }


def sole_victim(case: Case) -> str | None:
    return case.victims[0].id if len(case.victims) == 1 else None


UPDATE_LETTER_TYPES: dict[str, Any] = {
    "party": Party, "recipient": Addressee, "minor": bool, "previous_contact": date | None, "steps": list[Step],
    "new_incidents": list[Incident], "news": str, "still_open": bool, "next_contact": date,
}
CLOSURE_LETTER_TYPES: dict[str, Any] = {
    "party": Party, "recipient": Addressee, "minor": bool, "closed": date, "outcome": str, "steps": list[Step],
    "support": list[str], "reply_by": date,
}
