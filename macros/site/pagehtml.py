"""Edits to a page's HTML after Markdown. What a fork's removals and hidden pages leave, tidied: a
section whose only content was a checklist or matrix the overlay removed loses its heading (and
its table-of-contents entry), and a link to a hidden page becomes its plain text. And a play's
"your part" lines (view as role) go in after its title."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from typing import Any

HEADING = re.compile(r'<h([2-4]) id="([^"]+)"[^>]*>.*?</h\1>', re.S)
LINK = re.compile(r'<a\s[^>]*?href="([^"#?:]*)(?:[#?][^"]*)?"[^>]*>(.*?)</a>', re.S)


def drop_empty_sections(html: str) -> tuple[str, set[str]]:
    """Remove each heading followed by nothing before the next heading of its level or higher (or
    the end); return the HTML and the ids removed."""
    removed: set[str] = set()
    while True:
        headings = list(HEADING.finditer(html))
        for here, after in zip(headings, [*headings[1:], None], strict=False):
            rest = html[here.end() : after.start() if after else len(html)]
            closes = after is None or int(after.group(1)) <= int(here.group(1))
            if closes and not rest.strip():
                removed.add(here.group(2))
                html = html[: here.start()] + html[here.end() :]
                break
        else:
            return html, removed


def drop_toc_entries(toc: Any, ids: set[str]) -> None:
    """Take the removed headings out of the page's table of contents (MkDocs' TableOfContents)."""
    if not ids:
        return
    items = toc.items if hasattr(toc, "items") else toc
    items[:] = [item for item in items if item.id not in ids]
    for item in items:
        drop_toc_entries(item.children, ids)


def unlink_hidden(html: str, page_url: str, hidden: Iterable[str]) -> tuple[str, list[str]]:
    """Links from the page at `page_url` to a hidden page (site URLs like `plays/a/b/`) keep
    their text without the link; returns the HTML and the hidden targets it linked to."""
    hidden = set(hidden)
    found: list[str] = []

    def replace(match: re.Match[str]) -> str:
        href = match.group(1)
        target = posixpath.normpath(posixpath.join(page_url or ".", href)).removeprefix("./") + "/" if href else ""
        if target in hidden:
            found.append(target)
            return f'<span class="link-hidden">{match.group(2)}</span>'
        return match.group(0)

    return LINK.sub(replace, html), found


ARTICLE_TITLE = re.compile(r"<article\b.*?</h1>", re.S)


def insert_after_title(page: str, html: str) -> str:
    """`html` right after the article's <h1> (unchanged when the page has none)."""
    found = ARTICLE_TITLE.search(page)
    return page[: found.end()] + html + page[found.end() :] if found else page
