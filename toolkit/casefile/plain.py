"""The case's plain data (as read from YAML) read tolerantly, and a problem at a key path.

Every cross-key rule (:mod:`toolkit.casefile.rules`, :mod:`~toolkit.casefile.references`,
:mod:`~toolkit.casefile.on_disk`) runs on the plain data rather than the validated model,
so that a file with a typo in one section *and* a dangling id in another gets both
reported in one run. The readers here skip whatever has the wrong shape (a list that is
not a list, an id that is not text): shape errors are the model's to report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

Loc = tuple[str | int, ...]
_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]|$)")


@dataclass(frozen=True)
class PathProblem:
    """A problem at a key path (``('parties', 0, 'guardians', 1)``), located later.

    ``first`` is the path of an earlier value the problem refers to (the first use of a
    duplicated id); :meth:`render` says where it is, by line when lines are known.
    """

    path: Loc
    message: str
    first: Loc = ()

    def render(self, line_of: Callable[[Loc], int] | None = None) -> str:
        if not self.first:
            return self.message
        if line_of is not None:
            return f"{self.message} (the first is at line {line_of(self.first)})"
        return f"{self.message} (the first is {dotted(self.first)})"


def dotted(path: Loc) -> str:
    """``('parties', 2, 'id')`` -> ``parties[2].id``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def items(data: dict[str, Any], key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, mapping) for each mapping in the list at ``key``."""
    value = data.get(key)
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def ids(data: dict[str, Any], key: str) -> dict[str, dict[str, Any]]:
    """The mappings at ``key`` by their text ``id``."""
    return {str(item["id"]): item for _, item in items(data, key) if isinstance(item.get("id"), str)}


def str_list(value: Any) -> Iterator[tuple[int, str]]:
    """(index, text) for each text in ``value``, if it is a list."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield index, item


def parse_day(value: Any) -> date | None:
    """The day a value names (a date-time's day too), or ``None`` for the model to report."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DAY_RE.match(value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def party_name(party: dict[str, Any]) -> str:
    """How a message names a party: their name, else their id."""
    for key in ("name", "id"):
        value = party.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return "this party"
