"""Merge a company overlay (data/company.yml) over the base data, by id (design contract 3).

The base lists entries (`roles: [{id: tl, ...}]`); the overlay maps ids to patches
(`roles: {tl: {name: ...}}`). A patch deep-merges into the entry with that id, a new id is
appended in overlay order, `remove: true` drops the entry (a removed role also loses its
matrix cells) and a `null` value drops one key, such as a single matrix cell.
"""

from __future__ import annotations

import copy
from typing import Any

from .errors import Location, Problem
from .yamlsource import YamlList, YamlMap, type_name

SECTIONS = ("roles", "areas", "activities", "checklists")
OVERLAY_ONLY = ("settings",)


def merge_overlay(base: YamlMap, overlay: YamlMap) -> tuple[YamlMap, list[Problem]]:
    """Return the merged data; the input trees are left untouched."""
    merged = copy.deepcopy(base)
    merged.removed = {}  # section -> {id: base entry}; pages may still name what a fork removed
    problems: list[Problem] = []
    for key in overlay:
        if key not in SECTIONS and key not in OVERLAY_ONLY:
            allowed = ", ".join(SECTIONS + OVERLAY_ONLY)
            problems.append(Problem(overlay.at(key), str(key), f"unknown key (allowed: {allowed})"))
    for section in SECTIONS:
        if section not in overlay or overlay[section] is None:
            continue
        patches = overlay[section]
        if not isinstance(patches, YamlMap):
            problems.append(Problem(overlay.at(section), section, f"expected a mapping of id to changes, found {type_name(patches)}"))
            continue
        entries = merged.get(section)
        if not isinstance(entries, YamlList):
            entries = YamlList(overlay.at(section))
            merged[section] = entries
            merged.locations[section] = overlay.at(section)
        before = {e.get("id"): e for e in entries if isinstance(e, dict)}
        removed = _merge_entries(entries, patches, section, problems)
        merged.removed[section] = {entry_id: before[entry_id] for entry_id in removed}
        if section == "roles":
            _drop_cells(merged.get("activities"), {role: patches.at(role) for role in removed})
    return merged, problems


def _merge_entries(entries: YamlList, patches: YamlMap, path: str, problems: list[Problem]) -> set[str]:
    """Patch, append or remove entries by id; return the ids removed."""
    by_id = {entry.get("id"): entry for entry in entries if isinstance(entry, dict)}
    removed: set[str] = set()
    for entry_id, patch in patches.items():
        where = f"{path}[{entry_id}]"
        if not isinstance(patch, YamlMap):
            problems.append(Problem(patches.at(entry_id), where, f"expected a mapping of changes, found {type_name(patch)}"))
            continue
        if patch.get("remove") is True:
            if entry_id not in by_id:
                problems.append(Problem(patches.at(entry_id), where, "cannot remove: no such id in the base data"))
                continue
            entries.remove(by_id.pop(entry_id))
            removed.add(str(entry_id))
            continue
        if "remove" in patch:
            problems.append(Problem(patch.at("remove"), f"{where}.remove", "only `remove: true` is allowed"))
            continue
        if entry_id in by_id:
            _patch(by_id[entry_id], patch, where, problems)
        else:
            entry = copy.deepcopy(patch)
            if "id" in entry and entry["id"] != entry_id:
                problems.append(Problem(patch.at("id"), f"{where}.id", f"differs from its key '{entry_id}'"))
            entry["id"] = entry_id
            entry.locations["id"] = patches.at(entry_id)
            entry.here = patches.at(entry_id)
            entries.append(entry)
            entries.locations[len(entries) - 1] = patches.at(entry_id)
            by_id[entry_id] = entry
    # Keep list locations aligned with positions after removals.
    entries.locations = {i: getattr(e, "here", entries.here) for i, e in enumerate(entries)}
    return removed


def _patch(target: YamlMap, patch: YamlMap, where: str, problems: list[Problem]) -> None:
    for key, value in patch.items():
        if key == "id":
            if value != target.get("id"):
                problems.append(Problem(patch.at(key), f"{where}.id", "an id cannot be changed in the overlay; add a new entry"))
            continue
        if key == "items" and isinstance(value, YamlList) and isinstance(target.get(key), YamlList):
            target[key].removed_ids = _merge_items(target[key], value, f"{where}.items", problems)
        elif value is None:
            target.pop(key, None)
        elif isinstance(value, YamlMap) and isinstance(target.get(key), YamlMap):
            _patch(target[key], value, f"{where}.{key}", problems)
            target[key].here = patch.at(key)  # problems with the patched whole point at the overlay
            continue
        else:
            target[key] = copy.deepcopy(value)
        target.locations[key] = patch.at(key)


def _merge_items(items: YamlList, changes: YamlList, where: str, problems: list[Problem]) -> set[str]:
    """Checklist items are a list in both files, merged by their ids."""
    as_patches = YamlMap(changes.here)
    for index, change in enumerate(changes):
        if not isinstance(change, YamlMap) or not change.get("id"):
            problems.append(Problem(changes.at(index), f"{where}[{index}]", "an overlay item needs an id"))
            continue
        body = copy.deepcopy(change)
        body.pop("id")
        body.here = change.here
        as_patches[change["id"]] = body
        as_patches.locations[change["id"]] = changes.at(index)
    return _merge_entries(items, as_patches, where, problems)


def _drop_cells(activities: Any, removals: dict[str, Location]) -> None:
    """A removed role leaves no cells behind; a row it leaves invalid is reported at the removal."""
    if not removals or not isinstance(activities, list):
        return
    for activity in activities:
        raci = activity.get("raci") if isinstance(activity, dict) else None
        if isinstance(raci, YamlMap):
            for role_id, where in removals.items():
                if raci.pop(role_id, None) is not None:
                    raci.here = where
