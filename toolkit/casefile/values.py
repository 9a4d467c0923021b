"""The values a case file is written in: its allowed words, id and reference patterns, and dates.

Values arrive from :mod:`toolkit.casefile.source` as plain strings (or ``None``); the
validators here turn them into dates and date-times by our own rules, so that ``2026-02-30``
is reported as "not a date" and a date is never silently taken for a date-time (or the
other way round). The models (:mod:`toolkit.casefile.model`) and the cross-key rules
(:mod:`toolkit.casefile.rules` and the rules it runs) build on this module, which imports neither.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

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
LawfulBasis = Literal["consent", "public_task", "legitimate_interests", "vital_interests", "legal_obligation"]

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
Reference = Annotated[str, Field(pattern=REFERENCE_PATTERN)]
SchemaVersion = Annotated[int, AfterValidator(_check_version), WithJsonSchema({"type": "integer", "const": SCHEMA_VERSION})]
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


SURNAME_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "ter", "bin", "binti", "al", "el"}


def initials(name: str) -> str:
    """Exhibit-mark initials: first letter of the first and last name ("Priya Shah" -> "PS")."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isalpha()]
    if not words:
        return "X"
    picked = words if len(words) < 2 else [words[0], words[-1]]
    return "".join(w[0].upper() for w in picked)
