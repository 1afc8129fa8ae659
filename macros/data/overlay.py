"""Merge a company overlay (data/company.yml) over the base data, by id (design contract 3).

The base lists entries (`roles: [{id: tl, ...}]`); the overlay maps ids to patches
(`roles: {tl: {name: ...}}`). A patch deep-merges into the entry with that id, a new id is
appended in overlay order, `remove: true` drops the entry (a removed role also loses its matrix
cells, a removed activity its checklists) and a `null` value drops one key, such as one cell.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from macros.data.errors import Location, Notice, Problem
from macros.data.overlay_rules import check_removed_areas, drop_checklists_of, without_renamed_ids
from macros.data.shapes import FIELDS, NORM_UNITS  # the one declaration of each entry's shape
from macros.data.yamlsource import YamlList, YamlMap, type_name

SECTIONS = ("roles", "areas", "activities", "checklists", "norms", "behaviors")
OVERLAY_ONLY = ("settings", "aliases", "words")
NEEDED = ("roles", "areas", "activities")  # a playbook cannot lose every entry of these


@dataclass(frozen=True)
class Removed:
    """What a company overlay removed on purpose: pages written upstream may still name these."""

    entries: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # section -> {id: base entry}
    items: Mapping[str, frozenset[str]] = field(default_factory=dict)  # checklist id -> item ids

    def ids(self, section: str) -> frozenset[str]:
        return frozenset(self.entries.get(section, {}))


@dataclass(frozen=True)
class Merged:
    """The overlay's result: the merged tree, what it removed, and every problem found."""

    tree: YamlMap
    removed: Removed
    problems: list[Problem]
    notices: list[Notice] = field(default_factory=list)  # likely mistakes, listed (errors when strict)


def join_file(base: YamlMap, extra: YamlMap, base_file: str) -> tuple[YamlMap, list[Problem]]:
    """Another data file's sections (data/checklists.yml, data/norms.yml, data/assessment.yml) beside
    data/responsibilities.yml's, in a new tree."""
    joined = copy.copy(base)
    joined.locations = dict(base.locations)
    problems = []
    for key, value in extra.items():
        if key in base:
            problems.append(Problem(extra.at(key), str(key), f"also defined in {base_file}; keep it in one file"))
        joined[key] = value
        joined.locations[key] = extra.at(key)
    return joined, problems


def merge_overlay(base: YamlMap, overlay: YamlMap) -> Merged:
    """Merge `overlay` into a copy of `base`; the input trees are left untouched."""
    merged = copy.deepcopy(base)
    problems: list[Problem] = []
    removed_items: dict[str, frozenset[str]] = {}
    removed: dict[str, dict[str, Any]] = {}
    for key in overlay:
        if key not in SECTIONS and key not in OVERLAY_ONLY:
            allowed = ", ".join(SECTIONS + OVERLAY_ONLY)
            problems.append(Problem(overlay.at(key), str(key), f"unknown key (allowed: {allowed})"))
    overlay = without_renamed_ids(merged, overlay, problems)
    for section in SECTIONS:
        if section in overlay and overlay[section] is not None:
            removed[section] = _merge_section(merged, overlay, section, problems, removed_items)
    check_removed_areas(merged, removed.get("areas", {}), overlay, problems)
    drop_checklists_of(removed.get("activities", {}), merged, overlay, removed)
    _merge_aliases(merged, overlay, problems)
    notices = [p for p in problems if isinstance(p, Notice)]
    return Merged(merged, Removed(removed, removed_items), [p for p in problems if p not in notices], notices)


def _merge_section(
    merged: YamlMap, overlay: YamlMap, section: str, problems: list[Problem], removed_items: dict[str, frozenset[str]]
) -> dict[str, Any]:
    """One section's patches; returns {id: base entry} of what was removed."""
    patches = overlay[section]
    if not isinstance(patches, YamlMap):
        problems.append(Problem(overlay.at(section), section, f"expected a mapping of id to changes, found {type_name(patches)}"))
        return {}
    entries = merged.get(section)
    if not isinstance(entries, YamlList):
        entries = YamlList(overlay.at(section))
        merged[section] = entries
        merged.locations[section] = overlay.at(section)
    before = {e.get("id"): e for e in entries if isinstance(e, dict)}
    if section == "norms":
        _keep_norm_kinds(before, patches, problems)
    gone = _merge_entries(entries, patches, section, problems, section, removed_items)
    if gone and section in NEEDED and not entries:
        problems.append(Problem(overlay.at(section), section, f"removes every entry of {section}; a playbook needs at least one"))
    if section == "roles":
        _drop_cells(merged.get("activities"), {role: patches.at(role) for role in gone})
    return {entry_id: before[entry_id] for entry_id in gone}


