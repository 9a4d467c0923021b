"""The case file's JSON Schema, for editors that complete and check YAML as it is typed.

The schema describes what ``casedocs validate`` accepts, as an editor sees the YAML. An
editor types ``form_version: 1`` or ``number: 4.1`` as a number, but casedocs reads every
value as text and accepts both, so free-text fields also allow numbers here: the editor
must not flag what casedocs accepts. What the schema cannot say (cross references, the
evidence files, the file name) only ``casedocs validate`` checks.
"""

from __future__ import annotations

import json
from typing import Any

from toolkit.casefile.model import Case

SCHEMA_ID = "https://keniston-ha.org.uk/schemas/casedocs/casefile-1.json"


def _free_text_allows_numbers(node: Any) -> None:
    """``{"type": "string", "minLength": 1}`` -> also a number (in place, recursively)."""
    if isinstance(node, dict):
        if node.get("type") == "string" and not {"pattern", "format", "enum", "const"} & node.keys():
            node["type"] = ["string", "number"]
        for value in node.values():
            _free_text_allows_numbers(value)
    elif isinstance(node, list):
        for value in node:
            _free_text_allows_numbers(value)


def case_schema() -> dict[str, Any]:
    schema = Case.model_json_schema(mode="validation")
    _free_text_allows_numbers(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "casedocs case file",
        "description": "One harassment case of Keniston Housing Association (schema_version 1). "
        "Cross references, evidence files and the file name are checked by 'casedocs validate'.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def schema_text() -> str:
    return json.dumps(case_schema(), indent=2, ensure_ascii=False) + "\n"
