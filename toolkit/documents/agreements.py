"""Agreements and information sharing: the ABC, the consent form, referrals.

Context builders for the kinds ``abc``, ``consent-form`` and ``referral``
(registered in :data:`toolkit.documents.kinds.KINDS`). Everything a template prints that
needs a decision (who signs, which organisations a form names, whether a referral may be
made at all) is decided here, so that every language's template says the same thing.

Decisions the issue left open (documented in the README section on these kinds):

- The ABC follows the individual's own language and format (it is their contract); the
  ABC review *letter* is addressed to the guardians of a minor, and follows theirs.
- Signatories of an ABC, in order: the individual; the parents or guardians of one under
  18 on the document date; Keniston (the case officer); every party in ``abc.witnesses``
  (the police, support agencies).
- The consent form names the organisations of the party's own consent records and of
  the referral actions the case log records for the party, except those for which the
  party has withdrawn consent (a withdrawn consent is not asked for again by a form made
  in bulk; ``--agency NAME`` makes a form for exactly that one organisation). When the
  party has none, the organisations the case proposes for anyone (every consent and
  referral in it). A form that would name no organisation is refused: the ICO requires
  named organisations, not categories.
- Records are kept for :data:`RETENTION_YEARS` years after the case is closed.
- A referral is refused (exit 1) unless the party has a consent naming the agency that
  is in force on the document date (policy 8.5, :meth:`Case.consent_for`).
- A record whose ``basis`` is not ``consent`` (a referral the person is not free to
  refuse: a requirement of their ABC, a child) makes the form an information notice: what
  is shared, with whom and why, the lawful basis, the right to object; no tick boxes, an
  acknowledgement signed by the person and (for a child) the parent. Each organisation is
  listed with the purposes recorded for it, not the purposes of every organisation.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from typing import Any

from toolkit.documents import disclosure
from toolkit.errors import InputError
from toolkit.casefile.model import ABC, Case, Consent, Incident, Party, Tenancy
from toolkit.documents.base import Addressee, Request

RETENTION_YEARS = 6

# Special category data (UK GDPR Art. 9) a harassment case is likely to touch, keyed so
# that each language's template words them itself: the case's motivation decides which
# appear (health is always asked, since injuries and the effect on health are common).
SPECIAL_CATEGORY_OF = {
    "disability": "health",
    "pregnancy_maternity": "health",
    "race": "race",
    "religion_belief": "religion",
    "sexual_orientation": "sexual_orientation",
    "gender_reassignment": "gender_identity",  # not Art. 9 data as such, but as sensitive (and often health)
}
SPECIAL_CATEGORY_ORDER = ("health", "race", "religion", "sexual_orientation", "gender_identity")


@dataclass(frozen=True)
class Signatory:
    """One signature line: ``role`` is ``individual``, ``guardian``, ``keniston`` or ``partner``."""

    role: str
    name: str
    organisation: str


@dataclass(frozen=True)
class AgencyChoice:
    """One organisation on a consent form, with the purposes recorded for it (maybe none)."""

    name: str
    purposes: list[str]


# -- shared helpers -----------------------------------------------------------------
def _party_or_default(request: Request, default: str | None, what: str) -> Party:
    case: Case = request.case
    party_id = request.party_id or default
    if party_id is None:
        raise InputError(f"a {what} is made for one party: add --party ID (the parties are {', '.join(p.id for p in case.parties)})")
    return case.party(party_id)


def _require_abc(case: Case, kind: str) -> ABC:
    if case.abc is None:
        raise InputError(
            f"{case.reference} has no 'abc' section: write the contract's terms (party, prohibitions, requirements, support) "
            f"in the case file before making the {kind}"
        )
    return case.abc


def _minor_and_guardians(case: Case, party: Party, on: date) -> tuple[bool, list[Party]]:
    minor = party.is_minor_on(on)
    guardians = case.guardians_of(party.id) if minor else []
    if minor and not guardians:
        raise InputError(
            f"{party.name} ({party.id}) is under 18 on {on.isoformat()}: add their parents or guardians "
            f"('guardians' in the party) so that they can be written to and sign (policy 9.1)"
        )
    return minor, guardians


def household_tenancy(case: Case, party: Party, guardians: list[Party]) -> Tenancy | None:
    """The tenancy at stake: the party's own, else (for a minor) a guardian's."""
    if party.tenancy is not None:
        return party.tenancy
    return next((g.tenancy for g in guardians if g.tenancy is not None), None)


def _organisation(party: Party) -> str:
    """What a partner signs for: an agency contact's address lines name their organisation."""
    return ", ".join(party.address) if party.role == "agency_contact" else ""


def _full_name(party: Party) -> str:
    return f"{party.title} {party.name}" if party.role == "agency_contact" and party.title else party.name


# -- the Acceptable Behaviour Contract ----------------------------------------------
def abc_dates(abc: ABC, document_date: date) -> tuple[date, date, date]:
    """(start, review, end): the start is ``abc.start`` or the document date."""
    start = abc.start or document_date
    return start, abc.review(start), abc.end(start)


