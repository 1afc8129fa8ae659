"""The machine-readable handbook (contract 8): each page's Markdown copy, `llms.txt` and
`llms-full.txt`, from the pages' HTML. Pure text functions; macros/site/llms.py runs them in the build.

`llms.txt` follows the llmstxt.org convention: `# site name`, `> site description`, then one
`## section` per top-level nav section, each a list of `- [title](URL of the Markdown copy): description`.
Every URL is absolute the way the exports print them (contract.absolute_url): under the company's
`site_url` when it has one, else from the site root.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin

from macros.contract import absolute_url
from macros.render.mdcopy import escape, to_markdown

ORIGIN = "https://site.invalid/"  # a stand-in origin to resolve relative links against


@dataclass(frozen=True)
class PageCopy:
    title: str
    description: str
    markdown_url: str  # where the copy is published, absolute
    text: str


def resolver(site_url: str, page_url: str) -> Callable[[str], str]:
    """href or src as written in the page at `page_url` -> absolute URL; other origins and schemes stay as they are."""

    def resolve(href: str) -> str:
        joined = urljoin(ORIGIN + page_url, href)
        return absolute_url(site_url, joined[len(ORIGIN) :]) if joined.startswith(ORIGIN) else href

    return resolve


def one_line(text: str) -> str:
    return " ".join(text.split())


def page_markdown(html: str, title: str, site_url: str, page_url: str, source: str) -> str:
    """A page's copy: its heading (the page's own, or its title), `source` followed by the page's
    address, the page's content, and the abbreviations its text uses (`*[CI]: Continuous
    Integration`, the syntax the site's pages are written in)."""
    resolve = resolver(site_url, page_url)
    blocks, abbreviations = to_markdown(html, resolve)
    heading = blocks.pop(0) if blocks and blocks[0].startswith("# ") else f"# {escape(one_line(title))}"
    url = absolute_url(site_url, page_url)
    lines = [f"*[{text}]: {_attribute_text(meaning)}" for text, meaning in abbreviations.items() if not re.search(r"[\[\]<&\n]", text)]
    parts = [heading, f"{escape(source)} [{escape(url)}]({url})", *blocks, "\n".join(lines)]
    return "\n\n".join(part for part in parts if part) + "\n"


def _attribute_text(text: str) -> str:
    """An abbreviation's meaning, which Markdown shows as a title: no tag, no entity but the ones it writes."""
    return one_line(text).replace("&", "&amp;").replace("<", "&lt;")


def _link(copy: PageCopy) -> str:
    description = one_line(copy.description)
    return f"- [{escape(one_line(copy.title))}]({copy.markdown_url})" + (f": {escape(description)}" if description else "")


def _head(site_name: str, description: str) -> str:
    return f"# {escape(one_line(site_name))}\n\n" + (f"> {escape(one_line(description))}\n\n" if description.strip() else "")


def llms_index(site_name: str, description: str, sections: list[tuple[str, list[PageCopy]]]) -> str:
    """llms.txt: the site's pages by nav section, each linked to its Markdown copy."""
    body = [f"## {escape(one_line(name))}\n\n" + "\n".join(_link(c) for c in copies) for name, copies in sections if copies]
    return _head(site_name, description) + "\n\n".join(body) + "\n"


def llms_full(site_name: str, description: str, copies: list[PageCopy]) -> str:
    """llms-full.txt: every page's copy, in nav order, each opening with its title and address."""
    return _head(site_name, description) + "\n".join(copy.text for copy in copies)
