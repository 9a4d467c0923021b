"""Mail-merge recipients: a CSV file with a header row, or a YAML list of mappings.

Columns (``docs/cli.md``, "Mail-merge recipients"): ``name``, ``address_line_1`` and
``postcode`` are required; ``address_line_2``, ``address_line_3``, ``language`` (BCP 47,
default ``en``), ``format`` (``standard``, ``large_print``, ``easy_read``, ``braille``; default
``standard``) and ``tenancy_reference`` are optional. Any other column is passed to the
template as it is, in ``recipient.extra`` (keyed by the header exactly as written).
Known column names are matched leniently (``Name``, ``Address line 1`` and
``address-line-1`` all mean ``address_line_1``), as spreadsheets write them.

Where a problem is: every row is named by the **line of the file it starts on** -- in a
CSV the header is line 1, so the first recipient is line 2 (the row number a
spreadsheet shows, unless a value spans lines); in YAML the line of the item's first
key. Messages read ``recipients.csv:7: 'postcode' is empty: ...``.

The file is read as a stream, row by row (a list of 100,000 recipients is never held
in memory); :func:`read_rows` can be run twice (validate everything first, then send).
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from toolkit.errors import InputError
from toolkit.casefile.values import LANGUAGE_PATTERN
from toolkit.printable import first_unprintable, refusal

FORMATS = ("standard", "large_print", "easy_read", "braille")
REQUIRED = ("name", "address_line_1", "postcode")
KNOWN = ("name", "address_line_1", "address_line_2", "address_line_3", "postcode", "language", "format", "tenancy_reference")
_POSTCODE = re.compile(r"^(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$")
_LANGUAGE = re.compile(LANGUAGE_PATTERN)
_NEEDED = {
    "name": "every recipient needs a name",
    "address_line_1": "every letter needs the first line of an address",
    "postcode": "every letter needs a postcode",
}


def _key(header: str) -> str:
    """How a header is matched to a known column: ``Address line 1`` -> ``address_line_1``."""
    return re.sub(r"[\s\-]+", "_", header.strip().lower())


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
        text = _key(str(value))
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


# -- reading ------------------------------------------------------------------------
def _header_problems(path: Path, headers: list[str]) -> None:
    if len(headers) == 1 and (";" in headers[0] or "\t" in headers[0]):
        raise InputError(
            f"{path}:1: the columns are separated by {'semicolons' if ';' in headers[0] else 'tabs'}, not commas: "
            "save the file as 'CSV UTF-8 (comma delimited)'"
        )
    keys = [_key(h) for h in headers]
    seen: dict[str, str] = {}
    for header, key in zip(headers, keys):
        if not header.strip():
            raise InputError(f"{path}:1: the header has an empty column name: name every column, or delete the empty column")
        if key in seen:
            raise InputError(f"{path}:1: the header names '{header.strip()}' twice (as '{seen[key]}' too): keep one column")
        seen[key] = header.strip()
    missing = [c for c in REQUIRED if c not in keys]
    if missing:
        hints = []
        for column in missing:
            close = difflib.get_close_matches(column, [k for k in keys if k not in KNOWN], n=1, cutoff=0.6)
            if close:
                hints.append(f"is '{seen[close[0]]}' meant to be '{column}'? rename it")
        named = " or ".join(f"'{c}'" for c in missing)
        raise InputError(
            f"{path}:1: the header has no {named} column{'s' if len(missing) > 1 else ''}"
            + (f" ({'; '.join(hints)})" if hints else "")
            + f": a recipient list needs the columns {', '.join(REQUIRED)} "
            "(and may have address_line_2, address_line_3, language, format, tenancy_reference)"
        )


class _CheckedLines:
    """The file's lines for the CSV reader, noting the first unprintable character of each.

    A CSV cell is the file's text as it is (no escapes), so the character's place in
    its physical line is its exact column. A line end (``\\r\\n`` inside a quoted cell
    too) is not a problem; a carriage return anywhere else is.
    """

    def __init__(self, handle: Any) -> None:
        self.handle = handle
        self.number = 0
        self.found: dict[int, tuple[int, str]] = {}

    def __iter__(self) -> _CheckedLines:
        return self

    def __next__(self) -> str:
        text = next(self.handle)
        self.number += 1
        bad = first_unprintable(text.removesuffix("\n").removesuffix("\r"))
        if bad is not None:
            self.found[self.number] = (bad[0] + 1, bad[1])
        return text

    def first_between(self, start: int, end: int) -> tuple[int, int, str] | None:
        """(line, col, description) of the first bad character on lines ``start`` .. ``end - 1``."""
        for number in range(start, end):
            if number in self.found:
                col, description = self.found.pop(number)
                return number, col, description
        return None


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open("r", encoding="utf-8-sig", newline="") as handle:
        lines = _CheckedLines(handle)
        reader = csv.reader(lines)
        line = 1
        try:
            headers = next(reader, None)
            if headers is None:
                raise InputError(f"{path}:1: the file is empty: a recipient list starts with a header row (name,address_line_1,postcode,...)")
            bad = lines.first_between(1, reader.line_num + 1)
            if bad is not None:
                raise InputError(f"{path}:{bad[0]}:{bad[1]}: {refusal(bad[2], 'header')}")
            _header_problems(path, headers)
            names = [_key(h) if _key(h) in KNOWN else h.strip() for h in headers]
            line = reader.line_num + 1
            for cells in reader:
                start, line = line, reader.line_num + 1
                bad = lines.first_between(start, line)
                if bad is not None:
                    yield start, {"__problem__": refusal(bad[2], "cell"), "__at__": bad[:2]}
                    continue
                if not any(c.strip() for c in cells):
                    continue  # blank lines (spreadsheets add them at the end)
                if len(cells) > len(names):
                    yield start, {"__problem__": (
                        f"this row has {len(cells)} values but the header has {len(names)} columns: "
                        "a value with a comma in it needs double quotes around it"
                    )}
                    continue
                yield start, dict(zip(names, cells + [""] * (len(names) - len(cells))))
        except UnicodeDecodeError:
            raise InputError(
                f"{path}:{_bad_byte_line(path)}: this is not UTF-8 text (the file was probably saved as Windows-1252): "
                "save it as 'CSV UTF-8' (in Excel: Save As, CSV UTF-8)"
            ) from None
        except csv.Error as error:
            raise InputError(f"{path}:{line}: this is not a readable CSV file ({error})") from None


def _bad_byte_line(path: Path) -> int:
    """The line of the first byte that is not UTF-8 (the text reader decodes in blocks, so it cannot say)."""
    raw = path.read_bytes()
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return raw[: error.start].count(b"\n") + 1
    return 1


def _note_unprintable(item: dict[str, Any], event: Any, what: str) -> None:
    """Mark a YAML entry whose key or value cannot be printed, at that value (escapes hide the exact column)."""
    bad = first_unprintable(event.value)
    if bad is not None and "__at__" not in item:
        item["__problem__"] = refusal(bad[1], what)
        item["__at__"] = (event.start_mark.line + 1, event.start_mark.column + 1)


def _yaml_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """A YAML list of mappings, from the parser's events: scalars stay text, one item at a time."""
    try:
        yield from _yaml_items(path)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise InputError(f"{path}:{mark.line + 1 if mark else 1}: this is not valid YAML ({error.problem})") from None
    except yaml.YAMLError as error:
        raise InputError(f"{path}:1: this is not valid YAML ({error})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}:{_bad_byte_line(path)}: this is not UTF-8 text: save it as UTF-8") from None


