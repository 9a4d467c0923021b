"""The case file as Pydantic models: the contract of ``docs/casefile.md`` in code.

Everything later stages need to *know* about a case (ages, minors, who did what, consent
in force, exhibit marks) is computed here, once, so that no template or report re-derives
it differently; the policy's clocks are in :mod:`toolkit.deadlines.clocks`.

The values themselves (allowed words, patterns, dates) are typed in
:mod:`toolkit.casefile.values`; the rules across keys, which the loader reports with their
lines, are in :mod:`toolkit.casefile.rules` and are applied here too when a case is built
in code.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, model_validator

from toolkit.casefile.rules import case_problems
from toolkit.casefile.values import (
    LANGUAGE_PATTERN,
    SURNAME_PARTICLES,
    ActionType,
    CaseDate,
    CaseDateTime,
    Category,
    ConsentMethod,
    LawfulBasis,
    DateOrDateTime,
    Email,
    EvidenceKind,
    Format,
    Motivation,
    PartyId,
    Reference,
    Role,
    Satisfaction,
    SchemaVersion,
    TenancyType,
    Text,
    add_months,
    initials,
    start_of,
)
from toolkit.errors import Problem


class Strict(BaseModel):
    """Unknown keys are errors: an officer's typo must never be silently ignored."""

    model_config = ConfigDict(extra="forbid", validate_default=False)


class Officer(Strict):
    name: Text
    job_title: Text
    phone: Text
    email: Email


class Location(Strict):
    address: list[Text] = Field(min_length=1)
    postcode: Text
    estate: Text | None = None


class Clause(Strict):
    number: Text
    text: Text


class Tenancy(Strict):
    reference: Text | None = None
    type: TenancyType | None = None
    start: CaseDate | None = None
    clauses: list[Clause] = []


class Characteristics(Strict):
    """Equality monitoring answers: special category data, only ever aggregated."""

    age_band: Text | None = None
    disability: Text | None = None
    ethnicity: Text | None = None
    gender_reassignment: Text | None = None
    marriage_civil_partnership: Text | None = None
    pregnancy_maternity: Text | None = None
    religion_belief: Text | None = None
    sex: Text | None = None
    sexual_orientation: Text | None = None


class Party(Strict):
    id: PartyId
    role: Role
    name: Text
    title: Text | None = None
    address: list[Text] = []
    postcode: Text | None = None
    phone: Text | None = None
    email: Email | None = None
    date_of_birth: CaseDate | None = None
    guardians: list[PartyId] = []
    tenancy: Tenancy | None = None
    language: Annotated[str, Field(pattern=LANGUAGE_PATTERN)] = "en"
    interpreter: bool = False
    format: Format = "standard"
    anonymous: bool = False
    may_be_named: Annotated[
        bool, Field(description="true: agreed to be named to the alleged perpetrator in letters (default false)")
    ] = False
    characteristics: Characteristics | None = None

    def age_on(self, day: date) -> int | None:
        """Whole years on ``day``; ``None`` when the date of birth is not recorded."""
        if self.date_of_birth is None:
            return None
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def is_minor_on(self, day: date) -> bool:
        age = self.age_on(day)
        return age is not None and age < 18

    @property
    def salutation(self) -> str:
        """"Dear Ms Kowalska" style: title and surname (with its particles, so "Mr van der
        Berg"); the full name when there is no title or the name is a joint one."""
        if not self.title or self.is_joint_or_organisation:
            return self.name
        return f"{self.title} {self.surname}"

    @property
    def is_joint_or_organisation(self) -> bool:
        """"Kwame & Abena Mensah", "Acme Repairs Ltd": no single surname to use."""
        words = [w.strip(".,<>()").lower() for w in self.name.split()]
        return bool({"&", "and", "ltd", "limited", "plc", "llp", "services", "group"} & set(words))

    @property
    def surname(self) -> str:
        """The last name with its particles ("van der Berg"); the whole name of a joint
        party or an organisation."""
        words = self.name.split()
        if self.is_joint_or_organisation or len(words) < 2:
            return self.name
        start = len(words) - 1
        while start > 1 and words[start - 1].lower() in SURNAME_PARTICLES:
            start -= 1
        return " ".join(words[start:])

    @property
    def full_name(self) -> str:
        """The name as an address block shows it: "Mr Shane Doyle"."""
        return f"{self.title} {self.name}" if self.title and not self.is_joint_or_organisation else self.name


