"""Pydantic's validation errors, said in plain English for a housing officer.

Each message says what is wrong *and* what would be right: the allowed values, the
closest known key, the format of a date. The tests pin these words (the corpus in
``tests/bad_cases/``), so change them deliberately.

Style: lower-case start, the key or value in single quotes, then a colon and what to
write instead. Positions are the loader's business, not the message's.
"""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel

_ENUM_HINT_LIMIT = 12
_SHOWN_TEXT = 40

# What an item of each list is called, for "'role' is required in party 'V1'".
_ITEM_NAMES = {
    "parties": "party",
    "incidents": "incident",
    "actions": "action",
    "evidence": "evidence item",
    "consents": "consent",
    "feedback": "feedback entry",
    "clauses": "clause",
}

# Words officers reach for instead of the key's name; offered when difflib finds nothing.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "dob": ("date_of_birth",),
    "birth_date": ("date_of_birth",),
    "birthday": ("date_of_birth",),
    "born": ("date_of_birth",),
    "telephone": ("phone",),
    "tel": ("phone",),
    "mobile": ("phone",),
    "e_mail": ("email",),
    "mail": ("email",),
    "post_code": ("postcode",),
    "postal_code": ("postcode",),
    "zip": ("postcode",),
    "guardian": ("guardians",),
    "parents": ("guardians",),
    "perpetrator": ("perpetrators",),
    "victim": ("victims",),
    "witness": ("witnesses",),
    "date": ("occurred",),
    "when": ("occurred",),
    "details": ("description",),
    "notes": ("description",),
    "type": ("role", "kind"),
    "kind": ("type", "role"),
    "path": ("file",),
    "filename": ("file",),
    "closed_reason": ("closure_reason",),
    "reason": ("closure_reason",),
    "version": ("schema_version",),
    "ref": ("reference",),
    "case_reference": ("reference",),
}


