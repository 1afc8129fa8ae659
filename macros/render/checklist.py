"""A checklist as HTML: real labelled checkboxes, each item with its permanent anchor and the
fingerprint of its wording (both defined in macros/contract.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from macros.contract import checklist_anchor, checklist_page, fingerprint, item_anchor, page_url
from macros.data.model import Checklist, ChecklistItem, Playbook
from macros.data.trackers import issue_url_template
from macros.render import Link
from macros.render.html import render_html
from macros.render.inline import inline_markdown, plain_text


@dataclass(frozen=True)
class ChecklistRow:
    """One item as the page shows it: its permanent anchor, the fingerprint of its wording and
    its text as HTML (Markdown from the data, escaped and URL-checked by `inline_markdown`)."""

    item: ChecklistItem
    anchor: str
    fingerprint: str
    text: Markup


def checklist_rows(checklist: Checklist, link: Link) -> list[ChecklistRow]:
    return [
        ChecklistRow(item, item_anchor(checklist.id, item.id), fingerprint(plain_text(item.text)), inline_markdown(item.text, link))
        for item in checklist.items
    ]


def render_checklist(
    playbook: Playbook,
    checklist_id: str,
    link: Link,
    *,
    standalone: bool = False,
    tracker: str | None = None,
    site_url: str = "",
) -> Markup:
    checklist = playbook.checklist(checklist_id)
    return render_html(
        "checklist.html",
        checklist=checklist,
        anchor=checklist_anchor(checklist.id),
        heading="h1" if standalone else "h3",  # alone, the checklist's title is the page's heading
        item_aliases=json.dumps(dict(checklist.item_aliases)) if checklist.item_aliases else "",
        tracker=issue_url_template(tracker) if tracker else ("", 0),  # "Open as issue" shows only with one
        rows=checklist_rows(checklist, link),
        print_url=site_url.rstrip("/") + "/" + page_url(checklist_page(checklist.id)) if site_url else "",  # printed sheets lead back
        standalone=standalone,
        page_url=link(checklist_page(checklist.id)),
        markdown_url=markdown_url(link, checklist.id),
        w=playbook.words.html,
        owners=playbook.owners_of(checklist),  # view as role: the roles whose checklist this is
    )


def markdown_url(link: Link, checklist_id: str) -> str:
    """checklists/<id>.md, the Markdown export: a file in the folder of the checklist index."""
    return link("checklists/index.md") + f"{checklist_id}.md"
