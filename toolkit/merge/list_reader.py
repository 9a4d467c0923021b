"""A recipient list's file read as rows of text, each at the line it starts on.

A list is a CSV file with a header row, or a YAML list of mappings. This module knows
the files (header row, separators, encodings, quoting, YAML events), not what a recipient
is: :mod:`toolkit.merge.recipients` checks each row's values. Known column names are
matched leniently (``Name``, ``Address line 1`` and ``address-line-1`` all mean
``address_line_1``), as spreadsheets write them; any other column keeps its header
exactly as written.

Where a problem is: every row is named by the **line of the file it starts on** -- in a
CSV the header is line 1, so the first recipient is line 2 (the row number a
spreadsheet shows, unless a value spans lines); in YAML the line of the item's first
key. A problem with the whole file is an :class:`InputError` at once; a problem with one
row is handed on with the row (``__problem__``, and ``__at__`` where it has an exact
(line, column)), so that every bad row can be reported.

The file is read as a stream, row by row (a list of 100,000 recipients is never held
in memory), and can be read twice (validate everything first, then send).
"""

from __future__ import annotations

import csv
import difflib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from toolkit.errors import InputError
from toolkit.printable import first_unprintable, refusal

REQUIRED = ("name", "address_line_1", "postcode")
KNOWN = ("name", "address_line_1", "address_line_2", "address_line_3", "postcode", "language", "format", "tenancy_reference")


def column_key(header: str) -> str:
    """How a header is matched to a known column: ``Address line 1`` -> ``address_line_1``."""
    return re.sub(r"[\s\-]+", "_", header.strip().lower())


def _header_problems(path: Path, headers: list[str]) -> None:
    if len(headers) == 1 and (";" in headers[0] or "\t" in headers[0]):
        raise InputError(
            f"{path}:1: the columns are separated by {'semicolons' if ';' in headers[0] else 'tabs'}, not commas: "
            "save the file as 'CSV UTF-8 (comma delimited)'"
        )
    keys = [column_key(h) for h in headers]
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
            names = [column_key(h) if column_key(h) in KNOWN else h.strip() for h in headers]
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
                key = column_key(event.value) if column_key(event.value) in KNOWN else event.value.strip()
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


def list_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each row of a .csv or .yaml list as (line, values): known columns renamed, text as written."""
    if not path.is_file():
        raise InputError(f"{path}:1: the recipient list was not found")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv_rows(path)
    if suffix in (".yaml", ".yml"):
        return _yaml_rows(path)
    raise InputError(f"{path}:1: a recipient list is a .csv file (with a header row) or a .yaml list")
