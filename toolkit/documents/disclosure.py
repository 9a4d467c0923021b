"""Who reads each document, and what that reader may be told: decided here, once.

Templates print what they are given; what they are given is shaped here for the reader
(domain.md, "Disclosure: who may read what"), so a new template version cannot disclose
more than an old one did:

- the **court** reads everything, with its sources;
- an **alleged perpetrator** (warning letters, ABC documents, the respondent's copies of
  the court documents) is told each incident as its ``allegation``, or as a neutral
  sentence made from its date, place and category, never as the officer's
  ``description``; no victim or witness is named unless they agreed (``may_be_named``),
  an anonymous witness never; only the tenancy clauses the incidents engage are quoted;
  "hate crime" only for the police's five monitored strands;
- a **partner agency** (referrals) is told what happened to the person referred, without
  any third party's name or contact details;
- the **person the document is about** (acknowledgement, consent form) is told about
  their own report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal
from collections.abc import Iterable

from babel.dates import format_date, format_time

from toolkit.casefile.model import Case, Incident, Party, Tenancy
from toolkit.casefile.loader import located
from toolkit.casefile.youth import respondent_under_18
from toolkit.errors import InputError

Reader = Literal["court", "perpetrator", "agency", "subject"]

READER_OF_KIND: dict[str, Reader] = {
    "acknowledgement": "subject",
    "update-letter": "subject",
    "closure-letter": "subject",
    "consent-form": "subject",
    "warning-letter": "perpetrator",
    "abc": "perpetrator",
    "abc-review": "perpetrator",
    "abc-review-outcome": "perpetrator",
    "abc-breach": "perpetrator",
    "consent-withdrawn": "subject",  # with --agency, the notice the organisation reads: only the name and the date
    "contractor-letter": "agency",  # the operative's firm: the allegations, no victim's details
    "referral": "agency",
    "claim-form": "court",
    "witness-statement": "court",
    "draft-order": "court",
    "anonymity-application": "court",
    "certificate-of-service": "court",  # the process server's statement, filed with the court
    "police-notice": "agency",
}

#: The five strands the police monitor as hate crime, in the police's words. Hostility
#: related to sex, age and the other characteristics is harassment the policy covers,
#: but letters must not call it a hate crime.
HATE_STRANDS = {
    "race": "race",
    "religion_belief": "religion",
    "sexual_orientation": "sexual orientation",
    "disability": "disability",
    "gender_reassignment": "transgender identity",
}

#: What is reported, put neutrally to the person it is reported about ("you ...").
_PUT_TO = {
    "physical_assault": "assaulted another person",
    "property_damage": "damaged property",
    "graffiti": "wrote or sprayed graffiti",
    "arson": "set fire to property",
    "verbal_abuse": "verbally abused another person",
    "threatening_behaviour": "behaved in a threatening way towards another person",
    "abusive_letters": "sent or delivered an abusive letter or note",
    "abusive_calls": "made abusive telephone calls",
    "dumping": "dumped rubbish or other items",
    "online_abuse": "sent or posted abusive messages online",
    "other": "behaved in a way that caused nuisance or distress to others",
}
#: The same, as something that happened to the person referred ("... was subjected to").
_HAPPENED = {
    "physical_assault": "was assaulted",
    "property_damage": "had property damaged",
    "graffiti": "was targeted with graffiti",
    "arson": "was targeted by a fire being set",
    "verbal_abuse": "was verbally abused",
    "threatening_behaviour": "was threatened",
    "abusive_letters": "received an abusive letter or note",
    "abusive_calls": "received abusive telephone calls",
    "dumping": "had rubbish or other items dumped",
    "online_abuse": "received abusive messages online",
    "other": "experienced behaviour that caused distress",
}


def reader_of_kind(kind: str, respondent_copy: bool = False) -> Reader:
    """The reader of a document kind; the respondent's copy of a court document is read
    by the alleged perpetrator."""
    reader = READER_OF_KIND.get(kind, "subject")
    return "perpetrator" if reader == "court" and respondent_copy else reader


def hate_strands(motivations: Iterable[str]) -> list[str]:
    """The police's hate-crime strands among ``motivations`` ("race", "religion", ...)."""
    return [HATE_STRANDS[m] for m in HATE_STRANDS if m in set(motivations)]


