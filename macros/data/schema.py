"""JSON Schemas for editors, generated from the validator's own field table so the two agree.

`python -m macros schema` rewrites schema/*.json; a test fails when they are out of date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from macros.contract import LETTERS, SLUG
from macros.data.shapes import FIELDS

SCHEMA_DIR = "schema"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
SLUG_PATTERN = SLUG.pattern


def _value(key: str, patch: bool) -> dict[str, Any]:
    if key == "id":
        return {"type": "string", "pattern": SLUG_PATTERN}
    if key == "raci":
        letter: dict[str, Any] = {"enum": [*LETTERS, None] if patch else list(LETTERS)}
        return {"type": "object", "propertyNames": {"pattern": SLUG_PATTERN}, "additionalProperties": letter}
    if key == "items":
        item = _entry("items", patch=patch)
        if patch:
            item["required"] = ["id"]
        return {"type": "array", "minItems": 0 if patch else 1, "items": item}
    return {"type": "string", "minLength": 1}


def _entry(kind: str, patch: bool = False) -> dict[str, Any]:
    spec = FIELDS[kind]
    properties = {key: _value(key, patch) for key in spec}
    if patch:
        properties["remove"] = {"const": True, "description": "drop this entry (and, for a role, its cells)"}
        for key, schema in properties.items():
            if key not in ("id", "remove", "raci", "items"):
                properties[key] = {"anyOf": [schema, {"type": "null"}]}
    result: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": properties}
    if not patch:
        result["required"] = [key for key, required in spec.items() if required]
    return result


ALIASES = {
    "type": "object",
    "description": "renamed ids: old id -> current id, so links and saved ticks keep working",
    "additionalProperties": False,
    "properties": {
        "checklists": {"type": "object", "propertyNames": {"pattern": SLUG_PATTERN}, "additionalProperties": {"type": "string"}},
        "items": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "propertyNames": {"pattern": SLUG_PATTERN},
                "additionalProperties": {"type": "string"},
            },
        },
    },
}


def data_schema(sections: tuple[str, ...], required: tuple[str, ...], title: str) -> dict[str, Any]:
    properties: dict[str, Any] = {kind: {"type": "array", "minItems": 1, "items": _entry(kind)} for kind in sections}
    properties["aliases"] = ALIASES
    return {
        "$schema": DRAFT,
        "title": title,
        "type": "object",
        "additionalProperties": False,
        "required": list(required),
        "properties": properties,
    }


def overlay_schema(settings: dict[str, Any] | None = None) -> dict[str, Any]:
    sections = {
        kind: {
            "type": "object",
            "propertyNames": {"pattern": SLUG_PATTERN},
            "additionalProperties": _entry(kind, patch=True),
        }
        for kind in ("roles", "areas", "activities", "checklists")
    }
    sections["settings"] = settings or {"type": "object"}
    sections["aliases"] = {"type": "object", "description": "Add (old: new) or drop (old: ~) aliases of upstream ids"}
    return {
        "$schema": DRAFT,
        "title": "Tech Lead Playbook company overlay (data/company.yml)",
        "type": "object",
        "additionalProperties": False,
        "properties": sections,
    }


def schemas() -> dict[str, dict[str, Any]]:
    return {
        "responsibilities.schema.json": data_schema(
            ("roles", "areas", "activities", "checklists"), ("roles", "areas", "activities"), "Tech Lead Playbook data/responsibilities.yml"
        ),
        "checklists.schema.json": data_schema(("checklists",), ("checklists",), "Tech Lead Playbook data/checklists.yml"),
        "company.schema.json": overlay_schema(),
    }


def write_schemas(root: Path) -> list[Path]:
    written = []
    for name, schema in schemas().items():
        path = root / SCHEMA_DIR / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(schema, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