def _yaml_items(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """The items of a YAML list from the parser's events (a state machine over list, item and nested value)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where PyYAML was built with it
    with path.open("r", encoding="utf-8-sig") as handle:
        events: Iterator[Any] = yaml.parse(handle, Loader=loader)  # every event has its marks
        depth = 0
        item_line = 0
        item: dict[str, Any] = {}
        key: str | None = None
        nested = back = 0
        started = False
        for event in events:
            if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentStartEvent, yaml.DocumentEndEvent, yaml.StreamEndEvent)):
                continue
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent):
                raise InputError(f"{path}:{line}: aliases (*name) are not allowed in a recipient list: write the value out")
            if not started:
                started = True
                if not isinstance(event, yaml.SequenceStartEvent):
                    raise InputError(f"{path}:{line}: a YAML recipient list is a list of mappings ('- name: ...' for each recipient)")
                depth = 1
                continue
            if depth == 1:
                if isinstance(event, yaml.SequenceEndEvent):
                    depth = 0
                    continue
                if isinstance(event, yaml.MappingStartEvent):
                    depth, item_line, item, key = 2, line, {}, None
                    continue
                yield line, {"__problem__": "each entry should be a mapping of keys and values (like 'name: ...')"}
                if isinstance(event, yaml.SequenceStartEvent):
                    nested, depth, back = 1, 3, 1
                continue
            if depth == 3:  # skipping a nested value (or a bad entry), then back where it was
                if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                    nested += 1
                elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                    nested -= 1
                if nested == 0:
                    depth = back
                continue
            # depth 2: inside an item
            if isinstance(event, yaml.MappingEndEvent):
                depth = 1
                yield item_line, item
                continue
            if key is None:
                if not isinstance(event, yaml.ScalarEvent):
                    raise InputError(f"{path}:{line}: a key should be a plain word like 'name'")
                _note_unprintable(item, event, "key")
                key = _key(event.value) if _key(event.value) in KNOWN else event.value.strip()
                if key in item:
                    item.setdefault("__problem__", f"the key '{key}' appears twice in this entry: keep one")
                continue
            if isinstance(event, yaml.ScalarEvent):
                _note_unprintable(item, event, "value")
                item[key] = None if event.value in ("", "~", "null") and event.implicit[0] and not event.style else event.value
                key = None
            else:
                item[key] = []  # reported as "should be text"
                key = None
                nested, depth, back = 1, 3, 2
        if not started:
            raise InputError(f"{path}:1: the file is empty: a YAML recipient list is a list of mappings ('- name: ...')")


def read_rows(path: Path) -> Iterator[Row]:
    """Every row of a recipient list, validated, in file order (a stream)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}:1: the recipient list was not found")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        source = _csv_rows(path)
    elif suffix in (".yaml", ".yml"):
        source = _yaml_rows(path)
    else:
        raise InputError(f"{path}:1: a recipient list is a .csv file (with a header row) or a .yaml list")
    for line, values in source:
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