def when(moment: date, about: bool = True) -> str:
    """"6 September 2026 at about 23:10" (en-GB, for letters and the court alike); the date alone for a date.

    ``about=False`` for times the record fixes exactly (a hearing, the officer's own step).
    """
    day = moment.date() if isinstance(moment, datetime) else moment
    text = format_date(day, format="long", locale="en_GB")
    if isinstance(moment, datetime):
        text += f" at {'about ' if about else ''}{format_time(moment.time(), format='HH:mm', locale='en_GB')}"
    return text


_MOTIVATION_WORDS = {
    "religion_belief": "religion or belief",
    "marriage_civil_partnership": "marriage or civil partnership",
    "pregnancy_maternity": "pregnancy or maternity",
}


def _motive(incident: Incident) -> str:
    words = [_MOTIVATION_WORDS.get(m, m.replace("_", " ")) for m in incident.motivation]
    if not words:
        return ""
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return f" It has been reported as motivated by hostility related to {listed}."


# -- identifying details --------------------------------------------------------------
@dataclass(frozen=True)
class Mention:
    """A detail that identifies a party, found in a text: ``what`` says which."""

    party: str
    what: str
    found: str


def _name_forms(case: Case, party: Party) -> set[str]:
    words = party.name.split()
    forms = {party.name, party.full_name}
    if party.title and words:
        forms |= {f"{party.title} {party.surname}", f"{party.title}. {party.surname}"}
    others = " ".join(p.name for p in case.parties if p.id != party.id).casefold().split()
    for word in (words[0], words[-1]) if len(words) > 1 else ():
        if len(word) > 3 and word.casefold() not in others:
            forms.add(word)  # "Nwosu" or "Patricia" alone, unless someone else has the name
    return forms


def _address_patterns(party: Party) -> list[tuple[str, str]]:
    """(regex, what) for the first address line and the house or flat number (a postcode is
    shared by a street, so it identifies no one)."""
    found: list[tuple[str, str]] = []
    if party.address:
        first = party.address[0]
        found.append((re.escape(first), "address"))
        number = re.match(r"^\s*(?:flat|apartment|house|no\.?|number)?\s*(\d+[A-Za-z]?)\b", first, re.I)
        if number:
            n = re.escape(number.group(1))
            found.append((rf"\b(?:flat|house|number|no\.?|#)\s*{n}\b", "flat or house number"))
            street = first[number.end():].strip(" ,")
            if street:
                found.append((rf"\b{n}\s*,?\s*{re.escape(street.split(',')[0])}", "address"))
    return found


def mentions(case: Case, text: str | None, party_ids: Iterable[str], *, details: bool) -> list[Mention]:
    """The names (and, with ``details``, address, flat or house number, phone and email)
    of ``party_ids`` found in ``text``."""
    if not text:
        return []
    found = []
    for pid in party_ids:
        party = case.party(pid)
        patterns = [(rf"\b{re.escape(form)}(?:'s|’s)?\b", "name") for form in sorted(_name_forms(case, party), key=len, reverse=True)]
        if details:
            patterns += _address_patterns(party)
            for phone in (party.phone, party.email):
                if phone:
                    patterns.append((r"\s*".join(re.escape(c) for c in phone.replace(" ", "")), "phone number" if phone == party.phone else "email address"))
        for pattern, what in patterns:
            match = re.search(pattern, text, re.I)
            if match:
                found.append(Mention(pid, what, match.group(0)))
    return found


def unnameable(case: Case, reader_party: str | None = None) -> list[str]:
    """The parties an alleged perpetrator may not be told the name of: every victim,
    witness and other person who has not agreed to be named, and every anonymous one."""
    return [
        p.id for p in case.parties
        if p.id != reader_party and (p.anonymous or not p.may_be_named)
        and p.role not in ("perpetrator", "agency_contact")
    ]


def anonymous_ids(case: Case) -> list[str]:
    return [p.id for p in case.parties if p.anonymous]


# -- to an alleged perpetrator -------------------------------------------------------
def _in_sentence(place: str) -> str:
    """A place as it reads mid-sentence: "Front door of 7 ..." -> "front door of 7 ...", but
    "Kestrel Park Road" and "Birchfield Close, outside number 7" keep their capitals."""
    words = place.split()
    if len(words) > 1 and words[0][:1].isupper() and words[0][1:].islower() and not words[1][:1].isupper():
        return place[0].lower() + place[1:]
    return place


