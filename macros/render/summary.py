"""What one role is accountable, responsible, consulted and informed for, grouped by area."""

from __future__ import annotations

from markupsafe import Markup, escape

from macros.contract import counts_as
from macros.data.model import Playbook
from macros.render import Link

GROUPS = (
    ("Accountable for", "A"),
    ("Responsible for", "R"),
    ("Consulted on", "C"),
    ("Informed about", "I"),
)


def render_role_summary(playbook: Playbook, role_id: str, link: Link) -> Markup:
    role = playbook.role(role_id)
    out = [f'<dl class="role-summary" data-role="{escape(role.id)}">']
    for label, meaning in GROUPS:
        by_area = [(area, [a for a in playbook.activities_in(area.id) if counts_as(a.letter(role.id), meaning)]) for area in playbook.areas]
        count = sum(len(rows) for _, rows in by_area)
        out.append(f'<dt>{label} <span class="role-summary__count">({count})</span></dt><dd>')
        if not count:
            out.append("<p>Nothing in the matrix.</p></dd>")
            continue
        out.append("<ul>")
        for area, rows in by_area:
            if rows:
                links = "".join(f'<li><a href="{escape(link(a.page))}">{escape(a.name)}</a></li>' for a in rows)
                out.append(f"<li>{escape(area.name)}<ul>{links}</ul></li>")
        out.append("</ul></dd>")
    out.append("</dl>")
    return Markup("".join(out))
