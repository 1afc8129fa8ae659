"""The self-assessment (growth/self-assessment/): one table per area, a chart per area and the tools
to compare and export, from data/assessment.yml.

Without JavaScript (CSS `scripting: none`) each area is a plain table of behaviors at three levels.
With it, assets/assessment.js makes each row rateable: the radios, the evidence field and the
chart's skeleton are in the HTML from the build, so the page paints in its final layout and the
script only fills in values. Every text from data is escaped here; the script shows the reader's
and their peer's text only through `textContent` and `value`.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from macros.contract import LEVELS, fingerprint
from macros.data.model import Area, Behavior, Playbook
from macros.render import Link
from macros.render.html import render_html
from macros.render.inline import inline_markdown, markdown_heading, plain_text

LEVEL_WORDS = {"not-yet": "assessment-not-yet", "growing": "assessment-growing", "doing-it": "assessment-doing-it"}
WIDTH, ZONE, TOP, ROW = 600, 200, 24, 44  # the chart: a zone per level, a row (name and two bars) per behavior


@dataclass(frozen=True)
class Level:
    id: str
    name: str
    text: Markup  # inline Markdown from the data, sanitised


@dataclass(frozen=True)
class Row:
    behavior: Behavior
    fingerprint: str  # of the wording a reader rated: "changed since you rated it"
    play: str  # href of the play that builds it
    levels: tuple[Level, ...]
    top: int  # in the chart
    play_link: Markup  # "the Code reviews play", linked: where a reader rated below the top level goes next


def level_names(playbook: Playbook) -> dict[str, str]:
    return {level: playbook.words(LEVEL_WORDS[level]) for level in LEVELS}


def wording(behavior: Behavior) -> str:
    """What a reader rated, as plain text: its name and its three levels."""
    return "\n".join([behavior.name, *(plain_text(text) for _, text in behavior.levels)])


def _rows(playbook: Playbook, area: Area, link: Link) -> list[Row]:
    names = level_names(playbook)
    return [
        Row(
            behavior,
            fingerprint(wording(behavior)),
            link(behavior.play),
            tuple(Level(level, names[level], inline_markdown(text, link)) for level, text in behavior.levels),
            TOP + ROW * index,
            Markup('<a href="{}">{}</a>').format(link(behavior.play), playbook.words("assessment-play", behavior=behavior.name)),
        )
        for index, behavior in enumerate(playbook.behaviors_in(area.id))
    ]


def render_self_assessment(playbook: Playbook, link: Link) -> Markup:
    """The tools, then per area a Markdown heading (so the page's table of contents lists it) and
    its table and chart. Areas without behaviors are left out; a fork's new area comes in."""
    words, names = playbook.words, level_names(playbook)
    parts = [render_html("assessment-tools.html", w=words.html)]
    for area in playbook.areas:
        rows = _rows(playbook, area, link)
        if not rows:
            continue
        zones = [(ZONE * i, names[level]) for i, level in enumerate(LEVELS)]
        chart = {"width": WIDTH, "zone": ZONE, "height": TOP + ROW * len(rows), "levels": zones}
        levels = ", ".join(names.values())
        table = render_html("assessment.html", area=area, rows=rows, names=names, chart=chart, levels=levels, w=words.html)
        parts.append(Markup("\n\n" + markdown_heading(2, area.name)) + table)
    return Markup("\n\n").join(parts)
