"""Court documents for an injunction (domain.md, "Injunction bundle"): the case officer's
witness statement (CPR PD 32) and the draft order (Anti-social Behaviour, Crime and
Policing Act 2014, Part 1).

The builders here turn the case into plain facts for the templates; the wording of the
law lives in the templates (``letter_templates/witness-statement``, ``draft-order``).

Decisions, recorded once:

* **Hearsay** (PD 32 18.2). An incident is the officer's own evidence only when the
  officer is recorded as a witness or victim of it (a ``staff_member`` party with the
  officer's name). Every other incident is relayed from the victims and witnesses named
  in it ("I am told by ... and believe it to be true").
* **Anonymous witnesses.** Every name the toolkit writes comes from the ``names``
  mapping (party id -> display name). In the copy for the respondent (``Request.options``
  ``{"for_respondent": "yes"}``) a party with ``anonymous: true`` is "Witness A",
  "Witness B", ... (in the order of the case's parties), and their name and first
  address line are also replaced in every free text the toolkit prints (incident
  descriptions, action notes, evidence descriptions, order terms).  Exhibits they
  provided keep their marks (so both copies refer to the same PS numbers) but are said
  to be withheld from the respondent's copy.
* **Power of arrest** (s.4). When the case asks for one, it is attached to the terms
  ``injunction.arrest_terms`` numbers, or, when it numbers none, to every prohibition
  ("must not ...") of the order, not to positive requirements: the s.4 test
  is about the respondent's conduct (violence, threats, risk of harm), and a power of
  arrest on the exclusion zone and no-contact terms is what lets the police act on a
  breach. Terms with a power of arrest come first, each in its own numbered paragraph,
  and the power-of-arrest paragraph names them by number.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date
from collections.abc import Callable


from toolkit.documents import disclosure
from toolkit.errors import InputError
from toolkit.casefile.model import Case, Evidence, Injunction
from toolkit.documents.base import Request
from toolkit.casefile.youth import respondent_under_18

FOR_RESPONDENT = "for_respondent"

EVIDENCE_NOUNS = {
    "photo": "photograph",
    "cctv_still": "still from CCTV footage",
    "video": "video recording",
    "document": "document",
    "police_report": "police report",
    "diary_sheet": "diary sheet",
    "tenancy_agreement": "tenancy agreement",
    "letter": "letter",
    "statement": "statement",
}

_COMMON_FIRST_WORDS = {
    "a", "an", "the", "as", "on", "in", "at", "while", "when", "after", "before", "during",
    "overnight", "following", "late", "early", "shortly", "someone", "somebody", "his", "her",
    "their", "this", "that", "there", "it", "he", "she", "they", "we", "two", "three", "several",
    "some", "words", "graffiti", "abuse", "between", "about", "around",
}
_PROHIBITION = re.compile(r"\b(must not|shall not|is forbidden|is prohibited|not to)\b", re.I)


# -- names ---------------------------------------------------------------------------
def for_respondent(options: dict[str, str]) -> bool:
    return str(options.get(FOR_RESPONDENT, "")).strip().lower() in ("yes", "true", "1")


def anonymous_labels(case: Case) -> dict[str, str]:
    """Party id -> "Witness A", "Witness B", ... for the anonymous parties, in case order."""
    anonymous = [p for p in case.parties if p.anonymous]
    labels = {}
    for n, party in enumerate(anonymous):
        letter = string.ascii_uppercase[n % 26] + ("" if n < 26 else str(n // 26))
        labels[party.id] = f"Witness {letter}"
    return labels


def names_for(case: Case, respondent_copy: bool) -> dict[str, str]:
    """Party id -> how the document names them: anonymous parties as "Witness A" in the
    respondent's copy, everyone else by title and full name."""
    labels = anonymous_labels(case) if respondent_copy else {}
    return {p.id: labels.get(p.id) or p.full_name for p in case.parties}


def _labelled(label: str) -> Callable[[re.Match[str]], str]:
    """A name's replacement by ``label``, keeping a possessive ("Mrs Nwosu's" -> "Witness A's")."""
    return lambda m: label + ("’s" if m.group(0).lower().endswith(("'s", "’s")) else "")