def neutral_allegation(incident: Incident, *, subject: str = "you") -> str:
    """"It is reported that on 6 September 2026 at about 23:10, at the residents' car park,
    you verbally abused another person." built from the date, place and category only."""
    place = f", at {_in_sentence(incident.location)}" if incident.location else ""
    return f"It is reported that on {when(incident.occurred)}{place}, {subject} {_PUT_TO[incident.category]}.{_motive(incident)}"


def put_to_perpetrator(case: Case, incident: Incident, reader: Party, on: date) -> str:
    """What a letter to ``reader`` says about ``incident``: its allegation, else a neutral
    sentence. An allegation that names someone who has not agreed to be named is refused,
    so that the officer rewords it rather than the letter going out."""
    if not incident.allegation:
        subject = reader.name if reader.is_minor_on(on) and reader.guardians else "you"  # a minor's letter goes to the parents
        return neutral_allegation(incident, subject=subject)
    named = mentions(case, incident.allegation, unnameable(case, reader.id), details=False)
    if named:
        longest: dict[str, str] = {}
        for m in named:
            longest[m.party] = max(longest.get(m.party, ""), m.found, key=len)
        who = ", ".join(f"{found} ({pid})" for pid, found in sorted(longest.items()))
        at = ("incidents", next(n for n, i in enumerate(case.incidents) if i.id == incident.id), "allegation")
        raise InputError(located(case, [(at, (
            f"the allegation of incident {incident.id} names {who}, who has not agreed to be named to the alleged "
            "perpetrator: reword it (e.g. 'a neighbour'), or record 'may_be_named: true' for a victim or witness who agreed"
        ))]))
    return incident.allegation


def place_for_perpetrator(case: Case, incident: Incident, reader_id: str) -> str | None:
    """Where an incident happened, as a letter to the alleged perpetrator says it: the
    case's estate (or street) instead of a place that names someone who has not agreed to
    be named ("Voicemail left on Ms Ashworth's line") or points to an anonymous witness."""
    place = incident.location
    if place and (mentions(case, place, unnameable(case, reader_id), details=False) or mentions(case, place, anonymous_ids(case), details=True)):
        return case.location.estate or case.location.address[0]
    return place


def for_perpetrator(case: Case, incidents: list[Incident], reader: Party, on: date) -> list[Incident]:
    """``incidents`` as a letter to ``reader`` may print them: the allegation (or a neutral
    sentence) in place of the description, and a place that names no one."""
    placed = [i.model_copy(update={"location": place_for_perpetrator(case, i, reader.id)}) for i in incidents]
    return [i.model_copy(update={"description": put_to_perpetrator(case, i, reader, on)}) for i in placed]


def engaged_tenancy(tenancy: Tenancy | None, incidents: list[Incident]) -> Tenancy | None:
    """The tenancy with only the clauses the incidents engage (``incidents[].clauses``)."""
    if tenancy is None:
        return None
    engaged = {number for i in incidents for number in i.clauses}
    return tenancy.model_copy(update={"clauses": [c for c in tenancy.clauses if c.number in engaged]})


def perpetrator_case(case: Case) -> Case:
    """The case as a template addressed to an alleged perpetrator may see it: motivation
    only as the hate-crime strands (a letter calls only those a hate incident), no
    descriptions, action notes or evidence descriptions."""
    return case.model_copy(update={
        "motivation": [m for m in case.motivation if m in HATE_STRANDS],
        "incidents": [i.model_copy(update={"description": i.allegation or neutral_allegation(i)}) for i in case.incidents],
        "actions": [a.model_copy(update={"notes": None}) for a in case.actions],
        "evidence": [e.model_copy(update={"description": None}) for e in case.evidence],
    })


# -- the respondent's copies of the court documents ----------------------------------
def withheld_from_respondent(case: Case, evidence_id: str) -> bool:
    """Evidence the respondent's copy replaces by "withheld" pages: provided by an anonymous
    witness or marked ``withhold_from_respondent``, with no redacted ``respondent_file``."""
    item = case.evidence_item(evidence_id)
    risky = item.withhold_from_respondent or (item.provided_by is not None and case.party(item.provided_by).anonymous)
    return risky and not item.respondent_file


def anonymous_involved(case: Case, incident: Incident) -> list[str]:
    """The anonymous parties who reported or witnessed ``incident``."""
    anonymous = set(anonymous_ids(case))
    return [pid for pid in dict.fromkeys([*incident.reported_by, *incident.witnesses, *incident.victims]) if pid in anonymous]


