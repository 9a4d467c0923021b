"""The papers around the order: the claim form's particulars, the application to withhold a
witness's identity, the certificate of service and the notice to the police.

* ``claim-form``: the application itself, tab 1 of the bundle. In the county court, what the
  officer transfers to form N16A (or attaches to it): the parties, the matters CPR r.8.2
  requires, the terms applied for (r.65.43(3)), the grounds (the s.1 conditions, s.2
  housing-related conduct), whether made without notice and why (s.6), the power of arrest
  and why (s.4), the evidence filed with it (r.65.43(2)(c)) and the r.65.43(2)(d) statement
  on legal representation and legal aid. For a respondent under 18 the application goes to
  the youth court (s.1(8)(a)), where the CPR do not apply: it is a complaint in writing
  under the Magistrates' Courts (Injunctions: Anti-Social Behaviour) Rules 2015 (SI
  2015/423, r.2), stating the respondent's name, address and date of birth, the name and
  address of a parent or guardian, and the terms applied for, supported by evidence of the
  s.1 conditions, and, on notice, stating that the youth offending team was consulted
  (r.3(1), s.14(1)); without notice the team is consulted before the first hearing on
  notice (s.14(2)). One template serves both courts (``title.youth``), so that the shared
  wording (terms, grounds, power of arrest, without notice) is written once.
* ``anonymity-application``: the application that a witness's identity not be disclosed
  (CPR 39.2(4)), whenever a party is ``anonymous``; the court's copy ends with the sealed
  schedule of the real names, for the judge only; the respondent's copy has no schedule.
* ``certificate-of-service``: the content of form N215 for personal service (CPR 6.5(3))
  of the order and the papers on the respondent, with blanks for the process server.
* ``police-notice``: the order's power-of-arrest paragraphs, to the officer in charge of
  the police station for the area where the respondent lives, so that the police can act
  on a breach (s.4, s.9).

Wording of the law lives in the templates; the builders here give them facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from toolkit.casefile.model import Case, Incident, Injunction, Party
from toolkit.casefile.values import start_of
from toolkit.documents.base import Request
from toolkit.documents.disclosure import when
from toolkit.documents.court import (
    CourtParties, _common, anonymous_labels, join_words, mark_range, parties_title, short_name, statement_title,
)
from toolkit.documents.order import DRAFT_ORDER_TYPES, order_facts
from toolkit.casefile.youth import respondent_under_18
from toolkit.errors import InputError

VIOLENT = ("physical_assault", "threatening_behaviour", "arson")
CATEGORY_WORDS = {
    "physical_assault": "assault", "property_damage": "damage to property", "graffiti": "graffiti",
    "arson": "arson", "verbal_abuse": "verbal abuse", "threatening_behaviour": "threatening behaviour",
    "abusive_letters": "an abusive letter or note", "abusive_calls": "abusive telephone calls",
    "dumping": "dumping rubbish", "online_abuse": "online abuse", "other": "anti-social behaviour",
}


@dataclass(frozen=True)
class Ground:
    """One incident as the claim form summarises it: date, place, kind of behaviour."""

    when: str
    place: str
    what: str
    violent: bool


@dataclass(frozen=True)
class Guardian:
    """A parent or guardian of a respondent under 18, as the youth court application states
    them (SI 2015/423 r.3(1)(b)): name and address."""

    name: str
    address: str


@dataclass(frozen=True)
class Protected:
    """An anonymous witness: the label every served document uses, and (sealed schedule
    only) who they are."""

    label: str
    name: str
    address: str
    exhibits: str


def _incidents_of(case: Case, respondent: str, until: date) -> list[Incident]:
    return sorted(
        (i for i in case.incidents if respondent in i.perpetrators and i.occurred_day <= until),
        key=lambda i: start_of(i.occurred),
    )


def grounds(case: Case, respondent: str, until: date) -> list[Ground]:
    return [
        Ground(when(i.occurred).split(" at about")[0], i.location or "", CATEGORY_WORDS.get(i.category, "anti-social behaviour"), i.category in VIOLENT)
        for i in _incidents_of(case, respondent, until)
    ]


def _court_facts(request: Request) -> dict[str, Any]:
    """Facts every one of these papers prints."""
    case, injunction, respondent_copy, names, _redact = _common(request)
    respondent = case.party(injunction.respondent)
    title = parties_title(case, injunction, names)
    found = grounds(case, injunction.respondent, request.document_date)
    victims = sorted({v for i in _incidents_of(case, injunction.respondent, request.document_date) for v in i.victims})
    return {
        "names": names,
        "respondent": respondent,
        "respondent_name": names[respondent.id],
        "respondent_address": ", ".join([*respondent.address, respondent.postcode or ""]).strip(", "),
        "respondent_age": respondent.age_on(request.document_date),
        "injunction": injunction,
        "title": title,
        "grounds": found,
        "violent_dates": join_words([g.when for g in found if g.violent]),
        "victim_names": join_words([names[v] for v in victims]),
        "statement": statement_title(case),
        "exhibit_marks": mark_range(list(case.exhibit_marks().values())),
        "anonymous_witnesses": len(anonymous_labels(case)),
        "hearing": when(injunction.hearing, about=False) if injunction.hearing else "",
        "return_date": when(injunction.return_date, about=False) if injunction.return_date else "",
        "witness_short": short_name(case.officer.name),
        "respondent_copy": respondent_copy,
    }


COURT_FACT_TYPES: dict[str, Any] = {
    "names": dict[str, str], "respondent": Party, "respondent_name": str, "respondent_address": str,
    "respondent_age": int | None, "injunction": Injunction, "title": CourtParties, "grounds": list[Ground],
    "violent_dates": str, "victim_names": str, "statement": str, "exhibit_marks": str,
    "anonymous_witnesses": int, "hearing": str, "return_date": str, "witness_short": str,
    "respondent_copy": bool,
}


CLAIM_FORM_TITLE = "Claim form (N16A): particulars"
YOUTH_APPLICATION_TITLE = "Complaint: application for an injunction (youth court)"


def claim_form_title(case: Case) -> str:
    """What the application is called: the county court's claim form, or the youth court's
    complaint (the documents' own title, the bundle's index and bookmarks)."""
    return YOUTH_APPLICATION_TITLE if respondent_under_18(case) else CLAIM_FORM_TITLE


def _address(party: Party, home: Party) -> str:
    """A party's address on one line; a guardian with none recorded lives with the respondent."""
    source = party if party.address else home
    return ", ".join([*source.address, source.postcode or ""]).strip(", ")


