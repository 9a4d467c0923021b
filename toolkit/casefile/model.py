"""The case file as Pydantic models: the contract of ``docs/casefile.md`` in code.

Everything later stages need to *know* about a case (ages, minors, who did what, the
policy's 24-hour clocks, exhibit marks) is computed here, once, so that no template or
report re-derives it differently.

Values arrive from :mod:`toolkit.casefile.source` as plain strings (or ``None``); the lax
validation below turns them into dates, numbers and booleans. Dates are parsed by our
own validators so that ``2026-02-30`` is reported as "not a date" and a date is never
silently taken for a date-time (or the other way round).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from toolkit.errors import Problem

SCHEMA_VERSION = 1

Category = Literal[
    "physical_assault", "property_damage", "graffiti", "arson", "verbal_abuse",
    "threatening_behaviour", "abusive_letters", "abusive_calls", "dumping",
    "online_abuse", "other",
]
Motivation = Literal[
    "age", "disability", "gender_reassignment", "marriage_civil_partnership",
    "pregnancy_maternity", "race", "religion_belief", "sex", "sexual_orientation",
]
Role = Literal[
    "victim", "witness", "perpetrator", "parent_guardian", "complainant",
    "staff_member", "contractor", "agency_contact",
]
ActionType = Literal[
    "initial_contact", "incident_form", "graffiti_removal", "emergency_repair",
    "security_works", "interpreter_booked", "referral", "victim_update",
    "verbal_warning", "warning_letter", "final_warning", "abc", "abc_review",
    "mediation", "injunction_application", "notice_seeking_possession",
    "case_review", "other",
]
EvidenceKind = Literal[
    "photo", "cctv_still", "video", "document", "police_report", "diary_sheet",
    "tenancy_agreement", "letter", "statement",
]
TenancyType = Literal[
    "secure", "assured", "assured_shorthold", "starter", "leaseholder", "licence", "none",
]
Format = Literal["standard", "large_print", "easy_read", "braille"]
ConsentMethod = Literal["written", "verbal", "interpreted"]
Satisfaction = Literal["yes", "partly", "no"]

EVIDENCE_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".docx", ".txt")
REFERENCE_PATTERN = r"^KHA-\d{4}-\d{4}$"
ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_-]{0,19}$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$")


def _bad(kind: str, value: object, example: str) -> PydanticCustomError:
    return PydanticCustomError(
        f"casedocs_{kind.replace('-', '_')}",
        "{value} is not a {kind} (write it as {example})",
        {"value": str(value), "kind": kind, "example": example},
    )


_DATE_EXAMPLE = "YYYY-MM-DD, e.g. 2026-03-01"
_DATETIME_EXAMPLE = "YYYY-MM-DDTHH:MM in UK time, e.g. 2026-03-01T22:15"
_ZONED_RE = re.compile(r"^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$")


def _not_a_value(value: Any, kind: str, example: str) -> PydanticCustomError | None:
    """The error for an empty value, a list or a mapping where a date belongs."""
    if value is None:
        return PydanticCustomError(
            "casedocs_empty_date", "this is empty: write a {kind} here ({example})", {"kind": kind, "example": example}
        )
    if isinstance(value, (list, dict)):
        shape = "a list" if isinstance(value, list) else "a mapping"
        return PydanticCustomError(
            "casedocs_date_shape", "this should be one {kind} ({example}), not {shape}",
            {"kind": kind, "example": example, "shape": shape},
        )
    return None


def _parse_date(value: Any) -> Any:
    if isinstance(value, datetime):
        raise _bad("date", value.isoformat(timespec="minutes"), _DATE_EXAMPLE)
    if isinstance(value, date):
        return value
    shape = _not_a_value(value, "date", _DATE_EXAMPLE)
    if shape:
        raise shape
    text = str(value).strip()
    if _DATE_RE.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    if _DATETIME_RE.match(text):
        raise PydanticCustomError(
            "casedocs_date_has_time",
            "{value} is a date and time, but only a date is wanted here: write {day}",
            {"value": text, "day": text[:10]},
        )
    raise _bad("date", text, _DATE_EXAMPLE)


def _parse_datetime(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            raise _bad("local date-time", value.isoformat(), _DATETIME_EXAMPLE)
        return value
    shape = _not_a_value(value, "date-time", _DATETIME_EXAMPLE)
    if shape:
        raise shape
    text = str(value).strip()
    if _DATETIME_RE.match(text):
        try:
            return datetime.fromisoformat(text.replace(" ", "T"))
        except ValueError:
            pass
    if _DATE_RE.match(text):
        try:
            date.fromisoformat(text)
        except ValueError:
            raise _bad("date", text, _DATE_EXAMPLE) from None
        raise PydanticCustomError(
            "casedocs_needs_time",
            "{value} needs a time as well: write it as {value}T09:00 (24-hour UK time)",
            {"value": text},
        )
    zoned = _ZONED_RE.match(text)
    if zoned:
        raise PydanticCustomError(
            "casedocs_zoned",
            "{value} has a time zone: write UK local time without one, e.g. {local}",
            {"value": text, "local": zoned.group(1).replace(" ", "T")},
        )
    raise _bad("date-time", text, _DATETIME_EXAMPLE)


def _parse_date_or_datetime(value: Any) -> Any:
    if isinstance(value, date):
        return value
    shape = _not_a_value(value, "date or date-time", "YYYY-MM-DD, or YYYY-MM-DDTHH:MM when the time is known")
    if shape:
        raise shape
    text = str(value).strip()
    if _DATE_RE.match(text):
        return _parse_date(text)
    if _DATETIME_RE.match(text) or _ZONED_RE.match(text):
        return _parse_datetime(text)
    raise _bad("date", text, "YYYY-MM-DD, or YYYY-MM-DDTHH:MM when the time is known")


def _check_version(value: int) -> int:
    if value != SCHEMA_VERSION:
        raise PydanticCustomError(
            "casedocs_schema_version",
            "'schema_version' must be {expected} (the only version this toolkit reads), not {value}",
            {"expected": SCHEMA_VERSION, "value": value},
        )
    return value


def _strip_text(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


_DATE_SCHEMA = {"type": "string", "format": "date", "description": "YYYY-MM-DD"}
_DATETIME_SCHEMA = {
    "type": "string",
    "pattern": r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$",
    "description": "UK local time, YYYY-MM-DDTHH:MM",
}
CaseDate = Annotated[date, BeforeValidator(_parse_date), WithJsonSchema(_DATE_SCHEMA)]
CaseDateTime = Annotated[datetime, BeforeValidator(_parse_datetime), WithJsonSchema(_DATETIME_SCHEMA)]
DateOrDateTime = Annotated[
    datetime | date,
    BeforeValidator(_parse_date_or_datetime),
    WithJsonSchema({"anyOf": [_DATE_SCHEMA, _DATETIME_SCHEMA]}),
]
Text = Annotated[str, BeforeValidator(_strip_text), Field(min_length=1)]
PartyId = Annotated[str, Field(pattern=ID_PATTERN)]
Email = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]


def start_of(moment: date) -> datetime:
    """A date-or-date-time as a date-time (a bare date counts from midnight)."""
    return moment if isinstance(moment, datetime) else datetime.combine(moment, datetime.min.time())


def add_months(day: date, months: int) -> date:
    """Calendar months later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