def _keep_norm_kinds(norms: Mapping[Any, Any], patches: YamlMap, problems: list[Problem]) -> None:
    """A fork's `value:` replaces upstream's `range:` and the other way round; a new unit must be of
    the same kind (a review turnaround in hours may become days, never percent)."""
    for norm_id, patch in patches.items():
        base = norms.get(norm_id)
        if not isinstance(patch, YamlMap) or not isinstance(base, YamlMap):
            continue
        for given, other in (("value", "range"), ("range", "value")):
            if given in patch and other not in patch:
                base.pop(other, None)
        old, new = NORM_UNITS.get(str(base.get("unit"))), NORM_UNITS.get(str(patch.get("unit")))
        if old and new and old[0] != new[0]:
            problems.append(
                Problem(
                    patch.at("unit"),
                    f"norms[{norm_id}].unit",
                    f"'{patch['unit']}' measures {new[0]}; upstream's '{base['unit']}' measures {old[0]}",
                )
            )


def _merge_aliases(merged: YamlMap, overlay: YamlMap, problems: list[Problem]) -> None:
    """`aliases:` in the overlay patches upstream's aliases: `old: new` adds one, `old: ~` drops one."""
    patch = overlay.get("aliases")
    if patch is None:
        return
    if not isinstance(patch, YamlMap):
        problems.append(Problem(overlay.at("aliases"), "aliases", f"expected a mapping, found {type_name(patch)}"))
        return
    if not isinstance(merged.get("aliases"), YamlMap):
        merged["aliases"] = YamlMap(overlay.at("aliases"))
        merged.locations["aliases"] = overlay.at("aliases")
    _patch(merged["aliases"], patch, "aliases", problems, {})


def _merge_entries(
    entries: YamlList, patches: YamlMap, path: str, problems: list[Problem], kind: str, removed_items: dict[str, frozenset[str]]
) -> set[str]:
    """Patch, append or remove entries by id; return the ids removed. `kind` names the shape (FIELDS)."""
    by_id = {entry.get("id"): entry for entry in entries if isinstance(entry, dict)}
    removed: set[str] = set()
    for entry_id, patch in patches.items():
        where = f"{path}[{entry_id}]"
        if not isinstance(patch, YamlMap):
            problems.append(Problem(patches.at(entry_id), where, f"expected a mapping of changes, found {type_name(patch)}"))
            continue
        if patch.get("remove") is True and len(patch) > 1:
            others = ", ".join(str(k) for k in patch if k != "remove")
            problems.append(Problem(patch.at("remove"), f"{where}.remove", f"`remove: true` cannot go with other keys ({others})"))
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
            _refuse_dropping_required(patch, kind, where, problems)
            _patch(by_id[entry_id], patch, where, problems, removed_items)
        else:
            if close := difflib.get_close_matches(str(entry_id), [str(i) for i in by_id], n=1, cutoff=0.8):
                hint = f"matches no upstream id, so it adds a new entry; did you mean '{close[0]}'?"
                problems.append(Notice(patches.at(entry_id), where, hint))
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


def _patch(target: YamlMap, patch: YamlMap, where: str, problems: list[Problem], removed_items: dict[str, frozenset[str]]) -> None:
    for key, value in patch.items():
        if key == "id":
            if value != target.get("id"):
                problems.append(Problem(patch.at(key), f"{where}.id", "an id cannot be changed in the overlay; add a new entry"))
            continue
        if key == "items" and isinstance(value, YamlList) and isinstance(target.get(key), YamlList):
            gone = _merge_items(target[key], value, f"{where}.items", problems)
            removed_items[str(target.get("id"))] = frozenset(gone)
        elif value is None:
            target.pop(key, None)
        elif isinstance(value, YamlMap) and isinstance(target.get(key), YamlMap):
            _patch(target[key], value, f"{where}.{key}", problems, removed_items)
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
        if not isinstance(change["id"], str):
            problems.append(
                Problem(change.at("id"), f"{where}[{index}].id", f"expected an id like reply-within-a-day, found {type_name(change['id'])}")
            )
            continue
        if change["id"] in as_patches:
            first = as_patches.locations[change["id"]]
            problems.append(Problem(change.at("id"), f"{where}[{change['id']}]", f"duplicate id '{change['id']}' (first at {first})"))
            continue
        body = copy.deepcopy(change)
        body.pop("id")
        body.here = change.here
        as_patches[change["id"]] = body
        as_patches.locations[change["id"]] = changes.at(index)
    return _merge_entries(items, as_patches, where, problems, "items", {})


def _refuse_dropping_required(patch: YamlMap, kind: str, where: str, problems: list[Problem]) -> None:
    """`name: ~` on an existing entry would leave it invalid; say so here, not at upstream's line."""
    for key, value in patch.items():
        if value is None and FIELDS[kind].get(str(key)):
            problems.append(
                Problem(patch.at(key), f"{where}.{key}", f"cannot drop the required key '{key}'; give it a new value or remove the entry")
            )


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