def abc_context(request: Request) -> dict[str, Any]:
    case: Case = request.case
    abc = _require_abc(case, "Acceptable Behaviour Contract")
    party = _party_or_default(request, abc.party, "Acceptable Behaviour Contract")
    if party.id != abc.party:
        raise InputError(
            f"the Acceptable Behaviour Contract in {case.reference} is with {abc.party} ({case.party(abc.party).name}), not {party.id} ({party.name})"
        )
    minor, guardians = _minor_and_guardians(case, party, request.document_date)
    start, review, end = abc_dates(abc, request.document_date)
    partners = [case.party(pid) for pid in abc.witnesses]
    signatories = [Signatory("individual", party.name, "")]
    signatories += [Signatory("guardian", g.name, "") for g in guardians]
    signatories.append(Signatory("keniston", case.officer.name, case.officer.job_title))
    signatories += [Signatory("partner", _full_name(p), _organisation(p)) for p in partners]
    return {
        "case": disclosure.perpetrator_case(case),
        "party": party,
        "abc": abc,
        "minor": minor,
        "guardians": guardians,
        "partners": partners,
        "signatories": signatories,
        "start": start,
        "review": review,
        "end": end,
        "tenancy": household_tenancy(case, party, guardians),
    }


ABC_TYPES: dict[str, Any] = {
    "party": Party, "abc": ABC, "minor": bool, "guardians": list[Party], "partners": list[Party],
    "signatories": list[Signatory], "start": date, "review": date, "end": date, "tenancy": Tenancy | None,
}


def abc_party(case: Case) -> str | None:
    return case.abc.party if case.abc else None


# -- consent to share information -------------------------------------------------
def _agency_names(case: Case, party_id: str | None, on: date) -> list[str]:
    """Agencies of the consents and referral actions (of ``party_id``, or of anyone),
    in the order the case names them, without those whose consent was withdrawn by ``on``
    (unless another consent in force still names them)."""
    names: dict[str, str] = {}
    in_force: set[str] = set()
    withdrawn: set[str] = set()
    for consent in case.consents:
        if party_id is not None and consent.party != party_id:
            continue
        for agency in consent.agencies:
            names.setdefault(agency.casefold(), agency)
            if consent.withdrawn is not None and consent.withdrawn <= on:
                withdrawn.add(agency.casefold())
            else:
                in_force.add(agency.casefold())
    for action in case.actions:
        if action.type == "referral" and action.agency and (party_id is None or action.party == party_id):
            names.setdefault(action.agency.casefold(), action.agency)
    return [name for key, name in names.items() if key not in withdrawn or key in in_force]


def consent_agencies(case: Case, party: Party, on: date, only: str | None = None) -> list[AgencyChoice]:
    """The organisations a consent form names for ``party`` (see the module's decisions)."""
    if only:
        names = [only.strip()]
    else:
        names = _agency_names(case, party.id, on) or _agency_names(case, None, on)
    if not names:
        raise InputError(
            f"a consent form must name every organisation the information may go to, and {case.reference} names none: "
            f"add --agency NAME, or record the agencies in 'consents' or in a 'referral' action"
        )
    choices = []
    for name in names:
        purposes: list[str] = []
        for consent in case.consents:
            if consent.party == party.id and any(a.casefold() == name.casefold() for a in consent.agencies):
                purposes += [p for p in consent.purposes if p not in purposes]
        choices.append(AgencyChoice(name, purposes))
    return choices


def special_categories(case: Case) -> list[str]:
    wanted = {"health"} | {SPECIAL_CATEGORY_OF[m] for m in case.motivation if m in SPECIAL_CATEGORY_OF}
    for incident in case.incidents:
        wanted |= {SPECIAL_CATEGORY_OF[m] for m in incident.motivation if m in SPECIAL_CATEGORY_OF}
    return [key for key in SPECIAL_CATEGORY_ORDER if key in wanted]


def consent_form_context(request: Request) -> dict[str, Any]:
    case: Case = request.case
    party = _party_or_default(request, None, "consent form")
    on: date = request.document_date
    minor, guardians = _minor_and_guardians(case, party, on)
    agencies = consent_agencies(case, party, on, request.options.get("agency"))
    # A form made on the day a consent was recorded reproduces that record; any other day's
    # form is blank, to be completed when the person decides.
    recorded = [c for c in case.consents if c.party == party.id and c.given == on]
    latest = recorded[-1] if recorded else None
    interpreter_name = next((c.interpreter_name for c in recorded if c.interpreter_name), None)
    purposes: list[str] = []
    for choice in agencies:
        purposes += [p for p in choice.purposes if p not in purposes]
    return {
        "basis": sharing_basis(case, party, latest, agencies),
        "party": party,
        "minor": minor,
        "guardians": guardians,
        "agencies": agencies,
        "purposes": purposes,
        "special_categories": special_categories(case),
        "recorded": latest,
        "language_used": (latest.language if latest and latest.language else party.language),
        "interpreter_name": interpreter_name or "",
        "retention_years": RETENTION_YEARS,
    }


