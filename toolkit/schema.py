"""The case file's JSON Schema, for editors that complete and check YAML as it is typed."""

from __future__ import annotations

import json
from typing import Any

from toolkit.model import Case

SCHEMA_ID = "https://keniston-ha.org.uk/schemas/casedocs/casefile-1.json"


def case_schema() -> dict[str, Any]:
    schema = Case.model_json_schema(mode="validation")
    return {
        **schema,
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "casedocs case file",
        "description": "One harassment case of Keniston Housing Association (schema_version 1).",
    }


def schema_text() -> str:
    return json.dumps(case_schema(), indent=2, ensure_ascii=False) + "\n"
