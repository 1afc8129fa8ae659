"""A checklist as HTML: real labelled checkboxes, each item with its permanent anchor and the
fingerprint of its wording (both defined in macros/contract.py)."""

from __future__ import annotations

import json

from markupsafe import Markup, escape

from macros.contract import checklist_anchor, checklist_page, fingerprint, item_anchor, page_url
from macros.data.model import Checklist, Playbook
from macros.render import Link
from macros.render.inline import inline_markdown, plain_text


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
    cid = escape(checklist.id)
    anchor = checklist_anchor(checklist.id)
    title_tag = "h1" if standalone else "h3"  # alone, the checklist's title is the page's heading
    count = len(checklist.items)
    extra = ""
    if checklist.old_ids:
        extra += f' data-old-ids="{escape(" ".join(checklist.old_ids))}"'
    if checklist.item_aliases:
        extra += f' data-item-aliases="{escape(json.dumps(dict(checklist.item_aliases)))}"'
    if tracker:
        extra += f' data-tracker="{escape(tracker)}"'
    out = [
        f'<section class="checklist" data-checklist="{cid}" id="{anchor}" aria-labelledby="{anchor}-title"{extra}>',
        f'<{title_tag} class="checklist__title" id="{anchor}-title">{escape(checklist.title)}</{title_tag}>',
        f'<p class="checklist__progress" aria-live="polite" data-total="{count}">{count} {"item" if count == 1 else "items"}</p>',
        '<ul class="checklist__items">',
    ]
    for item in checklist.items:
        item_id = item_anchor(checklist.id, item.id)
        out.append(
            f'<li class="checklist__item" data-item="{escape(item.id)}" id="{item_id}" data-text="{fingerprint(plain_text(item.text))}">'
            f'<label><input type="checkbox" name="{item_id}"> '
            f'<span class="checklist__text">{inline_markdown(item.text, link)}</span></label> '
            f'<a class="checklist__permalink" href="#{item_id}" aria-label="Link to this item">#</a></li>'
        )
    out.append("</ul>")
    if site_url:  # printed sheets lead back to the page
        url = site_url.rstrip("/") + "/" + page_url(checklist_page(checklist.id))
        out.append(f'<p class="checklist__print-url">{escape(url)}</p>')
    out.append(_actions(with_issue=bool(tracker)))
    out.append(_footer(checklist, link, standalone))
    out.append("</section>")
    return Markup("".join(out))


def _actions(with_issue: bool) -> str:
    """Shown by checklists.js; without JavaScript the checklist is a plain list and these stay
    hidden. Whether "Open as issue" shows (a tracker is set) is decided here, so the row has its
    final width from the first paint."""
    return (
        '<div class="checklist__actions" hidden>'
        '<button type="button" class="md-button" data-action="copy">Copy as Markdown</button> '
        '<button type="button" class="md-button" data-action="download">Download .md</button> '
        f'<button type="button" class="md-button" data-action="issue"{"" if with_issue else " hidden"}>Open as issue</button> '
        '<button type="button" class="md-button checklist__reset" data-action="reset">Reset ticks</button>'
        '<p class="checklist__status" role="status"></p></div>'
    )


def markdown_url(link: Link, checklist_id: str) -> str:
    """checklists/<id>.md, the Markdown export: a file in the folder of the checklist index."""
    return link("checklists/index.md") + f"{checklist_id}.md"


def _footer(checklist: Checklist, link: Link, standalone: bool) -> str:
    md_url = escape(markdown_url(link, checklist.id))
    if standalone:
        return f'<p class="checklist__links"><a href="{md_url}">Markdown file (unticked)</a></p>'
    page = escape(link(checklist_page(checklist.id)))
    return (
        f'<p class="checklist__links"><a href="{page}">Open this checklist alone (to print or link)</a>'
        f' · <a href="{md_url}">Markdown file (unticked)</a></p>'
    )
