"""The case officer's witness statement in support of the injunction (CPR PD 32).

What PD 32 and the 2014 Act ask of it, and how the facts are found:

* **Own knowledge or information and belief, with the true source** (PD 32 18.2). An
  incident is the officer's own evidence only when the officer is named in it (a
  ``staff_member`` party with the officer's name as victim, witness or reporter). Otherwise
  the source is whoever gave the account: ``incidents[].reported_by`` (default: the
  incident's victims), each named once, with their part (victim, witness, police officer).
* **The behaviour, not the case log**: the chronology is the incidents; the steps the
  officer took against the behaviour (warnings, the ABC, ...) are told in the first person
  with the incidents that followed each, and the support given to the victims in one
  paragraph. Case-log notes are never quoted.
* **The s.1 tests, proportionality and s.1(5)**, the power of arrest (s.4), and, for a
  without-notice application, why notice was not given and what the respondent might say
  against it (full and frank disclosure): each from the facts of the case.
* **Exhibits by mark, in bold** (PD 32 19.1(7)): every exhibit reference is a list of
  :class:`Segment` s, the mark bold, so the template prints it run by run.
* **The respondent's copy**: anonymous witnesses are "Witness A", ...; an incident is put as
  its ``allegation`` (or a neutral sentence), never the internal ``description``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from toolkit.casefile.model import Case, Incident, Injunction, Party, Tenancy
from toolkit.casefile.values import start_of
from toolkit.documents.application import CATEGORY_WORDS, VIOLENT
from toolkit.documents.base import Request
from toolkit.documents.disclosure import when
from toolkit.documents.court import (
    CourtParties, Exhibit, Redactor, _common, _mark_key, _officer_party_ids, clause_start, exhibits_of,
    join_words, mark_range, ordinal, parties_title, party_labels, short_name, statement_title,
)
from toolkit.documents.order import zone_plan

# The steps against the behaviour, as the officer took them (first person).
STEP_PHRASES = {
    "verbal_warning": "I gave {party} a verbal warning",
    "warning_letter": "I sent {party} a first warning letter on the {applicant}'s behalf",
    "final_warning": "I sent {party} a final warning letter on the {applicant}'s behalf",
    "abc": "I asked {party} to enter into an Acceptable Behaviour Contract",
    "abc_review": "I reviewed the Acceptable Behaviour Contract with {party}",
    "mediation": "I offered {party} mediation",
    "notice_seeking_possession": "the {applicant} served a notice seeking possession on {party}",
    "referral": "I referred {party} to {agency} for support",
}
# What the Claimant did for the victims' homes, in a phrase each (not their referrals to
# support agencies: the respondent reads this, and it is not the respondent's business).
SUPPORT_PHRASES = {
    "graffiti_removal": "removed the graffiti",
    "emergency_repair": "made emergency repairs to secure the home",
    "security_works": "fitted security measures at the home",
    "interpreter_booked": "booked an interpreter",
}
ROLE_WORDS = {"victim": "", "witness": "a witness", "agency_contact": "", "staff_member": "a member of the {applicant}'s staff"}


@dataclass(frozen=True)
class Segment:
    """A piece of a sentence; ``bold`` for an exhibit mark (PD 32 19.1(7))."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class ChronologyEntry:
    """One incident as the statement tells it."""

    when: str
    place: str
    account: str  # the officer's account; in the respondent's copy, the allegation
    hearsay: bool
    sources: str
    also_seen_by: str
    reported: str
    police_reference: str
    exhibits: list[Exhibit]
    exhibit_segments: list[Segment]

    @property
    def exhibit_sentence(self) -> str:
        return "".join(s.text for s in self.exhibit_segments)


@dataclass(frozen=True)
class ActionEntry:
    when: str
    text: str
    note: str


@dataclass(frozen=True)
class Step:
    """A step the officer took against the behaviour, and the incidents after it."""

    when: str
    text: str
    after: str


def exhibit_segments(exhibits: list[Exhibit], respondent_label: str = "Defendant") -> list[Segment]:
    """"I refer to the photograph marked **PS3** (...)." -- withheld ones said to be withheld."""
    shown = [e for e in exhibits if not e.withheld]
    withheld = [e for e in exhibits if e.withheld]
    out: list[Segment] = []

    def refs(items: list[Exhibit]) -> None:
        for n, e in enumerate(items):
            if n:
                out.append(Segment(" and " if n == len(items) - 1 else ", "))
            before, after = e.reference.split(f"marked {e.mark}", 1)
            out.extend([Segment(before + "marked "), Segment(e.mark, True), Segment(after)])

    if shown:
        out.append(Segment("I refer to "))
        refs(shown)
        out.append(Segment("."))
    if withheld:
        out.append(Segment(" I also refer to " if shown else "I refer to "))
        refs(withheld)
        one = len(withheld) == 1
        out.append(Segment(f", which {'is' if one else 'are'} not in the copy served on the {respondent_label} because {'it' if one else 'they'} would identify a witness."))
    return out


