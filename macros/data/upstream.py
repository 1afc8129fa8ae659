"""What an upstream update changed for a fork (`make upstream-report`): upstream's data before and
after the merge, compared, and read against the fork's overlay. Each line is one thing the
company should look at, and names the overlay's line when the change touches something the fork
wrote."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from macros.data.model import Checklist, Norm, Playbook


@dataclass(frozen=True)
class Change:
    kind: str  # new, renamed, removed, changed
    what: str  # one sentence
    fork_line: int = 0  # the overlay's line that mentions it, if any

    def __str__(self) -> str:
        where = f" (data/company.yml:{self.fork_line} mentions it)" if self.fork_line else ""
        return f"{self.kind}: {self.what}{where}"


def upstream_changes(old: Playbook, new: Playbook, overlay: str) -> list[Change]:
    """Everything upstream changed between `old` and `new` that a fork, whose overlay has the text
    `overlay`, should review, in a stable order. The overlay is read as written (not merged), so the
    report still works when the update broke it."""
    line = _liner(overlay)
    changes = _activities(old, new, _overlay_cells(overlay, new), line) + _checklists(old, new, line) + _norms(old, new, line)
    for section in ("roles", "areas"):
        gone = sorted({x.id for x in getattr(old, section)} - {x.id for x in getattr(new, section)})
        changes += [Change("removed", f"{section[:-1]} '{i}'", line(i)) for i in gone]
    return changes


Line = Callable[[str], int]  # an id -> the overlay's first line that names it (0: none)


def _liner(overlay: str) -> Line:
    lines = overlay.splitlines()

    def line(item_id: str) -> int:
        pattern = re.compile(rf"(^|[\s{{,\[])({re.escape(item_id)})\s*:|id:\s*{re.escape(item_id)}\b")
        return next((n for n, text in enumerate(lines, 1) if pattern.search(text)), 0)

    return line


def _overlay_cells(overlay: str, new: Playbook) -> tuple[list[str], dict[str, set[str]]]:
    """The roles the overlay adds to upstream's, and the cells it gives each activity."""
    try:
        tree = yaml.safe_load(overlay) or {}
    except yaml.YAMLError:
        return [], {}
    roles = tree.get("roles") if isinstance(tree, dict) else None
    upstream = {r.id for r in new.roles}
    added = [str(r) for r, patch in (roles or {}).items() if r not in upstream and not (isinstance(patch, dict) and patch.get("remove"))]
    activities = tree.get("activities") if isinstance(tree, dict) else None
    cells = {str(a): set((patch.get("raci") or {}) if isinstance(patch, dict) else ()) for a, patch in (activities or {}).items()}
    return added, cells


def _activities(old: Playbook, new: Playbook, fork: tuple[list[str], dict[str, set[str]]], line: Line) -> list[Change]:
    before, (added_roles, forked) = {a.id: a for a in old.activities}, fork
    changes = []
    for activity in new.activities:
        if activity.id not in before:
            missing = [r for r in added_roles if r not in forked.get(activity.id, set())]
            note = f"; no cell for your role(s) {', '.join(missing)}" if missing else ""
            changes.append(Change("new", f"activity '{activity.id}' ({activity.name}) in area '{activity.area}'{note}"))
    gone = sorted(set(before) - {a.id for a in new.activities})
    changes += [Change("removed", f"activity '{i}' ({before[i].name})", line(i)) for i in gone]
    for activity in new.activities:
        was = before.get(activity.id)
        if was and was.accountable != activity.accountable:
            changes.append(
                Change(
                    "changed",
                    f"activity '{activity.id}': upstream's accountable role is now '{activity.accountable}' (was '{was.accountable}')",
                    line(activity.id),
                )
            )
    return changes


def _checklists(old: Playbook, new: Playbook, line: Line) -> list[Change]:
    before = {c.id: c for c in old.checklists}
    changes = []
    for checklist in new.checklists:
        was = before.get(checklist.id) or next((before[o] for o in checklist.old_ids if o in before), None)
        if was is None:
            changes.append(Change("new", f"checklist '{checklist.id}' ({checklist.title}), {len(checklist.items)} items"))
            continue
        if was.id != checklist.id:
            changes.append(
                Change("renamed", f"checklist '{was.id}' is now '{checklist.id}' (old links and ticks still work)", line(was.id))
            )
        changes += _items(was, checklist, line)
    renamed = {o for c in new.checklists for o in c.old_ids}
    changes += [Change("removed", f"checklist '{i}'", line(i)) for i in sorted(set(before) - {c.id for c in new.checklists} - renamed)]
    return changes


def _items(was: Checklist, now: Checklist, line: Line) -> list[Change]:
    old_ids, aliases = {i.id: i for i in was.items}, dict(now.item_aliases)
    current = {i.id for i in now.items}
    changes = []
    for item in now.items:
        if item.id not in old_ids and item.id not in aliases.values():
            changes.append(Change("new", f"item '{now.id}/{item.id}': {item.text}"))
        elif item.id in old_ids and old_ids[item.id].text != item.text:
            changes.append(Change("changed", f"item '{now.id}/{item.id}' now reads: {item.text}", line(item.id)))
    for old_id in sorted(set(old_ids) - current):
        if old_id in aliases:
            changes.append(Change("renamed", f"item '{now.id}/{old_id}' is now '{aliases[old_id]}'; patch the new id", line(old_id)))
        else:
            changes.append(Change("removed", f"item '{now.id}/{old_id}'", line(old_id)))
    return changes


def _norms(old: Playbook, new: Playbook, line: Line) -> list[Change]:
    before = {n.id: n for n in old.norms}
    changes = []
    for norm in new.norms:
        was = before.get(norm.id)
        if was is None:
            changes.append(Change("new", f"norm '{norm.id}' ({norm.name}): {_value(norm)}"))
        elif (was.low, was.high, was.unit) != (norm.low, norm.high, norm.unit):
            changes.append(Change("changed", f"norm '{norm.id}' default is now {_value(norm)} (was {_value(was)})", line(norm.id)))
    changes += [Change("removed", f"norm '{i}'", line(i)) for i in sorted(set(before) - {n.id for n in new.norms})]
    return changes


def _value(norm: Norm) -> str:
    number = f"{norm.low:g}" if not norm.is_range else f"{norm.low:g} to {norm.high:g}"
    return f"{number} {norm.unit}"