def sharing_basis(case: Case, party: Party, recorded: Consent | None, agencies: list[AgencyChoice]) -> str:
    """``consent``, unless the party's records for every organisation on the form rest on
    another lawful basis (a referral the person is not free to refuse: an ABC requirement,
    a child): then the form informs and records, and asks for no consent."""
    if recorded is not None:
        return recorded.basis
    named = {a.name.casefold() for a in agencies}
    records = [c for c in case.consents if c.party == party.id and named & {a.casefold() for a in c.agencies}]
    bases = {c.basis for c in records}
    return bases.pop() if len(bases) == 1 and records else "consent"


CONSENT_FORM_TYPES: dict[str, Any] = {
    "basis": str,
    "party": Party, "minor": bool, "guardians": list[Party], "agencies": list[AgencyChoice],
    "purposes": list[str], "special_categories": list[str], "recorded": Consent | None,
    "language_used": str, "interpreter_name": str, "retention_years": int,
}


# -- referral to a partner agency (policy 8.5, 8.6) ---------------------------------
def consent_problem(case: Case, party: Party, agency: str, on: date) -> str | None:
    """Why ``party``'s information may not go to ``agency`` on ``on``; ``None`` when it may."""
    if case.consent_for(party.id, agency, on) is not None:
        return None
    who = f"{party.id} ({party.name}) has not consented to sharing with {agency}"
    naming = [c for c in case.consents if c.party == party.id and any(a.casefold() == agency.strip().casefold() for a in c.agencies)]
    withdrawn = sorted(c.withdrawn for c in naming if c.withdrawn is not None and c.withdrawn <= on)
    later = sorted(c.given for c in naming if c.given > on)
    if withdrawn:
        return f"{who}: they withdrew consent on {withdrawn[-1].isoformat()}, so nothing may be shared with {agency} unless they consent again (policy 8.5)"
    if later:
        return f"{who}: the consent naming {agency} was given on {later[0].isoformat()}, after the document date {on.isoformat()}"
    known = sorted({a for c in case.consents if c.party == party.id for a in c.agencies})
    close = difflib.get_close_matches(agency, known, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else (f" (their consents name {', '.join(known)})" if known else "")
    return (
        f"{who}: no consent of theirs in {case.reference} names {agency}{hint}; "
        f"record their consent (the consent form) in 'consents' before making a referral (policy 8.5)"
    )


def agency_contact(case: Case, agency: str) -> Party | None:
    """An agency contact party whose address names the agency (e.g. PC Lowe for the police)."""
    wanted = agency.strip().casefold()
    for party in case.parties_with_role("agency_contact"):
        if any(wanted == line.casefold() for line in party.address):
            return party
    return None


def agency_addressee(case: Case, agency: str) -> Addressee:
    """A letter to an organisation: to its contact in the case when there is one, else to it."""

    contact = agency_contact(case, agency)
    if contact is None:
        return Addressee([agency], [], "", "Dear colleague")
    lines = [line for line in contact.address if line.casefold() != agency.casefold()]
    return Addressee([_full_name(contact)], [*lines, agency], contact.postcode or "", f"Dear {contact.salutation}")


def referral_context(request: Request) -> dict[str, Any]:
    case: Case = request.case
    party = _party_or_default(request, None, "referral")
    agency = (request.options.get("agency") or "").strip()
    if not agency:
        raise InputError("a referral is to one partner agency: add --agency NAME (as the party's consent names it)")
    on: date = request.document_date
    problem = consent_problem(case, party, agency, on)
    if problem:
        raise InputError(problem)
    consent = case.consent_for(party.id, agency, on)
    assert consent is not None
    agency = next(a for a in consent.agencies if a.casefold() == agency.casefold())
    minor, guardians = _minor_and_guardians(case, party, on)
    recipient = agency_addressee(case, agency)
    as_perpetrator = party in case.perpetrators and party not in case.victims
    if as_perpetrator:
        incidents = case.incidents_by(party.id)
    else:
        incidents = disclosure.for_agency(
            case, [i for i in case.incidents if party.id in i.victims or party.id in i.witnesses] or list(case.incidents), party,
        )
    return {
        "party": party,
        "agency": agency,
        "consent": consent,
        "recipient": recipient,
        "minor": minor,
        "guardians": guardians,
        "as_perpetrator": as_perpetrator,
        "incidents": sorted(incidents, key=lambda i: (i.occurred_day, i.id)),
    }


REFERRAL_TYPES: dict[str, Any] = {
    "party": Party, "agency": str, "consent": Consent, "minor": bool, "recipient": Addressee,
    "guardians": list[Party], "as_perpetrator": bool, "incidents": list[Incident],
}
