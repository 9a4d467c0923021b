"""Document kinds: for each, who it is for and the context its template receives.

A kind's ``context_types`` is the contract between code and template: the lint checks
every variable a template uses against it, statically, so a misspelt field fails
``casedocs templates check`` rather than a letter on the day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Callable

from toolkit.association import KENISTON, Association
from toolkit.errors import InputError
from toolkit.casefile.model import Case, Incident, Officer, Party, Tenancy

STAGES = ("verbal", "first", "final")
REPLY_DAYS = {"verbal": 14, "first": 14, "final": 7}


@dataclass(frozen=True)
class Addressee:
    """Who a letter is addressed to: one person, or the guardians of a minor jointly."""

    names: list[str]
    address: list[str]
    postcode: str
    salutation: str

    @property
    def name(self) -> str:
        return " and ".join(self.names)


@dataclass(frozen=True)
class DocInfo:
    """Facts about the document itself that templates print."""

    kind: str
    title: str
    date: date
    language: str
    template_version: int
    large_print: bool


@dataclass(frozen=True)
class Request:
    """What a document is asked for: the validated case and the command's options."""

    case: Case
    kind: str
    document_date: date
    party_id: str | None = None
    stage: str | None = None
    options: dict[str, str] = field(default_factory=dict)

    @property
    def party(self) -> Party | None:
        return self.case.party(self.party_id) if self.party_id else None


def addressee(case: Case, party: Party) -> Addressee:
    address = party.address or list(case.location.address)
    postcode = party.postcode or (case.location.postcode if not party.address else "")
    return Addressee([party.full_name], address, postcode, f"Dear {party.salutation}")


def guardian_addressee(case: Case, party: Party) -> Addressee:
    """Policy 9.1: a letter about a perpetrator under 18 goes to the parents or guardians."""
    guardians = case.guardians_of(party.id)
    home = next((g for g in guardians if g.address), party)
    base = addressee(case, home)
    names = [g.full_name for g in guardians]
    salutations = [g.salutation for g in guardians if g.title]
    greeting = "Dear " + (" and ".join(salutations) if len(salutations) == len(guardians) else "Parent or Guardian")
    return Addressee(names, base.address, base.postcode, greeting)


def article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def common_context(request: Request, info: DocInfo) -> dict[str, Any]:
    return {
        "case": request.case,
        "officer": request.case.officer,
        "association": KENISTON,
        "doc": info,
        "locale": info.language,
    }


COMMON_TYPES: dict[str, Any] = {
    "case": Case, "officer": Officer, "association": Association, "doc": DocInfo, "locale": str,
}


# -- the kinds ----------------------------------------------------------------------
def _acknowledgement(request: Request) -> dict[str, Any]:
    party = _require_party(request)
    received = request.case.received
    return {
        "party": party,
        "recipient": addressee(request.case, party),
        "within_24_hours": request.document_date <= (received + timedelta(hours=24)).date(),
        "incidents": [i for i in request.case.incidents if party.id in i.victims] or list(request.case.incidents),
    }


def _warning_letter(request: Request) -> dict[str, Any]:
    party = _require_party(request)
    case, stage = request.case, request.stage
    if stage not in STAGES:
        raise InputError(f"a warning letter needs --stage {', '.join(STAGES[:-1])} or {STAGES[-1]}")
    # the letter goes to the perpetrator's household: anonymous witnesses are not named in it
    from toolkit.documents.court import Redactor

    redact = Redactor(case, respondent_copy=True)
    incidents = [
        i.model_copy(update={"description": redact(i.description), "location": redact(i.location) or None})
        for i in case.incidents_by(party.id)
        if i.occurred_day <= request.document_date
    ]
    if not incidents:
        raise InputError(
            f"{party.name} ({party.id}) is not named as a perpetrator of any incident in {case.reference} "
            f"up to {request.document_date.isoformat()}: a warning letter must cite specific incidents"
        )
    minor = party.is_minor_on(request.document_date)
    guardians = case.guardians_of(party.id) if minor else []
    return {
        "party": party,
        "tenancy": party.tenancy or next((g.tenancy for g in guardians if g.tenancy), None),
        "stage": stage,
        "minor": minor,
        "guardians": guardians,
        "recipient": guardian_addressee(case, party) if minor else addressee(case, party),
        "incidents": incidents,
        "towards_staff": all(case.party(v).role == "staff_member" for i in incidents for v in i.victims) and any(i.victims for i in incidents),
        "reply_days": REPLY_DAYS[stage],
        "reply_by": request.document_date + timedelta(days=REPLY_DAYS[stage]),
    }


