"""Inline Markdown for data text (checklist items): emphasis, code and links, never raw HTML."""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown
from markupsafe import Markup

from . import Link

_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.S)
_HREF = re.compile(r'href="([^"#:]+\.md)(#[^"]*)?"')


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    md = markdown.Markdown(extensions=[])
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    for block in ("indent", "code", "hashheader", "setextheader", "hr", "olist", "ulist", "quote"):
        md.parser.blockprocessors.deregister(block)  # one line of text stays one line of text
    return md


@lru_cache(maxsize=4096)
def _to_html(text: str) -> str:
    md = _converter()
    md.reset()
    html = md.convert(text).strip()
    match = _PARAGRAPH.match(html)
    return match.group(1) if match else html


def inline_markdown(text: str, link: Link) -> Markup:
    """Render `text`; links to `.md` pages are docs-relative and are resolved with `link`."""
    html = _to_html(text)
    html = _HREF.sub(lambda m: f'href="{link(m.group(1) + (m.group(2) or ""))}"', html)
    return Markup(html)


def plain_text(text: str) -> str:
    """The text a reader sees, for Markdown exports and for comparing wordings."""
    return html.unescape(re.sub(r"<[^>]+>", "", _to_html(text)))
