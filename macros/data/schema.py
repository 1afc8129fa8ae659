"""JSON Schemas for editors, generated from the validator's own field table so the two agree.

`python -m macros schema` rewrites schema/*.json; a test fails when they are out of date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from macros.contract import LETTERS, SLUG
from macros.data.colours import HEX
from macros.data.settings import CONTROL, EMAIL
from macros.data.shapes import FIELDS, IMAGE_EXTENSIONS, MAX_TEXT, MAX_URL, NORM_UNITS, SETTINGS
from macros.data.wordbook import DEFAULTS

SCHEMA_DIR = "schema"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
SLUG_PATTERN = SLUG.pattern


NUMBER = {"type": "number", "minimum": 0}
NORM_VALUES: dict[str, dict[str, Any]] = {
    "value": {"type": "number", "exclusiveMinimum": 0, "description": "one number in `unit`, above 0; or give range instead"},
    "range": {
        "type": "array",
        "items": NUMBER,
        "minItems": 2,
        "maxItems": 2,
        "description": "[low, high] in `unit`; or give value instead",
    },
    "unit": {"enum": list(NORM_UNITS), "description": "an overlay may change it only within its kind (time, effort, share, count, size)"},
    "source": {
        "type": "string",
        "maxLength": MAX_URL,
        "pattern": "^[hH][tT][tT][pP][sS]?://",
        "description": "where the figure comes from",
    },
    "activity": {"type": "string", "pattern": SLUG_PATTERN, "description": "the matrix activity it belongs to"},
}


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
    if key == "play":
        return {"type": "string", "pattern": PAGE, "description": "the page under docs/ that builds the behavior, like plays/x/y.md"}
    if key == "levels":  # every level in a data file; a patch changes some
        levels = _entry("levels", patch=patch)
        levels["properties"] = {level: {"type": "string", "minLength": 1} for level in FIELDS["levels"]}
        levels["description"] = "each level: inline Markdown with {norm:id}, {norm-adjective:id}, {role:id}, {roles:id}"
        return levels
    return NORM_VALUES.get(key, {"type": "string", "minLength": 1})


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
        if kind == "norms":  # one number or one range
            result["oneOf"] = [{"required": ["value"]}, {"required": ["range"]}]
    return result


def _aliases(patch: bool) -> dict[str, Any]:
    """`aliases:`; in the overlay, `old: ~` drops one of upstream's."""
    target: dict[str, Any] = {"type": ["string", "null"]} if patch else {"type": "string"}
    renames = {"type": "object", "propertyNames": {"pattern": SLUG_PATTERN}, "additionalProperties": target}
    return {
        "type": "object",
        "description": "Renamed ids: old id -> current id, so links and saved ticks keep working"
        + ("; old: ~ drops an alias upstream declares" if patch else ""),
        "additionalProperties": False,
        "properties": {"checklists": renames, "items": {"type": "object", "additionalProperties": renames}},
    }


def _any_case(word: str) -> str:
    """A JSON Schema pattern (ECMA-262, no flags) matching `word` in any letter case."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in word)


ONE_LINE = CONTROL.pattern.replace("[", "^[^", 1) + "*$"
PAGE = r"^[^/].*\.md(#.*)?$"
SETTING_TEXT = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT, "pattern": ONE_LINE}
SETTING_KINDS: dict[str, dict[str, Any]] = {
    "text": SETTING_TEXT,
    "web": {"type": "string", "maxLength": MAX_URL, "pattern": f"^{_any_case('http')}[sS]?://"},
    "tracker": {  # a new-issue address of the trackers in macros/data/trackers.py
        "type": "string",
        "maxLength": MAX_URL,
        "pattern": f"^{_any_case('http')}[sS]?://[^?#]*(/issues/new|/CreateIssueDetails!init\\.jspa|/new|/_workitems/create/[^/?#]+)/?([?#]|$)",
    },
    "language": {"type": "string", "pattern": "^[a-z]{2,3}(-[A-Za-z]{2,4})?$"},
    "nav": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "order": {"type": "array", "items": {"type": "string", "pattern": PAGE}},
            "titles": {
                "type": "object",
                "additionalProperties": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT, "pattern": ONE_LINE},
            },
            "place": {"type": "object", "additionalProperties": {"type": "string", "pattern": PAGE}},
        },
    },
    "image": {"type": "string", "maxLength": MAX_URL, "pattern": rf"^[^/].*\.({'|'.join(map(_any_case, IMAGE_EXTENSIONS))})$"},
    "edit_uri": {"type": "string", "minLength": 1, "maxLength": MAX_URL, "pattern": ONE_LINE},
    "contact": {
        "type": "string",
        "maxLength": MAX_URL,
        "anyOf": [{"pattern": EMAIL.pattern}, {"pattern": f"^({_any_case('https')}?|{_any_case('mailto')}|{_any_case('tel')}):"}],
    },
    "folder": {"type": "string", "minLength": 1, "maxLength": MAX_URL, "pattern": "^[^/]"},
    "colours": {
        "type": "object",
        "additionalProperties": False,
        "properties": {key: {"type": "string", "pattern": HEX.pattern} for key in ("primary", "accent")},
    },
    "pages": {"type": "array", "items": {"type": "string", "pattern": PAGE}},
    "redirects": {
        "type": "object",
        "propertyNames": {"pattern": r"^[^/].*\.md$"},
        "additionalProperties": {"type": "string", "pattern": PAGE},
    },
    "flag": {"type": "boolean"},
}


def settings_schema() -> dict[str, Any]:
    """Every setting with its type, allowed values and description, from shapes.SETTINGS. The
    checks only the build can make (contrast, pages on disk, the URL policy's details) stay there."""
    return {
        "type": "object",
        "description": "Company settings: name, branding, links and checks, instead of editing mkdocs.yml",
        "additionalProperties": False,
        "properties": {key: {"description": setting.description, **SETTING_KINDS[setting.kind]} for key, setting in SETTINGS.items()},
    }


def data_schema(sections: tuple[str, ...], required: tuple[str, ...], title: str, aliases: bool = True) -> dict[str, Any]:
    properties: dict[str, Any] = {kind: {"type": "array", "minItems": 1, "items": _entry(kind)} for kind in sections}
    if aliases:
        properties["aliases"] = _aliases(patch=False)
    return {
        "$schema": DRAFT,
        "title": title,
        "type": "object",
        "additionalProperties": False,
        "required": list(required),
        "properties": properties,
    }


def overlay_schema() -> dict[str, Any]:
    sections = {
        kind: {
            "type": "object",
            "propertyNames": {"pattern": SLUG_PATTERN},
            "additionalProperties": _entry(kind, patch=True),
        }
        for kind in ("roles", "areas", "activities", "checklists", "norms", "behaviors")
    }
    sections["settings"] = settings_schema()
    sections["aliases"] = _aliases(patch=True)
    sections["words"] = {
        "type": "object",
        "description": "Your own text for any word the playbook's code shows; keep its {placeholders}. Page words are Markdown.",
        "additionalProperties": False,
        "properties": {key: {"type": "string", "minLength": 1, "description": text} for key, text in DEFAULTS.items()},
    }
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
        "norms.schema.json": data_schema(("norms",), ("norms",), "Tech Lead Playbook data/norms.yml", aliases=False),
        "assessment.schema.json": data_schema(("behaviors",), ("behaviors",), "Tech Lead Playbook data/assessment.yml", aliases=False),
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