class Redactor:
    """Replaces an anonymous party's name (full, "Title Surname", "Title Forename") and first
    address line in free text with their label, in the respondent's copy."""

    def __init__(self, case: Case, respondent_copy: bool) -> None:
        self.rules: list[tuple[re.Pattern[str], str]] = []
        if not respondent_copy:
            return
        for pid, label in anonymous_labels(case).items():
            party = case.party(pid)
            words = party.name.split()
            forms = {party.name, party.full_name}
            if party.title and words:
                forms |= {f"{party.title} {words[-1]}", f"{party.title}. {words[-1]}"}
            others = " ".join(p.name for p in case.parties if p.id != pid).casefold().split()
            if len(words) > 1 and len(words[-1]) > 3 and words[-1].casefold() not in others:
                forms.add(words[-1])  # "Nwosu" alone
            if len(words) > 1 and len(words[0]) > 3 and words[0].casefold() not in others:
                forms.add(words[0])  # "Patricia" alone, unless someone else has the name
            for form in sorted(forms, key=len, reverse=True):
                self.rules.append((re.compile(rf"\b{re.escape(form)}(?:'s|’s)?\b", re.I), label))
            if party.address:
                self.rules.append((re.compile(re.escape(party.address[0]), re.I), "[address withheld]"))

    def __call__(self, text: str | None) -> str:
        if not text:
            return ""
        for pattern, label in self.rules:
            text = pattern.sub(_labelled(label), text)
        return text


