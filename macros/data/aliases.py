"""Renamed ids keep working: `aliases` in data/checklists.yml map old ids to current ones.

`aliases: {checklists: {old: new}, items: {checklist: {old: new}}}`. An alias whose target a
company overlay removed on purpose is dropped with it (the overlay can also drop or add
aliases itself, in its own `aliases:` section): a fork never has to edit upstream's file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from macros.contract import SLUG
from macros.data.errors import Location
from macros.data.model import Checklist
from macros.data.yamlsource import YamlMap, type_name

Add = Callable[[Location, str, str], None]


def apply_aliases(add: Add, tree: YamlMap, checklists: list[Checklist], removed_checklists: set[str]) -> list[Checklist]:
    """The checklists with their old ids and item aliases; problems go to `add(where, path, message)`."""
    aliases = tree.get("aliases")
    if aliases is None:
        return checklists
    if not isinstance(aliases, YamlMap):
        add(tree.at("aliases"), "aliases", f"expected a mapping, found {type_name(aliases)}")
        return checklists
    for key in aliases:
        if key not in ("checklists", "items"):
            add(aliases.at(key), f"aliases.{key}", "unknown key (allowed: checklists, items)")
    by_id = {c.id: c for c in checklists}
    old_ids = _checklist_aliases(add, aliases, by_id, removed_checklists)
    item_aliases = _item_aliases(add, aliases, by_id, removed_checklists)
    return [replace(c, old_ids=tuple(old_ids.get(c.id, ())), item_aliases=tuple(item_aliases.get(c.id, ()))) for c in checklists]


def _checklist_aliases(add: Add, aliases: YamlMap, by_id: Mapping[str, Checklist], removed: set[str]) -> dict[str, list[str]]:
    old_ids: dict[str, list[str]] = {}
    for old, new in _pairs(add, aliases, "checklists"):
        where, path = aliases["checklists"].at(old), f"aliases.checklists.{old}"
        if new in removed:
            continue  # the fork removed the checklist on purpose; its old id goes with it
        if new not in by_id:
            add(where, path, f"'{new}' is not a defined checklist")
        elif old in by_id:
            add(where, path, f"'{old}' is still a checklist id; an alias is for an id that is gone")
        else:
            old_ids.setdefault(new, []).append(old)
    return old_ids


def _item_aliases(add: Add, aliases: YamlMap, by_id: Mapping[str, Checklist], removed: set[str]) -> dict[str, list[tuple[str, str]]]:
    items = aliases.get("items")
    if items is None:
        return {}
    if not isinstance(items, YamlMap):
        add(aliases.at("items"), "aliases.items", f"expected a mapping, found {type_name(items)}")
        return {}
    found: dict[str, list[tuple[str, str]]] = {}
    for checklist_id in items:
        if checklist_id in removed:
            continue
        if checklist_id not in by_id:
            add(items.at(checklist_id), f"aliases.items.{checklist_id}", f"'{checklist_id}' is not a defined checklist")
            continue
        checklist = by_id[checklist_id]
        current = {i.id for i in checklist.items}
        for old, new in _pairs(add, items, checklist_id, f"aliases.items.{checklist_id}"):
            where, path = items[checklist_id].at(old), f"aliases.items.{checklist_id}.{old}"
            if new in checklist.removed_item_ids:
                continue  # the fork removed the item on purpose
            if new not in current:
                add(where, path, f"'{new}' is not an item of checklist '{checklist_id}'")
            elif old in current:
                add(where, path, f"'{old}' is still an item id; an alias is for an id that is gone")
            else:
                found.setdefault(checklist_id, []).append((old, new))
    return found


def _pairs(add: Add, parent: YamlMap, key: str, path: str | None = None) -> list[tuple[str, str]]:
    value = parent.get(key)
    path = path or f"aliases.{key}"
    if value is None:
        return []
    if not isinstance(value, YamlMap):
        add(parent.at(key), path, f"expected a mapping of old id to new id, found {type_name(value)}")
        return []
    pairs = []
    for old, new in value.items():
        if not isinstance(new, str) or not isinstance(old, str) or not SLUG.match(old):
            add(value.at(old), f"{path}.{old}", "expected `old-id: new-id` (both slugs)")
        else:
            pairs.append((old, new))
    return pairs
