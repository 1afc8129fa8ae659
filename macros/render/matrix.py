"""The responsibility matrix: a real table with caption, header cells, row headers and a legend."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from macros.contract import LETTER_MEANINGS, LETTERS
from macros.data.model import Activity, Area, Playbook
from macros.render import Link

Groups = list[tuple[Area | None, Sequence[Activity]]]


def select_rows(playbook: Playbook, area: str | None = None, activities: Sequence[str] | None = None) -> tuple[str, Groups]:
    """Which rows to show, grouped by area, and the caption that says so."""
    if activities:
        chosen = [playbook.activity(a) for a in activities]
        return "Who does what: " + "; ".join(a.name for a in chosen), [(None, chosen)]
    if area:
        found = playbook.area(area)
        return f"Who does what: {found.name}", [(None, playbook.activities_in(area))]
    groups: Groups = [(a, playbook.activities_in(a.id)) for a in playbook.areas]
    return "Who does what: every activity, by area", [(a, rows) for a, rows in groups if rows]


def render_matrix(
    playbook: Playbook,
    link: Link,
    *,
    area: str | None = None,
    role: str | None = None,
    activities: Sequence[str] | None = None,
    uid: str = "matrix",
    legend: bool = True,
) -> Markup:
    caption, groups = select_rows(playbook, area, activities)
    if role:
        caption += f", with the {playbook.role(role).name} column highlighted"
    roles = playbook.roles
    out = [
        f'<div class="responsibility-matrix-wrapper" role="region" tabindex="0" aria-labelledby="{uid}-caption">',
        f'<table class="responsibility-matrix" id="{uid}">',
        f'<caption id="{uid}-caption">{escape(caption)}</caption>',
        '<thead><tr><th scope="col" class="responsibility-matrix__activity">Activity</th>',
    ]
    for r in roles:
        mark = ' class="is-highlighted"' if r.id == role else ""
        out.append(f'<th scope="col" data-role="{escape(r.id)}"{mark}><abbr title="{escape(r.name)}">{escape(r.short)}</abbr></th>')
    out.append("</tr></thead>")
    for group, rows in groups:
        out.append("<tbody>")
        if group is not None:
            out.append(
                f'<tr class="responsibility-matrix__area"><th scope="rowgroup" colspan="{len(roles) + 1}">{escape(group.name)}</th></tr>'
            )
        for activity in rows:
            out.append(
                f'<tr data-activity="{escape(activity.id)}"><th scope="row">'
                f'<a href="{escape(link(activity.page))}">{escape(activity.name)}</a></th>'
            )
            cells = dict(activity.cells)
            for r in roles:
                letter = cells.get(r.id, "")
                classes = " ".join(filter(None, ["is-highlighted" if r.id == role else "", _letter_class(letter)]))
                attrs = f' class="{classes}"' if classes else ""
                out.append(f'<td data-role="{escape(r.id)}"{attrs}>{letter}</td>')
            out.append("</tr>")
        out.append("</tbody>")
    out.append("</table></div>")
    if legend:
        out.append(render_legend())
    return Markup("".join(out))


def _letter_class(letter: str) -> str:
    return f"raci-{letter.replace('/', '').lower()}" if letter else ""


def render_legend() -> Markup:
    items = "".join(
        f'<div><dt class="{_letter_class(letter)}">{letter}</dt><dd>{escape(LETTER_MEANINGS[letter])}</dd></div>' for letter in LETTERS
    )
    return Markup(f'<dl class="raci-legend" aria-label="Legend">{items}<div><dt>(empty)</dt><dd>not involved</dd></div></dl>')
