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

try:  # libyaml is much faster; the pure-Python parser gives the same events
    from yaml import CSafeLoader as _EventSource  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventSource  # type: ignore[assignment]

MAX_BYTES = 2_000_000
MAX_NODES = 200_000
MAX_DEPTH = 64

Loc = tuple[str | int, ...]
_NULLS = {"", "~", "null", "Null", "NULL"}
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


def _friendly_yaml_error(error: yaml.MarkedYAMLError) -> str:
    problem = (error.problem or str(error)).strip()
    if "\\t" in problem or "'\\t'" in problem or "tab" in problem.lower():
        return "this line is indented with a tab: YAML needs spaces for indentation"
    if "mapping values are not allowed" in problem:
        return "there is a ':' where YAML does not expect one: put text containing ': ' in quotes, or check the indentation"
    if "could not find expected ':'" in problem:
        return "a key is missing its ':' (or the indentation is wrong)"
    if "found undefined alias" in problem:
        return f"this uses an alias that was never defined with '&': {problem.split('alias')[-1].strip()}"
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return "the indentation is wrong here: items of the same list or mapping must start in the same column"
    if "found unexpected end of stream" in problem or "found unexpected end" in problem:
        return "the file ends in the middle of a value (an unclosed quote or bracket?)"
    return f"this is not valid YAML ({problem})"


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

    def _check_tag(self, tag: str | None, mark: Any) -> None:
        if tag not in _PLAIN_TAGS:
            raise _Refused(mark, f"the YAML tag '{tag}' is not allowed in a case file: remove it and write a plain value")

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
        mark = event.start_mark
        if self.done and not isinstance(event, (yaml.DocumentEndEvent, yaml.StreamEndEvent)):
            if isinstance(event, yaml.DocumentStartEvent):
                raise _Refused(mark, "this file holds more than one YAML document ('---'): a case file is one document")
            return
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentStartEvent, yaml.DocumentEndEvent)):
            return
        if self._expecting_key():
            self._key(event, mark)
            return
        path = self._child_path(mark)
        if isinstance(event, yaml.AliasEvent):
            if event.anchor in self.open_anchors:
                raise _Refused(mark, f"the alias *{event.anchor} refers to the value that contains it: that can never end")
            if event.anchor not in self.anchors:
                raise _Refused(mark, f"the alias *{event.anchor} was never defined with &{event.anchor}")
            value, size = self.anchors[event.anchor]
            self._spend(mark, size)
            self.located.values[path] = (mark.line + 1, mark.column + 1)
            self._attach(value, size, mark, None)
            return
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            self._close(mark)
            return
        self._check_tag(event.tag, mark)
        self._spend(mark, 1)
        self.located.values[path] = (mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.ScalarEvent):
            plain = event.style in (None, "") and event.implicit[0]
            value = None if plain and event.value in _NULLS and event.tag in (None, "tag:yaml.org,2002:null") else event.value
            if event.tag == "tag:yaml.org,2002:null":
                value = None
            self._attach(value, 1, mark, event.anchor)
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                raise _Refused(mark, f"values are nested more than {MAX_DEPTH} levels deep here: a case file never needs that")
            container: Any = [] if isinstance(event, yaml.SequenceStartEvent) else {}
            if event.anchor:
                self.open_anchors.add(event.anchor)
            self.stack.append([container, path, event.anchor, 1, None, None, {}])

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
        plain = event.style in (None, "") and event.implicit[0]
        if key in frame[0] or (key == "<<" and "<<" in frame[6]):
            first = self.located.keys.get((*frame[1], key))
            where = f" (first at line {first[0]})" if first else ""
            raise _Refused(mark, f"the key '{key}' appears twice in the same mapping{where}: keep one")
        frame[4] = key
        if key == "<<" and plain:
            frame[6]["<<"] = "merge"
        self.located.keys[(*frame[1], key)] = (mark.line + 1, mark.column + 1)


def parse_text(raw: bytes, filename: str) -> Located:
    """Parse a case file's bytes; every failure is an :class:`InputError` with a position."""

    def refuse(line: int, col: int, message: str) -> InputError:
        return InputError([Problem(filename, line, col, message)])

    if len(raw) > MAX_BYTES:
        raise refuse(1, 1, f"the file is {len(raw):,} bytes: a case file is far smaller (at most {MAX_BYTES:,} bytes), so it was not read")
    if b"\x00" in raw:
        raise refuse(1, 1, "this is not a text file (it looks binary): a case file is YAML text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise refuse(line, col, "this is not UTF-8 text: save the file as UTF-8") from None
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
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise refuse(line, col, _friendly_yaml_error(error)) from None
    except yaml.YAMLError as error:  # e.g. control characters the reader rejects
        raise refuse(1, 1, f"this is not valid YAML ({str(error).splitlines()[0]})") from None

    data = located.data = builder.root
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value" if data is not None else "empty"
        raise refuse(1, 1, f"a case file must be a mapping of keys to values (like 'reference: KHA-2026-0001'), but this file is {kind}")
    return located
