"""`casedocs schema`: the JSON Schema editors use, kept in step with the model and the files.

Editors (yaml-language-server) read YAML 1.2 and check it against the schema as it is typed,
so a valid case file must pass the schema as such an editor sees it, and a typo'd key must
not. A small validator for the part of JSON Schema that pydantic emits stands in for the
editor (no extra dependency).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import FIXTURE, ROOT
from toolkit.cli.main import main
from toolkit.casefile.schema import case_schema, schema_text

COMMITTED = ROOT / "case_files" / "casefile.schema.json"
EXAMPLES = sorted((ROOT / "case_files").glob("*.yaml"))


def test_casedocs_schema_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    schema = json.loads(out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "casedocs case file"
    assert out == schema_text()


def test_the_committed_schema_is_up_to_date() -> None:
    """`make schema` writes case_files/casefile.schema.json; run it after changing the model."""
    assert COMMITTED.read_text(encoding="utf-8") == schema_text()


def _objects(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if node.get("type") == "object" or "properties" in node:
            found.append(node)
        for value in node.values():
            found += _objects(value)
    elif isinstance(node, list):
        for value in node:
            found += _objects(value)
    return found


def test_every_mapping_forbids_unknown_keys() -> None:
    objects = _objects(case_schema())
    assert len(objects) >= 14
    assert all(obj.get("additionalProperties") is False for obj in objects)


def test_the_contracts_keys_are_there() -> None:
    schema = case_schema()
    assert set(schema["required"]) == {
        "schema_version", "reference", "received", "status", "officer", "location",
        "categories", "motivation", "parties", "incidents",
    }
    top = schema["properties"]
    for key in ("closed", "actions", "evidence", "consents", "abc", "injunction", "feedback"):
        assert key in top
    assert (top["schema_version"]["type"], top["schema_version"]["const"]) == ("integer", 1)
    assert top["reference"]["pattern"] == r"^KHA-\d{4}-\d{4}$"
    categories = top["categories"]["items"]["enum"]
    assert "graffiti" in categories and len(categories) == 11
    party = schema["$defs"]["Party"]
    assert set(party["required"]) == {"id", "role", "name"}
    assert "parent_guardian" in party["properties"]["role"]["enum"]


# -- the schema as an editor applies it ----------------------------------------------------
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")


def _yaml12(node: yaml.Node) -> Any:
    """A composed node as a YAML 1.2 (core schema) editor types it."""
    if isinstance(node, yaml.MappingNode):
        return {k.value: _yaml12(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_yaml12(v) for v in node.value]
    text = node.value
    if node.style is not None:
        return text
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return text.lower() == "true"
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    return text


def _errors(value: Any, schema: dict[str, Any], root: dict[str, Any], where: str = "") -> list[str]:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return _errors(value, root["$defs"][name], root, where)
    if "anyOf" in schema:
        options = [_errors(value, option, root, where) for option in schema["anyOf"]]
        return [] if any(not o for o in options) else min(options, key=len)
    types = schema.get("type")
    types = [types] if isinstance(types, str) else types
    checks = {
        "string": lambda v: isinstance(v, str),
        "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
        "null": lambda v: v is None,
        "array": lambda v: isinstance(v, list),
        "object": lambda v: isinstance(v, dict),
    }
    if types and not any(checks[t](value) for t in types):
        return [f"{where}: {value!r} is not {types}"]
    problems = []
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} not in enum")
    if "const" in schema and value != schema["const"]:
        problems.append(f"{where}: {value!r} != const")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            problems.append(f"{where}: {value!r} does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0):
            problems.append(f"{where}: too short")
    in_range = schema.get("minimum", value) <= value <= schema.get("maximum", value) if isinstance(value, (int, float)) and not isinstance(value, bool) else True
    if not in_range:
        problems.append(f"{where}: out of range")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            problems.append(f"{where}: too few items")
        for index, item in enumerate(value):
            problems += _errors(item, schema.get("items", {}), root, f"{where}[{index}]")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        problems += [f"{where}: '{key}' is required" for key in schema.get("required", []) if key not in value]
        for key, item in value.items():
            if key in properties:
                problems += _errors(item, properties[key], root, f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                problems.append(f"{where}: unknown key '{key}'")
    return problems


def editor_errors(text: str) -> list[str]:
    schema = case_schema()
    return _errors(_yaml12(yaml.compose(text, Loader=yaml.SafeLoader)), schema, schema)


@pytest.mark.parametrize("path", [FIXTURE, *EXAMPLES], ids=lambda p: p.name)
def test_valid_case_files_pass_the_schema_in_an_editor(path: Path) -> None:
    assert editor_errors(path.read_text(encoding="utf-8")) == []


def test_numbers_in_free_text_pass_as_casedocs_accepts_them() -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace('number: "4.1"', "number: 4.1")
    assert "number: 4.1\n" in text
    assert editor_errors(text) == []


@pytest.mark.parametrize(
    "old, new, words",
    [
        ("incidents:", "incidnets:", "unknown key 'incidnets'"),
        ("    role: witness", "    role: witnes", "not in enum"),
        ("schema_version: 1", "schema_version: 2", "!= const"),
        ("reference: KHA-2026-0900", "reference: KHA-26-900", "does not match"),
        ("  start: 2026-04-01", "  start: 2026-04-01\n  months: 36", "out of range"),
        ("    interpreter: true", "    interpreter: 1", "is not ['boolean']"),
    ],
)
def test_mistakes_fail_the_schema_in_an_editor(old: str, new: str, words: str) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    assert text.count(old) == 1
    assert any(words in e for e in editor_errors(text.replace(old, new)))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_modelines_point_at_the_committed_schema(path: Path) -> None:
    """`# yaml-language-server: $schema=...` is relative to the case file."""
    found = re.search(r"^# yaml-language-server: \$schema=(\S+)", path.read_text(encoding="utf-8"), re.M)
    if found:
        assert (path.parent / found.group(1)).resolve() == COMMITTED.resolve()
