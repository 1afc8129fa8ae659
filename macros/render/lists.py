"""Index views: the list of roles and the list of checklists by area."""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from macros.contract import checklist_anchor, checklist_page
from macros.data.model import Checklist, Playbook
from macros.render import Link
from macros.render.html import render_html


def render_role_purpose(playbook: Playbook, role_id: str) -> Markup:
    return Markup('<p class="role-purpose">{}</p>').format(playbook.role(role_id).summary)


def render_area_list(playbook: Playbook, link: Link) -> Markup:
    return render_html("area-list.html", areas=playbook.areas, link=link)


def render_role_list(playbook: Playbook, link: Link) -> Markup:
    return render_html("role-list.html", roles=playbook.roles, link=link)


def known_ids(playbook: Playbook) -> dict[str, dict[str, object]]:
    """The ids an import may keep, for checklists.js: {"checklists": {id: current id}, "items":
    {current checklist id: {item id: current item id}}}, old ids (`aliases` in data/checklists.yml)
    included. Anything else in an imported file is ignored: no page would show it."""
    checklists = {old: c.id for c in playbook.checklists for old in c.old_ids}
    items = {c.id: {**dict(c.item_aliases), **{i.id: i.id for i in c.items}} for c in playbook.checklists}
    return {"checklists": {**checklists, **{c.id: c.id for c in playbook.checklists}}, "items": items}


@dataclass(frozen=True)
class IndexEntry:
    checklist: Checklist
    href: str  # its own page
    roles: tuple[str, ...] = ()  # the names of the roles its activity involves
    play: str = ""  # the checklist in the play that explains it
    owners: tuple[str, ...] = ()  # ids of the roles accountable or responsible for its activity


def render_checklist_index(playbook: Playbook, link: Link) -> Markup:
    def entry(c: Checklist) -> IndexEntry:
        play = playbook.activity(c.activity).page + "#" + checklist_anchor(c.id) if c.activity else ""
        roles = tuple(r.name for r in playbook.roles_of(c))
        return IndexEntry(c, link(checklist_page(c.id)), roles, link(play) if play else "", playbook.owners_of(c))

    groups = [(area, playbook.checklists_for({a.id for a in playbook.activities_in(area.id)})) for area in playbook.areas]
    return render_html(
        "checklist-index.html",
        groups=[(area, [entry(c) for c in lists]) for area, lists in groups if lists],
        loose=[IndexEntry(c, link(checklist_page(c.id))) for c in playbook.checklists if c.activity is None],
        known=json.dumps(known_ids(playbook), separators=(",", ":")),
        w=playbook.words.html,
        play_link=lambda href: Markup('<a href="{}">{}</a>').format(href, playbook.words("index-play-link")),
    )


def render_checklist_context(playbook: Playbook, checklist_id: str, link: Link) -> Markup:
    """Below a standalone checklist: where it comes from, so a printed sheet leads back to the play."""
    checklist, words = playbook.checklist(checklist_id), playbook.words
    activity = playbook.activity(checklist.activity) if checklist.activity else None
    return render_html(
        "checklist-context.html",
        activity=activity,
        area=playbook.area(activity.area) if activity else None,
        play_link=Markup('<a href="{}">{}</a>').format(
            link(activity.page + "#" + checklist_anchor(checklist.id)), words("checklist-part-of-link")
        )
        if activity
        else "",
        index=link("checklists/index.md"),
        w=words.html,
    )
