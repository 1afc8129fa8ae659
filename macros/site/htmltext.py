"""Everything Material's templates print is HTML text by the time they print it.

MkDocs renders Material's templates without autoescaping, and Material prints the site name,
page titles, descriptions and the repository's name and URL as they are (in the header logo's
`aria-label`, the drawer, `<meta name="description">`, the source link, ...). These values come
from data/company.yml and page front matter, which anyone in a company may edit, so a `"` in
a company name would break out of an attribute on every page.

Rather than copy each of Material's templates to add `| e`, each value is escaped once, here,
into a `markupsafe.Markup`: printed raw it is already safe, and the `| e` that some templates
do apply leaves a Markup alone, so nothing is escaped twice. Python code that needs the plain
text back calls `plain()`.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page


def html_text(value: Any) -> Markup:
    """Plain text -> escaped HTML text; a value that already is HTML text stays as it is."""
    return value if isinstance(value, Markup) else escape(str(value))


def plain(value: str) -> str:
    """The reader-facing text of a value that may have been escaped by `html_text`."""
    return value.unescape() if isinstance(value, Markup) else value


def escape_config(config: MkDocsConfig) -> None:
    """The settings Material prints unescaped: site name and description, repository name and URL."""
    for key in ("site_name", "site_description", "repo_name", "repo_url"):
        if config.get(key):
            config[key] = html_text(config[key])


def escape_page_meta(page: Page) -> None:
    """Front matter is plain text written by a person. Two kinds of title are HTML text already:
    a title written as a template, which mkdocs-macros rendered (its macros return escaped HTML,
    as they do in the page body), and the front matter of pages generated from the data (written
    escaped by macros/render/pages.py)."""
    rendered = vars(page).get("title")  # mkdocs-macros sets it after rendering a title's Jinja
    if isinstance(rendered, str):
        page.title = Markup(rendered)  # type: ignore[misc]
        if "title" in page.meta:
            page.meta["title"] = page.title  # Material's header prints the meta title, not the template
    generated = page.file.generated_by is not None
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = Markup(value) if generated else escape(value)


def escape_nav(nav: Navigation) -> None:
    """Section and link titles (from mkdocs.yml and settings.pages_section) are plain text."""

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, (Section, Link)) and item.title is not None:
                item.title = html_text(item.title)
            if isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
