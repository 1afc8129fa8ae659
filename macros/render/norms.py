"""Norms in prose and as the team's working agreement (norms/, exports/norms.md and .json).

The words come from `macros.data.words.norm_words`, so every place says the same thing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from macros.contract import absolute_url, page_url
from macros.data.model import Norm, Playbook
from macros.data.wordbook import Words
from macros.data.words import norm_words
from macros.render import Link
from macros.render.html import inline_text, render_html
from macros.render.inline import markdown_text

NORMS_PAGE = "norms.md"
NORMS_MD = "exports/norms.md"
NORMS_JSON = "exports/norms.json"


def norm_anchor(norm_id: str) -> str:
    return f"norm-{norm_id}"


def render_norm(norm: Norm, link: Link, words: Words, adjective: bool = False, plain: bool = False) -> Markup:
    """The words, linked to the norm's entry on the agreement page (its title says why), so a
    reader can check where a number comes from; `plain` for headings, tables and diagrams."""
    text = norm_words(norm, adjective, words)
    if plain:
        return inline_text(text)
    href = link(NORMS_PAGE) + "#" + norm_anchor(norm.id)
    return Markup('<a class="norm" href="{}" title="{}">{}</a>').format(href, norm.rationale, inline_text(text))


@dataclass(frozen=True)
class AgreementRow:
    norm: Norm
    value: str
    accountable: str  # the role's name, "" for a norm with no activity
    activity: str  # the activity's name
    play: str  # href of the play that explains it


def agreement_groups(playbook: Playbook, link: Link) -> list[tuple[str, str, list[AgreementRow]]]:
    """(group id, group name, rows): norms by their activity's area, in matrix order; those of
    no activity last."""

    words = playbook.words

    def row(norm: Norm) -> AgreementRow:
        if norm.activity is None:
            return AgreementRow(norm, norm_words(norm, words=words), "", "", "")
        activity = playbook.activity(norm.activity)
        return AgreementRow(norm, norm_words(norm, words=words), playbook.owner(activity.id).name, activity.name, link(activity.page))

    order = {a.id: i for i, a in enumerate(playbook.activities)}
    groups = []
    for area in playbook.areas:
        mine = [n for n in playbook.norms if n.activity and playbook.activity(n.activity).area == area.id]
        if mine:
            groups.append((area.id, area.name, [row(n) for n in sorted(mine, key=lambda n: order[n.activity or ""])]))
    loose = [row(n) for n in playbook.norms if n.activity is None]
    return groups + ([("general", words("norms-general"), loose)] if loose else [])


def render_agreement(playbook: Playbook, link: Link) -> Markup:
    return render_html("norms.html", groups=agreement_groups(playbook, link), anchor=norm_anchor, w=playbook.words.html)


def norms_markdown(playbook: Playbook, site_url: str = "", site_name: str = "Tech Lead Playbook") -> str:
    """The agreement as Markdown a team pastes into its wiki: one table per area."""
    url, words = absolute_url(site_url, page_url(NORMS_PAGE)), playbook.words
    lines = [f"# {markdown_text(words('norms-export-title'))}", "", f"{markdown_text(words('export-from', site=site_name))} <{url}>", ""]
    headers = " | ".join(_cell(words(key)) for key in ("norms-norm", "norms-value", "norms-why", "norms-accountable"))
    for _, group, rows in agreement_groups(playbook, lambda src: absolute_url(site_url, page_url(src))):
        lines += [f"## {markdown_text(group)}", "", f"| {headers} |", "| --- | --- | --- | --- |"]
        for r in rows:
            cells = (r.norm.name, r.value, r.norm.rationale, r.accountable or words("norms-whole-team"))
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    """Text from data in a Markdown table cell: no cell break, no HTML a wiki would run."""
    return markdown_text(text).replace("|", "\\|")


def norms_json(playbook: Playbook, site_url: str = "") -> str:
    entries = []
    for norm in playbook.norms:
        accountable = playbook.owner(norm.activity).id if norm.activity else None
        value = {"range": [norm.low, norm.high]} if norm.is_range else {"value": norm.low}
        entries.append(
            {
                "id": norm.id,
                "name": norm.name,
                **value,
                "unit": norm.unit,
                "words": norm_words(norm, words=playbook.words),
                "rationale": norm.rationale,
                "activity": norm.activity,
                "accountable": accountable,
                "source": norm.source or None,
                "url": absolute_url(site_url, page_url(NORMS_PAGE) + "#" + norm_anchor(norm.id)),
            }
        )
    return json.dumps({"version": 1, "norms": entries}, indent=2, ensure_ascii=False) + "\n"
