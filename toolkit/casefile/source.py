"""Safe YAML in, plain values plus the line and column of every key and value out.

We build values from the parser's *events* rather than using ``yaml.safe_load``:

- every value keeps its position, so any later error can say ``file:line:col``;
- no tag constructs anything: scalars stay strings (``null``/``~``/empty become
  ``None``) and the model's lax validation types them. So ``language: no`` stays
  Norwegian, ``phone: 0123`` keeps its zero, and ``satisfied: yes`` stays "yes";
- aliases are counted as they expand, so a small file of nested aliases (the "billion
  laughs") is refused after a bounded amount of work instead of eating memory, and
  nothing recurses, so deep nesting cannot crash the interpreter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from toolkit.errors import InputError, Problem
from toolkit.casefile.messages import one_line
from toolkit.printable import describe, first_unprintable, refusal

# libyaml is much faster; the pure-Python parser (where PyYAML was built without it) gives the same events
_EventSource: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 2_000_000
MAX_NODES = 200_000
MAX_DEPTH = 64

Loc = tuple[str | int, ...]
_NULLS = {"", "~", "null", "Null", "NULL"}
_YAML_TAG_PREFIX = "tag:yaml.org,2002:"
_FRAMING = (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentStartEvent, yaml.DocumentEndEvent)
_TOO_DEEP = f"values are nested more than {MAX_DEPTH} levels deep here: a case file never needs that (a run of '[' or '{{' characters?)"
_PLAIN_TAGS = {
    None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
}


@dataclass
class Located:
    """Plain data with the (line, col) of each value and of each mapping key."""

    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Loc, *, key: bool = False) -> tuple[int, int]:
        """The position of ``path``, or of its nearest recorded ancestor."""
        if key and path in self.keys:
            return self.keys[path]
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return (1, 1)


class _Refused(Exception):
    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message = mark.line + 1, mark.column + 1, message


def _show_tag(tag: str | None) -> str:
    """A tag as the officer wrote it: ``!!python/object/apply:os.system``, ``!include``."""
    text = str(tag)
    return "!!" + text[len(_YAML_TAG_PREFIX):] if text.startswith(_YAML_TAG_PREFIX) else text


def _tab_column(text: str, line: int) -> int | None:
    """The 1-based column of a tab in the indentation of 0-based ``line``, if any."""
    lines = text.splitlines()
    if not 0 <= line < len(lines):
        return None
    row = lines[line]
    indent = row[: len(row) - len(row.lstrip(" \t"))]
    return indent.index("\t") + 1 if "\t" in indent else None


def _friendly_yaml_error(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """(line, col, message) for a YAML syntax error, in words an officer can act on."""
    problem = (error.problem or str(error)).strip()
    context = (error.context or "").strip()
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if mark is not None:
        tab = _tab_column(text, mark.line)
        if tab is not None or "tab" in problem.lower() or "'\\t'" in problem:
            return line, tab or col, "this line is indented with a tab: YAML needs spaces for indentation (replace the tab with spaces)"
    if "invalid unicode character escape" in problem.lower():
        return line, col, "this escape does not make a character that can be printed (half of a surrogate pair, like \\ud800?): write the character itself, or delete the escape"
    if "maximum nesting depth" in problem:
        return line, col, _TOO_DEEP
    if "quoted scalar" in context and error.context_mark is not None:
        start = error.context_mark
        return start.line + 1, start.column + 1, "this quote is opened but never closed: add the closing quote (or remove this one)"
    if "flow sequence" in context and error.context_mark is not None:
        start = error.context_mark
        return start.line + 1, start.column + 1, "this list in [ ] is not closed: each item needs a ',' between and a ']' at the end"
    if "flow mapping" in context and error.context_mark is not None:
        start = error.context_mark
        return start.line + 1, start.column + 1, "this mapping in { } is not closed: each entry needs a ',' between and a '}' at the end"
    if "mapping values are not allowed" in problem:
        return line, col, "there is a ':' where YAML does not expect one: put text containing ': ' in quotes, or check the indentation"
    if "could not find expected ':'" in problem:
        return line, col, "a key is missing its ':' (or the indentation is wrong)"
    if "found undefined alias" in problem:
        return line, col, f"this uses an alias that was never defined with '&': {problem.split('alias')[-1].strip()}"
    if "expected <block end>" in problem or "did not find expected key" in problem or "expected key" in problem:
        return line, col, "the indentation is wrong here: items of the same list or mapping must start in the same column"
    if "unexpected end" in problem:
        return line, col, "the file ends in the middle of a value (an unclosed quote or bracket?)"
    if "block sequence entries are not allowed" in problem:
        return line, col, "a '- ' list item is not allowed here: start the list on its own line, under its key and indented"
    return line, col, f"this is not valid YAML ({problem})"


class _Builder:
    """Turns an event stream into values, without recursion and with an expansion budget."""

    def __init__(self, located: Located) -> None:
        self.located = located
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.nodes = 0
        # Each frame: [container, path, anchor, size, pending key, key mark, key line map]
        self.stack: list[list[Any]] = []
        self.root: Any = None
        self.done = False
        # (line, col, message) of each key or value holding a character no document can print
        self.unprintable: list[tuple[int, int, str]] = []

    # -- helpers ----------------------------------------------------------------
    def _spend(self, mark: Any, amount: int) -> None:
        self.nodes += amount
        if self.nodes > MAX_NODES:
            raise _Refused(
                mark,
                f"this file expands to more than {MAX_NODES:,} values (aliases inside aliases?): a case file is far smaller, so it was not read",
            )

    def _child_path(self, mark: Any) -> Loc:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame[0], list):
            return (*frame[1], len(frame[0]))
        return (*frame[1], frame[4])

    def _expecting_key(self) -> bool:
        return bool(self.stack) and isinstance(self.stack[-1][0], dict) and self.stack[-1][4] is None

    def _check_printable(self, text: str, mark: Any, what: str) -> None:
        """Note a key or value that cannot go into a document (an escape like ``"\\x0b"``).

        The position is the value's: inside a double-quoted value an escape is longer
        than the character it makes, so the column of the character itself is not known.
        """
        found = first_unprintable(text)
        if found is not None:
            self.unprintable.append((mark.line + 1, mark.column + 1, refusal(found[1], what)))

    def _check_tag(self, tag: str | None, mark: Any) -> None:
        if tag not in _PLAIN_TAGS:
            raise _Refused(mark, f"the YAML tag '{_show_tag(tag)}' is not allowed in a case file: remove it and write a plain value")

    def _attach(self, value: Any, size: int, mark: Any, anchor: str | None) -> None:
        if anchor:
            self.anchors[anchor] = (value, size)
        if not self.stack:
            self.root = value
            self.done = True
            return
        frame = self.stack[-1]
        frame[3] += size
        container = frame[0]
        if isinstance(container, list):
            container.append(value)
            return
        key = frame[4]
        if key == "<<" and frame[6].get("<<") == "merge":
            self._merge(container, value, mark, frame)
        else:
            container[key] = value
        frame[4] = None

    def _merge(self, container: dict[str, Any], value: Any, mark: Any, frame: list[Any]) -> None:
        sources = value if isinstance(value, list) else [value]
        for source in sources:
            if not isinstance(source, dict):
                raise _Refused(mark, "'<<' can only merge mappings (an alias like *defaults)")
            for key, item in source.items():
                container.setdefault(key, item)

    # -- events ----------------------------------------------------------------
    def feed(self, event: Any) -> None:
        kind = type(event)
        if kind in _FRAMING:
            if self.done and kind is yaml.DocumentStartEvent:
                raise _Refused(event.start_mark, "this file holds more than one YAML document ('---'): a case file is one document, so remove this '---' and what follows it (or move that to its own file)")
            return
        if self.done:  # pragma: no cover - a second document starts with DocumentStartEvent
            return
        mark = event.start_mark
        stack = self.stack
        if stack:
            frame = stack[-1]
            container = frame[0]
            if type(container) is dict:
                if frame[4] is None:
                    self._key(event, mark)
                    return
                path: Loc = (*frame[1], frame[4])
            else:
                path = (*frame[1], len(container))
        else:
            path = ()
        if kind is yaml.ScalarEvent:
            tag = event.tag
            if tag not in _PLAIN_TAGS:
                self._check_tag(tag, mark)
            self._spend(mark, 1)
            self.located.values[path] = (mark.line + 1, mark.column + 1)
            value = event.value
            self._check_printable(value, mark, "value")
            if tag == "tag:yaml.org,2002:null" or (
                tag is None and value in _NULLS and not event.style and event.implicit[0]
            ):
                value = None
            self._attach(value, 1, mark, event.anchor)
        elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
            self._close(mark)
        elif kind is yaml.AliasEvent:
            anchor = event.anchor
            if anchor in self.open_anchors:
                raise _Refused(mark, f"the alias *{anchor} refers to the value that contains it, so it would never end: write the value out instead")
            if anchor not in self.anchors:
                raise _Refused(mark, f"the alias *{anchor} was never defined with &{anchor}")
            value, size = self.anchors[anchor]
            self._spend(mark, size)
            self.located.values[path] = (mark.line + 1, mark.column + 1)
            self._attach(value, size, mark, None)
        else:  # the start of a list or a mapping
            self._check_tag(event.tag, mark)
            self._spend(mark, 1)
            self.located.values[path] = (mark.line + 1, mark.column + 1)
            if len(stack) >= MAX_DEPTH:
                raise _Refused(mark, _TOO_DEEP)
            new: Any = [] if kind is yaml.SequenceStartEvent else {}
            if event.anchor:
                self.open_anchors.add(event.anchor)
            stack.append([new, path, event.anchor, 1, None, None, {}])

    def _close(self, mark: Any) -> None:
        container, _, anchor, size, *_ = self.stack.pop()
        if anchor:
            self.open_anchors.discard(anchor)
        self._attach(container, size, mark, anchor)

    def _key(self, event: Any, mark: Any) -> None:
        frame = self.stack[-1]
        if isinstance(event, yaml.MappingEndEvent):
            self._close(mark)
            return
        if not isinstance(event, yaml.ScalarEvent):
            raise _Refused(mark, "a key must be plain text, not a list, a mapping or an alias")
        self._check_tag(event.tag, mark)
        key = event.value
        self._check_printable(key, mark, "key")
        plain = event.style in (None, "") and event.implicit[0]
        # frame[6] holds the keys written in this mapping (merged-in keys may be overridden)
        if key in frame[6]:
            first = self.located.keys.get((*frame[1], key))
            where = f" (the first is at line {first[0]})" if first else ""
            raise _Refused(mark, f"the key '{key}' appears twice in the same mapping: keep one{where}")
        frame[4] = key
        frame[6][key] = "merge" if key == "<<" and plain else "key"
        self.located.keys[(*frame[1], key)] = (mark.line + 1, mark.column + 1)


def parse_text(raw: bytes, filename: str) -> Located:
    """Parse a case file's bytes; every failure is an :class:`InputError` with a position."""

    def refuse(line: int, col: int, message: str) -> InputError:
        return InputError([Problem(filename, line, col, one_line(message))])

    if len(raw) > MAX_BYTES:
        raise refuse(1, 1, f"the file is {len(raw):,} bytes: a case file is far smaller (at most {MAX_BYTES:,} bytes), so it was not read")
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(raw) >= 4 and (raw[1] == raw[3] == 0 or raw[0] == raw[2] == 0) and raw.count(0) * 3 > len(raw)):
        raise refuse(1, 1, "this file is saved as UTF-16: save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)")
    if raw.startswith(b"PK\x03\x04"):
        raise refuse(1, 1, "this is a Word document or another zipped file, not a case file: a case file is YAML text (open it in a text editor)")
    if raw.startswith(b"%PDF"):
        raise refuse(1, 1, "this is a PDF, not a case file: a case file is YAML text (open it in a text editor)")
    if b"\x00" in raw:
        raise refuse(1, 1, "this is not a text file (it looks binary): a case file is YAML text (open it in a text editor)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = raw.rfind(b"\n", 0, error.start) + 1
        line = raw[: error.start].count(b"\n") + 1
        prefix = raw[start : error.start]
        col = len(prefix.decode("utf-8-sig" if start == 0 else "utf-8", errors="replace")) + 1
        byte = raw[error.start]
        raise refuse(
            line, col,
            f"this is not UTF-8 text (the byte 0x{byte:02X} here is not UTF-8; the file was probably saved as "
            "Windows-1252 or Latin-1): save the file as UTF-8",
        ) from None
    if not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        raise refuse(1, 1, "the file is empty: a case file starts with 'schema_version: 1' and 'reference: KHA-YYYY-NNNN'")

    located = Located(None)
    builder = _Builder(located)
    try:
        for event in yaml.parse(text, Loader=_EventSource):
            builder.feed(event)
    except _Refused as refused:
        raise refuse(refused.line, refused.col, refused.message) from None
    except yaml.MarkedYAMLError as error:
        line, col, message = _friendly_yaml_error(error, text)
        if not located.keys and message != _TOO_DEEP:  # nothing that looks like a case file was read before the error
            message = f"this does not look like a case file (YAML keys and values, starting with 'schema_version: 1'): {message}"
        raise refuse(line, col, message) from None
    except yaml.reader.ReaderError as error:  # characters YAML does not allow in a file
        position = getattr(error, "position", 0) or 0
        if _EventSource is not yaml.SafeLoader:  # libyaml counts bytes of UTF-8, not characters
            position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
        line = text.count("\n", 0, position) + 1
        col = position - (text.rfind("\n", 0, position) + 1) + 1
        code = getattr(error, "character", None)
        if isinstance(code, str) and code:
            code = ord(code)
        shown = describe(chr(code)) if isinstance(code, int) else "a control character"
        raise refuse(line, col, refusal(shown, "file")) from None
    except yaml.YAMLError as error:  # pragma: no cover - every YAML error above is marked
        raise refuse(1, 1, f"this is not valid YAML ({str(error).splitlines()[0]})") from None

    if builder.unprintable:
        raise InputError([Problem(filename, line, col, one_line(message)) for line, col, message in builder.unprintable])
    data = located.data = builder.root
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value" if data is not None else "empty"
        raise refuse(1, 1, f"a case file must be a mapping of keys to values (like 'reference: KHA-2026-0001'), but this file is {kind}")
    return located
