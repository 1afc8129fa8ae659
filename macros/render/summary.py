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
# What an empty group means, so "(0)" reads as a fact about the role rather than a gap in the page.
NONE = {
    "A": "No activity: the matrix makes another role accountable for each one.",
    "R": "No activity: this role does not carry out any of them itself.",
    "C": "No activity asks for this role's view before it is decided.",
    "I": "Nothing only to be told about: where this role needs to know, the matrix has it doing, deciding or consulted.",
}
UNPLACED = "The matrix gives this role no letter yet, so no activity names it."


def render_role_summary(playbook: Playbook, role_id: str, link: Link) -> Markup:
    role = playbook.role(role_id)
    groups = []
    for label, meaning in GROUPS:
        by_area = [(area, [a for a in playbook.activities_in(area.id) if counts_as(a.letter(role.id), meaning)]) for area in playbook.areas]
        groups.append((label, by_area, sum(len(rows) for _, rows in by_area)))
    placed = any(count for _, _, count in groups)
    empty = {label: NONE[meaning] if placed else UNPLACED for label, meaning in GROUPS}
    return render_html("role-summary.html", role=role, groups=groups, link=link, empty=empty)
