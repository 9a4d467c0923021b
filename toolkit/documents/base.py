"""What every document kind shares: the request, the document's own facts, the addressee.

The kinds' modules (``letters``, ``agreements``, ``court``) build a template's context from a
:class:`Request`; ``kinds`` lists them. Keeping these types here, below all of them, is what
lets each module import the others' types at the top instead of inside functions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from toolkit.association import KENISTON, Association
from toolkit.casefile.model import Case, Officer, Party
from toolkit.errors import InputError


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


def require_party(request: Request) -> Party:
    """The party named by --party, or an error saying to add it."""
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
    titled: Callable[[Request], str] | None = None  # a title that depends on the case (the court it goes to)

    def title_for(self, request: Request) -> str:
        title = self.titled(request) if self.titled else self.title
        return f"{title} ({request.stage})" if request.stage else title
