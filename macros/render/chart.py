"""An inline SVG of one role's load: how many activities it is A, R, C and I for, per area.

No chart library: bars are rects, every number is also text, colours come from CSS variables
so the picture follows the light and dark palettes, and <desc> carries the full text equivalent.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from macros.contract import counts_as
from macros.data.model import Playbook
from macros.render.html import render_html

COLUMNS = ("A", "R", "C", "I")
WIDTH, COLUMN, BAR, ROW = 480, 120, 70, 64


def role_counts(playbook: Playbook, role_id: str) -> list[tuple[str, list[int]]]:
    """Per area: counts for A, R, C, I (an A/R cell counts as both A and R)."""
    playbook.role(role_id)
    return [
        (area.name, [sum(1 for a in playbook.activities_in(area.id) if counts_as(a.letter(role_id), meaning)) for meaning in COLUMNS])
        for area in playbook.areas
    ]


@dataclass(frozen=True)
class Bar:
    letter: str
    count: int
    x: int
    length: int  # of the bar, in SVG units: BAR for the largest count of the chart


@dataclass(frozen=True)
class ChartRow:
    area: str
    top: int
    bars: tuple[Bar, ...]


def _bars(row: list[int], most: int) -> tuple[Bar, ...]:
    return tuple(
        Bar(letter, n, COLUMN * column, round(BAR * n / most) if n else 0)
        for column, (letter, n) in enumerate(zip(COLUMNS, row, strict=True))
    )


def render_role_chart(playbook: Playbook, role_id: str, uid: str = "chart") -> Markup:
    role = playbook.role(role_id)
    counts = role_counts(playbook, role_id)
    most = max([1] + [n for _, row in counts for n in row])
    words = playbook.words
    desc = " ".join(words("chart-area", area=name, **dict(zip("arci", row, strict=True))) for name, row in counts)
    rows = [ChartRow(name, ROW * index, _bars(row, most)) for index, (name, row) in enumerate(counts)]
    return render_html(
        "role-chart.svg",
        uid=uid,
        width=WIDTH,
        height=ROW * len(counts) + 8,
        track=BAR,
        title=words("chart-title", role=role.name),
        desc=desc,
        rows=rows,
        w=words.html,
    )