def join_words(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def short_name(name: str) -> str:
    """Initials and surname, as PD 32 17.1 wants them: "Priya Sharma" -> "P Sharma"."""
    words = name.split()
    if len(words) < 2:
        return name
    return " ".join([*(w[0].upper() for w in words[:-1]), words[-1]])


def mark_range(marks: list[str]) -> str:
    """["PS1", "PS2", "PS3"] -> "PS1–PS3"; a list when they are not one run."""
    if not marks:
        return "none"
    parsed = [re.match(r"^([A-Z]+)(\d+)$", m) for m in marks]
    if all(parsed):
        prefixes = {p.group(1) for p in parsed}  # type: ignore[union-attr]
        numbers = sorted(int(p.group(2)) for p in parsed)  # type: ignore[union-attr]
        if len(prefixes) == 1 and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            prefix = prefixes.pop()
            return f"{prefix}{numbers[0]}" if len(numbers) == 1 else f"{prefix}{numbers[0]}\u2013{prefix}{numbers[-1]}"
    return ", ".join(sorted(marks, key=lambda m: (re.sub(r"\d", "", m), int(re.sub(r"\D", "", m) or 0))))


def _mark_key(mark: str) -> tuple[str, int]:
    return re.sub(r"\d", "", mark), int(re.sub(r"\D", "", mark) or 0)


def clause_start(text: str) -> str:
    """Text to follow "that": the first letter lowered unless it starts a name."""
    first = re.match(r"^[\"“']?([A-Za-z]+)", text)
    if first and first.group(1).lower() in _COMMON_FIRST_WORDS and (len(first.group(1)) == 1 or first.group(1)[1:].islower()):
        index = first.start(1)
        return text[:index] + text[index].lower() + text[index + 1:]
    return text


def court_title(court: str) -> str:
    """"County Court at Bromley" -> "IN THE COUNTY COURT AT BROMLEY"."""
    name = re.sub(r"^(in\s+)?the\s+", "", court.strip(), flags=re.I)
    return f"IN THE {name.upper()}"


def statement_title(case: Case) -> str:
    """"the 2nd witness statement of Priya Sharma": the number from ``injunction.statement_number``."""
    number = case.injunction.statement_number if case.injunction else 1
    return f"the {ordinal(number)} witness statement of {case.officer.name}"


def require_injunction(case: Case, what: str = "court documents") -> Injunction:
    """The case's injunction section; a case without one cannot have ``what``."""
    if case.injunction is None:
        raise InputError.at(
            case.source_path or case.reference, 0, 0,
            f"{case.reference} has no 'injunction' section, so there are no {what} to make: add the "
            "injunction's details (respondent, court, terms, claim_number, ...) to the case file first",
        )
    return case.injunction


# -- the context ---------------------------------------------------------------------
@dataclass(frozen=True)
class Exhibit:
    mark: str
    noun: str
    description: str
    date: date | None
    withheld: bool

    @property
    def reference(self) -> str:
        """"the photograph marked PS3"."""
        # brackets inside brackets read badly in a statement: "(diary sheet, scanned)"
        flat = re.sub(r"\s*\(([^()]*)\)", r", \1", self.description) if self.description else ""
        described = f" ({flat})" if flat else ""
        return f"the {self.noun} marked {self.mark}{described}"


@dataclass(frozen=True)
class CourtParties:
    """The title of the proceedings, and the court they are in.

    A respondent under 18 on the application date is taken to the youth court (2014 Act
    s.1(8)(a)), where the parties are the Applicant and the Respondent; in the county court
    (CPR Part 8, form N16A) they are the Claimant and the Defendant."""

    court: str
    claim_number: str
    claimant: str
    defendant: str
    court_name: str = ""  # "County Court at Bromley", as the case file names it, without "the"
    youth: bool = False
    claimant_label: str = "Claimant"
    defendant_label: str = "Defendant"

    @property
    def number_label(self) -> str:
        """What the court's number is called: a county court claim's, or a youth court case's."""
        return "Case No." if self.youth else "Claim No."


def exhibits_of(case: Case, respondent_copy: bool, redact: Redactor) -> dict[str, Exhibit]:
    """Every exhibit by evidence id. In the respondent's copy an exhibit withheld from it
    (provided by an anonymous witness, or ``withhold_from_respondent`` without a redacted
    ``respondent_file``) is "the exhibit marked PS4", with no kind or description: "a
    neighbour's doorbell camera" would point to the witness."""
    marks = case.exhibit_marks()
    exhibits = {}
    for e in case.evidence:
        if respondent_copy and disclosure.withheld_from_respondent(case, e.id):
            exhibits[e.id] = Exhibit(marks[e.id], "exhibit", "", e.date, True)
        else:
            exhibits[e.id] = Exhibit(marks[e.id], EVIDENCE_NOUNS.get(e.kind, "document"), redact(e.description) or "", e.date, False)
    return exhibits


def _officer_party_ids(case: Case) -> set[str]:
    officer = case.officer.name.casefold()
    return {p.id for p in case.parties if p.role == "staff_member" and p.name.casefold() == officer}


def _common(request: Request) -> tuple[Case, Injunction, bool, dict[str, str], Redactor]:
    respondent_copy = for_respondent(request.options)
    case = disclosure.respondent_case(request.case) if respondent_copy else request.case
    injunction = require_injunction(case)
    names = names_for(case, respondent_copy)
    return case, injunction, respondent_copy, names, Redactor(case, respondent_copy)


def party_labels(case: Case) -> tuple[str, str]:
    """What the papers call the parties: the Applicant and the Respondent in the youth court
    (a respondent under 18, s.1(8)(a)), the Claimant and the Defendant in the county court
    (CPR Part 8)."""
    return ("Applicant", "Respondent") if respondent_under_18(case) else ("Claimant", "Defendant")


def parties_title(case: Case, injunction: Injunction, names: dict[str, str]) -> CourtParties:
    respondent = case.party(injunction.respondent)
    youth = respondent_under_18(case)
    claimant_label, defendant_label = party_labels(case)
    return CourtParties(
        court=court_title(injunction.court),
        claim_number=injunction.claim_number or "(not yet issued)",
        claimant="KENISTON HOUSING ASSOCIATION",
        defendant=respondent.name.upper(),
        court_name=re.sub(r"^(in\s+)?the\s+", "", injunction.court.strip(), flags=re.I),
        youth=youth,
        claimant_label=claimant_label,
        defendant_label=defendant_label,
    )


__all__ = [
    "CourtParties",
    "Evidence",
    "Exhibit",
    "Redactor",
    "anonymous_labels",
    "for_respondent",
    "join_words",
    "mark_range",
    "names_for",
    "ordinal",
    "parties_title",
    "party_labels",
    "require_injunction",
    "short_name",
    "statement_title",
]