def _source_words(case: Case, pid: str, names: dict[str, str]) -> str:
    party = case.party(pid)
    role = ROLE_WORDS.get(party.role, "").format(applicant=party_labels(case)[0])
    if party.role == "agency_contact" and party.address:
        role = f"of {_agency(party.address[-1])}"
    return f"{names[pid]}{', ' + role if role else ''}"


def _allegation(incident: Incident, redact: Redactor, respondent: str, parties: tuple[str, str]) -> str:
    """The respondent's copy: the incident's ``allegation`` as put to the respondent, or a
    neutral sentence from its category; never the internal ``description``. An incident
    nobody saw the respondent commit is not laid at the respondent's door."""
    if incident.allegation:
        return f"The allegation put to the {parties[1]} is: “{redact(incident.allegation).strip()}”"
    what = CATEGORY_WORDS.get(incident.category, "anti-social behaviour")
    if respondent not in incident.perpetrators:
        return f"It was {what}; the {parties[0]} does not say who was responsible."
    return f"The allegation is that the {parties[1]} was responsible for {what}."


def chronology(
    case: Case, names: dict[str, str], exhibits: dict[str, Exhibit], redact: Redactor, *, respondent_copy: bool = False, until: date | None = None,
) -> list[ChronologyEntry]:
    me = _officer_party_ids(case)
    parties = party_labels(case)
    entries = []
    for incident in sorted(case.incidents, key=lambda i: start_of(i.occurred)):
        if until and incident.occurred_day > until:
            continue
        reporters = incident.reported_by
        first_hand = bool(me & {*incident.victims, *incident.witnesses, *reporters})
        if first_hand:
            others = [names[p] for p in dict.fromkeys([*incident.victims, *incident.witnesses]) if p not in me]
            sources, also = "", join_words(others)
        else:
            sources = join_words([_source_words(case, p, names) for p in reporters if p not in me]) or f"the person who reported it to the {parties[0]}"
            also = ""
        if respondent_copy:
            account = _allegation(incident, redact, case.injunction.respondent if case.injunction else "", parties)
        else:
            account = redact(incident.description) if first_hand else clause_start(redact(incident.description))
        shown = sorted((exhibits[e] for e in incident.evidence if e in exhibits), key=lambda x: _mark_key(x.mark))
        entries.append(ChronologyEntry(
            when=when(incident.occurred),
            place=redact(incident.location),
            account=account,
            hearsay=not first_hand,
            sources=sources,
            also_seen_by=also,
            reported=when(incident.reported, about=False) if incident.reported else "",
            police_reference=incident.police_reference or "",
            exhibits=shown,
            exhibit_segments=exhibit_segments(shown, parties[1]),
        ))
    return entries


def _agency(name: str | None) -> str:
    """"Metropolitan Police Service" -> "the Metropolitan Police Service"; "Galop" as it is."""
    if not name:
        return "a support agency"
    last = name.split()[-1].lower()
    if not name.lower().startswith("the ") and last in {"service", "police", "council", "team", "unit", "department", "trust", "partnership", "office", "board", "authority"}:
        return f"the {name}"
    return name


def _day(incident: Incident) -> str:
    return when(incident.occurred).split(" at about")[0]


def steps_taken(case: Case, injunction: Injunction, names: dict[str, str], until: date) -> list[Step]:
    """The officer's steps against the respondent's behaviour, each with the incidents after it."""
    mine = sorted(
        (a for a in case.actions if a.done and a.party == injunction.respondent and a.type in STEP_PHRASES and a.done.date() <= until),
        key=lambda a: a.done,  # type: ignore[arg-type, return-value]
    )
    theirs = [i for i in case.incidents if injunction.respondent in i.perpetrators and i.occurred_day <= until]
    steps = []
    for action in mine:
        assert action.done is not None
        later = sorted((i for i in theirs if start_of(i.occurred) > action.done), key=lambda i: start_of(i.occurred))
        applicant, respondent = party_labels(case)
        text = STEP_PHRASES[action.type].format(party=f"the {respondent}", applicant=applicant, agency=_agency(action.agency))
        steps.append(Step(when(action.done, about=False).split(" at ")[0], text, join_words([_day(i) for i in later])))
    return steps


def support_given(case: Case, injunction: Injunction, names: dict[str, str], until: date) -> str:
    """"removed the graffiti (10 October 2026), fitted security measures at the home (16 October 2026)"."""
    phrases = []
    for action in sorted((a for a in case.actions if a.done and a.done.date() <= until), key=lambda a: a.done):  # type: ignore[arg-type, return-value]
        if action.type not in SUPPORT_PHRASES or action.party == injunction.respondent:
            continue
        assert action.done is not None
        party = names.get(action.party or "", "the victim")
        phrases.append(f"{SUPPORT_PHRASES[action.type].format(party=party, agency=_agency(action.agency))} ({when(action.done, about=False).split(' at ')[0]})")
    return join_words(phrases)