def as_defendant(text: str, label: str = "Defendant") -> str:
    """An allegation put to "you", as the witness statement says it of the Defendant (the
    Respondent in the youth court):
    "It is reported that on 6 September 2026 you shouted ..." -> "on 6 September 2026 the
    Defendant shouted ..." (it follows "I am told ... that")."""
    text = re.sub(r"^\s*it is (?:reported|alleged) that\s+", "", text, flags=re.I)
    parts = re.split(r"(\"[^\"]*\"|“[^”]*”)", text)  # words quoted are left as they were said
    for n in range(0, len(parts), 2):
        parts[n] = re.sub(r"\byou\b", f"the {label}", re.sub(r"\byour\b", f"the {label}'s", parts[n], flags=re.I), flags=re.I)
    return "".join(parts)


def respondent_case(case: Case) -> Case:
    """The case as the respondent's copies may tell it, or an :class:`InputError` listing
    every place that would identify an anonymous witness.

    Each incident is told as its allegation (said of "the Defendant"), or a neutral
    sentence when no anonymous witness reported or saw it; one they did that has no
    allegation stops the copy, so that an officer writes a safe text rather than the tool
    guessing. Places, allegations, the titles of exhibits served, the order's terms and
    exclusion zone must not mention an anonymous witness's name, address, flat or house
    number or phone. Action notes are internal and go nowhere.
    """
    anonymous = anonymous_ids(case)
    respondent = case.injunction.respondent if case.injunction else ""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    position = {id(x): n for section in (case.incidents, case.evidence) for n, x in enumerate(section)}

    def check(path: tuple[str | int, ...], what: str, text: str | None) -> None:
        for m in mentions(case, text, anonymous, details=True):
            problems.append((path, f"{what} mentions the {m.what} of anonymous witness {m.party} ('{m.found}'), and the respondent is served it: reword it"))

    incidents = []
    for incident in case.incidents:
        at: tuple[str | int, ...] = ("incidents", position[id(incident)])
        involved = anonymous_involved(case, incident)
        if involved and not incident.allegation:
            problems.append((
                (*at, "id"),
                f"incident {incident.id} was reported or witnessed by {', '.join(involved)}, who is anonymous, so the respondent "
                "is served only its 'allegation', and it has none: write one",
            ))
        check((*at, "allegation"), f"the allegation of incident {incident.id}", incident.allegation)
        check((*at, "location"), f"the location of incident {incident.id}", incident.location)
        told = incident.allegation or neutral_allegation(incident, subject="you" if respondent in incident.perpetrators else "someone")
        incidents.append(incident.model_copy(update={"description": as_defendant(told, "Respondent" if respondent_under_18(case) else "Defendant")}))
    evidence = []
    for item in case.evidence:
        if withheld_from_respondent(case, item.id):
            evidence.append(item.model_copy(update={"description": None}))
        else:
            check(("evidence", position[id(item)], "description"), f"the description of evidence {item.id} (the exhibit's title)", item.description)
            evidence.append(item)
    if case.injunction is not None:
        for n, term in enumerate(case.injunction.terms, start=1):
            check(("injunction", "terms", n - 1), f"term {n} of the injunction", term)
        check(("injunction", "exclusion_zone"), "the exclusion zone", case.injunction.exclusion_zone)
    if problems:
        raise InputError(located(case, problems))
    return case.model_copy(update={
        "incidents": incidents,
        "evidence": evidence,
        "actions": [a.model_copy(update={"notes": None}) for a in case.actions],
    })


# -- to a partner agency --------------------------------------------------------------
def for_agency(case: Case, incidents: list[Incident], party: Party) -> list[Incident]:
    """What a referral about ``party`` says of each incident: what happened to them (or
    what they saw), where and when, and the hostility reported; nobody else's name or
    contact details (UK GDPR Art 5(1)(c)). The place loses anyone else's address details."""
    others = [p.id for p in case.parties if p.id != party.id]
    shown = []
    for incident in incidents:
        what = incident.category.replace("_", " ")
        if party.id in incident.victims:
            text = f"{party.name} {_HAPPENED[incident.category]}."
        elif party.id in incident.witnesses:
            text = f"{party.name} saw or heard an incident of {what}."
        else:
            text = f"An incident of {what} was reported."
        place = incident.location or ""
        own = {m.found.casefold() for m in mentions(case, place, [party.id], details=True)}
        if any(m.found.casefold() not in own for m in mentions(case, place, others, details=True)):
            place = case.location.estate or case.location.address[0]
        shown.append(incident.model_copy(update={"description": text + _motive(incident), "location": place}))
    return shown