class Incident(Strict):
    id: PartyId
    occurred: DateOrDateTime
    reported: CaseDateTime | None = None
    location: Text | None = None
    category: Category
    motivation: list[Motivation] = []
    description: Text
    allegation: Annotated[
        Text | None,
        Field(description="what is put to the alleged perpetrator, in neutral words, naming only people who agreed to be named"),
    ] = None
    reported_by: Annotated[
        list[PartyId], Field(description="ids of the parties who gave the account (default: the incident's victims)")
    ] = []
    clauses: Annotated[
        list[Text], Field(description="numbers of the perpetrator's tenancy clauses the behaviour engages")
    ] = []
    perpetrators: list[PartyId] = []
    victims: list[PartyId] = []
    witnesses: list[PartyId] = []
    police_reference: Text | None = None
    evidence: list[PartyId] = []

    @model_validator(mode="before")
    @classmethod
    def _reported_by_defaults_to_victims(cls, data: Any) -> Any:
        """Who gave the account, when the file does not say: the incident's victims.

        Only a well-formed victims list is copied, so a shape error is reported once, at
        ``victims``. An explicit ``reported_by: []`` stays empty (nobody relayed it).
        """
        if isinstance(data, dict) and "reported_by" not in data:
            victims = data.get("victims")
            if isinstance(victims, list) and all(isinstance(v, str) for v in victims):
                return {**data, "reported_by": list(victims)}
        return data

    @property
    def occurred_day(self) -> date:
        return self.occurred.date() if isinstance(self.occurred, datetime) else self.occurred


class Action(Strict):
    id: PartyId | None = None
    type: ActionType
    party: PartyId | None = None
    agency: Text | None = None
    due: CaseDateTime | None = None
    done: CaseDateTime | None = None
    notes: Text | None = None
    outcome: Annotated[
        Text | None,
        Field(description="what the reader is told about the result or the measure imposed, in words meant for them (notes are never printed)"),
    ] = None
    document: Text | None = None


class Evidence(Strict):
    id: PartyId
    kind: EvidenceKind
    file: Text | None = None
    description: Text | None = None
    date: CaseDate | None = None
    exhibit: Annotated[str, Field(pattern=r"^[A-Z]{1,4}\d{1,3}$")] | None = None
    provided_by: PartyId | None = None
    withhold_from_respondent: Annotated[
        bool, Field(description="true: left out of the respondent's copies (e.g. a police log naming a witness)")
    ] = False
    respondent_file: Annotated[
        Text | None, Field(description="a redacted version served on the respondent instead of 'file'")
    ] = None


class Consent(Strict):
    party: PartyId
    agencies: list[Text] = Field(min_length=1)
    purposes: list[Text] = []
    given: CaseDate
    method: ConsentMethod = "written"
    withdrawn: CaseDate | None = None
    form_version: Text | None = None
    language: Annotated[str, Field(pattern=LANGUAGE_PATTERN)] | None = None
    interpreter_name: Text | None = None
    basis: Annotated[
        LawfulBasis,
        Field(description="the lawful basis for sharing: consent (default), or another where the person is not free to refuse (an ABC requirement, a child)"),
    ] = "consent"

    def covers(self, agency: str, on: date) -> bool:
        """True when this consent names ``agency`` and is in force on ``on``."""
        named = any(a.casefold() == agency.strip().casefold() for a in self.agencies)
        in_force = self.given <= on and (self.withdrawn is None or self.withdrawn > on)
        return named and in_force


class ABC(Strict):
    party: PartyId
    start: CaseDate | None = None
    months: Annotated[int, Field(ge=1, le=24)] = 6
    review_after_months: Annotated[int, Field(ge=1, le=24)] = 3
    prohibitions: list[Text] = []
    requirements: list[Text] = []
    support: list[Text] = []
    witnesses: list[PartyId] = []

    def end(self, start: date) -> date:
        return add_months(start, self.months)

    def review(self, start: date) -> date:
        return add_months(start, self.review_after_months)


class Injunction(Strict):
    respondent: PartyId
    court: Text
    without_notice: bool = False
    power_of_arrest: bool = False
    terms: list[Text] = []
    arrest_terms: list[Annotated[int, Field(ge=1)]] | None = None  # which terms (1 = first) carry it
    exclusion_zone: Text | None = None
    duration: Text | None = None
    hearing: CaseDateTime | None = None
    claim_number: Text | None = None
    return_date: CaseDateTime | None = None  # the on-notice hearing, once the court has fixed it
    statement_number: Annotated[int, Field(ge=1)] = 1  # the officer's 1st, 2nd, ... statement
    short_name: Text | None = None
    bundle_letter: Annotated[str, Field(pattern=r"^[A-Z]$")] = "A"
    # the youth court (s.14): the local youth offending team, and the day it was consulted
    youth_offending_team: Text | None = None
    yot_consulted: CaseDate | None = None


class Feedback(Strict):
    party: PartyId
    date: CaseDate
    satisfied: Satisfaction
    comment: Text | None = None


