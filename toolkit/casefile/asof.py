"""The case as it was known on a day: what every document dated that day is made from.

A document dated D that mentions an incident reported after D, an action done after D or
a consent given after D makes the association's records look fabricated when it is
disclosed in court. So no document builder sees the full case file: the orchestrator
and the bundle hand them :func:`as_known_on` of their date, and the property tests check
that a document made from the full file equals the one made from the file with
everything after D deleted.

What "known on D" means, key by key (a day counts in full: a referral dated 8 September
may mention an incident reported at 15:00 that day):

- an incident once it was reported (``reported``, else the day it ``occurred``);
- an action once it was ``done``; an action not yet done is a plan, not a fact, and stays;
- an evidence item from its ``date`` (undated items stay: nothing says when they came),
  with the exhibit mark it has in the full file; incidents stop pointing at evidence that
  was not there yet;
- a consent from the day it was ``given``, and its ``withdrawn`` only from that day;
- feedback from its ``date``;
- a case ``closed`` after D is open on D.

Parties, the ABC's terms and the injunction's terms are what the officer drafts for the
document itself, so they are kept as the file has them.
"""

from __future__ import annotations

from datetime import date

from toolkit.casefile.model import Case, Incident


def known_from(incident: Incident) -> date:
    """The day the association knew of an incident."""
    return incident.reported.date() if incident.reported else incident.occurred_day


def as_known_on(case: Case, day: date) -> Case:
    """``case`` as it stood at the end of ``day`` (see the module's rules)."""
    marks = case.exhibit_marks()  # a mark never changes, whatever came later
    evidence = [e.model_copy(update={"exhibit": marks[e.id]}) for e in case.evidence if e.date is None or e.date <= day]
    present = {e.id for e in evidence}
    incidents = [
        i.model_copy(update={"evidence": [e for e in i.evidence if e in present]})
        for i in case.incidents
        if known_from(i) <= day
    ]
    consents = [
        c.model_copy(update={"withdrawn": c.withdrawn if c.withdrawn is not None and c.withdrawn <= day else None})
        for c in case.consents
        if c.given <= day
    ]
    update: dict[str, object] = {
        "incidents": incidents,
        "actions": [a for a in case.actions if a.done is None or a.done.date() <= day],
        "evidence": evidence,
        "consents": consents,
        "feedback": [f for f in case.feedback if f.date <= day],
    }
    if case.closed is not None and case.closed > day:
        update |= {"status": "open", "closed": None, "closure_reason": None}
    return case.model_copy(update=update)
