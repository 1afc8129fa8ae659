"""The validated playbook: immutable, typed, and free of YAML and MkDocs details."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from macros.contract import ACCOUNTABLE, LETTER_MEANINGS, LETTERS, RESPONSIBLE, SLUG, Letter  # noqa: F401  (re-exported)
from macros.data.errors import UnknownIdError
from macros.data.wordbook import Words


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    plural: str
    short: str
    summary: str


@dataclass(frozen=True)
class Area:
    id: str
    name: str
    summary: str
    page: str = ""  # the area's overview page (docs-relative), if it has one


@dataclass(frozen=True)
class Activity:
    id: str
    area: str
    name: str
    page: str
    cells: tuple[tuple[str, Letter], ...]  # (role id, letter) in role order; absent = not involved

    def letter(self, role_id: str) -> Letter | None:
        return dict(self.cells).get(role_id)

    @property
    def accountable(self) -> str:
        return next(role for role, letter in self.cells if letter in ACCOUNTABLE)

    @property
    def responsible(self) -> tuple[str, ...]:
        return tuple(role for role, letter in self.cells if letter in RESPONSIBLE)


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: str


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    activity: str | None
    items: tuple[ChecklistItem, ...]
    old_ids: tuple[str, ...] = ()  # earlier ids of this checklist (aliases): links and ticks still work
    item_aliases: tuple[tuple[str, str], ...] = ()  # (old item id, current item id)
    removed_item_ids: tuple[str, ...] = ()  # items a company overlay removed on purpose


@dataclass(frozen=True)
class Norm:
    """A number or rule the pages teach (data/norms.yml): `low == high` for a single value."""

    id: str
    name: str
    low: float
    high: float
    unit: str  # one of shapes.NORM_UNITS
    rationale: str
    activity: str | None = None
    source: str = ""
    where: str = field(default="", compare=False)  # FILE:LINE of its entry, for "no page uses it"

    @property
    def is_range(self) -> bool:
        return self.low != self.high


@dataclass(frozen=True)
class Behavior:
    """A behavior of the self-assessment (data/assessment.yml): what someone could watch you do,
    at each level; `levels` is inline Markdown with norms and role names already filled in."""

    id: str
    area: str
    name: str
    play: str  # the page that builds it (docs-relative)
    levels: tuple[tuple[str, str], ...]  # (level id, text), in contract.LEVELS order


@dataclass(frozen=True)
class Playbook:
    roles: tuple[Role, ...]
    areas: tuple[Area, ...]
    activities: tuple[Activity, ...]
    checklists: tuple[Checklist, ...] = ()
    norms: tuple[Norm, ...] = ()
    checklist_norms: frozenset[str] = frozenset()  # norms quoted in data text ({norm:id}: checklist items, behaviors)
    # What a company overlay removed on purpose: pages written upstream may still name these.
    retired_roles: tuple[Role, ...] = ()
    retired_owners: Mapping[str, str] = field(default_factory=dict)  # removed activity -> its accountable role
    retired_norms: tuple[Norm, ...] = ()  # norms a fork removed: upstream prose still quotes them
    removed: Mapping[str, frozenset[str]] = field(default_factory=dict)
    words: Words = field(default_factory=Words)  # every word the code shows, with a fork's changes
    behaviors: tuple[Behavior, ...] = ()  # the self-assessment, in data order
    _index: Mapping[str, Mapping[str, object]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {
            kind: MappingProxyType({item.id: item for item in items})
            for kind, items in (
                ("role", self.roles),
                ("area", self.areas),
                ("activity", self.activities),
                ("checklist", self.checklists),
                ("norm", self.norms),
            )
        }
        object.__setattr__(self, "_index", MappingProxyType(index))

    def _get(self, kind: str, item_id: str) -> object:
        found = self._index[kind].get(item_id)
        if found is None:
            raise UnknownIdError(kind, str(item_id), list(self._index[kind]))
        return found

    def role(self, role_id: str) -> Role:
        return self._get("role", role_id)  # type: ignore[return-value]

    def area(self, area_id: str) -> Area:
        return self._get("area", area_id)  # type: ignore[return-value]

    def activity(self, activity_id: str) -> Activity:
        return self._get("activity", activity_id)  # type: ignore[return-value]

    def checklist(self, checklist_id: str) -> Checklist:
        return self._get("checklist", checklist_id)  # type: ignore[return-value]

    def norm(self, norm_id: str) -> Norm:
        return self._get("norm", norm_id)  # type: ignore[return-value]

    def norm_or_retired(self, norm_id: str) -> tuple[Norm, bool]:
        """For prose: (the norm, whether it is still in the agreement); a removed one keeps its
        upstream value rather than breaking the pages that quote it."""
        for norm in self.retired_norms:
            if norm.id == norm_id:
                return norm, False
        return self.norm(norm_id), True

    def was_removed(self, section: str, item_id: str) -> bool:
        """True for an id the overlay removed with `remove: true` (not for a typo)."""
        return item_id in self.removed.get(section, frozenset())

    def role_or_retired(self, role_id: str) -> Role:
        """For prose: a removed role keeps its base name rather than breaking upstream pages."""
        for role in self.retired_roles:
            if role.id == role_id:
                return role
        return self.role(role_id)

    def owner(self, activity_id: str) -> Role:
        """The accountable role of an activity, in prose: a removed row keeps its base owner."""
        if activity_id in self.retired_owners:
            return self.role_or_retired(self.retired_owners[activity_id])
        return self.role(self.activity(activity_id).accountable)

    def doers(self, activity_id: str) -> tuple[Role, ...]:
        """The responsible roles (R or A/R) of an activity, in column order; for a row a fork
        removed, its upstream owner (as prose that names it keeps reading)."""
        if activity_id in self.retired_owners:
            return (self.owner(activity_id),)
        return tuple(self.role(r) for r in self.activity(activity_id).responsible)

    def behaviors_in(self, area_id: str) -> tuple[Behavior, ...]:
        return tuple(b for b in self.behaviors if b.area == area_id)

    def activities_in(self, area_id: str) -> tuple[Activity, ...]:
        self.area(area_id)
        return tuple(a for a in self.activities if a.area == area_id)

    def activities_on(self, page: str) -> tuple[Activity, ...]:
        """The activities a play explains: those whose `page` is that play."""
        return tuple(a for a in self.activities if a.page == page)

    def checklists_for(self, activity_ids: set[str]) -> tuple[Checklist, ...]:
        return tuple(c for c in self.checklists if c.activity in activity_ids)

    def owners_of(self, checklist: Checklist) -> tuple[str, ...]:
        """Ids of the roles accountable or responsible for a checklist's activity: whose it is."""
        if checklist.activity is None:
            return ()
        activity = self.activity(checklist.activity)
        return tuple(role for role, letter in activity.cells if letter in ACCOUNTABLE or letter in RESPONSIBLE)

    def roles_of(self, checklist: Checklist) -> tuple[Role, ...]:
        """Roles involved in a checklist's activity, in column order."""
        if checklist.activity is None:
            return ()
        involved = dict(self.activity(checklist.activity).cells)
        return tuple(r for r in self.roles if r.id in involved)


@dataclass(frozen=True)
class Review:
    page: str  # docs-relative source path
    title: str
    owner: str
    review_by: dt.date | None
    line: int  # line of `review_by` (or `owner`) in the file, for messages

    def overdue(self, today: dt.date) -> bool:
        return self.review_by is not None and self.review_by < today
