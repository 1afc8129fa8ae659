"""Rules of a merge beyond patching: what an overlay's removals carry along (an area's
activities must go first; an activity's checklists go with it) and what an upstream rename makes
wrong in the fork (a patch for an id upstream renamed is refused at the fork's line)."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from macros.data.errors import Problem
from macros.data.yamlsource import YamlList, YamlMap


def check_removed_areas(merged: YamlMap, gone: Mapping[str, Any], overlay: YamlMap, problems: list[Problem]) -> None:
    """An area the overlay removes must take its activities and behaviors with it: say so at the removal."""
    for area_id in gone:
        users = []
        for section in ("activities", "behaviors"):
            entries = merged.get(section)
            entries = entries if isinstance(entries, list) else []
            ids = [str(e.get("id")) for e in entries if isinstance(e, dict) and e.get("area") == area_id]
            users += [f"{section} {', '.join(ids)}"] if ids else []
        if users:
            problems.append(
                Problem(
                    overlay["areas"].at(area_id),
                    f"areas[{area_id}]",
                    f"cannot remove: {' and '.join(users)} still belong to it; move them (area: ...) or remove them here too",
                )
            )


def without_renamed_ids(base: YamlMap, overlay: YamlMap, problems: list[Problem]) -> YamlMap:
    """A patch for a checklist or item id upstream has since renamed (its `aliases:`) would quietly
    become a new entry: refuse it at the fork's line, naming the new id, and leave it out."""
    aliases, patches = base.get("aliases"), overlay.get("checklists")
    if not isinstance(aliases, YamlMap) or not isinstance(patches, YamlMap):
        return overlay
    renamed, items = aliases.get("checklists"), aliases.get("items")  # malformed ones: the alias check says so
    renamed = renamed if isinstance(renamed, Mapping) else {}
    items = items if isinstance(items, Mapping) else {}
    overlay = copy.deepcopy(overlay)
    patches = overlay["checklists"]
    for checklist_id in list(patches):
        if isinstance(checklist_id, str) and checklist_id in renamed:
            problems.append(
                Problem(
                    patches.at(checklist_id),
                    f"checklists[{checklist_id}]",
                    f"upstream renamed this checklist to '{renamed[checklist_id]}' (aliases); patch that id instead",
                )
            )
            del patches[checklist_id]
            continue
        changes = patches[checklist_id].get("items") if isinstance(patches[checklist_id], YamlMap) else None
        old_items = items.get(checklist_id) if isinstance(items, Mapping) else None
        if not isinstance(changes, YamlList) or not isinstance(old_items, Mapping):
            continue
        for change in [c for c in changes if isinstance(c, YamlMap) and isinstance(c.get("id"), str) and c["id"] in old_items]:
            new_id = old_items[change["id"]]
            problems.append(
                Problem(
                    change.at("id"),
                    f"checklists[{checklist_id}].items[{change['id']}]",
                    f"upstream renamed this item to '{new_id}' (aliases); use that id",
                )
            )
            changes.remove(change)
    return overlay


def drop_checklists_of(gone: Mapping[str, Any], merged: YamlMap, overlay: YamlMap, removed: dict[str, dict[str, Any]]) -> None:
    """A checklist goes with the activity the overlay removes (as a role's cells go with the role),
    unless the overlay gives it another activity: every page that showed it drops it."""
    checklists, patches = merged.get("checklists"), overlay.get("checklists")
    if not gone or not isinstance(checklists, list):
        return
    for checklist in [c for c in checklists if isinstance(c, dict) and c.get("activity") in gone]:
        patch = patches.get(checklist.get("id")) if isinstance(patches, YamlMap) else None
        if not (isinstance(patch, YamlMap) and "activity" in patch):
            checklists.remove(checklist)
            removed.setdefault("checklists", {})[str(checklist.get("id"))] = checklist
