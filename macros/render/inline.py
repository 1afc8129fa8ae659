"""Inline Markdown for data text (checklist items): emphasis, code, links and site images, never raw HTML.

Text from data is untrusted. Python-Markdown renders it with raw HTML turned off; the result
then goes through nh3 (the maintained Rust sanitiser `ammonia`), which keeps only the tags
below and passes every href and src through the project's one URL policy (`urlpolicy`). The
validator calls `url_problems` first, so a refused URL fails the build with its file and line;
the sanitiser is the second wall, for anything that reaches a renderer some other way.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser

import markdown
import nh3
from markupsafe import Markup

from macros.data.urlpolicy import url_problem
from macros.render import Link

_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.S)
_HREF = re.compile(r'href="([^"#:]+\.md)(#[^"]*)?"')
TAGS = {"a", "em", "strong", "code", "img", "br"}
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}}
URL_ATTRIBUTES = {("a", "href"): "link", ("img", "src"): "image"}


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    md = markdown.Markdown(extensions=[])
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    for block in ("indent", "code", "hashheader", "setextheader", "hr", "olist", "ulist", "quote"):
        md.parser.blockprocessors.deregister(block)  # one line of text stays one line of text
    return md


def _keep_allowed_urls(tag: str, attribute: str, value: str) -> str | None:
    kind = URL_ATTRIBUTES.get((tag, attribute))
    return None if kind and url_problem(value, kind) else value  # type: ignore[arg-type]


@lru_cache(maxsize=4096)
def _markdown_html(text: str) -> str:
    md = _converter()
    md.reset()
    out = md.convert(text).strip()
    match = _PARAGRAPH.match(out)
    return match.group(1) if match else out


@lru_cache(maxsize=4096)
def _to_html(text: str) -> str:
    return nh3.clean(_markdown_html(text), tags=TAGS, attributes=ATTRIBUTES, link_rel=None, attribute_filter=_keep_allowed_urls)


class _Urls(HTMLParser):
    """Every href and src in rendered HTML, entities decoded as a browser decodes them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            kind = URL_ATTRIBUTES.get((tag, name))
            if kind and value is not None:
                self.found.append((kind, value))


def url_problems(text: str) -> list[str]:
    """Why the links and images in this Markdown are refused (empty when all pass the policy)."""
    parser = _Urls()
    parser.feed(_markdown_html(text))
    parser.close()
    return [problem for kind, url in parser.found if (problem := url_problem(url, kind))]  # type: ignore[arg-type]


def inline_markdown(text: str, link: Link) -> Markup:
    """Render `text`; links to `.md` pages are docs-relative and are resolved with `link`."""
    out = _HREF.sub(lambda m: f'href="{html.escape(link(m.group(1) + (m.group(2) or "")))}"', _to_html(text))
    return Markup(out)


def plain_text(text: str) -> str:
    """The text a reader sees, for Markdown exports and for comparing wordings."""
    return html.unescape(re.sub(r"<[^>]+>", "", _to_html(text)))


def linked_pages(text: str) -> list[str]:
    """The docs-relative pages (`x/y.md`, anchors dropped) this Markdown links to."""
    return [m.group(1) for m in _HREF.finditer(_to_html(text))]


_MARKDOWN_SYNTAX = re.compile(r"([\\`*_\[\]~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def markdown_text(text: str) -> str:
    """Plain text (a word, a title, a norm's value in words) placed inside Markdown: read as the same
    text, never as emphasis, code, a link, strikethrough, an entity or HTML."""
    return _ENTITY.sub("&amp;", _MARKDOWN_SYNTAX.sub(r"\\\1", text)).replace("<", "&lt;")


_HEADING_SYNTAX = re.compile(r"[\\`*_{}\[\]()#+\-.!|~>]")  # what Python-Markdown reads as syntax after a backslash


def markdown_heading(level: int, text: str) -> str:
    """A Markdown heading of text from data (a role name, an area, a fork's word): HTML-escaped, and
    every character Markdown would read as syntax backslash-escaped, so `[x](javascript:...)` stays text."""
    return "#" * level + " " + _HEADING_SYNTAX.sub(r"\\\g<0>", html.escape(text, quote=False)) + "\n\n"
