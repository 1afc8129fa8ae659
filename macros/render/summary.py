"""What one role is accountable, responsible, consulted and informed for, grouped by area."""

from __future__ import annotations

from markupsafe import Markup

from macros.contract import counts_as
from macros.data.model import Playbook
from macros.render import Link
from macros.render.html import render_html

MEANINGS = ("A", "R", "C", "I")  # in this order; the words summary-a.. label them, summary-none-a.. say what empty means


def render_role_summary(playbook: Playbook, role_id: str, link: Link) -> Markup:
    role, words = playbook.role(role_id), playbook.words
    groups = []
    for meaning in MEANINGS:
        by_area = [(area, [a for a in playbook.activities_in(area.id) if counts_as(a.letter(role.id), meaning)]) for area in playbook.areas]
        groups.append((words(f"summary-{meaning.lower()}"), by_area, sum(len(rows) for _, rows in by_area)))
    placed = any(count for _, _, count in groups)
    empty = {
        label: words(f"summary-none-{meaning.lower()}" if placed else "summary-unplaced")
        for (label, _, _), meaning in zip(groups, MEANINGS, strict=True)
    }
    return render_html("role-summary.html", role=role, groups=groups, link=link, empty=empty)
