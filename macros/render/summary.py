"""What one role is accountable, responsible, consulted and informed for, grouped by area."""

from __future__ import annotations

from markupsafe import Markup

from macros.contract import counts_as
from macros.data.model import Playbook
from macros.render import Link
from macros.render.html import render_html

GROUPS = (
    ("Accountable for", "A"),
    ("Responsible for", "R"),
    ("Consulted on", "C"),
    ("Informed about", "I"),
)


def render_role_summary(playbook: Playbook, role_id: str, link: Link) -> Markup:
    role = playbook.role(role_id)
    groups = []
    for label, meaning in GROUPS:
        by_area = [(area, [a for a in playbook.activities_in(area.id) if counts_as(a.letter(role.id), meaning)]) for area in playbook.areas]
        groups.append((label, by_area, sum(len(rows) for _, rows in by_area)))
    return render_html("role-summary.html", role=role, groups=groups, link=link)
