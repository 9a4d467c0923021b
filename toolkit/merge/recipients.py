"""Mail-merge recipients: what a recipient is, and a list checked row by row.

Columns (``docs/cli.md``, "Mail-merge recipients"): ``name``, ``address_line_1`` and
``postcode`` are required; ``address_line_2``, ``address_line_3``, ``language`` (BCP 47,
default ``en``), ``format`` (``standard``, ``large_print``, ``easy_read``, ``braille``; default
``standard``) and ``tenancy_reference`` are optional. Any other column is passed to the
template as it is, in ``recipient.extra`` (keyed by the header exactly as written).

The file itself (CSV or YAML, and where each row starts) is read by
:mod:`toolkit.merge.list_reader`; here each row's values become a :class:`Recipient` or
plain messages, read ``recipients.csv:7: 'postcode' is empty: ...``. :func:`read_rows`
is a stream and can be run twice (validate everything first, then send).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from toolkit.casefile.values import LANGUAGE_PATTERN
from toolkit.merge.list_reader import KNOWN, column_key, list_rows

FORMATS = ("standard", "large_print", "easy_read", "braille")
_POSTCODE = re.compile(r"^(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$")
_LANGUAGE = re.compile(LANGUAGE_PATTERN)
_NEEDED = {
    "name": "every recipient needs a name",
    "address_line_1": "every letter needs the first line of an address",
    "postcode": "every letter needs a postcode",
}


def _error(kind: str, message: str, **ctx: Any) -> PydanticCustomError:
    return PydanticCustomError(f"casedocs_{kind}", message, ctx)


_LANGUAGE_NAMES: dict[str, str] | None = None


def _language_for_name(text: str) -> str | None:
    """``Polish`` -> ``pl`` (Babel's English language names), for a helpful message."""
    global _LANGUAGE_NAMES
    if _LANGUAGE_NAMES is None:
        from babel import Locale

        _LANGUAGE_NAMES = {}
        for code, name in Locale.parse("en").languages.items():
            if "_" not in code:
                _LANGUAGE_NAMES.setdefault(name.lower(), code)
    return _LANGUAGE_NAMES.get(text.strip().lower())


class Recipient(BaseModel):
    """One validated recipient; this is ``recipient`` in a merge template."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    address_line_1: str
    address_line_2: str = ""
    address_line_3: str = ""
    postcode: str
    language: str = "en"
    format: Literal["standard", "large_print", "easy_read", "braille"] = "standard"
    tenancy_reference: str = ""
    extra: dict[str, str] = Field(default_factory=dict)

    @field_validator("name", "address_line_1", "postcode", mode="before")
    @classmethod
    def _required(cls, value: Any, info: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise _error("empty", "'{field}' is empty: {why}", field=info.field_name, why=_NEEDED[info.field_name])
        return value

    @field_validator("postcode")
    @classmethod
    def _postcode(cls, value: str) -> str:
        compact = re.sub(r"\s+", "", value.upper())
        if not _POSTCODE.match(compact):
            raise _error("postcode", "'{value}' is not a UK postcode: write it like BR6 0JA", value=value)
        return f"{compact[:-3]} {compact[-3:]}"

    @field_validator("language", mode="before")
    @classmethod
    def _language(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return "en"
        text = str(value).strip()
        if not _LANGUAGE.match(text):
            code = _language_for_name(text)
            hint = f"write '{code}' for {text}" if code else "use a BCP 47 tag such as en, pl, ur or pt-BR"
            raise _error("language", "'{value}' is not a language tag: {hint}", value=text, hint=hint)
        return text

    @field_validator("format", mode="before")
    @classmethod
    def _format(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return "standard"
        text = column_key(str(value))
        if text in FORMATS:
            return text
        close = difflib.get_close_matches(text, FORMATS, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(FORMATS)}"
        raise _error("format", "'{value}' is not a format: {hint}", value=str(value).strip(), hint=hint)

    @property
    def address(self) -> list[str]:
        """The address lines that are filled in (without the postcode)."""
        return [line for line in (self.address_line_1, self.address_line_2, self.address_line_3) if line]

    @property
    def salutation(self) -> str:
        return f"Dear {self.name}"

    @property
    def large_print(self) -> bool:
        return self.format == "large_print"

    @property
    def key(self) -> str:
        """A digest of everything the letter depends on from this row (names its file)."""
        data = self.model_dump()
        return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Row:
    """A row of the file: its line, and the recipient or what is wrong with it.

    ``at`` is the (line, column) of a problem that has an exact place (a character
    that cannot be printed), which may be on a later line than the row's first.
    """

    line: int
    recipient: Recipient | None
    problems: tuple[str, ...] = ()
    at: tuple[int, int] | None = None


@dataclass(frozen=True)
class RowProblem:
    file: str
    line: int
    message: str
    col: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}" if self.col else f"{self.file}:{self.line}: {self.message}"


def validate_row(values: dict[str, Any]) -> tuple[Recipient | None, tuple[str, ...]]:
    """A recipient from one row's values (known columns already renamed), or the problems."""
    problems: list[str] = []
    fields: dict[str, Any] = {}
    extra: dict[str, str] = {}
    for key, value in values.items():
        if key in KNOWN:
            if value is not None and not isinstance(value, str):
                problems.append(f"'{key}' should be text, not a list or a mapping")
                continue
            fields[key] = value.strip() if isinstance(value, str) else value
        else:
            if value is not None and not isinstance(value, str):
                problems.append(f"'{key}' should be text, not a list or a mapping")
                continue
            extra[key] = (value or "").strip()
    for optional in ("address_line_2", "address_line_3", "tenancy_reference"):
        if fields.get(optional) is None:
            fields.pop(optional, None)
    try:
        recipient = Recipient(**fields, extra=extra) if not problems else None
    except ValidationError as error:
        for item in error.errors():
            field = str(item["loc"][0]) if item["loc"] else "row"
            if item["type"].startswith("casedocs_"):
                problems.append(str(item["msg"]))
            elif item["type"] == "missing":
                problems.append(f"'{field}' is empty: {_NEEDED.get(field, 'it needs a value')}")
            else:  # pragma: no cover - every field has its own message above
                problems.append(f"'{field}': {item['msg']}")
        recipient = None
    return recipient, tuple(problems)


def read_rows(path: Path) -> Iterator[Row]:
    """Every row of a recipient list, validated, in file order (a stream)."""
    for line, values in list_rows(Path(path)):
        problem = values.pop("__problem__", None)
        at = values.pop("__at__", None)
        if problem:
            yield Row(line, None, (problem,), at)
            continue
        recipient, problems = validate_row(values)
        yield Row(line, recipient, problems)


@dataclass
class Survey:
    """What a first pass over the list found: the good count and every bad row."""

    good: int = 0
    bad: list[RowProblem] = field(default_factory=list)
    bad_lines: set[int] = field(default_factory=set)
    languages: dict[str, int] = field(default_factory=dict)


def survey(path: Path) -> Survey:
    """Validate every row (a stream; only the problems and the keys are kept)."""
    result = Survey()
    first_line: dict[str, int] = {}
    for row in read_rows(path):
        problems = list(row.problems)
        if row.recipient is not None:
            key = row.recipient.key
            if key in first_line:
                problems.append(f"this is the same recipient as line {first_line[key]} (every value the same): remove one, or they get two letters")
            else:
                first_line[key] = row.line
        if problems:
            line, col = row.at or (row.line, 0)
            result.bad += [RowProblem(str(path), line, p, col) for p in problems]
            result.bad_lines.add(row.line)
        else:
            result.good += 1
            assert row.recipient is not None  # a row without problems has its recipient
            language = row.recipient.language
            result.languages[language] = result.languages.get(language, 0) + 1
    return result