class Case(Strict):
    """One case file, validated: made by :func:`toolkit.load_case` (which locates every problem)."""

    schema_version: SchemaVersion
    reference: Reference
    received: CaseDateTime
    status: Literal["open", "closed"]
    closed: CaseDate | None = None
    closure_reason: Text | None = None
    officer: Officer
    location: Location
    categories: list[Category] = Field(min_length=1)
    motivation: list[Motivation]
    parties: list[Party] = Field(min_length=1)
    incidents: list[Incident] = Field(min_length=1)
    actions: list[Action] = []
    evidence: list[Evidence] = []
    consents: list[Consent] = []
    abc: ABC | None = None
    injunction: Injunction | None = None
    feedback: list[Feedback] = []

    _source: Path | None = PrivateAttr(default=None)
    _sha256: str | None = PrivateAttr(default=None)
    _advisories: list[Problem] = PrivateAttr(default_factory=list)

    @model_validator(mode="after")
    def _cross_references(self, info: ValidationInfo) -> Case:
        """Programmatic construction gets the same rules the loader reports with lines."""
        if info.context and info.context.get("located_checks"):
            return self
        problems = case_problems(self.model_dump(mode="json", exclude_none=True), None)
        if problems:
            raise ValueError("; ".join(f"{'.'.join(map(str, p.path))}: {p.render()}" for p in problems))
        return self

    # -- where the case came from -------------------------------------------------
    @property
    def source_path(self) -> Path | None:
        return self._source

    @property
    def source_sha256(self) -> str | None:
        return self._sha256

    def attach_source(self, path: Path, sha256: str) -> None:
        self._source, self._sha256 = path, sha256

    def attach_advisories(self, advisories: list[Problem]) -> None:
        """Located warnings found while loading, which ``validate`` prints."""
        self._advisories = list(advisories)

    @property
    def advisories(self) -> list[Problem]:
        return list(self._advisories)

    @property
    def evidence_dir(self) -> Path | None:
        if self._source is None:
            return None
        return self._source.parent / "evidence" / self.reference

    # -- parties ------------------------------------------------------------------
    def party(self, party_id: str) -> Party:
        for p in self.parties:
            if p.id == party_id:
                return p
        raise KeyError(party_id)

    def parties_with_role(self, *roles: str) -> list[Party]:
        return [p for p in self.parties if p.role in roles]

    @property
    def perpetrators(self) -> list[Party]:
        """Parties with the perpetrator role or named as a perpetrator of an incident."""
        named = {pid for i in self.incidents for pid in i.perpetrators}
        return [p for p in self.parties if p.role == "perpetrator" or p.id in named]

    @property
    def victims(self) -> list[Party]:
        named = {pid for i in self.incidents for pid in i.victims}
        return [p for p in self.parties if p.role == "victim" or p.id in named]

    def guardians_of(self, party_id: str) -> list[Party]:
        return [self.party(g) for g in self.party(party_id).guardians]

    def incidents_by(self, party_id: str) -> list[Incident]:
        """Incidents attributed to a party, oldest first."""
        return sorted(
            (i for i in self.incidents if party_id in i.perpetrators),
            key=lambda i: start_of(i.occurred),
        )

    def evidence_item(self, evidence_id: str) -> Evidence:
        for e in self.evidence:
            if e.id == evidence_id:
                return e
        raise KeyError(evidence_id)

    @property
    def year(self) -> int:
        return self.received.year

    # -- consent (policy 8.5) -----------------------------------------------------
    def consent_for(self, party_id: str, agency: str, on: date) -> Consent | None:
        """The consent in force on ``on`` naming ``agency`` for the party, if any."""
        for consent in self.consents:
            if consent.party == party_id and consent.covers(agency, on):
                return consent
        return None

    # -- exhibits -----------------------------------------------------------------
    def exhibit_marks(self) -> dict[str, str]:
        """Evidence id -> exhibit mark.

        Fixed marks from the case file are kept; the rest get the officer's initials
        and the next free number in the order the case file lists them. File order,
        not date order, so that evidence added later (appended, as it arrives) never
        renumbers a mark already used in a served statement or bundle: "PS3" means the
        same item in every document, for good. (The bundle still orders exhibits by date.)
        """
        prefix = initials(self.officer.name)
        taken = {e.exhibit for e in self.evidence if e.exhibit}
        marks: dict[str, str] = {e.id: e.exhibit for e in self.evidence if e.exhibit}
        number = 0
        for item in (e for e in self.evidence if not e.exhibit):
            number += 1
            while f"{prefix}{number}" in taken:
                number += 1
            marks[item.id] = f"{prefix}{number}"
        return marks
