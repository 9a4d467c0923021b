"""The draft injunction order and the notice of its power of arrest to the police.

The law the order follows (Anti-social Behaviour, Crime and Policing Act 2014, Part 1):

* **Without notice** (s.6): the court must adjourn, and may grant an *interim* injunction
  under s.7 lasting until the final hearing (the return date) or further order. So a
  without-notice draft asks for an interim injunction until the return date, not a final
  one for a fixed period; the return date is the court's to fix and is left blank unless
  ``injunction.return_date`` records it. An interim injunction made without notice may not
  require the respondent to do anything (s.7(2)): positive requirements are left for the
  return date, and the order says so.
* **On notice**: the injunction under s.1, for ``injunction.duration`` (s.1(6)).
* **Power of arrest** (s.4): attached to the terms ``injunction.arrest_terms`` numbers, or,
  when it numbers none, to every prohibition ("must not ..."), never to a positive
  requirement; those terms come first, each in a numbered paragraph of its own, and the
  power-of-arrest paragraph names them. The police get a copy of those paragraphs
  (``police-notice``).
* **Youth court** (s.1(8)(a)): for a respondent under 18 on the application date, the order
  is in the youth court, says that breach is dealt with under Schedule 2 (not contempt),
  and records the youth offending team consultation (s.14(1) on notice; s.14(2) before the
  return date when made without notice), naming the team and the day from
  ``injunction.youth_offending_team`` and ``yot_consulted`` (a consultation dated after the
  order's date is not known to it).
* **Exclusion zone plan**: the evidence item that is the zone's plan (see
  :func:`zone_plan`) is attached to the order as its schedule; the bundle puts it right
  behind the order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from toolkit.casefile.model import Case, Evidence, Injunction, Party
from toolkit.documents.base import Request
from toolkit.documents.disclosure import when
from toolkit.documents.court import (
    _PROHIBITION, CourtParties, Redactor, _common, join_words, parties_title, short_name, statement_title,
)

_PLAN = re.compile(r"\b(plan|map)\b", re.I)
_ZONE = re.compile(r"\b(exclusion|zone|edged)\b", re.I)


@dataclass(frozen=True)
class OrderTerm:
    number: int
    text: str
    power_of_arrest: bool


@dataclass(frozen=True)
class OrderNumbers:
    """Paragraph numbers of the order's standard paragraphs (after the terms)."""

    zone: int | None
    duration: int
    arrest: int | None
    vary: int
    return_date: int | None
    service: int
    costs: int
    yot: int | None = None  # youth offending team to be consulted before the return date (s.14(2))


@dataclass(frozen=True)
class YouthTeam:
    """The local youth offending team (s.14): its name and the day it was consulted, each
    empty when the case does not record it (or records a consultation after the document's
    date, which the document cannot know of)."""

    name: str
    consulted: str


def youth_team(injunction: Injunction, on: date) -> YouthTeam:
    """The youth offending team as a document dated ``on`` may state it (the application,
    the draft order)."""
    consulted = injunction.yot_consulted
    return YouthTeam(injunction.youth_offending_team or "", when(consulted, about=False) if consulted and consulted <= on else "")


def is_requirement(text: str) -> bool:
    """A positive requirement ("must attend ...") rather than a prohibition ("must not ...")."""
    return not _PROHIBITION.search(text)


def order_terms(injunction: Injunction, redact: Redactor, *, interim: bool = False) -> list[OrderTerm]:
    """The terms, numbered: those with a power of arrest first, each in its own paragraph.
    An interim order made without notice leaves out positive requirements (s.7(2))."""
    chosen = set(injunction.arrest_terms or [])

    def carries(number: int, text: str) -> bool:
        if not injunction.power_of_arrest:
            return False
        return number in chosen if chosen else not is_requirement(text)

    marked = [
        (redact(t), carries(n, t)) for n, t in enumerate(injunction.terms, start=1)
        if not (interim and is_requirement(t))
    ]
    ordered = [t for t in marked if t[1]] + [t for t in marked if not t[1]]
    return [OrderTerm(n, text, arrest) for n, (text, arrest) in enumerate(ordered, start=1)]


