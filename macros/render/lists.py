"""Index views: the list of roles and the list of checklists by area."""

from __future__ import annotations

import json

from markupsafe import Markup, escape

from macros.contract import checklist_anchor, checklist_page
from macros.data.model import Playbook
from macros.render import Link


def render_role_purpose(playbook: Playbook, role_id: str) -> Markup:
    return Markup(f'<p class="role-purpose">{escape(playbook.role(role_id).summary)}</p>')


def render_role_list(playbook: Playbook, link: Link) -> Markup:
    items = "".join(
        f'<li data-role="{escape(r.id)}"><a href="{escape(link(f"roles/{r.id}.md"))}">{escape(r.name)}</a>'
        f' (<abbr title="{escape(r.name)}">{escape(r.short)}</abbr>): {escape(r.summary)}</li>'
        for r in playbook.roles
    )
    return Markup(f'<ul class="role-list">{items}</ul>')


# Shown by checklists.js (it does nothing without JavaScript), after the lists: revealed above
# them, it pushed every list down as the page loaded.
TRANSFER = (
    '<div class="checklist-transfer" data-known="{known}" hidden><h2 id="your-progress">Your progress</h2>'
    "<p>Your ticks live in this browser only. Move them to another browser or keep a backup:</p>"
    '<button type="button" class="md-button" data-action="export-all">Export all progress (.json)</button> '
    '<label class="md-button">Import progress<input type="file" accept="application/json,.json" class="visually-hidden"></label>'
    '<p role="status"></p></div>'
)


def known_ids(playbook: Playbook) -> dict[str, dict[str, object]]:
    """The ids an import may keep, for checklists.js: {"checklists": {id: current id}, "items":
    {current checklist id: {item id: current item id}}}, old ids (`aliases` in data/checklists.yml)
    included. Anything else in an imported file is ignored: no page would show it."""
    checklists = {old: c.id for c in playbook.checklists for old in c.old_ids}
    items = {c.id: {**dict(c.item_aliases), **{i.id: i.id for i in c.items}} for c in playbook.checklists}
    return {"checklists": {**checklists, **{c.id: c.id for c in playbook.checklists}}, "items": items}


def render_checklist_index(playbook: Playbook, link: Link) -> Markup:
    out = []
    for area in playbook.areas:
        ids = {a.id for a in playbook.activities_in(area.id)}
        lists = playbook.checklists_for(ids)
        if not lists:
            continue
        out.append(f'<h2 id="area-{escape(area.id)}">{escape(area.name)}</h2><ul class="checklist-index">')
        for c in lists:
            play = playbook.activity(c.activity).page if c.activity else None
            roles = ", ".join(str(escape(r.name)) for r in playbook.roles_of(c))
            out.append(
                f'<li data-checklist-link="{escape(c.id)}"><a href="{escape(link(checklist_page(c.id)))}">{escape(c.title)}</a>'
                f' <span class="checklist-index__count">({len(c.items)} items)</span>'
                + (f'<br><span class="checklist-index__meta">Roles: {roles}.' if roles else '<br><span class="checklist-index__meta">')
                + (f' Explained in <a href="{escape(link(play + "#" + checklist_anchor(c.id)))}">its play</a>.' if play else "")
                + "</span></li>"
            )
        out.append("</ul>")
    loose = [c for c in playbook.checklists if c.activity is None]
    if loose:
        out.append('<h2 id="area-other">Other checklists</h2><ul class="checklist-index">')
        out += [f'<li><a href="{escape(link(checklist_page(c.id)))}">{escape(c.title)}</a></li>' for c in loose]
        out.append("</ul>")
    transfer = TRANSFER.replace("{known}", str(escape(json.dumps(known_ids(playbook), separators=(",", ":")))))
    return Markup("".join([*out, transfer]))


def render_checklist_context(playbook: Playbook, checklist_id: str, link: Link) -> Markup:
    """Below a standalone checklist: where it comes from, so a printed sheet leads back to the play."""
    checklist = playbook.checklist(checklist_id)
    if checklist.activity is None:
        return Markup(f'<p class="checklist-context"><a href="{escape(link("checklists/index.md"))}">All checklists</a></p>')
    activity = playbook.activity(checklist.activity)
    play = link(activity.page + "#" + checklist_anchor(checklist.id))
    return Markup(
        f'<p class="checklist-context">Part of <a href="{escape(play)}">the play that explains it</a> '
        f"({escape(playbook.area(activity.area).name)}: {escape(activity.name)}). "
        f'<a href="{escape(link("checklists/index.md"))}">All checklists</a>.</p>'
    )
