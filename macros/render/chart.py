"""An inline SVG of one role's load: how many activities it is A, R, C and I for, per area.

No chart library: bars are rects, every number is also text, colours come from CSS variables
so the picture follows the light and dark palettes, and <desc> carries the full text equivalent.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from macros.contract import counts_as
from macros.data.model import Playbook

COLUMNS = (("A", "accountable"), ("R", "responsible"), ("C", "consulted"), ("I", "informed"))
WIDTH, COLUMN, BAR, ROW = 480, 120, 70, 64


def role_counts(playbook: Playbook, role_id: str) -> list[tuple[str, list[int]]]:
    """Per area: counts for A, R, C, I (an A/R cell counts as both A and R)."""
    playbook.role(role_id)
    return [
        (area.name, [sum(1 for a in playbook.activities_in(area.id) if counts_as(a.letter(role_id), meaning)) for meaning, _ in COLUMNS])
        for area in playbook.areas
    ]


def render_role_chart(playbook: Playbook, role_id: str, uid: str = "chart") -> Markup:
    role = playbook.role(role_id)
    counts = role_counts(playbook, role_id)
    most = max([1] + [n for _, row in counts for n in row])
    height = ROW * len(counts) + 8
    title = f"{role.name}: activities by area and letter"
    desc = " ".join(
        f"{name}: " + ", ".join(f"{word} for {n}" for (_, word), n in zip(COLUMNS, row, strict=False)) + "." for name, row in counts
    )
    parts = [
        f'<figure class="raci-chart"><svg role="img" aria-labelledby="{uid}-title {uid}-desc" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{uid}-title">{escape(title)}</title><desc id="{uid}-desc">{escape(desc)}</desc>',
    ]
    for row_index, (name, row) in enumerate(counts):
        top = ROW * row_index
        parts.append(f'<text class="raci-chart__area" x="0" y="{top + 16}">{escape(name)}</text>')
        for col_index, ((letter, _), n) in enumerate(zip(COLUMNS, row, strict=False)):
            x = COLUMN * col_index
            length = round(BAR * n / most) if n else 0
            parts.append(
                f'<text class="raci-chart__letter" x="{x}" y="{top + 42}">{letter}</text>'
                f'<rect class="raci-chart__track" x="{x + 16}" y="{top + 29}" width="{BAR}" height="16" rx="2"/>'
                f'<rect class="raci-chart__bar raci-{letter.lower()}" x="{x + 16}" y="{top + 29}" width="{length}" height="16" rx="2"/>'
                f'<text class="raci-chart__count" x="{x + 20 + BAR}" y="{top + 42}">{n}</text>'
            )
    parts.append(
        f"</svg><figcaption>{escape(title)}. A = accountable, R = responsible (an A/R cell counts for both), "
        f"C = consulted, I = informed. {escape(desc)}</figcaption></figure>"
    )
    return Markup("".join(parts))