def _require_party(request: Request) -> Party:
    if request.party is None:
        raise InputError(f"{article(request.kind)} {request.kind} is written to one party: add --party ID (the parties are {', '.join(p.id for p in request.case.parties)})")
    return request.party


@dataclass(frozen=True)
class DocumentKind:
    name: str
    title: str
    build: Callable[[Request], dict[str, Any]]
    context_types: dict[str, Any]
    roles: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    default_parties: Callable[[Case], list[Party]] = lambda case: []
    default_party: Callable[[Case], str | None] = lambda case: None  # used when --party is left out

    def title_for(self, request: Request) -> str:
        return f"{self.title} ({request.stage})" if request.stage else self.title


def _agreement_kinds() -> tuple[DocumentKind, ...]:
    """The ABC, its review letter, the consent form and the referral (toolkit.documents.agreements)."""
    from toolkit.documents import agreements as ag

    people = ("victim", "complainant", "witness", "perpetrator", "parent_guardian", "staff_member")
    return (
        DocumentKind("abc", "Acceptable Behaviour Contract", ag.abc_context, ag.ABC_TYPES, default_party=ag.abc_party),
        DocumentKind(
            "abc-review", "Review of your Acceptable Behaviour Contract", ag.abc_review_context,
            {**ag.ABC_REVIEW_TYPES, "recipient": Addressee}, default_party=ag.abc_party,
        ),
        DocumentKind("consent-form", "Consent to share information", ag.consent_form_context, ag.CONSENT_FORM_TYPES, roles=people),
        DocumentKind("referral", "Referral to a partner agency", ag.referral_context, {**ag.REFERRAL_TYPES, "recipient": Addressee}, roles=people),
    )


def _victim_letter_kinds() -> tuple[DocumentKind, ...]:
    """Letters to a victim as the case runs and when it closes (toolkit.documents.victim_letters)."""
    from toolkit.documents import victim_letters as vl

    victims = ("victim", "staff_member")
    return (
        DocumentKind(
            "update-letter", "An update on your case", vl.update_letter_context,
            {**vl.UPDATE_LETTER_TYPES, "recipient": Addressee}, roles=victims, default_parties=lambda case: case.victims,
            default_party=vl.sole_victim,
        ),
        DocumentKind(
            "closure-letter", "Your case is now closed", vl.closure_letter_context,
            {**vl.CLOSURE_LETTER_TYPES, "recipient": Addressee}, roles=victims, default_parties=lambda case: case.victims,
            default_party=vl.sole_victim,
        ),
    )


def _court_kinds() -> tuple[DocumentKind, ...]:
    """The injunction's witness statement and draft order (toolkit.documents.court)."""
    from toolkit.documents import court

    return (
        DocumentKind("witness-statement", "Witness statement", court.witness_statement, court.WITNESS_STATEMENT_TYPES),
        DocumentKind("draft-order", "Draft injunction order", court.draft_order, court.DRAFT_ORDER_TYPES),
    )


KINDS: dict[str, DocumentKind] = {
    kind.name: kind
    for kind in (
        DocumentKind(
            "acknowledgement", "Acknowledgement of your report", _acknowledgement,
            {"party": Party, "recipient": Addressee, "within_24_hours": bool, "incidents": list[Incident]},
            roles=("victim", "complainant", "staff_member", "witness"),
            default_parties=lambda case: case.victims,
        ),
        DocumentKind(
            "warning-letter", "Warning about your behaviour", _warning_letter,
            {
                "party": Party, "tenancy": Tenancy | None, "stage": str, "minor": bool, "guardians": list[Party], "recipient": Addressee,
                "incidents": list[Incident], "towards_staff": bool, "reply_days": int, "reply_by": date,
            },
            stages=STAGES,
            default_parties=lambda case: case.perpetrators,
        ),
        *_victim_letter_kinds(),
        *_agreement_kinds(),
        *_court_kinds(),
    )
}


def kind(name: str) -> DocumentKind:
    try:
        return KINDS[name]
    except KeyError:
        raise InputError(f"there is no document kind '{name}': the kinds are {', '.join(sorted(KINDS))}") from None
