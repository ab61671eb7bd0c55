"""The JSON Schema of the scenario format, generated from the pydantic models."""

from __future__ import annotations

import json
from typing import Any

from aldlan_model.scenario import Scenario

SCHEMA_ID = "https://aldlan-model.invalid/scenario.schema.json"


def schema() -> dict[str, Any]:
    s = Scenario.model_json_schema(mode="validation")
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    s["title"] = "aldlan-model scenario"
    s["properties"]["extends"] = {
        "type": "string",
        "description": "Another scenario file this one builds on (path relative to this file)",
    }
    return s


def schema_json() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