_SURNAME_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "ter", "bin", "binti", "al", "el"}


def initials(name: str) -> str:
    """Exhibit-mark initials: first letter of the first and last name ("Priya Shah" -> "PS")."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isalpha()]
    if not words:
        return "X"
    picked = words if len(words) < 2 else [words[0], words[-1]]
    return "".join(w[0].upper() for w in picked)


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
        while start > 1 and words[start - 1].lower() in _SURNAME_PARTICLES:
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
    short_name: Text | None = None
    bundle_letter: Annotated[str, Field(pattern=r"^[A-Z]$")] = "A"


class Feedback(Strict):
    party: PartyId
    date: CaseDate
    satisfied: Satisfaction
    comment: Text | None = None


class Deadline(BaseModel):
    """One of the policy's clocks for a case: due by ``due``, met if ``done`` by then."""

    clause: str
    what: str
    action_type: ActionType
    start: datetime
    due: datetime
    done: datetime | None
    subject: str | None = None

    @property
    def met(self) -> bool:
        return self.done is not None and self.done <= self.due

    def overdue_on(self, now: datetime) -> bool:
        return self.done is None and now > self.due


class Case(Strict):
    schema_version: Annotated[
        int, AfterValidator(_check_version), WithJsonSchema({"type": "integer", "const": SCHEMA_VERSION})
    ]
    reference: Annotated[str, Field(pattern=REFERENCE_PATTERN)]
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
    def _cross_references(self, info: ValidationInfo) -> "Case":
        """Programmatic construction gets the same rules the loader reports with lines."""
        if info.context and info.context.get("located_checks"):
            return self
        from toolkit.casefile.rules import case_problems

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

    # -- the policy's 24-hour clocks (8.1, 10.1, 6.2/8.3) ---------------------------
    def deadlines(self) -> list[Deadline]:
        """The 24-hour deadlines the policy sets for this case.

        8.1 initial action and 10.1 the incident form run from ``received``; 6.2/8.3
        graffiti removal from each graffiti incident's report (or ``received``), and
        an emergency repair from ``received`` when one is recorded. An action's own
        ``due`` overrides the computed one (an officer may record an agreed time).
        """
        day = timedelta(hours=24)
        result: list[Deadline] = []

        def first_done(kind: str, after: datetime | None = None) -> datetime | None:
            times = sorted(a.done for a in self.actions if a.type == kind and a.done)
            later = [t for t in times if after is None or t >= after]
            return later[0] if later else None

        def recorded_due(kind: str) -> datetime | None:
            dues = [a.due for a in self.actions if a.type == kind and a.due]
            return min(dues) if dues else None

        for clause, kind, what in (
            ("8.1", "initial_contact", "initial action on the complaint"),
            ("10.1", "incident_form", "standard incident form completed"),
        ):
            result.append(
                Deadline(
                    clause=clause, what=what, action_type=kind, start=self.received,
                    due=recorded_due(kind) or self.received + day, done=first_done(kind),
                )
            )
        for incident in self.incidents:
            if incident.category != "graffiti":
                continue
            reported = incident.reported or max(self.received, start_of(incident.occurred))
            result.append(
                Deadline(
                    clause="6.2", what="offensive graffiti removed", action_type="graffiti_removal",
                    start=reported, due=reported + day, done=first_done("graffiti_removal", start_of(incident.occurred)),
                    subject=incident.id,
                )
            )
        if any(a.type == "emergency_repair" for a in self.actions):
            result.append(
                Deadline(
                    clause="8.3", what="emergency repairs to secure the home",
                    action_type="emergency_repair", start=self.received,
                    due=recorded_due("emergency_repair") or self.received + day,
                    done=first_done("emergency_repair"),
                )
            )
        return result