def one_line(message: str) -> str:
    """``message`` with line breaks and invisible or control characters written as escapes.

    Every problem is one ``file:line:col: message`` line, and what an officer cannot see
    (a zero-width space in a key, a tab, a right-to-left override) is what they most need
    to be shown: ``unknown key 'incidents\\u200b'``.
    """
    if message.isprintable():
        return message
    out = []
    for char in message:
        if char.isprintable() or char == " ":
            out.append(char)
        elif char in "\n\t\r":
            out.append({"\n": "\\n", "\t": "\\t", "\r": "\\r"}[char])
        else:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    if len(text) > _SHOWN_TEXT:
        text = text[: _SHOWN_TEXT - 3].rstrip() + "..."
    return f"'{text}'"


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


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _value_at(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc:
        if isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return None
    return data


def describe_owner(loc: tuple[Any, ...], data: Any = None) -> str:
    """Who owns a key, in words: "the top level", "'officer'", "party 'V1'",
    "the 2nd entry of 'actions'"."""
    if not loc:
        return "the top level of the case file"
    if isinstance(loc[-1], int):
        index = loc[-1]
        listed = next((str(p) for p in reversed(loc[:-1]) if isinstance(p, str)), "the list")
        item = _value_at(data, loc)
        ident = item.get("id") if isinstance(item, dict) else None
        singular = _ITEM_NAMES.get(listed)
        if singular and isinstance(ident, str) and ident.strip():
            return f"{singular} '{ident}'"
        return f"the {_ordinal(index + 1)} entry of '{listed}'"
    return f"'{loc[-1]}'"


def _is_required(model: type[BaseModel], loc: tuple[Any, ...]) -> bool:
    owner = _field_model(model, loc[:-1])
    info = owner.model_fields.get(str(loc[-1])) if owner else None
    return bool(info and info.is_required())


def unknown_key_suggestion(model: type[BaseModel], loc: tuple[Any, ...]) -> str | None:
    """The known key closest to the unknown last key of ``loc``, if any is close."""
    owner = _field_model(model, loc[:-1])
    known = list(owner.model_fields) if owner else []
    wrong = str(loc[-1])
    close = difflib.get_close_matches(wrong.lower(), known, n=1, cutoff=0.6)
    if close:
        return close[0]
    for synonym in _SYNONYMS.get(wrong.lower().replace(" ", "_").replace("-", "_"), ()):
        if synonym in known:
            return synonym
    return None


def plain_message(model: type[BaseModel], error: dict[str, Any], data: Any = None) -> tuple[str, bool]:
    """(message, located at the key rather than the value) for one Pydantic error.

    ``data`` is the plain data that was validated, used to name the owner of a missing
    key by its id ("party 'V1'") rather than by its index.
    """
    kind: str = error["type"]
    loc: tuple[Any, ...] = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "value")
    # an entry of a list is "each entry of 'parties'"; a key is "'role'"
    subject = f"each entry of '{name}'" if loc and isinstance(loc[-1], int) else f"'{name}'"

    if kind == "extra_forbidden":
        owner = _field_model(model, loc[:-1])
        known = list(owner.model_fields) if owner else []
        close = unknown_key_suggestion(model, loc)
        if close:
            return f"unknown key '{loc[-1]}': did you mean '{close}'?", True
        return f"unknown key '{loc[-1]}': the keys allowed here are {', '.join(known)}", True
    if kind == "missing":
        return f"'{loc[-1]}' is required in {describe_owner(loc[:-1], data)} but is missing", False
    if kind == "literal_error":
        expected = [s.strip().strip("'") for s in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")]
        if isinstance(value, (list, dict)) or value is None:
            return f"{subject} should be one of: {', '.join(expected)}, not {_describe(value)}", False
        near = difflib.get_close_matches(str(value).strip().lower().replace(" ", "_").replace("-", "_"), expected, n=1, cutoff=0.6)
        hint = f"did you mean '{near[0]}'?" if near else (
            f"use one of: {', '.join(expected)}" if len(expected) <= _ENUM_HINT_LIMIT else "see the README for the allowed values"
        )
        return f"{_describe(value)} is not an allowed value for '{name}': {hint}", False
    if kind.startswith("casedocs_"):
        message = str(error["msg"])
        if message.startswith("this "):  # "this is empty: ..." -> "'closed' is empty: ..."
            message = f"{subject} {message[len('this '):]}"
        return message, False
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), False
    if kind == "string_pattern_mismatch":
        return _pattern_message(name, value), False
    if value is None and kind.endswith("_type"):
        return _empty_message(kind, subject), False
    if kind in ("list_type", "tuple_type", "set_type"):
        return f"{subject} should be a list (one '- item' per line, or [a, b]), not {_describe(value)}", False
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{subject} should be a mapping of keys and values (like 'name: ...'), not {_describe(value)}", False
    if kind == "string_type":
        return f"{subject} should be text, not {_describe(value)}", False
    if kind in ("string_too_short", "too_short") and isinstance(value, str):
        if _is_required(model, loc):
            return f"{subject} is empty: it needs a value", False
        return f"{subject} is empty: write a value or remove the key", False
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return f"{subject} needs at least {'one entry' if least == 1 else f'{least} entries'}", False
    if kind in ("int_parsing", "int_type", "int_from_float", "int_parsing_size"):
        return f"{subject} should be a whole number, not {_describe(value)}", False
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
        words = {"greater_than_equal": "at least", "less_than_equal": "at most", "greater_than": "more than", "less_than": "less than"}
        return f"{subject} must be {words[kind]} {bound}, not {_describe(value)}", False
    if kind in ("bool_parsing", "bool_type"):
        return f"{subject} should be true or false, not {_describe(value)}", False
    return f"{subject}: {error['msg']} (got {_describe(value)})", False


def _empty_message(kind: str, subject: str) -> str:
    if kind in ("list_type", "tuple_type", "set_type"):
        return f"{subject} is empty: write its items, one '- item' per line (or [a, b]), or remove the key"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{subject} is empty: write its keys and values underneath, indented"
    if kind in ("int_type",):
        return f"{subject} is empty: write a whole number"
    if kind in ("bool_type",):
        return f"{subject} is empty: write true or false"
    return f"{subject} is empty: it needs a value"


def _pattern_message(name: str, value: Any) -> str:
    shown = _describe(value)
    if name == "reference":
        return f"{shown} is not a case reference: write it as KHA-YYYY-NNNN, e.g. KHA-2026-0007"
    if name == "email":
        return f"{shown} is not an email address: write it like name@example.org.uk"
    if name == "language":
        return f"{shown} is not a language tag: use a BCP 47 tag such as en, pl, ur or pt-BR"
    if name == "exhibit":
        return f"{shown} is not an exhibit mark: use capital initials and a number, e.g. PS3"
    if name == "bundle_letter":
        return f"{shown} is not a bundle letter: use one capital letter, e.g. A"
    return f"{shown} is not a valid id: start with a letter, then letters, digits, '-' or '_' (e.g. V1, P2)"
