"""The responsibility matrix as typed rows with one render method per format: the table on the
pages (a real table with caption, header cells, row headers and a legend), the CSV and the JSON
downloads all come from the same `MatrixTable`, so they cannot disagree."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from macros.contract import LETTERS, absolute_url, page_url
from macros.data.model import Activity, Area, Playbook, Role
from macros.data.wordbook import Words
from macros.render import Link
from macros.render.html import render_html


@dataclass(frozen=True)
class MatrixRow:
    """One activity, with its letter for each role of the table, in role order ('' = not involved)."""

    area: Area
    activity: Activity
    letters: tuple[str, ...]


@dataclass(frozen=True)
class MatrixTable:
    caption: str
    roles: tuple[Role, ...]
    areas: tuple[Area, ...]
    groups: tuple[tuple[Area | None, tuple[MatrixRow, ...]], ...]  # area None: one ungrouped body
    words: Words

    @classmethod
    def of(cls, playbook: Playbook, area: str | None = None, activities: Sequence[str] | None = None) -> MatrixTable:
        """Every activity by area, one area's, or the named activities (in the order named)."""
        areas = {a.id: a for a in playbook.areas}

        def rows(chosen: Sequence[Activity]) -> tuple[MatrixRow, ...]:
            return tuple(MatrixRow(areas[a.area], a, tuple(a.letter(r.id) or "" for r in playbook.roles)) for a in chosen)

        words = playbook.words
        if activities:
            chosen = [playbook.activity(a) for a in activities]
            caption, groups = words("matrix-caption-of", subject="; ".join(a.name for a in chosen)), ((None, rows(chosen)),)
        elif area:
            caption, groups = words("matrix-caption-of", subject=playbook.area(area).name), ((None, rows(playbook.activities_in(area))),)
        else:
            caption = words("matrix-caption")
            groups = tuple((a, rows(playbook.activities_in(a.id))) for a in playbook.areas if playbook.activities_in(a.id))
        return cls(caption, playbook.roles, playbook.areas, groups, words)

    @property
    def rows(self) -> tuple[MatrixRow, ...]:
        return tuple(row for _, rows in self.groups for row in rows)

    def html(self, link: Link, *, role: str | None = None, uid: str = "matrix", legend: bool = True) -> Markup:
        caption = self.caption
        if role:
            caption = self.words("matrix-caption-role", caption=caption, role=next(r.name for r in self.roles if r.id == role))
        table = render_html(
            "matrix.html", table=self, caption=caption, highlight=role, uid=uid, link=link, letter_class=letter_class, w=self.words.html
        )
        return table + render_legend(self.words) if legend else table

    def csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["area", "activity_id", "activity", *(spreadsheet_text(r.name) for r in self.roles)])
        for row in self.rows:
            writer.writerow([*(spreadsheet_text(v) for v in (row.area.name, row.activity.id, row.activity.name)), *row.letters])
        return buffer.getvalue()

    def json(self, site_url: str = "") -> str:
        data = {
            "roles": [{"id": r.id, "name": r.name, "plural": r.plural, "short": r.short, "summary": r.summary} for r in self.roles],
            "areas": [{"id": a.id, "name": a.name, "summary": a.summary} for a in self.areas],
            "activities": [_activity_json(row.activity, site_url) for row in self.rows],
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _activity_json(a: Activity, site_url: str) -> dict[str, object]:
    return {
        "id": a.id,
        "area": a.area,
        "name": a.name,
        "page": a.page,
        "url": absolute_url(site_url, page_url(a.page)),
        "raci": dict(a.cells),
        "accountable": a.accountable,
        "responsible": list(a.responsible),
    }


def spreadsheet_text(value: str) -> str:
    """A cell a spreadsheet shows as text: one starting with =, +, -, @ or a control character would
    run as a formula when the CSV is opened (`=HYPERLINK(...)` in a role name), so it gets a leading '."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


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
    if role:
        playbook.role(role)  # an unknown role fails here, with the model's message
    return MatrixTable.of(playbook, area, activities).html(link, role=role, uid=uid, legend=legend)


def letter_class(letter: str) -> str:
    return f"raci-{letter.replace('/', '').lower()}" if letter else ""


def render_legend(words: Words) -> Markup:
    """What each letter means, in the fork's words (`legend-r`, `legend-a`, ..., `legend-ar`)."""
    meanings = [(letter, words("legend-" + letter.replace("/", "").lower())) for letter in LETTERS]
    return render_html("legend.html", letters=meanings, letter_class=letter_class, w=words.html)