def paragraph_list(numbers: list[int]) -> str:
    """[1, 2, 3, 5] -> "1, 2, 3 and 5"; [1, 2, 3, 4] -> "1 to 4"."""
    if not numbers:
        return ""
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]} to {numbers[-1]}"
    return join_words([str(n) for n in numbers])


def zone_plan(case: Case) -> Evidence | None:
    """The plan of the exclusion zone, to be attached to the order: the evidence item whose
    description calls it a plan (or map) of the exclusion zone ("... with the proposed
    exclusion zone edged red"); the latest such item if there are several."""
    if case.injunction is None or not case.injunction.exclusion_zone:
        return None
    plans = [
        e for e in case.evidence
        if e.file and e.kind == "document" and _PLAN.search(e.description or "") and _ZONE.search(e.description or "")
    ]
    return max(plans, key=lambda e: e.date.isoformat() if e.date else "") if plans else None


def _duration(text: str | None) -> str:
    """"12 months" -> "for 12 months from the date of this order"; "until further order" as it is."""
    if not text:
        return "until further order"
    text = text.strip()
    if re.match(r"^\d+\s+(day|week|month|year)s?$", text, re.I):
        return f"for {text} from the date of this order"
    return text


def _period(text: str | None) -> str:
    """"12 months" -> "for 12 months"; "until further order" as it is: the period asked for."""
    if text and re.match(r"^\s*\d", text):
        return f"for {text.strip()}"
    return (text or "until further order").strip()


def _address(party: Party) -> str:
    return ", ".join([*party.address, party.postcode or ""]).strip(", ")


def order_facts(request: Request) -> dict[str, Any]:
    """What the order says (shared by the draft order and the notice to the police)."""
    case, injunction, respondent_copy, names, redact = _common(request)
    respondent = case.party(injunction.respondent)
    interim = injunction.without_notice
    terms = order_terms(injunction, redact, interim=interim)
    left_out = [redact(t) for t in injunction.terms if interim and is_requirement(t)]
    title = parties_title(case, injunction, names)
    n = len(terms)
    arrest = [t.number for t in terms if t.power_of_arrest]

    def nxt() -> int:
        nonlocal n
        n += 1
        return n

    zone = nxt() if injunction.exclusion_zone else None
    duration = nxt()
    arrest_para = nxt() if arrest else None
    vary = nxt()
    return_date = nxt() if interim else None
    yot = nxt() if interim and title.youth else None
    service, costs = nxt(), nxt()
    plan = zone_plan(case)
    return {
        "names": names,
        "respondent": respondent,
        "respondent_address": _address(respondent),
        "injunction": injunction,
        "title": title,
        "terms": terms,
        "requirements_left_out": left_out,
        "arrest_terms": paragraph_list(arrest),
        "all_terms": paragraph_list([t.number for t in terms]),
        "para": OrderNumbers(zone, duration, arrest_para, vary, return_date, service, costs, yot),
        "exclusion_zone": redact(injunction.exclusion_zone),
        "zone_plan": case.exhibit_marks()[plan.id] if plan else "",
        "duration": _duration(injunction.duration),
        "period": _period(injunction.duration),
        "interim": interim,
        "hearing": when(injunction.hearing, about=False) if injunction.hearing else "",
        "return_date": when(injunction.return_date, about=False) if injunction.return_date else "",
        "yot": youth_team(injunction, request.document_date),
        "statement": statement_title(case),
        "witness_short": short_name(case.officer.name),
        "respondent_copy": respondent_copy,
    }


DRAFT_ORDER_TYPES: dict[str, Any] = {
    "names": dict[str, str],
    "respondent": Party,
    "respondent_address": str,
    "injunction": Injunction,
    "title": CourtParties,
    "terms": list[OrderTerm],
    "requirements_left_out": list[str],
    "arrest_terms": str,
    "all_terms": str,
    "para": OrderNumbers,
    "exclusion_zone": str,
    "zone_plan": str,
    "duration": str,
    "period": str,
    "interim": bool,
    "hearing": str,
    "return_date": str,
    "yot": YouthTeam,
    "statement": str,
    "witness_short": str,
    "respondent_copy": bool,
}

__all__ = ["DRAFT_ORDER_TYPES", "OrderNumbers", "OrderTerm", "YouthTeam", "is_requirement", "order_facts", "order_terms", "paragraph_list", "youth_team", "zone_plan"]