def claim_form(request: Request) -> dict[str, Any]:
    """The application, with the order's facts (its terms, in the order's numbering), and for
    the youth court the respondent's parents or guardians and the youth offending team."""
    case, injunction, _copy, names, redact = _common(request)
    respondent = case.party(injunction.respondent)
    return {
        **order_facts(request),
        **_court_facts(request),
        "all_terms_applied_for": [redact(t) for t in injunction.terms],
        "guardians": [Guardian(names[g.id], _address(g, respondent)) for g in case.guardians_of(respondent.id)],
    }


def anonymity_application(request: Request) -> dict[str, Any]:
    case = request.case
    facts = _court_facts(request)
    labels = anonymous_labels(case)
    if not labels:
        raise InputError(
            f"{case.reference} has no anonymous witness (a party with 'anonymous: true'), so there is no "
            "application to withhold a witness's identity to make"
        )
    marks = case.exhibit_marks()
    protected = []
    for pid, label in labels.items():
        party = case.party(pid)
        provided = [marks[e.id] for e in case.evidence if e.provided_by == pid]
        protected.append(Protected(
            label, party.full_name, ", ".join([*party.address, party.postcode or ""]).strip(", "),
            mark_range(provided) if provided else "",
        ))
    return {**facts, "protected": protected, "labels": join_words([p.label for p in protected])}


def certificate_of_service(request: Request) -> dict[str, Any]:
    _case, injunction, _copy, _names, _redact = _common(request)
    return {**_court_facts(request), "arrest": bool(injunction.power_of_arrest)}


def police_notice(request: Request) -> dict[str, Any]:
    case = request.case
    order = order_facts(request)
    if not order["arrest_terms"]:
        raise InputError(
            f"{case.reference}: the injunction has no power of arrest ('power_of_arrest: true' in the case file), "
            "so there is nothing to notify to the police"
        )
    police = [p for p in case.parties if p.role == "agency_contact" and "police" in " ".join([p.name, *p.address]).lower()]
    return {
        **order,
        **_court_facts(request),
        "respondent_postcode": order["respondent"].postcode or "",
        "police_contacts": police,
    }


CLAIM_FORM_TYPES = {
    **DRAFT_ORDER_TYPES, **COURT_FACT_TYPES, "all_terms_applied_for": list[str], "guardians": list[Guardian],
}
ANONYMITY_TYPES = {**COURT_FACT_TYPES, "protected": list[Protected], "labels": str}
CERTIFICATE_TYPES = {**COURT_FACT_TYPES, "arrest": bool}
POLICE_NOTICE_TYPES = {**DRAFT_ORDER_TYPES, **COURT_FACT_TYPES, "respondent_postcode": str, "police_contacts": list[Party]}

__all__ = [
    "ANONYMITY_TYPES",
    "CERTIFICATE_TYPES",
    "CLAIM_FORM_TITLE",
    "CLAIM_FORM_TYPES",
    "DRAFT_ORDER_TYPES",
    "POLICE_NOTICE_TYPES",
    "YOUTH_APPLICATION_TITLE",
    "anonymity_application",
    "certificate_of_service",
    "claim_form",
    "claim_form_title",
    "police_notice",
]
