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

Which actions are told is decided here (:func:`victim_step`); how each is worded is the
template's: each :class:`Step` carries the action's type, a referral's agency or the
officer's own outcome, and update letter version 2 chooses its sentence from them, so its
translations and its Easy Read version word the steps in their own language. The English
sentences kept here (:data:`V1_SENTENCES`) are only version 1's (and the closure letter's
version 1), so letters issued with it still verify.

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

# Which actions a victim is told about, in every version and language (the one place this
# is decided). An action about the victim is told when it is theirs (or with their own
# ``outcome``); one about the case, or about an alleged perpetrator, in general words. An
# action type in neither, with no outcome for the victim, is not told.
ABOUT_THE_CASE = frozenset({
    "incident_form", "graffiti_removal", "emergency_repair", "verbal_warning", "warning_letter", "final_warning",
    "abc", "abc_review", "injunction_application", "notice_seeking_possession", "case_review",
})
ABOUT_THE_VICTIM = frozenset({"security_works", "interpreter_booked", "mediation", "referral"})

# Version 1's English sentences (update letter v1 and closure letter v1 print ``step.text``).
# From update letter version 2 the wording is the template's own, chosen there by
# ``step.kind``, so a translation or the Easy Read version words each step in its language.
V1_SENTENCES = {
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
    "security_works": "We fitted extra security to your home.",
    "interpreter_booked": "We booked an interpreter for you.",
    "mediation": "We arranged mediation.",
    "referral": "We referred you to {agency}, as you agreed.",
}


@dataclass(frozen=True)
class Step:
    """One thing done, as the victim is told it: the action's type (which chooses the
    template's sentence), the agency of a referral, or the officer's own ``outcome``
    written for the victim (printed as written, instead of a sentence)."""

    day: date
    kind: str
    agency: str = ""
    outcome: str = ""

    @property
    def text(self) -> str:
        """Version 1's English sentence (templates from version 2 on word ``kind`` themselves)."""
        return self.outcome or V1_SENTENCES[self.kind].format(agency=self.agency)


def victim_step(action: Action, party: Party, case: Case) -> Step | None:
    """What a victim is told about ``action``; ``None`` when it is not theirs to read."""
    assert action.done is not None
    day, own = action.done.date(), action.party == party.id
    if own and action.outcome:
        return Step(day, action.type, outcome=action.outcome)
    if own and action.type in ABOUT_THE_VICTIM:
        if action.type == "referral" and not action.agency:
            return None
        return Step(day, action.type, agency=action.agency or "")
    if action.type in ABOUT_THE_CASE and (action.party is None or own or action.party in {p.id for p in case.perpetrators}):
        return Step(day, action.type)
    return None


def steps_between(case: Case, party: Party, after: datetime | None, until: datetime) -> list[Step]:
    """What was done for ``party`` after ``after`` (exclusive) up to ``until`` (inclusive),
    contacts with them excepted, oldest first; what is told twice on one day, once."""
    steps: list[Step] = []
    for action in sorted((a for a in case.actions if a.done), key=lambda a: a.done or until):
        assert action.done is not None
        if action.type in CONTACT_TYPES or action.done > until or (after is not None and action.done <= after):
            continue
        step = victim_step(action, party, case)
        # the same words on the same day once (an outcome is compared as written)
        if step and all((s.day, s.text) != (step.day, step.text) for s in steps):
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
