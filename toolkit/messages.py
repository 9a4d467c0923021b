"""Pydantic's validation errors, said in plain English for a housing officer.

Each message says what is wrong *and* what would be right: the allowed values, the
closest known key, the format of a date. The tests pin these words, so change them
deliberately.
"""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel

_ENUM_HINT_LIMIT = 12


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"'{value}'"


def _field_model(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that owns the last key of ``loc``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return current
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    """The BaseModel inside ``list[X] | None`` and friends, else the annotation."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found
    return annotation


def _where(loc: tuple[Any, ...]) -> str:
    """``('parties', 2, 'role')`` -> "parties[2]" for the owner of a missing key."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the top level"


def plain_message(model: type[BaseModel], error: dict[str, Any]) -> tuple[str, bool]:
    """(message, located at the key rather than the value) for one Pydantic error."""
    kind: str = error["type"]
    loc: tuple[Any, ...] = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "value")

    if kind == "extra_forbidden":
        owner = _field_model(model, loc[:-1])
        known = list(owner.model_fields) if owner else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        if close:
            return f"unknown key '{loc[-1]}': did you mean '{close[0]}'?", True
        return f"unknown key '{loc[-1]}': the keys allowed here are {', '.join(known)}", True
    if kind == "missing":
        return f"'{loc[-1]}' is required in {_where(loc[:-1])} but is missing", False
    if kind == "literal_error":
        expected = [s.strip().strip("'") for s in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")]
        close = difflib.get_close_matches(str(value), expected, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else (
            f"use one of: {', '.join(expected)}" if len(expected) <= _ENUM_HINT_LIMIT else "see the README for the allowed values"
        )
        return f"{_describe(value)} is not an allowed {name}: {hint}", False
    if kind.startswith("casedocs_"):
        return str(error["msg"]), False
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), False
    if kind == "string_pattern_mismatch":
        return _pattern_message(name, value), False
    if kind in ("list_type", "tuple_type"):
        return f"'{name}' should be a list (one '- item' per line), not {_describe(value)}", False
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"'{name}' should be a mapping of keys and values (like 'name: ...'), not {_describe(value)}", False
    if kind == "string_type":
        return f"'{name}' should be text, not {_describe(value)}", False
    if kind in ("string_too_short",):
        return f"'{name}' is empty: write a value or remove the key", False
    if kind == "too_short":
        return f"'{name}' needs at least {ctx.get('min_length', 1)} entry", False
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"'{name}' should be a whole number, not {_describe(value)}", False
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
        words = {"greater_than_equal": "at least", "less_than_equal": "at most", "greater_than": "more than", "less_than": "less than"}
        return f"'{name}' must be {words[kind]} {bound}, not {_describe(value)}", False
    if kind in ("bool_parsing", "bool_type"):
        return f"'{name}' should be true or false, not {_describe(value)}", False
    return f"'{name}': {error['msg']} (got {_describe(value)})", False


def _pattern_message(name: str, value: Any) -> str:
    shown = _describe(value)
    if name == "reference":
        return f"{shown} is not a case reference: write it as KHA-YYYY-NNNN, e.g. KHA-2026-0007"
    if name == "email":
        return f"{shown} is not an email address"
    if name == "language":
        return f"{shown} is not a language tag: use a BCP 47 tag such as en, pl, ur or pt-BR"
    if name == "exhibit":
        return f"{shown} is not an exhibit mark: use capital initials and a number, e.g. PS3"
    if name == "bundle_letter":
        return f"{shown} is not a bundle letter: use one capital letter, e.g. A"
    return f"{shown} is not a valid id: start with a letter, then letters, digits, '-' or '_' (e.g. V1, P2)"
