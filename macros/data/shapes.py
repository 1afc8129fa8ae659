"""The shape of each data entry, declared once: the validator, the overlay and schema/*.json read it."""

from __future__ import annotations

# The shape of each entry: key -> required? Every value is text, except those in NESTED.
FIELDS: dict[str, dict[str, bool]] = {
    "roles": {"id": True, "name": True, "plural": False, "short": True, "summary": True},
    "areas": {"id": True, "name": True, "summary": True},
    "activities": {"id": True, "area": True, "name": True, "page": True, "raci": True},
    "checklists": {"id": True, "title": True, "activity": False, "items": True},
    "items": {"id": True, "text": True},
}
NESTED = {"raci": "a mapping", "items": "a list"}
TOP_LEVEL = {"roles": True, "areas": True, "activities": True, "checklists": False, "aliases": False}
