"""The JSON Schema of the scenario format, generated from the pydantic models.

It describes files as people write them, so that an editor (VS Code with the YAML
extension) accepts every file ``aldlan validate`` accepts:

- a file with ``extends`` needs none of the keys its parent can give: the required keys
  (top-level and nested) apply only to a file without ``extends``;
- ``locations`` is a number of rooms, or a plan: a list of rooms, each with a ``name``, an
  optional ``count`` and any scenario keys that may differ per room;
- unknown keys and wrong types are rejected everywhere, as ``aldlan validate`` does.

The key list comes from the models (:class:`aldlan_model.model.scenario.Scenario`); nothing
here names a scenario key except ``extends`` and the plan's own ``name``/``count``.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from aldlan_model.io.plan import MAX_ROOMS, NOT_PER_LOCATION
from aldlan_model.model.scenario import Scenario

SCHEMA_ID = "https://aldlan-model.invalid/scenario.schema.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
PARTIAL = "Partial"  # suffix of the definitions without required keys (files with extends, rooms of a plan)


def _without_required(node: Any, names: set[str]) -> Any:
    """A copy of a schema node with no ``required`` and every ``$ref`` pointing at the partial definitions."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "required":
                continue
            if key == "$ref" and isinstance(value, str) and value.rsplit("/", 1)[-1] in names:
                out[key] = value + PARTIAL
            else:
                out[key] = _without_required(value, names)
        return out
    if isinstance(node, list):
        return [_without_required(v, names) for v in node]
    return node


def _location(partial_properties: dict[str, Any]) -> dict[str, Any]:
    """One room of a plan: its name and count, and the scenario keys that may differ per room."""
    properties = {k: v for k, v in partial_properties.items() if k not in NOT_PER_LOCATION}
    count = {"type": "integer", "minimum": 1, "maximum": MAX_ROOMS}
    properties = {
        "name": {"type": "string", "minLength": 1, "description": "The room's name, unique in the plan"},
        "count": {
            "description": "How many rooms of this kind (default 1)",
            "anyOf": [count, {"type": "object", "additionalProperties": False, "required": ["value"],
                              "properties": {"value": count, "source": {"type": "string"}}}],
        },
        **properties,
    }
    return {
        "type": "object",
        "description": "A room of the plan: its numbers replace the plan's for this room",
        "additionalProperties": False,
        "required": ["name"],
        "properties": properties,
    }


def schema() -> dict[str, Any]:
    full = Scenario.model_json_schema(mode="validation")
    defs: dict[str, Any] = full.pop("$defs", {})
    names = set(defs)
    required = list(full.pop("required", []))
    full["properties"]["extends"] = {
        "type": "string",
        "description": "Another scenario file this one builds on (path relative to this file); "
        "with it, no key is required: the parent gives what this file leaves out",
    }
    partial_defs = {name + PARTIAL: _without_required(d, names) for name, d in defs.items()}
    partial_props = _without_required(full["properties"], names)
    partial_defs["Location"] = _location(partial_props)
    plan = {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/Location"},
            "description": "A plan: a list of rooms, each with a name, a count and its own numbers"}
    number = partial_props.get("locations")
    partial_props["locations"] = {"anyOf": [number, plan]} if number else plan
    # a file without extends must be complete: the required keys and the full (strict) definitions
    complete = {
        "required": required,
        "properties": {k: v for k, v in full["properties"].items() if k != "locations" and "$ref" in json.dumps(v)},
    }
    out: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": "aldlan-model scenario",
        "description": full.get("description", "A scenario of aldlan-model"),
        "type": "object",
        "additionalProperties": False,
        "properties": partial_props,
        "if": {"not": {"required": ["extends"]}},
        "then": complete,
        "$defs": {**copy.deepcopy(defs), **partial_defs},
    }
    return out


def schema_json() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
