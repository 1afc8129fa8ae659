"""The machine-readable handbook in the build (contract 8): a Markdown copy beside every page,
announced in its head, and `llms.txt` and `llms-full.txt` at the site root.

Why not the mkdocs-llmstxt plugin: see README ("The machine-readable handbook"). In short, its
sections are lists of files written in mkdocs.yml (a fork's nav, renames and hidden pages would
not follow), it refuses to build without a `site_url` (a fork without one gets site-root paths
here, as in the exports), it writes copies only of the pages listed, drops every SVG with no text
in its place, has no task lists for the checklists, adds no `<link>` to the pages, and would bring
four runtime dependencies (BeautifulSoup, markdownify, mdformat, mdformat-tables).

Each copy is made from the page's final HTML (`page.content` in on_post_page, after every
plugin's on_page_content), so it holds what the reader sees. With directory URLs (the site) a
page at `x/index.html` has its copy at `x/index.md`; the offline copy has no directory URLs, so
`x.html` has `x.md`, unless that name is already a file of the site (a checklist's Markdown
download, `checklists/<id>.md`, which is that checklist's page as Markdown): then the page's link
names that file and no copy is written over it.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros.contract import absolute_url
from macros.data.wordbook import Words
from macros.render.llms import PageCopy, llms_full, llms_index, page_markdown
from macros.site.htmltext import plain

LLMS_TXT, LLMS_FULL = "llms.txt", "llms-full.txt"


def copy_path(dest_uri: str) -> str:
    """`x/index.html` -> `x/index.md`; `x.html` -> `x.md`."""
    return posixpath.splitext(dest_uri)[0] + ".md"


class MarkdownCopies:
    """One build's copies, by page source path, and what they need from the config."""

    def __init__(self, site_url: str, site_name: str, description: str, words: Words) -> None:
        self.site_url, self.site_name, self.description, self.words = site_url, plain(site_name), plain(description or ""), words
        self.copies: dict[str, PageCopy] = {}
        self.paths: dict[str, str] = {}  # source path -> where its copy is written
        self.taken: set[str] = set()  # files of the site a copy must not overwrite

    def note_files(self, files: Files) -> None:
        self.taken = {f.dest_uri for f in files if not f.is_documentation_page()}

    def add(self, page: Page, output: str) -> str:
        """Make the page's copy and return its HTML with the `<link>` to it in the head."""
        title = plain(page.title or self.site_name)
        source = self.words("export-from", site=self.site_name)
        text = page_markdown(page.content or "", title, self.site_url, page.url, source)
        path = copy_path(page.file.dest_uri)
        if path not in self.taken:
            self.paths[page.file.src_uri] = path
        description = plain(page.meta.get("description") or "")
        self.copies[page.file.src_uri] = PageCopy(title, str(description), absolute_url(self.site_url, path), text)
        # rel="alternate " (one token, a trailing space the HTML spec allows): Material takes every
        # element matching [rel=alternate] for a language version of the site and fetches the
        # sitemap.xml beside it, a 404 for every page; readers of rel tokens still see "alternate".
        link = Markup('<link rel="alternate " type="text/markdown" href="{}">\n').format(posixpath.basename(path))
        return output.replace("</head>", str(link) + "</head>", 1)

    def sections(self, nav: Navigation, hidden: set[str]) -> list[tuple[str, list[PageCopy]]]:
        """The nav's top-level sections in order, each with its pages (nested sections flattened);
        the top-level pages together, first. Hidden pages and pages outside the nav are left out."""

        def pages(items: list[Any]) -> list[PageCopy]:
            found = []
            for item in items:
                if item.is_section:
                    found += pages(item.children)
                elif item.is_page and item.file.src_uri not in hidden and item.file.src_uri in self.copies:
                    found.append(self.copies[item.file.src_uri])
            return found

        top = pages([item for item in nav.items if item.is_page])
        return [(self.words("llms-pages"), top)] + [(plain(item.title or ""), pages(item.children)) for item in nav.items if item.is_section]

    def write(self, site_dir: Path, nav: Navigation | None, hidden: set[str]) -> None:
        for src, path in self.paths.items():
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(self.copies[src].text, encoding="utf-8")
        sections = self.sections(nav, hidden) if nav else []
        (site_dir / LLMS_TXT).write_text(llms_index(self.site_name, self.description, sections), encoding="utf-8")
        listed = [copy for _, copies in sections for copy in copies]
        (site_dir / LLMS_FULL).write_text(llms_full(self.site_name, self.description, listed), encoding="utf-8")
