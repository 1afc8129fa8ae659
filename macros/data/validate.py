"""Turn the merged YAML tree into a Playbook, collecting every problem instead of stopping at one."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from macros.contract import ACCOUNTABLE, LETTERS, RESPONSIBLE, SLUG
from macros.data.aliases import apply_aliases
from macros.data.assessment import quoted_norms, read_behaviors
from macros.data.errors import DataError, Location, Problem
from macros.data.model import Activity, Area, Checklist, ChecklistItem, Norm, Playbook, Role
from macros.data.norms import PLACEHOLDER, quote_norms, read_norms
from macros.data.overlay import Removed
from macros.data.shapes import FIELDS, NESTED, TOP_LEVEL
from macros.data.urlpolicy import page_link_problem
from macros.data.wordbook import Words
from macros.data.yamlsource import YamlList, YamlMap, type_name
from macros.render.inline import url_problems  # the one import of a later layer: data Markdown is judged as the renderer reads it


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, where: Location, path: str, message: str) -> None:
        self.problems.append(Problem(where, path, message))

    def entries(self, parent: YamlMap, key: str, path: str, required: bool) -> list[tuple[str, YamlMap]] | None:
        """Check a list of id'd mappings; return (path, entry) pairs for the well-formed ones,
        or None when the list itself is unusable (so cross-references to it are not checked)."""
        value = parent.get(key)
        if value is None:
            if required and key in TOP_LEVEL:
                self.add(parent.at(key), path, f"missing required list '{key}'" if key not in parent else "must not be empty")
            return None
        if not isinstance(value, YamlList):
            self.add(parent.at(key), path, f"expected a list, found {type_name(value)}")
            return None
        if required and not value:
            self.add(parent.at(key), path, "must list at least one entry")
            return None
        seen: dict[str, Location] = {}
        result = []
        for index, entry in enumerate(value):
            here = value.at(index)
            if not isinstance(entry, YamlMap):
                self.add(here, f"{path}[{index}]", f"expected a mapping, found {type_name(entry)}")
                continue
            entry_id = entry.get("id")
            label = f"{path}[{entry_id}]" if isinstance(entry_id, str) and entry_id else f"{path}[{index}]"
            self.fields(entry, FIELDS[key], label)
            if isinstance(entry_id, str) and entry_id:
                if not SLUG.match(entry_id):
                    self.add(entry.at("id"), f"{label}.id", f"'{entry_id}' is not a slug (lowercase letters, digits, single hyphens)")
                elif entry_id in seen:
                    self.add(entry.at("id"), f"{label}.id", f"duplicate id '{entry_id}' (first at {seen[entry_id]})")
                    continue
                seen[entry_id] = entry.at("id")
                result.append((label, entry))
        return result

    def fields(self, entry: YamlMap, spec: dict[str, bool], label: str) -> None:
        for key in entry:
            if key not in spec:
                self.add(entry.at(key), f"{label}.{key}", f"unknown key (allowed: {', '.join(spec)})")
        for key, required in spec.items():
            value = entry.get(key)
            if value is None:
                if required:
                    self.add(entry.here, label, f"missing required key '{key}'")
                continue
            expected = NESTED.get(key, "text")
            actual = type_name(value)
            if actual != expected:
                self.add(entry.at(key), f"{label}.{key}", f"expected {expected}, found {actual}")
            elif expected == "text" and not value.strip():
                self.add(entry.at(key), f"{label}.{key}", "must not be empty")


def _text(entry: YamlMap, key: str, default: str = "") -> str:
    value = entry.get(key)
    return value.strip() if isinstance(value, str) else default


def validate(
    tree: Any,
    page_exists: Callable[[str], bool] | None = None,
    file: str = "data",
    removed: Removed | None = None,
    words: Words | None = None,
) -> Playbook:
    """Build the Playbook or raise DataError listing every problem found. `removed`: what a
    company overlay dropped on purpose, which upstream pages and checklists may still name."""
    removed = removed or Removed()
    words = words or Words()
    check = _Checker()
    if not isinstance(tree, YamlMap):
        raise DataError([Problem(Location(file, 1), "", "expected a mapping with roles, areas and activities")])
    for key in tree:
        if key not in TOP_LEVEL:
            check.add(tree.at(key), str(key), f"unknown key (allowed: {', '.join(TOP_LEVEL)})")

    role_entries = check.entries(tree, "roles", "roles", True)
    area_entries = check.entries(tree, "areas", "areas", True)
    roles = [_role(entry) for _, entry in role_entries or []]
    _check_distinct_names(check, role_entries or [])
    areas = [Area(e["id"], _text(e, "name"), _text(e, "summary"), _page(check, label, e, page_exists)) for label, e in area_entries or []]
    # When a whole list is unusable, references into it are not checked: one cause, one line.
    role_ids = [r.id for r in roles] if role_entries is not None else None
    area_ids = {a.id for a in areas} if area_entries is not None else None
    activity_entries = check.entries(tree, "activities", "activities", True)
    activities = [_activity(check, label, entry, role_ids, area_ids, page_exists) for label, entry in activity_entries or []]
    activity_ids = {a.id for a in activities} if activity_entries is not None else None
    norm_entries = check.entries(tree, "norms", "norms", False) or []
    norms = read_norms(check.add, norm_entries, activity_ids, removed.ids("activities"))
    gone = [(f"norms[{i}]", e) for i, e in removed.entries.get("norms", {}).items() if isinstance(e, YamlMap)]
    retired_norms = read_norms(lambda *_: None, gone, None, frozenset())  # upstream's, checked upstream
    quoted = {n.id: n for n in retired_norms + norms} if len(norms) == len(norm_entries) else None  # None: broken
    checklists = [
        _checklist(check, label, entry, activity_ids, removed, quoted, words)
        for label, entry in check.entries(tree, "checklists", "checklists", False) or []
    ]
    checklists = apply_aliases(check.add, tree, checklists, set(removed.ids("checklists")))
    gone_roles = removed.entries.get("roles", {}).values()
    retired = tuple(_role(e) for e in gone_roles if isinstance(e, YamlMap) and isinstance(e.get("name"), str))
    named = {r.id: r for r in (*retired, *roles)}  # upstream text keeps a removed role's name, as prose does
    behavior_entries = check.entries(tree, "behaviors", "behaviors", False) or []
    behaviors = read_behaviors(check.add, check.fields, behavior_entries, area_ids, page_exists, quoted, named, words)
    if check.problems:
        raise DataError(check.problems)
    return Playbook(
        tuple(roles),
        tuple(areas),
        tuple(activities),
        tuple(checklists),
        tuple(norms),
        checklist_norms=_quoted_in_checklists(tree) | quoted_norms(tree),
        retired_roles=retired,
        retired_owners=_retired_owners(removed),
        retired_norms=tuple(retired_norms),
        removed={section: removed.ids(section) for section in removed.entries},
        words=words,
        behaviors=tuple(behaviors),
    )


def _quoted_in_checklists(tree: YamlMap) -> frozenset[str]:
    lists = tree.get("checklists")
    entries = [c for c in lists if isinstance(c, YamlMap)] if isinstance(lists, YamlList) else []
    texts = [i.get("text") for c in entries if isinstance(c.get("items"), YamlList) for i in c["items"] if isinstance(i, YamlMap)]
    return frozenset(m for text in texts if isinstance(text, str) for m in PLACEHOLDER.findall(text))


def _retired_owners(removed: Removed) -> dict[str, str]:
    """Activity id -> its accountable role id, for the rows a fork removed: upstream prose that
    names their owner keeps reading as it did, like a removed role keeps its name."""
    owners = {}
    for activity_id, entry in removed.entries.get("activities", {}).items():
        raci = entry.get("raci") if isinstance(entry, YamlMap) else None
        found = [role for role, letter in raci.items() if letter in ACCOUNTABLE] if isinstance(raci, YamlMap) else []
        if found:
            owners[activity_id] = str(found[0])
    return owners


def _check_distinct_names(check: _Checker, entries: list[tuple[str, YamlMap]]) -> None:
    """Two roles that read the same (two "TL" columns, a short name that is another role's title)
    would make every matrix and sentence ambiguous: each clash at the later one's line."""
    seen: dict[str, tuple[str, str, Location]] = {}
    for label, entry in entries:
        role = _role(entry)
        for key, value in (("name", role.name), ("plural", role.plural), ("short", role.short)):
            where = entry.at(key) if key in entry else entry.at("name")
            first = seen.setdefault(value.casefold(), (role.id, "short name" if key == "short" else key, where))
            if first[0] != role.id:
                clash = f"'{value}' is also the {first[1]} of role '{first[0]}' (at {first[2]}); each role needs its own"
                check.add(where, f"{label}.{key}", clash)


def _role(entry: YamlMap) -> Role:
    name = _text(entry, "name")
    return Role(entry["id"], name, _text(entry, "plural", name + "s"), _text(entry, "short", name), _text(entry, "summary"))


def _activity(
    check: _Checker,
    label: str,
    entry: YamlMap,
    role_ids: list[str] | None,
    area_ids: set[str] | None,
    page_exists: Callable[[str], bool] | None,
) -> Activity:
    area = entry.get("area")
    if isinstance(area, str) and area and area_ids is not None and area not in area_ids:
        check.add(entry.at("area"), f"{label}.area", f"'{area}' is not a defined area (known: {', '.join(sorted(area_ids))})")
    _page(check, label, entry, page_exists)
    raci = entry.get("raci")
    cells: dict[str, str] = {}
    if isinstance(raci, YamlMap):
        for role_id, letter in raci.items():
            where, path = raci.at(role_id), f"{label}.raci.{role_id}"
            if role_ids is None:
                continue
            if role_id not in role_ids:
                check.add(where, path, f"'{role_id}' is not a defined role (known: {', '.join(role_ids)})")
            elif letter not in LETTERS:
                check.add(where, path, f"'{letter}' is not one of {', '.join(LETTERS)}")
            else:
                cells[role_id] = letter
        if role_ids is not None and len(cells) == len(raci):
            _check_letters(check, raci.here if raci else entry.at("raci"), f"{label}.raci", cells)
    ordered = tuple((role_id, cells[role_id]) for role_id in role_ids or [] if role_id in cells)
    return Activity(entry["id"], _text(entry, "area"), _text(entry, "name"), _text(entry, "page"), ordered)  # type: ignore[arg-type]


def _page(check: _Checker, label: str, entry: YamlMap, page_exists: Callable[[str], bool] | None) -> str:
    """An entry's `page`: a plain path inside docs/ that exists."""
    page = entry.get("page")
    if isinstance(page, str) and page and (unsafe := page_link_problem(page)):
        check.add(entry.at("page"), f"{label}.page", unsafe)
    elif isinstance(page, str) and page and page_exists is not None and not page_exists(page):
        check.add(entry.at("page"), f"{label}.page", f"'{page}' does not exist under docs/")
    return _text(entry, "page")


def _check_letters(check: _Checker, where: Location, path: str, cells: dict[str, str]) -> None:
    accountable = [role for role, letter in cells.items() if letter in ACCOUNTABLE]
    if len(accountable) != 1:
        found = f"found {len(accountable)}: {', '.join(accountable)}" if accountable else "found none"
        check.add(where, path, f"needs exactly one accountable role (A or A/R), {found}")
    if not any(letter in RESPONSIBLE for letter in cells.values()):
        check.add(where, path, "needs at least one responsible role (R or A/R)")


def _checklist(
    check: _Checker,
    label: str,
    entry: YamlMap,
    activity_ids: set[str] | None,
    removed: Removed,
    norms: dict[str, Norm] | None,
    words: Words,
) -> Checklist:
    activity = entry.get("activity")
    if activity in removed.ids("activities"):
        activity = None  # a fork removed its matrix row; the checklist itself stays useful
    if isinstance(activity, str) and activity and activity_ids is not None and activity not in activity_ids:
        check.add(entry.at("activity"), f"{label}.activity", f"'{activity}' is not a defined activity")
    items: Iterable[tuple[str, YamlMap]] = check.entries(entry, "items", f"{label}.items", True) or []
    texts = []
    for item_label, item in items:
        for problem in url_problems(item["text"]) if isinstance(item.get("text"), str) else ():
            check.add(item.at("text"), f"{item_label}.text", problem)
        text, unknown = quote_norms(_text(item, "text"), norms or {}, words)
        for norm_id in unknown if norms is not None else ():
            check.add(item.at("text"), f"{item_label}.text", f"{{norm:{norm_id}}}: '{norm_id}' is not a norm in data/norms.yml")
        texts.append((item["id"], text))
    return Checklist(
        entry["id"],
        _text(entry, "title"),
        activity if isinstance(activity, str) else None,
        tuple(ChecklistItem(item_id, text) for item_id, text in texts),
        removed_item_ids=tuple(sorted(removed.items.get(entry["id"], ()))),
    )
