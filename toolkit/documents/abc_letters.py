"""Letters about an Acceptable Behaviour Contract once it is signed: the review invitation,
the review's outcome, and a breach.

Each goes to the individual, or to the parents or guardians of one under 18 on the
letter's date (policy 9.1), and each is made from the case as it stood on its date:

- ``abc-review`` invites to the review, so it is refused once the log records the review
  as done (by then the letter owed is the outcome). The meeting is the ``abc_review``
  action's ``due`` when the officer has fixed it, else "on or around" the review date.
- ``abc-review-outcome`` exists only after a logged ``abc_review``: the contract promises
  the outcome in writing. It prints that action's ``outcome`` (written for the reader),
  never its ``notes``; a review without an ``outcome`` is refused, saying what to add.
- ``abc-breach`` cites the incidents attributed to the individual between the contract's
  start and the letter's date (or the contract's end), in the words put to an alleged
  perpetrator (:func:`toolkit.documents.disclosure.for_perpetrator`), and is refused when
  there are none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from toolkit.casefile.model import Action, Case, Party
from toolkit.documents import disclosure
from toolkit.documents.agreements import ABC_TYPES, abc_context
from toolkit.documents.base import Addressee, Request, addressee, guardian_addressee
from toolkit.errors import InputError

BREACH_REPLY_DAYS = 7  # a breach is serious: a week to get in touch, as a final warning


@dataclass(frozen=True)
class Reported:
    """One reported incident as its reader is told it: the day, and the allegation in neutral words."""

    occurred: date
    allegation: str


def _recipient(case: Case, party: Party, minor: bool) -> Addressee:
    return guardian_addressee(case, party) if minor else addressee(case, party)


def _reviews(case: Case, party: Party, on: date) -> list[Action]:
    """The ``abc_review`` actions for the individual done by the end of ``on``, oldest first."""
    done = [a for a in case.actions if a.type == "abc_review" and a.done and a.done.date() <= on and a.party in (party.id, None)]
    return sorted(done, key=lambda a: a.done or datetime.min)


def abc_review_context(request: Request) -> dict[str, Any]:
    context = abc_context(request)
    case: Case = request.case
    party: Party = context["party"]
    on: date = request.document_date
    held = _reviews(case, party, on)
    if held:
        day = held[-1].done.date() if held[-1].done else on
        raise InputError(
            f"the review of {party.name}'s Acceptable Behaviour Contract was held on {day.isoformat()}: "
            f"the invitation is written before it; make the abc-review-outcome letter instead"
        )
    planned = [a.due for a in case.actions if a.type == "abc_review" and a.due and (a.done is None or a.done.date() > on) and a.party in (party.id, None)]
    meeting = min((d for d in planned if d.date() >= on), default=None)
    context["recipient"] = _recipient(case, party, context["minor"])
    context["meeting"] = meeting
    context["review_passed"] = context["review"] < on
    return context


def abc_review_outcome_context(request: Request) -> dict[str, Any]:
    context = abc_context(request)
    case: Case = request.case
    party: Party = context["party"]
    on: date = request.document_date
    held = _reviews(case, party, on)
    if not held:
        raise InputError(
            f"no review of {party.name}'s Acceptable Behaviour Contract is logged as done by {on.isoformat()}: "
            f"the outcome letter follows an 'abc_review' action with 'done' on or before the letter's date"
        )
    review = held[-1]
    if not review.outcome:
        raise InputError(
            f"the review of {review.done.date().isoformat() if review.done else on.isoformat()} has no 'outcome': write what "
            f"{'the parents or guardians' if context['minor'] else party.name} should be told (the review's decision, "
            f"in words for them) as 'outcome' in that abc_review action; its notes are internal and are never printed"
        )
    context["recipient"] = _recipient(case, party, context["minor"])
    context["reviewed"] = review.done.date() if review.done else on
    context["outcome"] = review.outcome
    context["ended"] = context["end"] <= on
    return context


def abc_breach_context(request: Request) -> dict[str, Any]:
    context = abc_context(request)
    case: Case = request.case
    party: Party = context["party"]
    on: date = request.document_date
    start, end = context["start"], context["end"]
    incidents = [i for i in case.incidents_by(party.id) if start <= i.occurred_day <= min(on, end)]
    if not incidents:
        raise InputError(
            f"no incident attributed to {party.name} ({party.id}) happened between the contract's start on "
            f"{start.isoformat()} and {min(on, end).isoformat()}: a breach letter must cite what broke the contract"
        )
    context["recipient"] = _recipient(case, party, context["minor"])
    context["breaches"] = [Reported(i.occurred_day, i.description) for i in disclosure.for_perpetrator(case, incidents, party, on)]
    context["reply_days"] = BREACH_REPLY_DAYS
    context["reply_by"] = on + timedelta(days=BREACH_REPLY_DAYS)
    return context


ABC_REVIEW_TYPES: dict[str, Any] = {**ABC_TYPES, "recipient": Addressee, "meeting": datetime | None, "review_passed": bool}
ABC_REVIEW_OUTCOME_TYPES: dict[str, Any] = {**ABC_TYPES, "recipient": Addressee, "reviewed": date, "outcome": str, "ended": bool}
ABC_BREACH_TYPES: dict[str, Any] = {**ABC_TYPES, "recipient": Addressee, "breaches": list[Reported], "reply_days": int, "reply_by": date}