def actions_taken(case: Case, names: dict[str, str], redact: Redactor, until: date) -> list[ActionEntry]:
    """What version 1 of the template lists as "what the Claimant has done": the same steps."""
    return [
        ActionEntry(s.when, s.text, "") for s in steps_taken(case, case.injunction, names, until)
    ] if case.injunction else []


def witness_statement(request: Request) -> dict[str, Any]:
    case, injunction, respondent_copy, names, redact = _common(request)
    on = request.document_date
    respondent = case.party(injunction.respondent)
    exhibits = exhibits_of(case, respondent_copy, redact)
    linked = {eid for i in case.incidents for eid in i.evidence}
    tenancy = [exhibits[e.id] for e in case.evidence if e.kind == "tenancy_agreement"]
    other = sorted(
        (exhibits[e.id] for e in case.evidence if e.id not in linked and e.kind != "tenancy_agreement"),
        key=lambda x: _mark_key(x.mark),
    )
    marks = sorted({x.mark for x in exhibits.values()}, key=_mark_key)
    incidents = chronology(case, names, exhibits, redact, respondent_copy=respondent_copy, until=on)
    theirs = sorted((i for i in case.incidents if injunction.respondent in i.perpetrators and i.occurred_day <= on), key=lambda i: start_of(i.occurred))
    not_seen = sorted((i for i in case.incidents if injunction.respondent not in i.perpetrators and i.occurred_day <= on), key=lambda i: start_of(i.occurred))
    violent = [_day(i) for i in theirs if i.category in VIOLENT]
    victims = [names[p.id] for p in case.victims]
    plan = zone_plan(case)
    title = parties_title(case, injunction, names)
    return {
        "names": names,
        "respondent": respondent,
        "respondent_tenancy": respondent.tenancy,
        "respondent_address": ", ".join([*respondent.address, respondent.postcode or ""]).strip(", "),
        "respondent_age": respondent.age_on(on),
        "injunction": injunction,
        "title": title,
        "witness_short": short_name(case.officer.name),
        "statement_number": ordinal(injunction.statement_number),
        "statement": statement_title(case),
        "exhibit_marks": mark_range(marks),
        "incidents": incidents,
        "actions": actions_taken(case, names, redact, on),
        "steps": steps_taken(case, injunction, names, on),
        "support": support_given(case, injunction, names, on),
        "tenancy_exhibits": tenancy,
        "tenancy_sentence": "".join(s.text for s in exhibit_segments(tenancy, title.defendant_label)),
        "tenancy_segments": exhibit_segments(tenancy, title.defendant_label),
        "other_exhibits": other,
        "other_sentence": "".join(s.text for s in exhibit_segments(other, title.defendant_label)),
        "other_segments": exhibit_segments(other, title.defendant_label),
        "victim_names": join_words(victims),
        "violent_dates": join_words(violent),
        "incident_count": len(theirs),
        "first_incident": _day(theirs[0]) if theirs else "",
        "last_incident": _day(theirs[-1]) if theirs else "",
        "not_seen_dates": join_words([_day(i) for i in not_seen]),
        "hearsay_count": sum(1 for e in incidents if e.hearsay),
        "police_references": join_words(list(dict.fromkeys(i.police_reference for i in theirs if i.police_reference))),
        "anonymous_witnesses": sum(1 for p in case.parties if p.anonymous),
        "zone_plan": case.exhibit_marks()[plan.id] if plan else "",
        "terms": [redact(t) for t in injunction.terms],
        "respondent_copy": respondent_copy,
    }


WITNESS_STATEMENT_TYPES: dict[str, Any] = {
    "names": dict[str, str],
    "respondent": Party,
    "respondent_tenancy": Tenancy | None,
    "respondent_address": str,
    "respondent_age": int | None,
    "injunction": Injunction,
    "title": CourtParties,
    "witness_short": str,
    "statement_number": str,
    "statement": str,
    "exhibit_marks": str,
    "incidents": list[ChronologyEntry],
    "actions": list[ActionEntry],
    "steps": list[Step],
    "support": str,
    "tenancy_exhibits": list[Exhibit],
    "tenancy_sentence": str,
    "tenancy_segments": list[Segment],
    "other_exhibits": list[Exhibit],
    "other_sentence": str,
    "other_segments": list[Segment],
    "victim_names": str,
    "violent_dates": str,
    "incident_count": int,
    "first_incident": str,
    "last_incident": str,
    "not_seen_dates": str,
    "hearsay_count": int,
    "police_references": str,
    "anonymous_witnesses": int,
    "zone_plan": str,
    "terms": list[str],
    "respondent_copy": bool,
}

__all__ = ["WITNESS_STATEMENT_TYPES", "Segment", "chronology", "exhibit_segments", "steps_taken", "witness_statement"]
